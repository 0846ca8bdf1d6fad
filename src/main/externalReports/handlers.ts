// Handlers for the externalReports methods of the API contract (src/shared/api/externalReports.ts).
import type { Handlers } from '../core/context';
import type { externalReportsApi } from '../../shared/api/externalReports';

export const externalReportsHandlers: Handlers<keyof typeof externalReportsApi> = {};
