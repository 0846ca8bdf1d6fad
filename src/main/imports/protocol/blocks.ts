// First pass over a protocol's text: lines become blocks (headings, list items, paragraphs).
// Wrapped lines are joined with one space; a sentence that continues after a blank line (a page
// break in a PDF or OCR text: the next block starts in lower case and the previous one has no
// closing punctuation) is joined too. Tables of contents, page numbers and bare links are set aside;
// separator lines ("--", "* * *") are never text; version and date lines stand on their own; a short
// line ending in ":" right before a list is that list's heading ("Afspraken voor ouders:").
import type { OvergeslagenReden } from '@shared/api/imports';

/** One line of the document's text, as extracted from .txt, .pdf or .docx. */
export interface SourceLine {
  text: string;
  /** Line (txt, pdf) or paragraph (docx) number, for the reviewer. */
  regel: number;
  /** A heading by its style (docx): no guessing needed. */
  kop?: boolean;
  /** A whole paragraph (docx): never joined with the next line. */
  alinea?: boolean;
  /** Nesting depth of a list item (docx): 0 = a rule, deeper = part of the rule above. */
  niveau?: number;
  /** Not protocol text (a footnote of a .docx): listed as skipped. */
  overslaan?: boolean;
}

export type MarkerType = 'num' | 'letter' | 'LETTER' | 'roman' | 'bullet';

export type Block =
  | {
      kind: 'heading';
      regel: number;
      nummer: string | null;
      titel: string;
      numType: 'chapter' | 'sec' | 'roman' | 'letter' | 'artikel' | null;
    }
  | { kind: 'item'; regel: number; marker: MarkerType; nummer: string | null; tekst: string; niveau: number }
  | { kind: 'para'; regel: number; tekst: string }
  | { kind: 'skip'; regel: number; tekst: string; reden: OvergeslagenReden };

/** Whitespace as one space (tabs, no-break spaces, runs), trimmed. */
export const norm = (s: string) => s.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();

const ROMAN = '(?:X{0,3})(?:IX|IV|V?I{1,3}|V)';
const RE = {
  sec: /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(.+)$/u,
  num: /^(\d{1,2})[.)](?:\s+(.*))?$/u,
  chapter: /^(\d{1,2})\s+(\p{Lu}.*)$/u,
  roman: new RegExp(`^(${ROMAN})[.)]\\s+(.+)$`, 'u'),
  LETTER: /^([A-Z])[.)]\s+(.+)$/u,
  letter: /^([a-z])[.)]\s+(.+)$/u,
  bullet: /^(?:[-–—•●▪◦·*\u2022\u25aa\u25cf\uf0b7\uf0a7]|o(?=\s))\s*(.+)$/u,
  artikel: /^artikel\s+(\d{1,3}[a-z]?)\.?\s*(?:[:.–-]\s*)?(.*)$/iu,
};

const TERMINAL = /[.;:!?](?:["'”’)\]]*)$/u;
export const endsSentence = (s: string) => TERMINAL.test(s.trim());
const startsLower = (s: string) => /^\p{Ll}/u.test(s);
const startsUpper = (s: string) => /^["'‘“(]?[\p{Lu}\d]/u.test(s);

/** A table-of-contents line ("1.1.<tab>Definities<tab>4", "Inleiding ........ 3"). */
const isToc = (raw: string) => /\t\s*\d{1,3}\s*$/.test(raw) || /(?:\.{4,}|…{2,})\s*\d{1,3}\s*$/.test(raw);
/** A page number or running page footer. */
const isPageNumber = (t: string) => /^(?:(?:pagina|blz\.?|page)\s*)?\d{1,3}(?:\s*(?:van|\/|of)\s*\d{1,3})?$/i.test(t);
const isUrl = (t: string) => /^(?:https?:\/\/|www\.)\S+$/i.test(t);
/** A line of dashes, stars, underscores or the like between parts of the text. */
const isSeparator = (t: string) => /^[-–—_=*~#+.·\s]+$/u.test(t) && t.replace(/\s/g, '').length >= 2;
/** A version or date line ("versie 2.1 – 14 maart 2024", "Instemming MR: 12 juni 2024"): its own block. */
export const isMetaLine = (t: string) =>
  t.length <= 100 &&
  /^(?:versie|version|v\d|vastgesteld|datum|status|laatst (?:gewijzigd|bijgewerkt)|herzien|(?:met )?instemming|goedgekeurd)\b/iu.test(t) &&
  !/[.;!?]\s+\p{Lu}/u.test(t);
/** A short lead-in that names the list below it ("Afspraken voor ouders:"), not an example list. */
const isListTitle = (t: string) =>
  /:$/.test(t) && t.split(' ').length <= 8 && !/voorbeeld/i.test(t) && headingLike(t.slice(0, -1)) && !/,/.test(t);

/** Words a heading does not end with: a line ending in one of them is a sentence cut off. */
const OPEN_END =
  /\s(?:de|het|een|en|of|van|aan|in|op|te|voor|met|die|dat|om|tot|bij|door|naar|uit|als|wordt|worden|dan|mits|tenzij|zoals)$/iu;

/** Text that can be a heading: short, starts with a capital, no closing punctuation, one sentence; or a
 *  short question ("Wat verwachten we van leerlingen?"). */
export function headingLike(text: string): boolean {
  const q = norm(text);
  const t = /^[^?]+\?$/.test(q) && q.split(' ').length <= 10 ? q.slice(0, -1) : q;
  if (t.length === 0 || t.length > 160) return false;
  if (!startsUpper(t) || endsSentence(t) || /,$/.test(t)) return false;
  if (t.split(' ').length > 24) return false;
  if (/\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(t)) return false;
  if (OPEN_END.test(t)) return false;
  return true;
}

interface Marker {
  type: MarkerType | 'sec' | 'chapter' | 'artikel';
  nummer: string | null;
  rest: string;
}

function marker(t: string): Marker | null {
  let m = RE.artikel.exec(t);
  if (m) return { type: 'artikel', nummer: m[1], rest: m[2] ?? '' };
  m = RE.sec.exec(t);
  if (m) return { type: 'sec', nummer: m[1], rest: m[2] };
  m = RE.num.exec(t);
  if (m) return { type: 'num', nummer: m[1], rest: m[2] ?? '' };
  m = RE.roman.exec(t);
  if (m && m[1] !== '') return { type: 'roman', nummer: m[1], rest: m[2] };
  m = RE.LETTER.exec(t);
  if (m) return { type: 'LETTER', nummer: m[1], rest: m[2] };
  m = RE.letter.exec(t);
  if (m) return { type: 'letter', nummer: m[1], rest: m[2] };
  m = RE.bullet.exec(t);
  if (m) return { type: 'bullet', nummer: null, rest: m[1] };
  m = RE.chapter.exec(t);
  if (m) return { type: 'chapter', nummer: m[1], rest: m[2] };
  return null;
}

/** True when the line starts a list item or a numbered heading (so a wrapped paragraph stops there). */
const startsNew = (t: string) => {
  const mk = marker(t);
  return (mk !== null && mk.type !== 'chapter') || isSeparator(t);
};

export function toBlocks(lines: SourceLine[]): Block[] {
  const out: Block[] = [];
  // Text with very long lines is written one paragraph per line (a web page, a saved Word text):
  // there a line that ends a sentence is not wrapped onto the next one.
  const unwrapped = lines.some((l) => !l.alinea && norm(l.text).length > 130);
  // The open block that wrapped lines are added to.
  let open: { kind: 'item' | 'para'; block: Extract<Block, { kind: 'item' | 'para' }>; hard: boolean } | null = null;
  let blank = false;
  const close = () => {
    open = null;
  };
  const nextNonBlank = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (norm(lines[j].text) !== '') return j;
    return -1;
  };
  const followedByBreak = (i: number) => {
    const j = i + 1;
    if (j >= lines.length) return true;
    const t = norm(lines[j].text);
    return t === '' || startsNew(t) || lines[j].kop === true;
  };

  /** The next line starts a list item. */
  const listFollows = (i: number) => {
    const j = nextNonBlank(i);
    const mk = j >= 0 ? marker(norm(lines[j].text)) : null;
    return mk !== null && mk.type !== 'chapter' && mk.type !== 'artikel';
  };
  /** The last list item written, to tell a numbered heading ("4. Maatregelen") from the next rule. */
  const lastItem = () => {
    for (let k = out.length - 1; k >= 0; k--) {
      const b = out[k];
      if (b.kind === 'heading') return null;
      if (b.kind === 'item') return b;
    }
    return null;
  };

  for (let i = 0; i < lines.length; i++) {
    const L = lines[i];
    const raw = L.text;
    const t = norm(raw);
    if (t === '') {
      blank = true;
      continue;
    }
    const wasBlank = blank;
    blank = false;
    if (!L.alinea && isToc(raw)) {
      close();
      continue;
    }
    if (isPageNumber(t) && !L.alinea) continue;
    if (isUrl(t) || L.overslaan || isSeparator(t)) {
      close();
      out.push({ kind: 'skip', regel: L.regel, tekst: t, reden: isSeparator(t) ? 'scheiding' : isUrl(t) ? 'link' : 'voetnoot' });
      continue;
    }
    if (isMetaLine(t) && !L.kop) {
      close();
      out.push({ kind: 'para', regel: L.regel, tekst: t });
      continue;
    }
    if (L.kop) {
      close();
      const mk = marker(t);
      const numbered = mk && mk.type !== 'bullet' && mk.rest ? mk : null;
      out.push({
        kind: 'heading',
        regel: L.regel,
        nummer: numbered?.nummer ?? null,
        titel: numbered ? norm(numbered.rest) : t,
        numType: numbered ? headingNumType(numbered.type) : null,
      });
      continue;
    }
    const mk = marker(t);
    // A continuation of the open block: a wrapped line, or a sentence running on after a page break.
    const cur = open as { kind: 'item' | 'para'; block: Extract<Block, { kind: 'item' | 'para' }>; hard: boolean } | null;
    if (cur && !cur.hard && !(mk && mk.type !== 'chapter')) {
      const prevText = cur.block.tekst;
      const wrap =
        !wasBlank && !L.alinea && !/\t/.test(raw.trim()) && !(unwrapped && endsSentence(prevText) && startsUpper(t) && cur.kind === 'para');
      const runOn = wasBlank && !L.alinea && startsLower(t) && !endsSentence(prevText);
      const emptyItem = cur.kind === 'item' && prevText === '';
      const headingBreak =
        !wasBlank &&
        headingLike(t) &&
        followedByBreak(i) &&
        (endsSentence(prevText)
          ? i + 1 >= lines.length || norm(lines[i + 1].text) === '' || startsNew(norm(lines[i + 1].text))
          : // A short capitalised line between a rule without closing punctuation and a new list item.
            cur.kind === 'item' &&
            t.split(' ').length <= 6 &&
            !OPEN_END.test(` ${prevText}`) &&
            listFollows(i) &&
            nextNonBlank(i) === i + 1);
      if ((wrap || runOn || emptyItem) && !headingBreak) {
        cur.block.tekst = prevText ? `${prevText} ${t}` : t;
        continue;
      }
    }
    close();
    if (mk && mk.type !== 'bullet') {
      const isHeadingCandidate =
        mk.type === 'sec' || mk.type === 'chapter' || mk.type === 'artikel' || mk.type === 'roman' || mk.type === 'LETTER';
      // A numbered line is a heading when its text is heading-like and the next line is not its continuation.
      const nxt = nextNonBlank(i);
      const nextIsContinuation =
        nxt === i + 1 && !startsNew(norm(lines[nxt].text)) && !lines[nxt].kop && startsLower(norm(lines[nxt].text));
      // "2. Regels voor leerlingen" above "2.1 …", a list of another kind or plain text, when it does not
      // continue a numbered list: a heading, not a rule.
      const nextMk = nxt >= 0 && !nextIsContinuation ? marker(norm(lines[nxt].text)) : null;
      const prevItem = lastItem();
      const numHeading =
        mk.type === 'num' &&
        headingLike(mk.rest) &&
        !nextIsContinuation &&
        nxt >= 0 &&
        (nextMk?.type === 'sec'
          ? nextMk.nummer!.startsWith(`${mk.nummer}.`)
          : nextMk?.type !== 'num' &&
            !(prevItem?.marker === 'num' && prevItem.nummer === String(Number(mk.nummer) - 1)) &&
            !(nextMk === null && startsLower(norm(lines[nxt].text))));
      if ((isHeadingCandidate || numHeading) && (mk.type === 'artikel' ? true : headingLike(mk.rest)) && !nextIsContinuation) {
        out.push({ kind: 'heading', regel: L.regel, nummer: mk.nummer, titel: norm(mk.rest), numType: headingNumType(mk.type) });
        continue;
      }
      if (mk.type === 'chapter') {
        // "1 »Persoonsgegevens…" is a footnote or plain text, not a heading.
        const block = { kind: 'para' as const, regel: L.regel, tekst: t };
        out.push(block);
        open = { kind: 'para', block, hard: !!L.alinea || /\t/.test(raw.trim()) };
        continue;
      }
      const type: MarkerType = mk.type === 'sec' || mk.type === 'artikel' ? 'num' : (mk.type as MarkerType);
      const block = { kind: 'item' as const, regel: L.regel, marker: type, nummer: mk.nummer, tekst: norm(mk.rest), niveau: L.niveau ?? 0 };
      out.push(block);
      open = { kind: 'item', block, hard: !!L.alinea && block.tekst !== '' };
      continue;
    }
    if (mk && mk.type === 'bullet') {
      const block = {
        kind: 'item' as const,
        regel: L.regel,
        marker: 'bullet' as const,
        nummer: null,
        tekst: norm(mk.rest),
        niveau: L.niveau ?? 0,
      };
      out.push(block);
      open = { kind: 'item', block, hard: !!L.alinea };
      continue;
    }
    // Plain text: a heading when the block (at most two lines) is heading-like and stands alone.
    if (!L.alinea) {
      let j = i;
      const parts = [t];
      let capitalBreak = false;
      while (
        j + 1 < lines.length &&
        norm(lines[j + 1].text) !== '' &&
        !startsNew(norm(lines[j + 1].text)) &&
        !lines[j + 1].kop &&
        !isMetaLine(norm(lines[j + 1].text)) &&
        parts.length < 3
      ) {
        // A heading only wraps onto a line that continues it in lower case; a capital starts a new line.
        if (parts.length === 1 && headingLike(t) && !startsLower(norm(lines[j + 1].text))) {
          capitalBreak = true;
          break;
        }
        parts.push(norm(lines[j + 1].text));
        j++;
      }
      const standsAlone =
        capitalBreak ||
        j + 1 >= lines.length ||
        isMetaLine(norm(lines[j + 1].text)) ||
        norm(lines[j + 1].text) === '' ||
        startsNew(norm(lines[j + 1].text)) ||
        lines[j + 1].kop === true;
      // A heading is followed by a new sentence or a list, never by a sentence running on in lower case.
      const after = nextNonBlank(j);
      const runsOn = after >= 0 && startsLower(norm(lines[after].text)) && !isMetaLine(norm(lines[after].text));
      if (parts.length === 1 && isListTitle(t) && listFollows(i) && out[out.length - 1]?.kind !== 'heading') {
        out.push({ kind: 'heading', regel: L.regel, nummer: null, titel: t.slice(0, -1), numType: null });
        continue;
      }
      if (parts.length <= 2 && standsAlone && !runsOn && headingLike(parts.join(' ')) && !/\t/.test(raw.trim())) {
        out.push({ kind: 'heading', regel: L.regel, nummer: null, titel: parts.join(' '), numType: null });
        i = j;
        continue;
      }
    } else if (isListTitle(t) && listFollows(i) && out[out.length - 1]?.kind !== 'heading') {
      out.push({ kind: 'heading', regel: L.regel, nummer: null, titel: t.slice(0, -1), numType: null });
      continue;
    } else if (headingLike(t) && t.split(' ').length <= 12 && !endsSentence(t)) {
      // A short docx paragraph without a heading style, e.g. a bold line used as a heading.
      const nxt = lines[i + 1];
      if (!nxt || nxt.kop || startsNew(norm(nxt.text)) || norm(nxt.text) === '') {
        out.push({ kind: 'heading', regel: L.regel, nummer: null, titel: t, numType: null });
        continue;
      }
    }
    const block = { kind: 'para' as const, regel: L.regel, tekst: t };
    out.push(block);
    open = { kind: 'para', block, hard: !!L.alinea || /\t/.test(raw.trim()) };
  }
  return out;
}

function headingNumType(t: Marker['type']): 'chapter' | 'sec' | 'roman' | 'letter' | 'artikel' | null {
  switch (t) {
    case 'chapter':
    case 'num':
      return 'chapter';
    case 'sec':
      return 'sec';
    case 'roman':
      return 'roman';
    case 'LETTER':
    case 'letter':
      return 'letter';
    case 'artikel':
      return 'artikel';
    default:
      return null;
  }
}
