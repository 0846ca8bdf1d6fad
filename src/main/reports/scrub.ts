// Keeps names out of the yearly report and the evaluation pack. The figures carry no
// names by construction; the few free texts that reach a document (the agenda, action descriptions
// and owners, a school's own category labels) are written by people and may contain one. Every
// person in the database is found there the way the search and the letters find them
// (people/matcher.ts: accents, possessives, hyphens, "Achternaam, Voornaam"), and replaced by
// "[naam]". The names of evaluation participants and the school's contacts that are not people in
// the database go only as whole names: a loose word of theirs is too often an ordinary word.
import type { DB } from '../db/open';
import { fold } from '../people/names';
import { peopleIndex, peoplePattern, PersonFinder, PARTICLES } from '../people/matcher';
import type { KnownPerson } from '../people/matcher';

export type Scrubber = (text: string) => string;

const words = (s: string) => s.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);

/** "Anouk van Willems" → first name, particles, surname; null for a single word (not a full name). */
function asPerson(naam: string, id: number): KnownPerson | null {
  const w = words(naam);
  if (w.length < 2) return null;
  let i = 1;
  while (i < w.length - 1 && PARTICLES.has(w[i].toLowerCase())) i++;
  return {
    id,
    soort: 'vrij',
    voornaam: w[0],
    roepnaam: null,
    tussenvoegsel: w.slice(1, i).join(' ') || null,
    achternaam: w.slice(i).join(' '),
  };
}

/**
 * A surname that has a tussenvoegsel is not used without it ("van der Meer", never "Meer"): the
 * bare word is then an ordinary word ("Meer aandacht"), not this person.
 */
function bareSurname(p: KnownPerson, tekst: string): boolean {
  return !!p.tussenvoegsel?.trim() && fold(tekst).replace(/['’‘`]?s$/, '') === fold(p.achternaam) && !/\s/.test(p.achternaam.trim());
}

export function reportScrubber(db: DB): Scrubber {
  const finder = new PersonFinder(peopleIndex(db));
  const free = [
    ...(db.prepare('SELECT naam FROM evaluation_participant WHERE person_id IS NULL').all() as { naam: string }[]).map((r) => r.naam),
    ...(
      db.prepare('SELECT anti_pest_naam AS naam FROM school UNION SELECT ondertekenaar_naam FROM school').all() as { naam: string | null }[]
    ).map((r) => r.naam ?? ''),
  ]
    .map((n, i) => asPerson(n, -1 - i))
    .filter((p): p is KnownPerson => p !== null);
  const whole = free.length ? peoplePattern(free, { parts: false }) : null;
  return (text) => {
    const out = finder.replace(text, (p, tekst) => (bareSurname(p, tekst) ? null : '[naam]'));
    return (whole ? out.replace(whole, '[naam]') : out).replace(/\[naam\](?:\s+\[naam\])+/g, '[naam]');
  };
}
