// One open task on the start page in one line (about 36 px): when it is due, what to do (a link to its
// incident or dossier), "Gedaan…" right there, and the full task (basis, who, not applicable) behind
// "details".
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Obligation } from '@shared/api/obligations';
import { ObligationItem, obligationTitle } from '../obligations/ObligationItem';
import { DoneForm } from '../obligations/DoneForm';
import { dueOf } from './due';
import type { DueTone } from './due';

const BORDER: Record<DueTone, string> = {
  red: 'var(--mantine-color-red-7)',
  orange: 'var(--mantine-color-orange-6)',
  gray: 'var(--mantine-color-gray-4)',
};

export function TaskRow({ o, vandaag, onChanged }: { o: Obligation; vandaag: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation('obligations');
  const [mode, setMode] = useState<'none' | 'done' | 'details'>('none');
  const due = dueOf(o, vandaag, t);
  const markLabel = t(o.waarschuwing ? 'item.markGezien' : 'item.markDone');
  // The same title the task's detail shows, so "Gedaan… <title>" names one task.
  const { text: titel, lang } = obligationTitle(o, i18n.language);
  const href = o.incidentId ? `#/meldingen/${o.incidentId}` : o.personId ? `#/personen/${o.personId}/dossier` : null;
  const toggle = (m: 'done' | 'details') => setMode((x) => (x === m ? 'none' : m));
  const changed = () => {
    setMode('none');
    onChanged();
  };

  return (
    <Box
      component="li"
      data-testid="taak"
      data-regel={o.regel}
      pl="xs"
      style={{ listStyle: 'none', borderLeft: `4px solid ${BORDER[due.tone]}` }}
    >
      <Group wrap="nowrap" gap="sm" mih={34}>
        <Text size="sm" w={285} style={{ flexShrink: 0, whiteSpace: 'nowrap' }} c={due.tone === 'red' ? 'red.9' : undefined}>
          <Text span fw={700} inherit>
            {due.tekst}
          </Text>
          {due.datum && ` · ${due.datum}`}
        </Text>
        <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }} title={titel} lang={lang}>
          {o.waarschuwing && `⚠ ${t('item.letOp')}: `}
          {href ? (
            <Anchor href={href} inherit>
              {titel}
            </Anchor>
          ) : (
            titel
          )}
        </Text>
        {o.urgent && (
          <Badge color="red.9" variant="filled" size="sm" style={{ flexShrink: 0 }}>
            {t('item.urgent')}
          </Badge>
        )}
        <Button
          size="compact-xs"
          style={{ flexShrink: 0 }}
          onClick={() => toggle('done')}
          aria-expanded={mode === 'done'}
          aria-label={`${markLabel} ${titel}`}
        >
          {markLabel}
        </Button>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          size="sm"
          onClick={() => toggle('details')}
          aria-expanded={mode === 'details'}
          aria-label={t('dashboard.details', { titel })}
        >
          {mode === 'details' ? '▴' : '▾'}
        </ActionIcon>
      </Group>
      {mode === 'done' && <DoneForm o={o} onDone={changed} onCancel={() => setMode('none')} />}
      {mode === 'details' && (
        <Box pb="xs">
          <ObligationItem o={o} onChanged={changed} />
        </Box>
      )}
    </Box>
  );
}
