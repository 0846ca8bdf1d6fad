// Creating and changing measures: the kind must suit the person (MAATREGEL_PER_SOORT; salary
// withholding only in VO), dates must make sense, the compliance engine checks its hard rules
// before and follows up after, and an open incident moves to "maatregel genomen".
import type { Ctx } from '../context/context';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { Measure } from '@shared/api/measures';
import { MAATREGEL, MAATREGEL_PER_SOORT, PERSOON_SOORT } from '@shared/domain';
import { measureSaving, measureSaved } from './hooks';
import { requirePersonRow } from '../people/people';
import { incidentRow } from '../incidents/read';
import { setIncidentStatus } from '../incidents/save';
import { getSchool } from '../school/school';
import { getMeasure } from './read';
import { measureDays } from '../calendar/holidays';
import { assertVersion } from '../audit/versions';

type MeasureParsed = Parsed<'measures.create'>;

const DAY_COUNTED = new Set(['schorsing', 'uitsluiting_netwerk', 'inname_telefoon', 'toegangsverbod']);

function check(ctx: Ctx, m: MeasureParsed): void {
  const person = requirePersonRow(ctx.db, m.personId, 'personId');
  if (!MAATREGEL_PER_SOORT[person.soort].includes(m.soort)) {
    throw fieldError(
      'soort',
      `Een ${MAATREGEL.labels[m.soort].nl.toLowerCase()} is geen maatregel voor een ${PERSOON_SOORT.labels[person.soort].nl.toLowerCase()}.`,
    );
  }
  if (m.soort === 'inhouding_salaris' && getSchool(ctx.db)?.sector !== 'VO') {
    throw fieldError('soort', 'Inhouding van salaris is alleen mogelijk in het voortgezet onderwijs (cao VO).');
  }
  if (m.incidentId != null && !incidentRow(ctx.db, m.incidentId)) throw fieldError('incidentId', 'Deze melding bestaat niet (meer).');
  if (m.einddatum && !m.startdatum) throw fieldError('startdatum', 'Vul ook de begindatum in.');
  if (m.startdatum && m.einddatum && m.einddatum < m.startdatum) throw fieldError('einddatum', 'De einddatum ligt vóór de begindatum.');
  if (m.vorm && m.soort !== 'schorsing') throw fieldError('vorm', 'Een vorm (intern of extern) hoort alleen bij een schorsing.');
  if (m.beoogdBesluit && m.soort !== 'voornemen_verwijdering') throw fieldError('beoogdBesluit', 'Een beoogde besluitdatum hoort bij een voornemen tot verwijdering.');
  if (m.soort === 'voornemen_verwijdering' && m.status !== 'ingetrokken' && !m.beoogdBesluit) {
    throw fieldError('beoogdBesluit', 'Vul de datum in waarop het bestuur wil beslissen: de hoorgesprekken en het overleg vallen daarvóór.');
  }
  if (m.beoogdBesluit && m.beoogdBesluit <= m.besluitDatum) throw fieldError('beoogdBesluit', 'De beoogde besluitdatum ligt na de datum van het voornemen: er moet ruimte zijn om te horen.');
  if (m.besluitDatum < '2000-01-01') throw fieldError('besluitDatum', 'Controleer de datum van het besluit: die ligt te ver in het verleden.');
  if (m.incidentId != null) {
    const inc = incidentRow(ctx.db, m.incidentId)!;
    if (m.besluitDatum < inc.datum_voorval) throw fieldError('besluitDatum', 'Het besluit ligt vóór de datum van het voorval.');
  }
}

/** A measure's length in days when only its dates were given (calendar/holidays.ts measureDays). */
function daysOf(ctx: Ctx, m: MeasureParsed): number | null {
  if (!m.startdatum || !m.einddatum || !DAY_COUNTED.has(m.soort)) return null;
  return measureDays(ctx.db, requirePersonRow(ctx.db, m.personId, 'personId').soort, m.startdatum, m.einddatum) || null;
}

function columns(ctx: Ctx, m: MeasureParsed) {
  const duur = m.duurDagen ?? daysOf(ctx, m);
  return {
    incident_id: m.incidentId ?? null,
    person_id: m.personId,
    soort: m.soort,
    status: m.status,
    besluit_datum: m.besluitDatum,
    besloten_door: m.beslotenDoor ?? null,
    startdatum: m.startdatum ?? null,
    einddatum: m.einddatum ?? null,
    duur_dagen: duur,
    vorm: m.vorm ?? null,
    afspraken_schoolwerk: m.afsprakenSchoolwerk ?? null,
    toelichting: m.toelichting ?? null,
    override_reden: m.overrideReden ?? null,
    beoogd_besluit: m.soort === 'voornemen_verwijdering' ? (m.beoogdBesluit ?? null) : null,
  };
}

/** A measure that is decided or carried out moves an open incident forward; an intended or withdrawn one does not. */
function advanceIncident(ctx: Ctx, incidentId: number | null): void {
  if (incidentId === null) return;
  const inc = incidentRow(ctx.db, incidentId);
  if (inc && (inc.status === 'open' || inc.status === 'in_onderzoek')) setIncidentStatus(ctx, incidentId, 'maatregel_genomen');
}

export function createMeasure(ctx: Ctx, m: MeasureParsed): Measure {
  check(ctx, m);
  measureSaving.run(ctx, m);
  const cols = columns(ctx, m);
  const names = Object.keys(cols);
  const now = ctx.nowIso();
  const id = Number(
    ctx.db
      .prepare(`INSERT INTO measure (${names.join(', ')}, created_at, updated_at) VALUES (${names.map((n) => '@' + n).join(', ')}, @now, @now)`)
      .run({ ...cols, now }).lastInsertRowid,
  );
  const after = getMeasure(ctx.db, id);
  ctx.audit('maatregel', id, 'aangemaakt', null, after);
  if (m.status === 'besloten' || m.status === 'uitgevoerd') advanceIncident(ctx, after.incidentId);
  measureSaved.run(ctx, id);
  return after;
}

export function updateMeasure(ctx: Ctx, m: MeasureParsed & { id: number; versie?: number }): Measure {
  const before = getMeasure(ctx.db, m.id);
  assertVersion(ctx.db, {
    entity: 'maatregel',
    entityId: m.id,
    stored: before.versie,
    given: m.versie,
    what: 'deze maatregel',
    current: () => before,
    now: ctx.now(),
  });
  check(ctx, m);
  if (before.personId !== m.personId) {
    throw new CoreError('CONFLICT', 'Een maatregel blijft bij dezelfde persoon. Leg voor een andere persoon een nieuwe maatregel vast.', 'personId');
  }
  measureSaving.run(ctx, m);
  const cols = columns(ctx, m);
  ctx.db
    .prepare(`UPDATE measure SET ${Object.keys(cols).map((n) => `${n} = @${n}`).join(', ')}, updated_at = @now, versie = versie + 1 WHERE id = @id`)
    .run({ ...cols, now: ctx.nowIso(), id: m.id });
  const after = getMeasure(ctx.db, m.id);
  ctx.audit('maatregel', m.id, 'gewijzigd', before, after);
  if (m.status === 'besloten' || m.status === 'uitgevoerd') advanceIncident(ctx, after.incidentId);
  measureSaved.run(ctx, m.id);
  return after;
}
