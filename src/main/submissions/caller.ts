// The role check of the submissions service. The core already refuses a role the contract does not
// allow (src/shared/api/roles.ts); the service checks again, so no other code path can skip it.
import { CoreError } from '../errors/errors';
import type { Caller } from '@shared/api/caller';
import type { Rollen } from '@shared/api/roles';

export function requireRole(caller: Caller, roles: Rollen): void {
  if (!roles.includes(caller.rol)) throw new CoreError('GEEN_TOEGANG', 'U hebt geen toegang tot deze meldingen.');
}
