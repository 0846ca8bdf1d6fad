// The shipped school holidays (resources/schoolvakanties.json): their shape, lengths and order for
// every school year and region, which years are provisional and why, and a spot check against the
// dates the Rijksoverheid published.
import { describe, it, expect } from 'vitest';
import data from '../../resources/schoolvakanties.json';

type Regio = 'noord' | 'midden' | 'zuid';
type Soort = 'herfst' | 'kerst' | 'voorjaar' | 'mei' | 'zomer';
interface Jaar {
  voorlopig: boolean;
  bron: string;
  adviesweekMei?: { start: string; eind: string };
  vakanties: Record<Soort, Record<Regio, [string, string]>>;
}
const jaren = (data as unknown as { schooljaren: Record<string, Jaar> }).schooljaren;
const REGIO: Regio[] = ['noord', 'midden', 'zuid'];
const SOORT: Soort[] = ['herfst', 'kerst', 'voorjaar', 'mei', 'zomer'];

const DAG = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const weekdag = (iso: string) => new Date(utc(iso)).getUTCDay();
/** Days from start to end, both included. */
const dagen = (start: string, eind: string) => (utc(eind) - utc(start)) / DAG + 1;

/** Saturday to Sunday, both included: six weeks of summer, two of Christmas, one for the rest. */
const LENGTE: Record<Soort, number> = { herfst: 9, kerst: 16, voorjaar: 9, mei: 9, zomer: 44 };

describe('the shipped school holidays, every year and region', () => {
  it('covers 2024-2025 through 2030-2031 without a gap', () => {
    const keys = Object.keys(jaren);
    expect(keys[0]).toBe('2024-2025');
    expect(keys.at(-1)).toBe('2030-2031');
    keys.forEach((k, i) => {
      const begin = 2024 + i;
      expect(k).toBe(`${begin}-${begin + 1}`);
    });
  });

  it.each(Object.entries(jaren))('%s: five holidays per region, each from a Saturday to a Sunday, of the right length', (jaar, j) => {
    expect(Object.keys(j.vakanties)).toEqual(SOORT);
    for (const soort of SOORT)
      for (const regio of REGIO) {
        const [start, eind] = j.vakanties[soort][regio];
        const wat = `${jaar} ${soort} ${regio}`;
        expect(weekdag(start), `${wat} starts ${start}`).toBe(6);
        expect(weekdag(eind), `${wat} ends ${eind}`).toBe(0);
        expect(dagen(start, eind), wat).toBe(LENGTE[soort]);
        expect(start >= `${jaar.slice(0, 4)}-08-01` && eind <= `${jaar.slice(5)}-09-30`, `${wat} lies in its school year`).toBe(true);
      }
  });

  it.each(Object.entries(jaren))('%s: the holidays follow each other in order and the year starts after last summer', (jaar, j) => {
    const vorig = jaren[`${Number(jaar.slice(0, 4)) - 1}-${jaar.slice(0, 4)}`];
    for (const regio of REGIO) {
      const reeks = SOORT.map((s) => j.vakanties[s][regio]);
      for (let i = 1; i < reeks.length; i++) expect(reeks[i][0] > reeks[i - 1][1], `${jaar} ${regio} ${SOORT[i]}`).toBe(true);
      if (vorig) expect(reeks[0][0] > vorig.vakanties.zomer[regio][1], `${jaar} ${regio} after last summer`).toBe(true);
    }
  });

  it.each(Object.entries(jaren))('%s: the summer is staggered, the regions a week apart; Christmas and May are national', (jaar, j) => {
    const starts = REGIO.map((r) => j.vakanties.zomer[r][0]).sort();
    expect(new Set(starts).size, jaar).toBe(3);
    expect((utc(starts[1]) - utc(starts[0])) / DAG, jaar).toBe(7);
    expect((utc(starts[2]) - utc(starts[1])) / DAG, jaar).toBe(7);
    for (const soort of ['kerst', 'mei'] as const) expect(new Set(REGIO.map((r) => j.vakanties[soort][r].join())).size, `${jaar} ${soort}`).toBe(1);
    // Christmas holds both Christmas Day and New Year's Day.
    const [kStart, kEind] = j.vakanties.kerst.noord;
    expect(kStart <= `${jaar.slice(0, 4)}-12-25` && kEind >= `${jaar.slice(5)}-01-01`, jaar).toBe(true);
  });

  it.each(Object.entries(jaren).filter(([, j]) => j.adviesweekMei))('%s: the advised extra May week, where published, is the week next to the May holiday', (jaar, j) => {
    const { start, eind } = j.adviesweekMei!;
    const mei = j.vakanties.mei.noord[0];
    expect([weekdag(start), weekdag(eind), dagen(start, eind)], jaar).toEqual([6, 0, 9]);
    expect([-7, 7], jaar).toContain((utc(start) - utc(mei)) / DAG);
  });
});

describe('where the dates come from', () => {
  it('marks exactly the years not taken from the Rijksoverheid as provisional, and says so in their source', () => {
    expect(Object.entries(jaren).map(([k, j]) => [k, j.voorlopig])).toEqual([
      ['2024-2025', false],
      ['2025-2026', false],
      ['2026-2027', true],
      ['2027-2028', false],
      ['2028-2029', false],
      ['2029-2030', true],
      ['2030-2031', true],
    ]);
    for (const [k, j] of Object.entries(jaren)) {
      expect(j.bron, k).toMatch(j.voorlopig ? /^Voorlopig: / : /^Rijksoverheid, 'Overzicht schoolvakanties \d{4}-\d{4}'/);
      if (!j.voorlopig) expect(j.bron, k).toContain(`'Overzicht schoolvakanties ${k}'`);
      expect(j.bron, `${k} names the autumn and spring dates as advice`).toMatch(/[Hh]erfst- en voorjaarsvakantie zijn (aangenomen )?adviesdata/);
    }
  });

  it('gives the advised extra May week only where a source published it', () => {
    expect(Object.keys(jaren).filter((k) => jaren[k].adviesweekMei)).toEqual(['2024-2025', '2025-2026', '2027-2028', '2028-2029']);
  });

  // Copied by hand from the Rijksoverheid's "Overzicht schoolvakanties 2027-2028" and "… 2028-2029"
  // (rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/…), and
  // from its 2024-2025 overview as Nationale Onderwijsgids reprinted it on 15 August 2024.
  const GEPUBLICEERD: [string, Soort, Regio, string, string][] = [
    ['2024-2025', 'herfst', 'noord', '2024-10-26', '2024-11-03'],
    ['2024-2025', 'herfst', 'zuid', '2024-10-19', '2024-10-27'],
    ['2024-2025', 'voorjaar', 'noord', '2025-02-15', '2025-02-23'],
    ['2024-2025', 'voorjaar', 'midden', '2025-02-22', '2025-03-02'],
    ['2024-2025', 'mei', 'zuid', '2025-04-26', '2025-05-04'],
    ['2024-2025', 'zomer', 'noord', '2025-07-12', '2025-08-24'],
    ['2024-2025', 'zomer', 'midden', '2025-07-19', '2025-08-31'],
    ['2024-2025', 'zomer', 'zuid', '2025-07-05', '2025-08-17'],
    ['2027-2028', 'herfst', 'midden', '2027-10-16', '2027-10-24'],
    ['2027-2028', 'herfst', 'zuid', '2027-10-23', '2027-10-31'],
    ['2027-2028', 'kerst', 'noord', '2027-12-25', '2028-01-09'],
    ['2027-2028', 'voorjaar', 'noord', '2028-02-19', '2028-02-27'],
    ['2027-2028', 'voorjaar', 'zuid', '2028-02-26', '2028-03-05'],
    ['2027-2028', 'mei', 'midden', '2028-04-29', '2028-05-07'],
    ['2027-2028', 'zomer', 'noord', '2028-07-15', '2028-08-27'],
    ['2027-2028', 'zomer', 'midden', '2028-07-08', '2028-08-20'],
    ['2027-2028', 'zomer', 'zuid', '2028-07-22', '2028-09-03'],
    ['2028-2029', 'herfst', 'noord', '2028-10-14', '2028-10-22'],
    ['2028-2029', 'herfst', 'midden', '2028-10-21', '2028-10-29'],
    ['2028-2029', 'kerst', 'zuid', '2028-12-23', '2029-01-07'],
    ['2028-2029', 'voorjaar', 'midden', '2029-02-17', '2029-02-25'],
    ['2028-2029', 'voorjaar', 'zuid', '2029-02-10', '2029-02-18'],
    ['2028-2029', 'mei', 'noord', '2029-04-28', '2029-05-06'],
    ['2028-2029', 'zomer', 'noord', '2029-07-21', '2029-09-02'],
    ['2028-2029', 'zomer', 'midden', '2029-07-07', '2029-08-19'],
    ['2028-2029', 'zomer', 'zuid', '2029-07-14', '2029-08-26'],
  ];
  it.each(GEPUBLICEERD)('%s %s %s: %s to %s as published', (jaar, soort, regio, start, eind) => {
    expect(jaren[jaar].vakanties[soort][regio]).toEqual([start, eind]);
  });
  it('the advised extra May weeks as published', () => {
    expect(jaren['2024-2025'].adviesweekMei).toEqual({ start: '2025-04-19', eind: '2025-04-27' });
    expect(jaren['2027-2028'].adviesweekMei).toEqual({ start: '2028-04-22', eind: '2028-04-30' });
    expect(jaren['2028-2029'].adviesweekMei).toEqual({ start: '2029-04-21', eind: '2029-04-29' });
  });
});
