// The raw counts of one school year, straight from SQL (GROUP BY in the database, never a loop over
// records): incidents by category, platform, month, severity and location; distinct people per kind
// and role; measures by kind; reports to authorities; obligations on time or late; repeat daders.
// These numbers are never shown as they are: publish.ts suppresses small groups first.
// At a million incidents the incident figures come from counts kept by triggers (incident_count,
// incident_rol_count) and one covering index, never from the year's wide incident rows;
// test/integration/reportFigures.test.ts holds them against plain GROUP BYs over the incidents.
import type { DB } from '../db/open';
import { schoolYearBounds } from '@shared/schoolYear';
import { todayIn } from '@shared/dates';
import { hasTable } from '../planning/items';

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
  /** Measures by the category of their incident ('zonder_melding' for a measure without one). */
  maatregelCategorie: Counts;
  /** Incidents by status: 'open' (open, in onderzoek, maatregel genomen) or 'afgesloten'. */
  status: Counts;
  /** Days from report to closing, one per closed incident of the year whose closing was recorded, ascending. */
  doorlooptijden: number[];
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

/** One pass over incident_count (migration 007): the year's total and its three breakdowns kept there. */
function countedByColumn(db: DB, schooljaar: string) {
  const rows = db
    .prepare(
      'SELECT categorie, platform, ernst, sum(n) AS n FROM incident_count WHERE schooljaar = ? AND n > 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
    )
    .all(schooljaar) as { categorie: string; platform: string; ernst: string; n: number }[];
  const categorie: Counts = new Map();
  const platform: Counts = new Map();
  const ernst: Counts = new Map();
  const add = (c: Counts, k: string, n: number) => c.set(k, (c.get(k) ?? 0) + n);
  let meldingen = 0;
  for (const r of rows) {
    meldingen += r.n;
    add(categorie, r.categorie, r.n);
    add(platform, r.platform, r.n);
    add(ernst, r.ernst, r.n);
  }
  return { meldingen, categorie, platform, ernst };
}

/** Place and month in one pass over the covering index incident_jaar_plaats (migration 009). */
function placeAndMonth(db: DB, schooljaar: string): { locatie: Counts; maand: Counts } {
  const rows = db
    .prepare('SELECT locatie, substr(datum_voorval, 6, 2) AS maand, count(*) AS n FROM incident WHERE schooljaar = ? GROUP BY 1, 2')
    .all(schooljaar) as { locatie: string; maand: string; n: number }[];
  const locatie: Counts = new Map();
  const maand: Counts = new Map();
  for (const r of rows) {
    locatie.set(r.locatie, (locatie.get(r.locatie) ?? 0) + r.n);
    maand.set(r.maand, (maand.get(r.maand) ?? 0) + r.n);
  }
  return { locatie, maand };
}

/**
 * Distinct people per kind and role, and the daders with more than one incident, from
 * incident_rol_count (migration 009): one row per school year, role and person, so neither needs
 * the year's involvements grouped again. The reporter of an incident counts as 'melder' there too.
 */
function people(db: DB, schooljaar: string): { rollen: Counts; daders: number; herhaalDaders: number } {
  const rollen = grouped(
    db,
    `SELECT p.soort || '|' || x.rol AS k, count(*) AS n FROM incident_rol_count x JOIN person p ON p.id = x.person_id
     WHERE x.schooljaar = ? AND x.n > 0 GROUP BY k`,
    schooljaar,
  );
  const repeat = db
    .prepare(
      `SELECT count(*) AS daders, coalesce(sum(n > 1), 0) AS herhaal FROM incident_rol_count WHERE schooljaar = ? AND rol = 'dader' AND n > 0`,
    )
    .get(schooljaar) as { daders: number; herhaal: number };
  return { rollen, daders: repeat.daders, herhaalDaders: repeat.herhaal };
}

export function rawYear(db: DB, schooljaar: string, today: string): RawYear {
  const { start, end } = schoolYearBounds(schooljaar);
  return {
    ...countedByColumn(db, schooljaar),
    ...placeAndMonth(db, schooljaar),
    maatregel: grouped(
      db,
      `SELECT soort AS k, count(*) AS n FROM measure WHERE besluit_datum BETWEEN ? AND ? AND status <> 'ingetrokken' GROUP BY k`,
      start,
      end,
    ),
    maatregelCategorie: grouped(
      db,
      `SELECT coalesce(i.categorie, 'zonder_melding') AS k, count(*) AS n FROM measure m LEFT JOIN incident i ON i.id = m.incident_id
       WHERE m.besluit_datum BETWEEN ? AND ? AND m.status <> 'ingetrokken' GROUP BY k`,
      start,
      end,
    ),
    status: grouped(
      db,
      `SELECT CASE status WHEN 'afgesloten' THEN 'afgesloten' ELSE 'open' END AS k, count(*) AS n FROM incident WHERE schooljaar = ? GROUP BY k`,
      schooljaar,
    ),
    doorlooptijden: handlingDays(db, schooljaar),
    externeMelding: grouped(
      db,
      'SELECT instantie AS k, count(*) AS n FROM external_report WHERE datum BETWEEN ? AND ? GROUP BY k',
      start,
      end,
    ),
    verplichtingen: obligationCounts(db, start, end, today),
    ...people(db, schooljaar),
  };
}

/**
 * Obligations (migration 002) whose term falls in the year, not marked "not applicable": done
 * before the day they became overdue (on time), done later (late), still open and overdue, or
 * still open within the term. Milestones without any term cannot be on time or late: left out.
 */
function obligationCounts(db: DB, start: string, end: string, today: string): Counts | null {
  if (!hasTable(db, 'obligation')) return null;
  // The term is written as the expression of the index obligation_termijn (migration 009), so the
  // year's obligations are read as one range of that index.
  return grouped(
    db,
    `SELECT CASE
         WHEN status = 'gedaan' AND gedaan_op < grens THEN 'op_tijd'
         WHEN status = 'gedaan' THEN 'te_laat'
         WHEN ? >= grens THEN 'open_te_laat'
         ELSE 'open' END AS k, count(*) AS n
     FROM (SELECT status, gedaan_op, coalesce(te_laat_vanaf, date(uiterlijk, '+1 day')) AS grens
           FROM obligation WHERE coalesce(uiterlijk, te_laat_vanaf) BETWEEN ? AND ? AND status <> 'nvt')
     GROUP BY k`,
    today,
    start,
    end,
  );
}

const DAY = 86_400_000;

/**
 * Days from the report (datum_melding) to closing, for the year's closed incidents. The incident
 * keeps no closing date: it is the last moment the audit trail saw its status become 'afgesloten'
 * (a reopened and closed again incident counts from the last closing), as a Dutch calendar day.
 * One entered already closed has no known closing day: left out rather than guessed.
 */
function handlingDays(db: DB, schooljaar: string): number[] {
  const rows = db
    .prepare(
      `SELECT i.datum_melding AS melding,
         (SELECT max(a.at) FROM audit_log a WHERE a.entity = 'melding' AND a.entity_id = CAST(i.id AS TEXT)
            AND json_extract(a.after_json, '$.status') = 'afgesloten'
            AND json_extract(a.before_json, '$.status') <> 'afgesloten') AS gesloten
       FROM incident i WHERE i.schooljaar = ? AND i.status = 'afgesloten'`,
    )
    .all(schooljaar) as { melding: string; gesloten: string | null }[];
  return rows
    .filter((r): r is { melding: string; gesloten: string } => r.gesloten !== null)
    .map((r) => Math.max(0, Math.round((Date.parse(todayIn(new Date(r.gesloten))) - Date.parse(r.melding)) / DAY)))
    .sort((a, b) => a - b);
}
