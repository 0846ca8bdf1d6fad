// The backup runs beside the core, not in it: the copy is made by a worker thread with its
// own read-only connection, so the core answers reads and writes while a backup is being written;
// one backup at a time (a second waits its turn, the automatic one decides in its turn whether it is
// still due); a failure inside the worker is recorded in Dutch and leaves nothing half-named; closing
// the core stops a running backup.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { trustWorkspace } from './trustSupport';
import { BACKUP_ROOT, POOL, listBackups } from '../../src/main/backup/backup';

const { core, dir } = trustWorkspace();

/**
 * A core whose database is big enough (about 64 MB) that copying, checking and hashing it takes a
 * noticeable while: the backup's window in which the core must keep answering.
 */
async function bigCore(mb = 64) {
  const t = core();
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  // Ballast written straight into the test's own database file: only its size matters here.
  t.core.db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const ins = t.core.db.prepare('INSERT INTO ballast (data) VALUES (randomblob(?))');
  t.core.db.transaction(() => {
    for (let i = 0; i < mb; i++) ins.run(1 << 20);
  })();
  t.core.db.pragma('wal_checkpoint(TRUNCATE)');
  return t;
}

/** The temporary folders of backups being written (".bezig-…") in a target. */
const inProgress = (target: string) => {
  const root = path.join(target, BACKUP_ROOT);
  return fs.existsSync(root) ? fs.readdirSync(root).filter((n) => n.startsWith('.bezig-')) : [];
};
const copyBeingWritten = (target: string) =>
  inProgress(target).some((n) => fs.existsSync(path.join(target, BACKUP_ROOT, n, 'schoolprotocol.db')));

/** Tracks whether a promise has settled, without changing it. */
function track<T>(p: Promise<T>) {
  const state = { settled: false };
  void p.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

describe('a backup beside the core', () => {
  it('leaves the core answering reads and writes while the copy is being written', async () => {
    const t = await bigCore();
    const target = dir();
    const backup = t.core.invoke('trust.backup.now', { naar: target });
    const b = track(backup);
    // Ask the core again and again while the backup runs. Each round first yields to the event
    // loop (a timer): were the backup to run on the core's thread, no timer could fire until it was
    // done, and no answer could arrive while the copy exists and the backup is still pending.
    let answeredDuringCopy = 0;
    let wroteDuringCopy = 0;
    let sawBusy = false;
    while (!b.settled) {
      await sleep(2);
      const copying = copyBeingWritten(target);
      const o = await t.core.invoke('trust.backup.overview', {});
      expect(o.ok).toBe(true);
      if (o.ok && o.value.bezig?.soort === 'handmatig') sawBusy = true;
      if (copying && !b.settled) {
        answeredDuringCopy++;
        if (wroteDuringCopy === 0) {
          await t.call('people.create', { soort: 'leerling', voornaam: 'Tijdens', achternaam: 'Reservekopie', groep: '1A' });
          wroteDuringCopy++;
        }
      }
    }
    const r = await backup;
    if (!r.ok) throw new Error(r.error.message);
    expect(answeredDuringCopy).toBeGreaterThan(3);
    expect(wroteDuringCopy).toBe(1);
    expect(sawBusy).toBe(true);
    // The backup is whole (integrity_check passed in the worker) and recorded by the core.
    expect(listBackups(target).map((x) => x.naam)).toEqual([r.value.backup.naam]);
    expect(inProgress(target)).toEqual([]);
    const o = await t.call('trust.backup.overview', {});
    expect(o.laatsteGelukt?.naam).toBe(r.value.backup.naam);
    expect(o.bezig).toBeNull();
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'reservekopie' AND action = 'gemaakt'`).get()).toEqual({
      n: 1,
    });
    // The write made during the copy is in the live database.
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM person WHERE achternaam = 'Reservekopie'`).get()).toEqual({ n: 1 });
  }, 60_000);

  it('one at a time: a second request waits its turn, and the automatic one is no longer due after them', async () => {
    const t = await bigCore(32);
    const target = dir();
    await t.call('trust.settings.save', { backupMap: target });
    const first = t.core.invoke('trust.backup.now', {});
    const second = t.core.invoke('trust.backup.now', {});
    const automatic = t.core.invoke('trust.backupIfDue', {});
    const f = track(first);
    let maxAtOnce = 0;
    let sawQueue = false;
    while (!f.settled) {
      await sleep(2);
      maxAtOnce = Math.max(maxAtOnce, inProgress(target).length);
      const o = await t.call('trust.backup.overview', {});
      if (o.bezig && o.bezig.wachtend === 2) sawQueue = true;
    }
    const [r1, r2, ra] = await Promise.all([first, second, automatic]);
    if (!r1.ok || !r2.ok || !ra.ok) throw new Error('a backup failed');
    expect(maxAtOnce).toBe(1);
    expect(sawQueue).toBe(true);
    // Both manual requests got their own backup; the automatic one found today's and made none.
    expect(r1.value.backup.naam).toBe('reservekopie-20261116T090000Z');
    expect(r2.value.backup.naam).toBe('reservekopie-20261116T090000Z-2');
    expect(ra.value).toEqual({ gemaakt: false, reden: 'Vandaag is al een reservekopie gemaakt.', backup: null });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM backup_run WHERE gelukt = 1').get()).toEqual({ n: 2 });
    expect((await t.call('trust.backup.overview', {})).bezig).toBeNull();
  }, 60_000);

  it('a failure inside the worker is recorded in Dutch, leaves nothing half-named, and the next backup works', async () => {
    const t = core();
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    // One evidence file (a backup carries only the files the database names).
    const p = await t.call('people.create', { soort: 'leerling', voornaam: 'Fenna', achternaam: 'Bos' });
    const inc = await t.call('incidents.create', {
      datumVoorval: '2026-10-05',
      datumMelding: '2026-10-06',
      locatie: 'in_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'laag',
      omschrijving: 'Berichten in een groepschat.',
      betrokkenen: [{ personId: p.id, rol: 'slachtoffer' }],
    });
    await t.call('evidence.add', {
      incidentId: inc.id,
      bestandsnaam: 'chat.png',
      inhoudBase64: Buffer.from('bewijs').toString('base64'),
      beveiligdOp: '2026-10-06',
    });
    const target = dir();
    // The pool of encrypted files cannot be made: the worker fails after the database copy.
    fs.mkdirSync(path.join(target, BACKUP_ROOT), { recursive: true });
    fs.writeFileSync(path.join(target, BACKUP_ROOT, POOL), 'geen map');
    const r = await t.core.invoke('trust.backup.now', { naar: target });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^De reservekopie kon niet worden geschreven in /);
    expect(fs.readdirSync(path.join(target, BACKUP_ROOT))).toEqual([POOL]);
    const run = t.core.db.prepare('SELECT gelukt, fout FROM backup_run').get() as { gelukt: number; fout: string };
    expect(run).toEqual({ gelukt: 0, fout: r.error.message });
    fs.rmSync(path.join(target, BACKUP_ROOT, POOL));
    expect((await t.call('trust.backup.now', { naar: target })).backup.bestanden).toBe(1);
  });

  it('closing the core stops a running backup: an error in Dutch, and no backup by name', async () => {
    const t = await bigCore();
    const target = dir();
    const backup = t.core.invoke('trust.backup.now', { naar: target });
    for (let i = 0; i < 5000 && !copyBeingWritten(target); i++) await sleep(2);
    expect(copyBeingWritten(target)).toBe(true);
    t.core.close();
    const r = await backup;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/afgebroken|gesloten/);
    expect(listBackups(target)).toEqual([]);
  }, 60_000);
});
