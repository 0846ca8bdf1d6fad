// The audit trail: one entry per change, in the same transaction as the change. Each entry carries
// the hash of the previous one, so a changed, removed or inserted entry breaks the chain,
// and an HMAC of that hash under a key outside the database, so the chain cannot be recomputed
// without the key (anchor.ts).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry } from '@shared/api/audit';
import { anchorAudit, auditKeyOf, entryHmac, markAuditWritten, sameHex } from './anchor';
import type { AuditHead } from './anchor';

type DB = Database.Database;

/** What replaces a destroyed person's data in texts and audit entries that outlive them (retention/scrub.ts). */
export const REDACTED = '[verwijderd]';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  actor: string;
  /** The OS account the person worked under (a detail for an inquiry). */
  account?: string | null;
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  /** NULL for entries written before the account was recorded (undefined on an older schema). */
  account?: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** NULL for entries written before the anchor existed. */
  hmac: string | null;
}

export function entryHash(prev: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash' | 'hmac'>): string {
  const parts = [prev, r.at, r.actor, r.entity, r.entity_id ?? '', r.action, r.before_json ?? '', r.after_json ?? ''];
  // Appended only when present: entries from before the account column keep their hash.
  if (r.account != null) parts.push(r.account);
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function writeAudit(db: DB, e: AuditInput): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prev = last?.hash ?? GENESIS_HASH;
  const row = {
    at: e.at,
    actor: e.actor,
    account: e.account ?? null,
    entity: e.entity,
    entity_id: e.entityId === null ? null : String(e.entityId),
    action: e.action,
    before_json: json(e.before),
    after_json: json(e.after),
  };
  const hash = entryHash(prev, row);
  db.prepare(
    `INSERT INTO audit_log (at, actor, account, entity, entity_id, action, before_json, after_json, prev_hash, hash, hmac)
     VALUES (@at, @actor, @account, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash, @hmac)`,
  ).run({ ...row, prev_hash: prev, hash, hmac: entryHmac(auditKeyOf(db), hash) });
  markAuditWritten(db);
}

export function auditForRecord(db: DB, entity: string, entityId: string): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1000')
    .all(entity, entityId) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    account: r.account ?? null,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}

/**
 * Entries redacted by the retention run (retention/redact.ts): id → [original hash, hash of the content
 * as it now stands, id of the listing], from the hash-chained 'geredigeerd' entries; the latest
 * listing wins.
 */
function redactions(db: DB): Map<number, [string, string, number]> {
  const map = new Map<number, [string, string, number]>();
  const rows = db.prepare(`SELECT id, after_json FROM audit_log WHERE entity = 'audit' AND action = 'geredigeerd' ORDER BY id`).all() as {
    id: number;
    after_json: string | null;
  }[];
  for (const r of rows) {
    try {
      for (const [id, original, current] of (JSON.parse(r.after_json ?? '{}') as { regels?: [number, string, string][] }).regels ?? [])
        map.set(id, [original, current, r.id]);
    } catch {
      // a damaged listing is caught by its own entry's hash below
    }
  }
  return map;
}

/**
 * What redact.ts can have made of an entry: both texts gone (a destroyed record), or name parts
 * replaced by the marker. The original text is gone by design, so this is the check that remains:
 * a listed entry whose content was changed in any other way is not a redaction.
 */
function looksRedacted(r: AuditRow): boolean {
  if (r.entity === 'audit' && r.action === 'geredigeerd') return false;
  if (r.before_json === null && r.after_json === null) return true;
  return `${r.before_json ?? ''}${r.after_json ?? ''}`.includes(REDACTED);
}

export type ChainResult = { entries: number; unanchored: number; last: AuditHead | null } & (
  { ok: true } | { ok: false; brokenAt: number; reason: string }
);

/**
 * Walks the whole chain; returns the first entry whose hash, link or HMAC does not match. Entries
 * before the first anchored one (written by an older version) are the unanchored prefix; from the
 * first anchored entry on, every entry must carry a valid HMAC.
 */
export function checkAuditChain(db: DB): ChainResult {
  const key = auditKeyOf(db);
  let prev = GENESIS_HASH;
  let n = 0;
  let unanchored = 0;
  let anchored = false;
  let last: AuditHead | null = null;
  const redacted = redactions(db);
  const broken = (id: number, reason: string): ChainResult => ({ ok: false, entries: n, unanchored, last, brokenAt: id, reason });
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    n++;
    if (r.prev_hash !== prev) return broken(r.id, 'de verwijzing naar de vorige regel klopt niet (een regel is verwijderd of ingevoegd)');
    const red = redacted.get(r.id);
    if (red) {
      if (r.hash !== red[0] || entryHash(prev, r) !== red[1] || red[2] < r.id)
        return broken(r.id, 'deze geredigeerde regel is na het redigeren gewijzigd');
      if (!looksRedacted(r))
        return broken(
          r.id,
          "deze regel is gewijzigd en staat als geredigeerd vermeld, maar de inhoud is geen redactie (alleen weglaten of '[verwijderd]' is toegestaan)",
        );
    } else if (entryHash(prev, r) !== r.hash) return broken(r.id, 'de inhoud van deze regel is gewijzigd');
    // undefined: a database from before the anchor's migration, read by verify without migrating.
    if (r.hmac == null) {
      if (anchored) return broken(r.id, 'deze regel mist zijn HMAC-anker, terwijl eerdere regels het wel hebben');
      unanchored++;
    } else {
      anchored = true;
      if (!sameHex(r.hmac, entryHmac(key, r.hash)))
        return broken(
          r.id,
          'het HMAC-anker klopt niet: de regel of de keten is buiten de app om opnieuw berekend, zonder de databasesleutel',
        );
      last = { id: r.id, hmac: r.hmac };
    }
    prev = r.hash;
  }
  return { ok: true, entries: n, unanchored, last };
}

/** The chain check alone: ok and the entry count, or where it broke and why. */
export function verifyAuditChain(db: DB): { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string } {
  const r = checkAuditChain(db);
  return r.ok ? { ok: true, entries: r.entries } : { ok: false, entries: r.entries, brokenAt: r.brokenAt, reason: r.reason };
}

/**
 * After a rekey (a backup made under another key is restored under this installation's key): the
 * HMACs are checked under the old key and only then written anew under the new one. A chain that
 * does not check out is left as it is, so verify still shows where it broke.
 */
export function reanchorAudit(db: DB, oldKey: string, newKey: string): void {
  const cols = db.prepare(`SELECT name FROM pragma_table_info('audit_log')`).pluck().all() as string[];
  if (!cols.includes('hmac')) return;
  anchorAudit(db, oldKey);
  if (!checkAuditChain(db).ok) return;
  anchorAudit(db, newKey);
  const key = auditKeyOf(db);
  const update = db.prepare('UPDATE audit_log SET hmac = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of db.prepare('SELECT id, hash FROM audit_log WHERE hmac IS NOT NULL').all() as { id: number; hash: string }[])
      update.run(entryHmac(key, r.hash), r.id);
  })();
}
