// The final letters of a person or a measure: kenmerk, date, kind, addressee; open (Electron) or
// download (browser preview), and "Verbeteren", which writes a new letter that refers to this one.
import { useState } from 'react';
import { Button, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, isPreview } from '../../api/client';
import type { LetterSummary } from '@shared/api/letters';
import { useLoad } from '../useLoad';
import { dateTime } from '../format';
import { notifyError } from '../notify';
import { deliverLetter } from './files';
import { LetterDialog } from './LetterDialog';

export function LettersList({ personId, measureId }: { personId?: number; measureId?: number }) {
  const { t } = useTranslation('letters');
  const loaded = useLoad(() => call('letters.list', { personId, measureId }), [personId, measureId]);
  const [correcting, setCorrecting] = useState<LetterSummary | null>(null);
  if (loaded.loading) return <Loader size="sm" aria-label={t('common:loading')} />;
  const rows = loaded.data ?? [];
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed">
        {t('list.none')}
      </Text>
    );
  return (
    <>
      <Table withTableBorder verticalSpacing="xs" data-testid="brieven">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.kenmerk')}</Table.Th>
            <Table.Th>{t('list.datum')}</Table.Th>
            <Table.Th>{t('list.soort')}</Table.Th>
            <Table.Th>{t('list.aan')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {l.kenmerk}
                {l.gecorrigeerdDoor.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('list.correctedBy', { kenmerken: l.gecorrigeerdDoor.join(', ') })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(l.definitiefOp)}</Table.Td>
              <Table.Td>
                {l.titel}
                <Text size="xs" c="dimmed">
                  {l.betreft}
                </Text>
              </Table.Td>
              <Table.Td>{l.geadresseerde}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={isPreview ? t('list.downloadOf', { kenmerk: l.kenmerk }) : t('list.openOf', { kenmerk: l.kenmerk })}
                    onClick={() => void deliverLetter(l.id).then((e) => e && notifyError(e.message))}
                  >
                    {isPreview ? t('list.download') : t('list.open')}
                  </Button>
                  {(l.measureId || l.reportId) && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('list.correctOf', { kenmerk: l.kenmerk })}
                      onClick={() => setCorrecting(l)}
                    >
                      {t('list.correct')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {correcting && (
        <LetterDialog
          opened
          onClose={() => setCorrecting(null)}
          measureId={correcting.measureId ?? undefined}
          reportId={correcting.measureId ? undefined : (correcting.reportId ?? undefined)}
          personId={correcting.reportId ? correcting.personId : undefined}
          soort={correcting.soort}
          correctieVan={correcting.kenmerk}
          onFinalised={() => loaded.reload()}
        />
      )}
    </>
  );
}
