// The core: one object behind all three doors. It opens the encrypted database, validates every
// input against the API contract, runs the handler (writes in one transaction with their audit
// entries) and answers with a Result. Nothing here knows about Electron, HTTP or the terminal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, isMethodName } from '../../shared/api';
import type { MethodName, Input, Output, Result } from '../../shared/api';
import { openDatabase } from '../db/open';
import type { DB } from '../db/open';
import { FileStore } from '../files/fileStore';
import { makeCtx } from './context';
import type { Ctx } from './context';
import { handlers } from './handlers';
import { systemError, toApiError, zodToApiError } from './errors';
import { isLocked } from '../trust/vault';
import { stopBackupWorkers } from '../trust/backupThread';
import { finishPendingFileDeletions } from '../trust/destroy';
import { compactAtStart, markCompactionDone } from '../trust/compact';
import { LOCKED_MESSAGE } from '../../shared/api/trust';
import { writeAuditHead } from '../audit/anchor';

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
}

/** A pause without writes after which the WAL is checkpointed. */
export const CHECKPOINT_IDLE_MS = 2000;

export const defaultDataDir = (dbPath: string) =>
  path.join(path.dirname(dbPath), `${path.basename(dbPath, path.extname(dbPath))}-bestanden`);

const isAsync = (fn: unknown) => typeof fn === 'function' && fn.constructor.name === 'AsyncFunction';

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
    if (opts.create) {
      try {
        fs.mkdirSync(path.dirname(opts.dbPath), { recursive: true });
      } catch (e) {
        throw systemError(e, path.dirname(path.resolve(opts.dbPath))) ?? e;
      }
    }
    // Before the core's connection exists: the compaction swaps the file (trust/compact.ts).
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
    return new Core(db, ctx, opts);
  }

  /** Calls one API method by name with untrusted input. Never throws. */
  async invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  async invoke(method: string, input: unknown): Promise<Result<unknown>>;
  async invoke(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.closed) return { ok: false, error: { code: 'DATABASE', message: 'De database is gesloten.' } };
    if (!isMethodName(method))
      return { ok: false, error: { code: 'ONBEKENDE_METHODE', message: `Onbekende opdracht: ${String(method).slice(0, 60)}` } };
    const handler = (handlers as Record<string, ((i: unknown, c: Ctx) => unknown) | undefined>)[method];
    if (!handler) return { ok: false, error: { code: 'ONBEKENDE_METHODE', message: `Deze opdracht is nog niet beschikbaar: ${method}` } };
    if (isLocked(this.db) && !WHILE_LOCKED.has(method)) {
      return { ok: false, error: { code: 'GEEN_TOEGANG', message: LOCKED_MESSAGE } };
    }
    const def = api[method];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
    try {
      let value: unknown;
      if (isAsync(handler)) value = await handler(parsed.data, this.ctx);
      else if (def.kind === 'write') value = this.db.transaction(() => handler(parsed.data, this.ctx)).immediate();
      else value = handler(parsed.data, this.ctx);
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

export function safeUserName(): string {
  try {
    return os.userInfo().username || 'gebruiker';
  } catch {
    return 'gebruiker';
  }
}
