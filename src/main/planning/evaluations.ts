// The annual evaluation of the protocol with the anti-pestcoördinator: planning
// (date, time, place, participants, agenda), recording the meeting (attendance, minutes, decisions,
// actions with owners and due dates) and closing it, which plans next school year's evaluation.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import type { Parsed } from '@shared/api';
import type {
  DeelnemerRol,
  Evaluation,
  EvaluationAction,
  EvaluationSummary,
  EvaluatieStatus,
  Participant,
  Decision,
} from '@shared/api/calendar';
import { CoreError, fieldError, notFound } from '../errors/errors';
import { dutchLongDate } from '@shared/dates';
import { schoolYearOf } from '@shared/schoolYear';
import { defaultEvaluatieSchooljaar, sameMonthNextYear } from './evaluationDates';

interface EvaluationRow {
  id: number;
  schooljaar: string;
  evaluatie_schooljaar: string;
  datum: string;
  tijd_start: string;
  tijd_eind: string;
  locatie: string | null;
  agenda: string | null;
  status: EvaluatieStatus;
  notulen: string | null;
  gesloten_op: string | null;
  vorige_id: number | null;
  created_at: string;
  updated_at: string;
}

interface ParticipantRow {
  id: number;
  person_id: number | null;
  naam: string;
  rol: DeelnemerRol;
  email: string | null;
  aanwezig: number | null;
}

interface ActionRow {
  id: number;
  evaluation_id: number;
  omschrijving: string;
  eigenaar: string;
  deadline: string | null;
  status: 'open' | 'gedaan';
  gedaan_op: string | null;
  evaluatie_datum: string;
}

/** The agenda used when the school leaves it empty. */
export function defaultAgenda(evaluatieSchooljaar: string): string {
  return [
    '1. Opening en vaststellen van de agenda',
    `2. Jaarverslag ${evaluatieSchooljaar}: cijfers en ontwikkelingen`,
    '3. Uitkomsten van de monitor sociale veiligheid',
    '4. Werking van het protocol: wat ging goed, wat kan beter',
    '5. Openstaande acties van de vorige evaluatie',
    '6. Voorstellen tot wijziging van het protocol',
    '7. Afspraken, acties en planning van de volgende evaluatie',
    '8. Rondvraag en sluiting',
  ].join('\n');
}

const SUMMARY_SQL = `SELECT e.*,
  (SELECT count(*) FROM evaluation_participant p WHERE p.evaluation_id = e.id) AS aantal_deelnemers,
  (SELECT count(*) FROM evaluation_action a WHERE a.evaluation_id = e.id AND a.status = 'open') AS aantal_open
  FROM evaluation e`;

type SummaryRow = EvaluationRow & { aantal_deelnemers: number; aantal_open: number };

function toSummary(r: SummaryRow): EvaluationSummary {
  return {
    id: r.id,
    schooljaar: r.schooljaar,
    evaluatieSchooljaar: r.evaluatie_schooljaar,
    datum: r.datum,
    tijdStart: r.tijd_start,
    tijdEind: r.tijd_eind,
    locatie: r.locatie,
    status: r.status,
    aantalDeelnemers: r.aantal_deelnemers,
    aantalOpenActies: r.aantal_open,
  };
}

const toAction = (r: ActionRow): EvaluationAction => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  omschrijving: r.omschrijving,
  eigenaar: r.eigenaar,
  deadline: r.deadline,
  status: r.status,
  gedaanOp: r.gedaan_op,
  evaluatieDatum: r.evaluatie_datum,
});

const ACTION_SQL = `SELECT a.*, e.datum AS evaluatie_datum FROM evaluation_action a JOIN evaluation e ON e.id = a.evaluation_id`;

export function listEvaluations(db: DB, schooljaar?: string): EvaluationSummary[] {
  const rows = (
    schooljaar
      ? db.prepare(`${SUMMARY_SQL} WHERE e.schooljaar = ? ORDER BY e.datum DESC, e.id DESC`).all(schooljaar)
      : db.prepare(`${SUMMARY_SQL} ORDER BY e.datum DESC, e.id DESC`).all()
  ) as SummaryRow[];
  return rows.map(toSummary);
}

export function getEvaluation(db: DB, id: number): Evaluation {
  const r = db.prepare(`${SUMMARY_SQL} WHERE e.id = ?`).get(id) as SummaryRow | undefined;
  if (!r) throw notFound('Deze evaluatie');
  const deelnemers = (
    db.prepare('SELECT * FROM evaluation_participant WHERE evaluation_id = ? ORDER BY volgorde, id').all(id) as ParticipantRow[]
  ).map((p): Participant => ({
    id: p.id,
    personId: p.person_id,
    naam: p.naam,
    rol: p.rol,
    email: p.email,
    aanwezig: p.aanwezig === null ? null : p.aanwezig === 1,
  }));
  const besluiten = (
    db
      .prepare(
        `SELECT d.id, d.tekst, d.protocol_id, v.versie, v.ingangsdatum, v.vastgesteld_op, v.mr_instemming_op
         FROM evaluation_decision d LEFT JOIN protocol_version v ON v.id = d.protocol_id
         WHERE d.evaluation_id = ? ORDER BY d.volgorde, d.id`,
      )
      .all(id) as {
      id: number;
      tekst: string;
      protocol_id: number | null;
      versie: string | null;
      ingangsdatum: string | null;
      vastgesteld_op: string | null;
      mr_instemming_op: string | null;
    }[]
  ).map((d): Decision => ({
    id: d.id,
    tekst: d.tekst,
    protocolId: d.protocol_id,
    protocol:
      d.protocol_id !== null && d.versie !== null
        ? {
            id: d.protocol_id,
            versie: d.versie,
            ingangsdatum: d.ingangsdatum as string,
            vastgesteldOp: d.vastgesteld_op,
            mrInstemmingOp: d.mr_instemming_op,
          }
        : null,
  }));
  const acties = (db.prepare(`${ACTION_SQL} WHERE a.evaluation_id = ? ORDER BY a.volgorde, a.id`).all(id) as ActionRow[]).map(toAction);
  const volgende = db.prepare('SELECT id FROM evaluation WHERE vorige_id = ? ORDER BY id LIMIT 1').get(id) as { id: number } | undefined;
  return {
    ...toSummary(r),
    agenda: r.agenda,
    notulen: r.notulen,
    deelnemers,
    besluiten,
    acties,
    geslotenOp: r.gesloten_op,
    vorigeId: r.vorige_id,
    volgendeId: volgende?.id ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type PlanInput = Parsed<'evaluations.plan'>;

function checkPlan(ctx: Ctx, p: PlanInput): void {
  if (p.tijdEind <= p.tijdStart) throw fieldError('tijdEind', 'De eindtijd ligt niet na de begintijd.');
  if (!p.deelnemers.some((d) => d.rol === 'anti_pestcoordinator')) {
    throw fieldError('deelnemers', 'Voeg de anti-pestcoördinator toe als deelnemer: de evaluatie gebeurt samen met de anti-pestcoördinator.');
  }
  p.deelnemers.forEach((d, i) => {
    if (d.personId != null && !ctx.db.prepare('SELECT 1 FROM person WHERE id = ?').get(d.personId)) {
      throw fieldError(`deelnemers.${i}.personId`, 'Deze persoon bestaat niet (meer).');
    }
  });
}

function writeParticipants(
  ctx: Ctx,
  evaluationId: number,
  deelnemers: PlanInput['deelnemers'],
  keepAttendance: Map<string, number | null>,
): void {
  ctx.db.prepare('DELETE FROM evaluation_participant WHERE evaluation_id = ?').run(evaluationId);
  const ins = ctx.db.prepare(
    'INSERT INTO evaluation_participant (evaluation_id, volgorde, person_id, naam, rol, email, aanwezig) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  deelnemers.forEach((d, i) =>
    ins.run(evaluationId, i, d.personId ?? null, d.naam, d.rol, d.email ?? null, keepAttendance.get(`${d.rol}|${d.naam}`) ?? null),
  );
}

function assertOpen(e: Evaluation): void {
  if (e.status === 'gesloten') throw new CoreError('CONFLICT', 'Deze evaluatie is gesloten en kan niet meer worden gewijzigd.');
}

export function planEvaluation(ctx: Ctx, p: PlanInput, vorigeId: number | null = null): Evaluation {
  checkPlan(ctx, p);
  const now = ctx.nowIso();
  const evaluatieSchooljaar = p.evaluatieSchooljaar ?? defaultEvaluatieSchooljaar(p.datum);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO evaluation (schooljaar, evaluatie_schooljaar, datum, tijd_start, tijd_eind, locatie, agenda, status, vorige_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'gepland', ?, ?, ?)`,
      )
      .run(
        schoolYearOf(p.datum),
        evaluatieSchooljaar,
        p.datum,
        p.tijdStart,
        p.tijdEind,
        p.locatie ?? null,
        p.agenda?.trim() ? p.agenda : defaultAgenda(evaluatieSchooljaar),
        vorigeId,
        now,
        now,
      ).lastInsertRowid,
  );
  writeParticipants(ctx, id, p.deelnemers, new Map());
  const after = getEvaluation(ctx.db, id);
  ctx.audit('evaluatie', id, 'gepland', null, after);
  return after;
}

export function updateEvaluation(ctx: Ctx, p: Parsed<'evaluations.update'>): Evaluation {
  const before = getEvaluation(ctx.db, p.id);
  assertOpen(before);
  checkPlan(ctx, p);
  ctx.db
    .prepare(
      `UPDATE evaluation SET schooljaar = ?, evaluatie_schooljaar = ?, datum = ?, tijd_start = ?, tijd_eind = ?, locatie = ?, agenda = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      schoolYearOf(p.datum),
      p.evaluatieSchooljaar ?? before.evaluatieSchooljaar,
      p.datum,
      p.tijdStart,
      p.tijdEind,
      p.locatie ?? null,
      p.agenda?.trim() ? p.agenda : defaultAgenda(p.evaluatieSchooljaar ?? before.evaluatieSchooljaar),
      ctx.nowIso(),
      p.id,
    );
  // Attendance already recorded stays with the same person in the same role.
  writeParticipants(
    ctx,
    p.id,
    p.deelnemers,
    new Map(before.deelnemers.map((d) => [`${d.rol}|${d.naam}`, d.aanwezig === null ? null : d.aanwezig ? 1 : 0])),
  );
  const after = getEvaluation(ctx.db, p.id);
  ctx.audit('evaluatie', p.id, 'gewijzigd', before, after);
  return after;
}

export function recordEvaluation(ctx: Ctx, p: Parsed<'evaluations.record'>): Evaluation {
  const before = getEvaluation(ctx.db, p.id);
  assertOpen(before);
  if (before.datum > ctx.today()) {
    throw new CoreError('REGEL', `Het overleg is gepland op ${dutchLongDate(before.datum)}. Leg de uitkomsten vast op of na die dag.`);
  }
  const db = ctx.db;
  const participantIds = new Set(before.deelnemers.map((d) => d.id));
  p.aanwezig.forEach((a, i) => {
    if (!participantIds.has(a.participantId))
      throw fieldError(`aanwezig.${i}.participantId`, 'Deze deelnemer hoort niet bij deze evaluatie.');
    db.prepare('UPDATE evaluation_participant SET aanwezig = ? WHERE id = ?').run(a.aanwezig ? 1 : 0, a.participantId);
  });

  // Decisions keep their id (and a started protocol version) when they come back with it.
  const oldDecisions = new Map(before.besluiten.map((d) => [d.id, d]));
  const keptDecisions = new Set<number>();
  p.besluiten.forEach((d, i) => {
    if (d.id !== undefined) {
      if (!oldDecisions.has(d.id)) throw fieldError(`besluiten.${i}.id`, 'Dit besluit hoort niet bij deze evaluatie.');
      keptDecisions.add(d.id);
      db.prepare('UPDATE evaluation_decision SET volgorde = ?, tekst = ? WHERE id = ?').run(i, d.tekst, d.id);
    } else {
      db.prepare('INSERT INTO evaluation_decision (evaluation_id, volgorde, tekst) VALUES (?, ?, ?)').run(p.id, i, d.tekst);
    }
  });
  for (const d of before.besluiten) {
    if (keptDecisions.has(d.id)) continue;
    if (d.protocolId !== null)
      throw fieldError(
        'besluiten',
        `Het besluit "${d.tekst.slice(0, 60)}" heeft een nieuwe protocolversie gestart en blijft daarom staan.`,
      );
    db.prepare('DELETE FROM evaluation_decision WHERE id = ?').run(d.id);
  }

  const oldActions = new Map(before.acties.map((a) => [a.id, a]));
  const keptActions = new Set<number>();
  p.acties.forEach((a, i) => {
    const gedaanOp = a.status === 'gedaan' ? ((a.id !== undefined ? oldActions.get(a.id)?.gedaanOp : null) ?? ctx.today()) : null;
    if (a.id !== undefined) {
      if (!oldActions.has(a.id)) throw fieldError(`acties.${i}.id`, 'Deze actie hoort niet bij deze evaluatie.');
      keptActions.add(a.id);
      db.prepare(
        'UPDATE evaluation_action SET volgorde = ?, omschrijving = ?, eigenaar = ?, deadline = ?, status = ?, gedaan_op = ? WHERE id = ?',
      ).run(i, a.omschrijving, a.eigenaar, a.deadline ?? null, a.status, gedaanOp, a.id);
    } else {
      db.prepare(
        'INSERT INTO evaluation_action (evaluation_id, volgorde, omschrijving, eigenaar, deadline, status, gedaan_op) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(p.id, i, a.omschrijving, a.eigenaar, a.deadline ?? null, a.status, gedaanOp);
    }
  });
  for (const a of before.acties) if (!keptActions.has(a.id)) db.prepare('DELETE FROM evaluation_action WHERE id = ?').run(a.id);

  db.prepare(`UPDATE evaluation SET notulen = ?, status = 'gehouden', updated_at = ? WHERE id = ?`).run(p.notulen, ctx.nowIso(), p.id);
  const after = getEvaluation(db, p.id);
  ctx.audit('evaluatie', p.id, 'vastgelegd', before, after);
  return after;
}

/** Closes a held evaluation and plans next school year's, with the same people, place and times. */
export function closeEvaluation(ctx: Ctx, id: number): { gesloten: Evaluation; volgende: Evaluation } {
  const before = getEvaluation(ctx.db, id);
  if (before.status === 'gesloten') throw new CoreError('CONFLICT', 'Deze evaluatie is al gesloten.');
  if (before.status !== 'gehouden')
    throw new CoreError('REGEL', 'Leg eerst de notulen, besluiten en acties van het overleg vast; daarna kunt u de evaluatie sluiten.');
  ctx.db
    .prepare(`UPDATE evaluation SET status = 'gesloten', gesloten_op = ?, updated_at = ? WHERE id = ?`)
    .run(ctx.nowIso(), ctx.nowIso(), id);
  const gesloten = getEvaluation(ctx.db, id);
  ctx.audit('evaluatie', id, 'gesloten', before, gesloten);

  const datum = sameMonthNextYear(before.datum);
  // Someone may already have planned next year's meeting by hand: link that one instead of doubling it.
  const existing = ctx.db
    .prepare(`SELECT id FROM evaluation WHERE schooljaar = ? AND status <> 'gesloten' AND id <> ? ORDER BY datum LIMIT 1`)
    .get(schoolYearOf(datum), id) as { id: number } | undefined;
  let volgende: Evaluation;
  if (existing) {
    ctx.db.prepare('UPDATE evaluation SET vorige_id = coalesce(vorige_id, ?) WHERE id = ?').run(id, existing.id);
    volgende = getEvaluation(ctx.db, existing.id);
  } else {
    volgende = planEvaluation(
      ctx,
      {
        datum,
        tijdStart: before.tijdStart,
        tijdEind: before.tijdEind,
        locatie: before.locatie,
        agenda: null,
        evaluatieSchooljaar: defaultEvaluatieSchooljaar(datum),
        deelnemers: before.deelnemers.map((d) => ({ personId: d.personId, naam: d.naam, rol: d.rol, email: d.email })),
      },
      id,
    );
  }
  return { gesloten: getEvaluation(ctx.db, id), volgende };
}

export function openActions(db: DB): EvaluationAction[] {
  return (db.prepare(`${ACTION_SQL} WHERE a.status = 'open' ORDER BY a.deadline IS NULL, a.deadline, a.id`).all() as ActionRow[]).map(
    toAction,
  );
}

export function getAction(db: DB, actionId: number): EvaluationAction {
  const r = db.prepare(`${ACTION_SQL} WHERE a.id = ?`).get(actionId) as ActionRow | undefined;
  if (!r) throw notFound('Deze actie');
  return toAction(r);
}

/** Actions are carried out after the meeting, so their status can change after it was closed. */
export function setActionStatus(ctx: Ctx, actionId: number, status: 'open' | 'gedaan'): EvaluationAction {
  const before = getAction(ctx.db, actionId);
  if (before.status === status) return before;
  ctx.db
    .prepare('UPDATE evaluation_action SET status = ?, gedaan_op = ? WHERE id = ?')
    .run(status, status === 'gedaan' ? ctx.today() : null, actionId);
  const after = getAction(ctx.db, actionId);
  ctx.audit('evaluatie_actie', actionId, status === 'gedaan' ? 'afgerond' : 'heropend', before, after);
  return after;
}
