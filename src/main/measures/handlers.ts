// Handlers for the measure methods of the API contract (src/shared/api/measures.ts).
import type { Handlers } from '../context/context';
import type { measuresApi } from '@shared/api/measures';
import { getMeasure, listMeasures } from './read';
import { createMeasure, updateMeasure } from './save';
import { assertPersonInScope, personScopeTest } from '../people/scope';
import { assertIncidentInScope } from '../incidents/scope';

export const measuresHandlers: Handlers<keyof typeof measuresApi> = {
  'measures.get': ({ id }, ctx) => {
    const measure = getMeasure(ctx.db, id);
    assertPersonInScope(ctx, measure.personId);
    return measure;
  },
  // A group-bound caller sees the measures of the pupils of his groups only, also within an incident.
  'measures.list': (input, ctx) => {
    if (input.personId !== undefined) assertPersonInScope(ctx, input.personId);
    if (input.incidentId !== undefined) assertIncidentInScope(ctx, input.incidentId);
    const mine = personScopeTest(ctx);
    return listMeasures(ctx.db, input).filter((m) => mine(m.personId));
  },
  'measures.create': (input, ctx) => createMeasure(ctx, input),
  'measures.update': (input, ctx) => updateMeasure(ctx, input),
};
