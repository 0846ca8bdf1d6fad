// Handlers for the trust methods of the API contract (src/shared/api/trust.ts).
import type { Handlers } from '../core/context';
import type { trustApi } from '../../shared/api/trust';

export const trustHandlers: Handlers<keyof typeof trustApi> = {};
