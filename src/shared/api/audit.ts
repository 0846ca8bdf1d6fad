// The audit trail: every change, who made it, when, before and after.
import { z } from 'zod';
import { line } from './common';
import { read } from './define';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export const auditApi = {
  'audit.forRecord': read<AuditEntry[]>()(z.object({ entity: line(50), entityId: line(50) })),
};
