// Handlers for the incident and evidence methods of the API contract (src/shared/api/incidents.ts).
import type { Handlers } from '../context/context';
import type { incidentsApi } from '@shared/api/incidents';
import { getIncident } from './read';
import { createIncident, updateIncident } from './save';
import { listIncidents } from './list';
import { addEvidence, readEvidence, withIntegrity } from './evidence';
import { assertEvidenceInScope, assertIncidentInScope, incidentsFilter, scopedIncident } from './scope';
import { assertPersonInScope } from '../people/scope';

export const incidentsHandlers: Handlers<keyof typeof incidentsApi> = {
  'incidents.list': (input, ctx) => {
    // A person's incidents, asked for a person outside the caller's groups: refused, not left empty.
    if (input.filter.personId !== undefined) assertPersonInScope(ctx, input.filter.personId);
    return listIncidents(ctx.db, input, incidentsFilter(ctx));
  },
  'incidents.get': ({ id }, ctx) => {
    assertIncidentInScope(ctx, id);
    const incident = scopedIncident(ctx, getIncident(ctx.db, id));
    return { ...incident, bewijs: withIntegrity(ctx, incident.bewijs) };
  },
  // What a save answers is shown as incidents.get shows it to this caller (no measures or reports
  // about pupils outside a group-bound caller's groups).
  'incidents.create': (input, ctx) => scopedIncident(ctx, createIncident(ctx, input)),
  'incidents.update': (input, ctx) => {
    assertIncidentInScope(ctx, input.id);
    return scopedIncident(ctx, updateIncident(ctx, input));
  },
  'evidence.add': (input, ctx) => {
    assertIncidentInScope(ctx, input.incidentId);
    return addEvidence(ctx, input);
  },
  'evidence.get': ({ id }, ctx) => {
    assertEvidenceInScope(ctx, id);
    return readEvidence(ctx, id);
  },
};
