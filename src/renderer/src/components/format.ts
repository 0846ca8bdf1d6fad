// How values are shown: Dutch dates (21-11-2026, "21 november 2026"), sizes, and the labels of the
// domain's vocabularies in the current language.
import { format, parseISO, isValid } from 'date-fns';
import { nl, enGB } from 'date-fns/locale';
import i18n from '../i18n';
import type { Label } from '@shared/domain';

const lang = () => (i18n.language === 'en' ? 'en' : 'nl');

/** dd-mm-jjjj; empty for null. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parseISO(iso);
  return isValid(d) ? format(d, 'dd-MM-yyyy') : iso;
}

/** "21 november 2026" (or "21 November 2026" in English). */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parseISO(iso);
  return isValid(d) ? format(d, 'd MMMM yyyy', { locale: lang() === 'en' ? enGB : nl }) : iso;
}

/** A UTC timestamp shown in local time: "21-11-2026 14:05". */
export function dateTime(isoTs: string | null | undefined): string {
  if (!isoTs) return '';
  const d = new Date(isoTs);
  return Number.isNaN(d.getTime()) ? isoTs : format(d, 'dd-MM-yyyy HH:mm');
}

export function fileSize(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  const fmt = (n: number) => n.toLocaleString(lang() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} kB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}

/** The label of a code in one of the domain vocabularies, in the UI language. */
export function label<K extends string>(vocab: { labels: Record<K, Label> }, code: K | string | null | undefined): string {
  if (!code) return '';
  const l = (vocab.labels as Record<string, Label | undefined>)[code];
  return l ? l[lang()] : code;
}

/** Select options for a vocabulary, optionally limited to some codes. */
export function options<K extends string>(vocab: { codes: readonly K[]; labels: Record<K, Label> }, only?: readonly K[]) {
  return (only ?? vocab.codes).map((code) => ({ value: code, label: vocab.labels[code][lang()] }));
}

/** "klas" → "Klas" (the sector words are stored in lower case). */
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
