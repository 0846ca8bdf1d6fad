// The compliance engine's hooks into the incident log (issue 3). The incident, measure and
// report services call these inside their write transaction, so obligations and hard rules are
// always in step with the record that triggers them.
import type { Ctx } from '../core/context';
import type { MeasureInput } from '../../shared/api/measures';

/** Hard rules checked before a measure is written (e.g. the 5-school-day limit); throws a CoreError to refuse. */
export function checkMeasureRules(_ctx: Ctx, _input: MeasureInput & { id?: number }): void {}

/** Called after a measure was created or changed, in the same transaction. */
export function afterMeasureSaved(_ctx: Ctx, _measureId: number): void {}

/** Called after an incident was created or changed (its people and category may have changed). */
export function afterIncidentSaved(_ctx: Ctx, _incidentId: number): void {}

/** Called after a report to an authority was created or changed. */
export function afterExternalReportSaved(_ctx: Ctx, _reportId: number): void {}
