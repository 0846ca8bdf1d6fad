// Handlers for the obligations methods of the API contract (src/shared/api/obligations.ts).
import type { Handlers } from '../core/context';
import type { obligationsApi } from '../../shared/api/obligations';

export const obligationsHandlers: Handlers<keyof typeof obligationsApi> = {};
