// One final letter (#/brieven/<id>, linked from the dossier timeline): the letter as it was made final,
// its kenmerk, SHA-256 and corrections, with open/download and "Verbeteren".
import { useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, isPreview } from '../../api/client';
import { useLoad } from '../useLoad';
import { PageHeader } from '../PageHeader';
import { dateTime } from '../format';
import { notifyError } from '../notify';
import { LetterView } from './LetterView';
import { LetterDialog } from './LetterDialog';
import { deliverLetter } from './files';

export default function LetterPage({ id }: { id: number }) {
  const { t } = useTranslation('letters');
  const loaded = useLoad(() => call('letters.get', { id }), [id]);
  const settings = useLoad(() => call('letters.settings.get', {}), []);
  const [correcting, setCorrecting] = useState(false);
  if (loaded.loading) return <Loader aria-label={t('common:loading')} />;
  if (!loaded.data) return <Alert color="red">{loaded.error?.message}</Alert>;
  const l = loaded.data;
  return (
    <>
      <PageHeader title={`${l.titel} ${l.kenmerk}`} subtitle={`${dateTime(l.definitiefOp)} · ${l.definitiefDoor}`}>
        <Button variant="default" component="a" href={`#/personen/${l.personId}/dossier`}>
          {t('list.title')}
        </Button>
        <Button onClick={() => void deliverLetter(l.id).then((e) => e && notifyError(e.message))}>
          {isPreview ? t('list.download') : t('list.open')}
        </Button>
        {(l.measureId || l.reportId) && (
          <Button variant="light" onClick={() => setCorrecting(true)}>
            {t('list.correct')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="sm">
        <Group gap="lg">
          <Tooltip label={t('sha256Tip')} multiline w={300}>
            <Text size="sm" tabIndex={0}>
              {t('sha256')}: <span style={{ fontFamily: 'monospace' }}>{l.sha256}</span>
            </Text>
          </Tooltip>
          {l.correctieVan && (
            <Text size="sm">
              {t('replaces')}: {l.correctieVan}
            </Text>
          )}
          {l.gecorrigeerdDoor.length > 0 && <Text size="sm">{t('list.correctedBy', { kenmerken: l.gecorrigeerdDoor.join(', ') })}</Text>}
        </Group>
        <Paper p="md" bg="gray.1">
          <LetterView model={l.model} logoDataUrl={settings.data?.logoDataUrl ?? null} />
        </Paper>
      </Stack>
      {correcting && (
        <LetterDialog
          opened
          onClose={() => setCorrecting(false)}
          measureId={l.measureId ?? undefined}
          reportId={l.measureId ? undefined : (l.reportId ?? undefined)}
          personId={l.reportId ? l.personId : undefined}
          soort={l.soort}
          correctieVan={l.kenmerk}
          onFinalised={() => loaded.reload()}
        />
      )}
    </>
  );
}
