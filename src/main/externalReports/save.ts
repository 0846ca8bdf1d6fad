// Recording reports to the vertrouwensinspecteur, police, Inspectie and leerplichtambtenaar.
import type { Ctx } from '../context/context';
import { fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { ExternalReport } from '@shared/api/externalReports';
import { externalReportSaved } from './hooks';
import { requireIncidentRow } from '../incidents/read';
import { personRow } from '../people/people';
import { getReport } from './read';
import { assertVersion } from '../audit/versions';

type ReportParsed = Parsed<'externalReports.create'>;

function check(ctx: Ctx, r: ReportParsed): void {
  const inc = requireIncidentRow(ctx.db, r.incidentId);
  if (r.personId != null && !personRow(ctx.db, r.personId)) throw fieldError('personId', 'Deze persoon bestaat niet (meer).');
  if (r.measureId != null) {
    const m = ctx.db.prepare('SELECT incident_id FROM measure WHERE id = ?').get(r.measureId) as { incident_id: number | null } | undefined;
    if (!m) throw fieldError('measureId', 'Deze maatregel bestaat niet (meer).');
    if (m.incident_id !== r.incidentId) throw fieldError('measureId', 'Deze maatregel hoort bij een andere melding.');
  }
  if (r.datum > ctx.today()) throw fieldError('datum', 'De datum van de melding bij de instantie ligt in de toekomst.');
  if (r.datum < inc.datum_voorval) throw fieldError('datum', 'Deze datum ligt vóór de datum van het voorval.');
  if (r.politieEenheid && r.instantie !== 'politie') throw fieldError('politieEenheid', 'Een politie-eenheid hoort alleen bij een melding aan de politie.');
  if (r.soort === 'aangifte' && r.instantie !== 'politie') throw fieldError('soort', 'Aangifte doet u bij de politie.');
}

const columns = (r: ReportParsed) => ({
  incident_id: r.incidentId,
  person_id: r.personId ?? null,
  measure_id: r.measureId ?? null,
  instantie: r.instantie,
  soort: r.soort,
  datum: r.datum,
  tijd: r.tijd ?? null,
  door: r.door ?? null,
  kenmerk: r.kenmerk ?? null,
  politie_eenheid: r.politieEenheid ?? null,
  schooladres_gebruikt: r.schooladresGebruikt == null ? null : r.schooladresGebruikt ? 1 : 0,
  contactpersoon: r.contactpersoon ?? null,
  toelichting: r.toelichting ?? null,
});

export function createReport(ctx: Ctx, r: ReportParsed): ExternalReport {
  check(ctx, r);
  const cols = columns(r);
  const names = Object.keys(cols);
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(`INSERT INTO external_report (${names.join(', ')}, created_at, updated_at) VALUES (${names.map((n) => '@' + n).join(', ')}, @now, @now)`)
      .run({ ...cols, now }).lastInsertRowid,
  );
  const after = getReport(ctx.db, id);
  ctx.audit('externe_melding', id, 'aangemaakt', null, after);
  externalReportSaved.run(ctx, id);
  return after;
}

export function updateReport(ctx: Ctx, r: ReportParsed & { id: number; versie?: number }): ExternalReport {
  const before = getReport(ctx.db, r.id);
  assertVersion(ctx.db, {
    entity: 'externe_melding',
    entityId: r.id,
    stored: before.versie,
    given: r.versie,
    what: 'deze melding aan een instantie',
    current: () => before,
    now: ctx.now(),
  });
  check(ctx, r);
  if (before.incidentId !== r.incidentId) throw fieldError('incidentId', 'Een melding bij een instantie blijft bij dezelfde melding horen.');
  const cols = columns(r);
  ctx.db
    .prepare(`UPDATE external_report SET ${Object.keys(cols).map((n) => `${n} = @${n}`).join(', ')}, updated_at = @now, versie = versie + 1 WHERE id = @id`)
    .run({ ...cols, now: ctx.nowIso(), id: r.id });
  const after = getReport(ctx.db, r.id);
  ctx.audit('externe_melding', r.id, 'gewijzigd', before, after);
  externalReportSaved.run(ctx, r.id);
  return after;
}
