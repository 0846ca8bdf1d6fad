// The trust concept's items on the dashboard (Overzicht), as "moments": the 72-hour deadline of a
// breach with risk, access requests due, backup trouble and records past their retention term.
// Something already late is dated today, so it stands at the top of the list and is not lost.
import type { Ctx } from '../context/context';
import type { DashboardMoment } from '@shared/api/obligations';
import { todayIn } from '@shared/dates';
import { attention } from './privacy';

const LINK: Record<string, string> = {
  datalek: '#/instellingen/privacy',
  inzageverzoek: '#/instellingen/privacy',
  bewaartermijn: '#/instellingen/privacy',
  reservekopie: '#/instellingen/beveiliging',
};

export function trustMoments(ctx: Ctx, range: { van: string; tot: string }): DashboardMoment[] {
  return attention(ctx)
    .map((a) => {
      // A breach deadline is a moment in time; the dashboard lists days.
      const day = a.uiterlijk ? (a.uiterlijk.length > 10 ? todayIn(new Date(a.uiterlijk)) : a.uiterlijk) : range.van;
      const datum = a.teLaat || day < range.van ? range.van : day;
      return {
        datum,
        titel: a.teLaat ? `Te laat: ${a.titel}` : a.titel,
        soort: a.soort,
        link: LINK[a.soort] ?? null,
        toelichting:
          a.uiterlijk && a.uiterlijk.length > 10
            ? `Uiterlijk ${new Date(a.uiterlijk).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })}.`
            : null,
      };
    })
    .filter((m) => m.datum <= range.tot);
}
