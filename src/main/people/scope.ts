// Row-level scope of the roles that work with groups (docs/SERVER.md, "Wat de rollen mogen"): a
// teamleider, mentor or zorgcoördinator reads the pupils of his groups (caller.groepen) and their
// parents, nobody else. The contract says which methods a role may call at all
// (src/shared/api/roles.ts); the read handlers of people, incidents, dossier, measures and
// obligations consult this module through ctx.caller for which rows. The school leader and the
// single-PC app are not limited.
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import { GROEP_GEBONDEN } from '@shared/api/roles';
import type { PersonRef } from '@shared/api/people';
import type { DB } from '../db/open';
import { dataVersion, prepared } from './statements';

/** The groups the caller's reads are limited to; null: not limited. A group-bound role without groups sees nobody. */
export function scopeGroups(ctx: Ctx): string[] | null {
  const { rol, groepen } = ctx.caller;
  return GROEP_GEBONDEN.includes(rol) ? (groepen ?? []) : null;
}

/** A WHERE fragment with its positional parameters. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/** The name of the one named parameter every scope fragment uses: the caller's groups as a JSON array. */
export const GROUPS_PARAM = 'scopeGroepen';

const inGroups = (col: string) => `${col} COLLATE NOCASE IN (SELECT value FROM json_each(@${GROUPS_PARAM}))`;

/** SQL that is true when the person whose id is `col` is a pupil of the groups, or a parent of one. Uses @scopeGroepen. */
export const personInGroupsSql = (col: string) =>
  `EXISTS (SELECT 1 FROM person sp WHERE sp.id = ${col} AND ((sp.soort = 'leerling' AND ${inGroups('sp.groep')}) OR (sp.soort = 'ouder' AND EXISTS (SELECT 1 FROM guardian_link sg JOIN person sc ON sc.id = sg.leerling_id WHERE sg.ouder_id = sp.id AND sc.soort = 'leerling' AND ${inGroups('sc.groep')}))))`;

/**
 * The people of the groups as personInGroupsSql has them (the pupils, and the parents linked to one),
 * found with the indexes once and kept per connection for the groups until the data change (any
 * write here or by another process). A list then tests each row against this set instead of
 * running the test per row (the people list of a teamleider 6–7 ms on the quick bench set,
 * docs/PERFORMANCE.md "School server under load").
 */
const peopleOfGroupsSql =
  `WITH g(id) AS (SELECT sx.id FROM person sx WHERE sx.soort = 'leerling' AND ${inGroups('sx.groep')})` +
  ` SELECT id FROM g UNION SELECT sg.ouder_id FROM guardian_link sg JOIN person so ON so.id = sg.ouder_id WHERE sg.leerling_id IN g AND so.soort = 'ouder'`;

interface PeopleSet {
  version: string;
  json: string;
  has: Set<number>;
}
/** Group combinations kept per connection (a school server has some dozens of group-bound accounts). */
const KEEP_SETS = 32;
const setsByDb = new WeakMap<DB, Map<string, PeopleSet>>();
/** The set kept for the groups when the data have not changed since it was found; else null. */
function keptPeopleOfGroups(db: DB, groups: string[]): PeopleSet | null {
  const kept = setsByDb.get(db)?.get(JSON.stringify(groups));
  return kept && kept.version === dataVersion(db) ? kept : null;
}

export function peopleOfGroups(db: DB, groups: string[]): PeopleSet {
  const kept = keptPeopleOfGroups(db, groups);
  if (kept) return kept;
  const key = JSON.stringify(groups);
  let sets = setsByDb.get(db);
  if (!sets) setsByDb.set(db, (sets = new Map()));
  const version = dataVersion(db);
  const ids = prepared(db, peopleOfGroupsSql, { pluck: true }).all({ [GROUPS_PARAM]: key }) as number[];
  const set = { version, json: JSON.stringify(ids), has: new Set(ids) };
  sets.delete(key);
  sets.set(key, set);
  if (sets.size > KEEP_SETS) sets.delete(sets.keys().next().value as string);
  return set;
}

/** The filter for a list of people (alias `p`): null when the caller is not limited. */
export function peopleFilter(ctx: Ctx, alias = 'p'): SqlFilter | null {
  const groups = scopeGroups(ctx);
  return groups ? { sql: `${alias}.id IN (SELECT value FROM json_each(?))`, params: [peopleOfGroups(ctx.db, groups).json] } : null;
}

/**
 * The filter for the person picker (people.search): a group-bound role finds the people of its
 * groups and the staff (to name a colleague in a report); a medewerker, who only reports, finds
 * pupils and staff.
 */
export function searchFilter(ctx: Ctx, alias = 'p'): SqlFilter | null {
  if (ctx.caller.rol === 'medewerker') return { sql: `${alias}.soort IN ('leerling', 'medewerker')`, params: [] };
  const f = peopleFilter(ctx, alias);
  if (!f) return null;
  return { sql: `(${alias}.soort = 'medewerker' OR ${f.sql})`, params: f.params };
}

export const outsideGroups = (soort: string | undefined) =>
  new CoreError(
    'GEEN_TOEGANG',
    soort === 'leerling' ? 'Deze leerling hoort niet bij uw groepen.' : 'Deze persoon hoort niet bij uw groepen.',
  );

const personInScopeSql = `SELECT 1 WHERE ${personInGroupsSql('@id')}`;

/** Whether the caller may read this person; a person that does not exist passes (the handler answers NIET_GEVONDEN). */
export function personInScope(ctx: Ctx, personId: number): boolean {
  const groups = scopeGroups(ctx);
  if (!groups) return true;
  if (!prepared(ctx.db, 'SELECT 1 FROM person WHERE id = ?').get(personId)) return true;
  // One person: the set when a list just found it, else the test for this person alone (inside a
  // save the data change with every statement, and the whole set would be found again each time).
  const kept = keptPeopleOfGroups(ctx.db, groups);
  if (kept) return kept.has.has(personId);
  return !!prepared(ctx.db, personInScopeSql).get({ id: personId, [GROUPS_PARAM]: JSON.stringify(groups) });
}

/** personInScope for many rows (a list filtered after reading): each person asked once. */
export function personScopeTest(ctx: Ctx): (personId: number) => boolean {
  if (!scopeGroups(ctx)) return () => true;
  const seen = new Map<number, boolean>();
  return (personId) => {
    let ok = seen.get(personId);
    if (ok === undefined) seen.set(personId, (ok = personInScope(ctx, personId)));
    return ok;
  };
}

/** Refuses (GEEN_TOEGANG) a person outside the caller's groups. */
export function assertPersonInScope(ctx: Ctx, personId: number): void {
  if (personInScope(ctx, personId)) return;
  const row = ctx.db.prepare('SELECT soort FROM person WHERE id = ?').get(personId) as { soort: string } | undefined;
  throw outsideGroups(row?.soort);
}

/** What a medewerker's report form needs of a person found: the name and group, not the pupil number. */
export function forReportForm(ctx: Ctx, refs: PersonRef[]): PersonRef[] {
  return ctx.caller.rol === 'medewerker' ? refs.map((r) => ({ ...r, leerlingnummer: null })) : refs;
}
