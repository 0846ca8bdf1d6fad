// What the window shows while locked: nothing of the data, only how to get back in. With an app
// passphrase the core checks it against the wrapped key (trust.unlock); without one, a confirm.
// A forgotten passphrase: the recovery key from the safe unlocks and takes the passphrase away
// (trust.unlockWithRecoveryKey), after which the school leader sets a new one.
import { useState } from 'react';
import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { LockStatus } from '@shared/api/trust';

export function LockScreen({ passphrase, onUnlocked }: { passphrase: boolean; onUnlocked: (s: LockStatus) => void }) {
  const { t } = useTranslation('trust');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  const [recovery, setRecovery] = useState(false);

  const unlock = () =>
    submit.run(
      async () => {
        const r = recovery
          ? await call('trust.unlockWithRecoveryKey', { herstelsleutel: value })
          : await call('trust.unlock', passphrase ? { wachtwoord: value } : {});
        // A passphrase is typed again; 64 characters from paper stay, to correct one of them.
        if (!recovery) setValue('');
        return r;
      },
      {
        error: setError,
        refusal: (e) => e.fields?.herstelsleutel ?? e.fields?.wachtwoord ?? e.message,
        onSuccess: (s) => {
          if (recovery)
            notifications.show({ color: 'teal', title: t('lock.recoveredTitle'), message: t('lock.recoveredBody'), autoClose: false });
          onUnlocked(s);
        },
      },
    );

  const switchTo = (toRecovery: boolean) => {
    setRecovery(toRecovery);
    setValue('');
    setError(null);
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
            <Text size="sm">{recovery ? t('lock.bodyRecovery') : passphrase ? t('lock.bodyPassphrase') : t('lock.bodyConfirm')}</Text>
            {passphrase && !recovery && (
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
            {recovery && (
              // Room for all 64 characters at once, to compare with the paper.
              <Textarea
                label={t('lock.recoveryKey')}
                autosize
                minRows={2}
                description={t('lock.recoveryKeyHelp')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                error={error}
                autoComplete="off"
                spellCheck={false}
                autoFocus
                styles={{ input: { fontFamily: 'ui-monospace, Consolas, "DejaVu Sans Mono", monospace' } }}
              />
            )}
            {!passphrase && error && (
              <Text c="red.8" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={submit.busy} autoFocus={!passphrase}>
              {recovery ? t('lock.unlockRecovery') : t('lock.unlock')}
            </Button>
            {passphrase && (
              <Anchor component="button" type="button" size="sm" onClick={() => switchTo(!recovery)}>
                {recovery ? t('lock.backToPassphrase') : t('lock.forgotten')}
              </Anchor>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
