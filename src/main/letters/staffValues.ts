// What only the staff letters state, per the CAO of the school's sector (obligations/rules/personeel.ts):
// the CAO, the zienswijze term with its last day (the engine's own term function), the earlier voornemen
// letter, the employee's zienswijze as recorded, and the appeal body with its address. Also the open
// legal steps that keep a staff decision letter from being made final.
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import { dutchLongDate, todayIn } from '@shared/dates';
import type { Sector } from '@shared/domain';
import { LETTER_KIND_LABEL } from '@shared/api/letters';
import type { LetterFacts } from './facts';
import type { Condition } from './kinds';
import type { PlaceholderValue, MissingHint } from './placeholders';
import { weekdayDate, dutchTime, nonEmpty } from './values';
import { termijnEinde } from '../calendar/terms';
import { BEROEP_WEKEN, ZIENSWIJZE_WEKEN, caoVoor } from '../obligations/rules/personeel';

/**
 * When a staff section is used:
 * - voornemen_brief: a final voornemen letter exists for the measure (the decision cites it)
 * - zienswijze_gegeven / zienswijze_verslag: the employee's zienswijze is recorded (with notes)
 * - geen_zienswijze: the zienswijze term has ended and none is recorded
 * - toelichting_zonder_zienswijze: an explanation, when it is not already the answer to a zienswijze
 */
export type StaffCondition =
  'voornemen_brief' | 'zienswijze_gegeven' | 'zienswijze_verslag' | 'geen_zienswijze' | 'toelichting_zonder_zienswijze';

export interface StaffFacts {
  /** The latest final voornemen letter of the measure (a correction replaces the first). */
  voornemenBrief: { kenmerk: string; datum: string } | null;
  /** The day the voornemen went out: the letter or the recorded step, the later of the two. */
  voornemenOp: string | null;
  /** The employee's zienswijze: the last hearing of the medewerker with outcome "gehoord". */
  zienswijze: { datum: string; tijd: string | null; verslag: string | null } | null;
}

export function readStaffFacts(db: DB, measureId: number): StaffFacts {
  const brief = db
    .prepare(`SELECT kenmerk, finalised_at FROM letter WHERE measure_id = ? AND soort = 'personeel_voornemen' ORDER BY id DESC LIMIT 1`)
    .get(measureId) as { kenmerk: string; finalised_at: string } | undefined;
  const stap = db
    .prepare(
      `SELECT gedaan_op FROM obligation WHERE measure_id = ? AND regel = 'personeel.voornemen' AND status = 'gedaan' AND gedaan_op IS NOT NULL`,
    )
    .get(measureId) as { gedaan_op: string } | undefined;
  const gehoord = db
    .prepare(
      `SELECT datum, tijd, notities FROM hearing WHERE measure_id = ? AND gehoord = 'medewerker' AND uitkomst = 'gehoord' ORDER BY datum DESC, id DESC LIMIT 1`,
    )
    .get(measureId) as { datum: string; tijd: string | null; notities: string | null } | undefined;
  const voornemenBrief = brief ? { kenmerk: brief.kenmerk, datum: todayIn(new Date(brief.finalised_at)) } : null;
  const dagen = [voornemenBrief?.datum, stap?.gedaan_op].filter((d): d is string => !!d).sort();
  return {
    voornemenBrief,
    voornemenOp: dagen.at(-1) ?? null,
    zienswijze: gehoord ? { datum: gehoord.datum, tijd: gehoord.tijd, verslag: nonEmpty(gehoord.notities) } : null,
  };
}

/** The last day for the zienswijze on a voornemen sent that day (the engine's term, Algemene termijnenwet). */
const zienswijzeEinde = (voornemenOp: string) => termijnEinde(voornemenOp, ZIENSWIJZE_WEKEN);

const WEEKS: Record<number, string> = { 3: 'drie weken', 6: 'zes weken' };

/**
 * Where the appeal goes (sources/cao.ts): the Commissie van beroep funderend onderwijs for PO, (V)SO and
 * VO (CAO PO art. 12.1, CAO VO art. 19), the Commissie van beroep mbo (CAO MBO art. 12.2), both at
 * Onderwijsgeschillen; the mbo regulation asks for the appeal through its online portal.
 */
function beroep(sector: Sector | null | undefined): { grondslag: string; adres: string } | null {
  const post = 'naar Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht (www.onderwijsgeschillen.nl)';
  switch (sector) {
    case 'PO':
    case 'SO':
    case 'VSO':
      return { grondslag: 'artikel 12.1 van de cao po', adres: post };
    case 'VO':
      return { grondslag: 'artikel 19 van de cao vo', adres: post };
    case 'MBO':
      return {
        grondslag: 'artikel 12.2 van de cao mbo',
        adres: 'via het digitale loket op www.onderwijsgeschillen.nl (Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht)',
      };
    default:
      return null;
  }
}

/** The placeholder values only staff letters have; they replace the general ones of the same name. */
export function staffValues(f: LetterFacts): { values: Record<string, PlaceholderValue>; missing: MissingHint } {
  const cao = caoVoor(f.sector);
  const st = f.staff;
  const besluit = f.kind.soort === 'personeel_besluit';
  // The voornemen letter itself counts the term from its own date; the decision from the voornemen sent.
  const einde = besluit ? (st?.voornemenOp ? zienswijzeEinde(st.voornemenOp) : null) : zienswijzeEinde(f.today);
  const z = st?.zienswijze ?? null;
  const route = beroep(f.sector);
  const values: Record<string, PlaceholderValue> = {
    'cao.naam': `de ${cao.naam.toLocaleLowerCase('nl-NL')}`,
    'zienswijze.termijn': WEEKS[ZIENSWIJZE_WEKEN],
    'zienswijze.uiterlijk': einde ? weekdayDate(einde) : null,
    'zienswijze.datum': z ? `${weekdayDate(z.datum)}${z.tijd ? ` om ${dutchTime(z.tijd)} uur` : ''}` : null,
    'zienswijze.verslag': z?.verslag ?? null,
    'zienswijze.reactie': nonEmpty(f.measure?.toelichting),
    'voornemen.kenmerk': st?.voornemenBrief?.kenmerk ?? null,
    'voornemen.datum': st?.voornemenBrief ? dutchLongDate(st.voornemenBrief.datum) : null,
    'beroep.termijn': WEEKS[BEROEP_WEKEN],
    'beroep.commissie': cao.commissie,
    'beroep.grondslag': route?.grondslag ?? null,
    'beroep.adres': route?.adres ?? null,
  };
  const sector =
    'De sector van de school is niet ingevuld, dus de cao en de commissie van beroep zijn niet bekend. Vul de sector in bij Instellingen → School.';
  const missing: MissingHint = {
    'zienswijze.uiterlijk':
      'er is nog geen voornemen verstuurd, dus de termijn voor de zienswijze is niet bekend. Maak eerst de brief over het voornemen definitief.',
    'zienswijze.reactie':
      'de medewerker heeft een zienswijze gegeven; het besluit moet daarop ingaan. Schrijf uw reactie op de zienswijze in de toelichting bij de maatregel.',
    'beroep.commissie': sector,
    'beroep.grondslag': sector,
    'beroep.adres': sector,
  };
  return { values, missing };
}

/** Whether a staff section is used; null for a condition that is not a staff one. */
export function staffConditionHolds(c: Condition, f: LetterFacts): boolean | null {
  const st = f.staff;
  switch (c) {
    case 'voornemen_brief':
      return !!st?.voornemenBrief;
    case 'zienswijze_gegeven':
      return !!st?.zienswijze;
    case 'zienswijze_verslag':
      return !!st?.zienswijze?.verslag;
    case 'geen_zienswijze':
      return !!st && !st.zienswijze && !!st.voornemenOp && f.today > zienswijzeEinde(st.voornemenOp);
    case 'toelichting_zonder_zienswijze':
      return !st?.zienswijze && !!nonEmpty(f.measure?.toelichting);
    default:
      return null;
  }
}

/**
 * The legal steps still open before a staff decision letter may be made final (CAO: voornemen, then the
 * zienswijze or the end of its term; rules/personeel.ts). A zienswijze refused or not given does not end
 * the term early: the employee keeps the whole term (the reading that protects the employee).
 */
function openStaffSteps(f: LetterFacts): string[] {
  if (f.kind.soort !== 'personeel_besluit' || !f.staff) return [];
  const st = f.staff;
  const open: string[] = [];
  if (f.measure?.status === 'voorgenomen') open.push('het besluit is nog niet vastgelegd (de maatregel staat op “voorgenomen”)');
  if (!st.voornemenOp) {
    open.push(
      `het voornemen is niet aan de medewerker verstuurd: maak de brief “${LETTER_KIND_LABEL.personeel_voornemen.nl}” definitief, of markeer de stap “Voornemen per aangetekende brief aan de medewerker sturen” als gedaan als het voornemen op een andere manier is verstuurd`,
    );
  } else if (!st.zienswijze && f.today <= zienswijzeEinde(st.voornemenOp)) {
    open.push(
      `de termijn voor de zienswijze loopt nog tot en met ${weekdayDate(zienswijzeEinde(st.voornemenOp))}: leg de zienswijze van de medewerker vast als hoorgesprek, of wacht tot na die dag`,
    );
  }
  return open;
}

/** Refuses to make a staff decision letter final while a step before it is open; names every open step. */
export function checkStaffDecision(f: LetterFacts): void {
  const open = openStaffSteps(f);
  if (!open.length) return;
  const cao = caoVoor(f.sector).naam.toLocaleLowerCase('nl-NL');
  throw new CoreError(
    'REGEL',
    `De brief “${f.kind.titel}” kan nog niet definitief worden gemaakt; volgens de ${cao} gaat het besluit pas na voornemen en zienswijze. Nog open: ${open.join('; ')}.`,
  );
}
