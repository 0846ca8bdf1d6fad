// Every API method's handler, gathered from the concept folders. A unit test checks that each
// method of the contract has one.
import type { MethodName } from '../../shared/api';
import type { Handlers } from './context';
import { schoolHandlers } from '../school/handlers';
import { peopleHandlers } from '../people/handlers';
import { protocolsHandlers } from '../protocols/handlers';
import { incidentsHandlers } from '../incidents/handlers';
import { measuresHandlers } from '../measures/handlers';
import { externalReportsHandlers } from '../externalReports/handlers';
import { auditHandlers } from '../audit/handlers';
import { obligationsHandlers } from '../obligations/handlers';
import { lettersHandlers } from '../letters/handlers';
import { yearReportsHandlers } from '../reports/handlers';
import { calendarHandlers } from '../calendar/handlers';
import { importsHandlers } from '../imports/handlers';
import { trustHandlers } from '../trust/handlers';
import { sessionHandlers } from '../school/werkplek';

export const handlers: Partial<Handlers<MethodName>> = {
  ...schoolHandlers,
  ...peopleHandlers,
  ...protocolsHandlers,
  ...incidentsHandlers,
  ...measuresHandlers,
  ...externalReportsHandlers,
  ...auditHandlers,
  ...obligationsHandlers,
  ...lettersHandlers,
  ...yearReportsHandlers,
  ...calendarHandlers,
  ...importsHandlers,
  ...trustHandlers,
  ...sessionHandlers,
};
