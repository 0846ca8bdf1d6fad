// Links between a pupil and a parent/guardian: who has parental authority and who receives letters.
import type { Ctx } from '../context/context';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { Person } from '@shared/api/people';
import { getPerson, requirePersonRow } from './people';

export function linkGuardian(ctx: Ctx, input: Parsed<'people.linkGuardian'>): Person {
  const leerling = requirePersonRow(ctx.db, input.leerlingId, 'leerlingId');
  const ouder = requirePersonRow(ctx.db, input.ouderId, 'ouderId');
  if (leerling.soort !== 'leerling') throw fieldError('leerlingId', 'Een ouder/verzorger kan alleen aan een leerling worden gekoppeld.');
  if (ouder.soort !== 'ouder') throw fieldError('ouderId', 'Kies een ouder/verzorger om te koppelen.');
  const before = getPerson(ctx.db, leerling.id);
  // Consent keeps the date it was first recorded (AVG art. 7 lid 1: the school must be able to show it);
  // false withdraws it; left out, it stays as it is.
  const oud = ctx.db.prepare('SELECT toestemming_afschrift_op AS op FROM guardian_link WHERE leerling_id = ? AND ouder_id = ?').get(leerling.id, ouder.id) as
    | { op: string | null }
    | undefined;
  const toestemming = input.toestemmingAfschrift === false ? null : (oud?.op ?? (input.toestemmingAfschrift ? ctx.today() : null));
  ctx.db
    .prepare(
      `INSERT INTO guardian_link (leerling_id, ouder_id, relatie, gezag, ontvangt_post, toestemming_afschrift_op) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(leerling_id, ouder_id) DO UPDATE SET relatie = excluded.relatie, gezag = excluded.gezag, ontvangt_post = excluded.ontvangt_post,
         toestemming_afschrift_op = excluded.toestemming_afschrift_op`,
    )
    .run(leerling.id, ouder.id, input.relatie ?? null, input.gezag ? 1 : 0, input.ontvangtPost ? 1 : 0, toestemming);
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
