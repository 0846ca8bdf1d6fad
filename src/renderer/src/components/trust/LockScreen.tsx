// What the window shows while locked: nothing of the data, only how to get back in. With an app
// passphrase the core checks it against the wrapped key (trust.unlock); without one, a confirm.
import { useState } from 'react';
import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { LockStatus } from '../../../../shared/api/trust';

export function LockScreen({ passphrase, onUnlocked }: { passphrase: boolean; onUnlocked: (s: LockStatus) => void }) {
  const { t } = useTranslation('trust');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    setBusy(true);
    setError(null);
    const r = await call('trust.unlock', passphrase ? { wachtwoord: value } : {});
    setBusy(false);
    setValue('');
    if (r.ok) onUnlocked(r.value);
    else setError(r.error.message);
  };

  return (
    <Center h="100vh" bg="gray.1" component="main" data-testid="lock-screen">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="92vw">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <Stack gap="md">
            <Text fw={700} c="schoolblauw.8" size="lg">
              {t('common:appName')}
            </Text>
            <Title order={1} size="h3">
              {t('lock.title')}
            </Title>
            <Text size="sm">{passphrase ? t('lock.bodyPassphrase') : t('lock.bodyConfirm')}</Text>
            {passphrase && (
              <PasswordInput
                label={t('lock.passphrase')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                error={error}
                autoComplete="current-password"
                data-autofocus
                autoFocus
              />
            )}
            {!passphrase && error && (
              <Text c="red.8" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy} autoFocus={!passphrase}>
              {t('lock.unlock')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
