// Row-level scope for incidents (people/scope.ts says whose): a group-bound role reads an incident
// when a pupil of his groups is involved in it or reported it. Everyone involved in such an incident
// is named in it, also a pupil of another group: the incident is one record.
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import { GROUPS_PARAM, personInScope, scopeGroups } from '../people/scope';
import type { SqlFilter } from '../people/scope';
import { dataVersion, prepared } from '../people/statements';
import type { DB } from '../db/open';

const pupilInGroups = (alias: string) =>
  `${alias}.soort = 'leerling' AND ${alias}.groep COLLATE NOCASE IN (SELECT value FROM json_each(@${GROUPS_PARAM}))`;

/** SQL that is true when the incident whose id is `col` involves a pupil of the groups. Uses @scopeGroepen. */
export const incidentInGroupsSql = (col: string) =>
  `(EXISTS (SELECT 1 FROM incident_person sip JOIN person sx ON sx.id = sip.person_id WHERE sip.incident_id = ${col} AND ${pupilInGroups('sx')})` +
  ` OR EXISTS (SELECT 1 FROM incident si JOIN person sm ON sm.id = si.melder_id WHERE si.id = ${col} AND ${pupilInGroups('sm')}))`;

/**
 * The ids of the groups' incidents (a pupil of the groups involved or the reporter), found with the
 * indexes from the groups' pupils. Kept per connection for the groups until the data change (any
 * write here or by another process, people/statements.ts's dataVersion), so a user scrolling on, and the
 * colleagues with the same groups, do not look them up again.
 */
const groupsSetSql =
  `WITH g(id) AS (SELECT sx.id FROM person sx WHERE ${pupilInGroups('sx')})` +
  ` SELECT incident_id FROM incident_person WHERE person_id IN g UNION SELECT id FROM incident WHERE melder_id IN g`;

interface GroupsSet {
  version: string;
  ids: number[];
  json: string;
}
/** Group combinations kept per connection (a school server has some dozens of group-bound accounts). */
const KEEP_SETS = 32;
const setsByDb = new WeakMap<DB, Map<string, GroupsSet>>();

export function incidentsOfGroups(db: DB, groups: string[]): GroupsSet {
  const key = JSON.stringify(groups);
  let sets = setsByDb.get(db);
  if (!sets) setsByDb.set(db, (sets = new Map()));
  const version = dataVersion(db);
  const kept = sets.get(key);
  if (kept && kept.version === version) return kept;
  const ids = prepared(db, groupsSetSql, { pluck: true }).all({ [GROUPS_PARAM]: key }) as number[];
  const set = { version, ids, json: JSON.stringify(ids) };
  sets.delete(key);
  sets.set(key, set);
  if (sets.size > KEEP_SETS) sets.delete(sets.keys().next().value as string);
  return set;
}

/** A list's scope: its SQL (alias `i`) and the number of incidents in it. */
export interface IncidentsScope extends SqlFilter {
  size: number;
  /** The same test with the unary +: SQLite then walks the sort order's index and tests each row. */
  walkSql: string;
}

/**
 * The filter for a list of incidents (alias `i`): null when the caller is not limited. The groups'
 * incidents are found once (incidentsOfGroups) and passed as one JSON array, so the count and every
 * arm of a page query use the same set instead of each finding it again (measured on the quick bench
 * set: a teamleider's page with its count 6–7 ms, most of it finding the set three or four times).
 */
export function incidentsFilter(ctx: Ctx, alias = 'i'): IncidentsScope | null {
  const groups = scopeGroups(ctx);
  if (!groups) return null;
  const set = incidentsOfGroups(ctx.db, groups);
  const test = `${alias}.id IN (SELECT value FROM json_each(?))`;
  return { sql: test, walkSql: `+${test}`, params: [set.json], size: set.ids.length };
}

const inScopeSql = `SELECT 1 WHERE ${incidentInGroupsSql('@id')}`;

/** Whether the caller may read this incident; one that does not exist passes (the handler answers NIET_GEVONDEN). */
export function incidentInScope(ctx: Ctx, incidentId: number): boolean {
  const groups = scopeGroups(ctx);
  if (!groups) return true;
  if (!prepared(ctx.db, 'SELECT 1 FROM incident WHERE id = ?').get(incidentId)) return true;
  return !!prepared(ctx.db, inScopeSql).get({ id: incidentId, [GROUPS_PARAM]: JSON.stringify(groups) });
}

/** Refuses (GEEN_TOEGANG) an incident that involves no pupil of the caller's groups. */
export function assertIncidentInScope(ctx: Ctx, incidentId: number): void {
  if (!incidentInScope(ctx, incidentId)) throw new CoreError('GEEN_TOEGANG', 'Deze melding gaat niet over een leerling uit uw groepen.');
}

/** Refuses an evidence item of an incident outside the caller's groups. */
export function assertEvidenceInScope(ctx: Ctx, evidenceId: number): void {
  if (!scopeGroups(ctx)) return;
  const incidentId = ctx.db.prepare('SELECT incident_id FROM evidence WHERE id = ?').pluck().get(evidenceId) as number | undefined;
  if (incidentId !== undefined) assertIncidentInScope(ctx, incidentId);
}

/**
 * An incident as a group-bound caller sees it: everyone involved stays named, but the measures and
 * reports to authorities about a pupil of another group are left out (as in measures.list).
 */
export function scopedIncident<T extends { maatregelen: { personId: number }[]; externeMeldingen: { personId: number | null }[] }>(
  ctx: Ctx,
  incident: T,
): T {
  if (!scopeGroups(ctx)) return incident;
  return {
    ...incident,
    maatregelen: incident.maatregelen.filter((m) => personInScope(ctx, m.personId)),
    externeMeldingen: incident.externeMeldingen.filter((r) => r.personId === null || personInScope(ctx, r.personId)),
  };
}
