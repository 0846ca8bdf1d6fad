// What the compliance engine reacts to when a report to an authority is recorded (docs/ARCHITECTURE.md, hooks).
import type { Ctx } from '../context/context';
import { Hook } from '../context/hooks';

/** A report to an authority was created or changed, in the same transaction. */
export const externalReportSaved = new Hook<[ctx: Ctx, reportId: number]>('report to an authority saved');
