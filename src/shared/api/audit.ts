// The audit trail: every change, who made it, when, before and after.
import { z } from 'zod';
import { line } from './common';
import { read } from './define';
import { SCHOOLLEIDER } from './roles';

export interface AuditEntry {
  id: number;
  at: string;
  /** Who did it: the person working ("Marianne Hoekstra (rector)"), or the OS account when none was given. */
  actor: string;
  /** The OS account the person worked under; null for entries from before it was recorded. */
  account: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export const auditApi = {
  'audit.forRecord': read<AuditEntry[]>()(z.object({ entity: line(50), entityId: line(50) }), { rollen: SCHOOLLEIDER }),
};
