// "Verbinden met de schoolserver" on the first-run screen of the desktop app (docs/SERVER.md, "De
// app op een werkplek"): the address the beheerder gave, then what the app found there (the
// certificate's fingerprint to compare, or that an authority vouches for it, and the version),
// and only after the user confirms is the connection kept. The app then opens the same renderer
// logged in on the server (?door=schoolserver). Shown only where the app's door answers
// schoolserver.status (the Electron app; the browser preview when a test gives it that door).
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '@shared/api/result';
import type { SchoolServerProbe } from '@shared/api/schoolserver';
import { appInvoke } from '../api/transport';
import { doorUrl, isServerMode } from './session';

/** Whether this app's door can connect to a school server (asked once). */
export function useCanConnect(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    if (isServerMode) return;
    let live = true;
    void appInvoke('schoolserver.status', {}).then((r) => live && setCan(r.ok));
    return () => {
      live = false;
    };
  }, []);
  return can;
}

export function ConnectServer({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('server');
  const [adres, setAdres] = useState('');
  const [found, setFound] = useState<SchoolServerProbe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T,>(step: () => Promise<Result<unknown>>, done: (value: T) => void) => {
    setBusy(true);
    setError(null);
    setFieldError(null);
    const r = await step();
    setBusy(false);
    if (r.ok) return done(r.value as T);
    if (r.error.fields?.adres) setFieldError(r.error.fields.adres);
    else setError(r.error.message);
  };

  const look = () => run<SchoolServerProbe>(() => appInvoke('schoolserver.probe', { adres }), setFound);
  const connect = (f: SchoolServerProbe) =>
    run(
      () => appInvoke('schoolserver.connect', { adres: f.adres, vingerafdruk: f.vingerafdruk }),
      () => window.location.replace(doorUrl(true)),
    );

  return (
    <Stack maw={720}>
      <Group>
        <Button variant="subtle" onClick={found ? () => setFound(null) : onBack}>
          {t('connect.back')}
        </Button>
      </Group>
      <Title order={2} size="h3">
        {t('connect.title')}
      </Title>
      {!found ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void look();
          }}
        >
          <Stack>
            <Text>{t('connect.intro')}</Text>
            <TextInput
              label={t('connect.adres')}
              description={t('connect.adresHint')}
              placeholder="https://schoolserver:8443"
              value={adres}
              onChange={(e) => setAdres(e.currentTarget.value)}
              error={fieldError}
              autoFocus
              required
              spellCheck={false}
            />
            {error && (
              <Alert color="red" role="alert" title={t('connect.failed')}>
                {error}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={busy}>
                {t('connect.look')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Card withBorder padding="lg" data-testid="server-found">
          <Stack>
            <Text>{t('connect.found', { adres: found.adres, versie: found.versie })}</Text>
            {found.vertrouwd ? (
              <Alert color="teal">{t('connect.trusted')}</Alert>
            ) : (
              <>
                <Text fw={600}>{t('connect.compareTitle')}</Text>
                <Text size="sm">{t('connect.compareBody')}</Text>
                <Code block data-testid="probe-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'normal', fontSize: 15 }}>
                  {found.vingerafdruk}
                </Code>
              </>
            )}
            {error && (
              <Alert color="red" role="alert" title={t('connect.failed')}>
                {error}
              </Alert>
            )}
            <Group>
              <Button onClick={() => void connect(found)} loading={busy}>
                {found.vertrouwd ? t('connect.connect') : t('connect.connectSame')}
              </Button>
              <Button variant="default" onClick={() => setFound(null)} disabled={busy}>
                {t('connect.different')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
