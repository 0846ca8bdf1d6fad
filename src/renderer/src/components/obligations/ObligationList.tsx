// The obligations of an incident (with its measures), a measure or a person: open ones first, settled
// ones folded away. Embed it in an incident or measure screen: <ObligationList incidentId={12} />.
// It refreshes by itself after any write (useLoad).
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useLoad } from '../useLoad';
import { Section } from '../fields';
import { ObligationItem } from './ObligationItem';

export interface ObligationListProps {
  incidentId?: number;
  measureId?: number;
  personId?: number;
  /**
   * For an incident page: only the incident's own steps. The sexual-offence steps stand in the
   * checklist and a measure's steps under that measure; when all steps are there, this list shows
   * nothing (no "none" line under steps shown elsewhere).
   */
  eigenStappen?: boolean;
  /** Shown as a section with this title. */
  title?: string;
}

export function ObligationList({ incidentId, measureId, personId, eigenStappen, title }: ObligationListProps) {
  const { t } = useTranslation('obligations');
  const [showSettled, setShowSettled] = useState(false);
  const loaded = useLoad(
    () => call('obligations.list', { incidentId, measureId, personId, limit: 500 }),
    [incidentId, measureId, personId],
  );
  const all = loaded.data?.rows ?? [];
  const rows = eigenStappen ? all.filter((o) => o.measureId === null && !o.regel.startsWith('zeden.')) : all;
  if (rows.length === 0 && all.length > 0) return null;
  const inSection = (body: ReactNode) => (title ? <Section title={title}>{body}</Section> : body);
  if (loaded.loading && !loaded.data) return inSection(<Loader size="sm" aria-label={t('common:loading')} />);
  if (loaded.error) return inSection(<Alert color="red">{loaded.error.message}</Alert>);
  const open = rows.filter((o) => o.status === 'open');
  const settled = rows.filter((o) => o.status !== 'open');
  if (rows.length === 0)
    return inSection(
      <Text size="sm" c="dimmed">
        {t('list.empty')}
      </Text>,
    );
  return inSection(
    <Stack gap="xs" data-testid="verplichtingen">
      {open.map((o) => (
        <ObligationItem key={o.id} o={o} showSource={!measureId} />
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
      {showSettled && settled.map((o) => <ObligationItem key={o.id} o={o} showSource={!measureId} />)}
    </Stack>,
  );
}
