// Handlers for the reports-to-authorities methods of the API contract (src/shared/api/externalReports.ts).
import type { Handlers } from '../context/context';
import type { externalReportsApi } from '@shared/api/externalReports';
import { listReports } from './read';
import { createReport, updateReport } from './save';
import { requireIncidentRow } from '../incidents/read';
import { assertIncidentInScope } from '../incidents/scope';
import { personInScope } from '../people/scope';

export const externalReportsHandlers: Handlers<keyof typeof externalReportsApi> = {
  'externalReports.list': ({ incidentId }, ctx) => {
    requireIncidentRow(ctx.db, incidentId);
    assertIncidentInScope(ctx, incidentId);
    // A report about one pupil of another group stays hidden from a group-bound caller.
    return listReports(ctx.db, incidentId).filter((r) => r.personId === null || personInScope(ctx, r.personId));
  },
  'externalReports.create': (input, ctx) => createReport(ctx, input),
  'externalReports.update': (input, ctx) => updateReport(ctx, input),
};
