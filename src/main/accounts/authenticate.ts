// Logging in on the school server (docs/SERVER.md, "Accounts en inloggen"), called by the server door
// before it makes a session. What it guarantees:
//   - an unknown user name and a wrong password get the same Dutch answer after the same work (an
//     scrypt check against a dummy hash), and are locked out alike (lockout.ts): no way to find out
//     which names exist;
//   - password hashes are compared in constant time (password.ts);
//   - after MAX_ATTEMPTS failures the account is locked, 15 minutes and doubling on repeats,
//     recorded in the database and in the audit trail;
//   - a role that reads dossiers must give a TOTP code once the second step is set up; until then
//     the answer says so (totpVereist && !totpIngesteld) and the door allows only setting it up.
//     A code of the step before or after is accepted, a code already used is not (totp.ts).
// Attempts on one user name are checked one after the other, so parallel guesses cannot slip past
// the count.
import type { DB } from '../db/open';
import { writeAudit } from '../audit/audit';
import type { AccountRol } from '@shared/domain';
import { todayIn } from '@shared/dates';
import { dummyCheck, verifyPassword } from './password';
import { acceptTotp } from './totp';
import { PhantomLocks, lockedMessage, lockedUntil, registerFailure } from './lockout';
import { accountByName, actorOf, groepenOf, nameOf, needsTotp, readAccount, saveAccount } from './store';
import type { AccountRow, AccountWriter } from './store';

export interface Credentials {
  gebruikersnaam: string;
  wachtwoord: string;
  /** The six digits from the authenticator app, when the second step is set up. */
  totp?: string | null;
}

export interface AuthenticatedAccount {
  id: number;
  /** "Naam (rol)", for the Caller and every audit entry of the session. */
  actor: string;
  rol: AccountRol;
  /** The classes for teamleider, mentor and zorg; null for the other roles (as Caller.groepen). */
  groepen: string[] | null;
  gebruikersnaam: string;
  naam: string;
  /** The password is a start password: the door allows only accounts.changePassword until it is changed. */
  moetWachtwoordWijzigen: boolean;
  /** The role reads dossiers and must use the second step. */
  totpVereist: boolean;
  /** The second step is set up; when required and not set up, the door allows only setting it up. */
  totpIngesteld: boolean;
}

export type AuthResult =
  | { ok: true; account: AuthenticatedAccount }
  | {
      ok: false;
      /** Dutch, for the login page. */
      reden: string;
      /** The password was right; the code from the app is needed (the door shows the code field). */
      totpNodig?: true;
    };

/** The one answer for an unknown user name and a wrong password. */
export const WRONG_LOGIN = 'De gebruikersnaam of het wachtwoord klopt niet.';
export const TOTP_NEEDED = 'Vul de code van 6 cijfers uit uw authenticator-app in.';
export const WRONG_TOTP = 'De code klopt niet of is al gebruikt. Wacht op de volgende code in de app en probeer het opnieuw.';
export const INACTIVE = 'Dit account is uitgeschakeld. Vraag de schoolleider of de beheerder.';

/** Who failed attempts are recorded under: nobody is known to be logged in. */
const ATTEMPT_ACTOR = 'inlogpoging';

const phantoms = new WeakMap<DB, PhantomLocks>();
const queues = new Map<string, Promise<unknown>>();

/** Runs fn after every earlier call with the same key has finished. */
function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

const writer = (db: DB, now: Date, actor: string): AccountWriter => ({
  db,
  nowIso: () => now.toISOString(),
  audit: (entity, entityId, action, before, after) =>
    writeAudit(db, { at: now.toISOString(), actor, entity, entityId, action, before, after }),
});

function authenticated(row: AccountRow): AuthenticatedAccount {
  return {
    id: row.id,
    actor: actorOf(row),
    rol: row.rol,
    groepen: row.groepen === null ? null : groepenOf(row),
    gebruikersnaam: row.gebruikersnaam,
    naam: nameOf(row),
    moetWachtwoordWijzigen: row.moet_wachtwoord_wijzigen === 1,
    totpVereist: needsTotp(row.rol),
    totpIngesteld: row.totp_bevestigd === 1,
  };
}

/**
 * Checks a login. Never throws for wrong input; the answer is Dutch. `now` is the clock (tests fix it).
 */
export function authenticate(db: DB, creds: Credentials, now: Date): Promise<AuthResult> {
  const name = String(creds.gebruikersnaam ?? '').trim();
  const password = String(creds.wachtwoord ?? '');
  // Lengths as the contract allows; anything else cannot be an account but costs the same to refuse.
  const plausible = name.length >= 1 && name.length <= 64 && password.length >= 1 && password.length <= 1000;
  return serial(name.toLowerCase(), async () => {
    const row = plausible ? accountByName(db, name) : undefined;
    if (!row) return unknownName(db, name.toLowerCase(), password.slice(0, 1000), now);

    const until = lockedUntil(row, now);
    if (until) return { ok: false, reden: lockedMessage(until, now) };

    const right = await verifyPassword(password, row.wachtwoord_hash);
    return db
      .transaction((): AuthResult => {
        const current = readAccount(db, row.id);
        // Changed while the hash was checked (a reset, a new password): check again next time.
        if (!current || current.wachtwoord_hash !== row.wachtwoord_hash) return { ok: false, reden: WRONG_LOGIN };
        const attempt = writer(db, now, ATTEMPT_ACTOR);
        if (!right) {
          const locked = registerFailure(attempt, current.id, now);
          return { ok: false, reden: locked ? lockedMessage(locked, now) : WRONG_LOGIN };
        }
        // The password is right: from here on the answer may say more.
        if (current.actief === 0 || (current.uitgeschreven_op !== null && current.uitgeschreven_op <= todayIn(now)))
          return { ok: false, reden: INACTIVE };
        let step: number | null = null;
        if (current.totp_bevestigd === 1 && current.totp_secret) {
          const code = String(creds.totp ?? '').trim();
          if (!code) return { ok: false, reden: TOTP_NEEDED, totpNodig: true };
          step = acceptTotp(current.totp_secret, code, now, current.totp_laatste_stap);
          if (step === null) {
            const locked = registerFailure(attempt, current.id, now);
            return { ok: false, reden: locked ? lockedMessage(locked, now) : WRONG_TOTP, totpNodig: true };
          }
        }
        const after = saveAccount(
          writer(db, now, actorOf(current)),
          current.id,
          {
            mislukte_pogingen: 0,
            blokkeringen: 0,
            geblokkeerd_tot: null,
            laatst_ingelogd: now.toISOString(),
            ...(step !== null ? { totp_laatste_stap: step } : {}),
          },
          'ingelogd',
        );
        return { ok: true, account: authenticated(after) };
      })
      .immediate();
  });
}

async function unknownName(db: DB, key: string, password: string, now: Date): Promise<AuthResult> {
  let locks = phantoms.get(db);
  if (!locks) phantoms.set(db, (locks = new PhantomLocks()));
  const until = locks.lockedUntil(key, now);
  if (until) return { ok: false, reden: lockedMessage(until, now) };
  await dummyCheck(password);
  const locked = locks.fail(key, now);
  return { ok: false, reden: locked ? lockedMessage(locked, now) : WRONG_LOGIN };
}
