// Links between a pupil and a parent/guardian: who has parental authority and who receives letters.
import type { Ctx } from '../core/context';
import { CoreError, fieldError } from '../core/errors';
import type { Parsed } from '../../shared/api';
import type { Person } from '../../shared/api/people';
import { getPerson, requirePersonRow } from './people';

export function linkGuardian(ctx: Ctx, input: Parsed<'people.linkGuardian'>): Person {
  const leerling = requirePersonRow(ctx.db, input.leerlingId, 'leerlingId');
  const ouder = requirePersonRow(ctx.db, input.ouderId, 'ouderId');
  if (leerling.soort !== 'leerling') throw fieldError('leerlingId', 'Een ouder/verzorger kan alleen aan een leerling worden gekoppeld.');
  if (ouder.soort !== 'ouder') throw fieldError('ouderId', 'Kies een ouder/verzorger om te koppelen.');
  const before = getPerson(ctx.db, leerling.id);
  ctx.db
    .prepare(
      `INSERT INTO guardian_link (leerling_id, ouder_id, relatie, gezag, ontvangt_post) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(leerling_id, ouder_id) DO UPDATE SET relatie = excluded.relatie, gezag = excluded.gezag, ontvangt_post = excluded.ontvangt_post`,
    )
    .run(leerling.id, ouder.id, input.relatie ?? null, input.gezag ? 1 : 0, input.ontvangtPost ? 1 : 0);
  const after = getPerson(ctx.db, leerling.id);
  ctx.audit('persoon', leerling.id, 'ouder_gekoppeld', before, after);
  return after;
}

export function unlinkGuardian(ctx: Ctx, input: Parsed<'people.unlinkGuardian'>): Person {
  requirePersonRow(ctx.db, input.leerlingId, 'leerlingId');
  const before = getPerson(ctx.db, input.leerlingId);
  const info = ctx.db.prepare('DELETE FROM guardian_link WHERE leerling_id = ? AND ouder_id = ?').run(input.leerlingId, input.ouderId);
  if (info.changes === 0) throw new CoreError('NIET_GEVONDEN', 'Deze ouder/verzorger is niet aan deze leerling gekoppeld.', 'ouderId');
  const after = getPerson(ctx.db, input.leerlingId);
  ctx.audit('persoon', input.leerlingId, 'ouder_ontkoppeld', before, after);
  return after;
}
