// What every document we write shares: A4 with sane margins, the font, paragraph styles, the bullet
// list, the letterhead on the first page and page numbers from page 2 on.
//
// Font: Arial. Word on Windows and macOS has it, and LibreOffice on Linux substitutes Liberation Sans,
// which has the same metrics (Debian's fonts-liberation), so lines and pages break the same
// everywhere. Calibri would need Carlito on Linux and is not installed on every Mac; Arial is.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { INumberingOptions, ISectionOptions, IStylesOptions } from 'docx';

export const FONT = 'Arial';
/** Half-points: 10 pt body text. */
export const BODY_SIZE = 20;
export const SMALL_SIZE = 16;
export const GREY = '555555';

const mm = convertMillimetersToTwip;
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(30), right: mm(20), bottom: mm(22), left: mm(25), header: mm(12), footer: mm(10) },
};
/** Width of the text column in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const styles: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO, after: 0 } } },
  },
  paragraphStyles: [
    { id: 'Alinea', name: 'Alinea', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 180 } } },
    { id: 'Kop1', name: 'Kop 1', basedOn: 'Normal', next: 'Alinea', quickFormat: true, run: { bold: true, size: 28 }, paragraph: { spacing: { before: 120, after: 160 }, keepNext: true } },
    { id: 'Kop2', name: 'Kop 2', basedOn: 'Normal', next: 'Alinea', quickFormat: true, run: { bold: true, size: 22 }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
    { id: 'Klein', name: 'Klein', basedOn: 'Normal', run: { size: SMALL_SIZE, color: GREY } },
  ],
};

export const numbering: INumberingOptions = {
  config: [
    {
      reference: 'opsomming',
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: mm(6), hanging: mm(4) } } } }],
    },
  ],
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Text with line breaks kept. */
export function runs(text: string, opts: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

export const para = (text: string, opts: { style?: string; bold?: boolean; keepNext?: boolean; spacingAfter?: number; size?: number; color?: string } = {}) =>
  new Paragraph({
    style: opts.style,
    keepNext: opts.keepNext,
    keepLines: true,
    spacing: opts.spacingAfter !== undefined ? { after: opts.spacingAfter } : undefined,
    children: runs(text, { bold: opts.bold, size: opts.size, color: opts.color }),
  });

export const empty = (keepNext = false) => new Paragraph({ keepNext, children: [] });

export const bullet = (text: string, keepNext = false) => new Paragraph({ numbering: { reference: 'opsomming', level: 0 }, keepNext, keepLines: true, children: runs(text) });

/** A borderless two-column table (label, value), e.g. the rules broken or the facts of a record. */
export function labelTable(rows: { label: string; waarde: string }[], labelMm = 16): Table {
  const labelW = mm(labelMm);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelW, TEXT_WIDTH - labelW],
    borders: NO_BORDERS,
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: labelW, type: WidthType.DXA }, margins: { bottom: 60 }, children: [new Paragraph({ children: runs(r.label, { bold: true }) })] }),
            new TableCell({ width: { size: TEXT_WIDTH - labelW, type: WidthType.DXA }, margins: { bottom: 60 }, children: [new Paragraph({ children: runs(r.waarde) })] }),
          ],
        }),
    ),
  });
}

export interface Letterhead {
  schoolNaam: string;
  regels: string[];
  logo: { data: Buffer; type: 'png' | 'jpg'; breedteMm: number; hoogteMm: number } | null;
}

/** The first page's header: the logo (or the school's name) on the left, the school's details on the right. */
function letterheadHeader(h: Letterhead): Header {
  const left = mm(80);
  const right = TEXT_WIDTH - left;
  const mmToPx = (v: number) => Math.round((v / 25.4) * 96);
  const leftChildren = h.logo
    ? [new Paragraph({ children: [new ImageRun({ type: h.logo.type, data: h.logo.data, transformation: { width: mmToPx(h.logo.breedteMm), height: mmToPx(h.logo.hoogteMm) } })] })]
    : [new Paragraph({ children: [new TextRun({ text: h.schoolNaam, bold: true, size: 30 })] })];
  return new Header({
    children: [
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [left, right],
        borders: NO_BORDERS,
        rows: [
          new TableRow({
            children: [
              new TableCell({ width: { size: left, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children: leftChildren }),
              new TableCell({
                width: { size: right, type: WidthType.DXA },
                children: [
                  new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: h.schoolNaam, bold: true, size: 18 })] }),
                  ...h.regels.map((r) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: r, size: SMALL_SIZE, color: GREY })] })),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

/** Pages 2 and later: a quiet reference line at the top, the page number at the bottom. */
function followHeader(text: string): Header {
  return new Header({ children: [new Paragraph({ children: [new TextRun({ text, size: SMALL_SIZE, color: GREY })] })] });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ size: SMALL_SIZE, color: GREY, children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** One A4 section with a different first page (letterhead, no page number) and numbered later pages. */
export function section(h: Letterhead, followText: string, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
    },
    headers: { first: letterheadHeader(h), default: followHeader(followText) },
    footers: { first: new Footer({ children: [empty()] }), default: pageFooter() },
    children,
  };
}
