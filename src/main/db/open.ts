// Opens the encrypted database: cipher and key first, then a read that proves the key, then the
// pragmas we rely on, then the migrations. Every failure becomes a CoreError with a Dutch message.
// Every connection the project opens (core, backup worker, verify, restore, diagnose, bench) is
// made by connect() below, so none of them writes to the temp folder.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError, systemError } from '../errors/errors';
import { migrate } from './migrate';
import { anchorAudit } from '../audit/anchor';

/** Pages of WAL after which a write checkpoints itself (SQLite's default is 1,000). */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

export type DB = Database.Database;

export interface OpenOptions {
  /** The database key (hex, generated on first run). Never logged. */
  key: string;
  /** Create the file when it does not exist (first run). */
  create?: boolean;
  readonly?: boolean;
  /** Skip migrations (used by verify and restore checks, which must not change a file). */
  noMigrate?: boolean;
}

/** A database key is 32 random bytes written as 64 hex characters. */
export const KEY_RE = /^[0-9a-f]{64}$/i;

/**
 * Applies the cipher settings and key to a freshly opened connection. The key is a raw 256-bit
 * key (SQLCipher 4 format, AES-256 with HMAC), so no slow key derivation runs at every start: the
 * key is random, not a password. A passphrase, where the school sets one, wraps this key instead.
 */
export function applyKey(db: DB, key: string): void {
  if (!KEY_RE.test(key)) throw new CoreError('DATABASE', 'De databasesleutel is ongeldig: verwacht 64 hexadecimale tekens.');
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`key="x'${key}'"`);
}

/**
 * Opens a connection with its temporary storage in memory. SQLite's default (this build:
 * TEMP_STORE=1) puts temporary tables, sorts that outgrow the cache, statement journals and the
 * copy an in-place VACUUM makes in files in the temp folder, and the cipher encrypts none of them:
 * a VACUUM wrote the whole database there in plaintext, and saving an incident a statement journal
 * with its names (test/integration/temp-files.test.ts).
 */
export function connect(file: string, options?: Database.Options): DB {
  const db = new Database(file, options);
  try {
    db.pragma('temp_store = MEMORY');
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** A throw-away in-memory connection with our cipher settings, to ATTACH an encrypted file with its key. */
export function scratchConnection(): DB {
  const db = connect(':memory:');
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  return db;
}

/** Thrown for a database file of 0 bytes: what was in it is gone, so it must not become a new, empty school. */
const EMPTY_DATABASE_MESSAGE =
  'Het databasebestand is leeg (0 bytes) en dus beschadigd, bijvoorbeeld na een volle schijf of een afgebroken kopie. ' +
  'Schoolprotocol begint er geen nieuwe school in. Er is niets gewijzigd. Zet de laatste goede reservekopie terug.';

export function openDatabase(file: string, opts: OpenOptions): DB {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) {
    throw new CoreError('DATABASE', `Het databasebestand is niet gevonden: ${file}`);
  }
  // SQLite treats an empty file as a new database: migrating would write a fresh school over the
  // place where the school's data was, and the app would look as if everything were lost.
  if (exists && fs.statSync(file).size === 0) throw new CoreError('DATABASE', EMPTY_DATABASE_MESSAGE);
  const folder = path.dirname(path.resolve(file));
  let db: DB;
  try {
    db = connect(file, { readonly: !!opts.readonly, fileMustExist: !opts.create });
  } catch (e) {
    throw systemError(e, folder) ?? new CoreError('DATABASE', `Het databasebestand kan niet worden geopend: ${(e as Error).message}`);
  }
  try {
    applyKey(db, opts.key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      // A folder without write access fails here too (no room for the WAL's shared-memory file):
      // that is not a wrong key.
      const access = accessError(e, folder);
      if (access) throw access;
      throw new CoreError(
        'DATABASE',
        'De database kan niet worden geopend: de sleutel klopt niet, of het bestand is geen Schoolprotocol-database of is beschadigd. ' +
          'Er is niets gewijzigd. Zet zo nodig de laatste goede reservekopie terug.',
      );
    }
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // FULL: a committed change about a child must survive a power cut; the cost is one fsync per
      // transaction, which a single-user office app never notices.
      db.pragma('synchronous = FULL');
      // The WAL is copied into the database by the core when it is idle (core.ts), not by the
      // write that happens to pass SQLite's 1,000 pages: at a school board's scale that checkpoint
      // (and its fsync of the 2 GB file) made one save in fifteen take 100-200 ms instead of 25.
      // This larger bound only catches long runs of writes without a pause (an import).
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      // Deleted and overwritten content is overwritten with zeros where it lay (freed pages, freed
      // cell space, overflow pages), so a deleted record leaves nothing behind in the file for
      // someone who later has the key. The retention destruction relies on it (retention/destroy.ts).
      db.pragma('secure_delete = ON');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 16 MB of decrypted pages instead of SQLite's 2 MB: at a school board's scale (2 GB) the
    // dashboard's queries did not fit beside each other and decrypted the same pages again on every
    // load (105 ms -> 40 ms for the retention count at a million incidents).
    db.pragma('cache_size = -16384');
    if (!opts.noMigrate && !opts.readonly) migrate(db);
    // The audit trail's HMAC key comes from this key, never from the database (audit/anchor.ts).
    anchorAudit(db, opts.key);
    return db;
  } catch (e) {
    db.close();
    throw accessError(e, folder) ?? e;
  }
}

/** A write-access, busy or full-disk failure while opening, in Dutch; null for anything else. */
function accessError(e: unknown, folder: string): CoreError | null {
  if (e instanceof CoreError) return null;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || /^SQLITE_(NOTADB|CORRUPT)/.test(code)) return null;
  return systemError(e, folder);
}
