// Handlers for the incidents methods of the API contract (src/shared/api/incidents.ts).
import type { Handlers } from '../core/context';
import type { incidentsApi } from '../../shared/api/incidents';

export const incidentsHandlers: Handlers<keyof typeof incidentsApi> = {};
