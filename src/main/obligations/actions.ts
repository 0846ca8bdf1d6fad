// What a person does with an obligation: mark it done (who, date, for the sexual-offence path also the
// time; for a decision step the outcome), mark it not applicable (why), or reopen it after a mistake.
// Each is audited and followed by a recompute of its source, since later steps can depend on it
// (the objection term runs from the letter's real date; "no aangifte" ends the path).
import type { Ctx } from '../context/context';
import { CoreError, fieldError, notFound } from '../errors/errors';
import type { Obligation } from '@shared/api/obligations';
import { getObligation, obligationRow } from './store';
import type { ObligationRow } from './store';
import { recomputeIncident, reopened } from './recompute';
import { afterMeasureSaved } from './reactions';

function recomputeSource(ctx: Ctx, r: ObligationRow): void {
  if (r.bron === 'maatregel') afterMeasureSaved(ctx, r.bron_id);
  else recomputeIncident(ctx, r.bron_id);
}

function write(ctx: Ctx, before: ObligationRow, patch: Partial<ObligationRow>, action: string): Obligation {
  const cols = Object.keys(patch);
  ctx.db.prepare(`UPDATE obligation SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({
    ...patch,
    updated_at: ctx.nowIso(),
    id: before.id,
  });
  ctx.audit('verplichting', before.id, action, before, obligationRow(ctx.db, before.id));
  recomputeSource(ctx, before);
  return getObligation(ctx.db, before.id, ctx.today());
}

const requireRow = (ctx: Ctx, id: number) => {
  const r = obligationRow(ctx.db, id);
  if (!r) throw notFound('Deze verplichting');
  return r;
};

export interface DoneInput {
  id: number;
  door: string;
  datum: string;
  tijd?: string | null;
  uitkomst?: 'aangifte' | 'geen_aangifte' | null;
  toelichting?: string | null;
}

export function markDone(ctx: Ctx, d: DoneInput): Obligation {
  const r = requireRow(ctx, d.id);
  if (d.datum > ctx.today()) throw fieldError('datum', 'Deze datum ligt in de toekomst.');
  if (r.tijd_verplicht && !d.tijd) throw fieldError('tijd', 'Vul ook de tijd in: bij deze stap tellen datum én tijd.');
  if (r.beslissing && !d.uitkomst) throw fieldError('uitkomst', 'Kies het besluit: aangifte of geen aangifte.');
  if (!r.beslissing && d.uitkomst) throw fieldError('uitkomst', 'Bij deze stap hoort geen besluit over aangifte.');
  // A warning is settled by weighing it: what was weighed, and what follows, is part of the record.
  if (r.waarschuwing && !d.toelichting?.trim()) throw fieldError('toelichting', 'Schrijf op wat u heeft afgewogen en wat u ermee doet.');
  return write(
    ctx,
    r,
    {
      status: 'gedaan',
      gedaan_op: d.datum,
      gedaan_tijd: d.tijd ?? null,
      gedaan_door: d.door,
      uitkomst: d.uitkomst ?? null,
      toelichting: d.toelichting ?? null,
      nvt_reden: null,
      door_systeem: null,
    },
    'gedaan',
  );
}

export function markNotApplicable(ctx: Ctx, id: number, reden: string): Obligation {
  const r = requireRow(ctx, id);
  if (r.urgent && r.regel !== 'zeden.informeren' && r.regel !== 'zeden.aangifte') {
    // The first steps of the sexual-offence path are never optional (docs/LAW.md).
    throw new CoreError(
      'REGEL',
      'Deze stap van de meldplicht bij een mogelijk zedendelict is altijd nodig en kan niet als "niet van toepassing" worden gemarkeerd.',
    );
  }
  return write(
    ctx,
    r,
    {
      status: 'nvt',
      nvt_reden: reden,
      gedaan_op: ctx.today(),
      gedaan_tijd: null,
      gedaan_door: ctx.actor,
      uitkomst: null,
      door_systeem: null,
    },
    'niet van toepassing',
  );
}

export function reopen(ctx: Ctx, id: number): Obligation {
  const r = requireRow(ctx, id);
  if (r.status === 'open') return getObligation(ctx.db, id, ctx.today());
  return write(ctx, r, reopened, 'heropend');
}
