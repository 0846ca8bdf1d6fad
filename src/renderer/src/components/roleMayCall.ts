// Who may call a method, from the contract alone: each method names the roles that may call it
// (src/shared/api/roles.ts, docs/SERVER.md "Wat de rollen mogen"). Kept free of the page (no window,
// no session) so the unit tests check it under plain Node; screens ask server/can.ts, which adds
// the logged-in role.
import { api, type MethodName } from '@shared/api';
import type { AccountRol } from '@shared/domain';

/** May this role call the method? No role (the single-PC app) may call every method. */
export function roleMayCall(role: AccountRol | null, method: MethodName): boolean {
  return role === null || (api[method].rollen as readonly AccountRol[]).includes(role);
}
