// Date rules of the annual evaluation: which school year's figures it discusses, and when next
// year's evaluation is planned when this one closes (same month, next school year).
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { parseISO } from 'date-fns/parseISO';
import { previousSchoolYear, schoolYearOf } from '@shared/schoolYear';

/**
 * A meeting in August–December looks back on the school year that just ended; one in January–July
 * (e.g. after the social-safety monitor of 1 July) on the year that is running.
 */
export function defaultEvaluatieSchooljaar(datum: string): string {
  const month = Number(datum.slice(5, 7));
  const sj = schoolYearOf(datum);
  return month >= 8 ? previousSchoolYear(sj) : sj;
}

/**
 * The same month a year later, on the same weekday as nearby as possible: a meeting on a Thursday
 * evening stays on a Thursday evening. 12 November 2026 (Thursday) → 11 November 2027 (Thursday).
 */
export function sameMonthNextYear(datum: string): string {
  const d = parseISO(datum);
  const target = addYears(d, 1);
  let delta = (getDay(d) - getDay(target) + 7) % 7; // 0..6 forward
  if (delta > 3) delta -= 7; // nearest: -3..3
  let c = addDays(target, delta);
  if (c.getMonth() !== target.getMonth()) c = addDays(c, delta > 0 ? -7 : 7);
  return format(c, 'yyyy-MM-dd');
}
