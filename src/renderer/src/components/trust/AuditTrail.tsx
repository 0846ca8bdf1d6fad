// The audit trail of one record: who changed what, when — newest first. A drop-in button
// for any record page: <AuditTrailButton entity="melding" entityId={id} />. Entries whose content
// was redacted when records were destroyed (retention) say so instead of showing nothing.
import { useState } from 'react';
import { Button, Drawer, Loader, Stack, Text, Timeline, Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { AuditEntry } from '@shared/api/audit';
import { dateTime } from '../format';
import { useLoad } from '../useLoad';
import { can } from '../../server/can';

/** Top-level fields that differ between before and after, for a one-line summary. */
export function changedFields(e: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const b = (e.before && typeof e.before === 'object' ? e.before : {}) as Record<string, unknown>;
  const a = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
  if (!e.before) return [];
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  // The version (docs/SERVER.md "Tegelijk bewerken") moves with every change: not a change of its own.
  return [...keys].filter((k) => !['updatedAt', 'createdAt', 'versie'].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

export function AuditTrail({ entity, entityId }: { entity: string; entityId: string | number }) {
  const { t } = useTranslation('trust');
  const list = useLoad(() => call('audit.forRecord', { entity, entityId: String(entityId) }), [entity, entityId]);
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return <Loader aria-label={t('common:loading')} />;
  if (list.data.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label={t('audit.title')}>
      {list.data.map((e) => {
        const redacted = e.before === null && e.after === null && e.action !== 'vernietigd';
        const fields = changedFields(e);
        return (
          <Timeline.Item key={e.id} title={`${dateTime(e.at)} — ${e.action.replace(/_/g, ' ')}`}>
            <Text size="xs" c="dimmed">
              {e.account && e.account !== e.actor
                ? t('audit.byAccount', { actor: e.actor, account: e.account })
                : t('audit.by', { actor: e.actor })}
            </Text>
            {redacted && (
              <Text size="sm" fs="italic">
                {t('audit.redacted')}
              </Text>
            )}
            {fields.length > 0 && <Text size="sm">{t('audit.changed', { fields: fields.join(', ') })}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

export function AuditTrailButton({ entity, entityId }: { entity: string; entityId: string | number }) {
  const { t } = useTranslation('trust');
  const [open, setOpen] = useState(false);
  if (!can('audit.forRecord')) return null;
  return (
    <>
      <Button variant="subtle" onClick={() => setOpen(true)} data-testid="audit-trail">
        {t('audit.button')}
      </Button>
      <Drawer
        opened={open}
        onClose={() => setOpen(false)}
        title={t('audit.title')}
        position="right"
        size="md"
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {open && (
          <Stack>
            <AuditTrail entity={entity} entityId={entityId} />
          </Stack>
        )}
      </Drawer>
    </>
  );
}
