// Handlers for the audit methods of the API contract (src/shared/api/audit.ts).
import type { Handlers } from '../context/context';
import type { auditApi } from '@shared/api/audit';
import { auditForRecord } from '../audit/audit';

export const auditHandlers: Handlers<keyof typeof auditApi> = {
  'audit.forRecord': ({ entity, entityId }, ctx) => auditForRecord(ctx.db, entity, entityId),
};
