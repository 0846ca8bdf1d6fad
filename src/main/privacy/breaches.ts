// The data-breach register (datalekkenregister): every breach is recorded (a lost
// export is one; AVG art. 33 lid 5). Where there is a risk for the people involved it must be reported
// to the Autoriteit Persoonsgegevens within 72 hours of discovery (art. 33); where the risk is high,
// the people affected must also be informed without undue delay unless an exception of art. 34 lid 3
// applies (art. 34). Both stay on the dashboard until done.
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { fieldError, notFound } from '../errors/errors';
import type { BetrokkenenUitzondering, DataBreach, TrustAttention } from '@shared/api/trust';
import type { Page } from '@shared/api/common';
import type { Parsed } from '@shared/api';

interface Row {
  id: number;
  omschrijving: string;
  ontdekt_op: string;
  voorgevallen_op: string | null;
  betrokkenen: string;
  aantal_betrokkenen: number | null;
  soort_gegevens: string | null;
  risico: number;
  hoog_risico: number;
  risico_toelichting: string | null;
  maatregelen: string | null;
  ap_gemeld_op: string | null;
  ap_kenmerk: string | null;
  betrokkenen_geinformeerd_op: string | null;
  betrokkenen_uitzondering: BetrokkenenUitzondering | null;
  betrokkenen_uitzondering_reden: string | null;
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
    hoogRisico: !!r.hoog_risico,
    risicoToelichting: r.risico_toelichting,
    maatregelen: r.maatregelen,
    apGemeldOp: r.ap_gemeld_op,
    apKenmerk: r.ap_kenmerk,
    betrokkenenGeinformeerdOp: r.betrokkenen_geinformeerd_op,
    betrokkenenUitzondering: r.betrokkenen_uitzondering,
    betrokkenenUitzonderingReden: r.betrokkenen_uitzondering_reden,
    afgeslotenOp: r.afgesloten_op,
    apUiterlijk: deadline,
    apTeLaat: !!deadline && !r.ap_gemeld_op && now.toISOString() > deadline,
    betrokkenenInformeren: !!r.hoog_risico && !r.betrokkenen_geinformeerd_op && !r.betrokkenen_uitzondering,
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
  checkHighRisk(ctx, p, ontdekt.slice(0, 10));
  if (p.afgeslotenOp && p.afgeslotenOp < ontdekt.slice(0, 10))
    throw fieldError('afgeslotenOp', 'Het dossier kan niet vóór de ontdekking zijn afgesloten.');
  if (p.afgeslotenOp && p.risico && !p.apGemeldOp) {
    throw fieldError(
      'afgeslotenOp',
      'Een lek met risico kan pas worden afgesloten als de melding bij de Autoriteit Persoonsgegevens is vastgelegd.',
    );
  }
  if (p.afgeslotenOp && p.hoogRisico && !p.betrokkenenGeinformeerdOp && !p.betrokkenenUitzondering) {
    throw fieldError(
      'afgeslotenOp',
      'Een lek met hoog risico kan pas worden afgesloten als is vastgelegd wanneer de betrokkenen zijn geïnformeerd, of welke uitzondering van AVG art. 34 lid 3 geldt.',
    );
  }
}

/** A high risk (AVG art. 34): informing the people affected, or the exception of lid 3 and why. */
function checkHighRisk(ctx: Ctx, p: BreachInput, ontdektDag: string): void {
  if (p.hoogRisico && !p.risico)
    throw fieldError('hoogRisico', 'Een hoog risico is ook een risico: zet ook "risico" aan (melden bij de Autoriteit Persoonsgegevens).');
  if (p.betrokkenenGeinformeerdOp) {
    if (p.betrokkenenGeinformeerdOp < ontdektDag)
      throw fieldError('betrokkenenGeinformeerdOp', 'De betrokkenen kunnen niet vóór de ontdekking over het lek zijn geïnformeerd.');
    if (p.betrokkenenGeinformeerdOp > ctx.today())
      throw fieldError('betrokkenenGeinformeerdOp', 'De datum waarop de betrokkenen zijn geïnformeerd ligt in de toekomst.');
  }
  if (p.betrokkenenUitzondering && !p.hoogRisico)
    throw fieldError(
      'betrokkenenUitzondering',
      'Een uitzondering op het informeren van de betrokkenen (AVG art. 34 lid 3) geldt alleen bij een hoog risico.',
    );
  if (p.betrokkenenUitzondering && !p.betrokkenenUitzonderingReden?.trim())
    throw fieldError(
      'betrokkenenUitzonderingReden',
      p.betrokkenenUitzondering === 'onevenredig'
        ? 'Leg uit waarom informeren onevenredig veel moeite kost, en hoe de betrokkenen in plaats daarvan openbaar zijn geïnformeerd.'
        : 'Leg uit waarom deze uitzondering geldt.',
    );
  if (p.betrokkenenUitzonderingReden?.trim() && !p.betrokkenenUitzondering)
    throw fieldError('betrokkenenUitzondering', 'Kies welke uitzondering van AVG art. 34 lid 3 geldt, of laat de toelichting leeg.');
}

const columns = (p: BreachInput) => ({
  omschrijving: p.omschrijving,
  ontdekt_op: norm(p.ontdektOp),
  voorgevallen_op: p.voorgevallenOp ?? null,
  betrokkenen: p.betrokkenen,
  aantal_betrokkenen: p.aantalBetrokkenen ?? null,
  soort_gegevens: p.soortGegevens ?? null,
  risico: p.risico ? 1 : 0,
  hoog_risico: p.hoogRisico ? 1 : 0,
  risico_toelichting: p.risicoToelichting ?? null,
  maatregelen: p.maatregelen ?? null,
  ap_gemeld_op: p.apGemeldOp ? norm(p.apGemeldOp) : null,
  ap_kenmerk: p.apKenmerk ?? null,
  betrokkenen_geinformeerd_op: p.betrokkenenGeinformeerdOp ?? null,
  betrokkenen_uitzondering: p.betrokkenenUitzondering ?? null,
  betrokkenen_uitzondering_reden: p.betrokkenenUitzondering ? (p.betrokkenenUitzonderingReden ?? null) : null,
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

/**
 * The open breach tasks for the dashboard: the report to the AP (72-hour deadline first) and, for a
 * high risk, informing the people affected — "onverwijld", without a fixed term, so it stands today
 * until the date or an exception is recorded.
 */
export function breachTasks(db: DB, now: Date): TrustAttention[] {
  const rows = db
    .prepare(
      `SELECT * FROM data_breach WHERE (risico = 1 AND ap_gemeld_op IS NULL)
          OR (hoog_risico = 1 AND betrokkenen_geinformeerd_op IS NULL AND betrokkenen_uitzondering IS NULL)
        ORDER BY ontdekt_op, id`,
    )
    .all() as Row[];
  const out: TrustAttention[] = [];
  for (const b of rows.map((r) => toBreach(r, now))) {
    const wat = b.omschrijving.slice(0, 80);
    if (b.risico && !b.apGemeldOp)
      out.push({
        soort: 'datalek',
        titel: `Datalek melden bij de Autoriteit Persoonsgegevens (binnen 72 uur na ontdekking): ${wat}`,
        uiterlijk: b.apUiterlijk,
        teLaat: b.apTeLaat,
        id: b.id,
      });
    if (b.betrokkenenInformeren)
      out.push({
        soort: 'datalek',
        titel: `Betrokkenen onverwijld informeren over het datalek (hoog risico, AVG art. 34): ${wat}`,
        uiterlijk: null,
        teLaat: false,
        id: b.id,
      });
  }
  return out;
}
