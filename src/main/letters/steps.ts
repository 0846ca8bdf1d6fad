// What the record says about the legal steps of a pupil's measure (its obligations), as the
// conditions of the letters' sections: a step is told in the past tense only once it is recorded as
// done, in the future tense while it is open, and not at all when it does not apply.
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import { expulsionMissing } from '../obligations/gates';
import type { LetterFacts } from './facts';
import type { Condition } from './kinds';

type StepState = { gedaanOp: string } | 'open' | null;

/** The state of a legal step of this measure: its date when done, 'open' while it is to be done, null when it does not apply. */
function stepState(f: LetterFacts, regel: string, applies: boolean): StepState {
  const st = f.steps.filter((x) => x.regel === regel);
  if (st.some((x) => x.status === 'nvt')) return null;
  const gedaan = st.find((x) => x.status === 'gedaan');
  if (gedaan) return { gedaanOp: gedaan.gedaanOp ?? f.today };
  return st.length > 0 || applies ? 'open' : null;
}

/** The notices of this measure: to the Inspectie and to the leerplichtambtenaar, each as recorded. */
export function notices(f: LetterFacts): { inspectie: StepState; leerplicht: StepState } {
  const notMbo = f.sector !== 'MBO';
  const m = f.measure;
  if (m?.soort === 'schorsing') {
    const meerDagen = notMbo && (f.schorsingDagen ?? 0) > 1;
    return {
      inspectie: stepState(f, 'schorsing.isd', meerDagen),
      leerplicht: meerDagen && f.compliance.leerplichtBijSchorsing ? stepState(f, 'schorsing.leerplicht', true) : null,
    };
  }
  if (m?.soort === 'verwijdering' && notMbo) {
    return { inspectie: stepState(f, 'verwijdering.inspectie', true), leerplicht: stepState(f, 'verwijdering.leerplicht', true) };
  }
  return { inspectie: null, leerplicht: null };
}

const done = (x: StepState): boolean => x !== null && x !== 'open';

/** The pupil conditions of kinds.ts; null for a condition that is not one of these. */
export function pupilConditionHolds(c: Condition, f: LetterFacts): boolean | null {
  const notMbo = f.sector !== 'MBO';
  const overleg = f.measure?.soort !== 'schorsing' && (f.sector === 'VO' || f.sector === 'VSO');
  switch (c) {
    case 'inspectie_gedaan':
      return done(notices(f).inspectie);
    case 'inspectie_open':
      return notices(f).inspectie === 'open';
    case 'leerplicht_gedaan':
      return done(notices(f).leerplicht);
    case 'leerplicht_open':
      return notices(f).leerplicht === 'open';
    case 'overleg_gedaan':
      return overleg && !!f.overlegInspectieOp;
    case 'overleg_open':
      return overleg && !f.overlegInspectieOp;
    case 'school_gevonden':
      return notMbo && !!f.ontvangendeSchool;
    case 'school_zoeken':
      return notMbo && !f.ontvangendeSchool;
    case 'ingang':
      return !notMbo || !!f.ontvangendeSchool;
    case 'openbaar':
      return notMbo && f.school.openbaar;
    case 'bijzonder':
      return notMbo && !f.school.openbaar;
    case 'mbo':
      return !notMbo;
    case 'intern':
      return f.measure?.vorm === 'intern';
    case 'extern':
      return f.measure?.vorm === 'extern';
    default:
      return null;
  }
}

/**
 * The expulsion decision letter states that everyone was heard (and in VO/VSO that the Inspectie was
 * consulted): it cannot be made final while one of those steps is open (the rule of gates.ts).
 */
export function expulsionDecisionOpen(db: DB, f: LetterFacts): string[] {
  if (f.kind.soort !== 'besluit_verwijdering' || !f.measure) return [];
  return expulsionMissing({ db }, f.sector, f.subject.id, f.measure.besluitDatum, f.subject.geboortedatum);
}

export function checkExpulsionDecision(db: DB, f: LetterFacts): void {
  const open = expulsionDecisionOpen(db, f);
  if (!open.length) return;
  throw new CoreError(
    'REGEL',
    `Het besluit tot verwijdering kan nog niet definitief worden gemaakt: nog niet vastgelegd is ${open.join(', ')}. Leg dat eerst vast bij de maatregel (ook een geweigerde of onbeantwoorde uitnodiging telt).`,
  );
}
