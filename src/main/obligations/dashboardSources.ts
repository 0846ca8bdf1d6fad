// The "upcoming moments" of the dashboard, from every concept that has them. Each source returns its
// moments between two dates; another concept (the calendar) adds its source with one line
// in the list at the bottom.
import type { Ctx } from '../core/context';
import type { DashboardMoment } from '../../shared/api/obligations';
import { schoolCalendar } from './holidays';
import { VAKANTIE_NAAM } from './schoolDays';
import { dutchShortDate } from '../../shared/dates';
import { calendarReminders } from '../calendar/dashboard';
import { trustMoments } from '../trust/dashboard';

export type DashboardSource = (ctx: Ctx, range: { van: string; tot: string }) => DashboardMoment[];

/** School holidays that start soon: terms and school days stand still during them. */
const schoolHolidays: DashboardSource = (ctx, { van, tot }) =>
  schoolCalendar(ctx.db)
    .vakantiesTussen(van, tot)
    .map((v) => ({
      datum: v.start,
      titel: `${v.naam ?? VAKANTIE_NAAM[v.soort]} begint`,
      soort: 'vakantie',
      link: '#/instellingen/compliance',
      toelichting: `Tot en met ${dutchShortDate(v.eind)}: deze dagen tellen niet als schooldag.`,
    }));

export const dashboardSources: DashboardSource[] = [schoolHolidays, calendarReminders, trustMoments];
