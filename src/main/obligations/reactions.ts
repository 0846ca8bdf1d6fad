// The compliance engine's reactions to the incident log. app/wiring.ts attaches them to the hooks
// the incident, measure and report services fire inside their write transaction (incidents/hooks.ts,
// measures/hooks.ts, externalReports/hooks.ts), so obligations and hard rules are always in step
// with the record that triggers them.
import type { Ctx } from '../context/context';
import type { MeasureInput } from '../measures/hooks';
import { checkMeasureGates } from './gates';
import { loadEnv, recomputeIncident, recomputeMeasure } from './recompute';

/**
 * Hard rules checked before a measure is written (the 5-school-day limit, the expulsion gate, the
 * staff schorsing of 4 weeks); throws a CoreError 'REGEL' to refuse. For a pupil's schorsing it also
 * fills what was left empty, counted in school days: duurDagen from start and end, or einddatum from
 * start and duurDagen.
 */
export function checkMeasureRules(ctx: Ctx, input: MeasureInput): void {
  checkMeasureGates(ctx, input);
}

/** Measures whose obligations depend on this one (a voornemen tot verwijdering and the expulsion share hearings and search). */
function relatedMeasures(ctx: Ctx, measureId: number): number[] {
  const m = ctx.db.prepare('SELECT person_id, soort FROM measure WHERE id = ?').get(measureId) as
    { person_id: number; soort: string } | undefined;
  if (!m) return [];
  if (m.soort !== 'voornemen_verwijdering' && m.soort !== 'verwijdering') return [measureId];
  const ids = ctx.db
    .prepare(`SELECT id FROM measure WHERE person_id = ? AND soort IN ('voornemen_verwijdering','verwijdering') ORDER BY id`)
    .all(m.person_id) as { id: number }[];
  return ids.map((r) => r.id);
}

/** Called after a measure was created or changed, in the same transaction. */
export function afterMeasureSaved(ctx: Ctx, measureId: number): void {
  const env = loadEnv(ctx);
  for (const id of relatedMeasures(ctx, measureId)) recomputeMeasure(ctx, id, env);
}

/** Called after an incident was created or changed (its people and category may have changed). */
export function afterIncidentSaved(ctx: Ctx, incidentId: number): void {
  recomputeIncident(ctx, incidentId);
}

/** Called after a report to an authority was created or changed. */
export function afterExternalReportSaved(ctx: Ctx, reportId: number): void {
  const r = ctx.db.prepare('SELECT incident_id FROM external_report WHERE id = ?').get(reportId) as { incident_id: number } | undefined;
  if (!r) return;
  // A report may be linked to a measure, or only to the incident and a person: recompute every
  // measure of the incident (a handful), so a report moved from one measure to another is followed too.
  const env = loadEnv(ctx);
  const measures = ctx.db.prepare('SELECT id FROM measure WHERE incident_id = ?').all(r.incident_id) as { id: number }[];
  for (const m of measures) recomputeMeasure(ctx, m.id, env);
  recomputeIncident(ctx, r.incident_id, env);
}
