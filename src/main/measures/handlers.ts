// Handlers for the measure methods of the API contract (src/shared/api/measures.ts).
import type { Handlers } from '../core/context';
import type { measuresApi } from '../../shared/api/measures';
import { getMeasure, listMeasures } from './read';
import { createMeasure, updateMeasure } from './save';

export const measuresHandlers: Handlers<keyof typeof measuresApi> = {
  'measures.get': ({ id }, ctx) => getMeasure(ctx.db, id),
  'measures.list': (input, ctx) => listMeasures(ctx.db, input),
  'measures.create': (input, ctx) => createMeasure(ctx, input),
  'measures.update': (input, ctx) => updateMeasure(ctx, input),
};
