// Checking a database without changing it (the command line's `verify`): it opens with the key (read-only, no
// migrations), compares the schema version with this app, runs PRAGMA integrity_check and
// foreign_key_check, walks the audit chain (each entry's hash links to the previous one, each
// entry's HMAC proves it was written with the key), compares its end with the head file, and
// hashes every evidence file, letter and logo against the SHA-256 the database holds, listing
// missing files and files on disk the database does not name. A check that cannot even run (a
// damaged page) is reported as that check failing, with the reason, not as a crash.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import type { DB } from '../db/open';
import { latestSchemaVersion, schemaVersion } from '../db/migrate';
import { checkAuditChain } from '../audit/audit';
import { auditKeyOf, compareWithHead, headFile, readAuditHead, recordsWithoutCreation } from '../audit/anchor';
import { defaultDataDir } from './core';
import { CoreError } from '../errors/errors';
import { sha256File } from '../files/fileStore';
import { BACKUP_AREAS, referencedFiles } from '../backup/backup';
import { hasStagedRestore, stagingDir } from '../backup/restore';

interface Check {
  ok: boolean;
  problems: string[];
}

export interface VerifyReport {
  ok: boolean;
  database: string;
  schema: { database: number; app: number; ok: boolean; message: string };
  integrity: Check;
  foreignKeys: Check;
  audit: {
    ok: boolean;
    entries: number;
    brokenAt?: number;
    message: string;
    /** Entries from before the HMAC anchor existed (accepted, reported once). */
    unanchored?: number;
    /** Further findings: entries cut from the end, records without their 'aangemaakt' entry. */
    problems: string[];
  };
  files: Check & { checked: number; missing: string[]; changed: string[]; orphans: string[] };
  /** A restore staged by the app that has not been put in place yet. */
  stagedRestore: string | null;
}

const cannot = (what: string, e: unknown) =>
  `De controle ${what} kon niet worden uitgevoerd: ${(e as Error)?.message ?? String(e)}. De database is waarschijnlijk beschadigd.`;

/** Hashes every file the database names and lists what is missing, changed or not named at all. */
function checkFiles(db: DB, dataDir: string): VerifyReport['files'] {
  const named = referencedFiles(db);
  const missing: string[] = [];
  const changed: string[] = [];
  for (const f of named) {
    const file = path.join(dataDir, f.gebied, f.naam);
    if (!fs.existsSync(file)) missing.push(`${f.record}: ${f.gebied}/${f.naam} ontbreekt`);
    else if (sha256File(file).sha256 !== f.sha256) changed.push(`${f.record}: ${f.gebied}/${f.naam} is gewijzigd (SHA-256 klopt niet)`);
  }
  const known = new Set(named.map((f) => `${f.gebied}/${f.naam}`));
  // A destruction whose removals are still pending names its files only there.
  const pendingTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'file_deletion_pending'`).get();
  const pending = pendingTable
    ? (db.prepare('SELECT gebied, opslagnaam FROM file_deletion_pending').all() as { gebied: string; opslagnaam: string }[])
    : [];
  for (const r of pending) known.add(`${r.gebied}/${r.opslagnaam}`);
  const orphans: string[] = [];
  for (const gebied of BACKUP_AREAS) {
    const dir = path.join(dataDir, gebied);
    for (const naam of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [])
      if (!known.has(`${gebied}/${naam}`)) orphans.push(`${gebied}/${naam} staat op schijf maar hoort bij geen record`);
  }
  const problems = [...missing, ...changed, ...orphans];
  return { ok: problems.length === 0, problems: problems.slice(0, 200), checked: named.length, missing, changed, orphans };
}

/** The chain (hashes and HMACs), the head file beside the database, and every record's creation entry. */
function checkAudit(db: DB, dbPath: string): VerifyReport['audit'] {
  const chain = checkAuditChain(db);
  const problems: string[] = [];
  if (chain.unanchored > 0)
    problems.push(
      `De eerste ${chain.unanchored} regels zijn geschreven vóór de HMAC-verankering (een eerdere versie van de app); daarvoor geldt alleen de hashketen.`,
    );
  let ok = chain.ok;
  const head = readAuditHead(dbPath, auditKeyOf(db));
  const naam = path.basename(headFile(dbPath));
  if (head.status === 'ok') {
    const cut = compareWithHead(db, head.head, `het kopbestand ${naam}`);
    if (cut) {
      ok = false;
      problems.push(`Het auditlogboek is ingekort: ${cut}.`);
    }
  } else if (head.status === 'ongeldig') {
    ok = false;
    problems.push(
      `Het kopbestand ${naam} is ongeldig of vervalst (de HMAC klopt niet); niet vast te stellen of er regels aan het eind zijn weggehaald.`,
    );
  } else if (chain.last) {
    ok = false;
    problems.push(`Het kopbestand ${naam} naast de database ontbreekt; niet vast te stellen of er regels aan het eind zijn weggehaald.`);
  }
  const zonder = recordsWithoutCreation(db);
  if (zonder.length) {
    ok = false;
    problems.push(
      `${zonder.length === 200 ? 'Ten minste 200' : zonder.length} records zonder hun regel 'aangemaakt' (buiten de app om toegevoegd?):`,
      ...zonder,
    );
  }
  const message = chain.ok
    ? `${chain.entries} regels in het auditlogboek, de keten is ongeschonden.`
    : `Het auditlogboek is onderbroken bij regel ${chain.brokenAt}: ${chain.reason}.`;
  return { ok, entries: chain.entries, ...(chain.ok ? {} : { brokenAt: chain.brokenAt }), message, unanchored: chain.unanchored, problems };
}

export function verifyDatabase(dbPath: string, key: string, dataDir = defaultDataDir(dbPath)): VerifyReport {
  if (!fs.existsSync(dbPath)) throw new CoreError('DATABASE', `De database ${dbPath} bestaat niet.`);
  const appVersion = latestSchemaVersion();
  const report: VerifyReport = {
    ok: false,
    database: dbPath,
    schema: { database: 0, app: appVersion, ok: false, message: 'Niet gecontroleerd.' },
    integrity: { ok: false, problems: [] },
    foreignKeys: { ok: false, problems: [] },
    audit: { ok: false, entries: 0, message: 'Niet gecontroleerd.', problems: [] },
    files: { ok: false, problems: [], checked: 0, missing: [], changed: [], orphans: [] },
    stagedRestore: hasStagedRestore(dbPath) ? stagingDir(dbPath) : null,
  };
  let db: DB;
  try {
    db = openDatabase(dbPath, { key, readonly: true, noMigrate: true });
  } catch (e) {
    // A wrong key or a file that is no database at all: the Dutch reason from opening it.
    throw e instanceof CoreError ? e : new CoreError('DATABASE', (e as Error).message);
  }
  try {
    try {
      const dbVersion = schemaVersion(db);
      const schema =
        dbVersion > appVersion
          ? {
              ok: false,
              message: `De database heeft schemaversie ${dbVersion}, nieuwer dan deze app (${appVersion}). Installeer de nieuwste versie van de app.`,
            }
          : dbVersion < appVersion
            ? { ok: true, message: `Schemaversie ${dbVersion}; deze app werkt hem bij naar ${appVersion} bij het openen.` }
            : { ok: true, message: `Schemaversie ${dbVersion} (gelijk aan de app).` };
      report.schema = { database: dbVersion, app: appVersion, ...schema };
    } catch (e) {
      report.schema.message = cannot('van de schemaversie', e);
    }
    try {
      const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      const ok = rows.length === 1 && rows[0] === 'ok';
      report.integrity = { ok, problems: ok ? [] : rows.slice(0, 50) };
    } catch (e) {
      report.integrity = { ok: false, problems: [cannot('op integriteit (integrity_check)', e)] };
    }
    try {
      const fkRows = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string; fkid: number }[];
      const problems = fkRows
        .slice(0, 50)
        .map((r) => `tabel ${r.table}, rij ${r.rowid ?? '?'}: verwijst naar een ontbrekende rij in ${r.parent}`);
      report.foreignKeys = { ok: fkRows.length === 0, problems };
    } catch (e) {
      report.foreignKeys = { ok: false, problems: [cannot('van de verwijzingen (foreign_key_check)', e)] };
    }
    try {
      report.audit = checkAudit(db, dbPath);
    } catch (e) {
      report.audit = { ok: false, entries: 0, message: cannot('van het auditlogboek', e), problems: [] };
    }
    try {
      report.files = checkFiles(db, dataDir);
    } catch (e) {
      report.files = { ok: false, problems: [cannot('van de bestanden', e)], checked: 0, missing: [], changed: [], orphans: [] };
    }
  } finally {
    db.close();
  }
  report.ok =
    report.schema.ok && report.integrity.ok && report.foreignKeys.ok && report.audit.ok && report.files.ok && !report.stagedRestore;
  return report;
}

