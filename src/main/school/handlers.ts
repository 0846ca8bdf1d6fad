// Handlers for the school methods of the API contract (src/shared/api/school.ts).
import type { Handlers } from '../core/context';
import type { schoolApi } from '../../shared/api/school';
import { getSchool, saveSchool } from './school';
import { appStatus } from './status';
import { loadDemo } from './demo';

export const schoolHandlers: Handlers<keyof typeof schoolApi> = {
  'app.status': (_input, ctx) => appStatus(ctx),
  'school.get': (_input, ctx) => getSchool(ctx.db),
  'school.save': (input, ctx) => saveSchool(ctx, input),
  'school.loadDemo': (_input, ctx) => loadDemo(ctx),
};
