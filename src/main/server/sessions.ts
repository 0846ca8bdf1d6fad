// The school server's login sessions (docs/SERVER.md): kept in memory only, so a restart logs
// everyone out. A session id is 32 random bytes, made anew at every login (never taken over from
// the browser: no session fixation); its CSRF token is a second random value the page sends back
// as a header on every POST. A session ends after the idle time (the app's lock minutes from the
// trust settings) or the absolute time, whichever comes first, and at logout.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '@shared/api/caller';

export const SESSION_COOKIE = 'sp_sessie';
/** The header the page sends the CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
/** A session ends this long after login, however active (a working day and a bit). */
export const ABSOLUTE_TIMEOUT_MS = 10 * 60 * 60_000;
/** The idle time when the trust settings give none. */
export const DEFAULT_IDLE_MINUTES = 15;

export interface SessionAccount {
  caller: Caller;
  /** The login name, shown in the page's header. */
  gebruikersnaam: string;
  /** The person's name. */
  naam: string;
}

export interface Session extends SessionAccount {
  id: string;
  /** What the person must do first (a start password, the authenticator app); only those calls until done. */
  openstaand: { wachtwoord: boolean; totp: boolean };
  csrf: string;
  createdAt: number;
  lastSeen: number;
}

const newToken = () => randomBytes(32).toString('base64url');

/** Constant-time comparison of two tokens (false when either is missing). */
export function sameToken(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => number,
    /** The idle time in minutes, read at each request so a changed setting applies at once. */
    private readonly idleMinutes: () => number,
    private readonly absoluteMs = ABSOLUTE_TIMEOUT_MS,
  ) {}

  /** A new session for an account that just logged in; `replaces` (the browser's old id) ends. */
  create(account: SessionAccount, openstaand: Session['openstaand'], replaces?: string | null): Session {
    if (replaces) this.sessions.delete(replaces);
    this.sweep();
    const t = this.now();
    const session: Session = { ...account, openstaand: { ...openstaand }, id: newToken(), csrf: newToken(), createdAt: t, lastSeen: t };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for an id, its idle clock restarted; null when unknown or expired. */
  get(id: string | null | undefined, touch = true): Session | null {
    if (!id) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    const t = this.now();
    if (this.expired(s, t)) {
      this.sessions.delete(id);
      return null;
    }
    if (touch) s.lastSeen = t;
    return s;
  }

  /** The same session under a new id (after it gained rights: its password or second step done); the old id is dead. */
  renew(session: Session): Session {
    this.sessions.delete(session.id);
    session.id = newToken();
    this.sessions.set(session.id, session);
    return session;
  }

  destroy(id: string | null | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Ends every session of an account (e.g. after its role changed or it was blocked). */
  destroyAccount(accountId: number): void {
    for (const [id, s] of this.sessions) if (s.caller.accountId === accountId) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(s: Session, t: number): boolean {
    const idle = Math.max(1, this.idleMinutes()) * 60_000;
    return t - s.lastSeen > idle || t - s.createdAt > this.absoluteMs;
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) if (this.expired(s, t)) this.sessions.delete(id);
  }
}

/**
 * Login attempts per IP address: a second layer over the accounts' own lockout, against one
 * machine guessing many accounts' passwords. A fixed window per address; a success does not reset it.
 */
export class LoginLimiter {
  private readonly attempts = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly now: () => number,
    readonly max = 10,
    readonly windowMs = 15 * 60_000,
  ) {}

  /** Counts an attempt; false when this address has had too many in the window. */
  allow(ip: string): boolean {
    const t = this.now();
    if (this.attempts.size > 10_000) for (const [k, v] of this.attempts) if (t - v.start > this.windowMs) this.attempts.delete(k);
    const a = this.attempts.get(ip);
    if (!a || t - a.start > this.windowMs) {
      this.attempts.set(ip, { start: t, count: 1 });
      return true;
    }
    a.count += 1;
    return a.count <= this.max;
  }

  /** Minutes until this address may try again (at least 1). */
  minutesLeft(ip: string): number {
    const a = this.attempts.get(ip);
    if (!a) return 1;
    return Math.max(1, Math.ceil((a.start + this.windowMs - this.now()) / 60_000));
  }
}
