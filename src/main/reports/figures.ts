// The raw counts of one school year, straight from SQL (GROUP BY in the database, never a loop over
// records): incidents by category, platform, month, severity and location; distinct people per kind
// and role; measures by kind; reports to authorities; obligations on time or late; repeat daders.
// These numbers are never shown as they are: publish.ts suppresses small groups first.
import type { DB } from '../db/open';
import { schoolYearBounds } from '../../shared/schoolYear';
import { hasTable } from '../calendar/items';

export type Counts = Map<string, number>;

export const VERPLICHTING_KEYS = ['op_tijd', 'te_laat', 'open_te_laat', 'open'] as const;

export interface RawYear {
  meldingen: number;
  categorie: Counts;
  platform: Counts;
  /** Keyed by month number "01"–"12". */
  maand: Counts;
  ernst: Counts;
  locatie: Counts;
  maatregel: Counts;
  externeMelding: Counts;
  /** Null when the obligations table does not exist. */
  verplichtingen: Counts | null;
  /** Distinct people, keyed "soort|rol". */
  rollen: Counts;
  daders: number;
  herhaalDaders: number;
}

const grouped = (db: DB, sql: string, ...params: unknown[]): Counts =>
  new Map((db.prepare(sql).all(...params) as { k: string; n: number }[]).map((r) => [r.k, r.n]));

export function rawYear(db: DB, schooljaar: string, today: string): RawYear {
  const { start, end } = schoolYearBounds(schooljaar);
  const by = (col: string) => grouped(db, `SELECT ${col} AS k, count(*) AS n FROM incident WHERE schooljaar = ? GROUP BY k`, schooljaar);
  const meldingen = (db.prepare('SELECT count(*) AS n FROM incident WHERE schooljaar = ?').get(schooljaar) as { n: number }).n;

  // Everyone involved in an incident of the year, once per role (the reporter may be a person too).
  const rollen = grouped(
    db,
    `SELECT p.soort || '|' || x.rol AS k, count(DISTINCT x.person_id) AS n FROM (
       SELECT ip.person_id, ip.rol FROM incident_person ip JOIN incident i ON i.id = ip.incident_id WHERE i.schooljaar = ?
       UNION SELECT i.melder_id, 'melder' FROM incident i WHERE i.schooljaar = ? AND i.melder_id IS NOT NULL
     ) x JOIN person p ON p.id = x.person_id GROUP BY k`,
    schooljaar,
    schooljaar,
  );

  const repeat = db
    .prepare(
      `SELECT count(*) AS daders, coalesce(sum(n > 1), 0) AS herhaal FROM (
         SELECT ip.person_id, count(DISTINCT ip.incident_id) AS n FROM incident_person ip JOIN incident i ON i.id = ip.incident_id
         WHERE i.schooljaar = ? AND ip.rol = 'dader' GROUP BY ip.person_id)`,
    )
    .get(schooljaar) as { daders: number; herhaal: number };

  return {
    meldingen,
    categorie: by('categorie'),
    platform: by('platform'),
    maand: by('substr(datum_voorval, 6, 2)'),
    ernst: by('ernst'),
    locatie: by('locatie'),
    maatregel: grouped(
      db,
      `SELECT soort AS k, count(*) AS n FROM measure WHERE besluit_datum BETWEEN ? AND ? AND status <> 'ingetrokken' GROUP BY k`,
      start,
      end,
    ),
    externeMelding: grouped(
      db,
      'SELECT instantie AS k, count(*) AS n FROM external_report WHERE datum BETWEEN ? AND ? GROUP BY k',
      start,
      end,
    ),
    verplichtingen: obligationCounts(db, start, end, today),
    rollen,
    daders: repeat.daders,
    herhaalDaders: repeat.herhaal,
  };
}

/**
 * Obligations (migration 002) whose term falls in the year, not marked "not applicable": done
 * before the day they became overdue (on time), done later (late), still open and overdue, or
 * still open within the term. Milestones without any term cannot be on time or late: left out.
 */
function obligationCounts(db: DB, start: string, end: string, today: string): Counts | null {
  if (!hasTable(db, 'obligation')) return null;
  return grouped(
    db,
    `SELECT CASE
         WHEN status = 'gedaan' AND gedaan_op < grens THEN 'op_tijd'
         WHEN status = 'gedaan' THEN 'te_laat'
         WHEN ? >= grens THEN 'open_te_laat'
         ELSE 'open' END AS k, count(*) AS n
     FROM (SELECT status, gedaan_op, coalesce(te_laat_vanaf, date(uiterlijk, '+1 day')) AS grens, coalesce(uiterlijk, te_laat_vanaf) AS termijn
           FROM obligation WHERE status <> 'nvt')
     WHERE termijn BETWEEN ? AND ? GROUP BY k`,
    today,
    start,
    end,
  );
}
