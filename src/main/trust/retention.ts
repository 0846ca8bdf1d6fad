// Retention (DOMAIN.md §6.7): who is past the school's retention term, what blocks destruction
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
import { addYears, format, parseISO } from 'date-fns';
import type { DB } from '../db/open';
import type { Ctx } from '../core/context';
import { CoreError, notFound } from '../core/errors';
import type { HoldReason, LegalHold, RetentionCandidate, HoldSoort } from '../../shared/api/trust';
import type { PersoonSoort } from '../../shared/domain';
import { displayName } from '../people/names';
import { retentionTerms } from './settings';

export const hasTable = (db: DB, name: string): boolean =>
  !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);

const plusYears = (iso: string, n: number) => format(addYears(parseISO(iso), n), 'yyyy-MM-dd');
const maxDate = (...ds: (string | null | undefined)[]) =>
  ds
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) ?? null;

interface PersonRow {
  id: number;
  soort: PersoonSoort;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  uitgeschreven_op: string | null;
  updated_at: string;
  laatste_melding: string | null;
}

/** Incident ids a person is part of (involved or reporter). */
export function incidentIdsOf(db: DB, personId: number): number[] {
  return (
    db
      .prepare('SELECT incident_id AS id FROM incident_person WHERE person_id = ? UNION SELECT id FROM incident WHERE melder_id = ?')
      .all(personId, personId) as { id: number }[]
  ).map((r) => r.id);
}

/** When a person's records may be destroyed, or null while the term has not started. */
function termStart(db: DB, p: PersonRow): string | null {
  switch (p.soort) {
    case 'leerling':
    case 'medewerker':
      return p.uitgeschreven_op;
    case 'ouder': {
      const kids = db
        .prepare('SELECT c.uitgeschreven_op AS u FROM guardian_link g JOIN person c ON c.id = g.leerling_id WHERE g.ouder_id = ?')
        .all(p.id) as { u: string | null }[];
      if (kids.some((k) => !k.u)) return null;
      return maxDate(...kids.map((k) => k.u), p.laatste_melding, p.uitgeschreven_op) ?? p.updated_at.slice(0, 10);
    }
    case 'extern':
      return maxDate(p.laatste_melding, p.uitgeschreven_op) ?? p.updated_at.slice(0, 10);
  }
}

export function holdsOf(db: DB, personId: number): HoldReason[] {
  const out: HoldReason[] = [];
  const manual = db
    .prepare('SELECT id, soort, reden FROM legal_hold WHERE person_id = ? AND opgeheven_op IS NULL ORDER BY vanaf')
    .all(personId) as {
    id: number;
    soort: HoldSoort;
    reden: string;
  }[];
  for (const h of manual) out.push({ bron: 'handmatig', holdId: h.id, omschrijving: `${HOLD_LABEL[h.soort]}: ${h.reden}` });
  const incidents = incidentIdsOf(db, personId);
  const marks = incidents.map(() => '?').join(',') || 'NULL';
  const aangiftes = db
    .prepare(
      `SELECT r.id, r.datum, i.nummer FROM external_report r JOIN incident i ON i.id = r.incident_id
       WHERE r.soort = 'aangifte' AND (r.person_id = ? OR r.incident_id IN (${marks}))
         AND r.id NOT IN (SELECT external_report_id FROM aangifte_afgerond)
       ORDER BY r.datum`,
    )
    .all(personId, ...incidents) as { id: number; datum: string; nummer: string }[];
  for (const a of aangiftes) {
    out.push({
      bron: 'aangifte',
      externalReportId: a.id,
      omschrijving: `Aangifte van ${a.datum} bij melding ${a.nummer}: loopt nog (geef aan wanneer de zaak is afgerond).`,
    });
  }
  if (hasTable(db, 'obligation')) {
    const open = db
      .prepare(
        `SELECT titel, uiterlijk FROM obligation WHERE status = 'open' AND (
           person_id = ? OR incident_id IN (${marks}) OR measure_id IN (SELECT id FROM measure WHERE person_id = ?))
         ORDER BY uiterlijk`,
      )
      .all(personId, ...incidents, personId) as { titel: string; uiterlijk: string | null }[];
    for (const o of open)
      out.push({
        bron: 'verplichting',
        omschrijving: `Openstaande verplichting: ${o.titel}${o.uiterlijk ? ` (uiterlijk ${o.uiterlijk})` : ''}`,
      });
  }
  return out;
}

export const HOLD_LABEL: Record<HoldSoort, string> = {
  bezwaar: 'Bezwaar loopt',
  rechtszaak: 'Rechtszaak',
  aangifte: 'Aangifte',
  anders: 'Blokkade',
};

function count(db: DB, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

const yearsFor = (p: PersonRow, terms: ReturnType<typeof retentionTerms>) =>
  p.soort === 'leerling' ? terms.leerling : p.soort === 'medewerker' ? terms.medewerker : terms.overig;

function candidateOf(db: DB, p: PersonRow, terms: ReturnType<typeof retentionTerms>): RetentionCandidate | null {
  const start = termStart(db, p);
  if (!start) return null;
  const years = yearsFor(p, terms);
  const incidents = incidentIdsOf(db, p.id);
  const marks = incidents.map(() => '?').join(',') || 'NULL';
  return {
    personId: p.id,
    naam: displayName(p),
    soort: p.soort,
    peildatum: start,
    vernietigbaarVanaf: plusYears(start, years),
    meldingen: incidents.length,
    maatregelen: count(db, 'SELECT count(*) AS n FROM measure WHERE person_id = ?', p.id),
    brieven: hasTable(db, 'letter') ? count(db, 'SELECT count(*) AS n FROM letter WHERE person_id = ?', p.id) : 0,
    bewijsstukken: count(db, `SELECT count(*) AS n FROM evidence WHERE incident_id IN (${marks})`, ...incidents),
    holds: holdsOf(db, p.id),
  };
}

// The last incident as reporter or as one of the people involved: two indexed look-ups (an OR across
// both made SQLite scan every incident once per person: 83 s for the dashboard at a million).
const PERSON_SQL = `SELECT p.id, p.soort, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam, p.uitgeschreven_op, p.updated_at,
  nullif(max(
    coalesce((SELECT max(i.datum_voorval) FROM incident i WHERE i.melder_id = p.id), ''),
    coalesce((SELECT max(i.datum_voorval) FROM incident_person ip JOIN incident i ON i.id = ip.incident_id WHERE ip.person_id = p.id), '')
  ), '') AS laatste_melding
  FROM person p`;

/** Everyone whose term has passed on `today` (or, with all, whose term has started), oldest first. */
export function listCandidates(db: DB, today: string, all = false): RetentionCandidate[] {
  const terms = retentionTerms(db);
  const people = db.prepare(`${PERSON_SQL} WHERE p.soort IN ('ouder','extern') OR p.uitgeschreven_op IS NOT NULL`).all() as PersonRow[];
  const out: RetentionCandidate[] = [];
  for (const p of people) {
    // The counts and holds of a full candidate are only worth reading once the term has passed.
    if (!all) {
      const start = termStart(db, p);
      if (!start || plusYears(start, yearsFor(p, terms)) > today) continue;
    }
    const c = candidateOf(db, p, terms);
    if (c && (all || c.vernietigbaarVanaf <= today)) out.push(c);
  }
  return out.sort((a, b) => a.vernietigbaarVanaf.localeCompare(b.vernietigbaarVanaf) || a.naam.localeCompare(b.naam));
}

export function candidate(db: DB, personId: number): RetentionCandidate | null {
  const p = db.prepare(`${PERSON_SQL} WHERE p.id = ?`).get(personId) as PersonRow | undefined;
  if (!p) throw notFound('Deze persoon');
  return candidateOf(db, p, retentionTerms(db));
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
