// In the desktop app connected to a school server (docs/SERVER.md, "De app op een werkplek"): which
// server, and "Verbinding verbreken" with a confirmation. On the login screen and in Mijn account.
import { useEffect, useState } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SchoolServerStatus } from '@shared/api/schoolserver';
import { appInvoke } from '../api/transport';
import { ConfirmAction } from '../components/ConfirmAction';
import { doorUrl } from './session';

/** The desktop app's school server, with the way back to the single-PC app (logs out first). */
export function ClientServer() {
  const { t } = useTranslation('server');
  const [status, setStatus] = useState<SchoolServerStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void appInvoke('schoolserver.status', {}).then((r) => r.ok && setStatus(r.value as SchoolServerStatus));
  }, []);
  if (!status?.adres) return null;
  const disconnect = async () => {
    setBusy(true);
    setError(null);
    const r = await appInvoke('schoolserver.disconnect', {});
    setBusy(false);
    if (r.ok) window.location.replace(doorUrl(false));
    else setError(r.error.message);
  };
  return (
    <Stack gap="xs" data-testid="client-server">
      <Text size="sm" c="dimmed">
        {t('client.server', { adres: status.adres })}
      </Text>
      <ConfirmAction
        label={t('client.disconnect')}
        question={t('client.disconnectConfirm')}
        busy={busy}
        onConfirm={disconnect}
        variant="subtle"
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
