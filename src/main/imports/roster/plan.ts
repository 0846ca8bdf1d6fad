// The dry run of a roster import: which people will be created, which updated (with the changed
// fields), which are left alone, who is marked as left, which guardians are created or linked, and
// every problem with its file line. The same plan, computed again inside the transaction, is what
// apply executes, so what the dry run shows is what happens.
//
// Matching: a pupil on ECK-iD or student number (leading zeros ignored), a staff member on ECK-iD,
// staff number or e-mail address; never on name alone. A guardian on e-mail address, or by name
// only among the guardians already linked to that pupil.
import type { DB } from '../../db/open';
import { rowToInput } from '../../people/people';
import type { PersonDbRow, PersonInputParsed } from '../../people/people';
import { displayName, zoeknaam } from '../../people/names';
import type {
  PlanNieuw,
  PlanOuder,
  PlanUitschrijving,
  PlanWaarde,
  PlanWijziging,
  RosterProbleem,
  RosterVeld,
} from '@shared/api/imports';
import type { CleanRecord, GuardianFields, PersonFields } from './record';
import { lowerKey, normaliseNummer, Problems } from './record';
import { splitFullName } from './names';

type Soort = 'leerling' | 'medewerker';

/** A person this import creates or already exists; `id` is filled in when a new one is written. */
export interface PersonRef {
  id: number | null;
}

export interface CreateOp {
  regel: number;
  ref: PersonRef;
  input: PersonInputParsed;
}

export interface UpdateOp {
  regel: number;
  id: number;
  input: PersonInputParsed;
}

export interface LinkOp {
  regel: number;
  leerling: PersonRef;
  ouder: PersonRef;
}

export interface PlanOps {
  creates: CreateOp[];
  updates: UpdateOp[];
  /** Guardians: created, updated and linked after the pupils. */
  ouderCreates: CreateOp[];
  ouderUpdates: UpdateOp[];
  links: LinkOp[];
  leavers: UpdateOp[];
}

export interface BuiltPlan {
  aanmaken: PlanNieuw[];
  bijwerken: PlanWijziging[];
  uitschrijven: PlanUitschrijving[];
  ouders: PlanOuder[];
  ongewijzigd: number;
  overgeslagen: number;
  problemen: RosterProbleem[];
  ops: PlanOps;
}

/** The fields a row can change on an existing person, in the order the dry run lists them. */
const DIFF_FIELDS: { key: keyof PersonFields & keyof PersonInputParsed; veld: RosterVeld }[] = [
  { key: 'leerlingnummer', veld: 'leerlingnummer' },
  { key: 'personeelsnummer', veld: 'personeelsnummer' },
  { key: 'eckId', veld: 'eckId' },
  { key: 'voornaam', veld: 'voornamen' },
  { key: 'roepnaam', veld: 'roepnaam' },
  { key: 'tussenvoegsel', veld: 'tussenvoegsel' },
  { key: 'achternaam', veld: 'achternaam' },
  { key: 'geslacht', veld: 'geslacht' },
  { key: 'geboortedatum', veld: 'geboortedatum' },
  { key: 'groep', veld: 'groep' },
  { key: 'leerjaar', veld: 'leerjaar' },
  { key: 'opleiding', veld: 'opleiding' },
  { key: 'functie', veld: 'functie' },
  { key: 'organisatie', veld: 'organisatie' },
  { key: 'email', veld: 'email' },
  { key: 'telefoon', veld: 'telefoon' },
  { key: 'straat', veld: 'straat' },
  { key: 'postcode', veld: 'postcode' },
  { key: 'plaats', veld: 'plaats' },
  { key: 'ingeschrevenOp', veld: 'ingeschrevenOp' },
  { key: 'uitgeschrevenOp', veld: 'uitgeschrevenOp' },
];

const nameOf = (p: { voornaam: string; roepnaam?: string | null; tussenvoegsel?: string | null; achternaam: string }) =>
  displayName({ voornaam: p.voornaam, roepnaam: p.roepnaam ?? null, tussenvoegsel: p.tussenvoegsel ?? null, achternaam: p.achternaam });

/** The date rules the people service enforces (people.ts checkPerson), so apply never trips on them. */
function dateFault(p: PersonInputParsed): 'uitgeschrevenOp' | 'ingeschrevenOp' | null {
  if (p.ingeschrevenOp && p.uitgeschrevenOp && p.uitgeschrevenOp < p.ingeschrevenOp) return 'uitgeschrevenOp';
  if (p.geboortedatum && p.ingeschrevenOp && p.ingeschrevenOp < p.geboortedatum) return 'ingeschrevenOp';
  return null;
}

class PeopleIndex {
  readonly byEck = new Map<string, PersonDbRow>();
  readonly byLeerlingnummer = new Map<string, PersonDbRow>();
  readonly byPersoneelsnummer = new Map<string, PersonDbRow>();
  readonly staffByEmail = new Map<string, PersonDbRow>();
  readonly ouderByEmail = new Map<string, PersonDbRow>();
  readonly all: PersonDbRow[];

  constructor(db: DB) {
    this.all = db.prepare('SELECT * FROM person ORDER BY id').all() as PersonDbRow[];
    for (const p of this.all) {
      if (p.eck_id) this.byEck.set(p.eck_id, p);
      if (p.leerlingnummer) this.byLeerlingnummer.set(normaliseNummer(p.leerlingnummer), p);
      if (p.soort === 'medewerker' && p.personeelsnummer) this.byPersoneelsnummer.set(lowerKey(p.personeelsnummer), p);
      if (p.soort === 'medewerker' && p.email && !this.staffByEmail.has(p.email.toLowerCase()))
        this.staffByEmail.set(p.email.toLowerCase(), p);
      if (p.soort === 'ouder' && p.email && !this.ouderByEmail.has(p.email.toLowerCase())) this.ouderByEmail.set(p.email.toLowerCase(), p);
    }
  }
}

const SOORT_WOORD: Record<Soort, string> = { leerling: 'leerling', medewerker: 'medewerker' };

/** What identifies a record in messages and in the dry run. */
const sleutelOf = (s: Soort, v: PersonFields) =>
  s === 'leerling' ? (v.leerlingnummer ?? v.eckId ?? '') : (v.personeelsnummer ?? v.eckId ?? v.email ?? '');

export interface PlanOptions {
  /** The kinds this file is the complete list of (full import). */
  volledigVoor: Soort[];
  today: string;
}

export function buildPlan(db: DB, records: CleanRecord[], problems: Problems, opts: PlanOptions): BuiltPlan {
  const idx = new PeopleIndex(db);
  const ops: PlanOps = { creates: [], updates: [], ouderCreates: [], ouderUpdates: [], links: [], leavers: [] };
  const aanmaken: PlanNieuw[] = [];
  const bijwerken: PlanWijziging[] = [];
  const ouders: PlanOuder[] = [];
  let ongewijzigd = 0;
  let overgeslagen = 0;
  /** Existing people this file mentions (also in skipped rows): never marked as left. */
  const present = new Set<number>();

  // Duplicate keys inside the file: every row with that key is skipped, since we cannot know which is right.
  const dupKeys = new Map<string, number[]>();
  for (const rec of records) {
    const keys = keysOf(rec);
    for (const k of keys) dupKeys.set(k, [...(dupKeys.get(k) ?? []), rec.regel]);
  }
  for (const rec of records) {
    for (const k of keysOf(rec)) {
      const lines = dupKeys.get(k)!;
      if (lines.length > 1 && !rec.fout) {
        const others = lines.filter((l) => l !== rec.regel);
        const [kind, value] = k.split('\u0000');
        problems.error(
          rec.regel,
          kind === 'eck' ? 'eckId' : rec.soort === 'leerling' ? 'leerlingnummer' : 'personeelsnummer',
          `${kind === 'eck' ? 'Het ECK-iD' : kind === 'email' ? 'Het e-mailadres' : rec.soort === 'leerling' ? `Leerlingnummer ${value}` : `Personeelsnummer ${value}`} staat meer dan eens in het bestand (ook op regel ${others.join(', ')}). Welke regel klopt, is niet te zeggen; deze regel wordt overgeslagen.`,
        );
        rec.fout = true;
      }
    }
  }

  const newGuardiansByEmail = new Map<string, { ref: PersonRef; naam: string }>();

  for (const rec of records) {
    const v = rec.velden;
    // A row that already has an error only needs to be found (so it is not marked as left).
    const found = findExisting(idx, rec, rec.fout ? new Problems() : problems);
    if (found.conflict) rec.fout = true;
    if (found.row) present.add(found.row.id);
    if (rec.fout) {
      overgeslagen++;
      continue;
    }
    const sleutel = sleutelOf(rec.soort, v);
    let pupilRef: PersonRef;
    let pupil: { tussenvoegsel: string | null; achternaam: string; naam: string; links: PersonDbRow[] };
    if (found.row) {
      const before = rowToInput(found.row);
      const after: PersonInputParsed = { ...before };
      const changes: { veld: RosterVeld; oud: PlanWaarde; nieuw: PlanWaarde }[] = [];
      for (const { key, veld } of DIFF_FIELDS) {
        let next = v[key];
        // Back in the complete list: enrolled again. A partial list (e.g. guardians only) says nothing about that.
        if (key === 'uitgeschrevenOp' && next === undefined && before.uitgeschrevenOp && opts.volledigVoor.includes(rec.soort))
          next = null as unknown as undefined;
        if (next === undefined) continue;
        const old = before[key] ?? null;
        if ((next ?? null) === old) continue;
        if (key === 'leerlingnummer' && old !== null && normaliseNummer(String(old)) === next) continue; // "00123" stays "00123"
        (after as Record<string, unknown>)[key] = next ?? null;
        changes.push({ veld, oud: old as PlanWaarde, nieuw: (next ?? null) as PlanWaarde });
      }
      revertDateFaults(before, after, changes, rec.regel, problems);
      pupilRef = { id: found.row.id };
      pupil = { tussenvoegsel: after.tussenvoegsel ?? null, achternaam: after.achternaam, naam: nameOf(after), links: [] };
      if (changes.length) {
        ops.updates.push({ regel: rec.regel, id: found.row.id, input: after });
        bijwerken.push({ regel: rec.regel, personId: found.row.id, soort: rec.soort, sleutel, naam: nameOf(after), wijzigingen: changes });
      } else ongewijzigd++;
    } else {
      const voornaam = v.voornaam ?? v.roepnaam ?? v.voorletters;
      if (!v.achternaam || !voornaam) {
        const mist =
          !v.achternaam && !voornaam
            ? 'de achternaam en de voornaam ontbreken'
            : !v.achternaam
              ? 'de achternaam ontbreekt'
              : 'de voornaam en de roepnaam ontbreken';
        const wie = [v.roepnaam ?? v.voornaam, v.achternaam].filter(Boolean).join(' ');
        problems.error(
          rec.regel,
          !v.achternaam ? 'achternaam' : 'voornamen',
          `${rec.soort === 'leerling' ? 'Leerling' : 'Medewerker'} ${sleutel}${wie ? ` (${wie})` : ''} is nieuw, maar ${mist} in het bestand. Zet in de export de volledige naam aan; deze regel wordt overgeslagen.`,
        );
        overgeslagen++;
        continue;
      }
      const input: PersonInputParsed = {
        soort: rec.soort,
        voornaam,
        roepnaam: v.roepnaam ?? null,
        tussenvoegsel: v.tussenvoegsel ?? null,
        achternaam: v.achternaam,
        geslacht: v.geslacht ?? null,
        geboortedatum: v.geboortedatum ?? null,
        leerlingnummer: rec.soort === 'leerling' ? (v.leerlingnummer ?? null) : null,
        eckId: v.eckId ?? null,
        groep: rec.soort === 'leerling' ? (v.groep ?? null) : null,
        leerjaar: rec.soort === 'leerling' ? (v.leerjaar ?? null) : null,
        opleiding: rec.soort === 'leerling' ? (v.opleiding ?? null) : null,
        functie: rec.soort === 'medewerker' ? (v.functie ?? null) : null,
        personeelsnummer: rec.soort === 'medewerker' ? (v.personeelsnummer ?? null) : null,
        organisatie: rec.soort === 'medewerker' ? (v.organisatie ?? null) : null,
        straat: v.straat ?? null,
        postcode: v.postcode ?? null,
        plaats: v.plaats ?? null,
        email: v.email ?? null,
        telefoon: v.telefoon ?? null,
        ingeschrevenOp: v.ingeschrevenOp ?? null,
        uitgeschrevenOp: v.uitgeschrevenOp ?? null,
        notities: null,
      };
      const fault = dateFault(input);
      if (fault) {
        problems.warn(
          rec.regel,
          fault,
          fault === 'uitgeschrevenOp'
            ? 'De datum van uitschrijving ligt vóór de datum van inschrijving; die wordt niet ingelezen.'
            : 'De datum van inschrijving ligt vóór de geboortedatum; die wordt niet ingelezen.',
        );
        input[fault] = null;
      }
      pupilRef = { id: null };
      ops.creates.push({ regel: rec.regel, ref: pupilRef, input });
      aanmaken.push({ regel: rec.regel, soort: rec.soort, sleutel, naam: nameOf(input), groep: input.groep ?? null });
      pupil = { tussenvoegsel: input.tussenvoegsel ?? null, achternaam: input.achternaam, naam: nameOf(input), links: [] };
    }
    if (rec.soort === 'leerling' && rec.ouders.length) {
      if (found.row) {
        pupil.links = db
          .prepare('SELECT p.* FROM guardian_link g JOIN person p ON p.id = g.ouder_id WHERE g.leerling_id = ? ORDER BY p.id')
          .all(found.row.id) as PersonDbRow[];
      }
      for (const g of rec.ouders) planGuardian(rec.regel, g, pupilRef, pupil, idx, newGuardiansByEmail, ops, ouders, problems);
    }
  }

  const uitschrijven: PlanUitschrijving[] = [];
  for (const soort of opts.volledigVoor) {
    for (const p of idx.all) {
      if (p.soort !== soort || p.uitgeschreven_op || present.has(p.id)) continue;
      const keyed = soort === 'leerling' ? p.leerlingnummer || p.eck_id : p.personeelsnummer || p.eck_id;
      if (!keyed) continue; // added by hand without a number: not this export's business
      if (p.ingeschreven_op && p.ingeschreven_op > opts.today) {
        problems.warn(
          null,
          null,
          `${soort === 'leerling' ? 'Leerling' : 'Medewerker'} ${keyed} (${displayName(p)}) staat niet in het bestand, maar wordt pas op ${p.ingeschreven_op} ingeschreven; die blijft ingeschreven.`,
        );
        continue;
      }
      const input = { ...rowToInput(p), uitgeschrevenOp: opts.today };
      ops.leavers.push({ regel: 0, id: p.id, input });
      uitschrijven.push({ personId: p.id, soort, sleutel: keyed, naam: displayName(p), groep: p.groep });
    }
  }
  return { aanmaken, bijwerken, uitschrijven, ouders, ongewijzigd, overgeslagen, problemen: problems.list, ops };
}

function keysOf(rec: CleanRecord): string[] {
  const v = rec.velden;
  const keys: string[] = [];
  const nummer = rec.soort === 'leerling' ? v.leerlingnummer : v.personeelsnummer;
  if (nummer) keys.push(`${rec.soort}\u0000${lowerKey(nummer)}`);
  if (v.eckId) keys.push(`eck\u0000${v.eckId}`);
  if (rec.soort === 'medewerker' && !nummer && !v.eckId && v.email) keys.push(`email\u0000${v.email.toLowerCase()}`);
  return keys;
}

function findExisting(idx: PeopleIndex, rec: CleanRecord, problems: Problems): { row: PersonDbRow | null; conflict: boolean } {
  const v = rec.velden;
  const byEck = v.eckId ? (idx.byEck.get(v.eckId) ?? null) : null;
  let byNummer: PersonDbRow | null = null;
  if (rec.soort === 'leerling' && v.leerlingnummer) byNummer = idx.byLeerlingnummer.get(v.leerlingnummer) ?? null;
  if (rec.soort === 'medewerker' && v.personeelsnummer) byNummer = idx.byPersoneelsnummer.get(lowerKey(v.personeelsnummer)) ?? null;
  let row = byEck ?? byNummer;
  if (!row && rec.soort === 'medewerker' && v.email) {
    const m = idx.staffByEmail.get(v.email.toLowerCase());
    if (m && (!m.personeelsnummer || !v.personeelsnummer)) row = m;
  }
  if (byEck && byNummer && byEck.id !== byNummer.id) {
    problems.error(
      rec.regel,
      'eckId',
      `Het ECK-iD hoort in de app bij ${displayName(byEck)}, maar ${rec.soort === 'leerling' ? 'leerlingnummer' : 'personeelsnummer'} ${rec.soort === 'leerling' ? v.leerlingnummer : v.personeelsnummer} bij ${displayName(byNummer)}. Controleer beide; deze regel wordt overgeslagen.`,
    );
    return { row: null, conflict: true };
  }
  if (row && row.soort !== rec.soort) {
    problems.error(
      rec.regel,
      byEck ? 'eckId' : rec.soort === 'leerling' ? 'leerlingnummer' : 'personeelsnummer',
      `${byEck ? 'Dit ECK-iD' : `Nummer ${sleutelOf(rec.soort, v)}`} hoort in de app bij ${displayName(row)}, die geen ${SOORT_WOORD[rec.soort]} is. Deze regel wordt overgeslagen.`,
    );
    return { row: null, conflict: true };
  }
  if (
    row &&
    rec.soort === 'leerling' &&
    v.leerlingnummer &&
    row.leerlingnummer &&
    normaliseNummer(row.leerlingnummer) !== v.leerlingnummer
  ) {
    const other = idx.byLeerlingnummer.get(v.leerlingnummer);
    if (other && other.id !== row.id) {
      problems.error(
        rec.regel,
        'leerlingnummer',
        `Leerlingnummer ${v.leerlingnummer} is in de app al in gebruik bij ${displayName(other)}. Deze regel wordt overgeslagen.`,
      );
      return { row, conflict: true };
    }
  }
  if (row && v.eckId && row.eck_id !== v.eckId && idx.byEck.has(v.eckId)) {
    problems.error(
      rec.regel,
      'eckId',
      `Dit ECK-iD is in de app al in gebruik bij ${displayName(idx.byEck.get(v.eckId)!)}. Deze regel wordt overgeslagen.`,
    );
    return { row, conflict: true };
  }
  return { row, conflict: false };
}

/** Puts back changed dates that would break the date rules, with a warning for each. */
function revertDateFaults(
  before: PersonInputParsed,
  after: PersonInputParsed,
  changes: { veld: RosterVeld; oud: PlanWaarde; nieuw: PlanWaarde }[],
  regel: number,
  problems: Problems,
): void {
  for (const key of ['uitgeschrevenOp', 'ingeschrevenOp', 'geboortedatum'] as const) {
    if (!dateFault(after)) return;
    const i = changes.findIndex((c) => c.veld === key);
    if (i < 0) continue;
    after[key] = before[key] ?? null;
    changes.splice(i, 1);
    problems.warn(
      regel,
      key,
      `De nieuwe ${key === 'geboortedatum' ? 'geboortedatum' : key === 'ingeschrevenOp' ? 'datum van inschrijving' : 'datum van uitschrijving'} past niet bij de andere datums van deze persoon; die wordt niet ingelezen.`,
    );
  }
}

const PLACEHOLDER = 'Ouder/verzorger';

function planGuardian(
  regel: number,
  g: GuardianFields,
  pupilRef: PersonRef,
  pupil: { tussenvoegsel: string | null; achternaam: string; naam: string; links: PersonDbRow[] },
  idx: PeopleIndex,
  newByEmail: Map<string, { ref: PersonRef; naam: string }>,
  ops: PlanOps,
  out: PlanOuder[],
  problems: Problems,
): void {
  const parsed = g.naam ? splitFullName(g.naam) : null;
  const email = g.email?.toLowerCase() ?? null;
  // 1. Among the guardians already linked to this pupil: by e-mail, else by name.
  let existing =
    (email ? pupil.links.find((o) => o.email?.toLowerCase() === email) : undefined) ??
    (!email && parsed ? pupil.links.find((o) => o.zoeknaam === zoeknaam({ ...parsed, roepnaam: null })) : undefined);
  let linked = existing !== undefined;
  // 2. Anyone known as ouder with this e-mail (a parent of a sibling).
  if (!existing && email) existing = idx.ouderByEmail.get(email);
  if (!existing && email) {
    const made = newByEmail.get(email);
    if (made) {
      ops.links.push({ regel, leerling: pupilRef, ouder: made.ref });
      out.push({ regel, leerling: pupil.naam, naam: made.naam, email: g.email ?? null, actie: 'koppelen' });
      return;
    }
  }
  if (existing) {
    const before = rowToInput(existing);
    const after: PersonInputParsed = { ...before };
    if (parsed && (existing.voornaam === PLACEHOLDER || existing.achternaam !== parsed.achternaam)) {
      after.voornaam = parsed.voornaam;
      after.tussenvoegsel = parsed.tussenvoegsel;
      after.achternaam = parsed.achternaam;
    }
    if (g.telefoon && g.telefoon !== existing.telefoon) after.telefoon = g.telefoon;
    if (g.email && !existing.email) after.email = g.email;
    const changed =
      after.voornaam !== before.voornaam ||
      after.tussenvoegsel !== before.tussenvoegsel ||
      after.achternaam !== before.achternaam ||
      after.telefoon !== before.telefoon ||
      after.email !== before.email;
    const ref: PersonRef = { id: existing.id };
    if (changed) {
      ops.ouderUpdates.push({ regel, id: existing.id, input: after });
      // A later row of a sibling sees the updated guardian.
      Object.assign(existing, {
        voornaam: after.voornaam,
        tussenvoegsel: after.tussenvoegsel,
        achternaam: after.achternaam,
        telefoon: after.telefoon,
        email: after.email,
      });
    }
    if (!linked && pupilRef.id !== null) linked = pupil.links.some((o) => o.id === existing!.id);
    if (!linked) {
      ops.links.push({ regel, leerling: pupilRef, ouder: ref });
      pupil.links.push(existing);
    }
    if (!linked || changed)
      out.push({ regel, leerling: pupil.naam, naam: nameOf(after), email: after.email ?? null, actie: !linked ? 'koppelen' : 'bijwerken' });
    return;
  }
  let naam = parsed;
  if (!naam) {
    naam = { voornaam: PLACEHOLDER, tussenvoegsel: pupil.tussenvoegsel, achternaam: pupil.achternaam };
    problems.warn(
      regel,
      null,
      `De naam van een ouder/verzorger (${g.email}) ontbreekt; die wordt opgeslagen als "${nameOf(naam)}". Pas de naam later aan bij Personen.`,
    );
  }
  const input: PersonInputParsed = {
    soort: 'ouder',
    voornaam: naam.voornaam,
    roepnaam: null,
    tussenvoegsel: naam.tussenvoegsel,
    achternaam: naam.achternaam,
    geslacht: null,
    geboortedatum: null,
    leerlingnummer: null,
    eckId: null,
    groep: null,
    leerjaar: null,
    opleiding: null,
    functie: null,
    personeelsnummer: null,
    organisatie: null,
    straat: null,
    postcode: null,
    plaats: null,
    email: g.email ?? null,
    telefoon: g.telefoon ?? null,
    ingeschrevenOp: null,
    uitgeschrevenOp: null,
    notities: null,
  };
  const ref: PersonRef = { id: null };
  ops.ouderCreates.push({ regel, ref, input });
  ops.links.push({ regel, leerling: pupilRef, ouder: ref });
  if (email) newByEmail.set(email, { ref, naam: nameOf(input) });
  out.push({ regel, leerling: pupil.naam, naam: nameOf(input), email: g.email ?? null, actie: 'aanmaken' });
}
