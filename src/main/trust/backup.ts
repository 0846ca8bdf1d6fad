// Backups to a folder the school picks (a network drive is fine): the encrypted database and the
// evidence/letters folder, written under a temporary name and renamed when complete, verified, and
// rotated (rotation.ts). Layout inside the chosen folder:
//
//   Schoolprotocol-reservekopieen/
//     reservekopie-20261116T090000Z/      one backup: schoolprotocol.db + manifest.json
//     bestanden/<bestandssleutel-id>/<gebied>/<naam>.enc
//                                         evidence and letters, encrypted (backupFiles.ts), stored
//                                         once and shared by every backup that lists them (they
//                                         are write-once, so a name always means the same bytes)
//
// The copy of the database: SQLite3 Multiple Ciphers refuses the online backup API from an
// encrypted database to the unkeyed target that better-sqlite3's db.backup() opens ("incompatible
// source and target databases"), and a plain intermediate file is out of the question. VACUUM INTO
// is SQLite's other online, transactionally consistent copy, and the cipher writes its target with
// the same cipher and key; a test proves the backup file holds no readable text. The backup is then
// attached (it inherits the key) and must pass integrity_check before it counts.
//
// makeBackup runs in a worker thread on a read-only connection of its own (backupWorker.ts,
// backupThread.ts): at a school board's size this takes a minute and a half, during which the core
// keeps answering. The database is in WAL mode, so VACUUM INTO reads one consistent snapshot while
// the core writes; the evidence files are copied after it, and a file is written before its row,
// so every file the copy refers to already exists.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DB } from '../db/open';
import type { FileArea, FileStore } from '../files/fileStore';
import { sha256File } from '../files/fileStore';
import { CoreError } from '../core/errors';
import { schemaVersion } from '../db/migrate';
import { planRotation, DEFAULT_POLICY } from './rotation';
import type { RotationPolicy } from './rotation';
import { encryptFile, fsyncFile, readFileKey, writeAtomic } from './backupFiles';
import type { FileKey } from './backupFiles';

export const BACKUP_ROOT = 'Schoolprotocol-reservekopieen';
export const BACKUP_DB = 'schoolprotocol.db';
export const MANIFEST = 'manifest.json';
export const POOL = 'bestanden';
const NAME_RE = /^reservekopie-\d{8}T\d{6}Z(-\d{1,3})?$/;
const STORED_RE = /^[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;
/** The areas of the FileStore that belong in a backup ('exports' are throw-away outputs). */
export const BACKUP_AREAS: FileArea[] = ['bewijs', 'brieven', 'logo'];

export type BackupSoort = 'automatisch' | 'handmatig' | 'voor_terugzetten';

export interface Manifest {
  formaat: 'schoolprotocol-reservekopie';
  versie: 1;
  gemaaktOp: string;
  soort: BackupSoort;
  schemaversie: number;
  schoolNaam: string | null;
  /** Fingerprint of the database key (keyWrap.keyId), when the door told us. */
  sleutelId: string | null;
  /** Which installation's file key encrypted the files (and which backups rotation may touch). */
  bestandssleutelId: string;
  database: { naam: string; grootte: number; sha256: string };
  bestanden: { gebied: FileArea; naam: string; grootte: number }[];
}

export interface BackupInfo {
  naam: string;
  /** Full path of the backup folder. */
  pad: string;
  gemaaktOp: string;
  soort: BackupSoort;
  schemaversie: number;
  schoolNaam: string | null;
  grootte: number;
  bestanden: number;
  sleutelId: string | null;
  bestandssleutelId: string;
}

export const backupRoot = (folder: string) => path.join(folder, BACKUP_ROOT);

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

export function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    if (m.formaat !== 'schoolprotocol-reservekopie' || typeof m.gemaaktOp !== 'string' || !m.database) return null;
    return m;
  } catch {
    return null;
  }
}

/** The backups in a chosen folder (or directly in its Schoolprotocol-reservekopieen folder), newest first. */
export function listBackups(folder: string): BackupInfo[] {
  const candidates = [backupRoot(folder), folder];
  const root = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isDirectory() && fs.readdirSync(c).some((n) => NAME_RE.test(n)));
  if (!root) return [];
  const out: BackupInfo[] = [];
  for (const naam of fs.readdirSync(root)) {
    if (!NAME_RE.test(naam)) continue;
    const pad = path.join(root, naam);
    const m = readManifest(pad);
    if (!m) continue;
    out.push({
      naam,
      pad,
      gemaaktOp: m.gemaaktOp,
      soort: m.soort,
      schemaversie: m.schemaversie,
      schoolNaam: m.schoolNaam ?? null,
      grootte: m.database.grootte,
      bestanden: m.bestanden.length,
      sleutelId: m.sleutelId ?? null,
      bestandssleutelId: m.bestandssleutelId,
    });
  }
  return out.sort((a, b) => b.gemaaktOp.localeCompare(a.gemaaktOp) || b.naam.localeCompare(a.naam));
}

/** Attaches another database file to the connection (it inherits the key unless one is given). */
export function withAttached<T>(db: DB, file: string, fn: (schema: string) => T, key?: string): T {
  const schema = `sp_${randomBytes(4).toString('hex')}`;
  if (key) db.prepare(`ATTACH DATABASE ? AS ${schema} KEY ?`).run(file, `x'${key}'`);
  else db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
  try {
    return fn(schema);
  } finally {
    db.exec(`DETACH DATABASE ${schema}`);
  }
}

export interface BackupOptions {
  /** The folder the school chose (already checked by paths.checkFolder). */
  folder: string;
  soort: BackupSoort;
  now: Date;
  sleutelId: string | null;
  fileKey: FileKey;
  policy?: RotationPolicy;
}

export interface BackupResult {
  backup: BackupInfo;
  /** Old backups removed by rotation. */
  opgeruimd: string[];
}

function copyFiles(files: FileStore, root: string, fk: FileKey): Manifest['bestanden'] {
  const list: Manifest['bestanden'] = [];
  for (const gebied of BACKUP_AREAS) {
    const src = path.join(files.root, gebied);
    if (!fs.existsSync(src)) continue;
    const poolDir = path.join(root, POOL, fk.id, gebied);
    for (const naam of fs.readdirSync(src).sort()) {
      if (!STORED_RE.test(naam)) continue;
      const from = path.join(src, naam);
      const to = path.join(poolDir, `${naam}.enc`);
      try {
        const grootte = fs.statSync(from).size;
        if (!fs.existsSync(to)) {
          const plain = fs.readFileSync(from);
          fs.mkdirSync(poolDir, { recursive: true });
          writeAtomic(to, encryptFile(fk, `${gebied}/${naam}`, plain));
        }
        list.push({ gebied, naam, grootte });
      } catch (e) {
        // The core keeps working while the backup runs: a destruction (retention) may remove a
        // file between the listing and the read. It is gone on purpose, so it is not backed up.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
    }
  }
  return list;
}

/**
 * Makes one backup: database, files, manifest, verification, then rotation. Throws a CoreError
 * with a Dutch message; a half-written backup never carries a backup's name. `db` is the backup
 * worker's own read-only connection; the core records the run (backupService.ts).
 */
export function makeBackup(db: DB, files: FileStore, opts: BackupOptions): BackupResult {
  const root = backupRoot(opts.folder);
  const failed = (e: unknown) =>
    e instanceof CoreError
      ? e
      : new CoreError('DATABASE', `De reservekopie kon niet worden geschreven in ${opts.folder}: ${(e as Error).message}`);
  let naam = `reservekopie-${stamp(opts.now)}`;
  let tmp: string;
  try {
    fs.mkdirSync(root, { recursive: true });
    for (let i = 2; fs.existsSync(path.join(root, naam)); i++) naam = `reservekopie-${stamp(opts.now)}-${i}`;
    tmp = path.join(root, `.bezig-${naam}-${randomBytes(3).toString('hex')}`);
    fs.mkdirSync(tmp);
  } catch (e) {
    throw failed(e);
  }
  try {
    const dbFile = path.join(tmp, BACKUP_DB);
    db.prepare('VACUUM INTO ?').run(dbFile);
    fsyncFile(dbFile);
    const head = Buffer.alloc(16);
    const fd = fs.openSync(dbFile, 'r');
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    if (head.toString('latin1').startsWith('SQLite format 3')) {
      throw new CoreError('INTERN', 'De reservekopie is niet versleuteld geschreven; de kopie is verwijderd.');
    }
    const check = withAttached(db, dbFile, (s) => {
      const ic = db.pragma(`${s}.integrity_check`, { simple: true });
      const school = db.prepare(`SELECT naam FROM ${s}.school WHERE id = 1`).get() as { naam: string } | undefined;
      // The manifest describes the copy, so its version is read from the copy.
      const schemaversie = schemaVersion(db, s);
      return { ic, school: school?.naam ?? null, schemaversie };
    });
    if (check.ic !== 'ok')
      throw new CoreError('DATABASE', 'De zojuist gemaakte reservekopie is niet in orde; probeer het opnieuw of kies een andere map.');
    const bestanden = copyFiles(files, root, opts.fileKey);
    const { sha256, grootte } = sha256File(dbFile);
    const manifest: Manifest = {
      formaat: 'schoolprotocol-reservekopie',
      versie: 1,
      gemaaktOp: opts.now.toISOString(),
      soort: opts.soort,
      schemaversie: check.schemaversie,
      schoolNaam: check.school,
      sleutelId: opts.sleutelId,
      bestandssleutelId: opts.fileKey.id,
      database: { naam: BACKUP_DB, grootte, sha256 },
      bestanden,
    };
    writeAtomic(path.join(tmp, MANIFEST), JSON.stringify(manifest, null, 2));
    fs.renameSync(tmp, path.join(root, naam));
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw failed(e);
  }
  const opgeruimd = rotate(opts.folder, opts.fileKey.id, opts.now, opts.policy ?? DEFAULT_POLICY);
  const backup = listBackups(opts.folder).find((b) => b.naam === naam);
  if (!backup) throw new CoreError('DATABASE', 'De reservekopie is geschreven maar niet terug te vinden; controleer de map.');
  return { backup, opgeruimd };
}

/**
 * Applies the rotation rule to this installation's backups (other installations sharing the folder
 * are left alone), then removes pool files no remaining backup lists, and stale temporary folders.
 */
export function rotate(folder: string, bestandssleutelId: string, now: Date, policy: RotationPolicy = DEFAULT_POLICY): string[] {
  const root = backupRoot(folder);
  const ours = listBackups(folder).filter((b) => b.bestandssleutelId === bestandssleutelId);
  const { remove } = planRotation(ours, policy);
  for (const b of remove) fs.rmSync(b.pad, { recursive: true, force: true });

  const referenced = new Set<string>();
  for (const b of listBackups(folder).filter((x) => x.bestandssleutelId === bestandssleutelId)) {
    for (const f of readManifest(b.pad)?.bestanden ?? []) referenced.add(`${f.gebied}/${f.naam}`);
  }
  const pool = path.join(root, POOL, bestandssleutelId);
  for (const gebied of fs.existsSync(pool) ? fs.readdirSync(pool) : []) {
    for (const f of fs.readdirSync(path.join(pool, gebied))) {
      if (!referenced.has(`${gebied}/${f.replace(/\.enc$/, '')}`)) fs.rmSync(path.join(pool, gebied, f), { force: true });
    }
  }
  // A backup interrupted by a crash leaves a .bezig- folder; one older than a day is certainly dead.
  for (const n of fs.readdirSync(root)) {
    if (!n.startsWith('.bezig-')) continue;
    const p = path.join(root, n);
    if (now.getTime() - fs.statSync(p).mtimeMs > 24 * 3600 * 1000) fs.rmSync(p, { recursive: true, force: true });
  }
  return remove.map((b) => b.naam);
}

export { readFileKey };
