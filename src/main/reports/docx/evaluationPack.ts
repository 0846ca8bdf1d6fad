// The evaluation pack: one Word document for the meeting with the anti-pestcoördinator, with the
// meeting's details, the agenda, last year's actions (done, late or open) and the yearly report of
// the school year under evaluation. Participants appear by role, and every name the app knows is
// scrubbed from the free texts (no name in an evaluation pack).
import type { Evaluation, EvaluationAction } from '@shared/api/calendar';
import type { YearReport } from '@shared/api/yearReports';
import { dutchLongDate, dutchShortDate } from '@shared/dates';
import { DEELNEMER_ROL_LABEL } from '../../planning/labels';
import type { Scrubber } from '../scrub';
import type { ReviewedAction } from '../actions';
import { yearReportBlocks, packDocument } from './jaarverslag';
import { h1, lines, para, small, subtitle, table, title } from './parts';

/** "Anti-pestcoördinator, Schoolleiding (2), MR". */
export function rolesLine(e: Evaluation): string {
  const counts = new Map<string, number>();
  for (const d of e.deelnemers) counts.set(DEELNEMER_ROL_LABEL[d.rol], (counts.get(DEELNEMER_ROL_LABEL[d.rol]) ?? 0) + 1);
  return [...counts].map(([rol, n]) => (n > 1 ? `${rol} (${n})` : rol)).join(', ');
}

/** An owner who is a participant is shown by role; any other name is scrubbed. */
export function ownerOf(a: EvaluationAction, participants: Evaluation['deelnemers'], scrub: Scrubber): string {
  const p = participants.find((d) => d.naam.trim().toLowerCase() === a.eigenaar.trim().toLowerCase());
  return p ? DEELNEMER_ROL_LABEL[p.rol] : scrub(a.eigenaar);
}

/** "3 van de 5 acties zijn gedaan; 1 staat nog open terwijl de deadline verstreken is." */
export function actionsLine(acties: ReviewedAction[]): string {
  const done = acties.filter((a) => a.status === 'gedaan').length;
  const late = acties.filter((a) => a.status === 'open' && a.teLaat).length;
  const head = `${done} van de ${acties.length} ${acties.length === 1 ? 'actie' : 'acties'} ${done === 1 ? 'is' : 'zijn'} gedaan`;
  return late ? `${head}; ${late} ${late === 1 ? 'staat' : 'staan'} nog open terwijl de deadline verstreken is.` : `${head}.`;
}

export function evaluationPackDocx(
  e: Evaluation,
  acties: ReviewedAction[],
  participantsOf: (evaluationId: number) => Evaluation['deelnemers'],
  report: YearReport,
  scrub: Scrubber,
): Promise<Buffer> {
  const blocks = [
    title('Evaluatie socialemediaprotocol'),
    subtitle(`${report.schoolNaam ? `${report.schoolNaam} — ` : ''}overleg met de anti-pestcoördinator`),
    para(`Datum: ${dutchLongDate(e.datum)}, ${e.tijdStart}–${e.tijdEind} uur${e.locatie ? `, ${scrub(e.locatie)}` : ''}.`),
    para(`Deelnemers: ${rolesLine(e)}.`),
    para(`Besproken schooljaar: ${e.evaluatieSchooljaar}. Het jaarverslag staat achter in dit pakket.`),
    h1('Agenda'),
    ...lines(scrub(e.agenda ?? '')),
    h1('Acties van de vorige evaluatie'),
    ...(acties.length
      ? [
          para(actionsLine(acties)),
          table(
            ['Actie', 'Eigenaar', 'Deadline', 'Afgesproken', 'Stand'],
            acties.map((a) => [
              scrub(a.omschrijving),
              ownerOf(a, participantsOf(a.evaluationId), scrub),
              a.deadline ? dutchShortDate(a.deadline) : '–',
              dutchShortDate(a.evaluatieDatum),
              a.stand,
            ]),
            { widths: [36, 18, 14, 14, 18] },
          ),
        ]
      : [para('Er zijn het afgelopen jaar geen acties afgesproken en er staan geen acties meer open.')]),
    small('Namen zijn in dit pakket weggelaten; een eigenaar die deelnemer is, staat er met zijn of haar rol.'),
    ...yearReportBlocks(report, scrub, { newPage: true }),
  ];
  return packDocument(blocks, `Evaluatie socialemediaprotocol ${dutchShortDate(e.datum)}`, report.schoolNaam);
}
