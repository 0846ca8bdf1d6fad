// Building blocks of the report documents (docx package): styles, headings, paragraphs, figure
// tables and chart images, so the yearly report and the evaluation pack look the same.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IStylesOptions } from 'docx';
import type { Cell, FigureRow } from '@shared/api/yearReports';
import type { ChartImage } from '../charts';
import { FONT, LANGUAGE } from '../../letters/docxBase';

export const BLAUW = '1C5D99';
const KOP_ACHTERGROND = 'DCE6F0';
const RAND = 'B7C3D0';

export const styles: IStylesOptions = {
  default: {
    // The same font and language as the letters (docxBase).
    document: {
      run: { font: FONT, size: 22, language: { value: LANGUAGE } },
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 44, bold: true, color: BLAUW },
      paragraph: { spacing: { after: 80 } },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 28, color: '3E4C59' },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'Heading1',
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 32, bold: true, color: BLAUW },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    },
    {
      id: 'Heading2',
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 26, bold: true, color: '243B53' },
      paragraph: { spacing: { before: 280, after: 100 }, keepNext: true },
    },
    { id: 'Kleine', name: 'Kleine tekst', basedOn: 'Normal', run: { size: 18, color: '52606D' } },
  ],
};

export const title = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });
export const subtitle = (text: string) => new Paragraph({ text, style: 'Subtitle' });
export const h1 = (text: string, pageBreakBefore = false) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, pageBreakBefore });
export const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
/** A paragraph; `keepNext` for the line that introduces a table, so the two stay on one page. */
export const para = (text: string, opts: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({ keepNext: opts.keepNext, children: [new TextRun({ text, bold: opts.bold, italics: opts.italics })] });
export const small = (text: string) => new Paragraph({ text, style: 'Kleine' });
export const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

/** Multi-line text (an agenda): one paragraph per line, empty lines kept short. */
export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .map((l) => new Paragraph({ text: l, spacing: { after: 40 } }));

const border = { style: BorderStyle.SINGLE, size: 4, color: RAND };
const borders = { top: border, bottom: border, left: border, right: border };

/** Text width available on the page (A4 minus the margins), in twips. */
const CONTENT = 11906 - 2 * 1134;
const CELL_MARGIN = 100;
/** Width of an average character in twips per half-point of font size (Liberation Sans/Arial, a bit over half an em, bold). */
const CHAR = 5.5;
const SHORT = 16;
/** Tables longer than this may continue on the next page (header row repeated); shorter ones stay whole. */
const KEEP_WHOLE = 10;

/**
 * Column widths in twips: the given proportions, but never narrower than the longest word of the
 * column, so no word is broken in the middle. When the words do not fit at the normal size, the
 * table is set smaller (9 pt).
 */
export function columnWidths(columns: string[][], proportions: number[]): { widths: number[]; size: number } {
  for (const size of [22, 18]) {
    // A short cell ("geen gegevens", "< 5") stays on one line; a long one may wrap between words.
    const unit = (t: string) => (t.length <= SHORT ? [t.length] : t.split(/\s+/).map((w) => w.length));
    const min = columns.map((col) => Math.max(...col.flatMap(unit)) * CHAR * size + 2 * CELL_MARGIN + 60);
    if (min.reduce((a, b) => a + b, 0) > CONTENT && size !== 18) continue;
    const total = proportions.reduce((a, b) => a + b, 0);
    let widths = proportions.map((p) => (p / total) * CONTENT);
    // Give the narrow columns their minimum, taken from the columns with room to spare.
    const short = widths.map((w, i) => Math.max(0, min[i] - w));
    const need = short.reduce((a, b) => a + b, 0);
    if (need > 0) {
      const spare = widths.map((w, i) => (short[i] > 0 ? 0 : Math.max(0, w - min[i])));
      const room = spare.reduce((a, b) => a + b, 0) || 1;
      widths = widths.map((w, i) => (short[i] > 0 ? min[i] : w - (spare[i] / room) * Math.min(need, room)));
    }
    return { widths: widths.map(Math.floor), size };
  }
  throw new Error('unreachable');
}

function cell(
  text: string,
  opts: { header?: boolean; right?: boolean; bold?: boolean; width: number; size: number; keepNext: boolean },
): TableCell {
  return new TableCell({
    borders,
    width: { size: opts.width, type: WidthType.DXA },
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: KOP_ACHTERGROND } : undefined,
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { after: 0 },
        keepNext: opts.keepNext,
        children: [new TextRun({ text, bold: opts.header || opts.bold, size: opts.size })],
      }),
    ],
  });
}

const cellText = (c: Cell) => c.tekst;

/**
 * A simple table: header row and body rows of text; numeric columns right-aligned. The rows keep
 * with the next, so the table stays with the heading above it: a short table whole, a long one with
 * at least its header and first rows (it continues on the next page under a repeated header).
 */
export function table(headers: string[], rows: string[][], opts: { widths: number[]; numeric?: boolean[]; boldLast?: boolean }): Table {
  const { widths, size } = columnWidths(
    headers.map((h, i) => [h, ...rows.map((r) => r[i] ?? '')]),
    opts.widths,
  );
  const all = [headers, ...rows];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: all.map(
      (r, ri) =>
        new TableRow({
          tableHeader: ri === 0,
          cantSplit: true,
          children: r.map((v, i) =>
            cell(v, {
              header: ri === 0,
              right: opts.numeric?.[i],
              width: widths[i],
              size,
              keepNext: ri < all.length - 1 && (all.length <= KEEP_WHOLE || ri < 3),
              bold: opts.boldLast && ri === all.length - 1 && ri > 0,
            }),
          ),
        }),
    ),
  });
}

/** A table of figures: label, this year, last year, change; the total in bold. */
export function figureTable(
  labelHeader: string,
  years: { huidig: string; vorig: string },
  rows: FigureRow[],
  totaal: FigureRow | null,
): Table {
  const all = totaal ? [...rows, totaal] : rows;
  return table(
    [labelHeader, years.huidig, years.vorig, 'Verandering'],
    all.map((r) => [r.label, cellText(r.huidig), cellText(r.vorig), r.verandering]),
    { widths: [50, 17, 17, 16], numeric: [false, true, true, true], boldLast: !!totaal },
  );
}

/** A chart image, shown 16 cm wide (the PNG has twice the pixels, for sharp print). */
export function chart(img: ChartImage, altTitle: string): Paragraph {
  const width = 600;
  const height = Math.round((img.height / img.width) * width);
  return new Paragraph({
    keepNext: true,
    // Single "auto" spacing: a proportional line height with no rule is read by LibreOffice as a
    // fixed height and would crop the picture to one line.
    spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: 'png',
        data: img.png,
        transformation: { width, height },
        altText: { title: altTitle, description: altTitle, name: altTitle },
      }),
    ],
  });
}

export function footer(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        style: 'Kleine',
        children: [
          new TextRun(`${text} — pagina `),
          new TextRun({ children: [PageNumber.CURRENT] }),
          new TextRun(' van '),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** A4 with 2 cm margins (twips). */
export const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } };
