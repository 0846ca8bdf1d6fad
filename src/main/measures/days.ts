// Counting the days a measure lasts. A schorsing is counted in weekdays (Monday to Friday) between
// start and end, both included; school holidays are the calendar's business, which can
// pass its own count in duurDagen.
import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';

export function weekdaysBetween(start: string, end: string): number {
  if (end < start) return 0;
  return eachDayOfInterval({ start: parseISO(start), end: parseISO(end) }).filter((d) => !isWeekend(d)).length;
}
