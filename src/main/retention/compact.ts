// The start-up compaction (docs/PRIVACY.md): a copy of the database that holds only live rows, so no
// freed page keeps old data. The core's connection deletes with secure_delete (db/open.ts), but a
// database written by a version without it can still hold deleted rows in its free pages, and an
// in-place VACUUM builds its copy as a temporary database. So: at core start, before the core's
// connection exists (nothing else of ours has the file open then, and on Windows a rename over an
// open file fails), when a compaction is pending — after every destruction run (destroy.ts) and once
// for a database never compacted under this version — the database is copied with VACUUM INTO to a
// new file in the same folder (same cipher and key; temp_store is MEMORY on every connection),
// checked, fsynced and renamed over the old file after the old file's WAL has been checkpointed and
// removed. Until the rename the old file is untouched and the copy is a hidden temporary file that
// the next start removes; the rename itself is atomic. So a crash leaves the old or the new complete
// file, and a failure leaves the old file and tries again at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyKey, connect } from '../db/open';
import type { DB } from '../db/open';
import { latestSchemaVersion, schemaVersion } from '../db/migrate';
import { fsyncFile } from '../files/atomic';

/** The setting row (table `setting`) that says whether a compaction is due. */
export const COMPACTION_SETTING = 'compactie';
/** Raised when a version must compact again what older versions compacted (then every database is compacted once). */
const COMPACTION_VERSION = 1;

export type CompactionResult =
  { status: 'niet_nodig' } | { status: 'gecompacteerd'; bytesVoor: number; bytesNa: number } | { status: 'mislukt'; reden: string };

const SUFFIXES = ['-wal', '-shm', '-journal'];
const tempPrefix = (dbPath: string) => `.${path.basename(dbPath)}.compactie-`;

const writeFlag = (db: DB, nodig: boolean, at: string) =>
  db
    .prepare(
      `INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(COMPACTION_SETTING, JSON.stringify({ versie: COMPACTION_VERSION, nodig }), at);

/** Called inside the destruction's transaction: the next start compacts the database. */
export const markCompactionPending = (db: DB, at: string): void => void writeFlag(db, true, at);
/** For a database this version created: it never deleted without secure_delete, so there is nothing to compact. */
export const markCompactionDone = (db: DB, at: string): void => void writeFlag(db, false, at);

export function compactionPending(db: DB): boolean {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(COMPACTION_SETTING) as { value: string } | undefined;
  if (!row) return true;
  try {
    const v = JSON.parse(row.value) as { versie?: unknown; nodig?: unknown };
    return v.nodig !== false || v.versie !== COMPACTION_VERSION;
  } catch {
    return true;
  }
}

function keyed(file: string, key: string): DB {
  const db = connect(file, { fileMustExist: true });
  try {
    applyKey(db, key);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Removes the copies an interrupted compaction left behind (encrypted, but copies of children's data all the same). */
function removeLeftovers(dbPath: string): void {
  const dir = path.dirname(path.resolve(dbPath));
  const prefix = tempPrefix(dbPath);
  for (const name of fs.readdirSync(dir)) if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true });
}

function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its rename is durable through the file system's journal.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Compacts the database at `dbPath` when that is due. Never throws: a database that cannot be read
 * (wrong key, damaged, newer version) is left to openDatabase, which explains why in Dutch; any
 * other failure keeps the old file and is reported as 'mislukt', to try again at the next start.
 */
export function compactAtStart(dbPath: string, key: string, now: () => Date = () => new Date()): CompactionResult {
  const tmp = path.join(path.dirname(path.resolve(dbPath)), `${tempPrefix(dbPath)}${randomBytes(4).toString('hex')}.tmp`);
  const cleanUp = () => {
    for (const f of [tmp, ...SUFFIXES.map((s) => tmp + s)]) fs.rmSync(f, { force: true });
  };
  try {
    removeLeftovers(dbPath);
    if (!fs.existsSync(dbPath) || fs.statSync(dbPath).size === 0) return { status: 'niet_nodig' };
    const latest = latestSchemaVersion();
    let db: DB;
    let due: boolean;
    try {
      db = keyed(dbPath, key);
    } catch {
      return { status: 'niet_nodig' };
    }
    try {
      const hasSettings = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'setting'`).get();
      // A database from a newer app, or one whose migrations have not yet run, is not ours to rewrite now.
      due = !!hasSettings && schemaVersion(db) <= latest && compactionPending(db);
    } catch {
      due = false; // a wrong key or a damaged file: openDatabase says so
    }
    if (!due) {
      db.close();
      return { status: 'niet_nodig' };
    }
    const bytesVoor = fs.statSync(dbPath).size;
    try {
      const [cp] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (cp?.busy) return { status: 'mislukt', reden: 'de database is in gebruik door een ander programma' };
      db.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      db.close();
    }
    // Closing the last connection copies the WAL in and deletes it. A WAL still there means another
    // process has the file open: the new file must not meet that WAL under the old name.
    if (fs.existsSync(`${dbPath}-wal`)) {
      cleanUp();
      return { status: 'mislukt', reden: 'de database is nog geopend door een ander programma' };
    }
    const head = Buffer.alloc(16);
    const fd = fs.openSync(tmp, 'r');
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    if (head.toString('latin1').startsWith('SQLite format 3')) throw new Error('de kopie is niet versleuteld geschreven');
    const copy = keyed(tmp, key);
    try {
      copy.pragma('secure_delete = ON');
      writeFlag(copy, false, now().toISOString());
      const ic = copy.pragma('integrity_check', { simple: true });
      if (ic !== 'ok') throw new Error(`de kopie is niet in orde (${String(ic)})`);
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    fs.renameSync(tmp, dbPath);
    fsyncDir(path.dirname(path.resolve(dbPath)));
    return { status: 'gecompacteerd', bytesVoor, bytesNa: fs.statSync(dbPath).size };
  } catch (e) {
    cleanUp();
    return { status: 'mislukt', reden: (e as Error).message };
  }
}
