// Incident categories: the standard ones and the school's own. Standard categories
// can be switched off but never removed, so old incidents keep their category.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { Category } from '@shared/api/protocols';
import { fold } from '../people/names';

interface CategoryRow {
  code: string;
  label: string;
  standaard: number;
  actief: number;
}

const toCategory = (r: CategoryRow): Category => ({ code: r.code, label: r.label, standaard: r.standaard === 1, actief: r.actief === 1 });

export function listCategories(db: DB): Category[] {
  return (db.prepare('SELECT * FROM category ORDER BY volgorde, label COLLATE NOCASE').all() as CategoryRow[]).map(toCategory);
}

export function categoryRow(db: DB, code: string): Category | null {
  const r = db.prepare('SELECT * FROM category WHERE code = ?').get(code) as CategoryRow | undefined;
  return r ? toCategory(r) : null;
}

/** A code from a label: "Sexting via AirDrop" → "sexting_via_airdrop", made unique. */
function codeFor(db: DB, label: string): string {
  let base = fold(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 36);
  if (base.length < 2) base = 'eigen';
  let code = base;
  for (let n = 2; categoryRow(db, code); n++) code = `${base}_${n}`;
  return code;
}

export function saveCategory(ctx: Ctx, input: Parsed<'categories.save'>): Category {
  const db = ctx.db;
  const duplicate = db.prepare('SELECT code FROM category WHERE lower(label) = lower(?) AND code IS NOT ?').get(input.label, input.code ?? null) as
    | { code: string }
    | undefined;
  if (duplicate) throw new CoreError('CONFLICT', 'Er is al een categorie met deze naam.', 'label', { label: 'Er is al een categorie met deze naam.' });
  const before = input.code ? categoryRow(db, input.code) : null;
  if (before) {
    db.prepare('UPDATE category SET label = ?, actief = ? WHERE code = ?').run(input.label, input.actief ? 1 : 0, before.code);
    const after = categoryRow(db, before.code)!;
    ctx.audit('categorie', before.code, 'gewijzigd', before, after);
    return after;
  }
  const code = input.code ?? codeFor(db, input.label);
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(code)) throw fieldError('code', 'Gebruik kleine letters, cijfers en _.');
  const volgorde = (db.prepare('SELECT max(volgorde) AS m FROM category WHERE volgorde < 99').get() as { m: number | null }).m ?? 0;
  db.prepare('INSERT INTO category (code, label, standaard, actief, volgorde) VALUES (?, ?, 0, ?, ?)').run(code, input.label, input.actief ? 1 : 0, volgorde + 1);
  const after = categoryRow(db, code)!;
  ctx.audit('categorie', code, 'aangemaakt', null, after);
  return after;
}
