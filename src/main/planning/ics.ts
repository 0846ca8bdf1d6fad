// The .ics export (RFC 5545) made with the `ics` package: one item or a whole school year.
//
// Times: a meeting at 19:30 in Tiel is 19:30 Europe/Amsterdam, in winter and in summer. The `ics`
// package cannot write a VTIMEZONE, and a "floating" local time would be read in whatever zone the
// importing PC or Google account happens to use. So every timed event is converted here from
// Europe/Amsterdam to UTC with @date-fns/tz (which knows the DST rules) and written as UTC
// ("DTSTART:20261029T183000Z"). UTC date-times are the one form that Outlook (desktop and web),
// Google Calendar and Apple Calendar all import without a timezone definition, and each shows them
// in the user's own zone: 19:30 for a Dutch user. All-day moments are DATE values with an exclusive
// end date, as RFC 5545 prescribes.
//
// No ATTENDEE lines: without an e-mail address they are invalid, and with one Outlook treats the
// file as a meeting invitation; the participants are listed in the description instead.
import { createRequire } from 'node:module';
import type { DateArray, EventAttributes } from 'ics';
import type * as Ics from 'ics';
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { CalendarItem } from '@shared/api/calendar';
import { TIME_ZONE } from '@shared/dates';
import { CoreError } from '../errors/errors';

/** A local Europe/Amsterdam date and time as a UTC date array for `ics`. */
export function amsterdamToUtcArray(datum: string, tijd: string): DateArray {
  const [y, m, d] = datum.split('-').map(Number);
  const [hh, mm] = tijd.split(':').map(Number);
  const utc = new Date(new TZDate(y, m - 1, d, hh, mm, 0, TIME_ZONE).getTime());
  return [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes()];
}

const dateArray = (iso: string): DateArray => iso.split('-').map(Number) as [number, number, number];
const dayAfter = (iso: string) => format(addDays(parseISO(iso), 1), 'yyyy-MM-dd');

const STATUS: Record<string, EventAttributes['status']> = { gepland: 'CONFIRMED', gehouden: 'CONFIRMED', gesloten: 'CONFIRMED' };

export function toIcsEvent(item: CalendarItem, uidDomain: string, stamp: number): EventAttributes {
  const base = {
    uid: `${item.key}@${uidDomain}`,
    title: item.titel,
    description: item.omschrijving ?? undefined,
    location: item.locatie ?? undefined,
    categories: ['Schoolprotocol'],
    status: STATUS[item.status ?? ''] ?? 'CONFIRMED',
    timestamp: stamp,
    productId: '-//Schoolprotocol//Planning//NL',
  };
  if (item.tijdStart && item.tijdEind) {
    return {
      ...base,
      start: amsterdamToUtcArray(item.datum, item.tijdStart),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: amsterdamToUtcArray(item.datum, item.tijdEind),
      endInputType: 'utc',
      endOutputType: 'utc',
      busyStatus: 'BUSY',
    };
  }
  return {
    ...base,
    start: dateArray(item.datum),
    end: dateArray(dayAfter(item.einddatum ?? item.datum)),
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
  };
}

// ics is loaded when a calendar is exported, not when the core starts.
const requireLazily = createRequire(import.meta.url);

export function buildIcs(items: CalendarItem[], opts: { calName: string; uidDomain: string; stamp: number }): string {
  if (!items.length) throw new CoreError('NIET_GEVONDEN', 'Er staat niets in de agenda om te exporteren.');
  const { createEvents } = requireLazily('ics') as typeof Ics;
  const { error, value } = createEvents(
    items.map((i) => toIcsEvent(i, opts.uidDomain, opts.stamp)),
    { productId: '-//Schoolprotocol//Planning//NL', method: 'PUBLISH', calName: opts.calName },
  );
  if (error || !value) throw error ?? new Error('ics produced no output');
  return value;
}
