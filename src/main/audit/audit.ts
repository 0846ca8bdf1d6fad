// The audit trail: one entry per change, in the same transaction as the change. Each entry carries
// the hash of the previous one, so a changed, removed or inserted entry breaks the chain (issue 7).
import { createHash } from 'node:crypto';
import type { DB } from '../db/open';
import type { AuditEntry } from '../../shared/api/audit';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  actor: string;
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export function entryHash(prev: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update([prev, r.at, r.actor, r.entity, r.entity_id ?? '', r.action, r.before_json ?? '', r.after_json ?? ''].join('\u001f'))
    .digest('hex');
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function writeAudit(db: DB, e: AuditInput): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prev = last?.hash ?? GENESIS_HASH;
  const row = {
    at: e.at,
    actor: e.actor,
    entity: e.entity,
    entity_id: e.entityId === null ? null : String(e.entityId),
    action: e.action,
    before_json: json(e.before),
    after_json: json(e.after),
  };
  db.prepare(
    `INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES (@at, @actor, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prev, hash: entryHash(prev, row) });
}

export function auditForRecord(db: DB, entity: string, entityId: string): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1000')
    .all(entity, entityId) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}

/**
 * Entries redacted by the retention run (trust/redact.ts): id → [original hash, hash of the content
 * as it now stands], from the hash-chained 'geredigeerd' entries; the latest listing wins.
 */
function redactions(db: DB): Map<number, [string, string]> {
  const map = new Map<number, [string, string]>();
  const rows = db.prepare(`SELECT after_json FROM audit_log WHERE entity = 'audit' AND action = 'geredigeerd' ORDER BY id`).all() as { after_json: string | null }[];
  for (const r of rows) {
    try {
      for (const [id, original, current] of (JSON.parse(r.after_json ?? '{}') as { regels?: [number, string, string][] }).regels ?? []) map.set(id, [original, current]);
    } catch {
      // a damaged listing is caught by its own entry's hash below
    }
  }
  return map;
}

/** Walks the whole chain; returns the first entry whose hash or link does not match. */
export function verifyAuditChain(db: DB): { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string } {
  let prev = GENESIS_HASH;
  let n = 0;
  const redacted = redactions(db);
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    n++;
    if (r.prev_hash !== prev) return { ok: false, entries: n, brokenAt: r.id, reason: 'de verwijzing naar de vorige regel klopt niet (een regel is verwijderd of ingevoegd)' };
    const red = redacted.get(r.id);
    if (red) {
      if (r.hash !== red[0] || entryHash(prev, r) !== red[1]) return { ok: false, entries: n, brokenAt: r.id, reason: 'deze geredigeerde regel is na het redigeren gewijzigd' };
    } else if (entryHash(prev, r) !== r.hash) return { ok: false, entries: n, brokenAt: r.id, reason: 'de inhoud van deze regel is gewijzigd' };
    prev = r.hash;
  }
  return { ok: true, entries: n };
}
