// Row-level scope for obligations (people/scope.ts says whose): an obligation about a person is the
// caller's when that person is; one about an incident only, when the incident is.
import type { Ctx } from '../context/context';
import { assertPersonInScope, personInGroupsSql, scopeGroups } from '../people/scope';
import { assertIncidentInScope, incidentInGroupsSql } from '../incidents/scope';

/** SQL that is true for an obligation (alias) of the groups. Uses @scopeGroepen. */
export const obligationInGroupsSql = (alias: string) =>
  `((${alias}.person_id IS NOT NULL AND ${personInGroupsSql(`${alias}.person_id`)}) OR (${alias}.person_id IS NULL AND ${alias}.incident_id IS NOT NULL AND ${incidentInGroupsSql(`${alias}.incident_id`)}))`;

/** Refuses an obligation outside the caller's groups. */
export function assertObligationInScope(ctx: Ctx, o: { personId: number | null; incidentId: number | null }): void {
  if (!scopeGroups(ctx)) return;
  if (o.personId !== null) assertPersonInScope(ctx, o.personId);
  else if (o.incidentId !== null) assertIncidentInScope(ctx, o.incidentId);
}

/** Refuses the advice on an incident or a person outside the caller's groups. */
export function assertAdviceInScope(ctx: Ctx, input: { incidentId?: number; personId?: number }): void {
  if (input.incidentId) assertIncidentInScope(ctx, input.incidentId);
  if (input.personId) assertPersonInScope(ctx, input.personId);
}

/** A list asked for one person, incident or measure outside the caller's groups is refused, not left empty. */
export function assertListInScope(ctx: Ctx, f: { personId?: number; incidentId?: number; measureId?: number }): void {
  if (!scopeGroups(ctx)) return;
  if (f.personId) assertPersonInScope(ctx, f.personId);
  if (f.incidentId) assertIncidentInScope(ctx, f.incidentId);
  if (f.measureId) {
    const personId = ctx.db.prepare('SELECT person_id FROM measure WHERE id = ?').pluck().get(f.measureId) as number | undefined;
    if (personId !== undefined) assertPersonInScope(ctx, personId);
  }
}
