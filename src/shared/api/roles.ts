// Who may call a method: each method in the contract names the roles that may call it, next to the
// method (src/shared/api/define.ts); the core refuses the others before it reads the input
// (docs/SERVER.md, "Wat de rollen mogen"). The school leader is the registrar and may call every
// method: every set below holds 'schoolleider', and test/unit/architecture.test.ts checks that.
import type { AccountRol } from '../domain';

export type Rollen = readonly AccountRol[];

/** The school leader alone: finalising letters, destruction, settings, imports, restoring. */
export const SCHOOLLEIDER = ['schoolleider'] as const satisfies Rollen;

/** The roles that see pupils' names: they read and report for their groups (zorg: their pupils). */
export const IEDEREEN_MET_NAMEN = ['schoolleider', 'teamleider', 'mentor', 'zorg'] as const satisfies Rollen;

/** Figures without names: counts, evaluations, planning — also for the anti-pest coordinator. */
export const CIJFERS = [...IEDEREEN_MET_NAMEN, 'anti_pest'] as const satisfies Rollen;

/** Accounts, backups, the trust settings and the check of the record: no pupil data. */
export const BEHEER = ['schoolleider', 'beheerder'] as const satisfies Rollen;

/** Every role: the basics every logged-in person needs (the app's state, who is working). */
export const IEDEREEN = ['schoolleider', 'teamleider', 'mentor', 'zorg', 'anti_pest', 'medewerker', 'beheerder'] as const satisfies Rollen;

/** Staff who report: every role that may hand in a report (submissions.*), the beheerder excepted. */
export const MELDERS = ['schoolleider', 'teamleider', 'mentor', 'zorg', 'anti_pest', 'medewerker'] as const satisfies Rollen;

/** A set for one method that the named sets do not fit: the school leader plus the roles given. */
export const rollen = (...andere: AccountRol[]): Rollen => ['schoolleider', ...andere.filter((r) => r !== 'schoolleider')];

/** The roles whose reads are limited to their own groups (caller.groepen); people/scope.ts in src/main applies it. */
export const GROEP_GEBONDEN: Rollen = ['teamleider', 'mentor', 'zorg'];
