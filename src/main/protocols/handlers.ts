// Handlers for the protocols methods of the API contract (src/shared/api/protocols.ts).
import type { Handlers } from '../core/context';
import type { protocolsApi } from '../../shared/api/protocols';

export const protocolsHandlers: Handlers<keyof typeof protocolsApi> = {};
