// Crash safety: a child process writes through the core while we SIGKILL it at random moments, 20
// times. Every write the core confirmed (the child printed its id after the commit returned) must
// still be there, the database must pass PRAGMA integrity_check, and the audit chain must hold.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { tempDir } from './trustSupport';
import { bundleChildren, bundleDir, childEnv } from '../support/childBundle';
import { openDatabase } from '../../src/main/db/open';
import { verifyAuditChain } from '../../src/main/audit/audit';

const ROUNDS = 20;
const dir = tempDir('sp-crash-');
const out = bundleDir('crash');
const child = path.join(out, 'crashChild.js');
beforeAll(() => bundleChildren(out, { crashChild: path.join(import.meta.dirname, 'crashChild.ts') }), 60_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

/** Runs the child until it has confirmed a few writes, then kills it after `delay` ms more. */
function round(
  dbPath: string,
  key: string,
  n: number,
  delay: number,
): Promise<{ confirmed: string[]; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dbPath, key, String(n)], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let armed = false;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && out.includes('\nb:')) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), delay);
      }
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('exit', (_code, signal) => {
      // Only complete lines count: a line cut off by the kill was not confirmed.
      const confirmed = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => /^[bh]:\d+$/.test(l));
      resolve({ confirmed, signal, stderr });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every committed write through ${ROUNDS} SIGKILLs at random moments`, async () => {
    const dbPath = path.join(dir, 'crash.db');
    const key = randomBytes(32).toString('hex');
    const seen: string[] = [];
    for (let n = 1; n <= ROUNDS; n++) {
      const delay = Math.floor(Math.random() * 300);
      const r = await round(dbPath, key, n, delay);
      expect(r.signal, r.stderr).toBe('SIGKILL');
      seen.push(...r.confirmed);
      // Check after every kill: the next round starts from what this one left behind.
      const db = openDatabase(dbPath, { key });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const breaches = new Set((db.prepare('SELECT id FROM data_breach').all() as { id: number }[]).map((x) => `b:${x.id}`));
        const holds = new Set((db.prepare('SELECT id FROM legal_hold').all() as { id: number }[]).map((x) => `h:${x.id}`));
        const missing = seen.filter((id) => !breaches.has(id) && !holds.has(id));
        expect(missing, `round ${n}, killed ${delay} ms after the first write`).toEqual([]);
        expect(verifyAuditChain(db)).toMatchObject({ ok: true });
      } finally {
        db.close();
      }
    }
    expect(seen.length).toBeGreaterThan(ROUNDS * 2);
  }, 120_000);
});
