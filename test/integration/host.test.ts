// The one lifecycle every door uses (app/host.ts): a staged restore put in place before the core
// opens, the key's id known to the core, the automatic backup as a service that stops with the host,
// a failure that comes with its diagnosis, and the restore while the database is closed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { openHost, restoreWhileClosed, checkBackupWhileClosed } from '../../src/main/app/host';
import type { Host } from '../../src/main/app/host';
import { listBackups } from '../../src/main/backup/backup';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function core(): TestCore {
  const t = makeTestCore();
  cleanups.push(() => t.cleanup());
  return t;
}

function folder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-host-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

const count = (h: Host, table: string) => (h.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function school(t: TestCore) {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  await t.call('people.create', { soort: 'leerling', voornaam: 'Eerste', achternaam: 'Leerling' });
}

describe('the host (app/host.ts)', () => {
  it('puts a restore the app staged in place before the core opens, and says so', async () => {
    const t = core();
    await school(t);
    const b = await t.call('trust.backup.now', { naar: folder() });
    await t.call('people.create', { soort: 'leerling', voornaam: 'Later', achternaam: 'Toegevoegd' });
    await t.call('trust.restore', { bron: b.backup.pad, bevestigd: true });
    t.core.close();

    const lines: string[] = [];
    const opened = openHost({ dbPath: t.dbPath, key: t.key, actor: 'test', log: (l) => lines.push(l) });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      expect(opened.restored).toEqual({ gemaaktOp: b.backup.gemaaktOp });
      expect(count(opened.host, 'person')).toBe(1);
      expect(lines.join('\n')).toMatch(/klaargezette reservekopie .* is eerst teruggezet/);
      // The core knows the key's id without a vault, so a backup records which key it needs.
      const again = await opened.host.invoke('trust.backup.now', { naar: folder() });
      expect(again.ok).toBe(true);
    } finally {
      opened.host.close();
    }
  });

  it('a database that does not open gives the Dutch reason and the diagnosis, and changes nothing', () => {
    const t = core();
    t.core.close();
    const before = fs.readFileSync(t.dbPath);
    const opened = openHost({ dbPath: t.dbPath, key: 'b'.repeat(64), actor: 'test' });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toMatch(/sleutel klopt niet/);
    expect(opened.diagnosis).not.toBeNull();
    expect(opened.diagnosis!.soort).toBeTruthy();
    expect(fs.readFileSync(t.dbPath).equals(before)).toBe(true);
  });

  it('runs the automatic backup as a service when asked, and stops it with the host', async () => {
    const t = core();
    await school(t);
    const target = folder();
    await t.call('trust.settings.save', { backupMap: target });
    t.core.close();

    const opened = openHost({ dbPath: t.dbPath, key: t.key, actor: 'test', automaticBackups: true });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    // The service checks at once whether a backup is due (none today): it makes one.
    for (let i = 0; i < 100 && listBackups(target).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(listBackups(target)).toHaveLength(1);
    opened.host.close();

    const without = openHost({ dbPath: t.dbPath, key: t.key, actor: 'test' });
    expect(without.ok).toBe(true);
    if (without.ok) without.host.close();
    expect(listBackups(target)).toHaveLength(1);
  });

  it('restores while closed: a safety backup first when the database opens and a folder is set', async () => {
    const t = core();
    await school(t);
    const target = folder();
    await t.call('trust.settings.save', { backupMap: target });
    const b = await t.call('trust.backup.now', {});
    await t.call('people.create', { soort: 'leerling', voornaam: 'Later', achternaam: 'Toegevoegd' });
    t.core.close();

    const check = checkBackupWhileClosed({ source: b.backup.pad, key: t.key });
    expect(check).toMatchObject({ schoolNaam: 'De Linde', personen: 1 });

    t.setNow('2026-11-17T10:00:00Z');
    const r = await restoreWhileClosed({ dbPath: t.dbPath, key: t.key, source: b.backup.pad, actor: 'test' });
    expect(r.huidigeOpende).toBe(true);
    expect(r.veiligheidskopie).toMatch(/reservekopie-/);
    expect(r.message).toMatch(/De reservekopie is gemaakt op/);
    expect(listBackups(target)).toHaveLength(2);

    const opened = openHost({ dbPath: t.dbPath, key: t.key, actor: 'test' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      expect(count(opened.host, 'person')).toBe(1);
    } finally {
      opened.host.close();
    }
  });

  it('restores while closed when the database does not open: it is put aside, not overwritten', async () => {
    const t = core();
    await school(t);
    const b = await t.call('trust.backup.now', { naar: folder() });
    t.core.close();
    fs.writeFileSync(t.dbPath, Buffer.alloc(8192, 7)); // damaged beyond opening

    const r = await restoreWhileClosed({ dbPath: t.dbPath, key: t.key, source: b.backup.pad, actor: 'test' });
    expect(r.huidigeOpende).toBe(false);
    expect(r.veiligheidskopie).toBeNull();
    expect(r.opzij).toBeTruthy();
    expect(fs.readFileSync(r.opzij!).equals(Buffer.alloc(8192, 7))).toBe(true);
    const opened = openHost({ dbPath: t.dbPath, key: t.key, actor: 'test' });
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.host.close();
  });
});
