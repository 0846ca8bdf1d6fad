// Row labels of the yearly figures in the UI language: the core writes Dutch labels (they go into
// the Word document); the app shows the domain's own English labels where it has them.
import i18n from '../../i18n';
import { PLATFORM, ERNST, LOCATIE, MAATREGEL, INSTANTIE, PERSOON_SOORT, ROL } from '@shared/domain';
import type { Label } from '@shared/domain';
import type { FigureTableKey } from '@shared/api/yearReports';

const VOCAB: Partial<Record<FigureTableKey, Record<string, Label>>> = {
  platform: PLATFORM.labels,
  ernst: ERNST.labels,
  locatie: LOCATIE.labels,
  maatregel: MAATREGEL.labels,
  externeMelding: INSTANTIE.labels,
};

const MONTH_KEYS = ['08', '09', '10', '11', '12', '01', '02', '03', '04', '05', '06', '07'];

export function rowLabel(table: FigureTableKey, key: string, coreLabel: string, categoryLabel: (code: string) => string): string {
  if (table === 'categorie') return categoryLabel(key);
  if (table === 'maatregelCategorie') return key === 'zonder_melding' ? i18n.t('reports:zonderMelding') : categoryLabel(key);
  if (table === 'status') return i18n.t(`reports:status.${key}`, { defaultValue: coreLabel });
  if (table === 'maand') return (i18n.t('reports:maanden', { returnObjects: true }) as string[])[MONTH_KEYS.indexOf(key)] ?? coreLabel;
  if (table === 'verplichtingen') return i18n.t(`reports:verplichting.${key}`, { defaultValue: coreLabel });
  const l = VOCAB[table]?.[key];
  return l ? (i18n.language === 'en' ? l.en : l.nl) : coreLabel;
}

export const soortLabel = (code: string) => {
  const l = (PERSOON_SOORT.labels as Record<string, Label | undefined>)[code];
  return l ? (i18n.language === 'en' ? l.en : l.nl) : code;
};

export const rolLabel = (code: string) => {
  const l = (ROL.labels as Record<string, Label | undefined>)[code];
  return l ? (i18n.language === 'en' ? l.en : l.nl) : code;
};
