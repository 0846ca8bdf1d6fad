// The board's view of several schools (docs/BOARD.md): per figure a column per school and the
// board's total. The files hold only published cells, so a total over a suppressed cell is not
// known: it is shown as "≥ n" (at least the shown counts plus the least the hidden ones can be),
// never as a number that, minus the other schools' cells, would give the hidden count away. And
// where one row's total could still be worked out from the grand total and the other rows, the
// grand total is hidden too ("x").
import type { Cell, FigureRow } from '@shared/api/yearReports';
import { CATEGORIE, ERNST, INSTANTIE, LOCATIE, MAATREGEL, PLATFORM } from '@shared/domain';
import { change, noData, shown } from '../reports/publish';
import { MAANDEN } from '../reports/yearReport';
import { VERPLICHTING_KEYS } from '../reports/figures';
import type { BoardFigures } from './figures';
import { EIGEN } from './figures';

export interface BoardSchool {
  naam: string;
  brin: string;
  sector: string;
  vingerafdruk: string;
  minimaleGroepsgrootte: number;
  bestandsnaam: string;
  gemaaktOp: string;
  appVersie: string;
}

export interface BoardRow {
  key: string;
  label: string;
  /** This school year, one cell per school in the order of BoardReport.scholen. */
  scholen: Cell[];
  /** The schools' total this year and last year, and the change between the two. */
  totaal: FigureRow;
}

export interface BoardTableOut {
  key: BoardFigures['tabellen'][number]['key'];
  titel: string;
  rijen: BoardRow[];
  totaal: BoardRow;
}

export interface BoardReport {
  schooljaar: string;
  vorigSchooljaar: string;
  gemaaktOp: string;
  scholen: BoardSchool[];
  /** Incidents per school: one row per school (this year and last), the board's total last. */
  meldingen: { rijen: FigureRow[]; totaal: FigureRow };
  tabellen: BoardTableOut[];
  doorlooptijd: { school: string; afgehandeld: Cell; mediaanDagen: number | null; langsteDagen: number | null }[];
  doorlooptijdTotaal: Cell;
  /** Whether any total was hidden because a suppressed count could otherwise be worked out. */
  verborgenTotalen: string[];
}

/** A total over cells published by different schools, each with its own minimum group size. */
export function combine(cells: Cell[], mins: number[]): Cell {
  if (cells.every((c) => c.waarde === null && c.onderdrukt === null)) return noData;
  let known = 0;
  let least = 0;
  let hidden = 0;
  cells.forEach((c, i) => {
    if (c.waarde !== null) known += c.waarde;
    else if (c.onderdrukt === 'klein') {
      hidden++;
      least += 1;
    } else if (c.onderdrukt === 'aanvullend') {
      // "x" is a shown count hidden next to a small one: at least the minimum group size.
      hidden++;
      least += mins[i];
    }
  });
  if (!hidden) return shown(known);
  return { waarde: null, tekst: `≥ ${known + least}`, onderdrukt: 'aanvullend' };
}

const HIDDEN_TOTAL: Cell = { waarde: null, tekst: 'x', onderdrukt: 'aanvullend' };
const isOpen = (c: Cell) => c.waarde === null && c.onderdrukt !== null;

/**
 * Whether a column's grand total would give a row's total away: exactly one row is not known while
 * the grand total is, so that row is the grand total minus the others.
 */
export const totalGivesAway = (rows: Cell[], total: Cell): boolean => total.waarde !== null && rows.filter(isOpen).length === 1;

/** Tables whose total is the number of incidents of the year. */
const PER_MELDING = new Set(['categorie', 'platform', 'maand', 'ernst', 'locatie', 'status']);

const ORDER: Record<string, readonly string[]> = {
  categorie: [...CATEGORIE.codes, EIGEN.key],
  maatregelCategorie: [...CATEGORIE.codes, EIGEN.key, 'zonder_melding'],
  platform: PLATFORM.codes,
  maand: MAANDEN.map((m) => m.key),
  ernst: ERNST.codes,
  locatie: LOCATIE.codes,
  status: ['open', 'afgesloten'],
  maatregel: MAATREGEL.codes,
  externeMelding: INSTANTIE.codes,
  verplichtingen: VERPLICHTING_KEYS,
};

const zero = shown(0);

function rowOf(key: string, label: string, scholen: Cell[], vorig: Cell[], mins: number[]): BoardRow {
  const huidig = combine(scholen, mins);
  const prev = combine(vorig, mins);
  return { key, label, scholen, totaal: { key, label, huidig, vorig: prev, verandering: change(huidig, prev) } };
}

export function mergeFigures(files: { content: BoardFigures; bestandsnaam: string; vingerafdruk: string }[], today: string): BoardReport {
  const sortedFiles = [...files].sort(
    (a, b) =>
      a.content.school.naam.localeCompare(b.content.school.naam, 'nl') || a.content.school.brin.localeCompare(b.content.school.brin),
  );
  const schools = sortedFiles.map((f) => f.content);
  const mins = schools.map((s) => s.minimaleGroepsgrootte);
  const verborgen: string[] = [];

  // Incidents per school.
  const mRows: FigureRow[] = schools.map((s) => ({
    key: s.school.brin,
    label: s.school.naam,
    huidig: s.meldingen.huidig,
    vorig: s.meldingen.vorig,
    verandering: change(s.meldingen.huidig, s.meldingen.vorig),
  }));
  const mTotal = rowOf(
    'totaal',
    'Totaal',
    schools.map((s) => s.meldingen.huidig),
    schools.map((s) => s.meldingen.vorig),
    mins,
  ).totaal;
  let hideMeldingen = {
    huidig: totalGivesAway(
      mRows.map((r) => r.huidig),
      mTotal.huidig,
    ),
    vorig: totalGivesAway(
      mRows.map((r) => r.vorig),
      mTotal.vorig,
    ),
  };

  const keys = [...new Set(schools.flatMap((s) => s.tabellen.map((t) => t.key)))].sort(
    (a, b) => Object.keys(ORDER).indexOf(a) - Object.keys(ORDER).indexOf(b),
  );
  const tabellen: BoardTableOut[] = keys.map((key) => {
    const tables = schools.map((s) => s.tabellen.find((t) => t.key === key));
    const labels = new Map<string, string>();
    for (const t of tables) for (const r of t?.rijen ?? []) if (!labels.has(r.key)) labels.set(r.key, r.label);
    const order = ORDER[key] ?? [];
    const rank = (k: string) => (order.indexOf(k) < 0 ? order.length : order.indexOf(k));
    const rowKeys = [...labels.keys()].sort((a, b) => rank(a) - rank(b));
    // A row a school's file lacks is a count of 0 (the report leaves out kinds nobody had), unless
    // the school has no figures at all for that year.
    const cellOf = (i: number, rowKey: string, year: 'huidig' | 'vorig'): Cell => {
      const t = tables[i];
      const has = year === 'huidig' ? schools[i].jaarGegevens : schools[i].vorigJaarGegevens;
      if (!t) return noData;
      return t.rijen.find((r) => r.key === rowKey)?.[year] ?? (has ? zero : noData);
    };
    const rijen = rowKeys.map((rk) =>
      rowOf(
        rk,
        labels.get(rk) ?? rk,
        schools.map((_, i) => cellOf(i, rk, 'huidig')),
        schools.map((_, i) => cellOf(i, rk, 'vorig')),
        mins,
      ),
    );
    const totaal = rowOf(
      'totaal',
      'Totaal',
      tables.map((t) => t?.totaal.huidig ?? noData),
      tables.map((t) => t?.totaal.vorig ?? noData),
      mins,
    );
    const titel = tables.find((t) => t)?.titel ?? key;
    return { key, titel, rijen, totaal };
  });

  // Hide a grand total that would give a row's total away. The tables counted per incident share
  // their total with the incidents per school, so one of them hides it in all of them.
  for (const year of ['huidig', 'vorig'] as const) {
    const gives = (t: BoardTableOut) =>
      totalGivesAway(
        t.rijen.map((r) => r.totaal[year]),
        t.totaal.totaal[year],
      );
    const perMelding = hideMeldingen[year] || tabellen.some((t) => PER_MELDING.has(t.key) && gives(t));
    for (const t of tabellen) {
      if ((PER_MELDING.has(t.key) && perMelding) || (!PER_MELDING.has(t.key) && gives(t))) {
        t.totaal.totaal = { ...t.totaal.totaal, [year]: HIDDEN_TOTAL, verandering: '–' };
        if (!verborgen.includes(t.titel)) verborgen.push(t.titel);
      }
    }
    if (perMelding) hideMeldingen = { ...hideMeldingen, [year]: true };
  }
  const meldingenTotaal: FigureRow = {
    ...mTotal,
    huidig: hideMeldingen.huidig ? HIDDEN_TOTAL : mTotal.huidig,
    vorig: hideMeldingen.vorig ? HIDDEN_TOTAL : mTotal.vorig,
    verandering: hideMeldingen.huidig || hideMeldingen.vorig ? '–' : mTotal.verandering,
  };
  if ((hideMeldingen.huidig || hideMeldingen.vorig) && !verborgen.includes('Meldingen per school'))
    verborgen.unshift('Meldingen per school');

  return {
    schooljaar: schools[0].schooljaar,
    vorigSchooljaar: schools[0].vorigSchooljaar,
    gemaaktOp: today,
    scholen: sortedFiles.map((f) => ({
      naam: f.content.school.naam,
      brin: f.content.school.brin,
      sector: f.content.school.sector,
      vingerafdruk: f.vingerafdruk,
      minimaleGroepsgrootte: f.content.minimaleGroepsgrootte,
      bestandsnaam: f.bestandsnaam,
      gemaaktOp: f.content.gemaaktOp,
      appVersie: f.content.appVersie,
    })),
    meldingen: { rijen: mRows, totaal: meldingenTotaal },
    tabellen,
    doorlooptijd: schools.map((s) => ({ school: s.school.naam, ...s.doorlooptijd })),
    doorlooptijdTotaal: combine(
      schools.map((s) => s.doorlooptijd.afgehandeld),
      mins,
    ),
    verborgenTotalen: verborgen,
  };
}
