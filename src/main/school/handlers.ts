// Handlers for the school methods of the API contract (src/shared/api/school.ts).
import type { Handlers } from '../context/context';
import type { schoolApi } from '@shared/api/school';
import { getSchool, saveSchool } from './school';
import { appStatus } from './status';

export const schoolHandlers: Handlers<Exclude<keyof typeof schoolApi, 'school.loadDemo'>> = {
  'app.status': (_input, ctx) => appStatus(ctx),
  'school.get': (_input, ctx) => getSchool(ctx.db),
  'school.save': (input, ctx) => saveSchool(ctx, input),
};
