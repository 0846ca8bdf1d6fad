// From blocks to a protocol: sections and numbered rules, plus the title and adoption dates.
//
// - Everything before the body (the first list item or the first numbered heading; in a document
//   of headings and paragraphs only, the first heading after the title) is the preamble: title and
//   adoption lines are read from it, the rest is listed as skipped text.
// - Nothing is dropped silently: every piece of text that is not a rule is listed with the reason.
//   Introductions, purposes, examples and definitions are context, never rules: a section titled
//   "Inleiding", "Doel" or "Begrippen"; a sentence about the protocol itself ("Dit protocol …",
//   "Deze richtlijnen …"); a statement of the school's view in "Uitgangspunten" ("… onderkent het
//   belang van …") that asks nothing of anyone; the items of a list introduced as examples.
// - A section with list items has those items as its rules; a paragraph between two items of the
//   same list belongs to the item above it; a paragraph ending in ":" introduces the next list;
//   other paragraphs are listed as skipped, never silently turned into rules.
// - A section without list items (after the body has begun) has its paragraphs as rules.
// - Bullets are numbered 1, 2, 3 within their section; a numbered list that starts again at 1 in a
//   section that already has rules starts a new section "(vervolg)".
// - Rules run together on one line ("… toegestaan. 2. Het is …") are split.
// - Section numbers are kept when every section has one; otherwise sections are numbered 1, 2, 3
//   and a letter or Roman number stays in the title ("A. Voor alle gebruikers").
// Rule text is kept exactly; only whitespace is normalised where lines were wrapped.
import type { DraftRule, DraftSection, OvergeslagenReden } from '@shared/api/imports';
import { findDatum } from '../dates';
import type { Block, MarkerType } from './blocks';
import { endsSentence, isMetaLine } from './blocks';
import { BOILERPLATE, FOOTNOTE, contextReden, paraReden } from './context';

export interface ParsedProtocol {
  titel: string;
  versie: string | null;
  vastgesteldOp: string | null;
  mrInstemmingOp: string | null;
  ingangsdatum: string | null;
  secties: DraftSection[];
  overgeslagen: Overgeslagen[];
}

type Overgeslagen = { regel: number; tekst: string; reden: OvergeslagenReden };

export const DEFAULT_TITEL = 'Protocol sociale media';

interface RawSection {
  regel: number;
  nummer: string | null;
  numType: Extract<Block, { kind: 'heading' }>['numType'];
  titel: string;
  /** The heading above this one that had no content of its own ("Sociale media in de school"). */
  boven: string | null;
  content: Block[];
  vervolg: boolean;
}

/** The first date written after the first match of `keyword` in the text. */
function dateAfter(text: string, keyword: RegExp): string | null {
  const m = keyword.exec(text);
  return m ? findDatum(text.slice(m.index)) : null;
}

const VASTGESTELD = /\b(vastgesteld|vaststelling|goedgekeurd)\b/i;
const MR = /\b(instemming|ingestemd|advies)\b/i;
const MR_ORGAAN = /\b(G?MR|medezeggenschapsraad|deelnemersraad|ondernemingsraad|OR)\b/;
const INGANG = /\b(treedt in werking|in werking getreden|in werking op|ingangsdatum|met ingang van|van kracht)\b/i;

/** Meta lines: adoption by the school leadership, consent of the MR, entry into force, version. */
function readMeta(texts: { tekst: string }[]) {
  let vastgesteldOp: string | null = null;
  let mrInstemmingOp: string | null = null;
  let ingangsdatum: string | null = null;
  let versie: string | null = null;
  const used = new Set<string>();
  for (const { tekst } of texts) {
    const mr = MR_ORGAAN.test(tekst) ? dateAfter(tekst, MR) : null;
    if (!mrInstemmingOp && mr) {
      mrInstemmingOp = mr;
      used.add(tekst);
    }
    const vast = dateAfter(tekst, VASTGESTELD);
    if (!vastgesteldOp && vast) {
      vastgesteldOp = vast;
      used.add(tekst);
    }
    const ingang = dateAfter(tekst, INGANG);
    if (!ingangsdatum && ingang) {
      ingangsdatum = ingang;
      used.add(tekst);
    }
    const v = /\bversie\s*:?\s*v?(\d+(?:[.,]\d+)*)\b/i.exec(tekst) ?? /^v(\d+(?:\.\d+)+)$/i.exec(tekst.trim());
    if (!versie && v && tekst.length <= 80) {
      versie = v[1].replace(',', '.');
      used.add(tekst);
    }
  }
  return { vastgesteldOp, mrInstemmingOp, ingangsdatum, versie, used };
}

const isChildNumber = (parent: string | null, child: string | null) => !!parent && !!child && child.startsWith(`${parent}.`);

const isTitle = (b: Block) => b.kind === 'heading' && /protocol|gedragscode|reglement|richtlijn|sociale? media/i.test(b.titel);

export function parseProtocol(blocks: Block[]): ParsedProtocol {
  const overgeslagen: Overgeslagen[] = [];
  const preamble: Block[] = [];
  const sections: RawSection[] = [];
  let body = false;
  let current: RawSection | null = null;
  // Without any list or numbered heading, the plain headings after the first one are the sections.
  const headingsOnly = !blocks.some((b) => b.kind === 'item' || (b.kind === 'heading' && b.nummer !== null && b.numType !== 'letter'));
  const firstHeading = blocks.find((b) => b.kind === 'heading');

  for (const b of blocks) {
    if (b.kind === 'skip') {
      overgeslagen.push({ regel: b.regel, tekst: b.tekst, reden: b.reden });
      continue;
    }
    if (b.kind === 'heading') {
      // The first heading is the document's own title, whatever it says.
      const opensBody = headingsOnly && b !== firstHeading;
      if (!body && !opensBody && (b.nummer === null || b.numType === 'letter')) {
        // Headings before the body belong to the preamble (title page, foreword, contents).
        preamble.push(b);
        current = null;
        continue;
      }
      body = true;
      if (current && current.content.length === 0) {
        if (
          isChildNumber(current.nummer, b.nummer) ||
          (current.nummer === null && b.numType !== null && b.numType !== 'letter' && b.numType !== 'roman')
        ) {
          // A chapter heading directly followed by its first section ("1 Uitvoering", "1.1. Definities").
          overgeslagen.push({ regel: current.regel, tekst: [current.nummer, current.titel].filter(Boolean).join(' '), reden: 'kop' });
          sections.pop();
        } else if (current.nummer === null || b.nummer === null) {
          // Two headings in a row ("Sociale media in de school" / "Voor alle gebruikers"): one section.
          sections.pop();
          current = {
            regel: current.regel,
            nummer: b.nummer,
            numType: b.numType,
            titel: b.titel,
            boven: [current.boven, current.titel].filter(Boolean).join(' — '),
            content: [],
            vervolg: false,
          };
          sections.push(current);
          continue;
        }
      }
      current = { regel: b.regel, nummer: b.nummer, numType: b.numType, titel: b.titel, boven: null, content: [], vervolg: false };
      sections.push(current);
      continue;
    }
    if (!body && b.kind === 'item') {
      body = true;
      // The list's own heading is the last heading of the preamble.
      const last = preamble[preamble.length - 1];
      if (last && last.kind === 'heading') {
        preamble.pop();
        current = {
          regel: last.regel,
          nummer: last.nummer,
          numType: last.numType,
          titel: last.titel,
          boven: null,
          content: [],
          vervolg: false,
        };
      } else {
        // Paragraphs right before the list belong to the preamble; the list gets a plain title.
        current = { regel: b.regel, nummer: null, numType: null, titel: 'Regels', boven: null, content: [], vervolg: false };
      }
      sections.push(current);
    }
    if (!body || !current) {
      preamble.push(b);
      continue;
    }
    current.content.push(b);
  }

  // Title and adoption dates from the preamble (and any meta line in the body, e.g. "Inwerkingtreding").
  const preambleTexts = preamble.filter(
    (b): b is Extract<Block, { kind: 'para' | 'heading' }> => b.kind === 'para' || b.kind === 'heading',
  );
  const allTexts = [
    ...preambleTexts.map((b) => ({ tekst: b.kind === 'heading' ? b.titel : b.tekst })),
    ...sections.flatMap((s) => s.content.map((c) => ({ tekst: c.kind === 'item' || c.kind === 'para' ? c.tekst : '' }))),
  ];
  const meta = readMeta(allTexts);
  const titleBlock = preambleTexts.find(isTitle);
  const titel = titleBlock && titleBlock.kind === 'heading' ? titleBlock.titel : DEFAULT_TITEL;
  for (const b of preamble) {
    const tekst =
      b.kind === 'heading' ? [b.nummer, b.titel].filter(Boolean).join(' ') : b.kind === 'item' || b.kind === 'para' ? b.tekst : '';
    // The title and the adoption lines are shown in the form; the reviewer still sees where they came from.
    const gegevens = b === titleBlock || meta.used.has(b.kind === 'heading' ? b.titel : tekst) || isMetaLine(tekst);
    overgeslagen.push({ regel: b.regel, tekst, reden: gegevens ? 'gegevens' : b.kind === 'heading' ? 'kop' : 'inleiding' });
  }

  const drafts: (DraftSection & { explicit: boolean; boven: string | null })[] = [];
  for (const s of sections) {
    for (const part of sectionRules(s, overgeslagen)) {
      if (part.regels.length === 0) {
        overgeslagen.push({
          regel: part.regel,
          tekst: [part.boven, [part.nummer, part.titel].filter(Boolean).join(' ')].filter(Boolean).join('\n'),
          reden: 'kop',
        });
        continue;
      }
      drafts.push(part);
    }
  }
  const allNumbered = drafts.length > 0 && drafts.every((d) => d.explicit && d.nummer);
  const secties: DraftSection[] = drafts.map((d, i) => {
    const eigen = allNumbered || !d.nummer ? d.titel : `${d.nummer}. ${d.titel}`;
    const titel = [d.boven, eigen].filter(Boolean).join(' — ');
    return {
      nummer: allNumbered ? d.nummer!.replace(/\.$/, '') : String(i + 1),
      titel: titel.length > 200 ? `${titel.slice(0, 199)}…` : titel,
      regel: d.regel,
      regels: d.regels,
    };
  });
  overgeslagen.sort((a, b) => a.regel - b.regel);
  return {
    titel: titel.length > 200 ? titel.slice(0, 200) : titel,
    versie: meta.versie,
    vastgesteldOp: meta.vastgesteldOp,
    mrInstemmingOp: meta.mrInstemmingOp,
    ingangsdatum: meta.ingangsdatum,
    secties,
    overgeslagen,
  };
}

type Item = Extract<Block, { kind: 'item' }>;

/** Splits "… toegestaan. 2. Het is …" (or "… b. Je …") into rules when the number is the next one. */
function splitRunTogether(nummer: string, tekst: string): { nummer: string; tekst: string }[] {
  const numeric = /^\d+$/.test(nummer);
  if (!numeric && !/^[a-z]$/.test(nummer)) return [{ nummer, tekst }];
  const next = (n: string) => (numeric ? String(Number(n) + 1) : String.fromCharCode(n.charCodeAt(0) + 1));
  const out: { nummer: string; tekst: string }[] = [];
  let num = nummer;
  let rest = tekst;
  for (;;) {
    const re = new RegExp(`([.;:!?]["'”’)]*)\\s+${next(num)}[.)]\\s+(?=["'‘“(]?\\p{Lu})`, 'u');
    const m = re.exec(rest);
    if (!m) break;
    out.push({ nummer: num, tekst: rest.slice(0, m.index + m[1].length) });
    rest = rest.slice(m.index + m[0].length);
    num = next(num);
  }
  out.push({ nummer: num, tekst: rest });
  return out;
}

/** A paragraph that can stand as a rule: a whole sentence, not a lead-in, footnote or copyright line. */
function isRuleParagraph(tekst: string): boolean {
  const t = tekst.trim();
  return endsSentence(t) && !/:["'”’)]*$/.test(t) && !BOILERPLATE.test(t) && !FOOTNOTE.test(t) && /^["'‘“(]?[\p{Lu}\d]/u.test(t);
}

const nextLetter = (regels: DraftRule[]) => {
  const codes = regels
    .map((r) => r.nummer)
    .filter((n) => /^[a-z]$/.test(n))
    .map((n) => n.charCodeAt(0));
  return String.fromCharCode(codes.length ? Math.max(...codes) + 1 : 97);
};

/** The next number a list of this marker type would use after `nummer`. */
function follows(marker: MarkerType, prev: string | null, next: string | null): boolean {
  if (marker === 'bullet') return true;
  if (!prev || !next) return false;
  if (marker === 'num') return Number(next) === Number(prev) + 1;
  if (marker === 'letter' || marker === 'LETTER') return next.toLowerCase().charCodeAt(0) === prev.toLowerCase().charCodeAt(0) + 1;
  return true;
}

function sectionRules(s: RawSection, overgeslagen: Overgeslagen[]): (DraftSection & { explicit: boolean; boven: string | null })[] {
  const hasItems = s.content.some((c) => c.kind === 'item');
  const explicit = s.nummer !== null;
  const make = (vervolg: boolean) => ({
    nummer: vervolg ? null : s.nummer,
    titel: vervolg ? `${s.titel} (vervolg)` : s.titel,
    regel: s.regel,
    regels: [] as DraftRule[],
    explicit: explicit && !vervolg,
    boven: s.boven,
  });
  const parts = [make(false)];
  let part = parts[0];

  if (!hasItems) {
    // A section of paragraphs only: each sentence-ending paragraph is a rule.
    for (const c of s.content) {
      if (c.kind !== 'para') continue;
      if (!isRuleParagraph(c.tekst)) {
        overgeslagen.push({ regel: c.regel, tekst: c.tekst, reden: isMetaLine(c.tekst) ? 'gegevens' : paraReden(c.tekst) });
        continue;
      }
      const ctx = contextReden(s.titel, c.tekst);
      if (ctx) {
        overgeslagen.push({ regel: c.regel, tekst: c.tekst, reden: ctx });
        continue;
      }
      part.regels.push({ nummer: String(part.regels.length + 1), tekst: c.tekst, regel: c.regel });
    }
    return parts;
  }

  const items = s.content;
  /** The rule that paragraphs and sub-items are added to. */
  let last: { rule: DraftRule; marker: MarkerType; nummer: string | null; sub: MarkerType | null } | null = null;
  const nextItemAfter = (i: number): Item | null => {
    for (let j = i + 1; j < items.length; j++) {
      const c = items[j];
      if (c.kind === 'item') return c;
      if (c.kind === 'para' && endsSentence(c.tekst) && /:$/.test(c.tekst.trim())) return null;
    }
    return null;
  };
  const usedNumbers = () => new Set(part.regels.map((r) => r.nummer));
  const nextNumber = () => {
    const nums = part.regels.map((r) => Number(r.nummer)).filter((n) => Number.isInteger(n));
    return String(nums.length ? Math.max(...nums) + 1 : 1);
  };

  /** Items that are context, not rules; sub-items and paragraphs still attach to them. */
  const context: { rule: DraftRule; reden: OvergeslagenReden }[] = [];
  let examples = false;
  items.forEach((c, i) => {
    if (c.kind === 'para') {
      const nxt = nextItemAfter(i);
      const leadIn = /:["'”’)]*$/.test(c.tekst.trim());
      // "Voorbeelden van …:" introduces examples of what the rules are about, not rules.
      examples = leadIn && /voorbeeld/i.test(c.tekst);
      if (last && !leadIn && nxt && nxt.marker === last.marker && nxt.niveau === 0 && follows(last.marker, last.nummer, nxt.nummer)) {
        // Between two items of one list: a second paragraph of the item above.
        last.rule.tekst += `\n${c.tekst}`;
      } else if (last && isRuleParagraph(c.tekst)) {
        // After a list: a further rule (OCR and PDF text often lose the numbers of the last items).
        const letters = last.marker === 'letter' || last.marker === 'LETTER';
        const nummer = letters ? nextLetter(part.regels) : nextNumber();
        const rule = { nummer, tekst: c.tekst, regel: c.regel };
        part.regels.push(rule);
        last = { rule, marker: last.marker, nummer, sub: null };
      } else {
        overgeslagen.push({ regel: c.regel, tekst: c.tekst, reden: isMetaLine(c.tekst) ? 'gegevens' : paraReden(c.tekst) });
      }
      return;
    }
    if (c.kind !== 'item') return;
    // A sub-item: deeper in a Word list, or a bullet/letter after a rule that ends with ":".
    const subOf =
      last &&
      (c.niveau > 0 ||
        (last.sub !== null && c.marker === last.sub) ||
        (last.sub === null &&
          /:["'”’)]*$/.test(last.rule.tekst.trim()) &&
          (c.marker === 'bullet' || c.marker === 'letter') &&
          c.marker !== last.marker));
    if (subOf && last) {
      const mark = c.marker === 'bullet' ? '-' : `${c.nummer}.`;
      last.rule.tekst += `\n${mark} ${c.tekst}`;
      last.sub = c.marker;
      return;
    }
    /** A piece of the item as context (with its reason) or as a rule. */
    const take = (nummer: string, tekst: string) => {
      const reden = examples ? 'voorbeeld' : contextReden(s.titel, tekst);
      const rule = { nummer, tekst, regel: c.regel };
      if (reden) context.push({ rule, reden });
      else part.regels.push(rule);
      last = { rule, marker: c.marker, nummer, sub: null };
    };
    if (c.marker === 'bullet') {
      take(nextNumber(), c.tekst);
      return;
    }
    let nummer = c.marker === 'letter' || c.marker === 'LETTER' ? c.nummer!.toLowerCase() : c.nummer!;
    // "2.1" under section 2 is rule 1 of that section (its full number stays 2.1).
    const prefix = s.nummer ? `${s.nummer.replace(/\.$/, '')}.` : null;
    if (prefix && nummer.startsWith(prefix) && nummer.length > prefix.length) nummer = nummer.slice(prefix.length);
    if (part.regels.length > 0 && usedNumbers().has(nummer)) {
      // The numbering starts again inside one section: a new section, so every rule keeps its number.
      part = { ...make(true), regel: c.regel };
      parts.push(part);
    }
    for (const r of splitRunTogether(nummer, c.tekst)) take(r.nummer, r.tekst);
  });
  // A rule introduced by a marker on its own line and nothing after it has no text: not a rule.
  for (const p of parts) p.regels = p.regels.filter((r) => r.tekst.trim() !== '');
  for (const { rule, reden } of context) overgeslagen.push({ regel: rule.regel, tekst: rule.tekst, reden });
  return parts;
}
