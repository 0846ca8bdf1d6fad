// How a calendar item is named and marked in the UI language.
import type { TFunction } from 'i18next';
import type { CalendarItem } from '@shared/api/calendar';
import { shortDate } from '../format';
import i18n from '../../i18n';
import { isDutchUi } from '../DutchNote';

const OWN_TITLE = new Set(['evaluatie', 'protocol_start', 'mediawijsheid', 'monitor']);
const ACTIE_PREFIX = 'Actie uit de evaluatie: ';

/** Fixed items by their kind (translated); obligations and actions by their own text. */
export function itemTitle(t: TFunction, item: CalendarItem): string {
  if (OWN_TITLE.has(item.soort)) return t(`calendar:soort.${item.soort}`);
  if (item.soort === 'actie')
    return `${t('calendar:soort.actie')}: ${item.titel.startsWith(ACTIE_PREFIX) ? item.titel.slice(ACTIE_PREFIX.length) : item.titel}`;
  // An obligation has its title in English too (the core writes both); other items only in Dutch.
  return !isDutchUi(i18n.language) && item.titelEn ? item.titelEn : item.titel;
}

/** The badges of an item: its status, overdue, and whether the school set its own date. */
export function itemBadges(t: TFunction, item: CalendarItem): { label: string; color: string }[] {
  const out: { label: string; color: string }[] = [];
  if (item.status && item.status !== 'nvt')
    out.push({
      label: t(`calendar:status.${item.status}`, { defaultValue: item.status }),
      color: item.status === 'gesloten' || item.status === 'gedaan' ? 'gray' : 'schoolblauw',
    });
  if (item.teLaat) out.push({ label: t('calendar:status.teLaat'), color: 'red' });
  if (item.aangepast) out.push({ label: t('calendar:status.aangepast'), color: 'grape' });
  return out;
}

/** Whom and which incident a task is about: "Noor Verhoeven · melding M2026-0024" (the app only, never in the .ics). */
export function itemBelongsTo(t: TFunction, item: CalendarItem): string | null {
  if (!item.persoon && !item.incidentNummer) return null;
  return [item.persoon, item.incidentNummer ? t('calendar:list.melding', { nummer: item.incidentNummer }) : null]
    .filter(Boolean)
    .join(' · ');
}

export const COLOR: Record<CalendarItem['soort'], string> = {
  evaluatie: 'schoolblauw',
  protocol_start: 'teal',
  mediawijsheid: 'grape',
  monitor: 'orange',
  verplichting: 'red',
  actie: 'cyan',
};

export const itemDates = (t: TFunction, item: CalendarItem) =>
  item.einddatum ? `${shortDate(item.datum)} ${t('calendar:list.until', { datum: shortDate(item.einddatum) })}` : shortDate(item.datum);

export const isMoment = (item: CalendarItem): item is CalendarItem & { soort: 'protocol_start' | 'mediawijsheid' | 'monitor' } =>
  item.soort === 'protocol_start' || item.soort === 'mediawijsheid' || item.soort === 'monitor';
