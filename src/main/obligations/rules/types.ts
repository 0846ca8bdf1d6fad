// What a rule gets (the facts of one measure or incident, the school, its settings and calendar, and
// the obligations that already exist for it) and what it produces (docs/LAW.md lists every rule).
import type { ComplianceSettings } from '@shared/api/obligations';
import type { Maatregel, MaatregelStatus, PersoonSoort, Sector, Ernst } from '@shared/domain';
import type { SchoolCalendar } from '../../calendar/schoolDays';
import { differenceInYears } from 'date-fns/differenceInYears';
import { parseISO } from 'date-fns/parseISO';
import { dayAfter } from '../../calendar/terms';
import type { BronId } from '../sources';

export interface ObligationSpec {
  regel: string;
  /** Tells several tasks of one rule apart; '' when the rule makes one. */
  sleutel?: string;
  volgorde: number;
  titel: string;
  /**
   * The same title in English, with the same facts and dates (dates as "7 December 2026"), for the
   * app's English mode. Stored beside the Dutch one; letters and reports keep the Dutch title.
   */
  titelEn: string;
  grondslag: string;
  /** The law (or the school's own setting) this step rests on: ids of sources.ts, listed in docs/LAW.md. */
  bronnen: readonly BronId[];
  actor: string;
  /** Due date; null = no fixed term. */
  uiterlijk: string | null;
  /** Overdue from; null = a milestone, never overdue. */
  teLaatVanaf: string | null;
  urgent?: boolean;
  tijdVerplicht?: boolean;
  beslissing?: boolean;
  /**
   * A warning rather than a step: something about the decision as recorded that may make it unlawful
   * (e.g. decided before the zienswijze term ended). It stays open on the dashboard until the school
   * leader settles it (done with an explanation, or not applicable).
   */
  waarschuwing?: boolean;
  /** Produced, but not applicable for this reason (e.g. no aangifte after the decision "no suspicion"). */
  nvt?: string;
}

/** An obligation as it is stored, as far as rules need to know (e.g. when a letter was really sent). */
export interface PriorObligation {
  regel: string;
  sleutel: string;
  status: 'open' | 'gedaan' | 'nvt';
  uiterlijk: string | null;
  gedaanOp: string | null;
  uitkomst: string | null;
}

export interface SchoolFacts {
  sector: Sector;
  openbaar: boolean;
}

export interface Common {
  school: SchoolFacts | null;
  settings: ComplianceSettings;
  cal: SchoolCalendar;
  /** Existing obligations of this source, by `${regel}|${sleutel}`. */
  prior: Map<string, PriorObligation>;
}

export interface MeasureFacts extends Common {
  measure: {
    id: number;
    soort: Maatregel;
    status: MaatregelStatus;
    besluitDatum: string;
    startdatum: string | null;
    einddatum: string | null;
    /** School days (schorsing), counted by the calendar. */
    duurSchooldagen: number | null;
    /** For an intended expulsion: the date the board intends to decide (null on older records). */
    beoogdBesluit: string | null;
  };
  person: { soort: PersoonSoort; geboortedatum: string | null };
  /** An objection (bezwaar) received against this decision. */
  bezwaar: { ontvangenOp: string } | null;
  /** A voornemen tot verwijdering exists for this pupil (not withdrawn): its hearings and search count. */
  heeftVoornemen: boolean;
  /** A case at the Geschillencommissie passend onderwijs. */
  geschil: { ingediendOp: string; oordeelOp: string | null } | null;
}

export interface IncidentFacts extends Common {
  /** datumVoorval: when it happened; datumMelding: when the school learned of it. */
  incident: { id: number; categorie: string; ernst: Ernst; datumVoorval: string; datumMelding: string };
  daders: { personId: number; soort: PersoonSoort }[];
  slachtoffers: { personId: number; soort: PersoonSoort; geboortedatum: string | null }[];
  /** The school's answer to "possible sexual offence?" (null: not answered). */
  zedenVermoeden: boolean | null;
}

export type MeasureRule = (f: MeasureFacts) => ObligationSpec[];
export type IncidentRule = (f: IncidentFacts) => ObligationSpec[];

export const key = (regel: string, sleutel = '') => `${regel}|${sleutel}`;

/** Due on a date and overdue from the next day ("without delay"). */
export const opDag = (datum: string) => ({ uiterlijk: datum, teLaatVanaf: dayAfter(datum) });

/** A milestone: shown with its date, never overdue. */
export const mijlpaal = (datum: string | null) => ({ uiterlijk: datum, teLaatVanaf: null });

/** No fixed term (e.g. "before the final decision"). */
export const zonderTermijn = { uiterlijk: null, teLaatVanaf: null };

export const PUPIL_SECTORS: readonly Sector[] = ['PO', 'VO', 'SO', 'VSO'];

/** The date a written decision went out: when its task was marked done, else the decision date. */
export function verzonden(f: MeasureFacts, regel: string): string {
  const p = f.prior.get(key(regel));
  return p?.status === 'gedaan' && p.gedaanOp ? p.gedaanOp : f.measure.besluitDatum;
}

/**
 * Whether a person is a minor on a date; null when the date of birth is unknown (the rules then
 * take the reading that protects the pupil: treated as a minor).
 */
export function minderjarigOp(geboortedatum: string | null, datum: string): boolean | null {
  if (!geboortedatum) return null;
  return differenceInYears(parseISO(datum), parseISO(geboortedatum)) < 18;
}

/** Age in whole years on a date, null when unknown. */
export function leeftijdOp(geboortedatum: string | null, datum: string): number | null {
  return geboortedatum ? differenceInYears(parseISO(datum), parseISO(geboortedatum)) : null;
}
