// Replaces other people by their role in a dossier export (AVG art. 15 lid 4: an access request must
// not expose other people's data): pupils as "medeleerling A" (consistent within one document),
// parents, staff and witnesses as "een ouder", "een medewerker", "een getuige". Free texts are
// searched with the shared matcher (people/matcher.ts), so every name form and identifier goes.
import { nameKeys, PeopleIndex, PersonFinder } from '../people/matcher';
import type { KnownPerson } from '../people/matcher';
import { fold } from '../people/names';
import type { NameParts } from '../people/names';

export interface NamedPerson extends NameParts {
  id: number;
}

export interface DossierReview {
  /** Names of other people still in the text (shared with the subject or their family). */
  namen: string[];
  /** Capitalised words inside a sentence: perhaps a name the app does not know. */
  woorden: string[];
}

export class Pseudonymizer {
  private readonly roles = new Map<number, string>();
  private readonly replaced = new Set<number>();
  private readonly finder: PersonFinder;
  private readonly index: PeopleIndex;
  private readonly keepKeys: Set<string>;
  /** Every free text after replacement, for the review before the export is final. */
  readonly texts: string[] = [];

  /**
   * @param woord "medeleerling" or (MBO) "medestudent"
   * @param others everyone who must not be named (all people except the subject and their own family)
   * @param keep the subject and their family: name parts they share with others stay readable
   * @param witnesses ids of non-pupils who were a witness in one of the subject's incidents
   */
  constructor(
    private readonly woord: string,
    others: KnownPerson[],
    keep: NameParts[],
    private readonly witnesses: Set<number> = new Set(),
  ) {
    this.keepKeys = nameKeys(keep);
    this.index = new PeopleIndex(others);
    this.finder = new PersonFinder(this.index, this.keepKeys);
  }

  /** The role of a pupil, assigned in order of first appearance: A, B, …, Z, AA, AB, … */
  role(p: NamedPerson): string {
    let r = this.roles.get(p.id);
    if (!r) {
      r = `${this.woord} ${letterCode(this.roles.size)}`;
      this.roles.set(p.id, r);
    }
    this.replaced.add(p.id);
    return r;
  }

  /** How another person is named in this document. */
  label(p: NamedPerson & { soort: string }): string {
    if (p.soort === 'leerling') return this.role(p);
    this.replaced.add(p.id);
    if (p.soort === 'ouder') return 'een ouder';
    if (p.soort === 'medewerker') return 'een medewerker';
    return this.witnesses.has(p.id) ? 'een getuige' : 'een derde';
  }

  /** The number of other people replaced. */
  get count(): number {
    return this.replaced.size;
  }

  /** Replaces every other person found in a free text by their role. */
  text(s: string | null | undefined): string {
    if (!s) return '';
    const out = this.finder.replace(s, (p) => this.label(p));
    this.texts.push(out);
    return out;
  }

  /** What the school leader must look at before the export is final (see reviewTexts). */
  review(): DossierReview {
    const { namen, woorden } = reviewTexts(this.texts, this.index, this.keepKeys);
    return { namen: namen.map((n) => n.tekst).sort(), woorden };
  }
}

export interface NameMark {
  tekst: string;
  /** Everyone it may point at (a first name several people share). */
  people: KnownPerson[];
  /** Also a name (part) of someone who stays readable (the subject, their family): may point at either. */
  gedeeld: boolean;
}

/**
 * What must be looked at before a text leaves the school (a dossier export, a letter's feiten): names
 * of other people still in it (a name part they share with someone who stays readable is found too,
 * as it may point at either), and capitalised words inside a sentence that may be a name the app
 * does not know.
 */
export function reviewTexts(
  texts: string[],
  others: PeopleIndex,
  keepKeys: Set<string>,
  except: Set<number> = new Set(),
): { namen: NameMark[]; woorden: string[] } {
  const all = new PersonFinder(others, new Set(), except);
  const own = new PersonFinder(others, keepKeys, except);
  const namen = new Map<string, NameMark>();
  const woorden = new Set<string>();
  for (const t of texts) {
    const sure = new Set(own.find(t).map((f) => f.tekst));
    for (const f of all.find(t)) {
      const known = namen.get(f.tekst);
      if (!known) namen.set(f.tekst, { tekst: f.tekst, people: all.ownersOf(f.tekst), gedeeld: !sure.has(f.tekst) });
      else if (sure.has(f.tekst)) known.gedeeld = false;
    }
    // A word of a name found already ("Bakker" in "Sanne Bakker") is listed with that name.
    const found = new Set([...namen.keys()].flatMap((n) => [n, ...n.split(/[\s,‐‑–-]+/)]));
    for (const m of t.matchAll(/(?<=[\p{L}\p{N},;)]\s+)\p{Lu}[\p{L}'’-]+/gu)) {
      if (!keepKeys.has(fold(m[0]).replace(/[^\p{L}]/gu, '')) && !found.has(m[0])) woorden.add(m[0]);
    }
  }
  return { namen: [...namen.values()].sort((a, b) => a.tekst.localeCompare(b.tekst, 'nl')), woorden: [...woorden].sort() };
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
