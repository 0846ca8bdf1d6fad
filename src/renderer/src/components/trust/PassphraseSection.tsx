// Instellingen → Beveiliging: the app passphrase (set, change, remove). Changing it re-wraps the
// database key; the database itself is not rewritten.
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Section } from '../fields';
import { notifySaved } from '../notify';
import { useLock } from './LockGate';
import { showRefusal } from '../ModalActions';

export function PassphraseSection() {
  const { t } = useTranslation('trust');
  const { status, refresh } = useLock();
  const [huidig, setHuidig] = useState('');
  const [nieuw, setNieuw] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  const set = status.wachtwoordIngesteld;

  const clear = () => {
    setHuidig('');
    setNieuw('');
    setHerhaling('');
    setErrors({});
  };

  const save = async () => {
    setBusy(true);
    const r = await call('trust.passphrase.set', set ? { huidig, nieuw, herhaling } : { nieuw, herhaling });
    setBusy(false);
    if (!showRefusal(r, setErrors)) return;
    clear();
    notifySaved(t('security.passphraseSaved'));
    await refresh();
  };

  const remove = async () => {
    setBusy(true);
    const r = await call('trust.passphrase.remove', { huidig });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? { huidig: r.error.message });
      return;
    }
    clear();
    notifySaved(t('security.passphraseRemoved'));
    await refresh();
  };

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
