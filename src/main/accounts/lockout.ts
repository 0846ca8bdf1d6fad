// Locking an account after failed logins (docs/SERVER.md, "Accounts en inloggen"): after
// MAX_ATTEMPTS failures in a row the account is locked for 15 minutes; every further lockout before
// a successful login lasts twice as long as the one before (15, 30, 60 minutes, …), at most a day.
// A successful login, or a new start password from the beheerder, ends the series.
//
// A user name that does not exist is locked in exactly the same way, in memory (PhantomLocks): an
// attacker cannot learn from the answers which names exist.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { TIME_ZONE, todayIn } from '@shared/dates';
import { readAccount, saveAccount } from './store';
import type { AccountRow, AccountWriter } from './store';

export const MAX_ATTEMPTS = 5;
export const FIRST_LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;

/** How long the lockout lasts that follows `earlier` lockouts since the last successful login. */
export const lockDuration = (earlier: number): number => Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(earlier, 20));

/** Until when the account is locked, or null when it is not (any more). */
export function lockedUntil(row: Pick<AccountRow, 'geblokkeerd_tot'>, now: Date): Date | null {
  if (!row.geblokkeerd_tot) return null;
  const until = new Date(row.geblokkeerd_tot);
  return until.getTime() > now.getTime() ? until : null;
}

/** The Dutch answer while locked; the same for an account and for a name that does not exist. */
export function lockedMessage(until: Date, now: Date): string {
  const local = new TZDate(until, TIME_ZONE);
  const when = todayIn(until) === todayIn(now) ? format(local, 'HH:mm') : format(local, "dd-MM-yyyy 'om' HH:mm");
  return `Te veel mislukte pogingen. Inloggen met deze gebruikersnaam kan weer vanaf ${when}.`;
}

/**
 * Counts one failed attempt, in the caller's transaction; the MAX_ATTEMPTS-th locks the account
 * (recorded and audited). Returns until when it is locked now, or null.
 */
export function registerFailure(w: AccountWriter, id: number, now: Date): Date | null {
  const row = readAccount(w.db, id);
  if (!row) return null;
  const pogingen = row.mislukte_pogingen + 1;
  if (pogingen < MAX_ATTEMPTS) {
    saveAccount(w, id, { mislukte_pogingen: pogingen }, 'inloggen_mislukt');
    return null;
  }
  const until = new Date(now.getTime() + lockDuration(row.blokkeringen));
  saveAccount(w, id, { mislukte_pogingen: 0, blokkeringen: row.blokkeringen + 1, geblokkeerd_tot: until.toISOString() }, 'geblokkeerd');
  return until;
}

/** The same lockout for user names that do not exist, kept in memory only. */
export class PhantomLocks {
  private readonly names = new Map<string, { pogingen: number; blokkeringen: number; tot: number }>();

  constructor(private readonly max = 10_000) {}

  lockedUntil(name: string, now: Date): Date | null {
    const e = this.names.get(name);
    return e && e.tot > now.getTime() ? new Date(e.tot) : null;
  }

  /** Counts a failed attempt; returns until when the name is locked now, or null. */
  fail(name: string, now: Date): Date | null {
    const e = this.names.get(name) ?? { pogingen: 0, blokkeringen: 0, tot: 0 };
    this.names.delete(name);
    e.pogingen++;
    let until: Date | null = null;
    if (e.pogingen >= MAX_ATTEMPTS) {
      e.tot = now.getTime() + lockDuration(e.blokkeringen);
      e.blokkeringen++;
      e.pogingen = 0;
      until = new Date(e.tot);
    }
    this.names.set(name, e);
    // Oldest first out, so guessing a million names cannot fill the memory.
    while (this.names.size > this.max) this.names.delete(this.names.keys().next().value as string);
    return until;
  }
}
