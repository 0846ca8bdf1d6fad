// The incident log's hooks (docs/ARCHITECTURE.md): what the compliance engine reacts to, and what an
// incident read needs from the concepts above it (its measures and reports to authorities).
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { Hook, Slot } from '../context/hooks';
import type { Measure } from '@shared/api/measures';
import type { ExternalReport } from '@shared/api/externalReports';

/** An incident was created or changed (its people and category may have changed), in the same transaction. */
export const incidentSaved = new Hook<[ctx: Ctx, incidentId: number]>('incident saved');

/** The measures of an incident, for the full incident read (measures/read.ts). */
export const measuresOfIncident = new Slot<(db: DB, incidentId: number) => Measure[]>('measures of an incident');

/** The reports to authorities of an incident, for the full incident read (externalReports/read.ts). */
export const reportsOfIncident = new Slot<(db: DB, incidentId: number) => ExternalReport[]>('reports of an incident');
