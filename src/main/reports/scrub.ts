// Keeps names out of the yearly report and the evaluation pack (DOMAIN.md §9). The figures carry no
// names by construction; the few free texts that reach a document (the agenda, action descriptions
// and owners, a school's own category labels) are written by people and may contain one, so every
// name the app knows (people, evaluation participants, the school's contacts) is replaced by
// "[naam]" there. It errs on the side of privacy: a surname that is also a word goes too.
import type { DB } from '../db/open';
import { PARTICLES } from '../people/matcher';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Every form of every known name: full names, surname with and without particles, first names; three letters or more. */
export function knownNames(db: DB): string[] {
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    const c = clean(s);
    if (c.length >= 3 && !PARTICLES.has(c.toLowerCase())) out.add(c);
  };
  // DISTINCT: many people share a name, and building every form in JavaScript for each of a school
  // board's 62,000 people took 200 ms of the report (the set below dropped the repeats anyway).
  const people = db.prepare('SELECT DISTINCT voornaam, roepnaam, tussenvoegsel, achternaam FROM person').all() as {
    voornaam: string;
    roepnaam: string | null;
    tussenvoegsel: string | null;
    achternaam: string;
  }[];
  for (const p of people) {
    const achter = clean([p.tussenvoegsel, p.achternaam].filter(Boolean).join(' '));
    for (const voor of [p.voornaam, p.roepnaam]) add(`${clean(voor)} ${achter}`);
    add(achter);
    add(p.achternaam);
    add(p.voornaam);
    add(p.roepnaam);
    // Double-barrelled and multi-word names: each part on its own.
    for (const part of `${p.voornaam} ${p.achternaam}`.split(/[\s-]+/)) add(part);
  }
  const free = [
    ...(db.prepare('SELECT naam FROM evaluation_participant').all() as { naam: string }[]).map((r) => r.naam),
    ...(
      db.prepare('SELECT anti_pest_naam AS naam FROM school UNION SELECT ondertekenaar_naam FROM school').all() as { naam: string | null }[]
    ).map((r) => r.naam),
  ];
  for (const n of free) {
    add(n);
    for (const part of clean(n).split(/[\s-]+/)) add(part);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Scrubber = (text: string) => string;

export function makeScrubber(names: string[]): Scrubber {
  if (!names.length) return (t) => t;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(re, '[naam]').replace(/\[naam\](?:\s+\[naam\])+/g, '[naam]');
}
