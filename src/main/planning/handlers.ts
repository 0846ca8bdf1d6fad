// Handlers for the calendar and evaluation methods of the API contract (src/shared/api/calendar.ts).
import type { Ctx, Handlers } from '../context/context';
import type { calendarApi } from '@shared/api/calendar';
import type { FileOut } from '@shared/api/yearReports';
import { notFound } from '../errors/errors';
import { getSchool } from '../school/school';
import { schoolYearOptions } from '../calendar/schoolYears';
import { calendarItems } from './items';
import { saveMoment, resetMoment } from './moments';
import { readCalendarSettings, saveCalendarSettings } from './settings';
import { buildIcs } from './ics';
import {
  listEvaluations,
  getEvaluation,
  planEvaluation,
  updateEvaluation,
  recordEvaluation,
  closeEvaluation,
  openActions,
  setActionStatus,
} from './evaluations';
import { startProtocolVersion, adoptProtocolVersion } from './evaluationProtocol';

function icsFile(ctx: Ctx, schooljaar: string, key: string | null | undefined): FileOut {
  const settings = readCalendarSettings(ctx.db);
  const all = calendarItems(ctx.db, schooljaar, ctx.today());
  const items = key ? all.filter((i) => i.key === key) : all.filter((i) => settings.verplichtingenInAgenda || i.soort !== 'verplichting');
  if (key && !items.length) throw notFound('Dit agendapunt');
  const brin = getSchool(ctx.db)?.brin?.toLowerCase() ?? 'school';
  const ics = buildIcs(items, { calName: `Schoolprotocol ${schooljaar}`, uidDomain: `${brin}.schoolprotocol`, stamp: ctx.now().getTime() });
  const bestandsnaam = key && items.length === 1 ? `${items[0].soort}-${items[0].datum}.ics` : `planning-${schooljaar}.ics`;
  ctx.tx(() => ctx.audit('agenda', schooljaar, 'geexporteerd', null, { bestandsnaam, punten: items.map((i) => i.key) }));
  return { bestandsnaam, mime: 'text/calendar', inhoudBase64: Buffer.from(ics, 'utf8').toString('base64') };
}

export const calendarHandlers: Handlers<keyof typeof calendarApi> = {
  'calendar.schoolYears': (_input, ctx) => schoolYearOptions(ctx.db, ctx.today()),
  // Planning carries no names (docs/SERVER.md, "Wat de rollen mogen"): only the school leader sees
  // whom an obligation in the calendar is about; the others see the task and its date.
  'calendar.list': ({ schooljaar }, ctx) => {
    const items = calendarItems(ctx.db, schooljaar, ctx.today());
    return ctx.caller.rol === 'schoolleider' ? items : items.map((i) => ({ ...i, persoon: null, incidentNummer: null }));
  },
  'calendar.settings.get': (_input, ctx) => readCalendarSettings(ctx.db),
  'calendar.settings.save': (input, ctx) => saveCalendarSettings(ctx, input),
  'calendar.moments.save': (input, ctx) => saveMoment(ctx, input),
  'calendar.moments.reset': ({ schooljaar, soort }, ctx) => resetMoment(ctx, schooljaar, soort),
  'calendar.ics': ({ schooljaar, key }, ctx) => icsFile(ctx, schooljaar, key),
  'evaluations.list': ({ schooljaar }, ctx) => listEvaluations(ctx.db, schooljaar),
  'evaluations.get': ({ id }, ctx) => getEvaluation(ctx.db, id),
  'evaluations.plan': (input, ctx) => planEvaluation(ctx, input),
  'evaluations.update': (input, ctx) => updateEvaluation(ctx, input),
  'evaluations.record': (input, ctx) => recordEvaluation(ctx, input),
  'evaluations.close': ({ id }, ctx) => closeEvaluation(ctx, id),
  'evaluations.startProtocol': (input, ctx) => startProtocolVersion(ctx, input),
  'evaluations.adoptProtocol': (input, ctx) => adoptProtocolVersion(ctx, input),
  'evaluations.openActions': (_input, ctx) => openActions(ctx.db),
  'evaluations.setActionStatus': ({ actionId, status }, ctx) => setActionStatus(ctx, actionId, status),
};
