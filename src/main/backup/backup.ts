// Backups to a folder the school picks (a network drive is fine): the encrypted database and the
// evidence/letters folder, written under a temporary name and renamed when complete, verified, and
// rotated (rotation.ts). Layout inside the chosen folder:
//
//   Schoolprotocol-reservekopieen/
//     reservekopie-20261116T090000Z/      one backup: schoolprotocol.db + manifest.json
//     bestanden/<bestandssleutel-id>/<gebied>/<sha256>.enc
//                                         evidence and letters, encrypted (backupFiles.ts), stored
//                                         once under their content's SHA-256 and shared by every
//                                         backup that lists them (older backups: <naam>.enc)
//
// Only the files the database copy names are backed up, each checked against the SHA-256 the
// database holds: a file that was changed or is missing on disk is reported (the manifest lists it
// without personal data; the run in the database names the record) and never stored as if it were
// the original. A backup with such a problem is not "volledig", and rotation always keeps the
// newest backup that is (rotate).
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
// so every file the copy refers to already exists (a destruction removes files only after its
// commit, retention/destroy.ts).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DB } from '../db/open';
import type { FileArea, FileStore } from '../files/fileStore';
import { sha256, sha256File } from '../files/fileStore';
import { CoreError } from '../errors/errors';
import { schemaVersion } from '../db/migrate';
import { planRotation, DEFAULT_POLICY } from './rotation';
import type { RotationPolicy } from './rotation';
import { decryptFile, encryptFile, readFileKey } from './backupFiles';
import { fsyncFile, writeAtomic } from '../files/atomic';
import type { FileKey } from './backupFiles';
import { lastAnchored } from '../audit/anchor';
import type { AuditHead } from '../audit/anchor';

export const BACKUP_ROOT = 'Schoolprotocol-reservekopieen';
export const BACKUP_DB = 'schoolprotocol.db';
export const MANIFEST = 'manifest.json';
export const POOL = 'bestanden';
const NAME_RE = /^reservekopie-\d{8}T\d{6}Z(-\d{1,3})?$/;
const STORED_RE = /^[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;
const SHA_RE = /^[0-9a-f]{64}$/;
/** The areas of the FileStore that belong in a backup ('exports' are throw-away outputs). */
export const BACKUP_AREAS: FileArea[] = ['bewijs', 'brieven', 'logo'];

export type BackupSoort = 'automatisch' | 'handmatig' | 'voor_terugzetten';

export interface BackedUpFile {
  gebied: FileArea;
  naam: string;
  grootte: number;
  /** The content's SHA-256 (version 2): the pooled file's name and what a check compares. */
  sha256?: string;
}

/** A file the database names that could not be backed up as it was stored. No personal data. */
export interface SkippedFile {
  gebied: FileArea;
  naam: string;
  reden: 'gewijzigd' | 'ontbreekt';
  /** The good version was already in the pool (an earlier backup) and is listed instead. */
  uitEerdereKopie: boolean;
}

export interface Manifest {
  formaat: 'schoolprotocol-reservekopie';
  versie: 1 | 2;
  gemaaktOp: string;
  soort: BackupSoort;
  schemaversie: number;
  schoolNaam: string | null;
  /** Fingerprint of the database key (keyWrap.keyId), when the door told us. */
  sleutelId: string | null;
  /** Which installation's file key encrypted the files (and which backups rotation may touch). */
  bestandssleutelId: string;
  database: { naam: string; grootte: number; sha256: string };
  bestanden: BackedUpFile[];
  /** Version 2: files the database names that were changed or missing on disk. */
  overgeslagen?: SkippedFile[];
  /** Version 2: every file the database names is in the backup and passed the check after writing. */
  volledig?: boolean;
  /** The audit trail's last entry and its HMAC in this copy (audit/anchor.ts); null before the anchor. */
  auditKop?: AuditHead | null;
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
  /** Passed the full check when written (backups of version 1 never claimed it). */
  volledig: boolean;
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
      volledig: m.volledig === true,
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
  /** Files the database names that were changed or missing on disk, with the record (Dutch). */
  problemen: string[];
}

/** Where a file sits in the pool: by content (version 2) or by stored name (version 1). */
function pooledPath(poolRoot: string, bestandssleutelId: string, f: BackedUpFile): { file: string; label: string } {
  const key = f.sha256 ?? f.naam;
  return { file: path.join(poolRoot, bestandssleutelId, f.gebied, `${key}.enc`), label: `${f.gebied}/${key}` };
}

/** Reads, decrypts and hashes a pooled file; null when it is missing, damaged or not that content. */
export function checkPooled(poolRoot: string, fk: FileKey, f: BackedUpFile): Buffer | null {
  const { file, label } = pooledPath(poolRoot, fk.id, f);
  try {
    const plain = decryptFile(fk, label, fs.readFileSync(file));
    if (f.sha256 ? sha256(plain) !== f.sha256 : plain.length !== f.grootte) return null;
    return plain;
  } catch {
    return null;
  }
}

export interface Referenced {
  gebied: FileArea;
  naam: string;
  sha256: string;
  /** The record naming it, without personal data. */
  record: string;
}

/** The files the database copy names, with the SHA-256 it holds for each. */
export function referencedFiles(db: DB, s = 'main'): Referenced[] {
  const out: Referenced[] = [];
  const ev = db.prepare(`SELECT id, incident_id, opslagnaam, sha256 FROM ${s}.evidence WHERE opslagnaam IS NOT NULL ORDER BY id`).all() as {
    id: number;
    incident_id: number;
    opslagnaam: string;
    sha256: string | null;
  }[];
  for (const r of ev)
    out.push({ gebied: 'bewijs', naam: r.opslagnaam, sha256: r.sha256 ?? '', record: `bewijsstuk ${r.id} bij melding ${r.incident_id}` });
  const letters = db.prepare(`SELECT id, kenmerk, opslagnaam, sha256 FROM ${s}.letter ORDER BY id`).all() as {
    id: number;
    kenmerk: string | null;
    opslagnaam: string;
    sha256: string;
  }[];
  for (const r of letters) out.push({ gebied: 'brieven', naam: r.opslagnaam, sha256: r.sha256, record: `brief ${r.kenmerk ?? r.id}` });
  // Files of a staff member's report still waiting for the registrar (an accepted one is evidence
  // above, on the same stored file). A backup made before such reports existed has no such table.
  if (db.prepare(`SELECT 1 FROM ${s}.sqlite_master WHERE type = 'table' AND name = 'submission_file'`).get()) {
    const sub = db
      .prepare(`SELECT id, submission_id, opslagnaam, sha256 FROM ${s}.submission_file WHERE evidence_id IS NULL ORDER BY id`)
      .all() as { id: number; submission_id: number; opslagnaam: string; sha256: string }[];
    const seen = new Set(out.filter((f) => f.gebied === 'bewijs').map((f) => f.naam));
    for (const r of sub)
      if (!seen.has(r.opslagnaam))
        out.push({ gebied: 'bewijs', naam: r.opslagnaam, sha256: r.sha256, record: `bestand ${r.id} bij ingediende melding ${r.submission_id}` });
  }
  const setting = db.prepare(`SELECT value FROM ${s}.setting WHERE key = 'letters'`).get() as { value: string } | undefined;
  try {
    const logo = (JSON.parse(setting?.value ?? '{}') as { logo?: { opslagnaam?: unknown; sha256?: unknown } | null }).logo;
    if (logo && typeof logo.opslagnaam === 'string' && typeof logo.sha256 === 'string')
      out.push({ gebied: 'logo', naam: logo.opslagnaam, sha256: logo.sha256, record: 'het logo van de brieven' });
  } catch {
    // An unreadable setting names no logo.
  }
  return out.filter((f) => STORED_RE.test(f.naam));
}

/**
 * Copies the files the database copy names into the pool, each checked against its SHA-256 before
 * (the file on disk) and after writing (the pooled file decrypted). Problems are returned, never
 * copied as if they were the original.
 */
function copyFiles(db: DB, files: FileStore, root: string, fk: FileKey, wanted: Referenced[]) {
  const poolRoot = path.join(root, POOL);
  const bestanden: BackedUpFile[] = [];
  const overgeslagen: SkippedFile[] = [];
  const problemen: string[] = [];
  for (const f of wanted) {
    let plain: Buffer | null = null;
    try {
      plain = fs.readFileSync(path.join(files.root, f.gebied, f.naam));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const good = plain !== null && SHA_RE.test(f.sha256) && sha256(plain) === f.sha256;
    const entry: BackedUpFile = { gebied: f.gebied, naam: f.naam, grootte: plain?.length ?? 0, sha256: f.sha256 };
    // The core keeps working while the backup runs: a destruction committed after the copy was
    // made removes its files on purpose (the live database no longer names them).
    if (plain === null && beingDestroyed(db, f)) continue;
    if (!good) {
      // The original may still be in the pool from an earlier backup: then this backup lists it.
      const earlier = SHA_RE.test(f.sha256) ? findPooled(poolRoot, fk, f) : null;
      if (earlier) bestanden.push(earlier);
      const reden = plain === null ? 'ontbreekt' : 'gewijzigd';
      overgeslagen.push({ gebied: f.gebied, naam: f.naam, reden, uitEerdereKopie: !!earlier });
      problemen.push(
        `${f.record} (${f.gebied}/${f.naam}): het bestand ${reden === 'ontbreekt' ? 'ontbreekt op schijf' : 'op schijf is gewijzigd (de SHA-256 klopt niet meer met de database)'}; ` +
          (earlier ? 'de originele versie uit een eerdere reservekopie is bewaard.' : 'het is niet in de reservekopie opgenomen.'),
      );
      continue;
    }
    const { file, label } = pooledPath(poolRoot, fk.id, entry);
    if (!checkPooled(poolRoot, fk, entry)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeAtomic(file, encryptFile(fk, label, plain!));
      if (!checkPooled(poolRoot, fk, entry))
        throw new CoreError('DATABASE', `Een bestand kon niet goed in de reservekopie worden geschreven (${f.gebied}/${f.naam}).`);
    }
    bestanden.push(entry);
  }
  return { bestanden, overgeslagen, problemen };
}

/** A file the copy names that the live database no longer does (destroyed, logo replaced meanwhile). */
function beingDestroyed(db: DB, f: Referenced): boolean {
  const named =
    f.gebied === 'logo'
      ? db.prepare(`SELECT 1 FROM setting WHERE key = 'letters' AND instr(value, ?) > 0`).get(f.naam)
      : db.prepare(`SELECT 1 FROM ${f.gebied === 'bewijs' ? 'evidence' : 'letter'} WHERE opslagnaam = ?`).get(f.naam);
  return !named;
}

/** The pooled original of a file whose copy on disk is wrong, if an earlier backup stored it. */
function findPooled(poolRoot: string, fk: FileKey, f: Referenced): BackedUpFile | null {
  const entry: BackedUpFile = { gebied: f.gebied, naam: f.naam, grootte: 0, sha256: f.sha256 };
  const plain = checkPooled(poolRoot, fk, entry);
  return plain ? { ...entry, grootte: plain.length } : null;
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
  let problemen: string[];
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
      // The files the copy names (not what lies in the folder), so a destroyed pupil's files that
      // are still on disk are not carried into the backup.
      return { ic, school: school?.naam ?? null, schemaversie, wanted: referencedFiles(db, s), auditKop: lastAnchored(db, s) };
    });
    if (check.ic !== 'ok')
      throw new CoreError('DATABASE', 'De zojuist gemaakte reservekopie is niet in orde; probeer het opnieuw of kies een andere map.');
    const { bestanden, overgeslagen, problemen: found } = copyFiles(db, files, root, opts.fileKey, check.wanted);
    problemen = found;
    const { sha256, grootte } = sha256File(dbFile);
    const manifest: Manifest = {
      formaat: 'schoolprotocol-reservekopie',
      versie: 2,
      gemaaktOp: opts.now.toISOString(),
      soort: opts.soort,
      schemaversie: check.schemaversie,
      schoolNaam: check.school,
      sleutelId: opts.sleutelId,
      bestandssleutelId: opts.fileKey.id,
      database: { naam: BACKUP_DB, grootte, sha256 },
      bestanden,
      overgeslagen,
      volledig: overgeslagen.length === 0,
      auditKop: check.auditKop,
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
  return { backup, opgeruimd, problemen };
}

/**
 * Applies the rotation rule to this installation's backups (other installations sharing the folder
 * are left alone), then removes pool files no remaining backup lists, and stale temporary folders.
 */
export function rotate(folder: string, bestandssleutelId: string, now: Date, policy: RotationPolicy = DEFAULT_POLICY): string[] {
  const root = backupRoot(folder);
  const ours = listBackups(folder).filter((b) => b.bestandssleutelId === bestandssleutelId);
  // The newest backup that passed the full check stays whatever the rule says: otherwise a run of
  // backups with a changed file could leave the school without one that restores completely.
  const lastGood = ours.find((b) => b.volledig);
  const remove = planRotation(ours, policy).remove.filter((b) => b !== lastGood);
  for (const b of remove) fs.rmSync(b.pad, { recursive: true, force: true });

  const referenced = new Set<string>();
  for (const b of listBackups(folder).filter((x) => x.bestandssleutelId === bestandssleutelId)) {
    for (const f of readManifest(b.pad)?.bestanden ?? []) referenced.add(`${f.gebied}/${f.sha256 ?? f.naam}`);
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
