// The school server's read workers (docs/PERFORMANCE.md, "School server under load"): the door has
// one event loop, and every call on the one connection ran on it, so under load 50 users waited
// behind each other's grids and yearly figures while the machine's other cores did nothing. When the
// loop is busy (or other calls are in progress), the reads staff make all day are answered in a few
// worker threads instead, each with the core on a read-only connection of its own (readWorker.ts);
// every write, and every other method, stays on the main connection, and so does a read while the
// loop is quiet (its page cache is warm, see LoopLoad). What stays the same: the door checks the
// session and the account before the call (server.ts), the worker's core checks the role and applies
// the group scope as the main core does (the same Core.invoke with the same caller), and a read sent
// after a write was answered sees it (WAL: a read transaction begun after a commit sees it; the main
// connection commits before it answers).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../files/workerEntry';
import type { Caller } from '@shared/api/caller';
import type { ReadReply, ReadRequest, ReadWorkerData } from './readWorker';

/**
 * The read methods the workers answer: what staff open all day, each checked to read only (a method
 * that writes after all is answered by the main core: the worker asks for that, readWorker.ts).
 */
export const WORKER_READS: ReadonlySet<string> = new Set([
  'incidents.list',
  'incidents.get',
  'people.list',
  'people.search',
  'people.get',
  'dossier.get',
  'reports.year',
  'obligations.dashboard',
]);

/** Workers by default: one per core, at most four (each has its own page cache of 16 MB). */
export const defaultReadWorkers = (): number => Math.max(1, Math.min(4, os.availableParallelism()));

/**
 * How busy this thread's event loop was lately (its utilisation over the last 50 ms or more). The
 * door sends a read to a worker only when it is busy: alone, the main core answers faster and
 * cheaper, because a worker's page cache is emptied by every write on the main connection (SQLite
 * drops a connection's cache when another one has written) and it must decrypt the pages again (a
 * dossier 3–4 ms on the main connection, about 50 ms in a worker right after a save; measured on
 * the quick bench set, docs/PERFORMANCE.md).
 */
export class LoopLoad {
  private last = performance.eventLoopUtilization();
  private at = performance.now();
  private busy = 0;

  constructor(private readonly windowMs = 50) {}

  utilisation(): number {
    const now = performance.now();
    if (now - this.at >= this.windowMs) {
      const current = performance.eventLoopUtilization();
      this.busy = performance.eventLoopUtilization(current, this.last).utilization;
      this.last = current;
      this.at = now;
    }
    return this.busy;
  }
}

/** Called after every call a worker answered, with its time in the worker's core (the bench measures with it). */
export const readObservers: ((method: string, ms: number) => void)[] = [];

interface Pending {
  method: string;
  resolve: (body: string | null) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  failed: boolean;
}

export class ReadPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    data: ReadWorkerData,
    size: number,
    private readonly log: (line: string) => void,
  ) {
    const entry = workerEntry('readWorker', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv, name: `lezen-${i + 1}` });
      const slot: Slot = { worker, pending: new Map(), failed: false };
      worker.on('message', (m: ReadReply) => {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        if (!slot.pending.size) worker.unref();
        if ('body' in m) {
          for (const o of readObservers) o(p.method, m.ms);
          p.resolve(m.body);
        } else {
          if ('error' in m) this.log(`[server] leeswerker: ${m.error}`);
          p.resolve(null);
        }
      });
      const fail = (why: string) => {
        if (slot.failed) return;
        slot.failed = true;
        if (!this.closed) this.log(`[server] leeswerker ${i + 1} gestopt (${why}); de server beantwoordt alles zelf`);
        for (const p of slot.pending.values()) p.resolve(null);
        slot.pending.clear();
      };
      worker.on('error', (e) => fail(e.message));
      worker.on('exit', (code) => fail(`code ${code}`));
      worker.unref();
      this.slots.push(slot);
    }
  }

  /** Whether a worker may answer this method. */
  serves(method: string): boolean {
    return !this.closed && WORKER_READS.has(method) && this.slots.some((s) => !s.failed);
  }

  /**
   * The Result as JSON from the least busy worker; null when none could answer (then the main core
   * answers, as without workers).
   */
  run(method: string, input: unknown, caller: Caller, nowMs: number): Promise<string | null> {
    let slot: Slot | null = null;
    for (const s of this.slots) if (!s.failed && (!slot || s.pending.size < slot.pending.size)) slot = s;
    if (!slot || this.closed) return Promise.resolve(null);
    const id = this.nextId++;
    const target = slot;
    return new Promise((resolve) => {
      // Held open only while a call waits for it, so an idle pool never keeps the process alive.
      if (!target.pending.size) target.worker.ref();
      target.pending.set(id, { method, resolve });
      target.worker.postMessage({ id, method, input, caller, nowMs } satisfies ReadRequest);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.failed) return resolve();
            const timer = setTimeout(() => void s.worker.terminate().then(() => resolve()), 5000);
            s.worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            s.worker.postMessage('close');
          }),
      ),
    );
  }
}
