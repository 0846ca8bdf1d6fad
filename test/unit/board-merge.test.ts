// The board's totals over published cells (src/main/board/merge.ts, docs/BOARD.md): a total over a
// suppressed cell is only "at least", and a grand total that would give one row's total away is
// hidden, in the table and in every table that shares the number of incidents as its total.
import { describe, it, expect } from 'vitest';
import { combine, mergeFigures, totalGivesAway } from '../../src/main/board/merge';
import type { BoardFigures } from '../../src/main/board/figures';
import type { Cell } from '../../src/shared/api/yearReports';

const n = (v: number): Cell => ({ waarde: v, tekst: String(v), onderdrukt: null });
const klein: Cell = { waarde: null, tekst: '< 5', onderdrukt: 'klein' };
const x: Cell = { waarde: null, tekst: 'x', onderdrukt: 'aanvullend' };
const geen: Cell = { waarde: null, tekst: 'geen gegevens', onderdrukt: null };

function school(brin: string, naam: string, rows: Record<string, Cell>, total: Cell): BoardFigures {
  const rijen = Object.entries(rows).map(([key, c]) => ({ key, label: key, huidig: c, vorig: n(0) }));
  return {
    formaat: 'schoolprotocol-bestuurscijfers',
    versie: 1,
    school: { naam, brin, sector: 'PO' },
    schooljaar: '2025-2026',
    vorigSchooljaar: '2024-2025',
    appVersie: '0.1.0',
    gemaaktOp: '2026-09-15',
    minimaleGroepsgrootte: 5,
    jaarGegevens: true,
    vorigJaarGegevens: true,
    meldingen: { huidig: total, vorig: n(0) },
    tabellen: [
      { key: 'platform', titel: 'Meldingen per platform', rijen, totaal: { huidig: total, vorig: n(0) } },
      { key: 'maatregel', titel: 'Maatregelen naar soort', rijen, totaal: { huidig: total, vorig: n(0) } },
    ],
    doorlooptijd: { afgehandeld: n(0), mediaanDagen: null, langsteDagen: null },
    verplichtingenBeschikbaar: true,
    publiekeSleutel: '',
  };
}

describe('combine', () => {
  it('adds known cells, says "at least" over hidden ones, and "geen gegevens" only when no school has data', () => {
    expect(combine([n(7), n(10), n(0)], [5, 5, 5])).toEqual(n(17));
    // "< 5" is at least 1, "x" (a shown count hidden beside a small one) at least the school's minimum.
    expect(combine([n(7), klein, x], [5, 5, 3]).tekst).toBe('≥ 11');
    expect(combine([n(7), klein], [5, 5]).waarde).toBeNull();
    expect(combine([geen, n(4)], [5, 5])).toEqual(n(4));
    expect(combine([geen, geen], [5, 5]).tekst).toBe('geen gegevens');
  });

  it('a known grand total gives a row away when exactly one row total is unknown', () => {
    expect(totalGivesAway([n(5), { ...x, tekst: '≥ 6' }], n(12))).toBe(true);
    expect(
      totalGivesAway(
        [
          { ...x, tekst: '≥ 1' },
          { ...x, tekst: '≥ 6' },
        ],
        n(12),
      ),
    ).toBe(false);
    expect(totalGivesAway([n(5), { ...x, tekst: '≥ 6' }], x)).toBe(false);
  });
});

describe('mergeFigures', () => {
  it('hides a grand total that would give a suppressed count away, also in the incidents per school', () => {
    // A file that did not hide a second cell (not what publish.ts writes): one small cell beside a known total.
    const a = school('12AB', 'A', { whatsapp: n(9), tiktok: klein }, n(12));
    const b = school('34CD', 'B', { whatsapp: n(6), tiktok: n(0) }, n(6));
    const r = mergeFigures(
      [
        { content: a, bestandsnaam: 'a', vingerafdruk: 'A' },
        { content: b, bestandsnaam: 'b', vingerafdruk: 'B' },
      ],
      '2026-10-01',
    );
    const platform = r.tabellen.find((t) => t.key === 'platform')!;
    expect(platform.rijen.map((row) => row.totaal.huidig.tekst)).toEqual(['≥ 1', '15']);
    expect(platform.totaal.totaal.huidig.tekst).toBe('x');
    expect(r.meldingen.totaal.huidig.tekst).toBe('x');
    // The measures table has its own total: hidden there for the same reason.
    expect(r.tabellen.find((t) => t.key === 'maatregel')!.totaal.totaal.huidig.tekst).toBe('x');
    expect(r.verborgenTotalen).toContain('Meldingen per platform');
  });

  it('keeps the grand total when two or more row totals are unknown (only their sum follows)', () => {
    const a = school('12AB', 'A', { whatsapp: n(9), tiktok: klein, snapchat: x }, n(20));
    const b = school('34CD', 'B', { whatsapp: n(6), tiktok: n(0), snapchat: n(0) }, n(6));
    const r = mergeFigures(
      [
        { content: a, bestandsnaam: 'a', vingerafdruk: 'A' },
        { content: b, bestandsnaam: 'b', vingerafdruk: 'B' },
      ],
      '2026-10-01',
    );
    const platform = r.tabellen.find((t) => t.key === 'platform')!;
    expect(platform.totaal.totaal.huidig).toEqual(n(26));
    expect(r.meldingen.totaal.huidig).toEqual(n(26));
    expect(r.verborgenTotalen).toEqual([]);
  });
});
