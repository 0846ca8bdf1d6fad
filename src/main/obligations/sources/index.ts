// Every source the compliance engine cites, by id. The id is what code and docs/LAW.md share; the
// entries live per family (statutes, CAOs, criminal law and privacy) so each stays small.
import type { Bron } from './types';
import { WET } from './wet';
import { CAO } from './cao';
import { STRAF } from './straf';
import { PRIVACY } from './privacy';
import { OUDERS } from './ouders';

export const BRONNEN = { ...WET, ...CAO, ...STRAF, ...PRIVACY, ...OUDERS } as const satisfies Record<string, Bron>;

export type BronId = keyof typeof BRONNEN;

export const bron = (id: BronId): Bron => BRONNEN[id];

export type { Bron } from './types';
