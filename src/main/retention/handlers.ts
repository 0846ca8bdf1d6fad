// Handlers for the retention methods of the API contract (src/shared/api/trust.ts).
// Handlers that await (scrypt, the key vault, a worker, VACUUM) are 'steps' writes in the contract:
// the core runs them without its automatic transaction and they open their own with ctx.tx.
import type { Handlers } from '../context/context';
import type { DestroyedCount } from '@shared/api/trust';
import { listCandidates, listHolds, createHold, releaseHold, closeAangifte } from './retention';
import { destroyPeople } from './destroy';

export const retentionHandlers: Handlers<'trust.retention.list' | 'trust.retention.destroy' | 'trust.retention.counts' | 'trust.holds.list' | 'trust.holds.create' | 'trust.holds.release' | 'trust.holds.aangifteAfgerond'> = {
  'trust.retention.list': (input, ctx) => listCandidates(ctx.db, ctx.today(), input.ookNietVerlopen),
  'trust.retention.destroy': async (input, ctx) => destroyPeople(ctx, input),
  'trust.retention.counts': (input, ctx) =>
    ctx.db
      .prepare(
        `SELECT schooljaar, soort, categorie, maatregel, persoon_soort AS persoonSoort, aantal FROM destroyed_count
           WHERE (? IS NULL OR schooljaar = ?) ORDER BY schooljaar, soort, categorie, maatregel, persoon_soort`,
      )
      .all(input.schooljaar ?? null, input.schooljaar ?? null) as DestroyedCount[],
  'trust.holds.list': (input, ctx) => listHolds(ctx.db, input.personId, input.ookOpgeheven),
  'trust.holds.create': (input, ctx) => createHold(ctx, input),
  'trust.holds.release': (input, ctx) => releaseHold(ctx, input),
  'trust.holds.aangifteAfgerond': (input, ctx) => closeAangifte(ctx, input),
};
