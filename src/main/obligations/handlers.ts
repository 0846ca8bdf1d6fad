// Handlers for the obligations methods of the API contract (src/shared/api/obligations.ts).
import type { Handlers } from '../context/context';
import type { obligationsApi } from '@shared/api/obligations';
import { getObligation, listObligations, obligationRow } from './store';
import { fieldError } from '../errors/errors';
import { markDone, markNotApplicable, reopen } from './actions';
import { addHearing, addSearch, getDispute, getObjection, listHearings, listSearches, saveDispute, saveObjection } from './details';
import { getChecklist, setZedenVermoeden } from './checklist';
import { getAdvice } from './advice';
import { readComplianceSettings, saveComplianceSettings } from '../settings/compliance';
import { holidaysFor, saveHolidays, schoolCalendar } from '../calendar/holidays';
import { recomputeOpen } from './recomputeAll';
import { schoolDaysBetween } from '../calendar/schoolDaysApi';
import { assertAdviceInScope, assertListInScope, assertObligationInScope } from './scope';
import { scopeGroups } from '../people/scope';
import { assertIncidentInScope } from '../incidents/scope';

export const obligationsHandlers: Handlers<Exclude<keyof typeof obligationsApi, 'obligations.dashboard' | 'obligations.startChecklist'>> = {
  'obligations.list': (input, ctx) => {
    assertListInScope(ctx, input);
    return listObligations(ctx.db, input, ctx.today(), scopeGroups(ctx));
  },
  'obligations.get': ({ id }, ctx) => {
    const obligation = getObligation(ctx.db, id, ctx.today());
    assertObligationInScope(ctx, obligation);
    return obligation;
  },
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
  'obligations.checklist.get': ({ incidentId }, ctx) => {
    assertIncidentInScope(ctx, incidentId);
    return getChecklist(ctx.db, incidentId, ctx.today());
  },
  'obligations.checklist.record': (input, ctx) => {
    const r = obligationRow(ctx.db, input.id);
    if (!r || r.bron !== 'melding' || !r.regel.startsWith('zeden.'))
      throw fieldError('id', 'Dit is geen stap van de meldplicht bij een mogelijk zedendelict.');
    markDone(ctx, input);
    return getChecklist(ctx.db, r.bron_id, ctx.today());
  },
  'obligations.checklist.setVermoeden': ({ incidentId, vermoeden, door }, ctx) => setZedenVermoeden(ctx, incidentId, vermoeden, door),
  'obligations.advice': (input, ctx) => {
    assertAdviceInScope(ctx, input);
    return getAdvice(ctx, input);
  },
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
