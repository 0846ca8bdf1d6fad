// Finding known people in free text the way the search finds them (names.ts): case and accents
// folded, every name part and combination, roepnaam, first name alone, possessives ("Sannes",
// "Sanne's"), hyphen, space or nothing between parts ("Idrissi-Bakker", "IdrissiBakker"), and the
// identifiers that point at one person (pupil or staff number, e-mail, phone, date of birth). One
// place for the access-request export (letters/pseudonyms.ts) and the destruction's scrub
// (retention/scrub.ts). Particles alone ("van", "de") and words that are nobody's name are never matched.
import type { DB } from '../db/open';
import { fold } from './names';
import type { NameParts } from './names';

export interface KnownPerson extends NameParts {
  id: number;
  soort: string;
  geboortedatum?: string | null;
  /** Pupil number, staff number, ECK id, e-mail, phone. */
  kenmerken?: (string | null | undefined)[];
}

/** Tussenvoegsels and titles: part of a name only together with the surname. */
export const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  'in',
  "'t",
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'el',
  'al',
  'mw',
  'mw.',
  'dhr',
  'dhr.',
  'mevr',
  'mevr.',
  'mr',
  'mr.',
  'dr',
  'dr.',
  'drs',
  'drs.',
  'ir',
  'ir.',
]);

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

// Each base letter with the accented letters that fold to it, so "Ozdemir" also finds "Özdemir".
const VARIANTS = (() => {
  const m = new Map<string, Set<string>>();
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCodePoint(c);
    const base = fold(ch);
    if (/^[a-z]$/.test(base)) (m.get(base) ?? m.set(base, new Set([base])).get(base)!).add(ch.toLowerCase());
  }
  return m;
})();

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const split = (s: string | null | undefined) =>
  clean(s)
    .split(/[\s-]+/)
    .filter(Boolean);
const key = (words: string[]) => fold(words.join('')).replace(/[^\p{L}\p{N}]/gu, '');
/** Between name parts: a hyphen, spaces or nothing ("Idrissi Bakker", "Idrissi-Bakker", "IdrissiBakker"). */
const SEP = '(?:\\s*[-‐‑–]\\s*|\\s+)?';
/** Possessive: "Sannes", "Sanne's", "Thijs'". */
const POSS = "(?:['’‘`]s?|s)?";
const APOS = "['’‘`]";

function looseWord(w: string): string {
  let out = '';
  for (const ch of fold(w)) {
    const v = VARIANTS.get(ch);
    if (v) out += `[${[...v].join('')}]\\p{M}*`;
    else if (/['’‘`]/.test(ch)) out += APOS;
    else out += esc(ch);
  }
  return out;
}
const phrase = (words: string[]) => words.map(looseWord).join(SEP);

interface Form {
  words: string[];
  /** A single part (first name, surname) rather than a full name: skipped when the subject shares it. */
  part: boolean;
  /** For a full name: its first name, for the "Berg, Sanne van der" forms. */
  first?: string[];
}

function nameForms(p: NameParts): Form[] {
  const firsts = [
    ...new Map(
      [p.roepnaam, p.voornaam, ...split(p.voornaam)]
        .map(split)
        .filter((w) => w.length)
        .map((w) => [key(w), w]),
    ).values(),
  ];
  const tv = split(p.tussenvoegsel);
  const last = split(p.achternaam);
  const forms: Form[] = [];
  for (const f of firsts) {
    forms.push({ words: [...f, ...tv, ...last], part: false, first: f });
    if (tv.length) forms.push({ words: [...f, ...last], part: false });
    forms.push({ words: f, part: true });
  }
  if (last.length) {
    forms.push({ words: [...tv, ...last], part: true });
    forms.push({ words: last, part: true });
    for (const w of last) forms.push({ words: [w], part: true });
  }
  return forms.filter((f) => !(f.words.length === 1 && (f.words[0].length < 2 || PARTICLES.has(f.words[0].toLowerCase()))));
}

/** The keys of every name form of these people: what must stay readable (the subject's own names). */
export function nameKeys(people: NameParts[]): Set<string> {
  return new Set(people.flatMap((p) => nameForms(p).map((f) => key(f.words))));
}

function phonePattern(v: string): string | null {
  if (!/^[\d\s()+./-]+$/.test(v)) return null;
  const digits = v.replace(/\D/g, '');
  const national = digits.startsWith('0031')
    ? digits.slice(4)
    : digits.startsWith('31') && digits.length === 11
      ? digits.slice(2)
      : digits.replace(/^0/, '');
  if (national.length < 8) return null;
  return `(?<![\\d+])(?:(?:\\+|00)31[\\s-]*(?:\\(0\\)[\\s-]*)?|0)${national.split('').join('[\\s./-]?')}(?!\\d)`;
}

function datePattern(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [, y, mm, dd] = m;
  const d = String(Number(dd));
  const mo = MONTHS[Number(mm) - 1];
  const num = `0?${d}\\s*[-/.]\\s*0?${Number(mm)}\\s*[-/.]\\s*(?:${y}|${y.slice(2)})`;
  const word = `0?${d}\\s+(?:${mo}|${mo.slice(0, 3)}\\.?)\\s+${y}`;
  return `(?<!\\d)(?:${num}|${y}-${mm}-${dd}|${word})(?!\\d)`;
}

/**
 * What a text holds, for a quick first test of a name form or identifier before any pattern is built:
 * its letters and digits folded and run together (so "Idrissi-Bakker", "Idrissi Bakker" and
 * "IdrissiBakker" all hold "idrissibakker"), its digits alone, and the dates written in it.
 */
interface Probe {
  letters: string;
  digits: string;
  dates: Set<string>;
}

const MONTH_RE = MONTHS.map((m) => `${m}|${m.slice(0, 3)}\\.?`).join('|');
const pad = (n: number) => String(n).padStart(2, '0');

/** Every date written in a text as ISO (a two-digit year as both 19xx and 20xx). */
function datesIn(text: string): Set<string> {
  const out = new Set<string>();
  const add = (y: number, m: number, d: number) => {
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) out.add(`${y}-${pad(m)}-${pad(d)}`);
  };
  for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g)) add(+m[1], +m[2], +m[3]);
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?!\d)/g)) {
    if (m[3].length === 4) add(+m[3], +m[2], +m[1]);
    else for (const c of [1900, 2000]) add(c + +m[3], +m[2], +m[1]);
  }
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{4})(?!\\d)`, 'giu'))) {
    const mo = MONTHS.findIndex((x) => fold(m[2]).startsWith(x.slice(0, 3)));
    add(+m[3], mo + 1, +m[1]);
  }
  return out;
}

function probeOf(text: string): Probe {
  return { letters: fold(text).replace(/[^\p{L}\p{N}]/gu, ''), digits: text.replace(/\D/g, ''), dates: datesIn(text) };
}

const alnum = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The regex alternatives for one person; parts the subject shares are left out (keep). With a probe,
 * only the forms and identifiers the text can hold are built: a school has many people sharing a
 * first name, and a pattern of all their full names would be built for nothing.
 */
function personAlternatives(p: KnownPerson, opts: { parts: boolean; keep?: Set<string> }, probe?: Probe): { ids: string[]; names: string[] } {
  const alts: string[] = [];
  const bound = (body: string) => `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
  const has = (words: string[]) => !probe || probe.letters.includes(key(words));
  const tv = split(p.tussenvoegsel);
  const last = split(p.achternaam);
  for (const f of nameForms(p)) {
    if (f.part && (!opts.parts || opts.keep?.has(key(f.words)))) continue;
    if (!f.part && opts.keep?.has(key(f.words))) continue;
    if (has(f.words)) alts.push(bound(phrase(f.words) + POSS));
    // "van der Berg, Sanne" and "Berg, Sanne van der"
    if (f.first && last.length && has([...tv, ...last]) && has(f.first)) {
      alts.push(bound(`${phrase([...tv, ...last])}\\s*,\\s*${phrase(f.first)}`));
      if (tv.length) alts.push(bound(`${phrase(last)}\\s*,\\s*${phrase(f.first)}\\s+${phrase(tv)}`));
    }
  }
  const ids: string[] = [];
  if (opts.parts) {
    for (const k of p.kenmerken ?? []) {
      const v = clean(k);
      if (v.length < 3) continue;
      const phone = phonePattern(v);
      if (phone) {
        if (!probe || probe.digits.includes(v.replace(/\D/g, '').slice(-8))) ids.push(phone);
      } else if (!probe || probe.letters.includes(alnum(v))) ids.push(bound(esc(v)));
    }
    const dob = p.geboortedatum && (!probe || probe.dates.has(p.geboortedatum)) ? datePattern(p.geboortedatum) : null;
    if (dob) ids.push(dob);
  }
  return { ids, names: alts };
}

// Identifiers first, so an e-mail address goes whole before the first name in it could match; then
// names longest first, so "Sem van Dijk" is taken whole before "Sem" could be.
function compile(people: KnownPerson[], opts: { parts: boolean; keep?: Set<string> }, anchored = false, probe?: Probe): RegExp | null {
  const all = people.map((p) => personAlternatives(p, opts, probe));
  const alts = [...new Set([...all.flatMap((a) => a.ids), ...all.flatMap((a) => a.names).sort((a, b) => b.length - a.length)])];
  if (!alts.length) return null;
  return anchored ? new RegExp(`^(?:${alts.join('|')})$`, 'iu') : new RegExp(alts.join('|'), 'giu');
}

/** One regex for a few people (a destruction); null when there is nothing to look for. */
export function peoplePattern(people: KnownPerson[], opts: { parts: boolean; keep?: Set<string> }): RegExp | null {
  return compile(people, opts);
}

export interface Found {
  tekst: string;
  person: KnownPerson;
}

/**
 * The people of a school indexed by what a text would show of them: every name word and name form,
 * identifiers, phone digits and birth dates. Built once and shared by every finder over the same people.
 */
export class PeopleIndex {
  /** Name words, name forms and identifiers (folded) → the people they belong to. */
  readonly byKey = new Map<string, KnownPerson[]>();
  private readonly phones: { digits: string; p: KnownPerson }[] = [];
  private readonly byDate = new Map<string, KnownPerson[]>();

  constructor(readonly people: KnownPerson[]) {
    const add = (map: Map<string, KnownPerson[]>, k: string, p: KnownPerson) => {
      if (k) (map.get(k) ?? map.set(k, []).get(k)!).push(p);
    };
    for (const p of people) {
      for (const f of nameForms(p)) {
        add(this.byKey, key(f.words), p);
        for (const w of f.words) if (!PARTICLES.has(w.toLowerCase())) add(this.byKey, key([w]), p);
      }
      for (const k of p.kenmerken ?? []) {
        const v = clean(k);
        if (phonePattern(v)) this.phones.push({ digits: v.replace(/\D/g, '').slice(-8), p });
        else if (v.length >= 3) {
          add(this.byKey, fold(v).split(/[^\p{L}\p{N}]+/u).filter(Boolean)[0] ?? '', p);
          add(this.byKey, alnum(v), p);
        }
      }
      if (p.geboortedatum) add(this.byDate, p.geboortedatum, p);
    }
  }

  /** The people a text may mention: a word of theirs, their phone digits or their birth date is in it. */
  candidates(text: string, probe: Probe): KnownPerson[] {
    const out = new Set<KnownPerson>();
    for (const t of fold(text).split(/[^\p{L}\p{N}]+/u)) {
      if (!t) continue;
      for (const k of [t, t.replace(/s$/, '')]) for (const p of this.byKey.get(k) ?? []) out.add(p);
    }
    if (probe.digits.length >= 8) for (const ph of this.phones) if (probe.digits.includes(ph.digits)) out.add(ph.p);
    for (const d of probe.dates) for (const p of this.byDate.get(d) ?? []) out.add(p);
    return [...out];
  }
}

const indexes = new WeakMap<DB, { version: string; index: PeopleIndex }>();

/**
 * Everyone in the database, indexed once and kept until a person is added, changed or removed (a
 * letter's preview asks for it on every save of its feiten; rebuilding it for a school board's
 * 85,000 people each time took seconds). The counter is kept by triggers (migration 018).
 */
export function peopleIndex(db: DB): PeopleIndex {
  const v = String(db.prepare('SELECT n FROM person_version WHERE id = 1').pluck().get());
  const hit = indexes.get(db);
  if (hit?.version === v) return hit.index;
  const index = new PeopleIndex(loadPeople(db, []));
  indexes.set(db, { version: v, index });
  return index;
}

/**
 * Finds many people (a whole school) in texts: the index picks the few people a text may mention,
 * and only their forms that the text can hold become a pattern.
 */
export class PersonFinder {
  private readonly index: PeopleIndex;
  private readonly owners = new Map<number, RegExp | null>();

  /**
   * @param people everyone to look for, or a shared index of them
   * @param keep name keys that stay readable (the subject's own names)
   * @param except ids never looked for (the subject, the family the letter goes to)
   */
  constructor(
    people: KnownPerson[] | PeopleIndex,
    private readonly keep: Set<string> = new Set(),
    private readonly except: Set<number> = new Set(),
  ) {
    this.index = people instanceof PeopleIndex ? people : new PeopleIndex(people);
  }

  private candidates(text: string, probe: Probe): KnownPerson[] {
    const c = this.index.candidates(text, probe);
    return this.except.size ? c.filter((p) => !this.except.has(p.id)) : c;
  }

  private ownerPattern(p: KnownPerson): RegExp | null {
    if (!this.owners.has(p.id)) this.owners.set(p.id, compile([p], { parts: true, keep: this.keep }, true));
    return this.owners.get(p.id)!;
  }

  /** Who a match belongs to: first those the index names for its words, then anyone among the candidates. */
  private ownersAmong(m: string, cands: KnownPerson[]): KnownPerson[] {
    const likely = new Set([...(this.index.byKey.get(alnum(m)) ?? []), ...(this.index.byKey.get(alnum(m.replace(/['’‘`]?s$/u, ''))) ?? [])]);
    const first = cands.filter((p) => likely.has(p) && this.ownerPattern(p)?.test(m));
    return first.length ? first : cands.filter((p) => !likely.has(p) && this.ownerPattern(p)?.test(m));
  }

  private run(text: string, each: (f: Found) => string | null): string {
    const probe = probeOf(text);
    const cands = this.candidates(text, probe);
    const re = compile(cands, { parts: true, keep: this.keep }, false, probe);
    if (!re) return text;
    return text.replace(re, (m) => {
      const person = this.ownersAmong(m, cands)[0];
      return person ? (each({ tekst: m, person }) ?? m) : m;
    });
  }

  /** Replaces every person found by the label given (null: leave it). */
  replace(text: string, label: (p: KnownPerson, tekst: string) => string | null): string {
    return this.run(text, (f) => label(f.person, f.tekst));
  }

  /** Everyone a text found may point at (a first name several people share). */
  ownersOf(tekst: string): KnownPerson[] {
    return this.ownersAmong(tekst, this.candidates(tekst, probeOf(tekst)));
  }

  /** What this finder would replace in a text. */
  find(text: string): Found[] {
    const out: Found[] = [];
    this.run(text, (f) => {
      out.push(f);
      return null;
    });
    return out;
  }
}

/** Everyone in the database except the given ids, with what identifies them. */
export function loadPeople(db: DB, except: number[]): KnownPerson[] {
  const skip = new Set(except);
  const rows = db
    .prepare(
      'SELECT id, soort, voornaam, roepnaam, tussenvoegsel, achternaam, geboortedatum, leerlingnummer, personeelsnummer, eck_id, email, telefoon FROM person',
    )
    .all() as (KnownPerson & Record<'leerlingnummer' | 'personeelsnummer' | 'eck_id' | 'email' | 'telefoon', string | null>)[];
  return rows
    .filter((r) => !skip.has(r.id))
    .map((r) => ({ ...r, kenmerken: [r.leerlingnummer, r.personeelsnummer, r.eck_id, r.email, r.telefoon] }));
}
