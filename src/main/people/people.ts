// People: reading, creating and changing a person (leerling, medewerker, ouder, extern) with the
// rules per kind of person. The incident search index follows name changes (incidents/fts.ts).
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError, fieldError, notFound } from '../errors/errors';
import type { Person, PersonRef, GuardianLink } from '@shared/api/people';
import type { Parsed } from '@shared/api';
import type { PersoonSoort, Geslacht } from '@shared/domain';
import { displayName, zoeknaam } from './names';
import { personRenamed } from './hooks';
import { assertVersion } from '../audit/versions';

export interface PersonDbRow {
  id: number;
  soort: PersoonSoort;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geslacht: Geslacht | null;
  geboortedatum: string | null;
  leerlingnummer: string | null;
  eck_id: string | null;
  groep: string | null;
  leerjaar: number | null;
  opleiding: string | null;
  functie: string | null;
  personeelsnummer: string | null;
  organisatie: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
  ingeschreven_op: string | null;
  uitgeschreven_op: string | null;
  notities: string | null;
  zoeknaam: string;
  created_at: string;
  updated_at: string;
  versie: number;
}

export type PersonInputParsed = Parsed<'people.create'>;

export const toRef = (r: PersonDbRow): PersonRef => ({
  id: r.id,
  soort: r.soort,
  naam: displayName(r),
  groep: r.groep,
  leerlingnummer: r.leerlingnummer,
  functie: r.functie,
});

export function personRow(db: DB, id: number): PersonDbRow | undefined {
  return db.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonDbRow | undefined;
}

export function requirePersonRow(db: DB, id: number, field?: string): PersonDbRow {
  const row = personRow(db, id);
  if (!row) {
    if (field) throw fieldError(field, 'Deze persoon bestaat niet (meer).');
    throw notFound('Deze persoon');
  }
  return row;
}

/** A short reference to a person, or null when the id is null. */
export function personRef(db: DB, id: number | null): PersonRef | null {
  if (id === null) return null;
  const row = personRow(db, id);
  return row ? toRef(row) : null;
}

function guardianLinks(db: DB, p: PersonDbRow): GuardianLink[] {
  interface LinkRow {
    leerling_id: number;
    ouder_id: number;
    relatie: string | null;
    gezag: number;
    ontvangt_post: number;
    toestemming_afschrift_op: string | null;
  }
  const side = p.soort === 'ouder' ? 'ouder_id' : 'leerling_id';
  const other = p.soort === 'ouder' ? 'leerling_id' : 'ouder_id';
  const links = db.prepare(`SELECT * FROM guardian_link WHERE ${side} = ? ORDER BY ${other}`).all(p.id) as LinkRow[];
  return links.map((l) => ({
    leerlingId: l.leerling_id,
    ouderId: l.ouder_id,
    persoon: toRef(requirePersonRow(db, p.soort === 'ouder' ? l.leerling_id : l.ouder_id)),
    relatie: l.relatie,
    gezag: l.gezag === 1,
    ontvangtPost: l.ontvangt_post === 1,
    toestemmingAfschriftOp: l.toestemming_afschrift_op,
  }));
}

/** Person fields as the contract's input, from a stored row. */
export function rowToInput(r: PersonDbRow): Required<PersonInputParsed> {
  return {
    soort: r.soort,
    voornaam: r.voornaam,
    roepnaam: r.roepnaam,
    tussenvoegsel: r.tussenvoegsel,
    achternaam: r.achternaam,
    geslacht: r.geslacht,
    geboortedatum: r.geboortedatum,
    leerlingnummer: r.leerlingnummer,
    eckId: r.eck_id,
    groep: r.groep,
    leerjaar: r.leerjaar,
    opleiding: r.opleiding,
    functie: r.functie,
    personeelsnummer: r.personeelsnummer,
    organisatie: r.organisatie,
    straat: r.straat,
    postcode: r.postcode,
    plaats: r.plaats,
    email: r.email,
    telefoon: r.telefoon,
    ingeschrevenOp: r.ingeschreven_op,
    uitgeschrevenOp: r.uitgeschreven_op,
    notities: r.notities,
  };
}

export function toPerson(db: DB, r: PersonDbRow): Person {
  return {
    id: r.id,
    ...rowToInput(r),
    naam: displayName(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    versie: r.versie,
    koppelingen: guardianLinks(db, r),
  };
}

export function getPerson(db: DB, id: number): Person {
  return toPerson(db, requirePersonRow(db, id));
}

/** The rules that depend on the kind of person and on the clock; throws the first fault found. */
function checkPerson(ctx: Ctx, p: PersonInputParsed, id: number | null): void {
  const fields: Record<string, string> = {};
  if (p.leerlingnummer && p.soort !== 'leerling') fields.leerlingnummer = 'Alleen een leerling heeft een leerlingnummer.';
  if (p.personeelsnummer && p.soort !== 'medewerker') fields.personeelsnummer = 'Alleen een medewerker heeft een personeelsnummer.';
  if (p.functie && p.soort !== 'medewerker' && p.soort !== 'extern')
    fields.functie = 'Een functie hoort bij een medewerker of een externe.';
  if (p.leerjaar != null && p.soort !== 'leerling') fields.leerjaar = 'Alleen een leerling heeft een leerjaar.';
  if (p.geboortedatum) {
    if (p.geboortedatum > ctx.today()) fields.geboortedatum = 'Een geboortedatum kan niet in de toekomst liggen.';
    else if (p.geboortedatum < '1900-01-01') fields.geboortedatum = 'Controleer de geboortedatum: die ligt te ver in het verleden.';
  }
  if (p.ingeschrevenOp && p.uitgeschrevenOp && p.uitgeschrevenOp < p.ingeschrevenOp) {
    fields.uitgeschrevenOp = 'De datum van uitschrijving ligt vóór de datum van inschrijving.';
  }
  if (p.geboortedatum && p.ingeschrevenOp && p.ingeschrevenOp < p.geboortedatum) {
    fields.ingeschrevenOp = 'De datum van inschrijving ligt vóór de geboortedatum.';
  }
  const keys = Object.keys(fields);
  if (keys.length) {
    const msg = keys.length === 1 ? fields[keys[0]] : `Controleer ${keys.length} velden: ${fields[keys[0]]}`;
    throw new CoreError('VALIDATIE', msg, keys[0], fields);
  }
  if (p.leerlingnummer) {
    const other = ctx.db.prepare('SELECT id FROM person WHERE leerlingnummer = ? AND id IS NOT ?').get(p.leerlingnummer, id) as
      { id: number } | undefined;
    if (other) {
      const msg = `Leerlingnummer ${p.leerlingnummer} is al in gebruik bij een andere leerling.`;
      throw new CoreError('CONFLICT', msg, 'leerlingnummer', { leerlingnummer: msg });
    }
  }
  if (p.eckId) {
    const other = ctx.db.prepare('SELECT id FROM person WHERE eck_id = ? AND id IS NOT ?').get(p.eckId, id) as { id: number } | undefined;
    if (other) {
      const msg = 'Dit ECK-iD is al in gebruik bij een andere persoon.';
      throw new CoreError('CONFLICT', msg, 'eckId', { eckId: msg });
    }
  }
}

function columns(p: PersonInputParsed) {
  return {
    soort: p.soort,
    voornaam: p.voornaam,
    roepnaam: p.roepnaam ?? null,
    tussenvoegsel: p.tussenvoegsel ?? null,
    achternaam: p.achternaam,
    geslacht: p.geslacht ?? null,
    geboortedatum: p.geboortedatum ?? null,
    leerlingnummer: p.leerlingnummer ?? null,
    eck_id: p.eckId ?? null,
    groep: p.groep ?? null,
    leerjaar: p.leerjaar ?? null,
    opleiding: p.opleiding ?? null,
    functie: p.functie ?? null,
    personeelsnummer: p.personeelsnummer ?? null,
    organisatie: p.organisatie ?? null,
    straat: p.straat ?? null,
    postcode: p.postcode ?? null,
    plaats: p.plaats ?? null,
    email: p.email ?? null,
    telefoon: p.telefoon ?? null,
    ingeschreven_op: p.ingeschrevenOp ?? null,
    uitgeschreven_op: p.uitgeschrevenOp ?? null,
    notities: p.notities ?? null,
    zoeknaam: zoeknaam({
      voornaam: p.voornaam,
      roepnaam: p.roepnaam ?? null,
      tussenvoegsel: p.tussenvoegsel ?? null,
      achternaam: p.achternaam,
    }),
  };
}

const COLS = Object.keys(columns({ soort: 'leerling', voornaam: 'a', achternaam: 'b' } as PersonInputParsed));

export function createPerson(ctx: Ctx, p: PersonInputParsed): Person {
  checkPerson(ctx, p, null);
  const now = ctx.nowIso();
  const info = ctx.db
    .prepare(`INSERT INTO person (${COLS.join(', ')}, created_at, updated_at) VALUES (${COLS.map((c) => '@' + c).join(', ')}, @now, @now)`)
    .run({ ...columns(p), now });
  const person = getPerson(ctx.db, Number(info.lastInsertRowid));
  ctx.audit('persoon', person.id, 'aangemaakt', null, person);
  return person;
}

export function updatePerson(ctx: Ctx, p: PersonInputParsed & { id: number; versie?: number }): Person {
  const before = getPerson(ctx.db, p.id);
  assertVersion(ctx.db, {
    entity: 'persoon',
    entityId: p.id,
    stored: before.versie,
    given: p.versie,
    what: 'deze persoon',
    current: () => before,
    now: ctx.now(),
  });
  checkPerson(ctx, p, p.id);
  if (p.soort !== before.soort && before.koppelingen.length > 0) {
    throw new CoreError(
      'CONFLICT',
      'Deze persoon is nog gekoppeld als leerling of ouder/verzorger. Maak die koppelingen eerst los voordat u het soort persoon wijzigt.',
      'soort',
    );
  }
  const cols = columns(p);
  ctx.db
    .prepare(`UPDATE person SET ${COLS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, versie = versie + 1 WHERE id = @id`)
    .run({ ...cols, now: ctx.nowIso(), id: p.id });
  const after = getPerson(ctx.db, p.id);
  if (
    after.voornaam !== before.voornaam ||
    after.roepnaam !== before.roepnaam ||
    after.tussenvoegsel !== before.tussenvoegsel ||
    after.achternaam !== before.achternaam
  ) {
    personRenamed.run(ctx, p.id);
  }
  ctx.audit('persoon', p.id, 'gewijzigd', before, after);
  return after;
}
