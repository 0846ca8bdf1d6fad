// The quick-search index of incidents (FTS5 table incident_fts, rowid = incident id): the number,
// the description and the names of everyone involved. Kept in step on every incident save and
// whenever a person's name changes.
import type { DB } from '../db/open';
import { allNames, searchTokens } from '../people/names';
import type { NameParts } from '../people/names';

export function reindexIncident(db: DB, incidentId: number): void {
  const inc = db.prepare('SELECT nummer, omschrijving, melder_id FROM incident WHERE id = ?').get(incidentId) as
    | { nummer: string; omschrijving: string; melder_id: number | null }
    | undefined;
  db.prepare('DELETE FROM incident_fts WHERE rowid = ?').run(incidentId);
  if (!inc) return;
  const people = db
    .prepare(
      `SELECT DISTINCT p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam FROM person p
       WHERE p.id IN (SELECT person_id FROM incident_person WHERE incident_id = ?) OR p.id = ?`,
    )
    .all(incidentId, inc.melder_id) as NameParts[];
  const namen = people.map(allNames).join(' ; ');
  db.prepare('INSERT INTO incident_fts (rowid, nummer, omschrijving, namen) VALUES (?, ?, ?, ?)').run(incidentId, inc.nummer, inc.omschrijving, namen);
}

/** After a name change: every incident the person is involved in or reported. */
export function reindexIncidentsOfPerson(db: DB, personId: number): void {
  const ids = db
    .prepare('SELECT incident_id AS id FROM incident_person WHERE person_id = ? UNION SELECT id FROM incident WHERE melder_id = ?')
    .all(personId, personId) as { id: number }[];
  for (const { id } of ids) reindexIncident(db, id);
}

/**
 * Turns what a user typed into a safe FTS5 query: every word becomes a quoted prefix term, all
 * must match. Quoting means no user text is ever read as FTS syntax. Null when nothing is left.
 */
export function ftsQuery(q: string): string | null {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
}
