// Replaces other people by their role in a dossier export (AVG art. 15 lid 4: an access request must
// not expose other people's data): pupils as "medeleerling A" (consistent within one document),
// parents, staff and witnesses as "een ouder", "een medewerker", "een getuige". Free texts are
// searched with the shared matcher (people/matcher.ts), so every name form and identifier goes.
import { nameKeys, PersonFinder } from '../people/matcher';
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
    private readonly others: KnownPerson[],
    keep: NameParts[],
    private readonly witnesses: Set<number> = new Set(),
  ) {
    this.keepKeys = nameKeys(keep);
    this.finder = new PersonFinder(others, this.keepKeys);
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

  /**
   * What the school leader must look at before the export is final: names of other people still in
   * the free texts (a name part they share with the subject or the subject's family stays, so it may
   * point at either), and capitalised words inside a sentence that may be a name the app does not know.
   */
  review(): DossierReview {
    const all = new PersonFinder(this.others);
    const namen = new Set<string>();
    const woorden = new Set<string>();
    for (const t of this.texts) {
      for (const f of all.find(t)) namen.add(f.tekst);
      for (const m of t.matchAll(/(?<=[\p{L}\p{N},;)]\s+)\p{Lu}[\p{L}'’-]+/gu)) {
        if (!this.keepKeys.has(fold(m[0]).replace(/[^\p{L}]/gu, '')) && !namen.has(m[0])) woorden.add(m[0]);
      }
    }
    return { namen: [...namen].sort(), woorden: [...woorden].sort() };
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
