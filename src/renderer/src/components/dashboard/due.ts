// When a task is due, in words a school leader reads at a glance: "vandaag", "morgen", "over 3 dagen",
// "3 dagen te laat" (since the day it became late), each with the date; and which tasks are pinned
// on top (up to the date the core gives).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import type { Dashboard, Obligation } from '@shared/api/obligations';
import { shortDate } from '../format';

export type DueTone = 'red' | 'orange' | 'gray';

export function dueOf(o: Obligation, vandaag: string, t: TFunction): { tekst: string; datum: string; tone: DueTone } {
  const datum = o.uiterlijk ?? o.teLaatVanaf;
  if (!datum) return { tekst: t('dashboard.due.geenTermijn'), datum: '', tone: o.urgent ? 'orange' : 'gray' };
  const n = differenceInCalendarDays(parseISO(datum), parseISO(vandaag));
  if (o.teLaat) {
    // Counted from the day it became late (the legal term), not from the earlier target date.
    const vanaf = o.teLaatVanaf ?? datum;
    const laat = differenceInCalendarDays(parseISO(vandaag), parseISO(vanaf)) + 1;
    return {
      tekst: t('dashboard.due.teLaat', { count: Math.max(laat, 1) }),
      datum: t('dashboard.due.sinds', { datum: shortDate(vanaf) }),
      tone: 'red',
    };
  }
  const tekst =
    n === 0
      ? t('dashboard.due.vandaag')
      : n === 1
        ? t('dashboard.due.morgen')
        : n > 1
          ? t('dashboard.due.over', { count: n })
          : t('dashboard.due.geleden', { count: -n });
  return { tekst, datum: shortDate(datum), tone: n <= 1 || o.urgent ? 'orange' : 'gray' };
}

/** Overdue, due up to the core's pin date, or a step of the sexual-offence path. */
export const isPinned = (o: Obligation, d: Pick<Dashboard, 'spoedTot'>) =>
  o.urgent || o.teLaat || (!!o.uiterlijk && o.uiterlijk <= d.spoedTot);
