// A read worker of the school server (readPool.ts): the core on a read-only connection of its own,
// answering the read methods the pool sends it, one at a time, exactly as the main core would: the
// same Core.invoke with the caller, so the role check and the group scope run as there. Each call
// reads in one transaction of its own, begun when the call starts: it sees every write the server
// answered before the call was sent, and one consistent state for all its queries (a list's
// total and its rows).
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { Core } from '../app/core';
import type { Caller } from '@shared/api/caller';
import { api, isMethodName } from '@shared/api';

export interface ReadWorkerData {
  dbPath: string;
  key: string;
  dataDir?: string;
  actor: string;
}

export interface ReadRequest {
  id: number;
  method: string;
  input: unknown;
  caller: Caller;
  /** The server's clock at the call (its `now` option may be a test's or the bench's clock). */
  nowMs: number;
}

/** `body`: the Result as JSON, ready to send; `retry`: the method tried to write, let the main core do it. */
export type ReadReply = { id: number; body: string; ms: number } | { id: number; retry: true } | { id: number; error: string };

const data = workerData as ReadWorkerData;
let nowMs = Date.now();
let wroteOrFailed = false;
const core = Core.open({
  dbPath: data.dbPath,
  key: data.key,
  dataDir: data.dataDir,
  actor: data.actor,
  readOnly: true,
  now: () => new Date(nowMs),
  onInternalError: () => {
    wroteOrFailed = true;
  },
});

const queue: ReadRequest[] = [];
let running = false;

async function next(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const t = performance.now();
      nowMs = r.nowMs;
      wroteOrFailed = false;
      // Only reads: anything else is the main core's, whatever the pool sent.
      if (!isMethodName(r.method) || api[r.method].kind !== 'read') {
        parentPort!.postMessage({ id: r.id, retry: true } satisfies ReadReply);
        continue;
      }
      try {
        core.db.exec('BEGIN');
        let result;
        try {
          result = await core.invoke(r.method, r.input, r.caller);
        } finally {
          if (core.db.inTransaction) core.db.exec('COMMIT');
        }
        // An internal or database error here (a read that writes after all, on this read-only
        // connection) is answered by the main core instead, which has its log and a connection that writes.
        const handBack = wroteOrFailed || (!result.ok && result.error.code === 'DATABASE');
        const reply: ReadReply = handBack
          ? { id: r.id, retry: true }
          : { id: r.id, body: JSON.stringify(result), ms: performance.now() - t };
        parentPort!.postMessage(reply);
      } catch (e) {
        parentPort!.postMessage({ id: r.id, error: String((e as Error)?.message ?? e) } satisfies ReadReply);
      }
    }
  } finally {
    running = false;
  }
}

parentPort!.on('message', (m: ReadRequest | 'close') => {
  if (m === 'close') {
    core.close();
    process.exit(0);
  }
  queue.push(m);
  void next();
});
