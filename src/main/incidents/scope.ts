// Row-level scope for incidents (people/scope.ts says whose): a group-bound role reads an incident
// when a pupil of his groups is involved in it or reported it. Everyone involved in such an incident
// is named in it, also a pupil of another group: the incident is one record.
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import { GROUPS_PARAM, personInScope, positional, scopeGroups } from '../people/scope';
import type { SqlFilter } from '../people/scope';

const pupilInGroups = (alias: string) =>
  `${alias}.soort = 'leerling' AND ${alias}.groep COLLATE NOCASE IN (SELECT value FROM json_each(@${GROUPS_PARAM}))`;

/** SQL that is true when the incident whose id is `col` involves a pupil of the groups. Uses @scopeGroepen. */
export const incidentInGroupsSql = (col: string) =>
  `(EXISTS (SELECT 1 FROM incident_person sip JOIN person sx ON sx.id = sip.person_id WHERE sip.incident_id = ${col} AND ${pupilInGroups('sx')})` +
  ` OR EXISTS (SELECT 1 FROM incident si JOIN person sm ON sm.id = si.melder_id WHERE si.id = ${col} AND ${pupilInGroups('sm')}))`;

/**
 * The same test for a whole list: the ids of the groups' incidents are found once (the groups'
 * pupils, then their incidents by index) and each row is looked up in that set. The unary + keeps
 * SQLite from reading the set's rows one by one and sorting them: it walks the sort order's index
 * and stops after a page. Measured on 200,000 incidents with a group of 26,000 of them: count and
 * first page 200 ms, against 620 ms with the EXISTS per row (which made a group-bound grid page take
 * 7–14 s at a million incidents).
 */
const incidentsOfGroupsSql = (col: string) =>
  `+${col} IN (SELECT sip.incident_id FROM person sx JOIN incident_person sip ON sip.person_id = sx.id WHERE ${pupilInGroups('sx')}` +
  ` UNION SELECT si.id FROM person sm JOIN incident si ON si.melder_id = sm.id WHERE ${pupilInGroups('sm')})`;

/** The filter for a list of incidents (alias `i`): null when the caller is not limited. */
export function incidentsFilter(ctx: Ctx, alias = 'i'): SqlFilter | null {
  const groups = scopeGroups(ctx);
  return groups ? positional(incidentsOfGroupsSql(`${alias}.id`), groups) : null;
}

/** Whether the caller may read this incident; one that does not exist passes (the handler answers NIET_GEVONDEN). */
export function incidentInScope(ctx: Ctx, incidentId: number): boolean {
  const groups = scopeGroups(ctx);
  if (!groups) return true;
  if (!ctx.db.prepare('SELECT 1 FROM incident WHERE id = ?').get(incidentId)) return true;
  return !!ctx.db.prepare(`SELECT 1 WHERE ${incidentInGroupsSql('@id')}`).get({ id: incidentId, [GROUPS_PARAM]: JSON.stringify(groups) });
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
