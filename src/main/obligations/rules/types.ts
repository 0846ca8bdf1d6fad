// What a rule of DOMAIN.md §6 gets (the facts of one measure or incident, the school, its settings
// and calendar, and the obligations that already exist for it) and what it produces.
import type { ComplianceSettings } from '../../../shared/api/obligations';
import type { Maatregel, MaatregelStatus, PersoonSoort, Sector, Ernst } from '../../../shared/domain';
import type { SchoolCalendar } from '../schoolDays';
import { dayAfter } from '../terms';

export interface ObligationSpec {
  regel: string;
  /** Tells several tasks of one rule apart; '' when the rule makes one. */
  sleutel?: string;
  volgorde: number;
  titel: string;
  grondslag: string;
  actor: string;
  /** Due date; null = no fixed term. */
  uiterlijk: string | null;
  /** Overdue from; null = a milestone, never overdue. */
  teLaatVanaf: string | null;
  urgent?: boolean;
  tijdVerplicht?: boolean;
  beslissing?: boolean;
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
  };
  person: { soort: PersoonSoort; geboortedatum: string | null };
  /** A voornemen tot verwijdering exists for this pupil (not withdrawn): its hearings and search count. */
  heeftVoornemen: boolean;
  /** A case at the Geschillencommissie passend onderwijs. */
  geschil: { ingediendOp: string; oordeelOp: string | null } | null;
}

export interface IncidentFacts extends Common {
  incident: { id: number; categorie: string; ernst: Ernst; datumMelding: string };
  daders: { personId: number; soort: PersoonSoort }[];
  slachtoffers: { personId: number; soort: PersoonSoort }[];
  /** The school's answer for 'ongepast_contact': possible sexual offence? (null: not answered). */
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

/** The law that governs pupils in this sector, for the basis texts. */
export function wet(sector: Sector): string {
  switch (sector) {
    case 'PO':
      return 'WPO';
    case 'SO':
    case 'VSO':
      return 'WEC';
    case 'VO':
      return 'WVO';
    case 'MBO':
      return 'WEB';
  }
}

/** Who receives a pupil's letter (DOMAIN.md §2): parents in PO/SO; parents and pupil in VO/VSO. */
export function geadresseerde(sector: Sector): string {
  return sector === 'PO' || sector === 'SO' ? 'de ouders' : sector === 'MBO' ? 'de student' : 'de ouders en de leerling';
}
