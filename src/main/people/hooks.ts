// What other concepts may react to when a person changes (docs/ARCHITECTURE.md, hooks).
import type { Ctx } from '../context/context';
import { Hook } from '../context/hooks';

/** A person's name changed (inside the write transaction): indexes that hold names follow. */
export const personRenamed = new Hook<[ctx: Ctx, personId: number]>('person renamed');
