// The core: one object behind all three doors. It opens the encrypted database, validates every
// input against the API contract, runs the handler (writes in one transaction with their audit
// entries) and answers with a Result. Nothing here knows about Electron, HTTP or the terminal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, isMethodName } from '@shared/api';
import type { MethodName, Input, Output, Result } from '@shared/api';
import { openDatabase } from '../db/open';
import type { DB } from '../db/open';
import { FileStore } from '../files/fileStore';
import { makeCtx, withCaller } from '../context/context';
import type { Caller } from '@shared/api/caller';
import { ACCOUNT_ROL } from '@shared/domain';
import type { Ctx } from '../context/context';
import { handlers } from './handlers';
import { systemError, toApiError, zodToApiError } from '../errors/errors';
import { isLocked } from '../security/vault';
import { stopBackupWorkers } from '../backup/backupThread';
import { finishPendingFileDeletions } from '../retention/destroy';
import { fillEnglishTitles } from '../obligations/titleBackfill';
import { compactAtStart, markCompactionDone } from '../retention/compact';
import { LOCKED_MESSAGE } from '@shared/api/trust';
import { writeAuditHead } from '../audit/anchor';
import { wireConcepts } from './wiring';

/** What a locked app still answers: everything else waits for the unlock. */
const WHILE_LOCKED = new Set(['app.status', 'trust.lockStatus', 'trust.lock', 'trust.unlock', 'trust.unlockWithRecoveryKey']);

export interface CoreOptions {
  /** The database file. */
  dbPath: string;
  /** The database key; never logged. */
  key: string;
  /** The folder for evidence and letters; defaults to "<db name>-bestanden" beside the database. */
  dataDir?: string;
  /** Create the database if it does not exist. */
  create?: boolean;
  /** The person working, when the door knows it (CLI --wie, tests); else the app asks (school/werkplek.ts). */
  actor?: string;
  /** The OS account, recorded beside the person; default the account this process runs under. */
  account?: string;
  now?: () => Date;
  /** How long after the last write the WAL is copied into the database (default CHECKPOINT_IDLE_MS). */
  checkpointIdleMs?: number;
  /** Called with internal errors (bugs), for the door's log. Never receives the key. */
  onInternalError?: (method: string, e: unknown) => void;
  /**
   * A second connection that only reads (the school server's read workers, server/readPool.ts):
   * opened read-only, and none of the upkeep at start (that is the main connection's).
   */
  readOnly?: boolean;
}

/** A pause without writes after which the WAL is checkpointed. */
export const CHECKPOINT_IDLE_MS = 2000;

export const defaultDataDir = (dbPath: string) =>
  path.join(path.dirname(dbPath), `${path.basename(dbPath, path.extname(dbPath))}-bestanden`);

export class Core {
  readonly db: DB;
  readonly ctx: Ctx;
  private closed = false;
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    db: DB,
    ctx: Ctx,
    private readonly opts: CoreOptions,
  ) {
    this.db = db;
    this.ctx = ctx;
  }

  static open(opts: CoreOptions): Core {
    wireConcepts();
    if (opts.readOnly) return Core.openReadOnly(opts);
    if (opts.create) {
      try {
        fs.mkdirSync(path.dirname(opts.dbPath), { recursive: true });
      } catch (e) {
        throw systemError(e, path.dirname(path.resolve(opts.dbPath))) ?? e;
      }
    }
    // Before the core's connection exists: the compaction swaps the file (retention/compact.ts).
    const fresh = !fs.existsSync(opts.dbPath);
    const compaction = compactAtStart(opts.dbPath, opts.key, opts.now);
    if (compaction.status === 'mislukt') opts.onInternalError?.('compactie', new Error(compaction.reden));
    const db = openDatabase(opts.dbPath, { key: opts.key, create: opts.create });
    if (fresh) markCompactionDone(db, (opts.now?.() ?? new Date()).toISOString());
    const files = new FileStore(opts.dataDir ?? defaultDataDir(opts.dbPath));
    const ctx = makeCtx(
      db,
      files,
      { actor: opts.actor, account: opts.account ?? safeUserName() },
      opts.now ?? (() => new Date()),
      opts.key,
      (what, e) => opts.onInternalError?.(what, e),
    );
    // Files of a destruction interrupted between its commit and their removal go now.
    finishPendingFileDeletions(db, files);
    // Obligations stored before the English titles (migration 019) get them once; a failure leaves
    // them Dutch (the app shows those) and is tried again at the next start.
    try {
      fillEnglishTitles(ctx);
    } catch (e) {
      opts.onInternalError?.('engelse titels', e);
    }
    return new Core(db, ctx, opts);
  }

  private static openReadOnly(opts: CoreOptions): Core {
    const db = openDatabase(opts.dbPath, { key: opts.key, readonly: true });
    const files = new FileStore(opts.dataDir ?? defaultDataDir(opts.dbPath));
    const ctx = makeCtx(
      db,
      files,
      { actor: opts.actor, account: opts.account ?? safeUserName() },
      opts.now ?? (() => new Date()),
      opts.key,
      (what, e) => opts.onInternalError?.(what, e),
    );
    return new Core(db, ctx, opts);
  }

  /**
   * Calls one API method by name with untrusted input. Never throws. Without a caller it is the
   * single-PC app's user (the school leader, under ctx.actor); with one (the school server), a
   * method the caller's role may not call (the contract's `rollen`, src/shared/api/roles.ts) is
   * refused before its input is read, and the handler runs under the caller's name and groups.
   */
  async invoke<M extends MethodName>(method: M, input: Input<M>, caller?: Caller): Promise<Result<Output<M>>>;
  async invoke(method: string, input: unknown, caller?: Caller): Promise<Result<unknown>>;
  async invoke(method: string, input: unknown, caller?: Caller): Promise<Result<unknown>> {
    if (this.closed) return { ok: false, error: { code: 'DATABASE', message: 'De database is gesloten.' } };
    if (!isMethodName(method))
      return { ok: false, error: { code: 'ONBEKENDE_METHODE', message: `Onbekende opdracht: ${String(method).slice(0, 60)}` } };
    // The role first: a refused caller learns nothing about the method, its input or the app's state.
    if (caller && !mayCall(api[method].rollen, caller)) return { ok: false, error: { code: 'GEEN_TOEGANG', message: refusal(caller) } };
    const handler = (handlers as Record<string, ((i: unknown, c: Ctx) => unknown) | undefined>)[method];
    if (!handler) return { ok: false, error: { code: 'ONBEKENDE_METHODE', message: `Deze opdracht is nog niet beschikbaar: ${method}` } };
    if (isLocked(this.db) && !WHILE_LOCKED.has(method)) {
      return { ok: false, error: { code: 'GEEN_TOEGANG', message: LOCKED_MESSAGE } };
    }
    const def = api[method];
    const ctx = caller ? withCaller(this.ctx, caller) : this.ctx;
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
    try {
      // The transaction is the contract's (src/shared/api/define.ts): a 'call' write is all or
      // nothing; a 'steps' write commits its own steps between its awaits; a read is not wrapped.
      let value: unknown;
      if (def.kind === 'write' && def.transaction === 'call')
        value = this.db
          .transaction(() => {
            const r = handler(parsed.data, ctx);
            if (r instanceof Promise) {
              r.catch(() => {});
              throw new Error(`${method} awaits: declare it writeInSteps in the contract, or do not await`);
            }
            return r;
          })
          .immediate();
      else value = await handler(parsed.data, ctx);
      if (def.kind === 'write') this.checkpointWhenIdle();
      return { ok: true, value };
    } catch (e) {
      const error = toApiError(e, path.dirname(path.resolve(this.opts.dbPath)));
      if (error.code === 'INTERN') this.opts.onInternalError?.(method, e);
      return { ok: false, error };
    } finally {
      this.writeAuditHead();
    }
  }

  /** The audit trail's head beside the database, after a call that committed entries (audit/anchor.ts). */
  private writeAuditHead(): void {
    try {
      writeAuditHead(this.db, this.opts.dbPath);
    } catch (e) {
      // A head file that lags behind is harmless (verify only flags a database behind its head).
      this.opts.onInternalError?.('auditkop', e);
    }
  }

  /**
   * Copies the WAL into the database once no write has come for a moment (db/open.ts says why):
   * PASSIVE, so it never waits for a reader such as the backup worker; what it cannot copy now, the
   * next one does.
   */
  private checkpointWhenIdle(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (this.closed) return;
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch (e) {
        this.opts.onInternalError?.('wal_checkpoint', e);
      }
    }, this.opts.checkpointIdleMs ?? CHECKPOINT_IDLE_MS);
    this.checkpointTimer.unref();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    // A backup still running in its worker has its own connection to this file; stop it, so a
    // door that closes the core (to restore, to quit) leaves no reader behind.
    stopBackupWorkers(this.db);
    this.db.close();
  }
}

/** A role the contract does not know (a damaged account row) may call nothing. */
const mayCall = (rollen: readonly string[], caller: Caller) =>
  (ACCOUNT_ROL.codes as readonly string[]).includes(caller.rol) && rollen.includes(caller.rol);

const refusal = (caller: Caller) => {
  const rol = Object.hasOwn(ACCOUNT_ROL.labels, caller.rol) ? ACCOUNT_ROL.labels[caller.rol].nl : null;
  return rol
    ? `Dit mag u niet doen met uw rol (${rol.toLowerCase()}). Vraag het de schoolleider als het wel nodig is.`
    : 'Dit mag u niet doen met uw account. Vraag het de schoolleider.';
};

export function safeUserName(): string {
  try {
    return os.userInfo().username || 'gebruiker';
  } catch {
    return 'gebruiker';
  }
}
