// Anchoring the audit trail outside the database. The plain hash chain (audit.ts) can be
// recomputed by anyone who can edit the decrypted database; an HMAC cannot, because its key is
// derived from the database key, which lives outside the database (key vault or environment).
// Every entry carries HMAC(key, its hash); the last entry's id and HMAC (the head) are kept in a
// small file beside the database and in every backup manifest, so entries cut from the end show.
import fs from 'node:fs';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

type DB = Database.Database;
import { writeAtomic } from '../files/atomic';

/** Fixed HKDF label: changing it orphans every HMAC ever written. */
const LABEL = 'schoolprotocol/auditlogboek/hmac/v1';

export interface AuditHead {
  id: number;
  hmac: string;
}

// Keyed by the connection, so the key lives exactly as long as the connection that was opened with it.
const keys = new WeakMap<DB, Buffer>();
// Connections that added entries since their head file was last written.
const written = new WeakSet<DB>();

export const auditKeyFrom = (dbKey: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(dbKey, 'hex'), Buffer.alloc(0), LABEL, 32));

/** Called when a connection is opened with its key (db/open.ts). */
export function anchorAudit(db: DB, dbKey: string): void {
  keys.set(db, auditKeyFrom(dbKey));
}

export function auditKeyOf(db: DB): Buffer {
  const k = keys.get(db);
  // A connection opened without openDatabase would write unanchored entries that verify rejects.
  if (!k) throw new Error('audit: connection has no audit key (open it with openDatabase)');
  return k;
}

export const entryHmac = (key: Buffer, hash: string): string => createHmac('sha256', key).update(`regel\u001f${hash}`).digest('hex');

const headMac = (key: Buffer, h: AuditHead): string => createHmac('sha256', key).update(`kop\u001f${h.id}\u001f${h.hmac}`).digest('hex');

export function sameHex(a: string | null | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function markAuditWritten(db: DB): void {
  written.add(db);
}

// The live database's schema does not change under a running core: ask once per connection (this runs
// after every write call). Attached copies (a backup being checked) are asked each time.
const hmacColumn = new WeakMap<DB, boolean>();
function hasHmacColumn(db: DB, schema: string): boolean {
  const ask = () => (db.prepare(`SELECT name FROM pragma_table_info('audit_log', ?)`).pluck().all(schema) as string[]).includes('hmac');
  if (schema !== 'main') return ask();
  let has = hmacColumn.get(db);
  if (has === undefined) hmacColumn.set(db, (has = ask()));
  return has;
}

/** The last entry, when it is anchored (one indexed row, never the whole chain). */
export function lastAnchored(db: DB, schema = 'main'): AuditHead | null {
  if (!hasHmacColumn(db, schema)) return null;
  const r = db.prepare(`SELECT id, hmac FROM ${schema}.audit_log ORDER BY id DESC LIMIT 1`).get() as
    { id: number; hmac: string | null } | undefined;
  return r?.hmac ? { id: r.id, hmac: r.hmac } : null;
}

export const headFile = (dbPath: string): string => `${dbPath}.auditkop`;

/**
 * Writes the head file after a commit that added entries (the core calls this after every call;
 * restore after its own entry). Outside a transaction only: what it reads is then committed.
 */
export function writeAuditHead(db: DB, dbPath: string): void {
  if (!written.has(db) || db.inTransaction) return;
  written.delete(db);
  const head = lastAnchored(db);
  if (!head) return;
  const mac = headMac(auditKeyOf(db), head);
  writeAtomic(headFile(dbPath), JSON.stringify({ formaat: 'schoolprotocol-auditkop', ...head, mac }));
}

export type HeadRead = { status: 'ontbreekt' } | { status: 'ongeldig' } | { status: 'ok'; head: AuditHead };

export function readAuditHead(dbPath: string, key: Buffer): HeadRead {
  const file = headFile(dbPath);
  if (!fs.existsSync(file)) return { status: 'ontbreekt' };
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AuditHead> & { formaat?: string; mac?: string };
    if (h.formaat !== 'schoolprotocol-auditkop' || !Number.isInteger(h.id) || typeof h.hmac !== 'string') return { status: 'ongeldig' };
    const head = { id: h.id!, hmac: h.hmac };
    return sameHex(h.mac, headMac(key, head)) ? { status: 'ok', head } : { status: 'ongeldig' };
  } catch {
    return { status: 'ongeldig' };
  }
}

/**
 * Compares a database's audit trail with a head kept elsewhere (the head file, a backup manifest):
 * null when the entry the head names is there with that HMAC, else a Dutch reason.
 */
export function compareWithHead(db: DB, head: AuditHead, where: string, schema = 'main'): string | null {
  const last = db.prepare(`SELECT max(id) AS id FROM ${schema}.audit_log`).get() as { id: number | null };
  const lastId = last.id ?? 0;
  if (lastId < head.id) {
    const n = head.id - lastId;
    return (
      `er ${n === 1 ? 'is 1 regel' : `zijn ${n} regels`} aan het eind van het auditlogboek weggehaald: ${where} noemt regel ${head.id} als laatste, ` +
      `de database eindigt bij regel ${lastId || 'nul (leeg)'}`
    );
  }
  const r = db.prepare(`SELECT hmac FROM ${schema}.audit_log WHERE id = ?`).get(head.id) as { hmac: string | null } | undefined;
  if (!r || !sameHex(r.hmac, head.hmac))
    return `regel ${head.id} is niet de regel die ${where} als laatste noemt (het eind van het auditlogboek is vervangen)`;
  return null;
}

/** The records the audit trail must have seen created: table → audit entity. */
const CREATED: [table: string, entity: string][] = [
  ['person', 'persoon'],
  ['incident', 'melding'],
  ['measure', 'maatregel'],
  ['external_report', 'externe_melding'],
];

/** Records that exist without their 'aangemaakt' entry (added outside the app), at most 200. */
export function recordsWithoutCreation(db: DB): string[] {
  const out: string[] = [];
  for (const [table, entity] of CREATED) {
    const ids = db
      .prepare(
        `SELECT t.id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM audit_log a
           WHERE a.entity = ? AND a.entity_id = CAST(t.id AS TEXT) AND a.action = 'aangemaakt') ORDER BY t.id LIMIT 200`,
      )
      .pluck()
      .all(entity) as number[];
    for (const id of ids) out.push(`${entity} ${id} heeft geen regel 'aangemaakt' in het auditlogboek`);
  }
  return out.slice(0, 200);
}
