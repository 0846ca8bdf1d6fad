// Removing a destroyed person's name from texts that outlive them (an incident that also concerns
// a pupil who is still at school, the audit trail). Full names are removed everywhere they occur;
// single name parts only in records that were connected to the person, where they cannot belong
// to someone unrelated.
export const REDACTED = '[verwijderd]';

export interface PersonNames {
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  /** Other identifying values: pupil number, ECK id, e-mail, phone, staff number. */
  kenmerken: (string | null)[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string) => s.trim().split(/\s+/).map(esc).join('\\s+');
const bounded = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');

function fullNameAlternatives(people: PersonNames[]): string[] {
  const alts: string[] = [];
  for (const p of people) {
    const firsts = [...new Set([p.voornaam, p.roepnaam].filter((s): s is string => !!s && !!s.trim()))];
    const last = [p.tussenvoegsel, p.achternaam].filter((s) => s && s.trim()).join(' ');
    for (const f of firsts) {
      alts.push(`${words(f)}\\s+${words(last)}`);
      alts.push(`${words(last)},\\s*${words(f)}`);
      if (p.tussenvoegsel) alts.push(`${words(p.achternaam)},\\s*${words(f)}\\s+${words(p.tussenvoegsel)}`);
    }
  }
  return alts;
}

// Longest first, so "Sem van Dijk" is taken whole before a shorter form could match part of it.
const byLength = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);

/** Matches a person's full name in its usual forms ("Sem van Dijk", "van Dijk, Sem", "Dijk, Sem van"). */
export function fullNamePattern(people: PersonNames[]): RegExp | null {
  const alts = fullNameAlternatives(people);
  return alts.length ? bounded(byLength(alts).join('|')) : null;
}

/** Full names plus every single name part and identifying value (for connected records only). */
export function tokenPattern(people: PersonNames[]): RegExp | null {
  const alts = fullNameAlternatives(people);
  for (const p of people) {
    for (const s of [p.voornaam, p.roepnaam, p.achternaam, [p.tussenvoegsel, p.achternaam].filter(Boolean).join(' '), ...p.kenmerken]) {
      if (s && s.trim().length >= 2) alts.push(words(s));
    }
  }
  return alts.length ? bounded(byLength(alts).join('|')) : null;
}

export function scrubText(s: string, re: RegExp | null): string {
  return re ? s.replace(re, REDACTED) : s;
}

/** Scrubs every string inside a JSON text; returns the same text when nothing matched. */
export function scrubJson(json: string | null, re: RegExp | null): string | null {
  if (json === null || !re) return json;
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const out = scrubText(v, re);
      if (out !== v) changed = true;
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return scrubText(json, re);
  }
  const out = walk(parsed);
  return changed ? JSON.stringify(out) : json;
}
