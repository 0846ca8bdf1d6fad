// Hard rules checked before a measure is written (docs/LAW.md). A refusal is a CoreError 'REGEL'
// with a Dutch message and the field to correct; nothing is written.
// - A schorsing of a pupil or student has its dates and lasts at most a week, counted as 5 school days.
//   Only in VO may it last longer, and only while an intended expulsion of the same pupil is open and
//   the consultation with the Inspectie is recorded; PO, (V)SO and MBO know no exception.
// - A staff schorsing: the CAO's maximum per decision (staffGates.ts).
// - An expulsion is decided only after every hearing (and in VO/VSO the consultation of the
//   Inspectie) is recorded, and carried out only once another school admits the pupil.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import { getSchool } from '../school/school';
import { dutchShortDate } from '@shared/dates';
import type { Sector } from '@shared/domain';
import { schoolCalendar } from '../calendar/holidays';
import { receivingSchool } from './completers';
import { checkStaffMeasure } from './staffGates';
import { minderjarigOp } from './rules/types';
import { sectorRecht } from './rules/sectorRecht';

export const MAX_SCHORSING_SCHOOLDAGEN = 5;

type Input = Parsed<'measures.create'> & { id?: number };

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim().length > 0;
const decided = (m: Input) => m.status === 'besloten' || m.status === 'uitgevoerd';

export function checkMeasureGates(ctx: Ctx, m: Input): void {
  if (m.status === 'ingetrokken') return;
  const person = ctx.db.prepare('SELECT soort, geboortedatum FROM person WHERE id = ?').get(m.personId) as
    { soort: string; geboortedatum: string | null } | undefined;
  if (!person) return; // the measures service reports an unknown person itself
  if (m.soort === 'schorsing' && person.soort === 'leerling') pupilSchorsing(ctx, m);
  if (m.soort === 'schorsing' && person.soort === 'medewerker') checkStaffMeasure(ctx, m);
  if (m.soort === 'verwijdering' && decided(m) && person.soort === 'leerling') expulsionGate(ctx, m, person.geboortedatum);
}

/**
 * Also fills what the form left empty, in school days: duurDagen from start and end, or the end date
 * from start and duurDagen (the measures service stores the input as given after this check).
 */
function pupilSchorsing(ctx: Ctx, m: Input): void {
  const school = getSchool(ctx.db);
  if (!school) return;
  const cal = schoolCalendar(ctx.db);
  const start = filled(m.startdatum) ? m.startdatum : null;
  const eind = filled(m.einddatum) ? m.einddatum : null;
  if (decided(m) && (!start || (!eind && m.duurDagen == null))) {
    // Without dates neither the week's limit nor the notice to the Inspectie can be checked.
    const field = start ? 'einddatum' : 'startdatum';
    throw new CoreError(
      'REGEL',
      'Vul de begin- en einddatum van de schorsing in: de wettelijke grens van een week en de melding aan de Inspectie hangen ervan af.',
      field,
      {
        [field]: 'Vul de datum in.',
      },
    );
  }
  const geteld = start && eind && eind >= start ? cal.countSchoolDays(start, eind) : null;
  if (geteld !== null && m.duurDagen == null) m.duurDagen = geteld;
  if (start && !eind && m.duurDagen != null) m.einddatum = cal.endOfSchoolDays(start, m.duurDagen);
  const duur = Math.max(m.duurDagen ?? 0, geteld ?? 0);
  if (duur <= MAX_SCHORSING_SCHOOLDAGEN) return;
  const recht = sectorRecht(school.sector);
  const field = geteld !== null && geteld > MAX_SCHORSING_SCHOOLDAGEN ? 'einddatum' : 'duurDagen';
  const periode =
    start && eind ? ` (${dutchShortDate(start)} t/m ${dutchShortDate(eind)}; weekenden, feestdagen en vakanties tellen niet mee)` : '';
  const basis = `Een schorsing duurt ten hoogste een week (${MAX_SCHORSING_SCHOOLDAGEN} schooldagen); deze telt er ${duur}${periode}.`;
  if (!recht.langereSchorsingTijdensOverleg) {
    throw new CoreError('REGEL', `${basis} De wet kent in het ${sectorNaam(school.sector)} geen uitzondering.`, field, {
      [field]: `Ten hoogste ${MAX_SCHORSING_SCHOOLDAGEN} schooldagen.`,
    });
  }
  const missing = longerSchorsingMissing(ctx, m.personId);
  if (missing.length) {
    throw new CoreError(
      'REGEL',
      `${basis} Langer mag alleen zolang het overleg met de Inspectie over een voorgenomen verwijdering van deze leerling loopt. Nog niet vastgelegd: ${missing.join(' en ')}.`,
      field,
      { [field]: `Ten hoogste ${MAX_SCHORSING_SCHOOLDAGEN} schooldagen.` },
    );
  }
}

const sectorNaam = (s: Sector) =>
  ({ PO: 'primair onderwijs', SO: 'speciaal onderwijs', VSO: 'voortgezet speciaal onderwijs', VO: 'voortgezet onderwijs', MBO: 'mbo' })[s];

/** What is missing for a VO schorsing beyond a week: an open intended expulsion and the recorded consultation. */
function longerSchorsingMissing(ctx: Ctx, personId: number): string[] {
  const open = ctx.db
    .prepare(
      `SELECT 1 FROM measure WHERE person_id = ? AND status <> 'ingetrokken'
          AND (soort = 'voornemen_verwijdering' OR (soort = 'verwijdering' AND status = 'voorgenomen'))
          AND NOT EXISTS (SELECT 1 FROM measure d WHERE d.person_id = measure.person_id AND d.soort = 'verwijdering' AND d.status IN ('besloten','uitgevoerd'))`,
    )
    .get(personId);
  const missing: string[] = [];
  if (!open) missing.push('een lopend voornemen tot verwijdering');
  if (!consultationRecorded(ctx, personId)) missing.push('het overleg met de Inspectie');
  return missing;
}

/**
 * The consultation of the Inspectie about this pupil's expulsion: the day its step was done, or of
 * the first report of kind 'consultatie'; null when neither is recorded. The letters state this date.
 */
export function inspectieConsultation(db: DB, personId: number): string | null {
  const r = db
    .prepare(
      `SELECT min(datum) AS datum FROM (
         SELECT o.gedaan_op AS datum FROM obligation o JOIN measure m ON m.id = o.measure_id
          WHERE m.person_id = @p AND m.status <> 'ingetrokken' AND o.regel = 'verwijdering.overleg_inspectie' AND o.status = 'gedaan'
         UNION ALL
         SELECT datum FROM external_report WHERE person_id = @p AND instantie = 'inspectie' AND soort = 'consultatie')`,
    )
    .get({ p: personId }) as { datum: string | null };
  return r.datum;
}

function consultationRecorded(ctx: Pick<Ctx, 'db'>, personId: number): boolean {
  return inspectieConsultation(ctx.db, personId) !== null;
}

/**
 * The steps an expulsion decision of this pupil on `besluitDatum` still lacks: the hearings (a refused
 * or unanswered invitation counts) and, in VO/VSO, the consultation of the Inspectie. Also used by the
 * letters, so a decision letter cannot be made final while one is open.
 */
export function expulsionMissing(
  ctx: Pick<Ctx, 'db'>,
  sector: Sector,
  personId: number,
  besluitDatum: string,
  geboortedatum: string | null,
): string[] {
  const recht = sectorRecht(sector);
  const heard = new Set(
    (
      ctx.db
        .prepare(
          `SELECT DISTINCT h.gehoord FROM hearing h JOIN measure x ON x.id = h.measure_id
            WHERE x.person_id = ? AND x.soort IN ('voornemen_verwijdering','verwijdering') AND x.status <> 'ingetrokken' AND h.datum <= ?`,
        )
        .all(personId, besluitDatum) as { gehoord: string }[]
    ).map((r) => r.gehoord),
  );
  const missing: string[] = [];
  const wie = recht.persoon === 'student' ? 'de student' : 'de leerling';
  if (!heard.has('leerling')) missing.push(`het hoorgesprek met ${wie}`);
  if (minderjarigOp(geboortedatum, besluitDatum) !== false && !heard.has('ouders')) missing.push('het hoorgesprek met de ouders');
  if (recht.persoon === 'leerling' && !heard.has('docent'))
    missing.push(sector === 'PO' || sector === 'SO' ? 'het hoorgesprek met de groepsleraar' : 'het hoorgesprek met de betrokken leraar');
  if (recht.overlegInspectie && !consultationRecorded(ctx, personId)) missing.push('het overleg met de Inspectie');
  return missing;
}

/** The hearings and the consultation before the decision; a receiving school before it is carried out. */
function expulsionGate(ctx: Ctx, m: Input, geboortedatum: string | null): void {
  const school = getSchool(ctx.db);
  if (!school) return;
  const recht = sectorRecht(school.sector);
  const missing = expulsionMissing(ctx, school.sector, m.personId, m.besluitDatum, geboortedatum);
  if (missing.length) {
    throw new CoreError(
      'REGEL',
      `Een verwijdering kan pas worden besloten als vóór ${dutchShortDate(m.besluitDatum)} is vastgelegd: ${missing.join(', ')}. Leg de maatregel eerst vast als voornemen, leg daarbij de hoorgesprekken vast (ook een geweigerde of onbeantwoorde uitnodiging telt) en zet de status daarna op besloten.`,
      'status',
      { status: 'Eerst horen.' },
    );
  }
  if (m.status !== 'uitgevoerd' || !recht.andereSchool) return;
  if (receivingSchool(ctx.db, m.personId)) return;
  throw new CoreError(
    'REGEL',
    'Een verwijdering kan pas worden uitgevoerd als een andere school de leerling toelaat; de wet kent geen uitweg na een aantal weken zoeken. Leg de ontvangende school vast bij "Andere school zoeken".',
    'status',
    { status: 'Nog geen ontvangende school.' },
  );
}
