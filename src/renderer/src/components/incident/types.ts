// The incident form's own values: what the inputs hold, before they become an incidentInput.
import type { PersonRef } from '@shared/api/people';
import { incidentInput } from '@shared/api/incidents';
import type { Incident, IncidentInput } from '@shared/api/incidents';
import type { Rol } from '@shared/domain';

export interface InvolvedValue {
  persoon: PersonRef;
  rol: Rol;
  toelichting: string;
}

export interface ActionValue {
  actie: string;
  datum: string;
  toelichting: string;
}

/**
 * The fields the form holds as text under the contract's own name ("" for empty). With the few
 * fields below that the form holds otherwise, this is the form's one field list: the values, the
 * empty form, the form from a saved incident, the input and which messages sit next to a field are
 * all derived from it, and a field the contract adds that is in neither is a type error.
 */
const TEXT_FIELDS = [
  'datumVoorval',
  'tijdVoorval',
  'datumMelding',
  'melderOmschrijving',
  'locatie',
  'platform',
  'platformAnders',
  'categorie',
  'ernst',
  'status',
  'omschrijving',
  'vervolg',
] as const satisfies readonly (keyof IncidentInput & keyof Incident)[];
type TextField = (typeof TEXT_FIELDS)[number];

/** The fields the form holds otherwise (the reporter as a person or as text, and the lists). */
interface OtherValues {
  melderMode: 'persoon' | 'tekst';
  melder: PersonRef | null;
  regelIds: number[];
  betrokkenen: InvolvedValue[];
  directeActies: ActionValue[];
}

export type IncidentValues = Record<TextField, string> & OtherValues;

function values(text: (k: TextField) => string, other: OtherValues): IncidentValues {
  const v = {} as Record<TextField, string>;
  for (const k of TEXT_FIELDS) v[k] = text(k);
  return { ...v, ...other };
}

export function emptyIncident(today: string): IncidentValues {
  const start: Partial<Record<TextField, string>> = { datumVoorval: today, datumMelding: today, status: 'open' };
  return values((k) => start[k] ?? '', { melderMode: 'persoon', melder: null, regelIds: [], betrokkenen: [], directeActies: [] });
}

export function fromIncident(i: Incident): IncidentValues {
  return values((k) => i[k] ?? '', {
    melderMode: i.melderId || !i.melderOmschrijving ? 'persoon' : 'tekst',
    melder: i.melder,
    regelIds: i.regels.map((r) => r.id),
    betrokkenen: i.betrokkenen.map((b) => ({ persoon: b.persoon, rol: b.rol, toelichting: b.toelichting ?? '' })),
    directeActies: i.directeActies.map((a) => ({ actie: a.actie, datum: a.datum, toelichting: a.toelichting ?? '' })),
  });
}

/** The input fields the form does not pass on as text as they are. */
const OTHER_INPUT = {
  melderId: (v) => (v.melderMode === 'persoon' ? (v.melder?.id ?? null) : null),
  melderOmschrijving: (v) => (v.melderMode === 'tekst' ? v.melderOmschrijving : ''),
  platformAnders: (v) => (v.platform === 'overig' ? v.platformAnders : ''),
  regelIds: (v) => v.regelIds,
  betrokkenen: (v) => v.betrokkenen.map((b) => ({ personId: b.persoon.id, rol: b.rol, toelichting: b.toelichting })),
  directeActies: (v) => v.directeActies.map((a) => ({ actie: a.actie as 'overig', datum: a.datum, toelichting: a.toelichting })),
} satisfies { [K in keyof IncidentInput]?: (v: IncidentValues) => IncidentInput[K] };

// Every field of the contract's input is in TEXT_FIELDS or OTHER_INPUT (else this line fails to compile).
const complete: Exclude<keyof IncidentInput, TextField | keyof typeof OTHER_INPUT> extends never ? true : never = true;
void complete;

/** The values as the API wants them; the core validates (and names the fields at fault). */
export function toInput(v: IncidentValues): IncidentInput {
  const input: Record<string, unknown> = {};
  for (const k of TEXT_FIELDS) input[k] = v[k];
  for (const [k, to] of Object.entries(OTHER_INPUT)) input[k] = to(v);
  return input as IncidentInput;
}

/** Field paths the form shows next to an input: the contract's fields (the rest go to the alert at the top). */
const INPUT_FIELDS = new Set(Object.keys(incidentInput.shape));
export const isIncidentField = (p: string) => INPUT_FIELDS.has(p.split('.')[0]);
