// The shape of one API method: its zod input schema, whether it writes, and (as a type only) its output.
import type { z } from 'zod';

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** 'write' methods run in one transaction with their audit entries. */
  kind: 'read' | 'write';
  /** Phantom: carries the output type; never read at run time. */
  readonly _output?: O;
}

export const read = <O>() => <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, kind: 'read' });
export const write = <O>() => <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, kind: 'write' });
