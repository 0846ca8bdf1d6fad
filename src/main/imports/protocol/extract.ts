// The text of a protocol document as lines: .txt as written (UTF-8 or Windows-1252), .docx through
// mammoth's HTML (so headings and Word's list structure survive; Word numbering is written out as
// "1.", "2.", sub-levels as "a.", "b."), .pdf through the text layer of pdfjs-dist (legacy Node build),
// with blank lines where the vertical gap shows a new paragraph. A .docx is checked by zip.ts first.
import mammoth from 'mammoth';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { XMLParser } from 'fast-xml-parser';
import { decodeText, isPdf, isZip, looksBinary, refuse } from '../file';
import type { ImportFile } from '../file';
import type { SourceLine } from './blocks';
import { headingLike, norm } from './blocks';
import { checkZip } from '../zip';

export type ProtocolFormaat = 'docx' | 'pdf' | 'txt';

export async function extractLines(file: ImportFile): Promise<{ formaat: ProtocolFormaat; lines: SourceLine[] }> {
  if (isPdf(file.bytes)) return { formaat: 'pdf', lines: await pdfLines(file.bytes) };
  if (isZip(file.bytes)) {
    if (file.ext !== 'docx' && file.ext !== 'docm')
      throw refuse(
        `Dit bestand (.${file.ext || '?'}) kan niet als protocol worden gelezen. Kies een Word- (.docx), PDF- of tekstbestand (.txt).`,
      );
    return { formaat: 'docx', lines: await docxLines(file.bytes) };
  }
  if (['docx', 'pdf', 'doc', 'odt', 'rtf', 'xlsx', 'xls', 'csv', 'xml'].includes(file.ext)) {
    const hint =
      file.ext === 'doc'
        ? ' Open het in Word en sla het op als .docx.'
        : file.ext === 'odt' || file.ext === 'rtf'
          ? ' Sla het op als .docx of als PDF.'
          : '';
    throw refuse(
      `Dit bestand kan niet als protocol worden gelezen (.${file.ext}).${hint} Kies een Word- (.docx), PDF- of tekstbestand (.txt).`,
    );
  }
  const { text } = decodeText(file.bytes);
  if (looksBinary(text)) throw refuse('Dit bestand is geen tekstbestand. Kies een Word- (.docx), PDF- of tekstbestand (.txt).');
  const lines = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split('\n');
  return { formaat: 'txt', lines: lines.map((t, i) => ({ text: t, regel: i + 1 })) };
}

// ---- .docx ----

type HNode = Record<string, unknown>;

const CHILDREN = (n: HNode): HNode[] => {
  const k = Object.keys(n).find((x) => x !== ':@');
  return k && Array.isArray(n[k]) ? (n[k] as HNode[]) : [];
};
const TAG = (n: HNode): string => Object.keys(n).find((x) => x !== ':@') ?? '';
const ATTR = (n: HNode, a: string): string => String(((n[':@'] as Record<string, unknown> | undefined) ?? {})[a] ?? '');

/** The text of inline content; footnote references are left out, line breaks become spaces. */
function inlineText(nodes: HNode[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = TAG(n);
    if (tag === '#text') out += String(n['#text']);
    else if (tag === 'br') out += ' ';
    else if (tag === 'img' || tag === 'ol' || tag === 'ul') continue;
    else if (tag === 'sup' && CHILDREN(n).some((c) => TAG(c) === 'a' && ATTR(c, 'href').startsWith('#footnote'))) continue;
    else if (tag === 'a' && /^#(?:foot|end)note-ref/.test(ATTR(n, 'href'))) continue;
    else out += inlineText(CHILDREN(n));
  }
  return out;
}

/** A paragraph that is bold as a whole (a heading typed without a heading style). */
const allBold = (nodes: HNode[]) => {
  const content = nodes.filter((n) => TAG(n) !== '#text' || String(n['#text']).trim() !== '');
  return content.length > 0 && content.every((n) => TAG(n) === 'strong');
};

const DOCX_KAPOT = 'Dit Word-bestand kan niet worden gelezen. Is het beschadigd of beveiligd? Sla het opnieuw op als .docx of als PDF.';

async function docxLines(bytes: Buffer): Promise<SourceLine[]> {
  await checkZip(bytes, { soort: 'Word-bestand', kapot: DOCX_KAPOT });
  let html: string;
  try {
    const r = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"] },
    );
    html = r.value;
  } catch {
    throw refuse(DOCX_KAPOT);
  }
  const tree = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
  }).parse(`<root>${html}</root>`) as HNode[];
  const lines: SourceLine[] = [];
  const push = (text: string, extra: Partial<SourceLine> = {}) => {
    const t = norm(text);
    if (t) lines.push({ text: t, regel: lines.length + 1, alinea: true, ...extra });
  };
  // Word numbering is not in the HTML: a list after a heading starts at 1, a list that resumes after
  // plain paragraphs continues the previous one (Word's usual behaviour), one after a lead-in ending
  // in ":" starts again.
  let lastOlEnd = 0;
  let restart = true;
  const walkList = (list: HNode, niveau: number, footnotes: boolean) => {
    const ordered = TAG(list) === 'ol';
    let n = niveau === 0 && ordered && !restart ? lastOlEnd : 0;
    for (const li of CHILDREN(list)) {
      if (TAG(li) !== 'li') continue;
      const kids = CHILDREN(li);
      const isNote = footnotes || /^(?:foot|end)note-/.test(ATTR(li, 'id'));
      const own =
        inlineText(kids.filter((k) => TAG(k) !== 'p')) +
        kids
          .filter((k) => TAG(k) === 'p')
          .map((p) => inlineText(CHILDREN(p)))
          .join(' ');
      n++;
      const mark = isNote
        ? ''
        : ordered
          ? niveau === 0
            ? `${n}.`
            : niveau === 1
              ? `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`
              : `${n}.`
          : '-';
      push(isNote ? own : `${mark} ${own}`, isNote ? { overslaan: true } : { niveau });
      for (const k of kids) if (TAG(k) === 'ol' || TAG(k) === 'ul') walkList(k, niveau + 1, isNote);
    }
    if (niveau === 0 && ordered) {
      lastOlEnd = n;
      restart = false;
    }
  };
  const walk = (nodes: HNode[]) => {
    for (const n of nodes) {
      const tag = TAG(n);
      if (/^h[1-6]$/.test(tag)) {
        push(inlineText(CHILDREN(n)), { kop: true });
        restart = true;
      } else if (tag === 'p') {
        const text = norm(inlineText(CHILDREN(n)));
        if (!text) continue;
        const bold = allBold(CHILDREN(n)) && headingLike(text);
        push(text, bold ? { kop: true } : {});
        if (bold || /:["'”’)]*$/.test(text)) restart = true;
      } else if (tag === 'ol' || tag === 'ul') walkList(n, 0, false);
      else if (tag === 'table') {
        for (const row of CHILDREN(n).flatMap((c) => (TAG(c) === 'tr' ? [c] : CHILDREN(c).filter((x) => TAG(x) === 'tr')))) {
          push(
            CHILDREN(row)
              .map((cell) => norm(inlineText(CHILDREN(cell).flatMap((p) => (TAG(p) === 'p' ? CHILDREN(p) : [p])))))
              .join('\t'),
          );
        }
      } else if (tag !== '#text') walk(CHILDREN(n));
    }
  };
  walk(tree.flatMap((r) => CHILDREN(r)));
  return lines;
}

// ---- .pdf ----

async function pdfLines(bytes: Buffer): Promise<SourceLine[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw refuse('Deze PDF is met een wachtwoord beveiligd. Maak een PDF zonder wachtwoord.');
    throw refuse('Deze PDF kan niet worden gelezen; het bestand is beschadigd. Maak de PDF opnieuw of kies het Word-bestand.');
  }
  interface Row {
    y: number;
    h: number;
    parts: { x: number; w: number; s: string; h: number }[];
  }
  const pages: Row[][] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = content.items.filter((i) => 'str' in i) as TextItem[];
      // Lines: items on (nearly) the same baseline; a superscript footnote mark joins its line.
      const rows: Row[] = [];
      for (const it of items) {
        if (it.str === '') continue;
        const x = it.transform[4];
        const y = it.transform[5];
        const h = Math.abs(it.height || it.transform[3] || 10);
        let row = rows.find((r) => Math.abs(r.y - y) <= Math.max(2, Math.max(r.h, h) * 0.45));
        if (!row) {
          row = { y, h, parts: [] };
          rows.push(row);
        }
        if (h > row.h) {
          row.h = h;
          row.y = y;
        }
        row.parts.push({ x, w: it.width, s: it.str, h });
      }
      rows.sort((a, b) => b.y - a.y);
      pages.push(rows);
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  // The body text size: the most common line height. Clearly larger lines are headings.
  const body = mode(pages.flat().map((r) => Math.round(r.h)));
  const out: SourceLine[] = [];
  const line = (text: string, extra: Partial<SourceLine> = {}) => out.push({ text, regel: out.length + 1, ...extra });
  for (const rows of pages) {
    let prev: Row | null = null;
    for (const r of rows) {
      r.parts.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const part of r.parts) {
        if (text && part.x - end > r.h * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.s)) text += ' ';
        text += part.s;
        end = part.x + part.w;
      }
      if (!text.trim()) continue;
      // More space than a wrapped line gets (about 1.2 times the font size) means a new paragraph.
      if (prev && prev.y - r.y > Math.max(prev.h, r.h) * 1.35) line('');
      line(text, Math.round(r.h) >= body * 1.2 ? { kop: true } : {});
      prev = r;
    }
    line('');
  }
  if (out.every((l) => l.text.trim() === '')) {
    throw refuse('Deze PDF bevat geen tekst (alleen afbeeldingen, bijvoorbeeld een scan). Kies het Word-bestand of een PDF met tekst.');
  }
  return out;
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best || 10;
}
