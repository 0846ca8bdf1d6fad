// Restoring a backup, in three steps that never put the current database at risk:
//   1. inspect: the candidate is ours (encrypted, with our tables), opens with the key, passes
//      PRAGMA integrity_check, and its schema is not newer than this app — all read-only, FIRST;
//   2. stage: a verified copy of the database and the decrypted files is put beside the current
//      database (<db>.terugzetten/), re-keyed when it was made with another key;
//   3. apply (only while no core has the database open, i.e. at start or by the CLI): the current
//      database and folder are renamed aside with a timestamp, the staged copy takes their place
//      and must open (migrating forward if it is older); if anything fails the restored copy is
//      removed and the current one is put back.
// Any failure in step 1 or 2 leaves the current database untouched, with a Dutch explanation.
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from '../db/open';
import { openDatabase, applyKey, connect, scratchConnection, KEY_RE } from '../db/open';
import { latestSchemaVersion } from '../db/migrate';
import { reanchorAudit, writeAudit } from '../audit/audit';
import { compareWithHead, writeAuditHead } from '../audit/anchor';
import { CoreError } from '../errors/errors';
import { sha256File } from '../files/fileStore';
import { BACKUP_DB, MANIFEST, POOL, checkPooled, readManifest, withAttached } from './backup';
import type { Manifest } from './backup';
import { readFileKey } from './backupFiles';
import { writeAtomic } from '../files/atomic';
import { checkSource } from './paths';
import { keyId } from '../security/keyWrap';
import type { RestoreCheck } from '@shared/api/trust';

/** What a check of a backup tells: the contract's RestoreCheck (one shape for the CLI and the app). */
export type BackupCheck = RestoreCheck;

const bad = (message: string) => new CoreError('VALIDATIE', message, 'bron', { bron: message });

const NOT_OURS =
  'Dit is geen reservekopie van Schoolprotocol. Kies een map "reservekopie-…" in de map Schoolprotocol-reservekopieen, of het bestand schoolprotocol.db daarin. Er is niets gewijzigd.';
const DAMAGED = 'Deze reservekopie is beschadigd en kan niet worden teruggezet. Kies een oudere reservekopie. Er is niets gewijzigd.';
const WRONG_KEY =
  'Deze reservekopie is gemaakt met een andere sleutel (van een andere installatie of van vóór een nieuwe sleutel). ' +
  'Zet hem terug met de herstelsleutel van die installatie (opdrachtregel: restore BESTAND --sleutel-stdin). Er is niets gewijzigd.';
const KEY_OR_DAMAGED =
  'Deze reservekopie kan niet worden geopend: hij is gemaakt met een andere sleutel, hoort niet bij Schoolprotocol of is beschadigd. Er is niets gewijzigd.';

interface Resolved {
  dir: string | null;
  dbFile: string;
  manifest: Manifest | null;
}

/** Finds the database file and manifest from what the user picked (folder, manifest or .db). */
export function resolveSource(source: string): Resolved {
  const p = checkSource(source, 'bron');
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    const manifest = readManifest(p);
    if (!manifest || !fs.existsSync(path.join(p, BACKUP_DB))) throw bad(NOT_OURS);
    return { dir: p, dbFile: path.join(p, BACKUP_DB), manifest };
  }
  if (!st.isFile()) throw bad(NOT_OURS);
  const dir = path.dirname(p);
  if (path.basename(p) === MANIFEST) {
    const manifest = readManifest(dir);
    if (!manifest || !fs.existsSync(path.join(dir, BACKUP_DB))) throw bad(NOT_OURS);
    return { dir, dbFile: path.join(dir, BACKUP_DB), manifest };
  }
  const manifest = path.basename(p) === BACKUP_DB ? readManifest(dir) : null;
  return { dir: manifest ? dir : null, dbFile: p, manifest };
}

function classifyOpenError(e: unknown, manifest: Manifest | null, currentKeyId: string | null): CoreError {
  const code = (e as { code?: string })?.code ?? '';
  if (code.startsWith('SQLITE_CORRUPT')) return bad(DAMAGED);
  if (manifest?.sleutelId && currentKeyId && manifest.sleutelId !== currentKeyId) return bad(WRONG_KEY);
  if (manifest?.sleutelId && currentKeyId && manifest.sleutelId === currentKeyId) return bad(DAMAGED);
  return bad(KEY_OR_DAMAGED);
}

/** What names a stored file in a backup's database, without personal data. */
function recordOf(conn: DB, s: string, gebied: string, naam: string): string {
  if (gebied === 'bewijs') {
    const r = conn.prepare(`SELECT id, incident_id FROM ${s}.evidence WHERE opslagnaam = ?`).get(naam) as
      { id: number; incident_id: number } | undefined;
    if (r) return `bewijsstuk ${r.id} bij melding ${r.incident_id}`;
  } else if (gebied === 'brieven') {
    const r = conn.prepare(`SELECT id, kenmerk FROM ${s}.letter WHERE opslagnaam = ?`).get(naam) as
      { id: number; kenmerk: string | null } | undefined;
    if (r) return `brief ${r.kenmerk ?? r.id}`;
  } else if (gebied === 'logo') return 'het logo van de brieven';
  return 'bestand';
}

/**
 * Decrypts every file the manifest lists and compares it with its SHA-256 (its size, for backups
 * of version 1); lists what fails, and what was already wrong when the backup was made.
 */
function damagedFiles(conn: DB, s: string, manifest: Manifest, poolRoot: string): string[] {
  const out: string[] = [];
  const fk = readFileKey(conn, s);
  for (const f of manifest.bestanden) {
    if (fk && fk.id === manifest.bestandssleutelId && checkPooled(poolRoot, fk, f)) continue;
    out.push(`${recordOf(conn, s, f.gebied, f.naam)} (${f.gebied}/${f.naam}): beschadigd of ontbreekt in de reservekopie`);
  }
  for (const f of manifest.overgeslagen ?? []) {
    if (f.uitEerdereKopie) continue;
    const why = f.reden === 'ontbreekt' ? 'ontbrak al' : 'was al gewijzigd';
    out.push(`${recordOf(conn, s, f.gebied, f.naam)} (${f.gebied}/${f.naam}): ${why} toen de reservekopie werd gemaakt`);
  }
  return out;
}

/**
 * Checks a candidate on a connection that can attach it: the running core's (the backup inherits
 * its key) or a throw-away one with the key given. Read-only; throws a CoreError on any doubt.
 */
export function inspectBackup(
  conn: DB,
  source: string,
  opts: { key?: string; currentKeyId?: string | null } = {},
): BackupCheck & { resolved: Resolved } {
  const resolved = resolveSource(source);
  const { dbFile, manifest } = resolved;
  const size = fs.statSync(dbFile).size;
  if (size < 512) throw bad(size === 0 ? 'Dit bestand is leeg. ' + DAMAGED : NOT_OURS);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(dbFile, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (head.toString('latin1').startsWith('SQLite format 3')) {
    throw bad(
      'Dit is een onversleutelde database, geen reservekopie van Schoolprotocol (die zijn altijd versleuteld). Er is niets gewijzigd.',
    );
  }
  if (manifest && sha256File(dbFile).sha256 !== manifest.database.sha256) throw bad(DAMAGED);
  if (opts.key && !KEY_RE.test(opts.key))
    throw new CoreError('VALIDATIE', 'Een herstelsleutel bestaat uit 64 tekens 0-9 en a-f.', 'sleutel');

  let info: Omit<BackupCheck, 'bron' | 'gemaaktOp' | 'bestanden' | 'andereSleutel'>;
  const poolRoot = resolved.dir ? path.join(path.dirname(resolved.dir), POOL) : null;
  try {
    info = withAttached(
      conn,
      dbFile,
      (s) => {
        const ic = conn.pragma(`${s}.integrity_check`) as { integrity_check: string }[];
        if (ic.length !== 1 || ic[0].integrity_check !== 'ok') throw bad(DAMAGED);
        const schemaversie = conn.pragma(`${s}.user_version`, { simple: true }) as number;
        const tables = new Set(
          (conn.prepare(`SELECT name FROM ${s}.sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
        );
        if (schemaversie < 1 || !tables.has('school') || !tables.has('audit_log') || !tables.has('person')) throw bad(NOT_OURS);
        if (schemaversie > latestSchemaVersion()) {
          throw bad(
            `Deze reservekopie is gemaakt met een nieuwere versie van Schoolprotocol (schemaversie ${schemaversie}, deze app kent tot ${latestSchemaVersion()}). ` +
              'Installeer eerst de nieuwste versie van de app. Er is niets gewijzigd.',
          );
        }
        const school = conn.prepare(`SELECT naam FROM ${s}.school WHERE id = 1`).get() as { naam: string } | undefined;
        const cut = manifest?.auditKop ? compareWithHead(conn, manifest.auditKop, 'het manifest', s) : null;
        if (cut) throw bad(`Het auditlogboek in deze reservekopie is ingekort: ${cut}. Er is niets gewijzigd.`);
        return {
          beschadigd: manifest && poolRoot ? damagedFiles(conn, s, manifest, poolRoot) : [],
          schemaversie,
          schoolNaam: school?.naam ?? null,
          personen: (conn.prepare(`SELECT count(*) AS n FROM ${s}.person`).get() as { n: number }).n,
          meldingen: tables.has('incident') ? (conn.prepare(`SELECT count(*) AS n FROM ${s}.incident`).get() as { n: number }).n : 0,
        };
      },
      opts.key,
    );
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw classifyOpenError(e, manifest, opts.key ? keyId(opts.key) : (opts.currentKeyId ?? null));
  }
  const current = opts.currentKeyId ?? null;
  const andereSleutel =
    opts.key && current ? keyId(opts.key) !== current : !!manifest?.sleutelId && !!current && manifest.sleutelId !== current;
  return {
    ...info,
    bron: resolved.dir ?? dbFile,
    gemaaktOp: manifest?.gemaaktOp ?? null,
    bestanden: manifest?.bestanden.length ?? 0,
    andereSleutel,
    resolved,
  };
}

// ---- staging --------------------------------------------------------------------------------

export const stagingDir = (dbPath: string) => `${dbPath}.terugzetten`;
const MARKER = 'terugzetten.json';

interface Marker {
  bron: string;
  gemaaktOp: string | null;
  /** A backup of the current database was made first, so the aside copy may go after success. */
  veiligheidskopie: boolean;
  /** Filled in by apply before it moves anything, so an interrupted apply can finish. */
  opzij?: { db: string; map: string };
}

/**
 * Puts a verified copy of the backup beside the current database. `conn` must be able to attach
 * the candidate (the running core's connection, or one keyed with `sourceKey`); `targetKey`, when
 * given, re-keys the copy (a backup made with another key).
 */
export function stageRestore(
  conn: DB,
  dbPath: string,
  source: string,
  opts: { sourceKey?: string; targetKey?: string; currentKeyId?: string | null; veiligheidskopie: boolean },
): BackupCheck {
  const check = inspectBackup(conn, source, { key: opts.sourceKey, currentKeyId: opts.currentKeyId });
  const { resolved } = check;
  const stage = stagingDir(dbPath);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'bestanden'), { recursive: true });
  try {
    const stagedDb = path.join(stage, BACKUP_DB);
    fs.copyFileSync(resolved.dbFile, stagedDb);
    const fileKey = withAttached(conn, stagedDb, (s) => readFileKey(conn, s), opts.sourceKey);
    if (opts.sourceKey && opts.targetKey && opts.sourceKey.toLowerCase() !== opts.targetKey.toLowerCase()) {
      const d = connect(stagedDb);
      try {
        applyKey(d, opts.sourceKey);
        d.pragma(`rekey="x'${opts.targetKey}'"`);
        reanchorAudit(d, opts.sourceKey, opts.targetKey);
      } finally {
        d.close();
      }
    }
    if (resolved.manifest && resolved.dir) {
      const poolRoot = path.join(path.dirname(resolved.dir), POOL);
      // Files that fail their check are left out (inspectBackup lists them); the database and the
      // good files are restored.
      for (const f of fileKey ? resolved.manifest.bestanden : []) {
        const plain = checkPooled(poolRoot, fileKey!, f);
        if (!plain) continue;
        const dir = path.join(stage, 'bestanden', f.gebied);
        fs.mkdirSync(dir, { recursive: true });
        writeAtomic(path.join(dir, f.naam), plain, 0o400);
      }
    }
    const marker: Marker = { bron: check.bron, gemaaktOp: check.gemaaktOp, veiligheidskopie: opts.veiligheidskopie };
    writeAtomic(path.join(stage, MARKER), JSON.stringify(marker));
  } catch (e) {
    fs.rmSync(stage, { recursive: true, force: true });
    if (e instanceof CoreError) throw e.code === 'VALIDATIE' ? e : bad(`${e.message} Er is niets gewijzigd.`);
    throw bad(`Het terugzetten kon niet worden voorbereid: ${(e as Error).message}. Er is niets gewijzigd.`);
  }
  return stripResolved(check);
}

const stripResolved = ({ resolved: _r, ...rest }: BackupCheck & { resolved: Resolved }): BackupCheck => rest;

export const hasStagedRestore = (dbPath: string) => fs.existsSync(path.join(stagingDir(dbPath), MARKER));

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

function moveIfExists(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
}

export interface ApplyResult {
  gemaaktOp: string | null;
  /** Where the previous database was put aside, if it was kept (no safety backup was made). */
  opzij: string | null;
}

/**
 * Applies a staged restore. Call it only while no core has the database open (the doors call it
 * before Core.open). Returns null when nothing is staged.
 */
export function applyStagedRestore(opts: { dbPath: string; dataDir: string; key: string; now?: Date; actor?: string }): ApplyResult | null {
  const stage = stagingDir(opts.dbPath);
  const markerFile = path.join(stage, MARKER);
  if (!fs.existsSync(markerFile)) return null;
  const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
  const now = opts.now ?? new Date();
  if (!marker.opzij) {
    const ts = stamp(now);
    marker.opzij = { db: `${opts.dbPath}.voor-terugzetten-${ts}`, map: `${opts.dataDir}.voor-terugzetten-${ts}` };
    writeAtomic(markerFile, JSON.stringify(marker));
  }
  const aside = marker.opzij;
  const stagedDb = path.join(stage, BACKUP_DB);
  const stagedFiles = path.join(stage, 'bestanden');
  const putBack = () => {
    for (const sfx of ['', '-wal', '-shm']) {
      if (fs.existsSync(`${aside.db}${sfx}`)) {
        fs.rmSync(`${opts.dbPath}${sfx}`, { force: true });
        fs.renameSync(`${aside.db}${sfx}`, `${opts.dbPath}${sfx}`);
      }
    }
    if (fs.existsSync(aside.map)) {
      fs.rmSync(opts.dataDir, { recursive: true, force: true });
      fs.renameSync(aside.map, opts.dataDir);
    }
  };
  // A wrong key must not cost the school its staged restore: nothing moves until the copy opens.
  const opensWithKey = (file: string) => {
    try {
      openDatabase(file, { key: opts.key, readonly: true, noMigrate: true }).close();
      return true;
    } catch {
      return false;
    }
  };
  // (A staged copy that does not open while the current database does is damaged: that is tried,
  // fails and is cleaned up below.)
  if (fs.existsSync(stagedDb) && fs.existsSync(opts.dbPath) && !opensWithKey(stagedDb) && !opensWithKey(opts.dbPath)) {
    {
      throw new CoreError(
        'DATABASE',
        `Er staat een terug te zetten reservekopie klaar (${stage}), maar die opent niet met deze sleutel. Er is niets gewijzigd.`,
      );
    }
  }
  try {
    // An apply interrupted after this point finds the aside copy already in place and goes on.
    if (fs.existsSync(stagedDb)) {
      for (const sfx of ['', '-wal', '-shm']) moveIfExists(`${opts.dbPath}${sfx}`, `${aside.db}${sfx}`);
      moveIfExists(opts.dataDir, aside.map);
      fs.renameSync(stagedDb, opts.dbPath);
      if (fs.existsSync(stagedFiles)) fs.renameSync(stagedFiles, opts.dataDir);
      else fs.mkdirSync(opts.dataDir, { recursive: true });
    }
    const db = openDatabase(opts.dbPath, { key: opts.key });
    try {
      const ic = db.pragma('integrity_check', { simple: true });
      if (ic !== 'ok') throw new CoreError('DATABASE', DAMAGED);
      writeAudit(db, {
        at: now.toISOString(),
        actor: opts.actor ?? 'app',
        entity: 'reservekopie',
        entityId: null,
        action: 'teruggezet',
        before: null,
        after: { bron: path.basename(marker.bron), gemaaktOp: marker.gemaaktOp },
      });
      writeAuditHead(db, opts.dbPath);
    } finally {
      db.close();
    }
  } catch (e) {
    putBack();
    fs.rmSync(stage, { recursive: true, force: true });
    const why = e instanceof CoreError ? e.message : (e as Error).message;
    throw new CoreError('DATABASE', `Het terugzetten is mislukt; de vorige database is teruggezet en er is niets verloren. (${why})`);
  }
  fs.rmSync(stage, { recursive: true, force: true });
  if (marker.veiligheidskopie) {
    for (const sfx of ['', '-wal', '-shm']) fs.rmSync(`${aside.db}${sfx}`, { force: true });
    fs.rmSync(aside.map, { recursive: true, force: true });
    return { gemaaktOp: marker.gemaaktOp, opzij: null };
  }
  return { gemaaktOp: marker.gemaaktOp, opzij: fs.existsSync(aside.db) ? aside.db : null };
}

/**
 * The whole restore for a door with no core open (the CLI, or the Electron door after closing the
 * core): inspect, stage and apply. `sourceKey` is the recovery key of a backup made with another key.
 */
export function restoreBackup(opts: {
  dbPath: string;
  dataDir: string;
  key: string;
  source: string;
  sourceKey?: string;
  currentKeyId?: string | null;
  veiligheidskopie?: boolean;
  now?: Date;
  actor?: string;
}): BackupCheck & ApplyResult {
  if (hasStagedRestore(opts.dbPath)) fs.rmSync(stagingDir(opts.dbPath), { recursive: true, force: true });
  // A throw-away connection configured like ours, so ATTACH … KEY uses the same cipher.
  const conn = scratchConnection();
  let check: BackupCheck;
  try {
    check = stageRestore(conn, opts.dbPath, opts.source, {
      sourceKey: opts.sourceKey ?? opts.key,
      targetKey: opts.key,
      currentKeyId: opts.currentKeyId ?? keyId(opts.key),
      veiligheidskopie: !!opts.veiligheidskopie,
    });
  } finally {
    conn.close();
  }
  const applied = applyStagedRestore({ dbPath: opts.dbPath, dataDir: opts.dataDir, key: opts.key, now: opts.now, actor: opts.actor });
  return { ...check, ...applied! };
}
