// Every API method's handler, gathered from the concept folders. A unit test checks that each
// method of the contract has one.
import type { MethodName } from '@shared/api';
import type { Handlers } from '../context/context';
import { schoolHandlers } from '../school/handlers';
import { peopleHandlers } from '../people/handlers';
import { protocolsHandlers } from '../protocols/handlers';
import { incidentsHandlers } from '../incidents/handlers';
import { measuresHandlers } from '../measures/handlers';
import { submissionsHandlers } from '../submissions/handlers';
import { externalReportsHandlers } from '../externalReports/handlers';
import { auditHandlers } from '../security/auditHandlers';
import { obligationsHandlers } from '../obligations/handlers';
import { lettersHandlers } from '../letters/handlers';
import { yearReportsHandlers } from '../reports/handlers';
import { boardHandlers } from '../board/handlers';
import { calendarHandlers } from '../planning/handlers';
import { importsHandlers } from '../imports/handlers';
import { securityHandlers } from '../security/handlers';
import { backupHandlers } from '../backup/handlers';
import { retentionHandlers } from '../retention/handlers';
import { privacyHandlers } from '../privacy/handlers';
import { accountsHandlers } from '../accounts/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { dossierHandlers } from '../dossier/handlers';
import { loadDemo } from './demo';
import { sessionHandlers } from '../school/werkplek';

export const handlers: Partial<Handlers<MethodName>> = {
  ...schoolHandlers,
  ...peopleHandlers,
  ...protocolsHandlers,
  ...incidentsHandlers,
  ...measuresHandlers,
  ...submissionsHandlers,
  ...externalReportsHandlers,
  ...auditHandlers,
  ...obligationsHandlers,
  ...lettersHandlers,
  ...yearReportsHandlers,
  ...boardHandlers,
  ...calendarHandlers,
  ...importsHandlers,
  ...dashboardHandlers,
  ...dossierHandlers,
  ...securityHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...privacyHandlers,
  ...accountsHandlers,
  // The demo school goes in through every concept's own service.
  'school.loadDemo': (_input, ctx) => loadDemo(ctx),
  ...sessionHandlers,
};
