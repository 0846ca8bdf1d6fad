// A decision of the evaluation can start a new protocol version: the version it
// replaces is copied through the protocols API with every rule's id, so each new rule continues
// the old one (incidents keep their meaning); the school then edits it and records its adoption by
// the MT and the MR's consent. The protocols concept stays the owner of all protocol rules.
import type { Ctx } from '../context/context';
import type { Parsed } from '@shared/api';
import { api } from '@shared/api';
import type { ProtocolVersion } from '@shared/api/protocols';
import type { Evaluation } from '@shared/api/calendar';
import { protocolsHandlers } from '../protocols/handlers';
import { CoreError, fieldError } from '../errors/errors';
import { dutchLongDate } from '@shared/dates';
import { getEvaluation } from './evaluations';

function decisionOf(ctx: Ctx, evaluationId: number, besluitId: number) {
  const evaluation = getEvaluation(ctx.db, evaluationId);
  const besluit = evaluation.besluiten.find((d) => d.id === besluitId);
  if (!besluit) throw fieldError('besluitId', 'Dit besluit hoort niet bij deze evaluatie.');
  return { evaluation, besluit };
}

/** The protocols API's own handlers, called with input validated against its own contract. */
const createProtocol = (ctx: Ctx, input: unknown) =>
  protocolsHandlers['protocols.create'](api['protocols.create'].input.parse(input), ctx) as ProtocolVersion;
const updateProtocol = (ctx: Ctx, input: unknown) =>
  protocolsHandlers['protocols.update'](api['protocols.update'].input.parse(input), ctx) as ProtocolVersion;
const getProtocol = (ctx: Ctx, id: number) => protocolsHandlers['protocols.get']({ id }, ctx) as ProtocolVersion;

const bodyOf = (v: ProtocolVersion) =>
  v.secties.map((s) => ({
    nummer: s.nummer,
    titel: s.titel,
    regels: s.regels.map((r) => ({ id: r.id, nummer: r.nummer, tekst: r.tekst })),
  }));

export function startProtocolVersion(
  ctx: Ctx,
  p: Parsed<'evaluations.startProtocol'>,
): { evaluation: Evaluation; protocol: ProtocolVersion } {
  const { evaluation, besluit } = decisionOf(ctx, p.id, p.besluitId);
  if (evaluation.status === 'gepland')
    throw new CoreError('REGEL', 'Leg eerst het overleg vast; een besluit uit het overleg kan daarna een nieuwe protocolversie starten.');
  if (besluit.protocolId !== null) throw new CoreError('CONFLICT', 'Dit besluit heeft al een nieuwe protocolversie gestart.');
  // The version the new one replaces: the newest that is in force by the new version's start date.
  const base = ctx.db
    .prepare('SELECT id FROM protocol_version WHERE ingangsdatum <= ? ORDER BY ingangsdatum DESC, id DESC LIMIT 1')
    .get(p.ingangsdatum) as { id: number } | undefined;
  if (!base)
    throw fieldError(
      'ingangsdatum',
      'Er is vóór deze datum geen protocolversie om op voort te bouwen. Leg eerst het huidige protocol vast.',
    );
  const vorige = getProtocol(ctx, base.id);
  if (vorige.ingangsdatum === p.ingangsdatum)
    throw fieldError('ingangsdatum', `Versie ${vorige.versie} gaat al op deze datum in. Kies een latere ingangsdatum.`);
  const protocol = createProtocol(ctx, {
    titel: vorige.titel,
    versie: p.versie,
    ingangsdatum: p.ingangsdatum,
    vastgesteldOp: null,
    mrInstemmingOp: null,
    notities: `Gestart door een besluit van de evaluatie van ${dutchLongDate(evaluation.datum)}: ${besluit.tekst}`.slice(0, 5000),
    secties: bodyOf(vorige),
  });
  ctx.db.prepare('UPDATE evaluation_decision SET protocol_id = ? WHERE id = ?').run(protocol.id, besluit.id);
  ctx.audit(
    'evaluatie_besluit',
    besluit.id,
    'protocolversie_gestart',
    { protocolId: null },
    { protocolId: protocol.id, versie: protocol.versie, vorigeVersie: vorige.versie },
  );
  return { evaluation: getEvaluation(ctx.db, p.id), protocol };
}

export function adoptProtocolVersion(
  ctx: Ctx,
  p: Parsed<'evaluations.adoptProtocol'>,
): { evaluation: Evaluation; protocol: ProtocolVersion } {
  const { besluit } = decisionOf(ctx, p.id, p.besluitId);
  if (besluit.protocolId === null) throw new CoreError('REGEL', 'Dit besluit heeft nog geen nieuwe protocolversie gestart.');
  const v = getProtocol(ctx, besluit.protocolId);
  const protocol = updateProtocol(ctx, {
    id: v.id,
    titel: v.titel,
    versie: v.versie,
    ingangsdatum: v.ingangsdatum,
    vastgesteldOp: p.vastgesteldOp,
    mrInstemmingOp: p.mrInstemmingOp ?? null,
    notities: v.notities,
    secties: bodyOf(v),
  });
  ctx.audit('evaluatie_besluit', besluit.id, 'protocolversie_vastgesteld', null, {
    protocolId: v.id,
    vastgesteldOp: p.vastgesteldOp,
    mrInstemmingOp: p.mrInstemmingOp ?? null,
  });
  return { evaluation: getEvaluation(ctx.db, p.id), protocol };
}
