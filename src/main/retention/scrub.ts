// Removing a destroyed person's name from texts that outlive them (an incident that also concerns
// a pupil who is still at school, the audit trail). Full names are removed everywhere they occur;
// single name parts only in records that were connected to the person, where they cannot belong
// to someone unrelated.
import { peoplePattern } from '../people/matcher';
import type { KnownPerson } from '../people/matcher';

import { REDACTED } from '../audit/audit';

export interface PersonNames {
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum?: string | null;
  /** Other identifying values: pupil number, ECK id, e-mail, phone, staff number. */
  kenmerken: (string | null)[];
}

const known = (people: PersonNames[]): KnownPerson[] => people.map((p, i) => ({ ...p, id: i, soort: '' }));

/** Matches a person's full name in every form the search knows ("Sem van Dijk", "van Dijk, Sem", "Sem vanDijk", "Sems"). */
export function fullNamePattern(people: PersonNames[]): RegExp | null {
  return peoplePattern(known(people), { parts: false });
}

/** Full names plus every single name part and identifying value (for connected records only). */
export function tokenPattern(people: PersonNames[]): RegExp | null {
  return peoplePattern(known(people), { parts: true });
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
