// A bar chart of one table of the yearly report (recharts): this school year against the previous
// one. Suppressed counts get no bar (its length would give the number away), only "< 5" or "x".
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureRow } from '../../../../shared/api/yearReports';

export interface ChartRow extends FigureRow {
  /** The label in the UI language. */
  naam: string;
}

const HUIDIG = '#1c5d99';
const VORIG = '#8a97a6';

export function FigureChart({
  rows,
  years,
  vertical,
  title,
}: {
  rows: ChartRow[];
  years: { huidig: string; vorig: string };
  vertical?: boolean;
  title: string;
}) {
  const { t } = useTranslation('reports');
  const shown = vertical ? rows : rows.filter((r) => r.huidig.tekst !== '0' || r.vorig.tekst !== '0');
  if (!shown.some((r) => (r.huidig.waarde ?? 0) > 0 || (r.vorig.waarde ?? 0) > 0)) {
    return (
      <Text size="sm" c="dimmed" mb="sm">
        {t('noChart')}
      </Text>
    );
  }
  const data = shown.map((r) => ({
    naam: vertical ? r.naam.slice(0, 3) : r.naam,
    huidig: r.huidig.waarde ?? 0,
    vorig: r.vorig.waarde ?? 0,
    huidigTekst: r.huidig.waarde === 0 ? '' : r.huidig.tekst,
    vorigTekst: r.vorig.waarde === 0 ? '' : r.vorig.tekst,
  }));
  const height = vertical ? 260 : Math.max(140, 48 + shown.length * 44);
  return (
    <div role="img" aria-label={t('chartOf', { titel: title })} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {vertical ? (
          <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="naam" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
            <Legend itemSorter={null} />
            <Bar dataKey="huidig" name={years.huidig} fill={HUIDIG} isAnimationActive={false}>
              <LabelList dataKey="huidigTekst" position="top" fontSize={11} />
            </Bar>
            <Bar dataKey="vorig" name={years.vorig} fill={VORIG} isAnimationActive={false}>
              <LabelList dataKey="vorigTekst" position="top" fontSize={11} />
            </Bar>
          </BarChart>
        ) : (
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="naam" width={210} tick={{ fontSize: 12 }} />
            <Legend itemSorter={null} />
            <Bar dataKey="huidig" name={years.huidig} fill={HUIDIG} isAnimationActive={false}>
              <LabelList dataKey="huidigTekst" position="right" fontSize={11} />
            </Bar>
            <Bar dataKey="vorig" name={years.vorig} fill={VORIG} isAnimationActive={false}>
              <LabelList dataKey="vorigTekst" position="right" fontSize={11} />
            </Bar>
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
