// After the settings or the school holidays change: recompute every measure and incident that still
// has an open obligation, so open due dates follow the new calendar and new choices. Sources whose
// obligations are all settled are history and stay as they were.
import type { Ctx } from '../context/context';
import { loadEnv, recomputeIncident, recomputeMeasure } from './recompute';

export function recomputeOpen(ctx: Ctx): void {
  const env = loadEnv(ctx);
  const sources = ctx.db.prepare(`SELECT DISTINCT bron, bron_id FROM obligation WHERE status = 'open' ORDER BY bron, bron_id`).all() as {
    bron: 'maatregel' | 'melding';
    bron_id: number;
  }[];
  for (const s of sources) {
    if (s.bron === 'maatregel') recomputeMeasure(ctx, s.bron_id, env);
    else recomputeIncident(ctx, s.bron_id, env);
  }
}
