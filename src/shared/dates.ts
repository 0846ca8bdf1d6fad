// Dates as the school sees them: Europe/Amsterdam, ISO strings in storage, Dutch when shown.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { nl } from 'date-fns/locale/nl';

export const TIME_ZONE = 'Europe/Amsterdam';

/** Today's date in the Netherlands, YYYY-MM-DD. */
export const todayIn = (now: Date): string => format(new TZDate(now, TIME_ZONE), 'yyyy-MM-dd');

/** "21 november 2026" */
export const dutchLongDate = (iso: string): string => format(parseISO(iso), 'd MMMM yyyy', { locale: nl });

/** The Dutch day of a moment (an ISO timestamp), e.g. when a backup was made: "21 november 2026". */
export const dutchLongDateOf = (instant: string): string => dutchLongDate(todayIn(new Date(instant)));

/** "21 November 2026": the English UI's form of a date the core writes into a text (e.g. a task title). */
export const englishLongDate = (iso: string): string => format(parseISO(iso), 'd MMMM yyyy');

/** "21-11-2026" (dd-mm-jjjj, as Dutch forms and Excel expect). */
export const dutchShortDate = (iso: string): string => format(parseISO(iso), 'dd-MM-yyyy');
