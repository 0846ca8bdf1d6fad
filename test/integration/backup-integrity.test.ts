// Backups that never break silently: a file changed on disk is reported and never stored as the
// original, rotation keeps the newest fully checked backup, a restore brings the database back even
// when a file in the backup is damaged (naming it), an interrupted destruction is finished when the
// core opens and its files are never carried into a backup, and `verify` hashes every file and
// reports a damaged database page in Dutch.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { trustWorkspace, DE_LINDE } from './trustSupport';
import type { TestCore } from '../support/core';
import { Core, defaultDataDir } from '../../src/main/app/core';
import { BACKUP_ROOT, POOL, listBackups, readManifest } from '../../src/main/backup/backup';
import { restoreBackup } from '../../src/main/backup/restore';
import { verifyDatabase } from '../../src/main/app/verify';
import { runCli } from '../../src/main/cli/program';

const { core, dir } = trustWorkspace();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const allFiles = (d: string): string[] =>
  fs.existsSync(d)
    ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(d, e.name)) : [path.join(d, e.name)]))
    : [];

/** A pupil who left on 31 July 2024, the only one in an incident with two evidence files. */
async function seed(t: TestCore) {
  await t.call('school.save', DE_LINDE);
  const p = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Siebe',
    achternaam: 'Wouterlooij',
    ingeschrevenOp: '2020-08-15',
    uitgeschrevenOp: '2024-07-31',
  });
  const inc = await t.call('incidents.create', {
    datumVoorval: '2024-03-05',
    datumMelding: '2024-03-06',
    locatie: 'in_school',
    platform: 'whatsapp',
    categorie: 'pesten',
    ernst: 'laag',
    omschrijving: 'Een groepschat met scheldwoorden.',
    betrokkenen: [{ personId: p.id, rol: 'dader' }],
  });
  const add = (naam: string, inhoud: string) =>
    t.call('evidence.add', {
      incidentId: inc.id,
      bestandsnaam: naam,
      inhoudBase64: Buffer.from(inhoud).toString('base64'),
      beveiligdOp: '2024-03-06',
    });
  const a = await add('chat-1.png', 'EERSTE-SCHERMAFBEELDING');
  const b = await add('chat-2.png', 'TWEEDE-SCHERMAFBEELDING');
  const row = (id: number) =>
    t.core.db.prepare('SELECT id, opslagnaam FROM evidence WHERE id = ?').get(id) as { id: number; opslagnaam: string };
  return { person: p, incident: inc, a: row(a.id), b: row(b.id) };
}

const evidenceFile = (t: TestCore, opslagnaam: string) => path.join(defaultDataDir(t.dbPath), 'bewijs', opslagnaam);

function overwrite(file: string, bytes: Buffer) {
  fs.chmodSync(file, 0o600);
  fs.writeFileSync(file, bytes);
}

describe('a changed evidence file', () => {
  it('is reported by the next backup, which does not store it, and the last good backup survives rotation', async () => {
    const t = core();
    const { a, incident } = await seed(t);
    const target = dir();
    const good = (await t.call('trust.backup.now', { naar: target })).backup;
    overwrite(evidenceFile(t, a.opslagnaam), Buffer.from('GEMANIPULEERD'));
    t.setNow('2026-11-16T10:00:00Z');
    const next = (await t.call('trust.backup.now', { naar: target })).backup;

    // Recorded with the run and shown in the overview, naming the record and the file.
    const overview = await t.call('trust.backup.overview', {});
    expect(overview.laatsteGelukt?.naam).toBe(next.naam);
    expect(overview.laatsteGelukt?.fout).toMatch(
      new RegExp(`bewijsstuk ${a.id} bij melding ${incident.id} \\(bewijs/${a.opslagnaam}\\): het bestand op schijf is gewijzigd`),
    );
    const m = readManifest(next.pad)!;
    expect(m.volledig).toBe(false);
    expect(m.overgeslagen).toEqual([{ gebied: 'bewijs', naam: a.opslagnaam, reden: 'gewijzigd', uitEerdereKopie: true }]);
    // The changed bytes are nowhere in the pool: every pooled file is named by a hash the database holds.
    const pooled = allFiles(path.join(target, BACKUP_ROOT, POOL))
      .map((f) => path.basename(f, '.enc'))
      .sort();
    expect(pooled).toEqual([sha(Buffer.from('EERSTE-SCHERMAFBEELDING')), sha(Buffer.from('TWEEDE-SCHERMAFBEELDING'))].sort());
    // Two backups on one day: the rule keeps only the newer, but the older one is the last complete one.
    expect(listBackups(target).map((b) => b.naam)).toEqual([next.naam, good.naam]);

    // A third, again with the changed file, still keeps the good one (and drops the middle one).
    t.setNow('2026-11-16T11:00:00Z');
    const third = (await t.call('trust.backup.now', { naar: target })).backup;
    expect(listBackups(target).map((b) => b.naam)).toEqual([third.naam, good.naam]);

    // The command line says it loudly too, with exit code 1.
    t.core.close();
    let out = '';
    const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, '--key-stdin', 'backup', '--to', target], {
      out: (s) => (out += s),
      err: (s) => (out += s),
      readStdin: () => t.key,
    });
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`LET OP: .*bewijsstuk ${a.id} bij melding ${incident.id}`));
  });
});

describe('a restore with a damaged file', () => {
  it('restores the database and the good files, and lists the damaged one', async () => {
    const t = core();
    const { a, b, incident } = await seed(t);
    const target = dir();
    const backup = (await t.call('trust.backup.now', { naar: target })).backup;
    // The pooled copy of the first file (named by its content's hash; by its stored name before).
    const names = [`${sha(Buffer.from('EERSTE-SCHERMAFBEELDING'))}.enc`, `${a.opslagnaam}.enc`];
    const pooledA = allFiles(path.join(target, BACKUP_ROOT, POOL)).find((f) => names.includes(path.basename(f)))!;
    const bytes = fs.readFileSync(pooledA);
    bytes[bytes.length - 20] ^= 0xff;
    fs.writeFileSync(pooledA, bytes);
    await t.call('people.create', { soort: 'leerling', voornaam: 'Later', achternaam: 'Ingevoerd' });
    t.core.close();

    const r = restoreBackup({ dbPath: t.dbPath, dataDir: defaultDataDir(t.dbPath), key: t.key, source: backup.pad });
    expect(r.beschadigd).toEqual([
      `bewijsstuk ${a.id} bij melding ${incident.id} (bewijs/${a.opslagnaam}): beschadigd of ontbreekt in de reservekopie`,
    ]);
    const reopened = Core.open({ dbPath: t.dbPath, key: t.key });
    try {
      expect(reopened.db.prepare('SELECT achternaam FROM person ORDER BY id').all()).toEqual([{ achternaam: 'Wouterlooij' }]);
    } finally {
      reopened.close();
    }
    expect(fs.readFileSync(evidenceFile(t, b.opslagnaam), 'utf8')).toBe('TWEEDE-SCHERMAFBEELDING');
    expect(fs.existsSync(evidenceFile(t, a.opslagnaam))).toBe(false);
  });
});

describe('an interrupted destruction', () => {
  it('leaves no evidence behind: a backup does not carry it and the next open removes it', async () => {
    const t = core();
    const { person, a, b } = await seed(t);
    const target = dir();
    // The app stops between the commit and the removal of the files.
    const files = t.core.ctx.files;
    const remove = files.remove.bind(files);
    files.remove = () => {
      throw new Error('gestopt');
    };
    const r = await t.core.invoke('trust.retention.destroy', { personIds: [person.id], bevestigdDoor: 'A. Visser' });
    files.remove = remove;
    expect(r.ok).toBe(false);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 0 });
    for (const e of [a, b]) expect(fs.existsSync(evidenceFile(t, e.opslagnaam))).toBe(true);

    // A backup made now copies only what the database names.
    const backup = (await t.call('trust.backup.now', { naar: target })).backup;
    expect(backup.bestanden).toBe(0);
    expect(allFiles(path.join(target, BACKUP_ROOT, POOL))).toEqual([]);

    t.core.close();
    const reopened = Core.open({ dbPath: t.dbPath, key: t.key });
    try {
      for (const e of [a, b]) expect(fs.existsSync(evidenceFile(t, e.opslagnaam))).toBe(false);
      expect(reopened.db.prepare('SELECT count(*) AS n FROM file_deletion_pending').get()).toEqual({ n: 0 });
    } finally {
      reopened.close();
    }
  });
});

describe('verify', () => {
  it('hashes every file and lists a missing, a changed and an orphaned one', async () => {
    const t = core();
    const { a, b, incident } = await seed(t);
    t.core.close();
    expect(verifyDatabase(t.dbPath, t.key).files).toMatchObject({ ok: true, checked: 2 });
    fs.chmodSync(evidenceFile(t, a.opslagnaam), 0o600);
    fs.rmSync(evidenceFile(t, a.opslagnaam));
    overwrite(evidenceFile(t, b.opslagnaam), Buffer.from('ANDERS'));
    const orphan = '0b6c4a2e-1111-4c3d-9e8f-123456789abc.png';
    fs.writeFileSync(evidenceFile(t, orphan), 'los');
    const r = verifyDatabase(t.dbPath, t.key);
    expect(r.ok).toBe(false);
    expect(r.files.missing).toEqual([`bewijsstuk ${a.id} bij melding ${incident.id}: bewijs/${a.opslagnaam} ontbreekt`]);
    expect(r.files.changed).toEqual([
      `bewijsstuk ${b.id} bij melding ${incident.id}: bewijs/${b.opslagnaam} is gewijzigd (SHA-256 klopt niet)`,
    ]);
    expect(r.files.orphans).toEqual([`bewijs/${orphan} staat op schijf maar hoort bij geen record`]);
  });

  it('a file write that fails leaves no empty file behind for verify to find', async () => {
    const t = core();
    const bewijs = path.join(defaultDataDir(t.dbPath), 'bewijs');
    // A write that fails after the file was opened (here: bytes the write refuses).
    expect(() => t.core.ctx.files.write('bewijs', 'chat.png', 42 as unknown as Buffer)).toThrow();
    expect(fs.readdirSync(bewijs)).toEqual([]);
  });

  it('reports a damaged database page as a failed check, in Dutch', async () => {
    const t = core();
    await seed(t);
    for (let i = 0; i < 40; i++)
      await t.call('people.create', { soort: 'leerling', voornaam: `Kind${i}`, achternaam: 'Vulling'.repeat(12) });
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    const bytes = fs.readFileSync(t.dbPath);
    const pages = bytes.length / 4096;
    // Garble the last pages (table and index pages, not the header).
    bytes.fill(0x5a, (pages - 3) * 4096, (pages - 1) * 4096);
    fs.writeFileSync(t.dbPath, bytes);
    let out = '';
    const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, '--key-stdin', 'verify'], {
      out: (s) => (out += s),
      err: (s) => (out += s),
      readStdin: () => t.key,
    });
    expect(code).toBe(1);
    expect(out).not.toMatch(/onverwachts/);
    expect(out).toMatch(/FOUT .*(integrity_check|De controle .* kon niet worden uitgevoerd)/);
    expect(out).toMatch(/Er zijn problemen gevonden/);
  });
});
