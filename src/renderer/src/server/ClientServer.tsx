// In the desktop app connected to a school server (docs/SERVER.md, "De app op een werkplek"): which
// server, and "Verbinding verbreken" with a confirmation. On the login screen and in Mijn account.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SchoolServerStatus } from '@shared/api/schoolserver';
import { appInvoke } from '../api/transport';
import { doorUrl } from './session';

/** The desktop app's school server, with the way back to the single-PC app (logs out first). */
export function ClientServer() {
  const { t } = useTranslation('server');
  const [status, setStatus] = useState<SchoolServerStatus | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void appInvoke('schoolserver.status', {}).then((r) => r.ok && setStatus(r.value as SchoolServerStatus));
  }, []);
  if (!status?.adres) return null;
  const disconnect = async () => {
    setBusy(true);
    const r = await appInvoke('schoolserver.disconnect', {});
    setBusy(false);
    if (r.ok) window.location.replace(doorUrl(false));
  };
  return (
    <Stack gap="xs" data-testid="client-server">
      <Text size="sm" c="dimmed">
        {t('client.server', { adres: status.adres })}
      </Text>
      {!asking && (
        <Group>
          <Button variant="subtle" size="compact-sm" px={0} onClick={() => setAsking(true)}>
            {t('client.disconnect')}
          </Button>
        </Group>
      )}
      {asking && (
        <Alert color="orange">
          <Stack gap="xs">
            <Text size="sm">{t('client.disconnectConfirm')}</Text>
            <Group>
              <Button color="orange" size="compact-sm" loading={busy} onClick={() => void disconnect()}>
                {t('client.disconnect')}
              </Button>
              <Button variant="default" size="compact-sm" onClick={() => setAsking(false)}>
                {t('common:actions.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
