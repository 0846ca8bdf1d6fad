// Instellingen → Beveiliging: the recovery key (the database key), shown on request to be written
// down and kept in a safe. Without it a lost PC means lost data: there is no back door.
import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { Section } from '../fields';
import { useLock } from './LockGate';

/** The key in blocks of four, easier to copy by hand. */
const blocks = (key: string) => key.match(/.{1,4}/g)?.join(' ') ?? key;

export function RecoveryKeySection() {
  const { t } = useTranslation('trust');
  const { status } = useLock();
  const [wachtwoord, setWachtwoord] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  if (!status?.wachtwoordMogelijk) return null;

  const show = () =>
    submit.run(
      async () => {
        const r = await call('trust.recoveryKey', status.wachtwoordIngesteld ? { wachtwoord } : {});
        setWachtwoord('');
        return r;
      },
      { error: setError, onSuccess: (k) => setKey(k.sleutel) },
    );

  return (
    <Section title={t('security.recoverySection')}>
      <Stack gap="sm">
        <Text size="sm">{t('security.recoveryIntro')}</Text>
        {key ? (
          <>
            <Alert color="yellow" variant="light">
              {t('security.recoveryShown')}
            </Alert>
            <Code block fz="md" data-testid="recovery-key">
              {blocks(key)}
            </Code>
            <Group>
              <CopyButton value={key}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t('security.copied') : t('security.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button variant="subtle" onClick={() => setKey(null)}>
                {t('security.hideRecovery')}
              </Button>
            </Group>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void show();
            }}
          >
            <Group align="flex-end">
              {status.wachtwoordIngesteld && (
                <PasswordInput
                  label={t('lock.passphrase')}
                  value={wachtwoord}
                  onChange={(e) => setWachtwoord(e.currentTarget.value)}
                  error={error}
                  autoComplete="current-password"
                  w={280}
                />
              )}
              <Button type="submit" variant="default" loading={submit.busy}>
                {t('security.showRecovery')}
              </Button>
            </Group>
            {!status.wachtwoordIngesteld && error && (
              <Text c="red.8" size="sm" role="alert" mt="xs">
                {error}
              </Text>
            )}
          </form>
        )}
      </Stack>
    </Section>
  );
}
