// Deleting records together with everything that hangs on them, following the foreign keys the
// schema declares (so tables added by later migrations — obligations, letters — are covered without
// this file knowing them). A row that cannot exist without the deleted one (NOT NULL reference, ON
// DELETE CASCADE, or a table that may not be updated, such as final letters) is deleted too; a row
// that merely points at it (a nullable reference) keeps living with the reference cleared.
// Files named by deleted rows are collected, to be removed once the transaction has committed.
import type { DB } from '../db/open';
import type { FileArea } from '../files/fileStore';

interface ForeignKey {
  child: string;
  from: string;
  to: string | null;
  notNull: boolean;
  cascade: boolean;
}

/** Tables whose rows name a file in the FileStore. */
const FILE_COLUMNS: Record<string, { column: string; area: FileArea }> = {
  evidence: { column: 'opslagnaam', area: 'bewijs' },
  letter: { column: 'opslagnaam', area: 'brieven' },
};

/** The audit trail's name for a table's records, where it has one. */
export const AUDIT_ENTITY: Record<string, string> = {
  person: 'persoon',
  incident: 'melding',
  measure: 'maatregel',
  external_report: 'externe_melding',
  evidence: 'bewijs',
  letter: 'brief',
  letter_concept: 'briefconcept',
  access_request: 'inzageverzoek',
  legal_hold: 'bewaarblokkade',
  obligation: 'verplichting',
  hearing: 'hoorgesprek',
  expulsion_search: 'zoektocht_school',
  measure_dispute: 'geschil',
  measure_objection: 'bezwaar',
  incident_zeden: 'melding_zeden',
};

export interface PurgeLog {
  /** Deleted row ids per table. */
  deleted: Map<string, Set<number>>;
  /** Rows kept with a reference cleared, per table (their texts may need scrubbing). */
  cleared: Map<string, Set<number>>;
  files: { area: FileArea; opslagnaam: string }[];
}

export const newPurgeLog = (): PurgeLog => ({ deleted: new Map(), cleared: new Map(), files: [] });

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

function foreignKeys(db: DB): Map<string, ForeignKey[]> {
  const byParent = new Map<string, ForeignKey[]>();
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
  for (const { name } of tables) {
    let fks: { table: string; from: string; to: string | null; on_delete: string }[];
    try {
      fks = db.pragma(`foreign_key_list(${ident(name)})`) as typeof fks;
    } catch {
      continue; // virtual tables
    }
    if (!fks.length) continue;
    const cols = new Map(
      (db.pragma(`table_info(${ident(name)})`) as { name: string; notnull: number; pk: number }[]).map((c) => [c.name, c]),
    );
    for (const fk of fks) {
      const col = cols.get(fk.from);
      const list = byParent.get(fk.table) ?? [];
      list.push({
        child: name,
        from: fk.from,
        to: fk.to,
        notNull: !!col && (col.notnull === 1 || col.pk > 0),
        cascade: fk.on_delete === 'CASCADE',
      });
      byParent.set(fk.table, list);
    }
  }
  return byParent;
}

/** Tables with a BEFORE UPDATE trigger that refuses changes (final letters): never updated, only deleted. */
function immutableTables(db: DB): Set<string> {
  const rows = db.prepare(`SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
    tbl_name: string;
    sql: string | null;
  }[];
  return new Set(
    rows.filter((r) => /BEFORE\s+UPDATE/i.test(r.sql ?? '') && /RAISE\s*\(\s*ABORT/i.test(r.sql ?? '')).map((r) => r.tbl_name),
  );
}

const CHUNK = 500;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

export interface Purger {
  purge(table: string, ids: number[]): void;
  log: PurgeLog;
}

/**
 * A purger for one transaction. `beforeDelete` sees each batch of rows before it goes (to count
 * incidents and measures for the anonymous yearly figures).
 */
export function makePurger(db: DB, beforeDelete?: (table: string, ids: number[]) => void): Purger {
  const fks = foreignKeys(db);
  const immutable = immutableTables(db);
  const log = newPurgeLog();
  const mark = (m: Map<string, Set<number>>, t: string, ids: number[]) => {
    const s = m.get(t) ?? new Set<number>();
    ids.forEach((i) => s.add(i));
    m.set(t, s);
  };

  function purge(table: string, ids: number[]): void {
    const done = log.deleted.get(table);
    const todo = [...new Set(ids)].filter((i) => !done?.has(i));
    if (!todo.length) return;
    mark(log.deleted, table, todo); // before recursing: cycles (letter → letter) end here
    for (const batch of chunks(todo)) {
      const marks = batch.map(() => '?').join(',');
      for (const fk of fks.get(table) ?? []) {
        const parentCol = fk.to ?? 'rowid';
        const childIds = (
          db
            .prepare(
              `SELECT c.rowid AS id FROM ${ident(fk.child)} c WHERE c.${ident(fk.from)} IN (SELECT ${ident(parentCol)} FROM ${ident(table)} WHERE rowid IN (${marks}))`,
            )
            .all(...batch) as { id: number }[]
        ).map((r) => r.id);
        if (!childIds.length) continue;
        if (fk.notNull || fk.cascade || immutable.has(fk.child)) purge(fk.child, childIds);
        else {
          for (const c of chunks(childIds)) {
            db.prepare(`UPDATE ${ident(fk.child)} SET ${ident(fk.from)} = NULL WHERE rowid IN (${c.map(() => '?').join(',')})`).run(...c);
          }
          mark(log.cleared, fk.child, childIds);
        }
      }
      const fc = FILE_COLUMNS[table];
      if (fc) {
        const names = db
          .prepare(`SELECT ${ident(fc.column)} AS n FROM ${ident(table)} WHERE rowid IN (${marks}) AND ${ident(fc.column)} IS NOT NULL`)
          .all(...batch) as { n: string }[];
        for (const { n } of names) log.files.push({ area: fc.area, opslagnaam: n });
      }
      beforeDelete?.(table, batch);
      db.prepare(`DELETE FROM ${ident(table)} WHERE rowid IN (${marks})`).run(...batch);
    }
  }
  return { purge, log };
}
