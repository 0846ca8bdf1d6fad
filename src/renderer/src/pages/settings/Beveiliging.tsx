// Instellingen → Beveiliging: when the app locks, the app passphrase, the recovery key,
// and the backups (folder, daily automatic backup, backup now, restore).
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { TrustSettingsView } from '@shared/api/trust';
import { Section } from '../../components/fields';
import { useLoad } from '../../components/useLoad';
import { useLock } from '../../components/trust/LockGate';
import { PassphraseSection } from '../../components/trust/PassphraseSection';
import { RecoveryKeySection } from '../../components/trust/RecoveryKeySection';
import { BackupSection } from '../../components/trust/BackupSection';

export default function Beveiliging() {
  const { t } = useTranslation('trust');
  const loaded = useLoad(() => call('trust.settings.get', {}), []);
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!loaded.data) return <Loader aria-label={t('common:loading')} />;
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('security.intro')}{' '}
        <Anchor href="#/instellingen/privacy" size="sm">
          {t('security.privacyLink')}
        </Anchor>
      </Text>
      <LockSection settings={loaded.data} onSettings={loaded.setData} />
      <PassphraseSection />
      <RecoveryKeySection />
      <BackupSection settings={loaded.data} onSettings={loaded.setData} />
    </Stack>
  );
}

function LockSection({ settings, onSettings }: { settings: TrustSettingsView; onSettings: (s: TrustSettingsView) => void }) {
  const { t } = useTranslation('trust');
  const { lock, refresh } = useLock();
  const [minutes, setMinutes] = useState<number | string>(settings.vergrendelNaMinuten);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();

  // The field shows the refusal; one without a field is also said in a notification.
  const save = () =>
    submit.run(() => call('trust.settings.save', { vergrendelNaMinuten: typeof minutes === 'number' ? minutes : Number(minutes) }), {
      refusal: (e) => {
        setError(e.fields?.vergrendelNaMinuten ?? e.message);
        return e.fields ? null : e.message;
      },
      saved: true,
      onSuccess: async (s) => {
        setError(null);
        onSettings(s);
        await refresh();
      },
    });

  return (
    <Section title={t('security.lockSection')}>
      <Stack gap="sm">
        <Text size="sm">{t('security.idleHelp')}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Group align="flex-end">
            <NumberInput
              label={t('security.idleMinutes')}
              value={minutes}
              onChange={setMinutes}
              min={1}
              max={480}
              error={error}
              w={320}
              allowDecimal={false}
            />
            <Button type="submit" variant="default" loading={submit.busy}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </form>
        <Group>
          <Button onClick={() => void lock()} data-testid="lock-now">
            {t('lock.lockNow')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('lock.shortcut')}
          </Text>
        </Group>
      </Stack>
    </Section>
  );
}
