// Obligations the app can mark done itself, because the record that proves it exists: a report to the
// Inspectie, leerplicht, vertrouwensinspecteur or police; a hearing; a receiving school. The status
// then says by whom and when (from that record) and which record did it ('externe_melding:12').
import type { DB } from '../db/open';

export interface Completion {
  /** The record that did it, e.g. 'externe_melding:12'. */
  ref: string;
  datum: string;
  tijd: string | null;
  door: string | null;
  toelichting: string;
}

export interface MeasureRef {
  id: number;
  incident_id: number | null;
  person_id: number;
}

interface ReportRow {
  id: number;
  instantie: string;
  soort: string;
  datum: string;
  tijd: string | null;
  door: string | null;
  kenmerk: string | null;
}

const INSTANTIE_NAAM: Record<string, string> = {
  inspectie: 'de Inspectie',
  leerplicht: 'de leerplichtambtenaar',
  vertrouwensinspecteur: 'de vertrouwensinspecteur',
  politie: 'de politie',
};

const fromReport = (r: ReportRow): Completion => ({
  ref: `externe_melding:${r.id}`,
  datum: r.datum,
  tijd: r.tijd,
  door: r.door,
  toelichting: `Vastgelegd als ${r.soort} bij ${INSTANTIE_NAAM[r.instantie] ?? r.instantie}${r.kenmerk ? ` (kenmerk ${r.kenmerk})` : ''}.`,
});

/**
 * The first report to an instantie about this measure: linked to it, or (not linked to any measure)
 * on the same incident and about the same pupil.
 */
function reportForMeasure(db: DB, m: MeasureRef, instantie: string, soorten?: string[]): Completion | null {
  if (m.incident_id === null) return null;
  const rows = db
    .prepare(
      `SELECT id, instantie, soort, datum, tijd, door, kenmerk FROM external_report
        WHERE instantie = ? AND incident_id = ? AND (measure_id = ? OR (measure_id IS NULL AND person_id = ?))
        ORDER BY measure_id IS NULL, datum, id`,
    )
    .all(instantie, m.incident_id, m.id, m.person_id) as ReportRow[];
  const r = rows.find((x) => !soorten || soorten.includes(x.soort));
  return r ? fromReport(r) : null;
}

/** A report on the incident; for the sexual-offence path only one with a time counts (date AND time). */
function reportForIncident(db: DB, incidentId: number, instantie: string, soort?: string): Completion | null {
  const r = db
    .prepare(
      `SELECT id, instantie, soort, datum, tijd, door, kenmerk FROM external_report
        WHERE instantie = ? AND incident_id = ? AND tijd IS NOT NULL AND (? IS NULL OR soort = ?) ORDER BY datum, tijd, id LIMIT 1`,
    )
    .get(instantie, incidentId, soort ?? null, soort ?? null) as ReportRow | undefined;
  return r ? fromReport(r) : null;
}

const GEHOORD: Record<string, string> = { leerling: 'de leerling', ouders: 'de ouders', docent: 'de leraar', medewerker: 'de medewerker' };

type HearingHit = { id: number; gehoord: string; datum: string; tijd: string | null; door: string; uitkomst: string } | undefined;

/** A hearing proves the step also when the invitation was refused or left unanswered, recorded as such. */
const hoofdletter = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}`;
const UITKOMST: Record<string, (wie: string) => string> = {
  gehoord: (wie) => `Hoorgesprek met ${wie} vastgelegd.`,
  geweigerd: (wie) =>
    wie === GEHOORD.ouders
      ? `${hoofdletter(wie)} zijn uitgenodigd voor een hoorgesprek en hebben geweigerd.`
      : `${hoofdletter(wie)} is uitgenodigd voor een hoorgesprek en heeft geweigerd.`,
  geen_reactie: (wie) =>
    wie === GEHOORD.ouders
      ? `${hoofdletter(wie)} zijn uitgenodigd voor een hoorgesprek en hebben niet gereageerd.`
      : `${hoofdletter(wie)} is uitgenodigd voor een hoorgesprek en heeft niet gereageerd.`,
};

const fromHearing = (h: HearingHit): Completion | null =>
  h
    ? { ref: `hoorgesprek:${h.id}`, datum: h.datum, tijd: h.tijd, door: h.door, toelichting: UITKOMST[h.uitkomst](GEHOORD[h.gehoord]) }
    : null;

function hearing(db: DB, measureId: number, wie: string[]): Completion | null {
  const h = db
    .prepare(
      `SELECT id, gehoord, datum, tijd, door, uitkomst FROM hearing WHERE measure_id = ? AND gehoord IN (${wie.map(() => '?').join(', ')}) ORDER BY datum, id LIMIT 1`,
    )
    .get(measureId, ...wie) as HearingHit;
  return fromHearing(h);
}

/** The expulsion procedure is one: a hearing recorded on the intention or on the decision counts for both. */
function expulsionHearing(db: DB, personId: number, wie: string): Completion | null {
  const h = db
    .prepare(
      `SELECT h.id, h.gehoord, h.datum, h.tijd, h.door, h.uitkomst FROM hearing h JOIN measure m ON m.id = h.measure_id
        WHERE m.person_id = ? AND m.soort IN ('voornemen_verwijdering','verwijdering') AND h.gehoord = ? ORDER BY h.datum, h.id LIMIT 1`,
    )
    .get(personId, wie) as HearingHit;
  return fromHearing(h);
}

/** The first school recorded as admitting this pupil, on any of their (intended) expulsions. */
export function admittingSchool(db: DB, personId: number): { id: number; datum: string; school: string; door: string } | null {
  const s = db
    .prepare(
      `SELECT s.id, s.datum, s.school, s.door FROM expulsion_search s JOIN measure m ON m.id = s.measure_id
        WHERE m.person_id = ? AND s.resultaat = 'aangenomen' ORDER BY s.datum, s.id LIMIT 1`,
    )
    .get(personId) as { id: number; datum: string; school: string; door: string } | undefined;
  return s ?? null;
}

/** A receiving school recorded for this pupil, as the completion of the search step. */
export function receivingSchool(db: DB, personId: number): Completion | null {
  const s = admittingSchool(db, personId);
  return s
    ? { ref: `zoektocht:${s.id}`, datum: s.datum, tijd: null, door: s.door, toelichting: `${s.school} laat de leerling toe.` }
    : null;
}

export function measureCompletion(db: DB, m: MeasureRef, regel: string, sleutel: string): Completion | null {
  switch (regel) {
    case 'schorsing.isd':
      return reportForMeasure(db, m, 'inspectie');
    case 'schorsing.leerplicht':
    case 'verwijdering.leerplicht':
      return reportForMeasure(db, m, 'leerplicht');
    case 'verwijdering.inspectie':
      return reportForMeasure(db, m, 'inspectie', ['melding']);
    case 'verwijdering.overleg_inspectie':
      return reportForMeasure(db, m, 'inspectie', ['consultatie']);
    case 'schorsing.horen':
      return hearing(db, m.id, [sleutel]);
    case 'verwijdering.horen':
      return expulsionHearing(db, m.person_id, sleutel);
    case 'personeel.zienswijze':
      return hearing(db, m.id, ['medewerker']);
    case 'verwijdering.zoeken':
      return receivingSchool(db, m.person_id);
    default:
      return null;
  }
}

export function incidentCompletion(db: DB, incidentId: number, regel: string): Completion | null {
  switch (regel) {
    case 'zeden.vertrouwensinspecteur':
      return reportForIncident(db, incidentId, 'vertrouwensinspecteur');
    case 'zeden.aangifte':
      return reportForIncident(db, incidentId, 'politie', 'aangifte');
    default:
      return null;
  }
}
