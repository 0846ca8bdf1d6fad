// Parses an import file (readers.ts) in a worker thread with a heap cap and a time limit, so a
// hostile or absurd file (a zip bomb, a million rows, a PDF that never ends) costs at most that
// worker: the core's own thread (in Electron the one utilityProcess that answers the window) keeps
// answering, and the file ends in a Dutch refusal instead of a dead core. The worker never sees the
// database; the core plans and writes with what it returns, so a refused file writes nothing.
//
// There is no in-process fallback: parsing in the core's thread is exactly what this avoids. The
// entry is found as the backup worker's is (files/workerEntry.ts): importWorker.ts
// under tsx in the source tree, importWorker.js beside the bundle (electron.vite.config.ts).
// One file at a time, so two hostile files cannot take twice the memory; each file's time limit
// starts when its turn comes. After a file the worker waits a while for the next one (a preview,
// dry run and apply read the same file in a row), unreferenced, then stops.
import { Worker } from 'node:worker_threads';
import type { ImportFile } from './file';
import type { ImportResults, ImportSoort } from './readers';
import { teLang, teVeelGeheugen, WORKER } from './limits';
import type { WorkerLimits } from './limits';
import { CoreError } from '../errors/errors';
import type { ApiError } from '@shared/api/result';
import { workerEntry } from '../files/workerEntry';

/** One file, posted to the worker (its bytes arrive there as a Uint8Array). */
export interface ImportJob {
  id: number;
  soort: ImportSoort;
  file: ImportFile;
}

export type ImportReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: ApiError; coreError: boolean });

/** How long an idle worker waits for the next file before it stops. */
const IDLE_MS = 30_000;

interface Slot {
  worker: Worker;
  limits: WorkerLimits;
  exited: boolean;
  idle: ReturnType<typeof setTimeout> | null;
}

// The one idle worker, if any, and the files waiting for their turn.
let parked: Slot | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function start(limits: WorkerLimits): Slot {
  const entry = workerEntry('importWorker', import.meta.url);
  const worker = new Worker(entry.file, {
    execArgv: entry.execArgv,
    name: 'inlezen',
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
  });
  const slot: Slot = { worker, limits, exited: false, idle: null };
  worker.once('exit', () => {
    slot.exited = true;
    if (parked === slot) parked = null;
  });
  return slot;
}

function take(limits: WorkerLimits): Slot {
  const p = parked;
  if (p && !p.exited && p.limits.heapMb === limits.heapMb) {
    parked = null;
    if (p.idle) clearTimeout(p.idle);
    return p;
  }
  return start(limits);
}

function park(slot: Slot): void {
  if (parked || slot.exited) {
    void slot.worker.terminate();
    return;
  }
  parked = slot;
  slot.worker.unref();
  slot.idle = setTimeout(() => {
    if (parked === slot) parked = null;
    void slot.worker.terminate();
  }, IDLE_MS);
  slot.idle.unref();
}

const broken = (why: string) => new CoreError('INTERN', `Het bestand kon niet worden ingelezen: ${why}. Er is niets ingelezen.`);

/**
 * Reads the file in a worker, after the files before it. Resolves with what readers.ts returns;
 * rejects with its Dutch refusal, or with a Dutch refusal when the worker runs out of time or memory.
 */
export function parseInWorker<S extends ImportSoort>(soort: S, file: ImportFile, limits: WorkerLimits = WORKER): Promise<ImportResults[S]> {
  const turn = queue.then(() => parse(soort, file, limits));
  queue = turn.catch(() => undefined);
  return turn;
}

function parse<S extends ImportSoort>(soort: S, file: ImportFile, limits: WorkerLimits): Promise<ImportResults[S]> {
  let slot: Slot;
  try {
    slot = take(limits);
  } catch (e) {
    return Promise.reject(broken(`het inleesproces kon niet starten (${(e as Error).message})`));
  }
  const { worker } = slot;
  // While a file is read the worker keeps the process alive (the CLI waits for it).
  worker.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const fail = (e: Error) => {
      settle();
      void worker.terminate();
      reject(e);
    };
    const onMessage = (reply: ImportReply) => {
      if (reply.id !== id) return;
      settle();
      park(slot);
      if (reply.ok) resolve(reply.value as ImportResults[S]);
      else if (reply.coreError) reject(new CoreError(reply.error.code, reply.error.message, reply.error.field, reply.error.fields));
      else reject(new Error(reply.error.message));
    };
    const onError = (e: Error & { code?: string }) =>
      fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? teVeelGeheugen() : broken(`het inleesproces liep vast (${e.message})`));
    const onExit = () => fail(broken('het inleesproces stopte onverwacht'));
    const timer = setTimeout(() => fail(teLang(limits.tijdMs)), limits.tijdMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, soort, file } satisfies ImportJob);
  });
}
