// The shape of one API method: its zod input schema, whether it writes and in which transaction, who
// may call it, and (as a type only) its output.
import type { z } from 'zod';
import type { Rollen } from './roles';

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** 'write' methods change the record; every change comes with its audit entry. */
  kind: 'read' | 'write';
  /**
   * How a write commits (docs/ARCHITECTURE.md): 'call' — the core runs the whole call in one
   * transaction, all or nothing; 'steps' — the handler awaits work outside the database (a worker, a
   * key derivation, a document) and commits each step itself with ctx.tx, so nothing holds the
   * database while it waits. Reads are never wrapped.
   */
  transaction: 'call' | 'steps';
  /**
   * The roles that may call it (src/shared/api/roles.ts); the core refuses every other caller with
   * GEEN_TOEGANG before it reads the input. Always holds 'schoolleider'.
   */
  rollen: Rollen;
  /** Phantom: carries the output type; never read at run time. */
  readonly _output?: O;
}

/** Who may call the method (src/shared/api/roles.ts): declared next to each method in the contract. */
export interface Access {
  rollen: Rollen;
}

export const read =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): MethodDef<I, O> => ({ input, kind: 'read', transaction: 'call', rollen: access.rollen });
/** A write in one transaction: the handler must not await. */
export const write =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): MethodDef<I, O> => ({
    input,
    kind: 'write',
    transaction: 'call',
    rollen: access.rollen,
  });
/** A write whose handler awaits and commits its own steps with ctx.tx. */
export const writeInSteps =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): MethodDef<I, O> => ({
    input,
    kind: 'write',
    transaction: 'steps',
    rollen: access.rollen,
  });
