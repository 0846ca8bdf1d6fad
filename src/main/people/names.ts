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
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The stored search key: "roepnaam tussenvoegsel achternaam voornaam", folded. */
export function zoeknaam(p: NameParts): string {
  return fold([p.roepnaam, p.tussenvoegsel, p.achternaam, p.voornaam].filter((s) => s && s.trim()).join(' '))
    .replace(/\s+/g, ' ')
    .trim();
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
