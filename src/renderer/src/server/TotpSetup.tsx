// Setting up the second step with an authenticator app (docs/SERVER.md, "Accounts en inloggen"):
// the QR code and the secret for typing in by hand, and the code from the app that confirms it.
// Used by the set-up screen after the first login (ServerGate.tsx) and by Instellingen → Mijn
// account (after the school leader cleared a lost phone, or for a role that may choose it).
import { useCallback, useState } from 'react';
import { Alert, Code, Image, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import qrcode from 'qrcode-generator';
import type { TotpSetup } from '@shared/api/accounts';
import { serverInvoke } from './session';

/** The otpauth URI as a QR code image (a data: URL, which the CSP allows for images). */
export function qrDataUrl(uri: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(uri);
  qr.make();
  return qr.createDataURL(5, 20); // 5 px a module, the quiet zone of 4 modules
}

export interface TotpSetupState {
  setup: TotpSetup | null;
  code: string;
  setCode: (code: string) => void;
  error: string | null;
  busy: boolean;
  /** Asks the core for a new secret (accounts.totp.begin). */
  begin: () => Promise<void>;
  /** Confirms the secret with the code typed (accounts.totp.confirm); onDone after success. */
  submit: () => Promise<void>;
}

export function useTotpSetup(onDone: () => void): TotpSetupState {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const begin = useCallback(async () => {
    setError(null);
    const r = await serverInvoke('accounts.totp.begin', {});
    if (r.ok) setSetup(r.value as TotpSetup);
    else setError(r.error.message);
  }, []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await serverInvoke('accounts.totp.confirm', { code });
    setBusy(false);
    setCode('');
    if (r.ok) {
      setSetup(null);
      onDone();
    } else setError(r.error.fields?.code ?? r.error.message);
  };

  return { setup, code, setCode, error, busy, begin, submit };
}

/** The QR code, the secret, the code field and the refusal; the form and its button are the caller's. */
export function TotpSetupFields({ state }: { state: TotpSetupState }) {
  const { t } = useTranslation('server');
  const { setup, code, setCode, error } = state;
  return (
    <>
      {setup && (
        <>
          <Text size="sm">{t('totp.scan')}</Text>
          <Image src={qrDataUrl(setup.uri)} alt={t('totp.qrAlt')} w={200} h={200} fit="contain" />
          <Text size="sm">{t('totp.manual')}</Text>
          <Code block data-testid="totp-secret" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
            {setup.secret}
          </Code>
        </>
      )}
      <TextInput
        label={t('totp.code')}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={7}
        required
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
