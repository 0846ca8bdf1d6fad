// Where the concepts above react to the concepts below (docs/ARCHITECTURE.md, hooks): each lower
// concept declares its hooks; this file attaches the reactions, once, before a core opens. Reading
// this file tells what happens when a person is renamed or a measure is recorded.
import { personRenamed } from '../people/hooks';
import { incidentSaved, measuresOfIncident, reportsOfIncident } from '../incidents/hooks';
import { reindexIncidentsOfPerson } from '../incidents/fts';
import { externalReportSaved } from '../externalReports/hooks';
import { listReports } from '../externalReports/read';
import { measureSaving, measureSaved } from '../measures/hooks';
import { listMeasures } from '../measures/read';
import { afterExternalReportSaved, afterIncidentSaved, afterMeasureSaved, checkMeasureRules } from '../obligations/reactions';
import { addDashboardSource } from '../dashboard/sources';
import { trustMoments } from '../privacy/dashboard';

let wired = false;

export function wireConcepts(): void {
  if (wired) return;
  wired = true;
  // A renamed person: the incidents' quick-search index holds names.
  personRenamed.on((ctx, personId) => reindexIncidentsOfPerson(ctx.db, personId));
  // The full incident shows its measures and reports to authorities.
  measuresOfIncident.attach((db, incidentId) => listMeasures(db, { incidentId }));
  reportsOfIncident.attach((db, incidentId) => listReports(db, incidentId));
  // The compliance engine: hard rules before a measure is written, obligations after every change.
  measureSaving.on(checkMeasureRules);
  measureSaved.on(afterMeasureSaved);
  incidentSaved.on(afterIncidentSaved);
  externalReportSaved.on(afterExternalReportSaved);
  // Custody's moments on the start page: breaches, access requests, backups, retention.
  addDashboardSource(trustMoments);
}
