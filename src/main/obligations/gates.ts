// Hard rules checked before a measure is written (DOMAIN.md §6.1, §6.3, §6.6). A refusal is a
// CoreError 'REGEL' with a Dutch message and the field to correct; nothing is written.
// - A pupil's schorsing (PO/VO/SO/VSO) lasts at most 5 school days. Only in VO and VSO, while the
//   Inspectie is consulted about an intended expulsion, may it last longer, with the reason recorded
//   in overrideReden; in PO and SO the law knows no such exception, so there is no override.
// - A staff schorsing lasts at most 4 weeks per decision (CAO, "in principle": an override reason is accepted).
// - An expulsion cannot be carried out without a receiving school (or, where the school's settings
//   allow it, 8 weeks of documented search).
import type { Ctx } from '../core/context';
import { CoreError } from '../core/errors';
import type { Parsed } from '../../shared/api';
import { getSchool } from '../school/school';
import { dutchShortDate } from '../../shared/dates';
import { schoolCalendar } from './holidays';
import { readComplianceSettings } from './settings';
import { receivingSchool } from './completers';
import { daysBetween, weeksLater } from './terms';
import { PUPIL_SECTORS } from './rules/types';
import { ZOEK_MIJLPAAL_WEKEN } from './rules/verwijdering';

export const MAX_SCHORSING_SCHOOLDAGEN = 5;
export const MAX_SCHORSING_MEDEWERKER_DAGEN = 28;

type Input = Parsed<'measures.create'> & { id?: number };

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

export function checkMeasureGates(ctx: Ctx, m: Input): void {
  if (m.status === 'ingetrokken') return;
  const person = ctx.db.prepare('SELECT soort FROM person WHERE id = ?').get(m.personId) as { soort: string } | undefined;
  if (!person) return; // the measures service reports an unknown person itself
  if (m.soort === 'schorsing' && person.soort === 'leerling') pupilSchorsing(ctx, m);
  if (m.soort === 'schorsing' && person.soort === 'medewerker') staffSchorsing(m);
  if (m.soort === 'verwijdering' && m.status === 'uitgevoerd' && person.soort === 'leerling') expulsionGate(ctx, m);
}

/**
 * §6.1. Also fills what the form left empty, in school days: duurDagen from start and end, or the end
 * date from start and duurDagen (the measures service stores the input as given after this check).
 */
function pupilSchorsing(ctx: Ctx, m: Input): void {
  const school = getSchool(ctx.db);
  if (!school || !PUPIL_SECTORS.includes(school.sector)) return;
  const cal = schoolCalendar(ctx.db);
  const start = filled(m.startdatum) ? m.startdatum : null;
  const eind = filled(m.einddatum) ? m.einddatum : null;
  const geteld = start && eind && eind >= start ? cal.countSchoolDays(start, eind) : null;
  if (geteld !== null && m.duurDagen == null) m.duurDagen = geteld;
  if (start && !eind && m.duurDagen != null) m.einddatum = cal.endOfSchoolDays(start, m.duurDagen);
  const duur = Math.max(m.duurDagen ?? 0, geteld ?? 0);
  if (duur <= MAX_SCHORSING_SCHOOLDAGEN) return;
  const vo = school.sector === 'VO' || school.sector === 'VSO';
  if (vo && filled(m.overrideReden)) return;
  const field = geteld !== null && geteld > MAX_SCHORSING_SCHOOLDAGEN ? 'einddatum' : 'duurDagen';
  const periode = start && eind ? ` (${dutchShortDate(start)} t/m ${dutchShortDate(eind)}; weekenden, feestdagen en vakanties tellen niet mee)` : '';
  const uitzondering = vo
    ? ' Alleen tijdens het overleg met de inspectie over een voorgenomen verwijdering mag het langer: leg dan de reden vast.'
    : ' In het primair en speciaal onderwijs kent de wet geen uitzondering.';
  throw new CoreError(
    'REGEL',
    `Een schorsing duurt ten hoogste ${MAX_SCHORSING_SCHOOLDAGEN} schooldagen; deze telt er ${duur}${periode}.${uitzondering}`,
    field,
    { [field]: `Ten hoogste ${MAX_SCHORSING_SCHOOLDAGEN} schooldagen.` },
  );
}

/** §6.6: at most 4 weeks per decision; an extension is a new decision with a new zienswijze. */
function staffSchorsing(m: Input): void {
  if (!filled(m.startdatum) || !filled(m.einddatum) || m.einddatum < m.startdatum) return;
  const dagen = daysBetween(m.startdatum, m.einddatum) + 1;
  if (dagen <= MAX_SCHORSING_MEDEWERKER_DAGEN || filled(m.overrideReden)) return;
  throw new CoreError(
    'REGEL',
    `Een schorsing van een medewerker duurt per besluit ten hoogste 4 weken; deze duurt ${dagen} dagen. Verlengen is een nieuw besluit, na een nieuwe zienswijze. Is langer toch nodig, leg dan de reden vast.`,
    'einddatum',
    { einddatum: 'Ten hoogste 4 weken per besluit.' },
  );
}

/** §6.3: no final expulsion without a receiving school (or the documented search the settings allow). */
function expulsionGate(ctx: Ctx, m: Input): void {
  const school = getSchool(ctx.db);
  if (!school || !PUPIL_SECTORS.includes(school.sector)) return;
  if (receivingSchool(ctx.db, m.personId)) return;
  const settings = readComplianceSettings(ctx.db);
  if (settings.verwijderingNaGedocumenteerdZoeken) {
    const first = ctx.db
      .prepare('SELECT MIN(s.datum) AS d FROM expulsion_search s JOIN measure x ON x.id = s.measure_id WHERE x.person_id = ?')
      .get(m.personId) as { d: string | null };
    if (first.d && weeksLater(first.d, ZOEK_MIJLPAAL_WEKEN) <= ctx.today()) return;
    throw new CoreError(
      'REGEL',
      `Een verwijdering kan pas worden uitgevoerd als een andere school de leerling toelaat, of na ${ZOEK_MIJLPAAL_WEKEN} weken aantoonbaar zoeken${
        first.d ? ` (de zoektocht loopt sinds ${dutchShortDate(first.d)})` : ' (er is nog geen zoektocht vastgelegd)'
      }. Leg elke benaderde school vast.`,
      'status',
      { status: 'Nog geen ontvangende school.' },
    );
  }
  throw new CoreError(
    'REGEL',
    'Een verwijdering kan pas worden uitgevoerd als een andere school de leerling toelaat. Leg de ontvangende school vast bij "Andere school zoeken".',
    'status',
    { status: 'Nog geen ontvangende school.' },
  );
}
