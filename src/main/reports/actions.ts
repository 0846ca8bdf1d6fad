// The actions the evaluation pack looks back on: everything agreed at the evaluations of the year
// before this meeting, done or not, and any older action still open. Each with where it stands:
// done (on time or after its deadline), open past its deadline, or open.
import type { DB } from '../db/open';
import type { Evaluation, EvaluationAction } from '@shared/api/calendar';
import { dutchShortDate } from '@shared/dates';
import { getEvaluation, listEvaluations, openActions } from '../planning/evaluations';

export interface ReviewedAction extends EvaluationAction {
  /** "Gedaan op 03-02-2026", "Gedaan op …, na de deadline", "Te laat: deadline verstreken", "Open". */
  stand: string;
  teLaat: boolean;
}

const yearBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;

function standOf(a: EvaluationAction, today: string): { stand: string; teLaat: boolean } {
  if (a.status === 'gedaan') {
    const late = !!(a.deadline && a.gedaanOp && a.gedaanOp > a.deadline);
    return { stand: `Gedaan${a.gedaanOp ? ` op ${dutchShortDate(a.gedaanOp)}` : ''}${late ? ', na de deadline' : ''}`, teLaat: late };
  }
  if (a.deadline && a.deadline < today) return { stand: 'Te laat: deadline verstreken', teLaat: true };
  return { stand: 'Open', teLaat: false };
}

export function lastYearsActions(db: DB, e: Evaluation, today: string): ReviewedAction[] {
  const from = yearBefore(e.datum);
  const earlier = listEvaluations(db).filter((x) => x.id !== e.id && x.datum < e.datum && x.datum >= from);
  const agreed = earlier.flatMap((x) => getEvaluation(db, x.id).acties.map((a) => ({ ...a, evaluatieDatum: x.datum })));
  const older = openActions(db).filter((a) => a.evaluatieDatum < from);
  return [...older, ...agreed]
    .sort((a, b) => a.evaluatieDatum.localeCompare(b.evaluatieDatum) || a.id - b.id)
    .map((a) => ({ ...a, ...standOf(a, today) }));
}
