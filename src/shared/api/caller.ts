// Who calls the core. The single-PC app has one caller, the school leader, who may do everything;
// the school server passes the logged-in account with each call, and the core checks the role
// against the contract (docs/ARCHITECTURE.md, docs/SERVER.md).
import type { AccountRol } from '../domain';

export interface Caller {
  /** The role the contract's permission table is checked against. */
  rol: AccountRol;
  /** The name every audit entry of this call is recorded under ("Marianne Hoekstra (rector)"). */
  actor: string;
  /** The account on the school server; null on the single-PC app. */
  accountId: number | null;
  /** The groups (classes) a teamleider or mentor works with; null for roles that are not scoped to groups. */
  groepen: string[] | null;
}
