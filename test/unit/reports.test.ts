// Suppression rules, change in %, CSV bytes and the charts, without a database.
import { describe, it, expect } from 'vitest';
import { publish, publishColumn, change, shown, noData } from '../../src/main/reports/publish';
import { toCsv } from '../../src/main/reports/exports/csv';
import type { Column } from '../../src/main/reports/exports/columns';
import { axisTicks, horizontalBarSvg, verticalBarSvg } from '../../src/main/reports/charts';

const texts = (cells: { tekst: string }[]) => cells.map((c) => c.tekst);

describe('suppression of small groups', () => {
  it('shows 0 and counts from the minimum up, hides 1 to min − 1 as "< min"', () => {
    expect([0, 1, 4, 5, 12].map((n) => publish(n, 5).tekst)).toEqual(['0', '< 5', '< 5', '5', '12']);
    expect(publish(2, 3)).toEqual({ waarde: null, tekst: '< 3', onderdrukt: 'klein' });
  });
  it('hides the smallest other non-zero cell when one small cell could be worked out from the total', () => {
    const { cells, totaal } = publishColumn([7, 0, 5, 2, 9], 23, 5);
    expect(texts(cells)).toEqual(['7', '0', 'x', '< 5', '9']);
    expect(totaal.tekst).toBe('23');
    expect(cells.filter((c) => c.waarde === null).every((c) => c.onderdrukt !== null)).toBe(true);
  });
  it('needs no second cell when two cells are small, or when the total is itself suppressed', () => {
    expect(texts(publishColumn([7, 3, 2], 12, 5).cells)).toEqual(['7', '< 5', '< 5']);
    const small = publishColumn([3, 0], 3, 5);
    expect(texts(small.cells)).toEqual(['< 5', '0']);
    expect(small.totaal.tekst).toBe('< 5');
  });
});

describe('change in %', () => {
  it('compares published counts only', () => {
    expect(change(shown(18), shown(12))).toBe('+50%');
    expect(change(shown(12), shown(18))).toBe('−33%');
    expect(change(shown(5), shown(5))).toBe('0%');
    expect(change(shown(6), shown(0))).toBe('nieuw');
    expect(change(shown(0), shown(0))).toBe('0%');
    expect(change(publish(3, 5), shown(8))).toBe('–');
  });
});

interface Row {
  naam: string;
  datum: string | null;
  n: number;
}
const cols: Column<Row>[] = [
  { header: 'Naam', kind: 'text', width: 10, value: (r) => r.naam },
  { header: 'Datum', kind: 'date', width: 10, value: (r) => r.datum },
  { header: 'Aantal', kind: 'number', width: 10, value: (r) => r.n },
];

describe('CSV for Dutch Excel', () => {
  it('starts with the UTF-8 BOM, uses ; and CRLF, writes dates as dd-mm-jjjj', () => {
    const buf = toCsv(cols, [
      { naam: 'Zoë', datum: '2026-11-03', n: 2 },
      { naam: 'Sem', datum: null, n: -1 },
    ]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8').slice(1)).toBe('Naam;Datum;Aantal\r\nZoë;03-11-2026;2\r\nSem;;-1\r\n');
  });
  it('quotes separators, quotes and line breaks', () => {
    const text = toCsv(cols, [{ naam: 'a;b "c"\nd', datum: null, n: 1 }]).toString('utf8');
    expect(text.slice(1)).toBe('Naam;Datum;Aantal\r\n"a;b ""c""\nd";;1\r\n');
  });
  it('neutralises formulas with a leading apostrophe, also in multi-line cells', () => {
    const rows = ['=HYPERLINK("x")', '+31 6', '-2+3', '@SUM(A1)', '=1+1\nregel 2', 'gewoon = tekst'].map((naam) => ({
      naam,
      datum: null,
      n: 0,
    }));
    const lines = toCsv(cols, rows).toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, 7)).toEqual([
      `"'=HYPERLINK(""x"")";;0`,
      `"'+31 6";;0`,
      `"'-2+3";;0`,
      `"'@SUM(A1)";;0`,
      `"'=1+1\nregel 2";;0`,
      'gewoon = tekst;;0',
    ]);
  });
});

describe('charts', () => {
  it('puts whole-number ticks on the axis', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(12)).toEqual([0, 5, 10, 15]);
    expect(axisTicks(18)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(130)).toEqual([0, 50, 100, 150]);
  });
  it('draws no chart when every count is zero', () => {
    const row = { key: 'a', label: 'A', huidig: shown(0), vorig: shown(0), verandering: '0%' };
    expect(horizontalBarSvg('', [row], { huidig: 'x', vorig: 'y' })).toBeNull();
    expect(verticalBarSvg('', [row], { huidig: 'x', vorig: 'y' })).toBeNull();
  });
  it('still draws the chart when every count is suppressed: each as its "< 5", no bar, never a zero', () => {
    const rows = [
      { key: 'a', label: 'A', huidig: publish(3, 5), vorig: shown(0), verandering: '–' },
      { key: 'b', label: 'B', huidig: publish(2, 5), vorig: noData, verandering: '–' },
    ];
    for (const svg of [horizontalBarSvg('', rows, { huidig: 'x', vorig: 'y' }), verticalBarSvg('', rows, { huidig: 'x', vorig: 'y' })]) {
      expect(svg).not.toBeNull();
      expect(svg?.match(/&lt; 5/g)?.length).toBe(2);
      expect(svg).not.toContain('geen gegevens');
      // Only the legend's square in this year's colour: no bar.
      expect(svg?.match(/fill="#1c5d99"/g)?.length).toBe(1);
    }
  });
  it('draws no bar for a suppressed count, only its text', () => {
    const svg = horizontalBarSvg(
      'T',
      [
        { key: 'a', label: 'A', huidig: shown(8), vorig: shown(0), verandering: 'nieuw' },
        { key: 'b', label: 'B', huidig: publish(2, 5), vorig: shown(0), verandering: '–' },
      ],
      { huidig: '2025-2026', vorig: '2024-2025' },
    ) as string;
    expect(svg.match(/<rect x="450"/g)?.length).toBe(1);
    expect(svg).toContain('&lt; 5');
  });
});
