// The data-breach register (datalekkenregister, DOMAIN.md §6.9, AVG art. 33): every breach is
// recorded (a lost export is one); where there is a risk for the people involved it must be
// reported to the Autoriteit Persoonsgegevens within 72 hours of discovery — that deadline is on
// the dashboard until the report date is filled in.
import type { DB } from '../db/open';
import type { Ctx } from '../core/context';
import { fieldError, notFound } from '../core/errors';
import type { DataBreach } from '../../shared/api/trust';
import type { Page } from '../../shared/api/common';
import type { Parsed } from '../../shared/api';

interface Row {
  id: number;
  omschrijving: string;
  ontdekt_op: string;
  voorgevallen_op: string | null;
  betrokkenen: string;
  aantal_betrokkenen: number | null;
  soort_gegevens: string | null;
  risico: number;
  risico_toelichting: string | null;
  maatregelen: string | null;
  ap_gemeld_op: string | null;
  ap_kenmerk: string | null;
  betrokkenen_geinformeerd_op: string | null;
  afgesloten_op: string | null;
}

export const AP_HOURS = 72;

function toBreach(r: Row, now: Date): DataBreach {
  const deadline = r.risico ? new Date(Date.parse(r.ontdekt_op) + AP_HOURS * 3600 * 1000).toISOString() : null;
  return {
    id: r.id,
    omschrijving: r.omschrijving,
    ontdektOp: r.ontdekt_op,
    voorgevallenOp: r.voorgevallen_op,
    betrokkenen: r.betrokkenen,
    aantalBetrokkenen: r.aantal_betrokkenen,
    soortGegevens: r.soort_gegevens,
    risico: !!r.risico,
    risicoToelichting: r.risico_toelichting,
    maatregelen: r.maatregelen,
    apGemeldOp: r.ap_gemeld_op,
    apKenmerk: r.ap_kenmerk,
    betrokkenenGeinformeerdOp: r.betrokkenen_geinformeerd_op,
    afgeslotenOp: r.afgesloten_op,
    apUiterlijk: deadline,
    apTeLaat: !!deadline && !r.ap_gemeld_op && now.toISOString() > deadline,
  };
}

function row(db: DB, id: number): Row {
  const r = db.prepare('SELECT * FROM data_breach WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound('Dit datalek');
  return r;
}

export const getBreach = (db: DB, id: number, now: Date) => toBreach(row(db, id), now);

export function listBreaches(db: DB, now: Date, q: { offset: number; limit: number; open?: boolean }): Page<DataBreach> {
  const w = q.open === undefined ? '' : q.open ? 'WHERE afgesloten_op IS NULL' : 'WHERE afgesloten_op IS NOT NULL';
  const total = (db.prepare(`SELECT count(*) AS n FROM data_breach ${w}`).get() as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM data_breach ${w} ORDER BY ontdekt_op DESC, id DESC LIMIT ? OFFSET ?`)
    .all(q.limit, q.offset) as Row[];
  return { rows: rows.map((r) => toBreach(r, now)), total };
}

type BreachInput = Parsed<'trust.breaches.create'>;

const norm = (iso: string) => new Date(iso).toISOString();

function check(ctx: Ctx, p: BreachInput): void {
  const now = ctx.nowIso();
  const ontdekt = norm(p.ontdektOp);
  // A minute of slack for a clock that is slightly behind the form.
  if (Date.parse(ontdekt) > ctx.now().getTime() + 60_000) throw fieldError('ontdektOp', 'Het moment van ontdekken ligt in de toekomst.');
  if (p.voorgevallenOp && p.voorgevallenOp > ontdekt.slice(0, 10))
    throw fieldError('voorgevallenOp', 'Het lek kan niet na de ontdekking zijn gebeurd.');
  if (p.apGemeldOp) {
    if (!p.risico)
      throw fieldError(
        'apGemeldOp',
        'Zonder risico hoeft het lek niet bij de Autoriteit Persoonsgegevens te worden gemeld; zet "risico" aan of laat de meldingsdatum leeg.',
      );
    if (norm(p.apGemeldOp) < ontdekt)
      throw fieldError('apGemeldOp', 'De melding bij de Autoriteit Persoonsgegevens ligt vóór de ontdekking.');
    if (norm(p.apGemeldOp) > now) throw fieldError('apGemeldOp', 'De melding bij de Autoriteit Persoonsgegevens ligt in de toekomst.');
  }
  if (p.afgeslotenOp && p.afgeslotenOp < ontdekt.slice(0, 10))
    throw fieldError('afgeslotenOp', 'Het dossier kan niet vóór de ontdekking zijn afgesloten.');
  if (p.afgeslotenOp && p.risico && !p.apGemeldOp) {
    throw fieldError(
      'afgeslotenOp',
      'Een lek met risico kan pas worden afgesloten als de melding bij de Autoriteit Persoonsgegevens is vastgelegd.',
    );
  }
}

const columns = (p: BreachInput) => ({
  omschrijving: p.omschrijving,
  ontdekt_op: norm(p.ontdektOp),
  voorgevallen_op: p.voorgevallenOp ?? null,
  betrokkenen: p.betrokkenen,
  aantal_betrokkenen: p.aantalBetrokkenen ?? null,
  soort_gegevens: p.soortGegevens ?? null,
  risico: p.risico ? 1 : 0,
  risico_toelichting: p.risicoToelichting ?? null,
  maatregelen: p.maatregelen ?? null,
  ap_gemeld_op: p.apGemeldOp ? norm(p.apGemeldOp) : null,
  ap_kenmerk: p.apKenmerk ?? null,
  betrokkenen_geinformeerd_op: p.betrokkenenGeinformeerdOp ?? null,
  afgesloten_op: p.afgeslotenOp ?? null,
});

export function createBreach(ctx: Ctx, p: BreachInput): DataBreach {
  check(ctx, p);
  const cols = columns(p);
  const names = Object.keys(cols);
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO data_breach (${names.join(', ')}, created_at, updated_at) VALUES (${names.map((n) => '@' + n).join(', ')}, @now, @now)`,
      )
      .run({ ...cols, now }).lastInsertRowid,
  );
  const after = getBreach(ctx.db, id, ctx.now());
  ctx.audit('datalek', id, 'geregistreerd', null, after);
  return after;
}

export function updateBreach(ctx: Ctx, p: BreachInput & { id: number }): DataBreach {
  const before = getBreach(ctx.db, p.id, ctx.now());
  check(ctx, p);
  const cols = columns(p);
  ctx.db
    .prepare(
      `UPDATE data_breach SET ${Object.keys(cols)
        .map((n) => `${n} = @${n}`)
        .join(', ')}, updated_at = @now WHERE id = @id`,
    )
    .run({ ...cols, now: ctx.nowIso(), id: p.id });
  const after = getBreach(ctx.db, p.id, ctx.now());
  ctx.audit('datalek', p.id, 'gewijzigd', before, after);
  return after;
}

/** Breaches with a risk that are not reported to the AP yet (deadline first), for the dashboard. */
export function unreportedBreaches(db: DB, now: Date): DataBreach[] {
  const rows = db.prepare('SELECT * FROM data_breach WHERE risico = 1 AND ap_gemeld_op IS NULL ORDER BY ontdekt_op').all() as Row[];
  return rows.map((r) => toBreach(r, now));
}
