// The second login step (docs/SERVER.md, "Accounts en inloggen"): a time-based code (TOTP, RFC 6238:
// SHA-1, 6 digits, 30 seconds — what every authenticator app reads from the QR code) via the
// `otpauth` package. A code of the step before or after is accepted too (a phone's clock may be a
// little off); a step once used is never accepted again, so a code seen over someone's shoulder is
// worth nothing.
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'Schoolprotocol';
export const TOTP_PERIOD = 30;
/** Steps before and after the current one that are accepted. */
export const TOTP_WINDOW = 1;

const totpFor = (secret: string, label = 'account') =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) });

/** A new random secret of 20 bytes (160 bits, as RFC 4226 advises), base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI for the QR code. */
export const totpUri = (secret: string, gebruikersnaam: string): string => totpFor(secret, gebruikersnaam).toString();

/**
 * The time step the code belongs to, when it is valid at `now` (within the window) and later than
 * `lastStep` (the last step accepted for this account); null otherwise.
 */
export function acceptTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  let delta: number | null;
  try {
    delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  } catch {
    return null;
  }
  if (delta === null) return null;
  const step = TOTP.counter({ period: TOTP_PERIOD, timestamp: now.getTime() }) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
