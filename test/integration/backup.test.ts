// Backups and restore: encrypted (no readable name in any byte), files encrypted too, verified,
// recorded; restore checks first, keeps the current database aside and puts it back on failure;
// foreign, damaged, newer and wrong-key files are refused in Dutch with the current data untouched.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { trustWorkspace } from './trustSupport';
import type { TestCore } from '../support/core';
import { Core, defaultDataDir } from '../../src/main/app/core';
import { applyKey } from '../../src/main/db/open';
import { latestSchemaVersion } from '../../src/main/db/migrate';
import { applyStagedRestore, restoreBackup, stagingDir } from '../../src/main/backup/restore';
import { BACKUP_ROOT, listBackups } from '../../src/main/backup/backup';
import { verifyAuditChain } from '../../src/main/audit/audit';

const NAME = 'Fenna Özdemir-Verhoeven';
const SECRET_BYTES = Buffer.from('SCREENSHOT-GEHEIM-Verhoeven-1234567890');

const { core, dir } = trustWorkspace();

async function fails(t: TestCore, method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function seed(t: TestCore) {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const p = await t.call('people.create', { soort: 'leerling', voornaam: 'Fenna', achternaam: 'Özdemir-Verhoeven', groep: '2B' });
  const inc = await t.call('incidents.create', {
    datumVoorval: '2026-10-05',
    datumMelding: '2026-10-06',
    locatie: 'buiten_school',
    platform: 'snapchat',
    categorie: 'pesten',
    ernst: 'middel',
    omschrijving: `${NAME} werd uitgescholden in een groepschat.`,
    betrokkenen: [{ personId: p.id, rol: 'slachtoffer' }],
  });
  const ev = await t.call('evidence.add', {
    incidentId: inc.id,
    bestandsnaam: 'chat.png',
    inhoudBase64: SECRET_BYTES.toString('base64'),
    beveiligdOp: '2026-10-06',
  });
  return { person: p, incident: inc, evidence: ev };
}

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const allFiles = (d: string): string[] =>
  fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(d, e.name)) : [path.join(d, e.name)]));

/** The current database's content, to prove a refused restore changed nothing. */
function fingerprint(t: TestCore) {
  t.core.db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    file: sha(t.dbPath),
    people: t.core.db.prepare('SELECT id, achternaam FROM person ORDER BY id').all(),
    audit: (t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    staged: fs.existsSync(stagingDir(t.dbPath)),
  };
}

describe('a backup', () => {
  it('is encrypted with the key (no readable name or evidence in any byte), verified, and recorded', async () => {
    const t = core();
    await seed(t);
    const target = dir();
    const r = await t.call('trust.backup.now', { naar: target });
    expect(r.backup.naam).toBe('reservekopie-20261116T090000Z');
    expect(r.backup.schemaversie).toBe(latestSchemaVersion());
    expect(r.backup.bestanden).toBe(1);
    expect(r.backup.vanDezeInstallatie).toBe(true);
    const root = path.join(target, BACKUP_ROOT);
    const files = allFiles(root);
    expect(files.map((f) => path.relative(root, f)).sort()).toEqual(
      [
        'reservekopie-20261116T090000Z/manifest.json',
        'reservekopie-20261116T090000Z/schoolprotocol.db',
        // Pooled by content: the name is the evidence's SHA-256, which the database holds.
        `bestanden/${path.basename(path.dirname(path.dirname(files.find((f) => f.endsWith('.enc'))!)))}/bewijs/${createHash('sha256').update(SECRET_BYTES).digest('hex')}.enc`,
      ].sort(),
    );
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from('Verhoeven')), f).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), f).toBe(false);
      expect(bytes.includes(SECRET_BYTES), f).toBe(false);
    }
    // It opens with the same key and holds the data.
    const db = new Database(path.join(root, r.backup.naam, 'schoolprotocol.db'), { readonly: true });
    applyKey(db, t.key);
    expect(db.prepare('SELECT achternaam FROM person').get()).toEqual({ achternaam: 'Özdemir-Verhoeven' });
    db.close();
    const overview = await t.call('trust.backup.overview', {});
    expect(overview).toMatchObject({
      map: null,
      backups: [],
      achterstand: false,
      laatsteGelukt: { naam: r.backup.naam, gelukt: true, soort: 'handmatig' },
    });
    const runs = t.core.db.prepare('SELECT soort, gelukt, naam FROM backup_run').all();
    expect(runs).toEqual([{ soort: 'handmatig', gelukt: 1, naam: 'reservekopie-20261116T090000Z' }]);
    expect(t.core.db.prepare(`SELECT action FROM audit_log WHERE entity = 'reservekopie'`).all()).toEqual([{ action: 'gemaakt' }]);
  });

  it('refuses bad targets with a Dutch message and writes nothing', async () => {
    const t = core();
    await seed(t);
    const target = dir();
    const file = path.join(target, 'een-bestand.txt');
    fs.writeFileSync(file, 'x');
    const cases: [unknown, RegExp][] = [
      [{}, /Kies eerst een map/],
      [{ naar: 'relatief/pad' }, /volledig pad/],
      [{ naar: `${target}/../${path.basename(target)}` }, /".."/],
      [{ naar: `${target}\u0000evil` }, /ongeldige tekens/],
      [{ naar: `/${'a'.repeat(1200)}` }, /te lang/],
      [{ naar: path.join(target, 'bestaat-niet') }, /bestaat niet/],
      [{ naar: file }, /geen map/],
      [{ naar: t.dir }, /buiten de eigen map van de app/],
      [{ naar: path.join(t.dir, 'schoolprotocol-bestanden') }, /buiten de eigen map van de app/],
      [{ naar: 42 }, /Kies een map/],
    ];
    fs.mkdirSync(path.join(t.dir, 'schoolprotocol-bestanden'), { recursive: true });
    const before = allFiles(t.dir)
      .filter((f) => !/\.db-(wal|shm)$/.test(f))
      .sort();
    for (const [input, msg] of cases) {
      const e = await fails(t, 'trust.backup.now', input);
      expect(e.message, JSON.stringify(input).slice(0, 80)).toMatch(msg);
    }
    expect(fs.readdirSync(target)).toEqual(['een-bestand.txt']);
    expect(
      allFiles(t.dir)
        .filter((f) => !/\.db-(wal|shm)$/.test(f))
        .sort(),
    ).toEqual(before);
    expect(fs.existsSync(path.join(path.dirname(target), 'evil'))).toBe(false);
  });

  it('backupIfDue: nothing without a folder; once a day; again the next day', async () => {
    const t = core('2026-11-16T07:00:00Z');
    await seed(t);
    expect(await t.call('trust.backupIfDue', {})).toMatchObject({ gemaakt: false, reden: expect.stringMatching(/nog geen map/) });
    const target = dir();
    await t.call('trust.settings.save', { backupMap: target });
    expect(await t.call('trust.backupIfDue', {})).toMatchObject({ gemaakt: true });
    t.setNow('2026-11-16T15:00:00Z');
    expect(await t.call('trust.backupIfDue', {})).toMatchObject({ gemaakt: false, reden: 'Vandaag is al een reservekopie gemaakt.' });
    t.setNow('2026-11-16T23:30:00Z'); // 00:30 on the 17th in Amsterdam: a new day
    expect(await t.call('trust.backupIfDue', {})).toMatchObject({ gemaakt: true });
    await t.call('trust.settings.save', { automatischeBackup: false });
    t.setNow('2026-11-18T09:00:00Z');
    expect(await t.call('trust.backupIfDue', {})).toMatchObject({ gemaakt: false, reden: 'Automatische reservekopieën staan uit.' });
    const o = await t.call('trust.backup.overview', {});
    expect(o.backups.map((b) => b.naam)).toEqual(['reservekopie-20261116T233000Z', 'reservekopie-20261116T070000Z']);
    expect(o.laatsteGelukt?.gestartOp).toBe('2026-11-16T23:30:00.000Z');
    expect(o.achterstand).toBe(false);
    t.setNow('2026-11-19T09:00:00Z');
    expect((await t.call('trust.backup.overview', {})).achterstand).toBe(true);
    expect(fs.readFileSync(`${t.dbPath}.reservekopieen.json`, 'utf8')).toContain(target);
  });

  it('a failed backup is logged with its Dutch reason and leaves no half-written backup', async () => {
    const t = core();
    await seed(t);
    const target = dir();
    await t.call('trust.settings.save', { backupMap: target });
    fs.chmodSync(target, 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root ignores permissions: make the target unusable another way
        fs.chmodSync(target, 0o700);
        fs.writeFileSync(path.join(target, BACKUP_ROOT), 'geen map');
      }
      const e = await fails(t, 'trust.backupIfDue', {});
      expect(e.message).toMatch(/reservekopie|schrijven/i);
    } finally {
      fs.chmodSync(target, 0o700);
    }
    const o = await t.call('trust.backup.overview', {});
    expect(o.laatsteGelukt).toBeNull();
    expect(o.laatsteMislukt?.fout).toBeTruthy();
    expect(o.backups).toEqual([]);
    const attention = await t.call('trust.attention', {});
    expect(attention.find((a) => a.soort === 'reservekopie')?.titel).toMatch(/mislukt/);
  });
});

describe('restore', () => {
  it('checks, stages, keeps the current database aside until the restored one opens, and restores the files', async () => {
    const t = core();
    const { evidence } = await seed(t);
    const target = dir();
    await t.call('trust.settings.save', { backupMap: target });
    const b = await t.call('trust.backup.now', {});
    await t.call('people.create', { soort: 'leerling', voornaam: 'Later', achternaam: 'Toegevoegd' });
    t.setNow('2026-11-17T10:00:00Z');

    const check = await t.call('trust.restore.check', { bron: b.backup.pad });
    expect(check).toMatchObject({
      schoolNaam: 'De Linde',
      personen: 1,
      meldingen: 1,
      bestanden: 1,
      andereSleutel: false,
      gemaaktOp: '2026-11-16T09:00:00.000Z',
    });
    expect((await fails(t, 'trust.restore', { bron: b.backup.pad })).message).toMatch(/Bevestig/);
    const staged = await t.call('trust.restore', { bron: path.join(b.backup.pad, 'schoolprotocol.db'), bevestigd: true });
    expect(staged).toMatchObject({ herstartNodig: true, personen: 1, veiligheidskopie: 'reservekopie-20261117T100000Z' });
    // Nothing changed yet: the running core still sees the later person.
    expect((t.core.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(2);

    // The door restarts the core: close, apply, open.
    t.core.close();
    const dataDir = defaultDataDir(t.dbPath);
    const applied = applyStagedRestore({ dbPath: t.dbPath, dataDir, key: t.key, now: new Date('2026-11-17T10:01:00Z') });
    expect(applied).toEqual({ gemaaktOp: '2026-11-16T09:00:00.000Z', opzij: null }); // a safety backup exists, so the aside copy went
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('voor-terugzetten') || f.includes('terugzetten'))).toEqual([]);
    const reopened = Core.open({ dbPath: t.dbPath, key: t.key, actor: 'test' });
    try {
      expect(reopened.db.prepare('SELECT achternaam FROM person ORDER BY id').all()).toEqual([{ achternaam: 'Özdemir-Verhoeven' }]);
      const got = await reopened.invoke('evidence.get', { id: evidence.id });
      expect(got.ok && got.value.intact).toBe(true);
      expect(got.ok && Buffer.from(got.value.inhoudBase64!, 'base64').equals(SECRET_BYTES)).toBe(true);
      expect(reopened.db.prepare(`SELECT action FROM audit_log WHERE entity = 'reservekopie' ORDER BY id DESC LIMIT 1`).get()).toEqual({
        action: 'teruggezet',
      });
      expect(verifyAuditChain(reopened.db)).toMatchObject({ ok: true });
    } finally {
      reopened.close();
    }
    // The safety backup holds the state from just before the restore (with the later person).
    const safety = listBackups(target).find((x) => x.naam === 'reservekopie-20261117T100000Z')!;
    const db = new Database(path.join(safety.pad, 'schoolprotocol.db'), { readonly: true });
    applyKey(db, t.key);
    expect((db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(2);
    db.close();
  });

  it('without a backup folder the previous database stays aside, named with a timestamp', async () => {
    const t = core();
    await seed(t);
    const target = dir();
    const b = await t.call('trust.backup.now', { naar: target });
    await t.call('trust.restore', { bron: b.backup.pad, bevestigd: true });
    t.core.close();
    const applied = applyStagedRestore({
      dbPath: t.dbPath,
      dataDir: defaultDataDir(t.dbPath),
      key: t.key,
      now: new Date('2026-11-16T10:00:00Z'),
    });
    expect(applied?.opzij).toBe(`${t.dbPath}.voor-terugzetten-20261116T100000Z`);
    expect(fs.existsSync(applied!.opzij!)).toBe(true);
  });

  it('puts the current database back when the restored one does not open', async () => {
    const t = core();
    await seed(t);
    const target = dir();
    const b = await t.call('trust.backup.now', { naar: target });
    await t.call('people.create', { soort: 'leerling', voornaam: 'Blijft', achternaam: 'Bewaard' });
    await t.call('trust.restore', { bron: b.backup.pad, bevestigd: true });
    t.core.close();
    const before = sha(t.dbPath);
    // The staged copy gets damaged between staging and applying (disk error, antivirus ...).
    const staged = path.join(stagingDir(t.dbPath), 'schoolprotocol.db');
    const bytes = fs.readFileSync(staged);
    bytes.fill(0x41, 0, 4096);
    fs.writeFileSync(staged, bytes);
    expect(() => applyStagedRestore({ dbPath: t.dbPath, dataDir: defaultDataDir(t.dbPath), key: t.key })).toThrow(
      /terugzetten is mislukt; de vorige database is teruggezet/,
    );
    expect(sha(t.dbPath)).toBe(before);
    expect(fs.existsSync(stagingDir(t.dbPath))).toBe(false);
    const reopened = Core.open({ dbPath: t.dbPath, key: t.key });
    try {
      expect(reopened.db.prepare('SELECT achternaam FROM person ORDER BY id').all()).toEqual([
        { achternaam: 'Özdemir-Verhoeven' },
        { achternaam: 'Bewaard' },
      ]);
      expect(fs.readdirSync(path.join(defaultDataDir(t.dbPath), 'bewijs'))).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });

  it('refuses foreign, damaged, newer and wrong-key files in Dutch, leaving the current database untouched', async () => {
    const t = core();
    await seed(t);
    const other = core();
    await seed(other);
    const work = dir();
    const good = (await t.call('trust.backup.now', { naar: dir() })).backup.pad;
    const otherBackup = (await other.call('trust.backup.now', { naar: dir() })).backup.pad;

    const plain = path.join(work, 'plain.db');
    const p = new Database(plain);
    p.exec('CREATE TABLE school (id INTEGER); CREATE TABLE person (id INTEGER); CREATE TABLE audit_log (id INTEGER)');
    p.close();
    const random = path.join(work, 'willekeurig.db');
    fs.writeFileSync(random, randomBytes(64 * 1024));
    const empty = path.join(work, 'leeg.db');
    fs.writeFileSync(empty, '');
    // Encrypted with our key but without our tables (a copy of ours, so the cipher salt matches too).
    const notOurs = path.join(work, 'ander-programma.db');
    t.core.db.prepare('VACUUM INTO ?').run(notOurs);
    const n = new Database(notOurs);
    applyKey(n, t.key);
    n.pragma('foreign_keys = OFF');
    for (const { name } of n
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incident_fts%'`)
      .all() as { name: string }[]) {
      n.exec(`DROP TABLE IF EXISTS "${name}"`);
    }
    n.exec("CREATE TABLE klant (naam TEXT); INSERT INTO klant VALUES ('x')");
    n.close();
    // The same, made independently with our key (another program): only the command line, which
    // passes the key explicitly, can even open it; it must say "not ours" as well.
    const independent = path.join(work, 'zelfstandig.db');
    const z = new Database(independent);
    applyKey(z, t.key);
    z.exec("CREATE TABLE klant (naam TEXT); INSERT INTO klant VALUES ('x')");
    z.pragma('user_version = 3');
    z.close();
    const newer = dir();
    fs.cpSync(good, newer, { recursive: true });
    const nw = new Database(path.join(newer, 'schoolprotocol.db'));
    applyKey(nw, t.key);
    nw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    nw.close();
    const newerBare = path.join(newer, 'schoolprotocol.db');
    // As a newer app would write it: the manifest's checksum matches the file.
    const manifestFile = path.join(newer, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.database.sha256 = sha(newerBare);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const damaged = dir();
    fs.cpSync(path.dirname(good), damaged, { recursive: true });
    const damagedDb = path.join(damaged, path.basename(good), 'schoolprotocol.db');
    const dbytes = fs.readFileSync(damagedDb);
    dbytes[Math.floor(dbytes.length / 2)] ^= 0xff;
    fs.writeFileSync(damagedDb, dbytes);
    const missingFile = dir();
    fs.cpSync(path.dirname(good), missingFile, { recursive: true });
    fs.rmSync(path.join(missingFile, 'bestanden'), { recursive: true });

    const before = fingerprint(t);
    const cases: [string, RegExp][] = [
      [plain, /onversleutelde database/],
      [random, /kan niet worden geopend: hij is gemaakt met een andere sleutel, hoort niet bij Schoolprotocol of is beschadigd/],
      [empty, /leeg/],
      [notOurs, /geen reservekopie van Schoolprotocol/],
      [newerBare, /nieuwere versie van Schoolprotocol/],
      [path.join(damaged, path.basename(good)), /beschadigd/],
      [otherBackup, /andere sleutel/],
      [work, /geen reservekopie van Schoolprotocol/],
      [path.join(work, 'bestaat-niet'), /bestaat niet/],
      ['../../etc/passwd', /volledig pad/],
      [`${work}/../${path.basename(work)}/plain.db`, /".."/],
      [t.dbPath, /buiten de eigen map van de app/],
    ];
    for (const [bron, msg] of cases) {
      for (const method of ['trust.restore.check', 'trust.restore'] as const) {
        const e = await fails(t, method, method === 'trust.restore' ? { bron, bevestigd: true } : { bron });
        expect(e.message, `${method} ${path.basename(bron)}`).toMatch(msg);
        expect(e.message, bron).toMatch(/niets gewijzigd|volledig pad|".."|bestaat niet|buiten de eigen map/);
      }
    }
    expect(fingerprint(t)).toEqual(before);
    expect(applyStagedRestore({ dbPath: t.dbPath, dataDir: defaultDataDir(t.dbPath), key: t.key })).toBeNull();
    // A backup whose pooled evidence is gone still passes for its database; the check names the file.
    const partial = (await t.call('trust.restore.check', { bron: path.join(missingFile, path.basename(good)) })) as unknown as {
      beschadigd: string[];
    };
    expect(partial.beschadigd).toEqual([
      expect.stringMatching(/^bewijsstuk \d+ bij melding \d+ \(bewijs\/[0-9a-f-]{36}\.png\): beschadigd of ontbreekt/),
    ]);

    // The command-line path (core closed, key passed explicitly) refuses the same files.
    t.core.close();
    const fileBefore = sha(t.dbPath);
    const dataDir = defaultDataDir(t.dbPath);
    for (const [bron, msg] of [
      [independent, /geen reservekopie van Schoolprotocol/],
      [notOurs, /geen reservekopie van Schoolprotocol/],
      [plain, /onversleutelde database/],
      [random, /andere sleutel, hoort niet bij Schoolprotocol of is beschadigd/],
      [newerBare, /nieuwere versie/],
      [otherBackup, /andere sleutel/],
    ] as [string, RegExp][]) {
      expect(() => restoreBackup({ dbPath: t.dbPath, dataDir, key: t.key, source: bron }), path.basename(bron)).toThrow(msg);
    }
    expect(sha(t.dbPath)).toBe(fileBefore);
    expect(fs.existsSync(stagingDir(t.dbPath))).toBe(false);
  });

  it('restores a backup made with another key from the command line with its recovery key (re-keyed to ours)', async () => {
    const t = core();
    await seed(t);
    const other = core();
    await other.call('school.save', { naam: 'Andere School', sector: 'PO', regio: 'noord' });
    const backup = (await other.call('trust.backup.now', { naar: dir() })).backup.pad;
    t.core.close();
    const dataDir = defaultDataDir(t.dbPath);
    expect(() => restoreBackup({ dbPath: t.dbPath, dataDir, key: t.key, source: backup })).toThrow(/andere sleutel/);
    const r = restoreBackup({
      dbPath: t.dbPath,
      dataDir,
      key: t.key,
      source: backup,
      sourceKey: other.key,
      now: new Date('2026-11-16T12:00:00Z'),
    });
    expect(r).toMatchObject({ schoolNaam: 'Andere School', andereSleutel: true });
    const reopened = Core.open({ dbPath: t.dbPath, key: t.key });
    try {
      expect(reopened.db.prepare('SELECT naam FROM school').get()).toEqual({ naam: 'Andere School' });
    } finally {
      reopened.close();
    }
    // The staged copy was re-keyed: the other installation's key no longer opens our database.
    expect(() => Core.open({ dbPath: t.dbPath, key: other.key })).toThrow(/sleutel klopt niet/);
  });
});

describe('rotation on disk', () => {
  it('keeps exactly the backups the rule keeps, and drops pooled files no kept backup lists', async () => {
    const t = core();
    const { incident } = await seed(t);
    const target = dir();
    await t.call('trust.settings.save', { backupMap: target });
    const start = Date.parse('2027-01-01T09:00:00Z');
    for (let day = 0; day < 45; day++) {
      t.setNow(new Date(start + day * 86_400_000).toISOString());
      if (day === 3)
        await t.call('evidence.add', {
          incidentId: incident.id,
          bestandsnaam: 'dag3.txt',
          inhoudBase64: Buffer.from('tijdelijk').toString('base64'),
          beveiligdOp: '2027-01-04',
        });
      expect((await t.call('trust.backupIfDue', {})).gemaakt).toBe(true);
    }
    const names = fs
      .readdirSync(path.join(target, BACKUP_ROOT))
      .filter((n) => n.startsWith('reservekopie-'))
      .sort();
    // 45 daily backups, 1 January – 14 February 2027 (a Sunday): 7 daily (8–14 Feb, which also holds
    // this week's and February's newest), the newest of the ISO weeks ending 7 Feb, 31 Jan and 24 Jan,
    // and of January (31 Jan).
    expect(names).toEqual(
      [
        '2027-01-24',
        '2027-01-31',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
        '2027-02-12',
        '2027-02-13',
        '2027-02-14',
      ].map((d) => `reservekopie-${d.replace(/-/g, '')}T090000Z`),
    );
    const pool = allFiles(path.join(target, BACKUP_ROOT, 'bestanden'));
    expect(pool).toHaveLength(2); // chat.png and dag3.txt, stored once for all ten backups
    // The evidence of day 3 goes (as destruction would), and after the next rotations only the
    // backups that still list it keep it in the pool.
    const stored = t.core.db.prepare(`SELECT id, opslagnaam FROM evidence WHERE bestandsnaam = 'dag3.txt'`).get() as {
      id: number;
      opslagnaam: string;
    };
    t.core.db.prepare('DELETE FROM evidence WHERE id = ?').run(stored.id);
    t.core.ctx.files.remove('bewijs', stored.opslagnaam);
    for (let day = 45; day < 45 + 400; day += 1) {
      t.setNow(new Date(start + day * 86_400_000).toISOString());
      if (day % 10 === 0) await t.call('trust.backupIfDue', {});
    }
    const left = fs.readdirSync(path.join(target, BACKUP_ROOT)).filter((n) => n.startsWith('reservekopie-'));
    expect(left.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(allFiles(path.join(target, BACKUP_ROOT, 'bestanden'))).toHaveLength(1);
  }, 120_000);
});
