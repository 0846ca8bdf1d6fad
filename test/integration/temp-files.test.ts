// No plaintext temporary files: SQLite writes temporary tables, sorts that outgrow the cache,
// statement journals and an in-place VACUUM's copy to the temp folder unless temp_store is MEMORY,
// and the cipher encrypts none of them. A child process (tempFilesChild.ts) runs a real retention
// destruction, a large sort with a small cache, a backup in its worker thread, verify, diagnose and
// a restore with SQLITE_TMPDIR, TMPDIR, TMP and TEMP pointing at a fresh folder; any file that
// appears there (fs.watch, and a listing at the end) fails the test. A control runs the same sort
// on a connection set back to SQLite's default, to show the watch sees SQLite's temp files.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { tempDir } from './trustSupport';
import { bundleChildren, bundleDir, childEnv } from '../support/childBundle';

// Bundled (tsx would itself write its cache to the temp folder); the backup worker beside the
// child, where backupThread.ts looks for it.
const out = bundleDir('tempfiles');
const dirs: string[] = [];
beforeAll(
  () =>
    bundleChildren(out, {
      tempFilesChild: path.join(import.meta.dirname, 'tempFilesChild.ts'),
      backupWorker: path.resolve(import.meta.dirname, '../../src/main/backup/backupWorker.ts'),
    }),
  120_000,
);
afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs the child with its temp folder watched; returns what it printed and every name seen there. */
async function watched(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; seen: string[] }> {
  const temp = tempDir('sp-temp-watched-');
  const work = tempDir('sp-temp-work-');
  const backups = tempDir('sp-temp-backups-');
  dirs.push(temp, work, backups);
  const seen = new Set<string>();
  // Not recursive: SQLite writes straight into the folder, and Node's recursive watch on Linux drops a
  // file that is gone by the time it looks (SQLite unlinks its temp files as soon as it opens them).
  const watcher = fs.watch(temp, (_event, name) => seen.add(String(name)));
  try {
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const p = spawn(process.execPath, [path.join(out, 'tempFilesChild.js'), work, backups, randomBytes(32).toString('hex'), ...args], {
        env: childEnv({ SQLITE_TMPDIR: temp, TMPDIR: temp, TMP: temp, TEMP: temp }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('error', reject);
      p.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    // Events of the last moments arrive after the exit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const name of fs.readdirSync(temp, { recursive: true })) seen.add(String(name));
    return { ...r, seen: [...seen] };
  } finally {
    watcher.close();
  }
}

describe('temporary files', () => {
  it('a destruction, a large sort, a backup, verify, diagnose and a restore write nothing to the temp folder', async () => {
    const r = await watched([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      'vernietigd:1:108',
      'gesorteerd:200000',
      expect.stringMatching(/^reservekopie:reservekopie-\d{8}T\d{6}Z$/),
      'verify:true',
      'diagnose:geen_probleem_gevonden',
      'teruggezet',
      '',
    ]);
    expect(r.seen).toEqual([]);
  }, 240_000);

  it('control: the same sort on a connection set back to SQLite default spills into the watched folder', async () => {
    const r = await watched(['--temp-store-file']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('gesorteerd:200000\n');
    expect(r.seen.some((n) => /^etilqs_/.test(n))).toBe(true);
  }, 120_000);
});
