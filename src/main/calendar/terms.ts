// Legal terms in weeks (objection 6 weeks, zienswijze 3 weeks, PO decision 4 weeks). A term starts on
// the day after the decision was made known (Awb 6:8), so it ends on the same weekday n weeks later;
// a term ending on a Saturday, Sunday or a generally recognised holiday runs on to the next day that
// is none of these (Algemene termijnenwet art. 1 and 3).
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';
import { feestdagenVan } from './schoolDays';

/** Algemene termijnenwet art. 3: Nieuwjaarsdag, 2e Paas- en Pinksterdag, both Christmas days, Hemelvaart, Koningsdag, 5 mei. */
const ATW_FEESTDAGEN = new Set([
  'Nieuwjaar',
  'Tweede paasdag',
  'Tweede pinksterdag',
  'Kerstmis',
  'Tweede kerstdag',
  'Hemelvaartsdag',
  'Koningsdag',
  'Bevrijdingsdag',
]);

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

export function isAtwVrij(date: string): boolean {
  if (isWeekend(parseISO(date))) return true;
  const naam = feestdagenVan(Number(date.slice(0, 4))).get(date);
  return !!naam && ATW_FEESTDAGEN.has(naam);
}

/** The last day of a term of `weeks` weeks that starts the day after `from`, extended per the Algemene termijnenwet. */
export function termijnEinde(from: string, weeks: number, extraDays = 0): string {
  let d = addDays(addWeeks(parseISO(from), weeks), extraDays);
  while (isAtwVrij(iso(d))) d = addDays(d, 1);
  return iso(d);
}

/**
 * A working day: Monday to Friday and not a generally recognised holiday of the Algemene termijnenwet
 * (art. 3). Government bodies (the Inspectie, the vertrouwensinspecteur, the leerplichtambtenaar) work
 * on working days, school holidays included, so notices to them are counted in working days.
 */
export const isWerkdag = (date: string): boolean => !isAtwVrij(date);

/** The first working day on or after this date. */
export function werkdagOpOfNa(date: string): string {
  let d = parseISO(date);
  while (!isWerkdag(iso(d))) d = addDays(d, 1);
  return iso(d);
}

/** The last working day on or before this date. */
export function werkdagOpOfVoor(date: string): string {
  let d = parseISO(date);
  while (!isWerkdag(iso(d))) d = addDays(d, -1);
  return iso(d);
}

/** The n-th working day after this date (the date itself does not count); n = 0 gives the date. */
export function addWerkdagen(date: string, n: number): string {
  let d = parseISO(date);
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWerkdag(iso(d))) left--;
  }
  return iso(d);
}

export const dayBefore = (date: string): string => iso(addDays(parseISO(date), -1));

/** The plain calendar date n weeks on (milestones that are no legal term, e.g. 8 weeks of searching). */
export const weeksLater = (from: string, weeks: number): string => iso(addWeeks(parseISO(from), weeks));

export const dayAfter = (date: string): string => iso(addDays(parseISO(date), 1));

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string): number => differenceInCalendarDays(parseISO(b), parseISO(a));
