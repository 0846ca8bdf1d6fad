// Instellingen → Mijn account, on the school server for everyone logged in (docs/SERVER.md,
// "Accounts en inloggen"): one's own details, a new password (the current one asked again; a wrong
// one counts as a failed login), and the second step set up again after the school leader or the
// beheerder cleared it (a new phone), with the same set-up as after the first login.
import { useState } from 'react';
import { Alert, Button, Group, Loader, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountOut } from '@shared/api/accounts';
import { ACCOUNT_ROL } from '@shared/domain';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { Section } from '../../components/fields';
import { dateTime, label } from '../../components/format';
import { notifyDone } from '../../components/notify';
import { useLoad } from '../../components/useLoad';
import { TotpSetupFields, useTotpSetup } from '../../server/TotpSetup';
import { ClientServer } from '../../server/ClientServer';
import { isAppClient } from '../../server/session';

export default function MijnAccount() {
  const { t } = useTranslation('accounts');
  const me = useLoad(() => call('accounts.me', {}), []);
  if (me.error) return <Alert color="red">{me.error.message}</Alert>;
  if (!me.data) return <Loader aria-label={t('common:loading')} />;
  const a = me.data;
  return (
    <Stack gap="lg" data-testid="mijn-account">
      <Text size="sm">{t('mine.intro')}</Text>
      <Section title={t('mine.details')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Detail label={t('mine.naam')} value={a.naam} />
          <Detail label={t('mine.gebruikersnaam')} value={a.gebruikersnaam} />
          <Detail label={t('mine.rol')} value={label(ACCOUNT_ROL, a.rol)} />
          {a.groepen.length > 0 && <Detail label={t('mine.groepen')} value={a.groepen.join(', ')} />}
          <Detail label={t('mine.laatstIngelogd')} value={a.laatstIngelogd ? dateTime(a.laatstIngelogd) : t('nooit')} />
        </SimpleGrid>
      </Section>
      <PasswordSection />
      <TotpSection account={a} onDone={me.reload} />
      {isAppClient && (
        <Section title={t('server:client.title')}>
          <ClientServer />
        </Section>
      )}
    </Stack>
  );
}

function Detail({ label: l, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {l}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function PasswordSection() {
  const { t } = useTranslation('accounts');
  const [huidig, setHuidig] = useState('');
  const [nieuw, setNieuw] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();

  const save = () => {
    if (nieuw !== herhaling) return setErrors({ herhaling: t('mine.mismatch') });
    setErrors({});
    return submit.run(() => call('accounts.changePassword', { huidigWachtwoord: huidig, nieuwWachtwoord: nieuw }), {
      fields: setErrors,
      error: setError,
      done: t('mine.passwordDone'),
      onSuccess: () => {
        setHuidig('');
        setNieuw('');
        setHerhaling('');
      },
    });
  };

  return (
    <Section title={t('mine.passwordSection')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm" maw={420}>
          <Text size="sm">{t('mine.passwordIntro')}</Text>
          <PasswordInput
            label={t('mine.huidig')}
            value={huidig}
            onChange={(e) => setHuidig(e.currentTarget.value)}
            error={errors.huidigWachtwoord}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('mine.nieuw')}
            value={nieuw}
            onChange={(e) => setNieuw(e.currentTarget.value)}
            error={errors.nieuwWachtwoord}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('mine.herhaling')}
            value={herhaling}
            onChange={(e) => setHerhaling(e.currentTarget.value)}
            error={errors.herhaling}
            autoComplete="new-password"
            required
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={submit.busy}>
              {t('mine.passwordSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function TotpSection({ account: a, onDone }: { account: AccountOut; onDone: () => void }) {
  const { t } = useTranslation('accounts');
  const [started, setStarted] = useState(false);
  const totp = useTotpSetup(() => {
    setStarted(false);
    notifyDone(t('mine.totpDone'));
    onDone();
  });

  return (
    <Section title={t('mine.totpSection')}>
      <Stack gap="sm" maw={520}>
        {a.totpIngesteld ? (
          <>
            <Text size="sm">{t('mine.totpOn')}</Text>
            <Text size="sm">{t('mine.totpNewPhone')}</Text>
          </>
        ) : (
          <>
            <Text size="sm">{t('mine.totpOff')}</Text>
            {a.totpVereist && <Text size="sm">{t('mine.totpRequired')}</Text>}
            {started ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void totp.submit();
                }}
              >
                <Stack gap="sm">
                  <TotpSetupFields state={totp} />
                  <Group>
                    <Button type="submit" loading={totp.busy} disabled={!totp.setup}>
                      {t('mine.totpConfirm')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : (
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    setStarted(true);
                    void totp.begin();
                  }}
                >
                  {t('mine.totpStart')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Section>
  );
}
