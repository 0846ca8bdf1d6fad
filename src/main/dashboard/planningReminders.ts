// The calendar's reminders on the dashboard (Overzicht): the evaluation, the recurring moments and
// the evaluation's open actions, from the configured number of days before (calendar settings).
// The obligations' own due dates are on the dashboard already, so they are left out here.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { Ctx } from '../context/context';
import type { DashboardMoment } from '@shared/api/obligations';
import { schoolYearOf } from '@shared/schoolYear';
import { calendarItems } from '../planning/items';
import { readCalendarSettings } from '../planning/settings';

export function calendarReminders(ctx: Ctx, range: { van: string; tot: string }): DashboardMoment[] {
  const { herinneringDagen } = readCalendarSettings(ctx.db);
  const tot = format(addDays(parseISO(range.van), herinneringDagen), 'yyyy-MM-dd');
  const until = tot < range.tot ? tot : range.tot;
  const years = [...new Set([schoolYearOf(range.van), schoolYearOf(until)])];
  return years
    .flatMap((sj) => calendarItems(ctx.db, sj, ctx.today(), { verplichtingen: false }))
    .filter((i) => i.datum >= range.van && i.datum <= until)
    .filter((i) => !(i.soort === 'actie' && i.status !== 'open') && !(i.soort === 'evaluatie' && i.status === 'gesloten'))
    .map((i) => ({
      datum: i.datum,
      titel: i.tijdStart ? `${i.titel} (${i.tijdStart} uur)` : i.titel,
      soort: 'planning',
      link: '#/planning',
      toelichting: i.soort === 'evaluatie' ? (i.locatie ? `Locatie: ${i.locatie}.` : null) : i.omschrijving,
    }));
}
