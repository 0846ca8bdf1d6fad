// The evaluation pack: one Word document for the meeting with the anti-pestcoördinator, with the
// meeting's details, the agenda, the open actions of earlier evaluations and the yearly report of
// the school year under evaluation. Participants appear by role, and every name the app knows is
// scrubbed from the free texts (DOMAIN.md §9: no name in an evaluation pack).
import type { Evaluation, EvaluationAction } from '../../../shared/api/calendar';
import type { YearReport } from '../../../shared/api/yearReports';
import { dutchLongDate, dutchShortDate } from '../../../shared/dates';
import { DEELNEMER_ROL_LABEL } from '../../calendar/labels';
import type { Scrubber } from '../scrub';
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

export function evaluationPackDocx(
  e: Evaluation,
  acties: EvaluationAction[],
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
    h1('Openstaande acties'),
    ...(acties.length
      ? [
          table(
            ['Actie', 'Eigenaar', 'Deadline', 'Afgesproken op'],
            acties.map((a) => [
              scrub(a.omschrijving),
              ownerOf(a, participantsOf(a.evaluationId), scrub),
              a.deadline ? dutchShortDate(a.deadline) : '–',
              dutchShortDate(a.evaluatieDatum),
            ]),
            { widths: [50, 20, 15, 15] },
          ),
        ]
      : [para('Er staan geen acties meer open.')]),
    small('Namen zijn in dit pakket weggelaten; een eigenaar die deelnemer is, staat er met zijn of haar rol.'),
    ...yearReportBlocks(report, scrub, { newPage: true }),
  ];
  return packDocument(blocks, `Evaluatie socialemediaprotocol ${dutchShortDate(e.datum)}`, report.schoolNaam);
}
