// Incidents (meldingen) with the people involved, rules broken, immediate actions and evidence.
import { z } from 'zod';
import { PLATFORM, LOCATIE, ERNST, INCIDENT_STATUS, ROL, DIRECTE_ACTIE } from '../domain';
import type { Platform, Locatie, Ernst, IncidentStatus, Rol, DirecteActie } from '../domain';
import { fileName, id, isoDate, time, line, optional, text, paging, sortDir, schooljaar } from './common';
import type { Page } from './common';
import { recordVersion } from './people';
import type { PersonRef } from './people';
import type { Measure } from './measures';
import type { ExternalReport } from './externalReports';
import { read, write } from './define';
import { IEDEREEN_MET_NAMEN, rollen } from './roles';

export const involvedInput = z.object({
  personId: id,
  rol: z.enum(ROL.codes, { error: 'Kies een rol.' }),
  toelichting: optional(line(500)),
});

export const actionInput = z.object({
  actie: z.enum(DIRECTE_ACTIE.codes, { error: 'Kies een actie.' }),
  datum: isoDate,
  toelichting: optional(line(500)),
});

export const incidentInput = z.object({
  datumVoorval: isoDate,
  tijdVoorval: optional(time),
  datumMelding: isoDate,
  melderId: id.nullable().optional(),
  /** Free text when the reporter is not a person in the app (e.g. "anonieme melding"). */
  melderOmschrijving: optional(line(200)),
  locatie: z.enum(LOCATIE.codes, { error: 'Kies waar het gebeurde.' }),
  platform: z.enum(PLATFORM.codes, { error: 'Kies het platform.' }),
  platformAnders: optional(line(100)),
  categorie: z.string({ error: 'Kies een categorie.' }).regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Kies een categorie.' }),
  ernst: z.enum(ERNST.codes, { error: 'Kies de ernst.' }),
  omschrijving: text(20000).refine((s) => s.trim().length > 0, { error: 'Beschrijf feitelijk wat er gebeurde.' }),
  status: z.enum(INCIDENT_STATUS.codes).default('open'),
  /** Rule ids from the protocol version in force on datumVoorval. */
  regelIds: z.array(id).max(50).default([]),
  betrokkenen: z.array(involvedInput).max(200).default([]),
  directeActies: z.array(actionInput).max(50).default([]),
  vervolg: optional(text(5000)),
});
export type IncidentInput = z.input<typeof incidentInput>;

export interface Involved {
  personId: number;
  persoon: PersonRef;
  rol: Rol;
  toelichting: string | null;
}

export interface Evidence {
  id: number;
  incidentId: number;
  soort: 'bestand' | 'link';
  bestandsnaam: string | null;
  mime: string | null;
  grootte: number | null;
  sha256: string | null;
  url: string | null;
  omschrijving: string | null;
  beveiligdOp: string;
  createdAt: string;
  /**
   * Files only, from incidents.get and evidence.get: false when the stored file no longer matches
   * the SHA-256 taken when it was secured (changed or gone), so it is no longer the original evidence.
   */
  intact?: boolean | null;
}

export interface Incident {
  id: number;
  /** Human reference, e.g. "M2026-0042". */
  nummer: string;
  datumVoorval: string;
  tijdVoorval: string | null;
  datumMelding: string;
  melderId: number | null;
  melder: PersonRef | null;
  melderOmschrijving: string | null;
  locatie: Locatie;
  platform: Platform;
  platformAnders: string | null;
  categorie: string;
  ernst: Ernst;
  omschrijving: string;
  status: IncidentStatus;
  schooljaar: string;
  protocolId: number | null;
  regels: { id: number; volledigNummer: string; tekst: string }[];
  betrokkenen: Involved[];
  directeActies: { actie: DirecteActie; datum: string; toelichting: string | null }[];
  bewijs: Evidence[];
  maatregelen: Measure[];
  externeMeldingen: ExternalReport[];
  vervolg: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Raised by one on every save of the incident, and when a measure moves its status on
   * (docs/SERVER.md "Tegelijk bewerken").
   */
  versie: number;
}

export interface IncidentRow {
  id: number;
  nummer: string;
  datumVoorval: string;
  datumMelding: string;
  categorie: string;
  platform: Platform;
  locatie: Locatie;
  ernst: Ernst;
  status: IncidentStatus;
  schooljaar: string;
  /** Names of the daders, comma separated (for the grid). */
  daders: string;
  slachtoffers: string;
  omschrijving: string;
  aantalMaatregelen: number;
}

export const incidentSortField = z.enum(['datumVoorval', 'datumMelding', 'nummer', 'categorie', 'platform', 'ernst', 'status']);

export const incidentFilter = z
  .object({
    status: z.array(z.enum(INCIDENT_STATUS.codes)).max(4).optional(),
    categorie: z.array(z.string().max(40)).max(50).optional(),
    platform: z.array(z.enum(PLATFORM.codes)).max(10).optional(),
    ernst: z.array(z.enum(ERNST.codes)).max(4).optional(),
    schooljaar: schooljaar.optional(),
    personId: id.optional(),
  })
  .default({});

export const incidentListInput = z.object({
  ...paging,
  sort: z.object({ field: incidentSortField, dir: sortDir }).default({ field: 'datumVoorval', dir: 'desc' }),
  filter: incidentFilter,
  /** Quick search over number, description and names (FTS5 prefix search). */
  search: optional(line(200)),
  /**
   * Keyset cursor: the `volgende` of the previous page. When given (and `offset` is where that
   * page ended), the page is read from the index right after the previous one, however deep.
   */
  na: optional(z.string().max(500)),
});
export type IncidentListInput = z.input<typeof incidentListInput>;

/** The largest evidence file: 25 MB as people count it (decimal), checked by the window and the core. */
export const MAX_BEWIJS_BYTES = 25_000_000;
export const MAX_BEWIJS_MB = MAX_BEWIJS_BYTES / 1_000_000;
export const BEWIJS_TE_GROOT = `Een bestand mag hoogstens ${MAX_BEWIJS_MB} MB zijn.`;
/** Its base64 form (4 characters for 3 bytes), with 2% room for line breaks. */
const MAX_BEWIJS_BASE64 = Math.ceil((MAX_BEWIJS_BYTES / 3) * 4 * 1.02);

export const evidenceInput = z
  .object({
    incidentId: id,
    /** The original file name; never used as a path. */
    bestandsnaam: optional(fileName(255)),
    /** The file's bytes, base64 (at most MAX_BEWIJS_BYTES). */
    inhoudBase64: optional(z.string().max(MAX_BEWIJS_BASE64, { error: BEWIJS_TE_GROOT })),
    url: optional(z.url({ protocol: /^https?$/, error: 'Vul een geldige link in (https://…).' }).max(2000)),
    omschrijving: optional(line(500)),
    beveiligdOp: isoDate,
  })
  .refine((e) => (e.inhoudBase64 ? !!e.bestandsnaam : !!e.url), { error: 'Voeg een bestand of een link toe.', path: ['inhoudBase64'] });

export interface IncidentPage extends Page<IncidentRow> {
  /** Cursor for the next page (pass as `na` with offset + rows.length), null at the end. */
  volgende: string | null;
  /** True when a quick search has more hits than are listed: refine the search. */
  totaalIsMinimum?: boolean;
}

export const incidentsApi = {
  'incidents.list': read<IncidentPage>()(incidentListInput, { rollen: IEDEREEN_MET_NAMEN }),
  'incidents.get': read<Incident>()(z.object({ id }), { rollen: IEDEREEN_MET_NAMEN }),
  'incidents.create': write<Incident>()(incidentInput, { rollen: rollen('teamleider', 'mentor') }),
  'incidents.update': write<Incident>()(incidentInput.extend({ id, versie: recordVersion }), { rollen: rollen('teamleider', 'mentor') }),
  'evidence.add': write<Evidence>()(evidenceInput, { rollen: rollen('teamleider', 'mentor') }),
  /** The evidence file's bytes, for viewing; reading it is audited. */
  'evidence.get': read<{ bewijs: Evidence; inhoudBase64: string | null; /** The file still matches its SHA-256 (null for a link). */ intact?: boolean | null }>()(z.object({ id }), { rollen: IEDEREEN_MET_NAMEN }),
};
