// CSV that Dutch Excel opens correctly on a double-click: semicolon separated (the Dutch list
// separator), UTF-8 with a byte-order mark (else Excel reads it as Windows-1252 and breaks é and ë),
// CRLF line ends, quotes where needed, dates as dd-mm-jjjj. A cell that starts with = + - @ (or a
// tab or carriage return) gets a leading apostrophe, so a spreadsheet never runs it as a formula
// (CSV injection). papaparse does the quoting.
import Papa from 'papaparse';
import { dutchShortDate } from '@shared/dates';
import type { Column } from './columns';

const BOM = '\uFEFF';
/** Any cell starting like this is neutralised: papaparse's own default pattern misses multi-line cells. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function cellText<T>(c: Column<T>, row: T): string | number {
  const v = c.value(row);
  if (v === null || v === '') return '';
  if (c.kind === 'date' && typeof v === 'string') return dutchShortDate(v);
  return v;
}

export function toCsv<T>(columns: Column<T>[], rows: T[]): Buffer {
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => cellText(c, r))) },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START, header: true },
  );
  return Buffer.from(`${BOM}${body}\r\n`, 'utf8');
}
