// Saved column mappings: a source is a name plus the header signature of its export, so next time
// the same layout is mapped without asking. Each save and removal is audited.
import { createHash } from 'node:crypto';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import type { ImportSource, RosterSoort, RosterVeld } from '@shared/api/imports';
import { headerKey } from './roster/fields';

interface SourceRow {
  id: number;
  naam: string;
  soort: RosterSoort;
  handtekening: string;
  kolommen: string;
  koppeling: string;
  created_at: string;
  updated_at: string;
}

/** The same headers in the same order give the same signature (case, spaces and accents aside). */
export const headerSignature = (headers: string[]): string =>
  createHash('sha256').update(headers.map(headerKey).join('|')).digest('hex').slice(0, 16);

const toSource = (r: SourceRow): ImportSource => ({
  id: r.id,
  naam: r.naam,
  soort: r.soort,
  kolommen: JSON.parse(r.kolommen) as string[],
  koppeling: JSON.parse(r.koppeling) as (RosterVeld | null)[],
  updatedAt: r.updated_at,
});

export function listSources(db: DB): ImportSource[] {
  return (db.prepare('SELECT * FROM import_bron ORDER BY naam COLLATE NOCASE, updated_at DESC').all() as SourceRow[]).map(toSource);
}

/** Saved sources with this signature and kind, the most recently used first. */
export function sourcesFor(db: DB, handtekening: string, soort: RosterSoort): ImportSource[] {
  return (
    db
      .prepare('SELECT * FROM import_bron WHERE handtekening = ? AND soort = ? ORDER BY updated_at DESC, id DESC')
      .all(handtekening, soort) as SourceRow[]
  ).map(toSource);
}

/** The saved source to use: the one with this name, else the most recently used one. */
export function pickSource(db: DB, handtekening: string, soort: RosterSoort, naam: string | null | undefined): ImportSource | null {
  const all = sourcesFor(db, handtekening, soort);
  if (naam) return all.find((s) => s.naam.toLowerCase() === naam.toLowerCase()) ?? null;
  return all[0] ?? null;
}

/** Saves (or updates) a source's mapping; writes nothing when it is unchanged. */
export function saveSource(ctx: Ctx, naam: string, soort: RosterSoort, kolommen: string[], koppeling: (RosterVeld | null)[]): number {
  const handtekening = headerSignature(kolommen);
  const row = ctx.db.prepare('SELECT * FROM import_bron WHERE naam = ? AND handtekening = ?').get(naam, handtekening) as
    SourceRow | undefined;
  const now = ctx.nowIso();
  if (row) {
    const before = toSource(row);
    if (row.soort === soort && row.koppeling === JSON.stringify(koppeling)) return row.id;
    ctx.db
      .prepare('UPDATE import_bron SET soort = ?, kolommen = ?, koppeling = ?, updated_at = ? WHERE id = ?')
      .run(soort, JSON.stringify(kolommen), JSON.stringify(koppeling), now, row.id);
    ctx.audit(
      'importbron',
      row.id,
      'gewijzigd',
      before,
      toSource(ctx.db.prepare('SELECT * FROM import_bron WHERE id = ?').get(row.id) as SourceRow),
    );
    return row.id;
  }
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO import_bron (naam, soort, handtekening, kolommen, koppeling, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(naam, soort, handtekening, JSON.stringify(kolommen), JSON.stringify(koppeling), now, now).lastInsertRowid,
  );
  ctx.audit('importbron', id, 'aangemaakt', null, toSource(ctx.db.prepare('SELECT * FROM import_bron WHERE id = ?').get(id) as SourceRow));
  return id;
}

export function deleteSource(ctx: Ctx, id: number): { id: number } {
  const row = ctx.db.prepare('SELECT * FROM import_bron WHERE id = ?').get(id) as SourceRow | undefined;
  if (!row) throw notFound('Deze opgeslagen koppeling');
  ctx.db.prepare('DELETE FROM import_bron WHERE id = ?').run(id);
  ctx.audit('importbron', id, 'verwijderd', toSource(row), null);
  return { id };
}
