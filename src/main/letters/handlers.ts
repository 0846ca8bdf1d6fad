// Handlers for the letters methods of the API contract (src/shared/api/letters.ts).
import type { Handlers } from '../core/context';
import type { lettersApi } from '../../shared/api/letters';

export const lettersHandlers: Handlers<keyof typeof lettersApi> = {};
