// The editable form of an imported protocol and the corrections a reviewer makes before saving:
// retitle and renumber sections and rules, merge a rule into the one above, split a rule at the
// cursor, start a new section at a rule, merge a section into the one above, add skipped text as a
// rule. Pure functions (no React), so they are tested on their own.
import type { OvergeslagenReden, ProtocolDraft, RuleMatch } from '@shared/api/imports';

export interface ReviewRule {
  key: string;
  nummer: string;
  tekst: string;
  /** Line in the document (0 for a rule added by hand). */
  regel: number;
}

export interface ReviewSection {
  key: string;
  nummer: string;
  titel: string;
  regels: ReviewRule[];
}

export interface Review {
  titel: string;
  versie: string;
  ingangsdatum: string;
  vastgesteldOp: string;
  mrInstemmingOp: string;
  secties: ReviewSection[];
  overgeslagen: { key: string; regel: number; tekst: string; reden: OvergeslagenReden }[];
}

/** Reasons for text that is context to the rules (shown first, apart from headings and separators). */
const CONTEXT: OvergeslagenReden[] = ['inleiding', 'doel', 'voorbeeld', 'begrip'];
export const isContext = (reden: OvergeslagenReden) => CONTEXT.includes(reden);

let seq = 0;
export const newKey = () => `r${++seq}`;

export function fromDraft(d: ProtocolDraft): Review {
  return {
    titel: d.titel,
    versie: d.versie ?? '',
    ingangsdatum: d.ingangsdatum ?? d.mrInstemmingOp ?? d.vastgesteldOp ?? '',
    vastgesteldOp: d.vastgesteldOp ?? '',
    mrInstemmingOp: d.mrInstemmingOp ?? '',
    secties: d.secties.map((s) => ({
      key: newKey(),
      nummer: s.nummer ?? '',
      titel: s.titel,
      regels: s.regels.map((r) => ({ key: newKey(), nummer: r.nummer, tekst: r.tekst, regel: r.regel })),
    })),
    overgeslagen: d.overgeslagen.map((o) => ({ key: newKey(), ...o })),
  };
}

const mapSection = (r: Review, i: number, fn: (s: ReviewSection) => ReviewSection): Review => ({
  ...r,
  secties: r.secties.map((s, j) => (j === i ? fn(s) : s)),
});

export const setSection = (r: Review, i: number, patch: Partial<Pick<ReviewSection, 'nummer' | 'titel'>>): Review =>
  mapSection(r, i, (s) => ({ ...s, ...patch }));

export const setRule = (r: Review, i: number, k: number, patch: Partial<Pick<ReviewRule, 'nummer' | 'tekst'>>): Review =>
  mapSection(r, i, (s) => ({ ...s, regels: s.regels.map((x, j) => (j === k ? { ...x, ...patch } : x)) }));

export const removeRule = (r: Review, i: number, k: number): Review =>
  mapSection(r, i, (s) => ({ ...s, regels: s.regels.filter((_, j) => j !== k) }));

export const removeSection = (r: Review, i: number): Review => ({ ...r, secties: r.secties.filter((_, j) => j !== i) });

/** Rule k joins the rule above it (one space between the texts); the lower rule disappears. */
export function mergeRuleUp(r: Review, i: number, k: number): Review {
  if (k === 0) return r;
  return mapSection(r, i, (s) => {
    const regels = [...s.regels];
    const upper = regels[k - 1];
    regels[k - 1] = { ...upper, tekst: `${upper.tekst.trimEnd()} ${regels[k].tekst.trimStart()}` };
    regels.splice(k, 1);
    return { ...s, regels };
  });
}

/** The next number after `nummer`: 3 → 4, c → d; otherwise the text with "a" appended. */
export function nextNummer(nummer: string): string {
  if (/^\d+$/.test(nummer)) return String(Number(nummer) + 1);
  if (/^[a-y]$/.test(nummer)) return String.fromCharCode(nummer.charCodeAt(0) + 1);
  return `${nummer}a`;
}

/** Splits rule k at a character position into two rules; the new one gets the next number. */
export function splitRule(r: Review, i: number, k: number, at: number): Review {
  return mapSection(r, i, (s) => {
    const rule = s.regels[k];
    const before = rule.tekst.slice(0, at).trim();
    const after = rule.tekst.slice(at).trim();
    if (!before || !after) return s;
    const regels = [...s.regels];
    regels.splice(k, 1, { ...rule, tekst: before }, { key: newKey(), nummer: nextNummer(rule.nummer), tekst: after, regel: rule.regel });
    return { ...s, regels };
  });
}

/** Where to split when no cursor is given: the first line break, else the first sentence end. */
export function defaultSplitAt(tekst: string): number {
  const nl = tekst.indexOf('\n');
  if (nl > 0) return nl;
  const m = /[.;!?]\s+(?=\S)/.exec(tekst);
  return m ? m.index + 1 : -1;
}

/** Numbers the rules of a section 1, 2, 3 … */
export const renumberRules = (r: Review, i: number): Review =>
  mapSection(r, i, (s) => ({ ...s, regels: s.regels.map((x, j) => ({ ...x, nummer: String(j + 1) })) }));

/** Numbers the sections 1, 2, 3 … */
export const renumberSections = (r: Review): Review => ({ ...r, secties: r.secties.map((s, j) => ({ ...s, nummer: String(j + 1) })) });

/** Starts a new section at rule k: rule k and the rules after it move to it. */
export function splitSection(r: Review, i: number, k: number, titel: string): Review {
  if (k === 0) return r;
  const s = r.secties[i];
  const secties = [...r.secties];
  secties.splice(
    i,
    1,
    { ...s, regels: s.regels.slice(0, k) },
    { key: newKey(), nummer: nextNummer(s.nummer || String(i + 1)), titel, regels: s.regels.slice(k) },
  );
  return { ...r, secties };
}

/** Section i joins the section above it: its rules are added at the end. */
export function mergeSectionUp(r: Review, i: number): Review {
  if (i === 0) return r;
  const secties = [...r.secties];
  const upper = secties[i - 1];
  secties[i - 1] = { ...upper, regels: [...upper.regels, ...secties[i].regels] };
  secties.splice(i, 1);
  return { ...r, secties };
}

/** Moves a piece of skipped text into a section as a new rule at its end. */
export function addSkippedAsRule(r: Review, skippedKey: string, i: number): Review {
  const o = r.overgeslagen.find((x) => x.key === skippedKey);
  if (!o || !r.secties[i]) return r;
  const nums = r.secties[i].regels.map((x) => Number(x.nummer)).filter((n) => Number.isInteger(n));
  const nummer = String(nums.length ? Math.max(...nums) + 1 : r.secties[i].regels.length + 1);
  const next = mapSection(r, i, (s) => ({ ...s, regels: [...s.regels, { key: newKey(), nummer, tekst: o.tekst, regel: o.regel }] }));
  return { ...next, overgeslagen: r.overgeslagen.filter((x) => x.key !== skippedKey) };
}

/** The section whose text starts closest before a line: where skipped text most likely belongs. */
export function sectionForLine(r: Review, regel: number): number {
  let best = 0;
  r.secties.forEach((s, i) => {
    const first = Math.min(...s.regels.map((x) => x.regel || Infinity));
    if (first <= regel) best = i;
  });
  return best;
}

export const addRule = (r: Review, i: number): Review =>
  mapSection(r, i, (s) => ({
    ...s,
    regels: [
      ...s.regels,
      { key: newKey(), nummer: s.regels.length ? nextNummer(s.regels[s.regels.length - 1].nummer) : '1', tekst: '', regel: 0 },
    ],
  }));

/** Duplicate numbers within a section (the save would refuse them), as "sectie.regel" keys. */
export function duplicateNumbers(r: Review): Set<string> {
  const out = new Set<string>();
  for (const s of r.secties) {
    const seen = new Set<string>();
    for (const x of s.regels) {
      if (seen.has(x.nummer)) out.add(`${s.key}:${x.nummer}`);
      seen.add(x.nummer);
    }
  }
  return out;
}

/** The sections and rules as the match and save methods take them. */
export const toSecties = (r: Review) =>
  r.secties.map((s) => ({ nummer: s.nummer, titel: s.titel, regels: s.regels.map((x) => ({ nummer: x.nummer, tekst: x.tekst })) }));

/** The save input: rules carry the id of the previous rule they continue, where the reviewer kept that link. */
export function toSaveInput(r: Review, matches: Map<string, RuleMatch>, keep: Set<string>, bestand: { naam: string; sha256: string }) {
  return {
    titel: r.titel,
    versie: r.versie,
    ingangsdatum: r.ingangsdatum,
    vastgesteldOp: r.vastgesteldOp,
    mrInstemmingOp: r.mrInstemmingOp,
    secties: r.secties.map((s) => ({
      nummer: s.nummer,
      titel: s.titel,
      regels: s.regels.map((x) => {
        const m = matches.get(x.key);
        return { ...(m?.vorigeRegelId && keep.has(x.key) ? { id: m.vorigeRegelId } : {}), nummer: x.nummer, tekst: x.tekst };
      }),
    })),
    bestand,
  };
}

/** The match results keyed by rule key (the API answers by section and rule index). */
export function matchesByKey(r: Review, regels: RuleMatch[]): Map<string, RuleMatch> {
  const out = new Map<string, RuleMatch>();
  for (const m of regels) {
    const rule = r.secties[m.sectie]?.regels[m.regel];
    if (rule) out.set(rule.key, m);
  }
  return out;
}
