// Runs a backup (backup.ts makeBackup) in a worker thread with its own read-only connection to the
// database, so the core's own thread (in Electron the one utilityProcess that answers the window)
// keeps answering while a school board's 2 GB are copied, checked, hashed and the evidence files
// encrypted (a minute and a half). The database is in WAL mode: the worker's VACUUM INTO reads one
// consistent snapshot while the core goes on reading and writing.
//
// One worker per core, started with the first backup and stopped after a while without one.
// The worker entry sits beside this module, found the way the migrations are (db/migrate.ts):
// backupWorker.ts in the source tree (vitest, the CLI and the bench run TypeScript through tsx, so
// the worker gets tsx's loader too), backupWorker.js beside the bundle in out/main (an entry of its
// own in electron.vite.config.ts).
import { Worker } from 'node:worker_threads';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import { workerEntry } from '../files/workerEntry';
import type { ErrorCode } from '@shared/api/result';
import type { BackupResult, BackupSoort } from './backup';
import type { FileKey } from './backupFiles';

/** Which database the worker opens: given once, as workerData, when it starts. Never logged. */
export interface BackupWorkerData {
  dbPath: string;
  /** The database key (hex); the worker opens the file read-only with it for each backup. */
  key: string;
  /** The FileStore's root (evidence, letters, logo). */
  dataDir: string;
}

/** One backup, posted to the worker. */
export interface BackupJob {
  id: number;
  folder: string;
  soort: BackupSoort;
  now: string;
  sleutelId: string | null;
  /** The file key in its stored hex form (a Buffer would arrive as a plain Uint8Array). */
  fileKeyHex: string;
}

export type BackupReply = { id: number } & (
  { ok: true; result: BackupResult } | { ok: false; error: { code: ErrorCode; message: string }; coreError: boolean }
);

export const jobFileKey = (fk: FileKey) => fk.key.toString('hex');

/**
 * The worker itself failed (it could not load, threw outside a backup, or died without answering),
 * as opposed to a backup that failed inside it: the caller may make the backup another way.
 */
export class BackupWorkerUnavailable extends Error {}


/**
 * A worker stays for a while after a backup, so backups in a row (a restore's safety copy, tests
 * that make a year of daily backups) do not each pay its start (0.1 s built, 0.6 s under tsx);
 * idle, it keeps no connection open and does not keep the process alive.
 */
export const IDLE_MS = 30_000;

interface Host {
  worker: Worker;
  /** Stopped on purpose (the core closes): an exit then is no failure of the worker. */
  stopping: boolean;
  pending: Map<number, { resolve: (r: BackupResult) => void; reject: (e: Error) => void }>;
  idle: ReturnType<typeof setTimeout> | null;
}

// The worker of each core, so Core.close can stop it.
const hosts = new WeakMap<DB, Host>();
let nextId = 1;

function hostFor(db: DB, data: BackupWorkerData): Host {
  const existing = hosts.get(db);
  if (existing) return existing;
  const entry = workerEntry('backupWorker', import.meta.url);
  const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv, name: 'reservekopie' });
  const host: Host = { worker, stopping: false, pending: new Map(), idle: null };
  hosts.set(db, host);
  const failAll = (e: Error) => {
    if (hosts.get(db) === host) hosts.delete(db);
    if (host.idle) clearTimeout(host.idle);
    for (const p of host.pending.values()) p.reject(e);
    host.pending.clear();
  };
  worker.on('message', (reply: BackupReply) => {
    const p = host.pending.get(reply.id);
    host.pending.delete(reply.id);
    if (host.pending.size === 0) {
      worker.unref();
      host.idle = setTimeout(() => stopBackupWorkers(db), IDLE_MS);
      host.idle.unref();
    }
    if (!p) return;
    if (reply.ok) p.resolve(reply.result);
    else if (reply.coreError) p.reject(new CoreError(reply.error.code, reply.error.message));
    else p.reject(new Error(reply.error.message));
  });
  worker.on('error', (e) => failAll(new BackupWorkerUnavailable(`De reservekopie kon niet apart worden gemaakt: ${e.message}`)));
  // Stopped (the core was closed) or died without answering: what it wrote carries only a
  // temporary .bezig- name, which rotation removes a day later.
  worker.on('exit', () =>
    failAll(
      host.stopping
        ? new CoreError('DATABASE', 'De reservekopie is afgebroken voordat ze klaar was. Probeer het opnieuw.')
        : new BackupWorkerUnavailable('De reservekopie is afgebroken voordat ze klaar was.'),
    ),
  );
  return host;
}

/** Makes the backup in the core's worker; resolves with its result or rejects with a CoreError (Dutch). */
export function runBackupInWorker(db: DB, data: BackupWorkerData, job: Omit<BackupJob, 'id'>): Promise<BackupResult> {
  let host: Host;
  try {
    host = hostFor(db, data);
  } catch (e) {
    return Promise.reject(new BackupWorkerUnavailable(`De reservekopie kon niet apart worden gemaakt: ${(e as Error).message}`));
  }
  if (host.idle) clearTimeout(host.idle);
  host.idle = null;
  // While a backup runs the worker keeps the process alive (the CLI waits for it).
  host.worker.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    host.pending.set(id, { resolve, reject });
    host.worker.postMessage({ ...job, id } satisfies BackupJob);
  });
}

/** Stops the backup worker of a core that is being closed (and an idle one). */
export function stopBackupWorkers(db: DB): void {
  const host = hosts.get(db);
  if (!host) return;
  hosts.delete(db);
  host.stopping = true;
  if (host.idle) clearTimeout(host.idle);
  void host.worker.terminate();
}
