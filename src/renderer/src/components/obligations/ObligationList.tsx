// The obligations of an incident (with its measures), a measure or a person: open ones first, settled
// ones folded away. Embed it in an incident or measure screen: <ObligationList incidentId={12} />.
import { useState } from 'react';
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Obligation } from '../../../../shared/api/obligations';
import { useLoad } from '../useLoad';
import { ObligationItem } from './ObligationItem';

export interface ObligationListProps {
  incidentId?: number;
  measureId?: number;
  personId?: number;
  /** Leave out the sexual-offence steps (shown by the checklist instead). */
  zonderZeden?: boolean;
  /** Called after any change, so the host can refresh related data. */
  onChanged?: () => void;
  /** A value that changes when the host knows the obligations changed (e.g. after saving a measure). */
  refreshKey?: unknown;
}

export function ObligationList({ incidentId, measureId, personId, zonderZeden, onChanged, refreshKey }: ObligationListProps) {
  const { t } = useTranslation('obligations');
  const [showSettled, setShowSettled] = useState(false);
  const loaded = useLoad(
    () => call('obligations.list', { incidentId, measureId, personId, limit: 500 }),
    [incidentId, measureId, personId, refreshKey],
  );
  if (loaded.loading && !loaded.data) return <Loader size="sm" aria-label={t('common:loading')} />;
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  const rows = (loaded.data?.rows ?? []).filter((o) => !(zonderZeden && o.regel.startsWith('zeden.')));
  const open = rows.filter((o) => o.status === 'open');
  const settled = rows.filter((o) => o.status !== 'open');
  const changed = (_o: Obligation) => {
    loaded.reload();
    onChanged?.();
  };
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('list.empty')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="verplichtingen">
      {open.map((o) => (
        <ObligationItem key={o.id} o={o} onChanged={changed} showSource={!measureId} />
      ))}
      {settled.length > 0 && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setShowSettled((s) => !s)}
          style={{ alignSelf: 'flex-start' }}
          aria-expanded={showSettled}
        >
          {showSettled ? t('list.verbergAfgerond') : t('list.toonAfgerond', { count: settled.length })}
        </Button>
      )}
      {showSettled && settled.map((o) => <ObligationItem key={o.id} o={o} onChanged={changed} showSource={!measureId} />)}
    </Stack>
  );
}
