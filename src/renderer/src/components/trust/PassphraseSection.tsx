// Instellingen → Beveiliging: the app passphrase (set, change, remove). Changing it re-wraps the
// database key; the database itself is not rewritten.
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { Section } from '../fields';
import { useLock } from './LockGate';

export function PassphraseSection() {
  const { t } = useTranslation('trust');
  const { status, refresh } = useLock();
  const [huidig, setHuidig] = useState('');
  const [nieuw, setNieuw] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const busy = submit.busy;
  if (!status) return null;
  const set = status.wachtwoordIngesteld;

  const clear = () => {
    setHuidig('');
    setNieuw('');
    setHerhaling('');
    setErrors({});
  };

  const save = () =>
    submit.run(() => call('trust.passphrase.set', set ? { huidig, nieuw, herhaling } : { nieuw, herhaling }), {
      fields: setErrors,
      saved: t('security.passphraseSaved'),
      onSuccess: async () => {
        clear();
        await refresh();
      },
    });

  // A refusal without a field belongs to the current passphrase, the one thing asked.
  const remove = () =>
    submit.run(() => call('trust.passphrase.remove', { huidig }), {
      refusal: (e) => {
        setErrors(e.fields ?? { huidig: e.message });
        return null;
      },
      saved: t('security.passphraseRemoved'),
      onSuccess: async () => {
        clear();
        await refresh();
      },
    });

  return (
    <Section title={t('security.passphraseSection')}>
      <Stack gap="sm">
        <Text size="sm">{t('security.passphraseIntro')}</Text>
        {!status.wachtwoordMogelijk ? (
          <Alert color="gray">{t('security.passphraseUnavailable')}</Alert>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="sm" maw={480}>
              <Text size="sm" fw={600}>
                {set ? t('security.passphraseSet') : t('security.passphraseNotSet')}
              </Text>
              <Alert color="yellow" variant="light">
                {t('security.passphraseWarning')}
              </Alert>
              {set && (
                <PasswordInput
                  label={t('security.current')}
                  value={huidig}
                  onChange={(e) => setHuidig(e.currentTarget.value)}
                  error={errors.huidig}
                  autoComplete="current-password"
                />
              )}
              <PasswordInput
                label={t('security.new')}
                value={nieuw}
                onChange={(e) => setNieuw(e.currentTarget.value)}
                error={errors.nieuw}
                autoComplete="new-password"
              />
              <PasswordInput
                label={t('security.repeat')}
                value={herhaling}
                onChange={(e) => setHerhaling(e.currentTarget.value)}
                error={errors.herhaling}
                autoComplete="new-password"
              />
              <Group>
                <Button type="submit" loading={busy}>
                  {set ? t('security.changePassphrase') : t('security.setPassphrase')}
                </Button>
                {set && (
                  <Button variant="default" color="red" onClick={() => void remove()} disabled={busy || !huidig}>
                    {t('security.removePassphrase')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
