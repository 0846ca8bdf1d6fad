// What the logged-in person may do, from the contract: each method names the roles that may call it
// (src/shared/api/roles.ts, docs/SERVER.md "Wat de rollen mogen"). The menu, the settings tabs and
// every button that calls a method ask here, so a role sees only what it can use; the core still
// refuses every other call. The single-PC app has no role: its one user may do everything.
import type { MethodName } from '@shared/api';
import { roleMayCall } from '../components/roleMayCall';
import { serverRole } from './session';

export { roleMayCall };

/** May the logged-in person call the method? Always true on the single-PC app. */
export const can = (method: MethodName): boolean => roleMayCall(serverRole(), method);

/** May the logged-in person call every one of the methods (an action that calls several)? */
export const canAll = (...methods: MethodName[]): boolean => methods.every((m) => can(m));
