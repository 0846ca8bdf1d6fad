// What every document we write shares: A4 with sane margins, the font and language, paragraph
// styles, the bullet list, the letterhead on the first page, page numbers on every page, and the
// document properties (the school as author, Dutch as language).
//
// Font: Arial. Word on Windows and macOS has it, and LibreOffice on Linux substitutes Liberation Sans,
// which has the same metrics (Debian's fonts-liberation), so lines and pages break the same
// everywhere. Calibri would need Carlito on Linux and is not installed on every Mac; Arial is.
//
// The first page is laid out in the body, not in the header: a borderless table with rows of exact
// height (letterhead, then the address field), so the address sits at the same place in Word and in
// LibreOffice whatever the logo, the school's details or the vermelding lines.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { INumberingOptions, ISectionOptions, IStylesOptions, TableVerticalAlign } from 'docx';
import JSZip from 'jszip';

export const FONT = 'Arial';
export const LANGUAGE = 'nl-NL';
/** Half-points: 10 pt body text. */
export const BODY_SIZE = 20;
export const SMALL_SIZE = 16;
export const GREY = '555555';

const mm = convertMillimetersToTwip;
/** Where the values of the reference block (Datum, Ons kenmerk, Betreft) start. */
export const REF_TAB = mm(28);
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), right: mm(20), bottom: mm(22), left: mm(25), header: mm(9), footer: mm(10) },
};
/** Width of the text column in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/**
 * The address field, in mm from the top-left corner of the page. Window envelopes for a twice folded
 * A4 (EA5/6 and C5/6, window on the left) show about 20–105 mm from the left and 45–90 mm from the
 * top (DIN 676 form B / DIN 680); the field keeps 5 mm inside that on every side. Its top part holds
 * the vermelding lines ("Aangetekend"), the address starts at `adresTop` whatever is above it.
 */
export const ADDRESS_FIELD = { left: 25, top: 50, width: 75, height: 34, adresTop: 58, maxRegels: 6 } as const;
const LETTERHEAD_MM = ADDRESS_FIELD.top - 20;
const VERMELDING_MM = ADDRESS_FIELD.adresTop - ADDRESS_FIELD.top;
const ADRES_MM = ADDRESS_FIELD.height - VERMELDING_MM;

/** Exact line heights (twips) in the first-page block, so the rows never grow. */
const ADRES_LINE = 240;
const SMALL_LINE = 200;

export const styles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: BODY_SIZE, language: { value: LANGUAGE } },
      paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO, after: 0 } },
    },
  },
  paragraphStyles: [
    { id: 'Alinea', name: 'Alinea', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 180 } } },
    // Word's own heading styles (shown as "Kop 1"/"Kop 2" in Dutch Word): the navigation pane and a
    // table of contents find them.
    {
      id: 'Heading1',
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Alinea',
      quickFormat: true,
      run: { bold: true, size: 28 },
      paragraph: { spacing: { before: 120, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 },
    },
    {
      id: 'Heading2',
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Alinea',
      quickFormat: true,
      run: { bold: true, size: 22 },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 1 },
    },
    { id: 'Klein', name: 'Klein', basedOn: 'Normal', run: { size: SMALL_SIZE, color: GREY } },
    { id: 'Adres', name: 'Adres', basedOn: 'Normal', paragraph: { spacing: { line: ADRES_LINE, lineRule: LineRuleType.EXACT } } },
    {
      id: 'Vermelding',
      name: 'Vermelding',
      basedOn: 'Normal',
      run: { bold: true, size: SMALL_SIZE },
      paragraph: { spacing: { line: SMALL_LINE, lineRule: LineRuleType.EXACT, after: 40 } },
    },
    {
      id: 'Referentie',
      name: 'Referentie',
      basedOn: 'Normal',
      // Label, tab (REF_TAB, set on the paragraph), value; a long subject wraps under the value.
      paragraph: { keepNext: true, keepLines: true, indent: { left: REF_TAB, hanging: REF_TAB } },
    },
    {
      id: 'ReferentieEerste',
      name: 'Referentie eerste regel',
      basedOn: 'Referentie',
      next: 'Referentie',
      paragraph: { spacing: { before: mm(8) } },
    },
    { id: 'Aanhef', name: 'Aanhef', basedOn: 'Alinea', next: 'Alinea', paragraph: { spacing: { before: 480 }, keepNext: true } },
    { id: 'Slotgroet', name: 'Slotgroet', basedOn: 'Normal', paragraph: { keepNext: true, keepLines: true } },
    // Room to sign (about 20 mm) above the signatory's name.
    {
      id: 'Ondertekenaar',
      name: 'Ondertekenaar',
      basedOn: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { before: mm(20) }, keepNext: true, keepLines: true },
    },
    { id: 'Voetregel', name: 'Voetregel', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 120 }, keepLines: true } },
    { id: 'Gegevens', name: 'Gegevens', basedOn: 'Normal', paragraph: { spacing: { after: 60 }, keepLines: true } },
    // The last line of a list or a block of rules: the same gap after it as a paragraph.
    { id: 'Blokeinde', name: 'Blokeinde', basedOn: 'Normal', paragraph: { spacing: { after: 180 } } },
    { id: 'GegevensLaatste', name: 'Gegevens laatste regel', basedOn: 'Gegevens', paragraph: { spacing: { after: 180 } } },
  ],
};

export const numbering: INumberingOptions = {
  config: [
    {
      reference: 'opsomming',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: mm(6), hanging: mm(4) } } },
        },
      ],
    },
  ],
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** Text with line breaks kept. */
export function runs(text: string, opts: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

export const para = (
  text: string,
  opts: { style?: string; bold?: boolean; keepNext?: boolean; spacingAfter?: number; size?: number; color?: string } = {},
) =>
  new Paragraph({
    style: opts.style,
    keepNext: opts.keepNext,
    keepLines: true,
    spacing: opts.spacingAfter !== undefined ? { after: opts.spacingAfter } : undefined,
    children: runs(text, { bold: opts.bold, size: opts.size, color: opts.color }),
  });

export const empty = (keepNext = false) => new Paragraph({ keepNext, children: [] });

/** A bullet; the last of a list gets the paragraph gap after it (style Blokeinde). */
export const bullet = (text: string, keepNext = false, last = false) =>
  new Paragraph({
    style: last ? 'Blokeinde' : undefined,
    numbering: { reference: 'opsomming', level: 0 },
    keepNext,
    keepLines: true,
    children: runs(text),
  });

/** A heading in Word's built-in heading style (level 1 or 2). */
export const heading = (level: 1 | 2, text: string) =>
  new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(text)] });

/**
 * Label and text with a hanging indent (e.g. a rule's number and its text): a long text wraps under
 * itself, not under the label. The indent fits the longest label.
 */
export function hangingRows(rows: { label: string; waarde: string }[]): Paragraph[] {
  // About 2 mm per character of bold 10 pt Arial, plus a gap; between 10 and 40 mm.
  const indent = mm(Math.min(40, Math.max(10, Math.max(0, ...rows.map((r) => r.label.length)) * 2 + 4)));
  return rows.map(
    (r, i) =>
      new Paragraph({
        style: i === rows.length - 1 ? 'GegevensLaatste' : 'Gegevens',
        tabStops: [{ type: TabStopType.LEFT, position: indent }],
        indent: { left: indent, hanging: indent },
        children: [new TextRun({ text: r.label, bold: true }), new TextRun({ text: '\t' }), ...runs(r.waarde)],
      }),
  );
}

/** A borderless two-column table (label, value), e.g. the facts of a record. */
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
            new TableCell({
              width: { size: labelW, type: WidthType.DXA },
              margins: { bottom: 60 },
              children: [new Paragraph({ children: runs(r.label, { bold: true }) })],
            }),
            new TableCell({
              width: { size: TEXT_WIDTH - labelW, type: WidthType.DXA },
              margins: { bottom: 60 },
              children: [new Paragraph({ children: runs(r.waarde) })],
            }),
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

/** What goes in the window: vermelding lines on top, then the address; and a mark beside it (CONCEPT). */
export interface AddressField {
  vermelding: string[];
  regels: string[];
  /** Shown on the right, level with the vermelding lines: outside the window. */
  markering: string | null;
}

const FIELD_W = mm(ADDRESS_FIELD.width);
const SIDE_W = TEXT_WIDTH - FIELD_W;

const cell = (width: number, children: Paragraph[], verticalAlign: TableVerticalAlign = VerticalAlignTable.TOP) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: NO_MARGINS,
    verticalAlign,
    children: children.length ? children : [new Paragraph({})],
  });

const exactRow = (heightMm: number, cells: TableCell[]) =>
  new TableRow({ cantSplit: true, height: { value: mm(heightMm), rule: HeightRule.EXACT }, children: cells });

/**
 * The first page's top: the logo (or the school's name) on the left and the school's details on the
 * right, in a row of exact height; with an address field, two more exact rows (vermelding, address).
 */
function firstPageBlock(h: Letterhead, veld: AddressField | null): Table {
  const mmToPx = (v: number) => Math.round((v / 25.4) * 96);
  // Single "auto" spacing for the picture: LibreOffice crops a picture on a line of exact height.
  const logoOrName = h.logo
    ? new Paragraph({
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({
            type: h.logo.type,
            data: h.logo.data,
            transformation: { width: mmToPx(h.logo.breedteMm), height: mmToPx(h.logo.hoogteMm) },
            altText: { name: 'Logo', title: h.schoolNaam, description: `Logo van ${h.schoolNaam}` },
          }),
        ],
      })
    : new Paragraph({ children: [new TextRun({ text: h.schoolNaam, bold: true, size: 30 })] });
  const details = [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: 240, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: h.schoolNaam, bold: true, size: 18 })],
    }),
    ...h.regels.map(
      (r) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { line: SMALL_LINE, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: r, size: SMALL_SIZE, color: GREY })],
        }),
    ),
  ];
  const rows = [exactRow(LETTERHEAD_MM, [cell(FIELD_W, [logoOrName]), cell(SIDE_W, details)])];
  if (veld) {
    const mark = veld.markering
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: veld.markering, bold: true, color: 'B00020' })] })]
      : [];
    rows.push(
      exactRow(VERMELDING_MM, [
        cell(
          FIELD_W,
          veld.vermelding.map((v) => new Paragraph({ style: 'Vermelding', children: [new TextRun(v)] })),
          VerticalAlignTable.BOTTOM,
        ),
        cell(SIDE_W, mark),
      ]),
      exactRow(ADRES_MM, [
        cell(
          FIELD_W,
          veld.regels.map((r) => new Paragraph({ style: 'Adres', children: [new TextRun(r)] })),
        ),
        cell(SIDE_W, []),
      ]),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [FIELD_W, SIDE_W],
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    margins: NO_MARGINS,
    borders: NO_BORDERS,
    rows,
  });
}

/** Pages 2 and later: a quiet reference line at the top. */
function followHeader(text: string): Header {
  return new Header({ children: [new Paragraph({ children: [new TextRun({ text, size: SMALL_SIZE, color: GREY })] })] });
}

/** "Pagina 1 van 2", on every page. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ size: SMALL_SIZE, color: GREY, children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/**
 * One A4 section: the letterhead (and the address field of a letter) at the top of the first page,
 * a short running header from page 2 on, and the page number on every page.
 */
export function section(
  h: Letterhead,
  followText: string,
  children: ISectionOptions['children'],
  veld: AddressField | null = null,
): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
    },
    headers: { first: new Header({ children: [new Paragraph({})] }), default: followHeader(followText) },
    footers: { first: pageFooter(), default: pageFooter() },
    children: [firstPageBlock(h, veld), ...children],
  };
}

/** Author, last editor and the rest of the document's properties: the school, not "Un-named". */
export function documentProperties(schoolNaam: string): { creator: string; lastModifiedBy: string } {
  return { creator: schoolNaam, lastModifiedBy: schoolNaam };
}

/** The document as .docx bytes, with Dutch as its language in the core properties (dc:language). */
export async function packDocx(doc: Document): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = await core.async('string');
    if (!xml.includes('<dc:language>'))
      zip.file('docProps/core.xml', xml.replace('</cp:coreProperties>', `<dc:language>${LANGUAGE}</dc:language></cp:coreProperties>`));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
