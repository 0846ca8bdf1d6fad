// Handlers for the reports-to-authorities methods of the API contract (src/shared/api/externalReports.ts).
import type { Handlers } from '../core/context';
import type { externalReportsApi } from '../../shared/api/externalReports';
import { listReports } from './read';
import { createReport, updateReport } from './save';
import { requireIncidentRow } from '../incidents/read';

export const externalReportsHandlers: Handlers<keyof typeof externalReportsApi> = {
  'externalReports.list': ({ incidentId }, ctx) => {
    requireIncidentRow(ctx.db, incidentId);
    return listReports(ctx.db, incidentId);
  },
  'externalReports.create': (input, ctx) => createReport(ctx, input),
  'externalReports.update': (input, ctx) => updateReport(ctx, input),
};
