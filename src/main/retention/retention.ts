// Retention: who is past the school's retention term, what blocks destruction
// (legal holds), and the holds themselves.
//
// The term runs from (configurable years):
//   - leerling, medewerker: the date they left (uitgeschreven_op); while it is empty, never;
//   - ouder: the latest of their children's leaving dates and their own last incident — and only
//     once every linked child has left;
//   - extern: their last incident (or their leaving date, if set).
// A legal hold blocks destruction: a hold the school set (pending objection, court case, aangifte,
// other), an aangifte in one of the person's incidents until the school records the case is over,
// and any open obligation of the person's incidents or measures (e.g. a pending objection term).
//
// Both rules live once, as SQL over the whole set: the date a term runs from in migration 010 (a
// view, and a table triggers keep from it), the terms and the holds here (termSql, HOLD_ARMS). The
// dashboard only counts who is due and not held, the retention page lists them with details, and
// a single person (before destruction) is the same query narrowed to one id. Evaluating person by
// person took 54 s for the dashboard at a million incidents.
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { CoreError, notFound } from '../errors/errors';
import type { HoldReason, LegalHold, RetentionCandidate, HoldSoort } from '@shared/api/trust';
import type { PersoonSoort } from '@shared/domain';
import { displayName } from '../people/names';
import { retentionTerms } from '../settings/trust';

/** Incident ids a person is part of (involved or reporter). */
export function incidentIdsOf(db: DB, personId: number): number[] {
  return (
    db
      .prepare('SELECT incident_id AS id FROM incident_person WHERE person_id = ? UNION SELECT id FROM incident WHERE melder_id = ?')
      .all(personId, personId) as { id: number }[]
  ).map((r) => r.id);
}

// ---- the rules, as SQL ------------------------------------------------------------------------

/**
 * The last date a term of `years` may have started and still have ended on or before @until (its
 * first day of destruction, the start plus the term, 'floor': 29 February plus a year is
 * 28 February, as date-fns addYears has it). Adding years is monotonic, so that is d, @until minus
 * the term, or the day after d when that day is 29 February and ends on 28 February too.
 */
const lastStart = (years: string) => `(
  SELECT CASE WHEN date(date(d, '+1 day'), '+' || ${years} || ' years', 'floor') <= @until THEN date(d, '+1 day') ELSE d END
  FROM (SELECT date(@until, '-' || ${years} || ' years', 'floor') AS d))`;

/**
 * Per kind, the last start whose term has ended by @until (one row, joined as c): parameters @jl,
 * @jm, @jo are the terms in years for pupils, staff and others. Pass a far @until for everyone
 * whose term has started.
 */
const CUTOFF = `SELECT ${lastStart('@jl')} AS leerling, ${lastStart('@jm')} AS medewerker, ${lastStart('@jo')} AS overig`;

/**
 * Whether the term of retentie_peildatum row `t` has ended by @until (with the cutoffs joined as
 * c): written per kind, so over the whole table each kind is one range of the index on (soort,
 * peildatum).
 */
const ended = (t: string) =>
  `(${t}.soort = 'leerling' AND ${t}.peildatum <= c.leerling OR ${t}.soort = 'medewerker' AND ${t}.peildatum <= c.medewerker
    OR ${t}.soort IN ('ouder', 'extern') AND ${t}.peildatum <= c.overig)`;

/**
 * Everyone matching `where` (a condition on t.person_id) whose term has ended by @until, with the
 * date it runs from (peildatum) and its first day of destruction. The dates are kept by triggers in
 * retentie_peildatum (migration 010, which holds the rule: pupils and staff from their leaving
 * date; parents only once every child has left, from the latest of those dates and their own last
 * incident; externals from their last incident; else the record's date); working them out on every
 * load took 35-50 ms at a million incidents.
 */
const retentionSql = (where: string) => `
  SELECT t.person_id, t.soort, t.peildatum,
    date(t.peildatum, '+' || (CASE t.soort WHEN 'leerling' THEN @jl WHEN 'medewerker' THEN @jm ELSE @jo END) || ' years', 'floor') AS vernietigbaar_vanaf
  FROM (${CUTOFF}) c CROSS JOIN retentie_peildatum t
  WHERE ${ended('t')} AND (${where})`;

/**
 * Every hold that blocks destruction: the person, where it comes from and its id. Each arm starts
 * from the few open holds and reaches their people through indexes, so the whole set costs little
 * (CROSS JOIN keeps that order: where reporters are rare, SQLite would rather walk every incident
 * with a reporter; the reporter and the measure's person come from small covering indexes,
 * migration 008, not from the wide rows); UNION drops the duplicates when a person is linked to
 * the same report or obligation in two ways. The open holds are read once (MATERIALIZED), not once
 * per arm.
 */
const HOLD_ARMS: [person: string, bron: HoldReason['bron'], ref: string, from: string][] = [
  ['h.person_id', 'handmatig', 'h.id', 'legal_hold h WHERE h.opgeheven_op IS NULL'],
  // An aangifte: the person it names, everyone involved in its incident, and its reporter.
  ['a.person_id', 'aangifte', 'a.id', 'open_aangifte a WHERE a.person_id IS NOT NULL'],
  ['ip.person_id', 'aangifte', 'a.id', 'open_aangifte a CROSS JOIN incident_person ip ON ip.incident_id = a.incident_id'],
  ['i.melder_id', 'aangifte', 'a.id', 'open_aangifte a CROSS JOIN incident i ON i.id = a.incident_id WHERE i.melder_id IS NOT NULL'],
  // An open obligation: its person, everyone in its incident, its reporter, the person of its measure.
  ['o.person_id', 'verplichting', 'o.id', 'open_obligation o WHERE o.person_id IS NOT NULL'],
  ['ip.person_id', 'verplichting', 'o.id', 'open_obligation o CROSS JOIN incident_person ip ON ip.incident_id = o.incident_id'],
  ['i.melder_id', 'verplichting', 'o.id', 'open_obligation o CROSS JOIN incident i ON i.id = o.incident_id WHERE i.melder_id IS NOT NULL'],
  ['m.person_id', 'verplichting', 'o.id', 'open_obligation o CROSS JOIN measure m ON m.id = o.measure_id WHERE m.person_id IS NOT NULL'],
];

/**
 * The holds of the people matching `where` (a condition on person_id): with `alleenWie`, only who
 * is held (person_id, repeated: what the dashboard's count needs), otherwise (person_id, bron, ref).
 */
const holdsSql = (where: string, alleenWie = false) => `
  WITH open_aangifte AS MATERIALIZED (
    SELECT id, incident_id, person_id FROM external_report
    WHERE soort = 'aangifte' AND id NOT IN (SELECT external_report_id FROM aangifte_afgerond)
  ), open_obligation AS MATERIALIZED (
    SELECT id, incident_id, measure_id, person_id FROM obligation WHERE status = 'open'
  ), holds AS (
    ${HOLD_ARMS.map(
      ([person, bron, ref, from]) => `SELECT ${person} AS person_id${alleenWie ? '' : `, '${bron}' AS bron, ${ref} AS ref`} FROM ${from}`,
    ).join(
      // Who is held: the caller's NOT IN drops the duplicates itself (a second sort saved).
      alleenWie ? '\n    UNION ALL ' : '\n    UNION ',
    )}
  )
  SELECT * FROM holds WHERE ${where}`;

/** The holds with what the screen says about them, per person in the order shown (kind, date). */
const holdDetailsSql = (where: string) => `
  SELECT h.person_id, h.bron, h.ref, l.soort AS hold_soort, coalesce(l.reden, o.titel) AS tekst,
    coalesce(l.vanaf, r.datum, o.uiterlijk) AS datum, i.nummer
  FROM (${holdsSql(where)}) h
  LEFT JOIN legal_hold l ON h.bron = 'handmatig' AND l.id = h.ref
  LEFT JOIN external_report r ON h.bron = 'aangifte' AND r.id = h.ref
  LEFT JOIN incident i ON i.id = r.incident_id
  LEFT JOIN obligation o ON h.bron = 'verplichting' AND o.id = h.ref
  ORDER BY h.person_id, CASE h.bron WHEN 'handmatig' THEN 0 WHEN 'aangifte' THEN 1 ELSE 2 END, datum, h.ref`;

interface HoldRowSql {
  person_id: number;
  bron: HoldReason['bron'];
  ref: number;
  hold_soort: HoldSoort | null;
  tekst: string | null;
  datum: string | null;
  nummer: string | null;
}

export const HOLD_LABEL: Record<HoldSoort, string> = {
  bezwaar: 'Bezwaar loopt',
  rechtszaak: 'Rechtszaak',
  aangifte: 'Aangifte',
  anders: 'Blokkade',
};

function toReason(h: HoldRowSql): HoldReason {
  switch (h.bron) {
    case 'handmatig':
      return { bron: 'handmatig', holdId: h.ref, omschrijving: `${HOLD_LABEL[h.hold_soort!]}: ${h.tekst}` };
    case 'aangifte':
      return {
        bron: 'aangifte',
        externalReportId: h.ref,
        omschrijving: `Aangifte van ${h.datum} bij melding ${h.nummer}: loopt nog (geef aan wanneer de zaak is afgerond).`,
      };
    case 'verplichting':
      return { bron: 'verplichting', omschrijving: `Openstaande verplichting: ${h.tekst}${h.datum ? ` (uiterlijk ${h.datum})` : ''}` };
  }
}

/** What blocks destroying one person's records (empty: nothing). */
export function holdsOf(db: DB, personId: number): HoldReason[] {
  return (db.prepare(holdDetailsSql('person_id = @person')).all({ person: personId }) as HoldRowSql[]).map(toReason);
}

/** The holds of everyone at once, by person (one pass over the open holds). */
function holdsByPerson(db: DB): Map<number, HoldReason[]> {
  const out = new Map<number, HoldReason[]>();
  for (const h of db.prepare(holdDetailsSql('1')).all() as HoldRowSql[]) {
    const list = out.get(h.person_id) ?? [];
    list.push(toReason(h));
    out.set(h.person_id, list);
  }
  return out;
}

const termParams = (db: DB) => {
  const t = retentionTerms(db);
  return { jl: t.leerling, jm: t.medewerker, jo: t.overig };
};

/**
 * How many people are past their term and not held, the dashboard's reminder: one set-based
 * query (the dashboard needs no names, counts or hold texts).
 */
export function countDestroyable(db: DB, today: string): number {
  return (
    db
      .prepare(
        // Who is due, less who of them is held: the holds (15,000 rows at a million incidents, 5,600
        // people) are looked up in the kept dates by id, cheaper than a NOT IN over all of them.
        `WITH c AS MATERIALIZED (${CUTOFF})
         SELECT (SELECT count(*) FROM (${retentionSql('1')})) - (
           SELECT count(DISTINCT h.person_id) FROM (${holdsSql('1', true)}) h
           CROSS JOIN c JOIN retentie_peildatum t ON t.person_id = h.person_id WHERE ${ended('t')}) AS n`,
      )
      .get({ ...termParams(db), until: today }) as { n: number }
  ).n;
}

interface CandidateRow {
  person_id: number;
  soort: PersoonSoort;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  peildatum: string;
  vernietigbaar_vanaf: string;
  meldingen: number;
  maatregelen: number;
  brieven: number;
  bewijsstukken: number;
}

// With the name, and what destroying the records would remove (read only for the rows kept).
const candidatesSql = (where: string) => `
  SELECT r.*, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam,
    (SELECT count(*) FROM (SELECT incident_id FROM incident_person WHERE person_id = r.person_id UNION SELECT id FROM incident WHERE melder_id = r.person_id)) AS meldingen,
    (SELECT count(*) FROM measure WHERE person_id = r.person_id) AS maatregelen,
    (SELECT count(*) FROM letter WHERE person_id = r.person_id) AS brieven,
    (SELECT count(*) FROM evidence WHERE incident_id IN (SELECT incident_id FROM incident_person WHERE person_id = r.person_id UNION SELECT id FROM incident WHERE melder_id = r.person_id)) AS bewijsstukken
  FROM (${retentionSql(where)}) r JOIN person p ON p.id = r.person_id`;

const toCandidate = (r: CandidateRow, holds: HoldReason[]): RetentionCandidate => ({
  personId: r.person_id,
  naam: displayName(r),
  soort: r.soort,
  peildatum: r.peildatum,
  vernietigbaarVanaf: r.vernietigbaar_vanaf,
  meldingen: r.meldingen,
  maatregelen: r.maatregelen,
  brieven: r.brieven,
  bewijsstukken: r.bewijsstukken,
  holds,
});

// Far enough to include every started term (ookNietVerlopen).
const ANY_DAY = '9999-12-31';

/** Everyone whose term has passed on `today` (or, with all, whose term has started), oldest first. */
export function listCandidates(db: DB, today: string, all = false): RetentionCandidate[] {
  const rows = db.prepare(candidatesSql('1')).all({ ...termParams(db), until: all ? ANY_DAY : today }) as CandidateRow[];
  const holds = rows.length ? holdsByPerson(db) : new Map<number, HoldReason[]>();
  return rows
    .map((r) => toCandidate(r, holds.get(r.person_id) ?? []))
    .sort((a, b) => a.vernietigbaarVanaf.localeCompare(b.vernietigbaarVanaf) || a.naam.localeCompare(b.naam));
}

/** One person's retention state, or null while their term has not started. */
export function candidate(db: DB, personId: number): RetentionCandidate | null {
  if (!db.prepare('SELECT 1 FROM person WHERE id = ?').get(personId)) throw notFound('Deze persoon');
  const r = db.prepare(candidatesSql('t.person_id = @person')).get({ ...termParams(db), until: ANY_DAY, person: personId }) as
    CandidateRow | undefined;
  return r ? toCandidate(r, holdsOf(db, personId)) : null;
}

// ---- manual holds ----------------------------------------------------------------------------

interface HoldRow {
  id: number;
  person_id: number;
  soort: HoldSoort;
  reden: string;
  vanaf: string;
  opgeheven_op: string | null;
  opgeheven_reden: string | null;
}

function toHold(db: DB, r: HoldRow): LegalHold {
  const p = db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person WHERE id = ?').get(r.person_id) as Parameters<
    typeof displayName
  >[0];
  return {
    id: r.id,
    personId: r.person_id,
    naam: displayName(p),
    soort: r.soort,
    reden: r.reden,
    vanaf: r.vanaf,
    opgehevenOp: r.opgeheven_op,
    opgehevenReden: r.opgeheven_reden,
  };
}

export function listHolds(db: DB, personId?: number, ookOpgeheven = false): LegalHold[] {
  const rows = db
    .prepare(
      `SELECT * FROM legal_hold WHERE (? IS NULL OR person_id = ?) AND (? = 1 OR opgeheven_op IS NULL) ORDER BY vanaf DESC, id DESC LIMIT 1000`,
    )
    .all(personId ?? null, personId ?? null, ookOpgeheven ? 1 : 0) as HoldRow[];
  return rows.map((r) => toHold(db, r));
}

export function createHold(ctx: Ctx, input: { personId: number; soort: HoldSoort; reden: string; vanaf: string }): LegalHold {
  if (!ctx.db.prepare('SELECT 1 FROM person WHERE id = ?').get(input.personId)) throw notFound('Deze persoon');
  if (input.vanaf > ctx.today())
    throw new CoreError('VALIDATIE', 'De begindatum ligt in de toekomst.', 'vanaf', { vanaf: 'De begindatum ligt in de toekomst.' });
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare('INSERT INTO legal_hold (person_id, soort, reden, vanaf, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.personId, input.soort, input.reden, input.vanaf, now, now).lastInsertRowid,
  );
  const hold = toHold(ctx.db, ctx.db.prepare('SELECT * FROM legal_hold WHERE id = ?').get(id) as HoldRow);
  ctx.audit('bewaarblokkade', id, 'ingesteld', null, hold);
  return hold;
}

export function releaseHold(ctx: Ctx, input: { id: number; reden: string }): LegalHold {
  const row = ctx.db.prepare('SELECT * FROM legal_hold WHERE id = ?').get(input.id) as HoldRow | undefined;
  if (!row) throw notFound('Deze blokkade');
  if (row.opgeheven_op) throw new CoreError('CONFLICT', `Deze blokkade is al opgeheven op ${row.opgeheven_op}.`);
  const before = toHold(ctx.db, row);
  ctx.db
    .prepare('UPDATE legal_hold SET opgeheven_op = ?, opgeheven_reden = ?, updated_at = ? WHERE id = ?')
    .run(ctx.today(), input.reden, ctx.nowIso(), input.id);
  const after = toHold(ctx.db, ctx.db.prepare('SELECT * FROM legal_hold WHERE id = ?').get(input.id) as HoldRow);
  ctx.audit('bewaarblokkade', input.id, 'opgeheven', before, after);
  return after;
}

export function closeAangifte(ctx: Ctx, input: { externalReportId: number; reden: string }): { externalReportId: number } {
  const r = ctx.db.prepare('SELECT soort FROM external_report WHERE id = ?').get(input.externalReportId) as { soort: string } | undefined;
  if (!r) throw notFound('Deze melding aan een instantie');
  if (r.soort !== 'aangifte') throw new CoreError('VALIDATIE', 'Dit is geen aangifte.', 'externalReportId');
  if (ctx.db.prepare('SELECT 1 FROM aangifte_afgerond WHERE external_report_id = ?').get(input.externalReportId)) {
    throw new CoreError('CONFLICT', 'Deze aangifte is al als afgerond vastgelegd.');
  }
  ctx.db
    .prepare('INSERT INTO aangifte_afgerond (external_report_id, afgerond_op, reden, created_at) VALUES (?, ?, ?, ?)')
    .run(input.externalReportId, ctx.today(), input.reden, ctx.nowIso());
  ctx.audit('externe_melding', input.externalReportId, 'aangifte_afgerond', null, { reden: input.reden });
  return { externalReportId: input.externalReportId };
}
