// The school years every page's year picker offers: from the oldest year with data up to the next
// school year (so the coming evaluation can be planned), newest first.
import type { DB } from '../db/open';
import type { SchoolYearOption } from '@shared/api/calendar';
import { schoolYearOf, previousSchoolYear } from '@shared/schoolYear';

/** The school year of an ISO date column, in SQL (1 August – 31 July). */
export const schoolYearSql = (col: string) =>
  `CASE WHEN CAST(substr(${col}, 6, 2) AS INTEGER) >= 8
     THEN substr(${col}, 1, 4) || '-' || (CAST(substr(${col}, 1, 4) AS INTEGER) + 1)
     ELSE (CAST(substr(${col}, 1, 4) AS INTEGER) - 1) || '-' || substr(${col}, 1, 4) END`;

export const nextSchoolYear = (sj: string) => `${Number(sj.slice(0, 4)) + 1}-${Number(sj.slice(5)) + 1}`;

export function schoolYearOptions(db: DB, today: string): SchoolYearOption[] {
  const rows = db
    .prepare(
      `SELECT schooljaar AS sj FROM incident
       UNION SELECT ${schoolYearSql('besluit_datum')} FROM measure
       UNION SELECT schooljaar FROM evaluation`,
    )
    .all() as { sj: string }[];
  const withData = new Set(rows.map((r) => r.sj).filter((s) => /^\d{4}-\d{4}$/.test(s)));
  const huidig = schoolYearOf(today);
  const newest = [...withData, nextSchoolYear(huidig)].sort().at(-1) as string;
  const oldest = [...withData, huidig].sort()[0];
  const out: SchoolYearOption[] = [];
  // Contiguous, so a year without incidents can still be picked (and shows zeros); capped at 40 years.
  for (let sj = newest; out.length < 40; sj = previousSchoolYear(sj)) {
    out.push({ schooljaar: sj, heeftData: withData.has(sj), huidig: sj === huidig });
    if (sj <= oldest) break;
  }
  return out;
}
