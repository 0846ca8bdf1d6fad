// Reading reports to authorities as the API shows them.
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import type { ExternalReport } from '@shared/api/externalReports';
import type { Instantie, ExterneMeldingSoort } from '@shared/domain';

interface ReportRow {
  id: number;
  incident_id: number;
  person_id: number | null;
  measure_id: number | null;
  instantie: Instantie;
  soort: ExterneMeldingSoort;
  datum: string;
  tijd: string | null;
  door: string | null;
  kenmerk: string | null;
  politie_eenheid: string | null;
  schooladres_gebruikt: number | null;
  contactpersoon: string | null;
  toelichting: string | null;
  created_at: string;
  updated_at: string;
  versie: number;
}

const toReport = (r: ReportRow): ExternalReport => ({
  id: r.id,
  incidentId: r.incident_id,
  personId: r.person_id,
  measureId: r.measure_id,
  instantie: r.instantie,
  soort: r.soort,
  datum: r.datum,
  tijd: r.tijd,
  door: r.door,
  kenmerk: r.kenmerk,
  politieEenheid: r.politie_eenheid,
  schooladresGebruikt: r.schooladres_gebruikt === null ? null : r.schooladres_gebruikt === 1,
  contactpersoon: r.contactpersoon,
  toelichting: r.toelichting,
  createdAt: r.created_at,
  versie: r.versie,
});

export function getReport(db: DB, id: number): ExternalReport {
  const r = db.prepare('SELECT * FROM external_report WHERE id = ?').get(id) as ReportRow | undefined;
  if (!r) throw notFound('Deze melding bij een instantie');
  return toReport(r);
}

/** The reports of an incident in the order they were made. */
export function listReports(db: DB, incidentId: number): ExternalReport[] {
  return (db.prepare(`SELECT * FROM external_report WHERE incident_id = ? ORDER BY datum, coalesce(tijd, ''), id`).all(incidentId) as ReportRow[]).map(toReport);
}
