// A bar chart of one table of the yearly report (recharts): this school year against the previous
// one. Suppressed counts get no bar (its length would give the number away), only "< 5" or "x";
// a year without data ("geen gegevens") gets neither.
import { Bar, BarChart, CartesianGrid, Cell as RCell, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cell, FigureRow } from '@shared/api/yearReports';

export interface ChartRow extends FigureRow {
  /** The label in the UI language. */
  naam: string;
}

/** The bar's label: its count, "< 5" or "x" when suppressed; nothing for 0 or "geen gegevens". */
const label = (c: Cell) => (c.onderdrukt !== null || (c.waarde ?? 0) > 0 ? c.tekst : '');

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
  const drawable = (r: FigureRow) =>
    (r.huidig.waarde ?? 0) > 0 || (r.vorig.waarde ?? 0) > 0 || r.huidig.onderdrukt !== null || r.vorig.onderdrukt !== null;
  const shown = vertical ? rows : rows.filter(drawable);
  if (!shown.some(drawable)) {
    return (
      <Text size="sm" c="dimmed" mb="sm">
        {t('noChart')}
      </Text>
    );
  }
  const max = Math.max(1, ...shown.flatMap((r) => [r.huidig.waarde ?? 0, r.vorig.waarde ?? 0]));
  // recharts draws no label without a bar: a suppressed count gets a hair-thin, transparent bar so
  // that its "< 5" is placed, and nothing of a length that would give the number away.
  const hair = max / 1000;
  const length = (c: Cell) => (c.waarde === null ? (c.onderdrukt !== null ? hair : 0) : c.waarde);
  const data = shown.map((r) => ({
    naam: vertical ? r.naam.slice(0, 3) : r.naam,
    huidig: length(r.huidig),
    vorig: length(r.vorig),
    huidigTekst: label(r.huidig),
    vorigTekst: label(r.vorig),
  }));
  const bars = (position: 'top' | 'right') =>
    (['huidig', 'vorig'] as const).map((k) => (
      <Bar key={k} dataKey={k} name={years[k]} fill={k === 'huidig' ? HUIDIG : VORIG} isAnimationActive={false}>
        {shown.map((r) => (
          <RCell key={r.key} fill={r[k].waarde === null ? 'transparent' : k === 'huidig' ? HUIDIG : VORIG} />
        ))}
        <LabelList dataKey={`${k}Tekst`} position={position} fontSize={11} fill="#1f2933" />
      </Bar>
    ));
  const height = vertical ? 260 : Math.max(140, 48 + shown.length * 44);
  return (
    <div role="img" aria-label={t('chartOf', { titel: title })} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {vertical ? (
          <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="naam" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} domain={[0, max]} />
            <Legend itemSorter={null} />
            {bars('top')}
          </BarChart>
        ) : (
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} domain={[0, max]} />
            <YAxis type="category" dataKey="naam" width={210} tick={{ fontSize: 12 }} />
            <Legend itemSorter={null} />
            {bars('right')}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
