// Restoring a backup: the core checks it first (ours, key, integrity, schema version) and shows what
// is in it; only after an explicit confirmation is it staged. The app then restarts to put it in
// place, keeping the current database aside until the restored one opens.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { RestoreCheck } from '@shared/api/trust';
import { dateTime } from '../format';

export function RestoreModal({ bron, onClose }: { bron: string; onClose: () => void }) {
  const { t } = useTranslation('trust');
  const [check, setCheck] = useState<RestoreCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    void call('trust.restore.check', { bron }).then((r) => {
      if (!live) return;
      if (r.ok) setCheck(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [bron]);

  const restore = () =>
    submit.run(() => call('trust.restore', { bron, bevestigd: true }), { error: setError, onSuccess: () => setDone(true) });

  return (
    <Modal opened onClose={onClose} title={t('backup.restoreTitle')} size="lg">
      <Stack gap="md">
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {bron}
        </Text>
        {!check && !error && <Loader aria-label={t('common:loading')} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {check && !done && (
          <>
            <Alert color="teal">
              {t('backup.checked')}{' '}
              {t('backup.checkFacts', {
                school: check.schoolNaam ?? '—',
                when: dateTime(check.gemaaktOp),
                personen: check.personen,
                meldingen: check.meldingen,
                bestanden: check.bestanden,
              })}
            </Alert>
            {check.beschadigd.length > 0 && (
              <Alert color="orange" title={t('backup.damagedTitle', { count: check.beschadigd.length })}>
                <Text size="sm" mb="xs">
                  {t('backup.damagedBody')}
                </Text>
                <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                  {check.beschadigd.map((b) => (
                    <li key={b}>
                      <Text size="sm">{b}</Text>
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            <Alert color="yellow">{t('backup.restoreWarning')}</Alert>
          </>
        )}
        {done && <Alert color="teal">{t('backup.restartNeeded')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {check && !done && (
            <Button color="red" onClick={() => void restore()} loading={submit.busy}>
              {t('backup.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
