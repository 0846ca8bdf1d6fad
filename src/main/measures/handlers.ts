// Handlers for the measures methods of the API contract (src/shared/api/measures.ts).
import type { Handlers } from '../core/context';
import type { measuresApi } from '../../shared/api/measures';

export const measuresHandlers: Handlers<keyof typeof measuresApi> = {};
