// Redacting personal data from earlier audit entries when records are destroyed. The audit trail keeps before/after JSON of every change, so it holds the very names the
// retention run must remove. We redact those entries IN PLACE and keep the chain verifiable:
//   - entries about a destroyed record lose their before/after JSON entirely;
//   - entries about records that were connected to it (an incident that lives on) have the
//     person's name parts replaced by "[verwijderd]";
//   - any other entry that quotes the person's full name has that name replaced.
// The `hash` column of a redacted entry is left as it was, so the next entry's link still holds.
// One new entry (entity 'audit', action 'geredigeerd') lists for each redacted entry its id, its
// original hash and the hash of its content as it now stands; verifyAuditChain accepts a redacted
// entry only when both match that (itself hash-chained and HMAC-anchored) list and its content is
// what a redaction leaves (no JSON, or the '[verwijderd]' marker). So a redaction is visible and
// explained, and any later change to a redacted entry still breaks the chain. The entry's HMAC is
// over its original hash, which stays, so it still holds (audit/anchor.ts).
import type { DB } from '../db/open';
import { entryHash, writeAudit } from '../audit/audit';
import type { AuditRow } from '../audit/audit';
import { scrubJson } from './scrub';

type Row = Omit<AuditRow, 'hmac'>;

export interface RedactionRequest {
  /** Entries about these records lose their JSON: "entity:id". */
  destroyed: Set<string>;
  /** Entries about these records get name parts scrubbed: "entity:id". */
  connected: Set<string>;
  fullName: RegExp | null;
  tokens: RegExp | null;
  /** Cheap pre-filter: lower-case surnames; entries containing none are skipped. */
  surnames: string[];
  at: string;
  actor: string;
  reden: string;
}

export function redactAudit(db: DB, req: RedactionRequest): number {
  const changed: [number, string, string][] = [];
  const update = db.prepare('UPDATE audit_log SET before_json = ?, after_json = ? WHERE id = ?');
  const rows = db
    .prepare(`SELECT * FROM audit_log WHERE NOT (entity = 'audit' AND action = 'geredigeerd') ORDER BY id`)
    .iterate() as IterableIterator<Row>;
  const pending: Row[] = [];
  for (const r of rows) {
    const key = `${r.entity}:${r.entity_id ?? ''}`;
    let before = r.before_json;
    let after = r.after_json;
    if (req.destroyed.has(key)) {
      before = null;
      after = null;
    } else if (req.connected.has(key)) {
      before = scrubJson(before, req.tokens);
      after = scrubJson(after, req.tokens);
    } else {
      const hay = `${before ?? ''}${after ?? ''}`.toLowerCase();
      if (!req.surnames.some((s) => hay.includes(s))) continue;
      before = scrubJson(before, req.fullName);
      after = scrubJson(after, req.fullName);
    }
    if (before === r.before_json && after === r.after_json) continue;
    pending.push({ ...r, before_json: before, after_json: after });
  }
  for (const r of pending) {
    update.run(r.before_json, r.after_json, r.id);
    changed.push([r.id, r.hash, entryHash(r.prev_hash, r)]);
  }
  if (changed.length) {
    writeAudit(db, {
      at: req.at,
      actor: req.actor,
      entity: 'audit',
      entityId: null,
      action: 'geredigeerd',
      before: null,
      after: { reden: req.reden, regels: changed },
    });
  }
  return changed.length;
}
