// The school server's link to the accounts (src/main/accounts/, docs/SERVER.md "Accounts en
// inloggen"): a login checked by the accounts module, turned into the session's Caller and what the
// person must do first; and the first account, made from the command line when the server is set up.
import type { Core } from '../app/core';
import type { AccountRol } from '@shared/domain';
import { gebruikersnaam as gebruikersnaamSchema } from '@shared/api/accounts';
import { authenticate } from '../accounts/authenticate';
import { createFirstAccount as createFirst } from '../accounts/accounts';
import { groepenOf } from '../accounts/store';
import type { AccountRow } from '../accounts/store';
import { prepared } from '../people/statements';
import type { Caller } from '@shared/api/caller';
import type { Authenticator } from './auth';

export const FIRST_ACCOUNT_ROLES = ['schoolleider', 'beheerder'] as const satisfies readonly AccountRol[];
export type FirstAccountRol = (typeof FIRST_ACCOUNT_ROLES)[number];

export function accountsAuthenticator(core: Core): Authenticator {
  return async (input, now) => {
    const r = await authenticate(core.db, input, now);
    if (!r.ok) return { status: 'geweigerd', message: r.reden };
    const a = r.account;
    return {
      status: 'ingelogd',
      account: {
        caller: { rol: a.rol, actor: a.actor, accountId: a.id, groepen: a.groepen },
        gebruikersnaam: a.gebruikersnaam,
        naam: a.naam,
      },
      openstaand: { wachtwoord: a.moetWachtwoordWijzigen, totp: a.totpVereist && !a.totpIngesteld },
    };
  };
}

/** The first account with a one-time start password (refused once any account exists). */
export async function createFirstAccount(
  core: Core,
  gebruikersnaam: string,
  rol: FirstAccountRol,
): Promise<{ gebruikersnaam: string; startwachtwoord: string }> {
  const name = gebruikersnaamSchema.safeParse(gebruikersnaam);
  if (!name.success) throw new Error(name.error.issues[0].message);
  const made = await createFirst(core.ctx, { gebruikersnaam: name.data, rol });
  return { gebruikersnaam: made.account.gebruikersnaam, startwachtwoord: made.startwachtwoord };
}

/**
 * The session's account still is what it was at login: active, with the same role and groups. The
 * door asks before every call, so a blocked account or a changed role takes effect at once, not at
 * the end of the session.
 */
export function sessionStillValid(core: Core, caller: Caller): boolean {
  if (caller.accountId === null) return false;
  // Only the three columns, with a statement prepared once: this runs before every request.
  const row = prepared(core.db, 'SELECT actief, rol, groepen FROM account WHERE id = ?').get(caller.accountId) as
    Pick<AccountRow, 'actief' | 'rol' | 'groepen'> | undefined;
  if (!row || row.actief !== 1 || row.rol !== caller.rol) return false;
  const groepen = row.groepen === null ? null : groepenOf(row);
  return JSON.stringify(groepen) === JSON.stringify(caller.groepen);
}
