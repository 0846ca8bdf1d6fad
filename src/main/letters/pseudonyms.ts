// Replaces the names of other pupils by a role ("medeleerling A", consistent within one document) in
// a dossier export (AVG art. 15 lid 4: an access request must not expose other people's data).
// Structured references use the role directly; free texts are searched for each pupil's names.

export interface NamedPerson {
  id: number;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
}

const clean = (s: string | null | undefined) => (s ?? '').trim();
const capFirst = (s: string) => (s ? `${s[0].toLocaleUpperCase('nl-NL')}${s.slice(1)}` : s);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Pseudonymizer {
  private readonly roles = new Map<number, string>();
  private readonly people = new Map<number, NamedPerson>();
  private patterns: { re: RegExp; id: number }[] | null = null;

  /**
   * @param woord "medeleerling" or (MBO) "medestudent"
   * @param keep names that must stay readable even as single words (the subject's own names)
   */
  constructor(
    private readonly woord: string,
    private readonly keep: NamedPerson,
  ) {}

  /** The role of a pupil, assigned in order of first appearance: A, B, …, Z, AA, AB, … */
  role(p: NamedPerson): string {
    let r = this.roles.get(p.id);
    if (!r) {
      r = `${this.woord} ${letterCode(this.roles.size)}`;
      this.roles.set(p.id, r);
      this.people.set(p.id, p);
      this.patterns = null;
    }
    return r;
  }

  get count(): number {
    return this.roles.size;
  }

  /** Replaces every known name of every pupil seen so far; full names before parts, longest first. */
  text(s: string | null | undefined): string {
    if (!s) return '';
    if (!this.patterns) this.patterns = this.buildPatterns();
    let out = s;
    for (const { re, id } of this.patterns) out = out.replace(re, this.roles.get(id)!);
    return out;
  }

  private buildPatterns(): { re: RegExp; id: number }[] {
    const keepWords = new Set([clean(this.keep.voornaam), clean(this.keep.roepnaam), clean(this.keep.achternaam), [clean(this.keep.tussenvoegsel), clean(this.keep.achternaam)].filter(Boolean).join(' ')].filter(Boolean));
    const list: { name: string; id: number }[] = [];
    for (const p of this.people.values()) {
      const tv = clean(p.tussenvoegsel);
      const achter = [tv, clean(p.achternaam)].filter(Boolean).join(' ');
      const firsts = [...new Set([clean(p.roepnaam), clean(p.voornaam), clean(p.voornaam).split(/\s+/)[0]].filter(Boolean))];
      for (const f of firsts) list.push({ name: `${f} ${achter}`, id: p.id });
      const parts = [...firsts, achter, tv ? `${capFirst(tv)} ${clean(p.achternaam)}` : '', clean(p.achternaam)].filter((x) => x && !keepWords.has(x));
      for (const part of parts) if (part.length >= 2) list.push({ name: part, id: p.id });
    }
    list.sort((a, b) => b.name.length - a.name.length);
    // Whole words only, case as written (names are capitalised; "jan" the month abbreviation stays).
    return list.map(({ name, id }) => ({ re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(name)}(?![\\p{L}\\p{N}])`, 'gu'), id }));
  }
}

function letterCode(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
