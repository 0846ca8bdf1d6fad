// De-identification of published counts. A count of 1 to (minimum group size − 1) is
// suppressed as "< 5": in a school, "2 staff members were dader" points at people. Zero stays
// visible: it describes no one. Where a table also publishes its total, a single suppressed cell
// could be worked out as total − the other cells (complementary disclosure), so the smallest other
// non-zero cell is hidden too ("x"). Changes in % are shown only between two published counts.
import type { Cell, FigureRow } from '@shared/api/yearReports';

export const shown = (n: number): Cell => ({ waarde: n, tekst: String(n), onderdrukt: null });

export function publish(n: number, min: number): Cell {
  return n > 0 && n < min ? { waarde: null, tekst: `< ${min}`, onderdrukt: 'klein' } : shown(n);
}

/** A year in which nothing at all was recorded: not "0" (that would be a finding), and no change to compare. */
export const noData: Cell = { waarde: null, tekst: 'geen gegevens', onderdrukt: null };

const hidden: Cell = { waarde: null, tekst: 'x', onderdrukt: 'aanvullend' };

/**
 * Publishes one column of counts together with its total. When exactly one cell is suppressed and
 * the total is shown, the smallest other non-zero cell is hidden as well; with two or more
 * suppressed cells only their sum can be derived, never one of them.
 */
export function publishColumn(values: number[], total: number, min: number): { cells: Cell[]; totaal: Cell } {
  const cells = values.map((v) => publish(v, min));
  const totaal = publish(total, min);
  const small = cells.filter((c) => c.onderdrukt === 'klein').length;
  if (small === 1 && totaal.onderdrukt === null) {
    let pick = -1;
    values.forEach((v, i) => {
      if (cells[i].onderdrukt === null && v > 0 && (pick < 0 || v < values[pick])) pick = i;
    });
    if (pick >= 0) cells[pick] = hidden;
  }
  return { cells, totaal };
}

const MINUS = '\u2212';

/** "+50%", "−33%", "0%", "nieuw" (from zero) or "–" when either count is not published. */
export function change(huidig: Cell, vorig: Cell): string {
  if (huidig.waarde === null || vorig.waarde === null) return '–';
  if (vorig.waarde === 0) return huidig.waarde === 0 ? '0%' : 'nieuw';
  const pct = Math.round(((huidig.waarde - vorig.waarde) / vorig.waarde) * 100);
  return pct > 0 ? `+${pct}%` : pct < 0 ? `${MINUS}${Math.abs(pct)}%` : '0%';
}

/** Rows of a table comparing this year with the previous one, each column suppressed on its own. */
export function comparisonRows(
  keys: { key: string; label: string }[],
  huidig: Map<string, number>,
  vorig: Map<string, number>,
  totals: { huidig: number; vorig: number },
  min: number,
): { rows: FigureRow[]; totaal: FigureRow } {
  const cur = publishColumn(
    keys.map((k) => huidig.get(k.key) ?? 0),
    totals.huidig,
    min,
  );
  const prev = publishColumn(
    keys.map((k) => vorig.get(k.key) ?? 0),
    totals.vorig,
    min,
  );
  const rows = keys.map((k, i) => ({
    key: k.key,
    label: k.label,
    huidig: cur.cells[i],
    vorig: prev.cells[i],
    verandering: change(cur.cells[i], prev.cells[i]),
  }));
  return {
    rows,
    totaal: { key: 'totaal', label: 'Totaal', huidig: cur.totaal, vorig: prev.totaal, verandering: change(cur.totaal, prev.totaal) },
  };
}
