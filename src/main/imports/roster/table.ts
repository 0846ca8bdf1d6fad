// A roster file as a table: the header row and the data rows, each with its line in the file
// (the line a school leader sees in Excel or Notepad), read from CSV (papaparse; delimiter and
// encoding detected) or .xlsx (exceljs; the first sheet with data, after zip.ts has checked the
// file). Rows and columns are capped (limits.ts) while reading, so an absurd file stops early.
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { decodeText, looksBinary, refuse } from '../file';
import type { Codering, ImportFile } from '../file';
import { fieldForHeader } from './fields';
import { checkZip } from '../zip';
import { MAX_KOLOMMEN, MAX_RIJEN, teVeelKolommen, teVeelRijen } from '../limits';

export interface TableRow {
  /** 1-based line (CSV) or row number (Excel) in the file. */
  regel: number;
  cellen: string[];
}

export interface Table {
  formaat: 'csv' | 'xlsx';
  codering: Codering | null;
  scheidingsteken: string | null;
  headers: string[];
  kopRegel: number;
  rows: TableRow[];
}

const DELIMITERS = [';', ',', '\t'] as const;

/** Counts a character outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines into the same number of columns most consistently
 * (a title line above the header has none and does not count).
 */
export function detectDelimiter(text: string): string | null {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best: { d: string; score: number; count: number } | null = null;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [count, score] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (!best || score > best.score || (score === best.score && count > best.count)) best = { d, score, count };
  }
  return best?.d ?? null;
}

const isEmptyRow = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The number of columns a row uses (up to its last non-empty cell). */
const usedColumns = (cells: string[]) => {
  let i = cells.length;
  while (i > 0 && cells[i - 1].trim() === '') i--;
  return i;
};

/** A row cut to MAX_KOLOMMEN cells; null when it uses more (empty cells beyond are dropped). */
const capRow = (cells: string[]): string[] | null =>
  cells.length <= MAX_KOLOMMEN ? cells : usedColumns(cells) > MAX_KOLOMMEN ? null : cells.slice(0, MAX_KOLOMMEN);

/**
 * The header row: among the first ten non-empty rows, the one with the most recognised headers
 * (an export may start with a title line); the first non-empty row when none is recognised.
 */
function splitHeader(all: TableRow[]): { headers: string[]; kopRegel: number; rows: TableRow[] } {
  const candidates = all.filter((r) => !isEmptyRow(r.cellen)).slice(0, 10);
  if (candidates.length === 0) throw refuse('Het bestand bevat geen gegevens.');
  let best = candidates[0];
  let bestCount = 0;
  for (const r of candidates) {
    const n = r.cellen.filter((c) => fieldForHeader(c, 'leerlingen') !== null || fieldForHeader(c, 'medewerkers') !== null).length;
    if (n > bestCount) {
      best = r;
      bestCount = n;
    }
  }
  const headers = best.cellen.map((c) => c.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.filter((h) => h !== '').length < 2) {
    throw refuse(
      'Dit bestand heeft maar één kolom en lijkt geen lijst met leerlingen of medewerkers. Een export heeft kolommen, gescheiden door puntkomma, komma of tab.',
    );
  }
  const rows = all
    .filter((r) => r.regel > best.regel && !isEmptyRow(r.cellen))
    .map((r) => ({ regel: r.regel, cellen: headers.map((_, i) => (r.cellen[i] ?? '').trim()) }));
  if (rows.length > MAX_RIJEN) throw teVeelRijen();
  return { headers, kopRegel: best.regel, rows };
}

export function readCsv(file: ImportFile): Table {
  const { text: raw, codering } = decodeText(file.bytes);
  if (looksBinary(raw)) throw refuse('Dit bestand is geen tekstbestand (CSV). Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand.');
  // One kind of line break, so line numbers are simply counted newlines.
  const text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw refuse('Het bestand is leeg.');
  const delimiter = detectDelimiter(text);
  if (!delimiter) {
    throw refuse(
      'In dit bestand is geen scheidingsteken gevonden (puntkomma, komma of tab): het lijkt geen lijst met kolommen. Maak een CSV-export met kolommen.',
    );
  }
  const all: TableRow[] = [];
  let line = 1;
  let prev = 0;
  let filled = 0;
  // Set when the file is over a cap: parsing stops there (throwing inside papaparse's step is not
  // part of its contract; abort is).
  let over = null as Error | null;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (r, parser) => {
      const cells = r.data.map((c) => String(c ?? ''));
      const cellen = capRow(cells);
      // The header may sit below a few title lines (splitHeader looks at ten).
      if (!cellen || (!isEmptyRow(cellen) && ++filled > MAX_RIJEN + 10)) {
        over = cellen ? teVeelRijen() : teVeelKolommen(usedColumns(cells));
        return parser.abort();
      }
      all.push({ regel: line, cellen });
      const cursor = r.meta.cursor;
      for (let i = prev; i < cursor; i++) if (text.charCodeAt(i) === 10) line++;
      prev = cursor;
    },
  });
  if (over) throw over;
  const t = splitHeader(all);
  return { formaat: 'csv', codering, scheidingsteken: delimiter, ...t };
}

/** A cell as text: dates as ISO, whole numbers without ".0", rich text and links as their text. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('hyperlink' in v) return String(v.text ?? '');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date))
      ? ''
      : cellText(result as CellValue);
  }
  if ('error' in v) return '';
  return '';
}

const XLSX_KAPOT =
  'Dit Excel-bestand kan niet worden gelezen. Is het beschadigd, of met een wachtwoord beveiligd? Sla het opnieuw op als .xlsx of als CSV.';

export async function readXlsx(file: ImportFile): Promise<Table> {
  await checkZip(file.bytes, { soort: 'Excel-bestand', kapot: XLSX_KAPOT });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(XLSX_KAPOT);
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw refuse('Dit Excel-bestand bevat geen gegevens.');
  if (sheet.actualRowCount > MAX_RIJEN + 10) throw teVeelRijen();
  const all: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const values = row.values as CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    const cellen = capRow(cells);
    if (!cellen) throw teVeelKolommen(usedColumns(cells));
    all.push({ regel: rowNumber, cellen });
  });
  const t = splitHeader(all);
  return { formaat: 'xlsx', codering: null, scheidingsteken: null, ...t };
}
