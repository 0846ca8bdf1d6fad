// Reading measures (maatregelen) as the API shows them.
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import type { Measure } from '@shared/api/measures';
import type { Maatregel, MaatregelStatus } from '@shared/domain';
import { personRef } from '../people/people';

export interface MeasureRow {
  id: number;
  incident_id: number | null;
  person_id: number;
  soort: Maatregel;
  status: MaatregelStatus;
  besluit_datum: string;
  besloten_door: string | null;
  startdatum: string | null;
  einddatum: string | null;
  duur_dagen: number | null;
  vorm: 'intern' | 'extern' | null;
  afspraken_schoolwerk: string | null;
  toelichting: string | null;
  override_reden: string | null;
  beoogd_besluit: string | null;
  created_at: string;
  updated_at: string;
  versie: number;
}

export function toMeasure(db: DB, r: MeasureRow): Measure {
  return {
    id: r.id,
    incidentId: r.incident_id,
    personId: r.person_id,
    persoon: personRef(db, r.person_id)!,
    soort: r.soort,
    status: r.status,
    besluitDatum: r.besluit_datum,
    beslotenDoor: r.besloten_door,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    duurDagen: r.duur_dagen,
    vorm: r.vorm,
    afsprakenSchoolwerk: r.afspraken_schoolwerk,
    toelichting: r.toelichting,
    overrideReden: r.override_reden,
    beoogdBesluit: r.beoogd_besluit,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    versie: r.versie,
  };
}

export function getMeasure(db: DB, id: number): Measure {
  const r = db.prepare('SELECT * FROM measure WHERE id = ?').get(id) as MeasureRow | undefined;
  if (!r) throw notFound('Deze maatregel');
  return toMeasure(db, r);
}

/** Measures of a person and/or an incident, newest decision first (all, when neither is given). */
export function listMeasures(db: DB, f: { personId?: number; incidentId?: number }): Measure[] {
  const where: string[] = [];
  const params: number[] = [];
  if (f.personId !== undefined) {
    where.push('person_id = ?');
    params.push(f.personId);
  }
  if (f.incidentId !== undefined) {
    where.push('incident_id = ?');
    params.push(f.incidentId);
  }
  const rows = db
    .prepare(`SELECT * FROM measure ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY besluit_datum DESC, id DESC LIMIT 5000`)
    .all(...params) as MeasureRow[];
  return rows.map((r) => toMeasure(db, r));
}
