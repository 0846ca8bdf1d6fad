// Creating and changing incidents: the rules for an incident (dates, people and their roles, the
// protocol rules in force on the incident date, categories), the search index, the audit trail and
// the compliance engine's hook, all in the caller's transaction.
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { Incident } from '@shared/api/incidents';
import { schoolYearOf } from '@shared/schoolYear';
import { incidentSaved } from './hooks';
import { personRow } from '../people/people';
import { inForceId, rulesById } from '../protocols/read';
import { categoryRow } from '../protocols/categories';
import { getIncident, requireIncidentRow, citedRuleIds } from './read';
import type { IncidentDbRow } from './read';
import { nextIncidentNumber } from './nummer';
import { reindexIncident } from './fts';
import { assertVersion } from '../audit/versions';
import { scopedIncident } from './scope';

export type IncidentParsed = Parsed<'incidents.create'>;

class Faults {
  readonly fields: Record<string, string> = {};
  add(field: string, msg: string) {
    if (!(field in this.fields)) this.fields[field] = msg;
  }
  throwIfAny() {
    const keys = Object.keys(this.fields);
    if (keys.length) {
      const msg = keys.length === 1 ? this.fields[keys[0]] : `Controleer ${keys.length} velden: ${this.fields[keys[0]]}`;
      throw new CoreError('VALIDATIE', msg, keys[0], this.fields);
    }
  }
}

/** Checks the input and works out which protocol version the incident cites. */
function check(ctx: Ctx, p: IncidentParsed, existing: IncidentDbRow | null): { protocolId: number | null; regelIds: number[] } {
  const f = new Faults();
  const today = ctx.today();
  if (p.datumVoorval > today) f.add('datumVoorval', 'De datum van het voorval ligt in de toekomst.');
  if (p.datumMelding > today) f.add('datumMelding', 'De datum van de melding ligt in de toekomst.');
  if (p.datumMelding < p.datumVoorval) f.add('datumMelding', 'De datum van de melding ligt vóór de datum van het voorval.');
  if (p.datumVoorval < '2000-01-01') f.add('datumVoorval', 'Controleer de datum van het voorval: die ligt te ver in het verleden.');

  const cat = categoryRow(ctx.db, p.categorie);
  if (!cat) f.add('categorie', 'Deze categorie bestaat niet.');
  else if (!cat.actief && existing?.categorie !== p.categorie) f.add('categorie', `De categorie "${cat.label}" is uitgeschakeld. Kies een andere categorie.`);

  if (p.melderId != null && !personRow(ctx.db, p.melderId)) f.add('melderId', 'Deze melder bestaat niet (meer).');

  const seen = new Set<string>();
  p.betrokkenen.forEach((b, i) => {
    if (!personRow(ctx.db, b.personId)) f.add(`betrokkenen.${i}.personId`, 'Deze persoon bestaat niet (meer).');
    const key = `${b.personId}:${b.rol}`;
    if (seen.has(key)) f.add(`betrokkenen.${i}.rol`, 'Deze persoon staat al met deze rol bij de melding.');
    seen.add(key);
  });

  p.directeActies.forEach((a, i) => {
    if (a.datum < p.datumVoorval) f.add(`directeActies.${i}.datum`, 'Deze actie ligt vóór de datum van het voorval.');
    if (a.datum > today) f.add(`directeActies.${i}.datum`, 'Deze actie ligt in de toekomst.');
  });

  const regelIds = [...new Set(p.regelIds)];
  const inForce = inForceId(ctx.db, p.datumVoorval);
  let protocolId = inForce;
  if (regelIds.length) {
    const rules = rulesById(ctx.db, regelIds);
    const versions = new Set([...rules.values()].map((r) => r.protocolId));
    const current = existing ? new Set(citedRuleIds(ctx.db, existing.id)) : new Set<number>();
    // An incident may keep citing the rules it already cites (an older version stays valid for it).
    const keepsOld =
      existing !== null && existing.protocol_id !== null && versions.size === 1 && versions.has(existing.protocol_id) && regelIds.every((id) => current.has(id));
    if (rules.size !== regelIds.length) f.add('regelIds', 'Een van de gekozen protocolregels bestaat niet (meer).');
    else if (inForce === null && !keepsOld) f.add('regelIds', 'Op de datum van het voorval was nog geen protocol van kracht. Voeg eerst een protocolversie toe of laat de regels leeg.');
    else if (keepsOld) protocolId = existing!.protocol_id;
    else if (versions.size !== 1 || !versions.has(inForce!)) {
      f.add('regelIds', 'Kies regels uit de protocolversie die gold op de datum van het voorval.');
    }
  }
  f.throwIfAny();
  return { protocolId, regelIds };
}

function writeChildren(ctx: Ctx, id: number, p: IncidentParsed, regelIds: number[]): void {
  const db = ctx.db;
  db.prepare('DELETE FROM incident_rule WHERE incident_id = ?').run(id);
  db.prepare('DELETE FROM incident_person WHERE incident_id = ?').run(id);
  db.prepare('DELETE FROM incident_action WHERE incident_id = ?').run(id);
  const rule = db.prepare('INSERT INTO incident_rule (incident_id, rule_id) VALUES (?, ?)');
  for (const r of regelIds) rule.run(id, r);
  const person = db.prepare('INSERT INTO incident_person (incident_id, person_id, rol, toelichting) VALUES (?, ?, ?, ?)');
  for (const b of p.betrokkenen) person.run(id, b.personId, b.rol, b.toelichting ?? null);
  const action = db.prepare('INSERT INTO incident_action (incident_id, actie, datum, toelichting) VALUES (?, ?, ?, ?)');
  for (const a of p.directeActies) action.run(id, a.actie, a.datum, a.toelichting ?? null);
}

const columns = (p: IncidentParsed, protocolId: number | null) => ({
  datum_voorval: p.datumVoorval,
  tijd_voorval: p.tijdVoorval ?? null,
  datum_melding: p.datumMelding,
  melder_id: p.melderId ?? null,
  melder_omschrijving: p.melderOmschrijving ?? null,
  locatie: p.locatie,
  platform: p.platform,
  platform_anders: p.platformAnders ?? null,
  categorie: p.categorie,
  ernst: p.ernst,
  omschrijving: p.omschrijving,
  status: p.status,
  protocol_id: protocolId,
  vervolg: p.vervolg ?? null,
  schooljaar: schoolYearOf(p.datumVoorval),
});

export function createIncident(ctx: Ctx, p: IncidentParsed): Incident {
  const { protocolId, regelIds } = check(ctx, p, null);
  const cols = columns(p, protocolId);
  const names = Object.keys(cols);
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(`INSERT INTO incident (nummer, ${names.join(', ')}, created_at, updated_at) VALUES (@nummer, ${names.map((n) => '@' + n).join(', ')}, @now, @now)`)
      .run({ ...cols, nummer: nextIncidentNumber(ctx.db, p.datumMelding), now }).lastInsertRowid,
  );
  writeChildren(ctx, id, p, regelIds);
  reindexIncident(ctx.db, id);
  const after = getIncident(ctx.db, id);
  ctx.audit('melding', id, 'aangemaakt', null, after);
  incidentSaved.run(ctx, id);
  return after;
}

export function updateIncident(ctx: Ctx, p: IncidentParsed & { id: number; versie?: number }): Incident {
  const existing = requireIncidentRow(ctx.db, p.id);
  // Before any rule: a form loaded before someone else's save gets their version, not a field error.
  assertVersion(ctx.db, {
    entity: 'melding',
    entityId: p.id,
    stored: existing.versie,
    given: p.versie,
    what: 'deze melding',
    // As incidents.get shows it to this caller: a mentor sees no measures of pupils outside his groups.
    current: () => scopedIncident(ctx, getIncident(ctx.db, p.id)),
    now: ctx.now(),
  });
  const before = getIncident(ctx.db, p.id);
  const { protocolId, regelIds } = check(ctx, p, existing);
  // A person with a measure taken on this incident cannot disappear from it.
  const kept = new Set(p.betrokkenen.map((b) => b.personId));
  const wasInvolved = new Set(before.betrokkenen.map((b) => b.personId));
  const orphan = before.maatregelen.find((m) => wasInvolved.has(m.personId) && !kept.has(m.personId));
  if (orphan) {
    throw new CoreError(
      'CONFLICT',
      `${orphan.persoon.naam} heeft een maatregel bij deze melding en kan daarom niet uit de melding worden gehaald.`,
      'betrokkenen',
    );
  }
  const cols = columns(p, protocolId);
  ctx.db
    .prepare(`UPDATE incident SET ${Object.keys(cols).map((n) => `${n} = @${n}`).join(', ')}, updated_at = @now, versie = versie + 1 WHERE id = @id`)
    .run({ ...cols, now: ctx.nowIso(), id: p.id });
  writeChildren(ctx, p.id, p, regelIds);
  reindexIncident(ctx.db, p.id);
  const after = getIncident(ctx.db, p.id);
  ctx.audit('melding', p.id, 'gewijzigd', before, after);
  incidentSaved.run(ctx, p.id);
  return after;
}

/**
 * Sets only the status (used when a measure is taken); audited like any change. It raises the
 * version: the status is a field of the incident form, and a form loaded before it moved would
 * otherwise put the old status back without anyone noticing. The page that took the measure reads
 * the incident again and carries on with the new version (docs/SERVER.md "Tegelijk bewerken").
 */
export function setIncidentStatus(ctx: Ctx, id: number, status: Incident['status']): void {
  const before = getIncident(ctx.db, id);
  if (before.status === status) return;
  ctx.db.prepare('UPDATE incident SET status = ?, updated_at = ?, versie = versie + 1 WHERE id = ?').run(status, ctx.nowIso(), id);
  ctx.audit('melding', id, 'status_gewijzigd', before, getIncident(ctx.db, id));
  incidentSaved.run(ctx, id);
}
