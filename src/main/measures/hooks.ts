// The measure's hooks (docs/ARCHITECTURE.md): the compliance engine checks its hard rules before a
// measure is written and follows up after, in the same transaction.
import type { Ctx } from '../context/context';
import type { Parsed } from '@shared/api';
import { Hook } from '../context/hooks';

export type MeasureInput = Parsed<'measures.create'> & { id?: number };

/**
 * Before a measure is written: a reaction refuses with a CoreError 'REGEL' (the legal limits of a
 * schorsing, the expulsion gate) or fills in what the law derives (a schorsing's end date from its
 * school days).
 */
export const measureSaving = new Hook<[ctx: Ctx, input: MeasureInput]>('measure saving');

/** A measure, or a record that proves one of its steps (a hearing, a search), was written. */
export const measureSaved = new Hook<[ctx: Ctx, measureId: number]>('measure saved');
