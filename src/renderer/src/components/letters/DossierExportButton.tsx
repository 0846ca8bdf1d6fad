// "Dossier exporteren": a person's whole record as one .docx for an access request or a transfer.
// The core replaces other people's names and logs the export; Electron opens it, the preview downloads.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call, isPreview } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { DOSSIER_EXPORT_REDEN } from '@shared/api/letters';
import { downloadBase64 } from './files';
import { can } from '../../server/can';

export function DossierExportButton({ personId }: { personId: number }) {
  const { t } = useTranslation('letters');
  const [open, setOpen] = useState(false);
  const [reden, setReden] = useState<string>('inzageverzoek');
  const [toelichting, setToelichting] = useState('');
  const submit = useSubmit();
  const run = () =>
    submit.run(
      () =>
        call('letters.dossierExport', {
          personId,
          reden: reden as (typeof DOSSIER_EXPORT_REDEN)[number],
          toelichting: toelichting || null,
        }),
      {
        onSuccess: (x) => {
          if (isPreview) downloadBase64(x.inhoudBase64, x.bestandsnaam);
          notifications.show({
            color: 'teal',
            title: t('dossier.done', { n: x.vervangenNamen }),
            message: t('dossier.breach'),
            autoClose: 8000,
          });
          setOpen(false);
        },
      },
    );
  if (!can('letters.dossierExport')) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="dossier-export">
        {t('dossier.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dossier.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('dossier.intro')}</Text>
          <Select
            label={t('dossier.reason')}
            data={DOSSIER_EXPORT_REDEN.map((r) => ({ value: r, label: t(`dossier.reasons.${r}`) }))}
            value={reden}
            onChange={(v) => setReden(v ?? 'inzageverzoek')}
            allowDeselect={false}
          />
          <Textarea
            label={t('dossier.note')}
            autosize
            minRows={2}
            value={toelichting}
            onChange={(e) => setToelichting(e.currentTarget.value)}
          />
          <Alert color="yellow">{t('dossier.breach')}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void run()} loading={submit.busy}>
              {t('dossier.export')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
