// Incident numbers: "M<year of the report date>-<4 digits>", counted per year without gaps
// (incidents are never deleted, so the next number is the year's highest plus one).
import type { DB } from '../db/open';

export function nextIncidentNumber(db: DB, datumMelding: string): string {
  const year = datumMelding.slice(0, 4);
  const prefix = `M${year}-`;
  const row = db.prepare('SELECT max(CAST(substr(nummer, ?) AS INTEGER)) AS n FROM incident WHERE nummer LIKE ?').get(prefix.length + 1, `${prefix}%`) as {
    n: number | null;
  };
  return `${prefix}${String((row.n ?? 0) + 1).padStart(4, '0')}`;
}
