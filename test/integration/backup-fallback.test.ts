// When the backup worker cannot run (a packaged app that cannot load it, a worker that dies), the
// school still gets its backup: the core makes it on its own thread, as before the worker.
import { describe, it, expect, afterEach, vi } from 'vitest';
import fs from 'node:fs';
import { makeTrustCore, tempDir } from './trustSupport';
import type { TestCore } from '../support/core';
import { listBackups } from '../../src/main/backup/backup';

vi.mock('../../src/main/backup/backupThread', async (original) => {
  const real = await original<typeof import('../../src/main/backup/backupThread')>();
  return {
    ...real,
    runBackupInWorker: () => Promise.reject(new real.BackupWorkerUnavailable('Cannot find module backupWorker.js')),
  };
});

let t: TestCore | null = null;
let target: string | null = null;
afterEach(() => {
  t?.cleanup();
  if (target) fs.rmSync(target, { recursive: true, force: true });
});

describe('a backup without its worker', () => {
  it('is made on the core thread instead, checked and recorded as made', async () => {
    t = makeTrustCore();
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    target = tempDir('sp-backups-');
    const reported: string[] = [];
    t.core.ctx.internalError = (what) => reported.push(what);
    const r = await t.call('trust.backup.now', { naar: target });
    // The fault is reported for the door's log (a packaged app whose worker does not load must be
    // noticed), while the school gets its backup.
    expect(reported).toEqual(['reservekopie in de achtergrond']);
    const [made] = listBackups(target);
    expect(made.naam).toBe(r.backup.naam);
    expect(made.schoolNaam).toBe('De Linde');
    const run = t.core.db.prepare('SELECT gelukt, fout FROM backup_run ORDER BY id DESC LIMIT 1').get();
    expect(run).toEqual({ gelukt: 1, fout: null });
  });
});
