// School days for the measure form: how many school days a period has, or where n school days end,
// with the free days in between and why they are free (weekends left out).
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { SchoolCalendar } from './schoolDays';

export function schoolDaysBetween(cal: SchoolCalendar, q: { start: string; eind?: string | null; schooldagen?: number | null }) {
  const eind = q.eind ?? cal.endOfSchoolDays(q.start, q.schooldagen!);
  const vrijeDagen: { datum: string; reden: string }[] = [];
  for (let d = parseISO(q.start); format(d, 'yyyy-MM-dd') <= eind; d = addDays(d, 1)) {
    const datum = format(d, 'yyyy-MM-dd');
    const reden = cal.vrijReden(datum);
    if (reden && reden !== 'weekend') vrijeDagen.push({ datum, reden });
  }
  return {
    start: q.start,
    eind,
    schooldagen: cal.countSchoolDays(q.start, eind),
    vrijeDagen,
    onbekendeSchooljaren: cal.onbekendeSchooljaren(q.start, eind),
  };
}
