// Fills the English title (migration 019) of obligations stored before the rules wrote one. Run by the
// core at start while rows without it exist (a partial index makes that check free once all are done).
// A row gets the English title only when the rules, run on today's facts, still write its stored Dutch
// title word for word: the English then states the same facts and dates. Otherwise it gets '' (no
// English) and the app shows its Dutch title: a settled task whose facts have changed since keeps its
// title as it was, and an open one gets both titles at its next recompute (any change to its measure
// or incident, the settings or the holidays). Nothing else changes: no status, no Dutch text, no
// updated_at, and no audit entry (a translation of a title, not a change to the record).
import type { Ctx } from '../context/context';
import { incidentSpecs, loadEnv, measureSpecs } from './recompute';
import { key } from './rules/types';

export interface TitleBackfill {
  aangevuld: number;
  zonderEngels: number;
}

export function fillEnglishTitles(ctx: Ctx): TitleBackfill | null {
  if (!ctx.db.prepare('SELECT 1 FROM obligation WHERE titel_en IS NULL LIMIT 1').get()) return null;
  return ctx.db
    .transaction((): TitleBackfill => {
      const env = loadEnv(ctx);
      const out: TitleBackfill = { aangevuld: 0, zonderEngels: 0 };
      const sources = ctx.db
        .prepare('SELECT DISTINCT bron, bron_id FROM obligation WHERE titel_en IS NULL ORDER BY bron, bron_id')
        .all() as {
        bron: 'maatregel' | 'melding';
        bron_id: number;
      }[];
      const set = ctx.db.prepare('UPDATE obligation SET titel_en = ? WHERE id = ?');
      for (const s of sources) {
        const r = s.bron === 'maatregel' ? measureSpecs(ctx, s.bron_id, env) : incidentSpecs(ctx, s.bron_id, env);
        if (!r) {
          // Its measure or incident is gone: nothing to compute from.
          const n = ctx.db
            .prepare(`UPDATE obligation SET titel_en = '' WHERE bron = ? AND bron_id = ? AND titel_en IS NULL`)
            .run(s.bron, s.bron_id);
          out.zonderEngels += n.changes;
          continue;
        }
        const byKey = new Map(r.specs.map((sp) => [key(sp.regel, sp.sleutel), sp]));
        for (const row of r.rows) {
          if (row.titel_en !== null) continue;
          const sp = byKey.get(key(row.regel, row.sleutel));
          const en = sp && sp.titel === row.titel ? sp.titelEn : '';
          set.run(en, row.id);
          if (en) out.aangevuld++;
          else out.zonderEngels++;
        }
      }
      return out;
    })
    .immediate();
}
