// Each letter's own "feiten": what the letter says happened. The incident description names everyone
// involved; a letter to one pupil's parents must not name the other children (AVG art. 5 lid 1 sub c,
// data minimisation). So the proposal is the description with every other known person replaced by
// their role in that incident, found the way the search finds them (people/matcher.ts). The school
// leader may edit it; the edit is stored per letter (kind + measure, or kind + report + dossier) and
// used by every later preview and finalise of that letter. Names that remain are marked.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import { feitenPupilNames } from '@shared/api/letters';
import type { LetterFeiten } from '@shared/api/letters';
import { SECTOR_WOORDEN } from '@shared/domain';
import { nameKeys, peopleIndex, PersonFinder } from '../people/matcher';
import type { PeopleIndex } from '../people/matcher';
import { fold } from '../people/names';
import type { KnownPerson } from '../people/matcher';
import { reviewTexts } from './pseudonyms';
import { textsInForce } from './texts';
import { ageOn, fullName } from './addressees';
import { geadresseerden } from '../obligations/rules/geadresseerden';
import type { LetterFacts } from './facts';
import { gatherFacts } from './facts';

type FeitenFacts = Pick<LetterFacts, 'kind' | 'sector' | 'subject' | 'guardians' | 'measure' | 'report' | 'incident' | 'today'>;

interface ConceptRow {
  id: number;
  feiten: string;
  melding_omschrijving: string | null;
}

function key(f: FeitenFacts): [string, number, number, number] {
  return [f.kind.soort, f.subject.id, f.measure?.id ?? 0, f.report?.id ?? 0];
}

function readConcept(db: DB, f: FeitenFacts): ConceptRow | undefined {
  return db
    .prepare(
      `SELECT id, feiten, melding_omschrijving FROM letter_concept
        WHERE soort = ? AND person_id = ? AND IFNULL(measure_id, 0) = ? AND IFNULL(external_report_id, 0) = ?`,
    )
    .get(...key(f)) as ConceptRow | undefined;
}

/** The guardians who receive this letter (as addressee or copy, the law's rule): their names stay readable in it. */
function receivingGuardians(f: FeitenFacts): LetterFacts['guardians'] {
  if (f.kind.doel !== 'leerling' || !f.guardians.length) return [];
  const regel = geadresseerden({
    sector: f.sector,
    leeftijd: ageOn(f.subject.geboortedatum, f.today),
    leerlingNaam: fullName(f.subject),
    ouders: f.guardians.map((g) => ({ ...g, naam: fullName(g) })),
  });
  // Without a parent to write to, the letter goes to "de ouders van" the pupil: all of them read it.
  const addressed = regel.ouders ? (regel.ouderIds.length ? regel.ouderIds : f.guardians.map((g) => g.id)) : [];
  const ids = new Set([...addressed, ...regel.afschriftIds]);
  return f.guardians.filter((g) => ids.has(g.id));
}

/** How another person is named in this letter: their role in the incident, else what they are. */
function roleLabel(f: FeitenFacts, witnesses: Set<number>): (p: KnownPerson) => string {
  const w = SECTOR_WOORDEN[f.sector];
  // "medeleerling" beside the pupil the letter is about; in a letter to staff or a visitor "een leerling".
  const pupil = f.subject.soort === 'leerling' ? `een mede${w.persoon}` : `een ${w.persoon}`;
  return (p) => {
    if (witnesses.has(p.id)) return 'een getuige';
    if (p.soort === 'leerling') return pupil;
    if (p.soort === 'medewerker') return 'een medewerker';
    if (p.soort === 'ouder') return 'een ouder';
    return 'een derde';
  };
}

const OPEN = '\u0001';
const CLOSE = '\u0002';
/** Marks a role that replaced a possessive ("Sannes mentor"): the sentence needs a human rewrite. */
const POSSESSIVE = '\u0003';
const IDENTIFIER = '[weggelaten]';

/** A pupil number, e-mail, phone or date of birth: left out, not replaced by a role. */
const isIdentifier = (tekst: string) => /@/.test(tekst) || !/\p{L}{2}/u.test(tekst) || /\d{3}/.test(tekst);

/** "Sannes", "Sanne's", "Thijs'": the name itself is not a name form of the person, without the ending it is. */
function isPossessive(tekst: string, who: KnownPerson): boolean {
  const keys = nameKeys([who]);
  const k = (s: string) => fold(s).replace(/[^\p{L}\p{N}]/gu, '');
  if (keys.has(k(tekst))) return false;
  const bare = tekst.replace(/['’‘`]s?$|s$/u, '');
  return bare !== tekst && keys.has(k(bare));
}

interface Proposal {
  tekst: string;
  /** Sentences where a possessive name was replaced by a role: they read wrong until rewritten. */
  nakijken: string[];
}

/** The description with every other person replaced by their role; a role opening a sentence gets a capital. */
function propose(text: string, finder: PersonFinder, involved: Set<number>, label: (p: KnownPerson) => string): Proposal {
  const marked = finder.replace(text, (p, tekst) => {
    // A name several people share: the one involved in the incident, else a pupil, else who the matcher found.
    const owners = finder.ownersOf(tekst);
    const who = owners.find((o) => involved.has(o.id)) ?? owners.find((o) => o.soort === 'leerling') ?? p;
    if (isIdentifier(tekst)) return IDENTIFIER;
    return `${OPEN}${label(who)}${isPossessive(tekst, who) ? POSSESSIVE : ''}${CLOSE}`;
  });
  const capitalised = marked.replace(/\u0001([^\u0002]*)\u0002/g, (_m, role: string, at: number, whole: string) =>
    /(^|[.!?]["'”’)]*)\s*$/.test(whole.slice(0, at)) ? role.charAt(0).toLocaleUpperCase('nl-NL') + role.slice(1) : role,
  );
  const nakijken = capitalised
    .split(/(?<=[.!?])\s+/)
    .filter((z) => z.includes(POSSESSIVE))
    .map((z) => z.replaceAll(POSSESSIVE, '').trim());
  return { tekst: capitalised.replaceAll(POSSESSIVE, ''), nakijken };
}

const USES_FEITEN = /\{\s*melding\.omschrijving\s*\}/;

/** Who stays readable in this letter, everyone else, and how each is named: built once per letter. */
export interface Others {
  finder: PersonFinder;
  index: PeopleIndex;
  /** The subject and the guardians the letter goes to: never looked for. */
  except: Set<number>;
  keepKeys: Set<string>;
  involved: Set<number>;
  label: (p: KnownPerson) => string;
}

export function othersOf(db: DB, f: FeitenFacts): Others {
  const keep = [f.subject, ...receivingGuardians(f)];
  const keepKeys = nameKeys(keep);
  const except = new Set(keep.map((p) => p.id));
  const index = peopleIndex(db);
  const i = f.incident;
  const witnesses = new Set((i?.betrokkenen ?? []).filter((b) => b.rol === 'getuige').map((b) => b.personId));
  const involved = new Set([...(i?.betrokkenen ?? []).map((b) => b.personId), ...(i?.melderId ? [i.melderId] : [])]);
  return { finder: new PersonFinder(index, keepKeys, except), index, except, keepKeys, involved, label: roleLabel(f, witnesses) };
}

/**
 * A free text recorded elsewhere (the measure's explanation, the school-work arrangements, a report's
 * note) as this letter prints it: other people by their role, as in the feiten. Null stays null.
 */
export function scrubbed(o: Others, text: string | null): string | null {
  return text === null ? null : propose(text, o.finder, o.involved, o.label).tekst;
}

/**
 * The feiten in force for this letter, with the names that remain in it and in the letter's other free
 * texts; null when it is not about an incident or its texts do not state them.
 */
export function letterFeiten(db: DB, f: FeitenFacts, o: Others, otherTexts: (string | null)[] = []): LetterFeiten | null {
  const i = f.incident;
  if (!i || !Object.values(textsInForce(db, f.kind.soort)).some((v) => Object.values(v).some((t) => USES_FEITEN.test(t)))) return null;
  const concept = readConcept(db, f);
  const voorstel = concept ? null : propose(i.omschrijving ?? '', o.finder, o.involved, o.label);
  const tekst = concept ? concept.feiten : voorstel!.tekst;
  const review = reviewTexts([tekst, ...otherTexts.filter((t): t is string => !!t)], o.index, o.keepKeys, o.except);
  return {
    tekst,
    bewerkt: !!concept,
    meldingGewijzigd: !!concept && (concept.melding_omschrijving ?? '') !== (i.omschrijving ?? ''),
    namen: review.namen.map((n) => ({ tekst: n.tekst, leerling: n.people.some((p) => p.soort === 'leerling'), gedeeld: n.gedeeld })),
    woorden: review.woorden,
    nakijken: voorstel?.nakijken ?? [],
  };
}

function factsFor(ctx: Ctx, input: Parsed<'letters.feiten.reset'>): LetterFacts {
  const facts = gatherFacts(ctx.db, { ...input, bijlagen: [] }, ctx.today());
  if (!facts.incident)
    throw new CoreError('REGEL', `De brief “${facts.kind.titel}” gaat niet over een melding; er zijn geen feiten om aan te passen.`);
  return facts;
}

export function saveFeiten(ctx: Ctx, input: Parsed<'letters.feiten.save'>): LetterFeiten {
  return ctx.tx(() => {
    const f = factsFor(ctx, input);
    const old = readConcept(ctx.db, f);
    const row = {
      feiten: input.tekst.replace(/\r\n?/g, '\n').trim(),
      melding_omschrijving: f.incident!.omschrijving,
      updated_at: ctx.nowIso(),
      updated_by: ctx.actor,
    };
    if (old) {
      ctx.db
        .prepare(
          'UPDATE letter_concept SET feiten = @feiten, melding_omschrijving = @melding_omschrijving, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id',
        )
        .run({ ...row, id: old.id });
    } else {
      const [soort, personId] = key(f);
      ctx.db
        .prepare(
          `INSERT INTO letter_concept (soort, person_id, measure_id, external_report_id, incident_id, feiten, melding_omschrijving, updated_at, updated_by)
           VALUES (@soort, @person_id, @measure_id, @external_report_id, @incident_id, @feiten, @melding_omschrijving, @updated_at, @updated_by)`,
        )
        .run({
          ...row,
          soort,
          person_id: personId,
          measure_id: f.measure?.id ?? null,
          external_report_id: f.report?.id ?? null,
          incident_id: f.incident!.id,
        });
    }
    const id = old?.id ?? (ctx.db.prepare('SELECT last_insert_rowid() AS id').get() as { id: number }).id;
    ctx.audit('briefconcept', id, 'feiten_bewerkt', old ? { feiten: old.feiten } : null, { soort: f.kind.soort, feiten: row.feiten });
    return factsFor(ctx, input).feiten!;
  });
}

export function resetFeiten(ctx: Ctx, input: Parsed<'letters.feiten.reset'>): LetterFeiten {
  return ctx.tx(() => {
    const f = factsFor(ctx, input);
    const old = readConcept(ctx.db, f);
    if (old) {
      ctx.db.prepare('DELETE FROM letter_concept WHERE id = ?').run(old.id);
      ctx.audit('briefconcept', old.id, 'feiten_hersteld', { feiten: old.feiten }, null);
    }
    return factsFor(ctx, input).feiten!;
  });
}

/** A letter whose feiten still name another pupil is made final only when the school leader confirms it. */
export function requireNamesConfirmed(f: Pick<LetterFacts, 'feiten' | 'sector'>, req: { namenBevestigd?: boolean }): void {
  const namen = feitenPupilNames(f.feiten);
  if (!namen.length || req.namenBevestigd) return;
  const w = SECTOR_WOORDEN[f.sector].persoon;
  throw new CoreError(
    'REGEL',
    `De feiten in deze brief noemen nog ${namen.length === 1 ? 'de naam' : 'namen'} van een andere ${w}: ${namen.map((n) => `“${n}”`).join(', ')}. ` +
      `Vervang ${namen.length === 1 ? 'die' : 'ze'} in de feiten door een rol (zoals “een mede${w}”), of bevestig dat ze in deze brief mogen blijven staan.`,
  );
}
