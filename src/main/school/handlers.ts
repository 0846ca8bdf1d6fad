// Handlers for the school methods of the API contract (src/shared/api/school.ts).
import type { Handlers } from '../core/context';
import type { schoolApi } from '../../shared/api/school';

export const schoolHandlers: Handlers<keyof typeof schoolApi> = {};
