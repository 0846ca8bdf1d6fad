// What every handler gets: the database, who is acting, the clock, the file store and the audit trail.
import type { DB } from '../db/open';
import type { FileStore } from '../files/fileStore';
import type { MethodName, Parsed, Output } from '@shared/api';
import type { Caller } from '@shared/api/caller';
import { writeAudit } from '../audit/audit';
import { todayIn } from '@shared/dates';

export interface Ctx {
  db: DB;
  /**
   * Who makes the change, for the audit trail and every "door …": the person working
   * ("Marianne Hoekstra (rector)", school/werkplek.ts sets it per session) or, until one is
   * given, the OS account.
   */
  actor: string;
  /**
   * Who calls: its role and, for teamleider, mentor and zorg, the groups its reads are limited to
   * (people/scope.ts). The single-PC app's caller is the school leader, under ctx.actor; on the
   * school server each call gets its own ctx with the logged-in account (withCaller).
   */
  readonly caller: Caller;
  /** The OS account the core runs under, kept beside the person in each audit entry. */
  readonly account: string;
  /** The door named the person (CLI --wie, tests): the app need not ask who is working. */
  readonly actorGiven: boolean;
  /** The clock; tests fix it. */
  now(): Date;
  /** Today in Europe/Amsterdam, YYYY-MM-DD. */
  today(): string;
  /** Now as a UTC ISO timestamp. */
  nowIso(): string;
  files: FileStore;
  audit(entity: string, entityId: string | number | null, action: string, before?: unknown, after?: unknown): void;
  /** Runs fn in one (immediate) transaction, for async handlers that write after awaiting. */
  tx<T>(fn: () => T): T;
  /**
   * The database key, for work that opens its own connection off the core's thread (the backup
   * worker). A function, so printing the context never shows it. Never log it.
   */
  dbKey(): string;
  /** Reports a fault the user was spared (a fallback was taken), for the door's log; never the key. */
  internalError(what: string, e: unknown): void;
}

export function makeCtx(
  db: DB,
  files: FileStore,
  who: { actor?: string; account: string },
  now: () => Date,
  key: string,
  internalError: (what: string, e: unknown) => void = () => {},
): Ctx {
  const ctx: Ctx = {
    db,
    dbKey: () => key,
    internalError,
    actor: who.actor ?? who.account,
    account: who.account,
    actorGiven: who.actor !== undefined,
    now,
    today: () => todayIn(now()),
    nowIso: () => now().toISOString(),
    files,
    audit: (entity, entityId, action, before, after) =>
      writeAudit(db, { at: now().toISOString(), actor: ctx.actor, account: ctx.account, entity, entityId, action, before, after }),
    tx: (fn) => db.transaction(fn).immediate(),
    // The single-PC user: the school leader, always under the current ctx.actor (session.who.set changes it).
    caller: {
      rol: 'schoolleider',
      get actor() {
        return ctx.actor;
      },
      accountId: null,
      groepen: null,
    },
  };
  return ctx;
}

/**
 * A ctx for one call of a caller from the school server: the same database, clock and files, but
 * with the caller's name as actor, so every audit entry of the call names that person, and the
 * caller for the role and group checks. The core's own ctx is left as it is.
 */
export function withCaller(ctx: Ctx, caller: Caller): Ctx {
  const call: Ctx = {
    ...ctx,
    caller,
    actor: caller.actor,
    actorGiven: true,
    audit: (entity, entityId, action, before, after) =>
      writeAudit(call.db, {
        at: call.now().toISOString(),
        actor: call.actor,
        account: call.account,
        entity,
        entityId,
        action,
        before,
        after,
      }),
  };
  return call;
}

export type Handler<M extends MethodName> = (input: Parsed<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
