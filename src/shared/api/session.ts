// Who is working: the person (name and function) every change is recorded under, asked at the
// start of each session, remembered per OS account, changeable at any time.
import { z } from 'zod';
import { requiredLine } from './common';
import { read, write } from './define';
import { IEDEREEN, SCHOOLLEIDER } from './roles';

export const werkplekPersoon = z.object({
  naam: requiredLine(100),
  functie: requiredLine(100),
});
export type WerkplekPersoon = z.output<typeof werkplekPersoon>;

export interface WhoIsWorking {
  /** The person last confirmed under this OS account (pre-fills the question); null the first time. */
  persoon: WerkplekPersoon | null;
  /** What changes are recorded under now: "Naam (functie)", or the OS account until someone is given. */
  actor: string;
  /** The OS account this session runs under. */
  account: string;
  /** The door named the person already (command line, tests): the app does not ask. */
  vast: boolean;
}

export const sessionApi = {
  'session.who.get': read<WhoIsWorking>()(z.object({}).strict(), { rollen: IEDEREEN }),
  /** Records the person for this session and remembers them for the next one under this OS account. */
  'session.who.set': write<WhoIsWorking>()(werkplekPersoon, { rollen: SCHOOLLEIDER }),
};
