// School days: which dates a pupil has school, and counting and adding them (docs/LAW.md). A
// school day is a weekday that is neither a school-free public holiday nor inside one of the
// school's holidays (its region's, as edited per school year). Pure: the caller passes the holidays
// and the public-holiday choices; date-fns does the calendar work, date-holidays knows the feasts.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { schoolYearOf } from '@shared/schoolYear';

const nextSchoolYear = (j: string) => `${Number(j.slice(0, 4)) + 1}-${Number(j.slice(0, 4)) + 2}`;

export const VAKANTIE_SOORTEN = ['herfst', 'kerst', 'voorjaar', 'mei', 'zomer', 'extra'] as const;
export type VakantieSoort = (typeof VAKANTIE_SOORTEN)[number];

export const VAKANTIE_NAAM: Record<VakantieSoort, string> = {
  herfst: 'Herfstvakantie',
  kerst: 'Kerstvakantie',
  voorjaar: 'Voorjaarsvakantie',
  mei: 'Meivakantie',
  zomer: 'Zomervakantie',
  extra: 'Vrije dag',
};

/** A school holiday, both dates included. 'extra' covers the school's own free days (e.g. a study day). */
export interface Vakantie {
  soort: VakantieSoort;
  naam?: string | null;
  start: string;
  eind: string;
}

/**
 * Which public holidays make a day school-free. Always free: Nieuwjaarsdag, Pasen, Tweede Paasdag,
 * Koningsdag, Hemelvaartsdag, Pinksteren, Tweede Pinksterdag, Kerstmis, Tweede Kerstdag. Left to the
 * school: Goede Vrijdag (not a national holiday, yet most schools are closed: default free) and
 * Bevrijdingsdag (the CAOs PO and VO make it a day off only in lustrum years, 2025, 2030, …:
 * default 'lustrum'; many schools close every year: 'altijd').
 */
export interface FeestdagKeuzes {
  goedeVrijdag: boolean;
  bevrijdingsdag: 'altijd' | 'lustrum' | 'nooit';
}

export const STANDAARD_FEESTDAGEN: FeestdagKeuzes = { goedeVrijdag: true, bevrijdingsdag: 'lustrum' };

/** date-holidays' Dutch names of the feasts a school is always closed on. */
const ALTIJD_VRIJ = new Set([
  'Nieuwjaar',
  'Pasen',
  'Tweede paasdag',
  'Koningsdag',
  'Hemelvaartsdag',
  'Pinksteren',
  'Tweede pinksterdag',
  'Kerstmis',
  'Tweede kerstdag',
]);

// date-holidays (every country's feasts) takes a few hundred milliseconds to load: it is loaded the
// first time a feast is asked for, not when the core starts (the CLI's `obligations` needs none).
const requireLazily = createRequire(import.meta.url);
let hd: Holidays | null = null;
const holidays = (): Holidays => (hd ??= new (requireLazily('date-holidays') as typeof Holidays)('NL'));
const feastCache = new Map<number, Map<string, string>>();

/** All Dutch feasts of a year that date-holidays knows, date → Dutch name. */
export function feestdagenVan(jaar: number): Map<string, string> {
  let m = feastCache.get(jaar);
  if (!m) {
    m = new Map();
    for (const h of holidays().getHolidays(jaar, 'nl')) m.set(h.date.slice(0, 10), h.name);
    feastCache.set(jaar, m);
  }
  return m;
}

/** The name of the school-free public holiday on this date, or null. */
export function schoolvrijeFeestdag(iso: string, keuzes: FeestdagKeuzes): string | null {
  const naam = feestdagenVan(Number(iso.slice(0, 4))).get(iso);
  if (!naam) return null;
  if (ALTIJD_VRIJ.has(naam)) return naam;
  if (naam === 'Goede Vrijdag') return keuzes.goedeVrijdag ? naam : null;
  if (naam === 'Bevrijdingsdag') {
    if (keuzes.bevrijdingsdag === 'altijd') return naam;
    if (keuzes.bevrijdingsdag === 'lustrum') return Number(iso.slice(0, 4)) % 5 === 0 ? naam : null;
  }
  return null;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

export class SchoolCalendar {
  private readonly vakanties: Vakantie[];

  /**
   * @param bekend the school years whose holidays are known (shipped or entered by the school); null
   *   when the caller does not say, and every year is taken as known.
   */
  constructor(
    vakanties: readonly Vakantie[],
    private readonly feestdagen: FeestdagKeuzes = STANDAARD_FEESTDAGEN,
    private readonly bekend: ReadonlySet<string> | null = null,
  ) {
    this.vakanties = [...vakanties].sort((a, b) => (a.start < b.start ? -1 : 1));
  }

  /**
   * The school years between two dates whose holidays are not known: there every weekday counts as a
   * school day, so a count of school days can be too high without anyone noticing.
   */
  onbekendeSchooljaren(start: string, end: string): string[] {
    if (!this.bekend || end < start) return [];
    const jaren: string[] = [];
    for (let j = schoolYearOf(start); j <= schoolYearOf(end); j = nextSchoolYear(j)) if (!this.bekend.has(j)) jaren.push(j);
    return jaren;
  }

  /** Why a date is not a school day ('weekend', a feast or a holiday's name), or null for a school day. */
  vrijReden(date: string): string | null {
    if (isWeekend(parseISO(date))) return 'weekend';
    const feest = schoolvrijeFeestdag(date, this.feestdagen);
    if (feest) return feest;
    const v = this.vakanties.find((x) => x.start <= date && date <= x.eind);
    return v ? (v.naam ?? VAKANTIE_NAAM[v.soort]) : null;
  }

  isSchoolDay(date: string): boolean {
    return this.vrijReden(date) === null;
  }

  /** The first school day on or after this date. */
  schoolDayOnOrAfter(date: string): string {
    let d = parseISO(date);
    // A summer holiday plus weekends is under 60 days; 400 guards against a holiday list gone wrong.
    for (let i = 0; i < 400; i++, d = addDays(d, 1)) if (this.isSchoolDay(iso(d))) return iso(d);
    throw new Error(`Geen schooldag gevonden na ${date}`);
  }

  /** The n-th school day after this date (the date itself does not count); n = 0 gives the date. */
  addSchoolDays(date: string, n: number): string {
    let d = parseISO(date);
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isSchoolDay(iso(d))) left--;
    }
    return iso(d);
  }

  /** School days from start to end, both included (0 when end is before start). */
  countSchoolDays(start: string, end: string): number {
    let n = 0;
    for (let d = parseISO(start); iso(d) <= end; d = addDays(d, 1)) if (this.isSchoolDay(iso(d))) n++;
    return n;
  }

  /** The last day of a period of n school days that starts on `start` (counted when it is a school day). */
  endOfSchoolDays(start: string, n: number): string {
    if (n < 1) throw new Error('Een periode telt minstens één schooldag.');
    const first = this.schoolDayOnOrAfter(start);
    return this.addSchoolDays(first, n - 1);
  }

  /** The holidays that start between from and to (both included), for the dashboard. */
  vakantiesTussen(from: string, to: string): Vakantie[] {
    return this.vakanties.filter((v) => v.start >= from && v.start <= to);
  }
}
