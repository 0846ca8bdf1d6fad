// Handlers for the yearReports methods of the API contract (src/shared/api/yearReports.ts).
import type { Handlers } from '../core/context';
import type { yearReportsApi } from '../../shared/api/yearReports';

export const yearReportsHandlers: Handlers<keyof typeof yearReportsApi> = {};
