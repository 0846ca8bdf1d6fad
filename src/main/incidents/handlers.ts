// Handlers for the incident and evidence methods of the API contract (src/shared/api/incidents.ts).
import type { Handlers } from '../core/context';
import type { incidentsApi } from '../../shared/api/incidents';
import { getIncident } from './read';
import { createIncident, updateIncident } from './save';
import { listIncidents } from './list';
import { addEvidence, readEvidence, withIntegrity } from './evidence';

export const incidentsHandlers: Handlers<keyof typeof incidentsApi> = {
  'incidents.list': (input, ctx) => listIncidents(ctx.db, input),
  'incidents.get': ({ id }, ctx) => {
    const incident = getIncident(ctx.db, id);
    return { ...incident, bewijs: withIntegrity(ctx, incident.bewijs) };
  },
  'incidents.create': (input, ctx) => createIncident(ctx, input),
  'incidents.update': (input, ctx) => updateIncident(ctx, input),
  'evidence.add': (input, ctx) => addEvidence(ctx, input),
  'evidence.get': ({ id }, ctx) => readEvidence(ctx, id),
};
