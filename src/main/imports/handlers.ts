// Handlers for the imports methods of the API contract (src/shared/api/imports.ts).
import type { Handlers } from '../core/context';
import type { importsApi } from '../../shared/api/imports';

export const importsHandlers: Handlers<keyof typeof importsApi> = {};
