// How people's names are shown and searched: one place, so the grid, the dossier, letters and the
// incident search all agree.

export interface NameParts {
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
}

/** "Roepnaam (or voornaam) tussenvoegsel achternaam", e.g. "Sanne van der Berg". */
export function displayName(p: NameParts): string {
  return [p.roepnaam || p.voornaam, p.tussenvoegsel, p.achternaam].filter((s) => s && s.trim()).join(' ');
}

/** Lower case without diacritics, so "ozdemir" finds "Özdemir". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The stored search key: "roepnaam (or voornaam) tussenvoegsel achternaam [voornaam]", folded. */
export function zoeknaam(p: NameParts): string {
  const roep = p.roepnaam || p.voornaam;
  return fold([roep, p.tussenvoegsel, p.achternaam, roep !== p.voornaam ? p.voornaam : null].filter((s) => s && s.trim()).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * SQL for sp_fold(col) that calls into JavaScript only for text with a character outside printable
 * ASCII: for the rest lower() gives the same (fold changes nothing there but the case). Sorting the
 * people list by name called sp_fold twice per person (docs/PERFORMANCE.md, "School server under load").
 */
export const foldSql = (col: string): string => `(CASE WHEN ${col} GLOB '*[^ -~]*' THEN sp_fold(${col}) ELSE lower(${col}) END)`;

/**
 * fold for SQL, with the answers kept: sorting a list by name folds every name of it each time, and
 * names repeat (normalize and the regular expression were most of a people page's time).
 */
const folded = new Map<string, string>();
function foldKept(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= 100_000) folded.clear();
    folded.set(s, (f = fold(s)));
  }
  return f;
}

const folding = new WeakSet<object>();
/** Registers sp_fold(text) on a connection, so names sort as Dutch readers expect (Özdemir under O). */
export function ensureFold(db: { function(name: string, opts: { deterministic: boolean }, fn: (s: unknown) => unknown): unknown }): void {
  if (folding.has(db)) return;
  db.function('sp_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldKept(s) : s));
  folding.add(db);
}

/** Every name a person may be searched by (for the incident search index). */
export function allNames(p: NameParts): string {
  return [p.voornaam, p.roepnaam !== p.voornaam ? p.roepnaam : null, p.tussenvoegsel, p.achternaam].filter((s) => s && s.trim()).join(' ');
}

/** Splits a search text into folded word tokens (letters and digits only). */
export function searchTokens(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 10);
}

/** Escapes a token for LIKE … ESCAPE '\'. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
