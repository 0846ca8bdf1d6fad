// The records that prove obligations of a measure: hearings (who was heard, when, by whom), the search
// for another school during an expulsion, and a case at the Geschillencommissie passend onderwijs.
// Each write is audited and recomputes the measure's obligations (and those of the related expulsion).
import type { z } from 'zod';
import type { Ctx } from '../context/context';
import { fieldError, notFound } from '../errors/errors';
import type { DB } from '../db/open';
import type {
  Dispute,
  ExpulsionSearch,
  Hearing,
  Objection,
  disputeInput,
  hearingInput,
  objectionInput,
  searchInput,
} from '@shared/api/obligations';
import type { Maatregel } from '@shared/domain';
import { displayName } from '../people/names';
import { afterMeasureSaved } from './reactions';

interface MeasureLite {
  id: number;
  person_id: number;
  soort: Maatregel;
  besluit_datum: string;
}

function requireMeasure(db: DB, id: number): MeasureLite {
  const m = db.prepare('SELECT id, person_id, soort, besluit_datum FROM measure WHERE id = ?').get(id) as MeasureLite | undefined;
  if (!m) throw notFound('Deze maatregel');
  return m;
}

const personSoort = (db: DB, id: number) =>
  (db.prepare('SELECT soort FROM person WHERE id = ?').get(id) as { soort: string } | undefined)?.soort;

// ---------- hearings ----------

interface HearingRow {
  id: number;
  measure_id: number;
  gehoord: Hearing['gehoord'];
  person_id: number | null;
  datum: string;
  tijd: string | null;
  door: string;
  notities: string | null;
  uitkomst: Hearing['uitkomst'];
  created_at: string;
}

function toHearing(db: DB, r: HearingRow): Hearing {
  const p = r.person_id
    ? (db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person WHERE id = ?').get(r.person_id) as
        Parameters<typeof displayName>[0] | undefined)
    : undefined;
  return {
    id: r.id,
    measureId: r.measure_id,
    gehoord: r.gehoord,
    personId: r.person_id,
    persoonNaam: p ? displayName(p) : null,
    datum: r.datum,
    tijd: r.tijd,
    door: r.door,
    notities: r.notities,
    uitkomst: r.uitkomst,
    createdAt: r.created_at,
  };
}

export function listHearings(db: DB, measureId: number): Hearing[] {
  requireMeasure(db, measureId);
  return (db.prepare('SELECT * FROM hearing WHERE measure_id = ? ORDER BY datum, id').all(measureId) as HearingRow[]).map((r) =>
    toHearing(db, r),
  );
}

export function addHearing(ctx: Ctx, h: z.output<typeof hearingInput>): Hearing {
  const m = requireMeasure(ctx.db, h.measureId);
  const soort = personSoort(ctx.db, m.person_id);
  if (soort === 'medewerker' && h.gehoord !== 'medewerker')
    throw fieldError('gehoord', 'Bij een maatregel voor een medewerker wordt de medewerker gehoord (zienswijze).');
  if (soort === 'leerling' && h.gehoord === 'medewerker')
    throw fieldError('gehoord', 'Kies wie er gehoord is: de leerling, de ouders of de leraar.');
  if (h.datum > ctx.today()) throw fieldError('datum', 'Deze datum ligt in de toekomst.');
  if (h.personId != null && !personSoort(ctx.db, h.personId)) throw fieldError('personId', 'Deze persoon bestaat niet (meer).');
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO hearing (measure_id, gehoord, person_id, datum, tijd, door, notities, uitkomst, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(h.measureId, h.gehoord, h.personId ?? null, h.datum, h.tijd ?? null, h.door, h.notities ?? null, h.uitkomst, now, now)
      .lastInsertRowid,
  );
  const after = toHearing(ctx.db, ctx.db.prepare('SELECT * FROM hearing WHERE id = ?').get(id) as HearingRow);
  ctx.audit('hoorgesprek', id, 'aangemaakt', null, after);
  afterMeasureSaved(ctx, h.measureId);
  return after;
}

// ---------- the search for another school ----------

interface SearchRow {
  id: number;
  measure_id: number;
  datum: string;
  school: string;
  contactpersoon: string | null;
  resultaat: ExpulsionSearch['resultaat'];
  door: string;
  toelichting: string | null;
  created_at: string;
}

const toSearch = (r: SearchRow): ExpulsionSearch => ({
  id: r.id,
  measureId: r.measure_id,
  datum: r.datum,
  school: r.school,
  contactpersoon: r.contactpersoon,
  resultaat: r.resultaat,
  door: r.door,
  toelichting: r.toelichting,
  createdAt: r.created_at,
});

const EXPULSION = new Set(['voornemen_verwijdering', 'verwijdering']);

/** The search of this pupil, across the voornemen and the expulsion (one search, two records). */
export function listSearches(db: DB, measureId: number): ExpulsionSearch[] {
  const m = requireMeasure(db, measureId);
  const rows = db
    .prepare(
      `SELECT s.* FROM expulsion_search s JOIN measure x ON x.id = s.measure_id
        WHERE x.person_id = ? AND x.soort IN ('voornemen_verwijdering','verwijdering') ORDER BY s.datum, s.id`,
    )
    .all(m.person_id) as SearchRow[];
  return rows.map(toSearch);
}

export function addSearch(ctx: Ctx, s: z.output<typeof searchInput>): ExpulsionSearch {
  const m = requireMeasure(ctx.db, s.measureId);
  if (!EXPULSION.has(m.soort))
    throw fieldError('measureId', 'Een zoektocht naar een andere school hoort bij een (voorgenomen) verwijdering.');
  if (s.datum > ctx.today()) throw fieldError('datum', 'Deze datum ligt in de toekomst.');
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO expulsion_search (measure_id, datum, school, contactpersoon, resultaat, door, toelichting, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(s.measureId, s.datum, s.school, s.contactpersoon ?? null, s.resultaat, s.door, s.toelichting ?? null, now, now).lastInsertRowid,
  );
  const after = toSearch(ctx.db.prepare('SELECT * FROM expulsion_search WHERE id = ?').get(id) as SearchRow);
  ctx.audit('zoektocht_school', id, 'aangemaakt', null, after);
  afterMeasureSaved(ctx, s.measureId);
  return after;
}

// ---------- Geschillencommissie passend onderwijs ----------

export function getDispute(db: DB, measureId: number): Dispute | null {
  requireMeasure(db, measureId);
  const r = db.prepare('SELECT * FROM measure_dispute WHERE measure_id = ?').get(measureId) as
    { measure_id: number; ingediend_op: string; oordeel_op: string | null; toelichting: string | null } | undefined;
  return r ? { measureId: r.measure_id, ingediendOp: r.ingediend_op, oordeelOp: r.oordeel_op, toelichting: r.toelichting } : null;
}

export function saveDispute(ctx: Ctx, d: z.output<typeof disputeInput>): Dispute {
  const m = requireMeasure(ctx.db, d.measureId);
  if (m.soort !== 'verwijdering')
    throw fieldError('measureId', 'Een zaak bij de Geschillencommissie passend onderwijs hoort bij een besluit tot verwijdering.');
  if (d.ingediendOp < m.besluit_datum) throw fieldError('ingediendOp', 'De zaak is ingediend vóór het besluit tot verwijdering.');
  if (d.oordeelOp && d.oordeelOp < d.ingediendOp) throw fieldError('oordeelOp', 'Het oordeel ligt vóór de datum van indienen.');
  if (d.ingediendOp > ctx.today() || (d.oordeelOp && d.oordeelOp > ctx.today()))
    throw fieldError(d.oordeelOp && d.oordeelOp > ctx.today() ? 'oordeelOp' : 'ingediendOp', 'Deze datum ligt in de toekomst.');
  const before = getDispute(ctx.db, d.measureId);
  const now = ctx.nowIso();
  ctx.db
    .prepare(
      `INSERT INTO measure_dispute (measure_id, ingediend_op, oordeel_op, toelichting, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(measure_id) DO UPDATE SET ingediend_op = excluded.ingediend_op, oordeel_op = excluded.oordeel_op, toelichting = excluded.toelichting, updated_at = excluded.updated_at`,
    )
    .run(d.measureId, d.ingediendOp, d.oordeelOp ?? null, d.toelichting ?? null, now, now);
  const after = getDispute(ctx.db, d.measureId)!;
  ctx.audit('geschil', d.measureId, before ? 'gewijzigd' : 'aangemaakt', before, after);
  afterMeasureSaved(ctx, d.measureId);
  return after;
}

// ---------- an objection received ----------

const OBJECTABLE = new Set(['schorsing', 'verwijdering']);

export function getObjection(db: DB, measureId: number): Objection | null {
  requireMeasure(db, measureId);
  const r = db.prepare('SELECT measure_id, ontvangen_op, toelichting FROM measure_objection WHERE measure_id = ?').get(measureId) as
    { measure_id: number; ontvangen_op: string; toelichting: string | null } | undefined;
  return r ? { measureId: r.measure_id, ontvangenOp: r.ontvangen_op, toelichting: r.toelichting } : null;
}

export function saveObjection(ctx: Ctx, o: z.output<typeof objectionInput>): Objection {
  const m = requireMeasure(ctx.db, o.measureId);
  if (!OBJECTABLE.has(m.soort) || personSoort(ctx.db, m.person_id) !== 'leerling') {
    throw fieldError(
      'measureId',
      'Bezwaar vastleggen kan bij een schorsing of verwijdering van een leerling; een medewerker gaat in beroep volgens de cao.',
    );
  }
  if (o.ontvangenOp < m.besluit_datum) throw fieldError('ontvangenOp', 'Het bezwaar is ontvangen vóór de datum van het besluit.');
  if (o.ontvangenOp > ctx.today()) throw fieldError('ontvangenOp', 'Deze datum ligt in de toekomst.');
  const before = getObjection(ctx.db, o.measureId);
  const now = ctx.nowIso();
  ctx.db
    .prepare(
      `INSERT INTO measure_objection (measure_id, ontvangen_op, toelichting, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(measure_id) DO UPDATE SET ontvangen_op = excluded.ontvangen_op, toelichting = excluded.toelichting, updated_at = excluded.updated_at`,
    )
    .run(o.measureId, o.ontvangenOp, o.toelichting ?? null, now, now);
  const after = getObjection(ctx.db, o.measureId)!;
  ctx.audit('bezwaar', o.measureId, before ? 'gewijzigd' : 'aangemaakt', before, after);
  afterMeasureSaved(ctx, o.measureId);
  return after;
}
