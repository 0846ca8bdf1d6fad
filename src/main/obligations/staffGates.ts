// The hard rule for a staff measure, checked before it is written (docs/LAW.md): a schorsing lasts
// at most the maximum of the school's CAO per decision. The CAOs say "in principle", so a recorded
// reason (overrideReden) lets a longer one pass; an extension is a new decision after a new zienswijze
// (rules/personeel.ts). A refusal is a CoreError 'REGEL' naming its source; nothing is written.
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import { getSchool } from '../school/school';
import { bron } from './sources';
import { daysBetween } from '../calendar/terms';
import { caoVoor } from './rules/personeel';

type Input = Parsed<'measures.create'> & { id?: number };

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

export function checkStaffMeasure(ctx: Ctx, m: Input): void {
  if (m.soort !== 'schorsing' || m.status === 'ingetrokken') return;
  if (!filled(m.startdatum) || !filled(m.einddatum) || m.einddatum < m.startdatum) return;
  const { maxDagen, bron: id } = caoVoor(getSchool(ctx.db)?.sector).schorsing;
  const dagen = daysBetween(m.startdatum, m.einddatum) + 1;
  if (dagen <= maxDagen || filled(m.overrideReden)) return;
  const weken = maxDagen / 7;
  throw new CoreError(
    'REGEL',
    `Een schorsing van een medewerker duurt per besluit ten hoogste ${weken} weken (${bron(id).citaat}); deze duurt ${dagen} dagen. Verlengen is een nieuw besluit, na een nieuwe zienswijze. Is langer toch nodig, leg dan de reden vast.`,
    'einddatum',
    { einddatum: `Ten hoogste ${weken} weken per besluit.` },
  );
}
