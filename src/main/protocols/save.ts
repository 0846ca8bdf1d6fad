// Creating and editing protocol versions. Rule ids stay stable when a rule is kept (the input
// carries its id), so incidents keep citing the same rule; a rule that an incident cites cannot be
// removed. A rule id from another version marks the new rule as its continuation (vorige_regel_id).
import type { Ctx } from '../context/context';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { ProtocolVersion } from '@shared/api/protocols';
import { getProtocol, rulesById } from './read';

type ProtocolParsed = Parsed<'protocols.create'>;

function checkStructure(ctx: Ctx, p: ProtocolParsed, selfId: number | null): void {
  const fields: Record<string, string> = {};
  const sectionNumbers = new Map<string, number>();
  const ruleIds = new Set<number>();
  p.secties.forEach((s, i) => {
    if (s.nummer) {
      if (sectionNumbers.has(s.nummer)) fields[`secties.${i}.nummer`] = `Onderdeel ${s.nummer} komt twee keer voor.`;
      sectionNumbers.set(s.nummer, i);
    }
    const numbers = new Set<string>();
    s.regels.forEach((r, j) => {
      if (numbers.has(r.nummer)) fields[`secties.${i}.regels.${j}.nummer`] = `Regelnummer ${r.nummer} komt twee keer voor in dit onderdeel.`;
      numbers.add(r.nummer);
      if (r.id !== undefined) {
        if (ruleIds.has(r.id)) fields[`secties.${i}.regels.${j}.id`] = 'Deze regel staat twee keer in het protocol.';
        ruleIds.add(r.id);
      }
    });
  });
  const keys = Object.keys(fields);
  if (keys.length) throw new CoreError('VALIDATIE', keys.length === 1 ? fields[keys[0]] : `Controleer ${keys.length} velden: ${fields[keys[0]]}`, keys[0], fields);
  const clash = ctx.db.prepare('SELECT versie FROM protocol_version WHERE ingangsdatum = ? AND id IS NOT ?').get(p.ingangsdatum, selfId) as
    | { versie: string }
    | undefined;
  if (clash) {
    const msg = `Versie ${clash.versie} gaat al op deze datum in. Kies een andere ingangsdatum.`;
    throw new CoreError('CONFLICT', msg, 'ingangsdatum', { ingangsdatum: msg });
  }
}

/** Writes sections and rules; `ownRules` are the ids of rules this version already has. */
function writeBody(ctx: Ctx, protocolId: number, p: ProtocolParsed, ownRules: Set<number>): Set<number> {
  const db = ctx.db;
  const existingSections = db.prepare('SELECT id FROM protocol_section WHERE protocol_id = ? ORDER BY volgorde, id').all(protocolId) as { id: number }[];
  const foreign = rulesById(
    db,
    p.secties.flatMap((s) => s.regels.map((r) => r.id).filter((id): id is number => id !== undefined && !ownRules.has(id))),
  );
  const kept = new Set<number>();
  let volgorde = 0;
  p.secties.forEach((s, i) => {
    let sectionId: number;
    if (i < existingSections.length) {
      sectionId = existingSections[i].id;
      db.prepare('UPDATE protocol_section SET volgorde = ?, nummer = ?, titel = ? WHERE id = ?').run(i, s.nummer ?? null, s.titel, sectionId);
    } else {
      sectionId = Number(
        db.prepare('INSERT INTO protocol_section (protocol_id, volgorde, nummer, titel) VALUES (?, ?, ?, ?)').run(protocolId, i, s.nummer ?? null, s.titel)
          .lastInsertRowid,
      );
    }
    s.regels.forEach((r, j) => {
      volgorde++;
      if (r.id !== undefined && ownRules.has(r.id)) {
        db.prepare('UPDATE protocol_rule SET section_id = ?, volgorde = ?, nummer = ?, tekst = ? WHERE id = ?').run(sectionId, volgorde, r.nummer, r.tekst, r.id);
        kept.add(r.id);
        return;
      }
      if (r.id !== undefined && !foreign.has(r.id)) throw fieldError(`secties.${i}.regels.${j}.id`, 'Deze regel bestaat niet (meer).');
      db.prepare('INSERT INTO protocol_rule (protocol_id, section_id, volgorde, nummer, tekst, vorige_regel_id) VALUES (?, ?, ?, ?, ?, ?)').run(
        protocolId,
        sectionId,
        volgorde,
        r.nummer,
        r.tekst,
        r.id ?? null,
      );
    });
  });
  return new Set(existingSections.slice(p.secties.length).map((s) => s.id));
}

export function createProtocol(ctx: Ctx, p: ProtocolParsed): ProtocolVersion {
  checkStructure(ctx, p, null);
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(
        'INSERT INTO protocol_version (titel, versie, ingangsdatum, vastgesteld_op, mr_instemming_op, notities, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(p.titel, p.versie, p.ingangsdatum, p.vastgesteldOp ?? null, p.mrInstemmingOp ?? null, p.notities ?? null, now, now).lastInsertRowid,
  );
  writeBody(ctx, id, p, new Set());
  const after = getProtocol(ctx.db, id, ctx.today());
  ctx.audit('protocol', id, 'aangemaakt', null, after);
  return after;
}

export function updateProtocol(ctx: Ctx, p: ProtocolParsed & { id: number }): ProtocolVersion {
  const before = getProtocol(ctx.db, p.id, ctx.today());
  checkStructure(ctx, p, p.id);
  const db = ctx.db;
  const own = new Set(before.secties.flatMap((s) => s.regels.map((r) => r.id)));
  db.prepare('UPDATE protocol_version SET titel = ?, versie = ?, ingangsdatum = ?, vastgesteld_op = ?, mr_instemming_op = ?, notities = ?, updated_at = ? WHERE id = ?').run(
    p.titel,
    p.versie,
    p.ingangsdatum,
    p.vastgesteldOp ?? null,
    p.mrInstemmingOp ?? null,
    p.notities ?? null,
    ctx.nowIso(),
    p.id,
  );
  const keptIds = new Set(p.secties.flatMap((s) => s.regels.map((r) => r.id)).filter((id): id is number => id !== undefined && own.has(id)));
  const removed = [...own].filter((id) => !keptIds.has(id));
  if (removed.length) {
    const cited = db
      .prepare(
        `SELECT ir.rule_id, min(i.nummer) AS nummer, count(*) AS n FROM incident_rule ir JOIN incident i ON i.id = ir.incident_id
         WHERE ir.rule_id IN (${removed.map(() => '?').join(',')}) GROUP BY ir.rule_id ORDER BY ir.rule_id`,
      )
      .all(...removed) as { rule_id: number; nummer: string; n: number }[];
    if (cited.length) {
      const rule = before.secties.flatMap((s) => s.regels).find((r) => r.id === cited[0].rule_id)!;
      const meer = cited[0].n > 1 ? ` en ${cited[0].n - 1} andere melding(en)` : '';
      throw new CoreError('CONFLICT', `Regel ${rule.volledigNummer} wordt genoemd in melding ${cited[0].nummer}${meer} en kan daarom niet worden verwijderd.`, 'secties');
    }
  }
  const surplusSections = writeBody(ctx, p.id, p, own);
  if (removed.length) db.prepare(`DELETE FROM protocol_rule WHERE id IN (${removed.map(() => '?').join(',')})`).run(...removed);
  for (const sid of surplusSections) db.prepare('DELETE FROM protocol_section WHERE id = ?').run(sid);
  // Incidents that cite this version must still fall on or after its (possibly changed) start date.
  const early = db.prepare('SELECT nummer FROM incident WHERE protocol_id = ? AND datum_voorval < ? ORDER BY datum_voorval LIMIT 1').get(p.id, p.ingangsdatum) as
    | { nummer: string }
    | undefined;
  if (early) {
    const msg = `Melding ${early.nummer} valt vóór deze ingangsdatum en noemt regels uit deze versie. Kies een eerdere ingangsdatum.`;
    throw new CoreError('CONFLICT', msg, 'ingangsdatum', { ingangsdatum: msg });
  }
  const after = getProtocol(db, p.id, ctx.today());
  ctx.audit('protocol', p.id, 'gewijzigd', before, after);
  return after;
}
