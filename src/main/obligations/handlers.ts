// Handlers for the obligations methods of the API contract (src/shared/api/obligations.ts).
import type { Handlers } from '../core/context';
import type { obligationsApi } from '../../shared/api/obligations';
import { getObligation, listObligations, obligationRow } from './store';
import { fieldError } from '../core/errors';
import { markDone, markNotApplicable, reopen } from './actions';
import { addHearing, addSearch, getDispute, getObjection, listHearings, listSearches, saveDispute, saveObjection } from './details';
import { getChecklist, setZedenVermoeden } from './checklist';
import { getDashboard } from './dashboard';
import { getStartChecklist } from './startChecklist';
import { getAdvice } from './advice';
import { readComplianceSettings, saveComplianceSettings } from './settings';
import { holidaysFor, saveHolidays, schoolCalendar } from './holidays';
import { recomputeOpen } from './recomputeAll';
import { schoolDaysBetween } from './schoolDaysApi';

export const obligationsHandlers: Handlers<keyof typeof obligationsApi> = {
  'obligations.list': (input, ctx) => listObligations(ctx.db, input, ctx.today()),
  'obligations.get': ({ id }, ctx) => getObligation(ctx.db, id, ctx.today()),
  'obligations.markDone': (input, ctx) => markDone(ctx, input),
  'obligations.markNotApplicable': ({ id, reden }, ctx) => markNotApplicable(ctx, id, reden),
  'obligations.reopen': ({ id }, ctx) => reopen(ctx, id),
  'obligations.hearings.add': (input, ctx) => addHearing(ctx, input),
  'obligations.hearings.list': ({ measureId }, ctx) => listHearings(ctx.db, measureId),
  'obligations.searches.add': (input, ctx) => addSearch(ctx, input),
  'obligations.searches.list': ({ measureId }, ctx) => listSearches(ctx.db, measureId),
  'obligations.dispute.get': ({ measureId }, ctx) => getDispute(ctx.db, measureId),
  'obligations.dispute.save': (input, ctx) => saveDispute(ctx, input),
  'obligations.objection.get': ({ measureId }, ctx) => getObjection(ctx.db, measureId),
  'obligations.objection.save': (input, ctx) => saveObjection(ctx, input),
  'obligations.checklist.get': ({ incidentId }, ctx) => getChecklist(ctx.db, incidentId, ctx.today()),
  'obligations.checklist.record': (input, ctx) => {
    const r = obligationRow(ctx.db, input.id);
    if (!r || r.bron !== 'melding' || !r.regel.startsWith('zeden.'))
      throw fieldError('id', 'Dit is geen stap van de meldplicht bij een mogelijk zedendelict.');
    markDone(ctx, input);
    return getChecklist(ctx.db, r.bron_id, ctx.today());
  },
  'obligations.checklist.setVermoeden': ({ incidentId, vermoeden, door }, ctx) => setZedenVermoeden(ctx, incidentId, vermoeden, door),
  'obligations.dashboard': (_input, ctx) => getDashboard(ctx),
  'obligations.startChecklist': (_input, ctx) => getStartChecklist(ctx),
  'obligations.advice': (input, ctx) => getAdvice(ctx, input),
  'obligations.settings.get': (_input, ctx) => readComplianceSettings(ctx.db),
  'obligations.settings.save': (input, ctx) => {
    const saved = saveComplianceSettings(ctx, input);
    recomputeOpen(ctx);
    return saved;
  },
  'obligations.holidays.get': ({ schooljaar }, ctx) => holidaysFor(ctx.db, schooljaar),
  'obligations.holidays.save': ({ schooljaar, vakanties }, ctx) => {
    const saved = saveHolidays(ctx, schooljaar, vakanties);
    recomputeOpen(ctx);
    return saved;
  },
  'obligations.schoolDays': (input, ctx) => schoolDaysBetween(schoolCalendar(ctx.db), input),
};
