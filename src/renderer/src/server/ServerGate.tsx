// On the school server: nothing of the app mounts before a login (docs/SERVER.md). After a login
// with a one-time password the person first chooses their own, then (for the roles that read
// pupil data) sets up the authenticator app; only then the app itself. Elsewhere (Electron, the
// browser preview) this renders its children unchanged. In the desktop app connected to a school
// server the login screen also names the server, says why it cannot be reached (a changed
// certificate, no network) and offers to disconnect.
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Center, Code, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  connectionProblem,
  currentSession,
  isAppClient,
  isServerMode,
  login,
  onSessionEnded,
  serverFingerprint,
  serverInvoke,
} from './session';
import { ClientServer } from './ClientServer';
import type { ServerSession } from './session';
import { TotpSetupFields, useTotpSetup } from './TotpSetup';

export function ServerGate({ children }: { children: ReactNode }) {
  if (!isServerMode) return <>{children}</>;
  return <ServerSessionGate>{children}</ServerSessionGate>;
}

function ServerSessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [session, setSession] = useState<ServerSession | null | undefined>(undefined);
  const [endedOnce, setEndedOnce] = useState(false);

  useEffect(() => {
    void currentSession().then(setSession);
    return onSessionEnded(() => {
      setSession(null);
      setEndedOnce(true);
    });
  }, []);

  if (session === undefined)
    return (
      <Center h="100vh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  if (!session) return <LoginScreen ended={endedOnce} problem={connectionProblem()} onLoggedIn={setSession} />;
  if (session.openstaand.wachtwoord)
    return <PasswordScreen onDone={() => setSession({ ...session, openstaand: { ...session.openstaand, wachtwoord: false } })} />;
  if (session.openstaand.totp)
    return <TotpScreen onDone={() => setSession({ ...session, openstaand: { ...session.openstaand, totp: false } })} />;
  return <>{children}</>;
}

function Panel({ title, testId, onSubmit, children }: { title: string; testId: string; onSubmit: () => void; children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <Center mih="100vh" bg="gray.1" component="main" data-testid={testId} py="xl">
      <Paper withBorder shadow="sm" p="xl" w={460} maw="92vw">
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <Stack gap="md">
            <Text fw={700} c="schoolblauw.8" size="lg">
              {t('appName')}
            </Text>
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

function LoginScreen({ ended, problem, onLoggedIn }: { ended: boolean; problem: string | null; onLoggedIn: (s: ServerSession) => void }) {
  const { t } = useTranslation('server');
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fingerprint = serverFingerprint();

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await login({ gebruikersnaam, wachtwoord, ...(totp.trim() ? { totp } : {}) });
    setBusy(false);
    setWachtwoord('');
    setTotp('');
    if (r.ok) onLoggedIn(r.value);
    else setError(r.error.message);
  };

  return (
    <Panel title={t('login.title')} testId="login-screen" onSubmit={() => void submit()}>
      {problem && !error && (
        <Alert color="red" role="alert" title={t('client.problemTitle')}>
          {problem}
        </Alert>
      )}
      {ended && !error && !problem && <Alert color="blue">{t('login.ended')}</Alert>}
      <Text size="sm">{t('login.intro')}</Text>
      <TextInput
        label={t('login.gebruikersnaam')}
        value={gebruikersnaam}
        onChange={(e) => setGebruikersnaam(e.currentTarget.value)}
        autoComplete="username"
        autoFocus
        required
      />
      <PasswordInput
        label={t('login.wachtwoord')}
        value={wachtwoord}
        onChange={(e) => setWachtwoord(e.currentTarget.value)}
        autoComplete="current-password"
        required
      />
      <TextInput
        label={t('login.totp')}
        description={t('login.totpHint')}
        value={totp}
        onChange={(e) => setTotp(e.currentTarget.value)}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={7}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Button type="submit" loading={busy}>
        {t('login.submit')}
      </Button>
      {isAppClient && <ClientServer />}
      {fingerprint && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('login.fingerprintTitle')}
          </Text>
          <Text size="xs">{t('login.fingerprintBody')}</Text>
          <Code block data-testid="fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
            {fingerprint}
          </Code>
        </Stack>
      )}
    </Panel>
  );
}

function PasswordScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('server');
  const [huidig, setHuidig] = useState('');
  const [nieuw, setNieuw] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (nieuw !== herhaling) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    const r = await serverInvoke('accounts.changePassword', { huidigWachtwoord: huidig, nieuwWachtwoord: nieuw });
    setBusy(false);
    if (r.ok) onDone();
    else setError(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
  };

  return (
    <Panel title={t('password.title')} testId="password-screen" onSubmit={() => void submit()}>
      <Text size="sm">{t('password.intro')}</Text>
      <PasswordInput
        label={t('password.huidig')}
        value={huidig}
        onChange={(e) => setHuidig(e.currentTarget.value)}
        autoComplete="current-password"
        required
        autoFocus
      />
      <PasswordInput
        label={t('password.nieuw')}
        value={nieuw}
        onChange={(e) => setNieuw(e.currentTarget.value)}
        autoComplete="new-password"
        required
      />
      <PasswordInput
        label={t('password.herhaling')}
        value={herhaling}
        onChange={(e) => setHerhaling(e.currentTarget.value)}
        autoComplete="new-password"
        required
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Button type="submit" loading={busy}>
        {t('password.submit')}
      </Button>
    </Panel>
  );
}

function TotpScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('server');
  const totp = useTotpSetup(onDone);
  const { begin } = totp;
  useEffect(() => {
    void begin();
  }, [begin]);

  return (
    <Panel title={t('totp.title')} testId="totp-screen" onSubmit={() => void totp.submit()}>
      <Text size="sm">{t('totp.intro')}</Text>
      <TotpSetupFields state={totp} />
      <Button type="submit" loading={totp.busy} disabled={!totp.setup}>
        {t('totp.submit')}
      </Button>
    </Panel>
  );
}
