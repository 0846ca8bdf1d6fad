// The incident form's own values: what the inputs hold, before they become an incidentInput.
import type { PersonRef } from '@shared/api/people';
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

export interface IncidentValues {
  datumVoorval: string;
  tijdVoorval: string;
  datumMelding: string;
  melderMode: 'persoon' | 'tekst';
  melder: PersonRef | null;
  melderOmschrijving: string;
  locatie: string;
  platform: string;
  platformAnders: string;
  categorie: string;
  ernst: string;
  status: string;
  omschrijving: string;
  regelIds: number[];
  betrokkenen: InvolvedValue[];
  directeActies: ActionValue[];
  vervolg: string;
}

export function emptyIncident(today: string): IncidentValues {
  return {
    datumVoorval: today,
    tijdVoorval: '',
    datumMelding: today,
    melderMode: 'persoon',
    melder: null,
    melderOmschrijving: '',
    locatie: '',
    platform: '',
    platformAnders: '',
    categorie: '',
    ernst: '',
    status: 'open',
    omschrijving: '',
    regelIds: [],
    betrokkenen: [],
    directeActies: [],
    vervolg: '',
  };
}

export function fromIncident(i: Incident): IncidentValues {
  return {
    datumVoorval: i.datumVoorval,
    tijdVoorval: i.tijdVoorval ?? '',
    datumMelding: i.datumMelding,
    melderMode: i.melderId || !i.melderOmschrijving ? 'persoon' : 'tekst',
    melder: i.melder,
    melderOmschrijving: i.melderOmschrijving ?? '',
    locatie: i.locatie,
    platform: i.platform,
    platformAnders: i.platformAnders ?? '',
    categorie: i.categorie,
    ernst: i.ernst,
    status: i.status,
    omschrijving: i.omschrijving,
    regelIds: i.regels.map((r) => r.id),
    betrokkenen: i.betrokkenen.map((b) => ({ persoon: b.persoon, rol: b.rol, toelichting: b.toelichting ?? '' })),
    directeActies: i.directeActies.map((a) => ({ actie: a.actie, datum: a.datum, toelichting: a.toelichting ?? '' })),
    vervolg: i.vervolg ?? '',
  };
}

/** The values as the API wants them; the core validates (and names the fields at fault). */
export function toInput(v: IncidentValues): IncidentInput {
  return {
    datumVoorval: v.datumVoorval,
    tijdVoorval: v.tijdVoorval,
    datumMelding: v.datumMelding,
    melderId: v.melderMode === 'persoon' ? (v.melder?.id ?? null) : null,
    melderOmschrijving: v.melderMode === 'tekst' ? v.melderOmschrijving : '',
    locatie: v.locatie as IncidentInput['locatie'],
    platform: v.platform as IncidentInput['platform'],
    platformAnders: v.platform === 'overig' ? v.platformAnders : '',
    categorie: v.categorie,
    ernst: v.ernst as IncidentInput['ernst'],
    omschrijving: v.omschrijving,
    status: v.status as IncidentInput['status'],
    regelIds: v.regelIds,
    betrokkenen: v.betrokkenen.map((b) => ({ personId: b.persoon.id, rol: b.rol, toelichting: b.toelichting })),
    directeActies: v.directeActies.map((a) => ({ actie: a.actie as 'overig', datum: a.datum, toelichting: a.toelichting })),
    vervolg: v.vervolg,
  };
}

/** Field paths the form shows next to an input (the rest go to the alert at the top). */
export const isIncidentField = (p: string) =>
  /^(datumVoorval|tijdVoorval|datumMelding|melderId|melderOmschrijving|locatie|platform|platformAnders|categorie|ernst|omschrijving|status|regelIds|betrokkenen|directeActies|vervolg)(\.|$)/.test(
    p,
  );
