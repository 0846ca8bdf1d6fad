// A real core on a real encrypted database in a fresh temp folder, for integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Core } from '../../src/main/app/core';
import type { MethodName, Input, Output } from '../../src/shared/api';

export interface TestCore {
  core: Core;
  dir: string;
  dbPath: string;
  key: string;
  /** Calls a method and returns its value, failing the test with the Dutch message if it fails. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Sets the clock (ISO timestamp or date) for everything after this call. */
  setNow(iso: string): void;
  cleanup(): void;
}

export function makeTestCore(opts: { now?: string } = {}): TestCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-test-'));
  const dbPath = path.join(dir, 'schoolprotocol.db');
  const key = randomBytes(32).toString('hex');
  let now = new Date(opts.now ?? '2026-11-16T09:00:00Z');
  const core = Core.open({ dbPath, key, create: true, actor: 'test', now: () => now });
  return {
    core,
    dir,
    dbPath,
    key,
    async call(method, input) {
      const r = await core.invoke(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
      return r.value;
    },
    setNow(iso) {
      now = new Date(iso.length === 10 ? `${iso}T09:00:00Z` : iso);
    },
    cleanup() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
