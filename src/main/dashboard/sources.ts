// The "upcoming moments" of the dashboard, from every concept that has them. Each source returns its
// moments between two dates. Concepts below the dashboard add their source with one line in the list
// at the bottom; custody (above it: breaches, access requests, backups) adds its own through
// addDashboardSource, attached in app/wiring.ts.
import type { Ctx } from '../context/context';
import type { DashboardMoment } from '@shared/api/obligations';
import { schoolCalendar } from '../calendar/holidays';
import { VAKANTIE_NAAM } from '../calendar/schoolDays';
import { dutchShortDate } from '@shared/dates';
import { calendarReminders } from './planningReminders';

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

export const dashboardSources: DashboardSource[] = [schoolHolidays, calendarReminders];

/** Adds the moments of a concept above the dashboard (app/wiring.ts). */
export function addDashboardSource(source: DashboardSource): void {
  if (!dashboardSources.includes(source)) dashboardSources.push(source);
}
