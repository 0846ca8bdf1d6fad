// Handlers for the start page (Overzicht): its task groups and moments, and the first-run checklist
// (src/shared/api/obligations.ts).
import type { Handlers } from '../context/context';
import { getDashboard } from './dashboard';
import { getStartChecklist } from './startChecklist';

export const dashboardHandlers: Handlers<'obligations.dashboard' | 'obligations.startChecklist'> = {
  'obligations.dashboard': (_input, ctx) => getDashboard(ctx),
  'obligations.startChecklist': (_input, ctx) => getStartChecklist(ctx),
};
