// Passwords of accounts (docs/SERVER.md, "Accounts en inloggen"): kept only as an scrypt hash
// (built into Node, no native module to ship) with a salt of its own per account. The stored text
// carries its parameters, "scrypt$N$r$p$salt$hash", so stronger parameters later apply to new
// hashes while old ones still check.
//
// Parameters: N = 2^15, r = 8, p = 3 — 32 MiB per guess, one of OWASP's recommended scrypt settings,
// chosen over N = 2^17 (the key file's, security/keyWrap.ts) because a server may check several
// logins at once; it takes some 0.1–0.3 s per check.
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { MAX_WACHTWOORD, MIN_WACHTWOORD } from '@shared/api/accounts';

export interface PasswordParams {
  N: number;
  r: number;
  p: number;
}

export const PASSWORD_SCRYPT: PasswordParams = { N: 2 ** 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;

function scrypt(password: string, salt: Buffer, params: PasswordParams, length: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, length, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The stored form of a new password: "scrypt$N$r$p$salt$hash" with a fresh random salt. */
export async function hashPassword(password: string, params: PasswordParams = PASSWORD_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scrypt(password, salt, params, HASH_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** The parameters, salt and hash of a stored password; null when it is not one (or its cost is absurd). */
export function parseHash(stored: string): { params: PasswordParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  // Bounds, so a damaged row cannot make one check take minutes or gigabytes.
  if (!Number.isInteger(N) || N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0) return null;
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  if (128 * N * r > 256 * 1024 * 1024) return null;
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || hash.length < 16) return null;
  return { params: { N, r, p }, salt, hash };
}

/** Whether the password matches the stored hash; the comparison takes the same time wherever they differ. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) {
    await dummyCheck(password);
    return false;
  }
  const candidate = await scrypt(password, parsed.salt, parsed.params, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

// Random salt and random bytes for a hash: no password matches it, and nothing need be computed first.
const DUMMY = [
  'scrypt',
  PASSWORD_SCRYPT.N,
  PASSWORD_SCRYPT.r,
  PASSWORD_SCRYPT.p,
  randomBytes(SALT_BYTES).toString('base64'),
  randomBytes(HASH_BYTES).toString('base64'),
].join('$');

/**
 * Checks a password against a hash no password matches, with the same parameters: an unknown user
 * name takes as long to refuse as a wrong password (no way to learn which names exist).
 */
export async function dummyCheck(password: string): Promise<void> {
  const parsed = parseHash(DUMMY) as NonNullable<ReturnType<typeof parseHash>>;
  const candidate = await scrypt(password, parsed.salt, parsed.params, parsed.hash.length);
  timingSafeEqual(candidate, parsed.hash);
}

// Words that, with some digits or signs after them, are guessed first. Kept short: the length rule
// does most of the work; this catches "Wachtwoord2026!" and its kind.
const COMMON_WORDS = new Set([
  'wachtwoord',
  'password',
  'passwort',
  'passw0rd',
  'welkom',
  'welkomwelkom',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'asdfghjkl',
  'letmein',
  'iloveyou',
  'admin',
  'administrator',
  'beheerder',
  'geheim',
  'schoolprotocol',
  'school',
  'schoolleider',
  'directeur',
  'docent',
  'leraar',
  'mentor',
  'voetbal',
  'ajax',
  'feyenoord',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'januari',
  'september',
  'nederland',
  'holland',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'abc',
  'abcdef',
  'abcdefgh',
]);
const COMMON_WHOLE = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789abc',
  '1q2w3e4r5t6y',
  'qwertyuiop12',
  'qwerty123456',
  'qwertyqwerty',
  'azertyuiop12',
  'wachtwoord12',
  'wachtwoord123',
  'password1234',
  'passwordpassword',
  'welkom123456',
  'abcdefghijkl',
  'abcd1234abcd',
]);

/** The password's common core: lower case, digits and signs at either end left off. */
const core = (s: string) =>
  s
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[^\p{L}]+$/u, '');

/**
 * Why a new password cannot be used, in Dutch, or null when it can: at least MIN_WACHTWOORD
 * characters, not the user name, not a common password or a common word with digits added.
 */
export function passwordProblem(password: string, gebruikersnaam: string): string | null {
  if ([...password].length < MIN_WACHTWOORD) return `Kies een wachtwoord van minstens ${MIN_WACHTWOORD} tekens.`;
  if ([...password].length > MAX_WACHTWOORD) return `Kies een wachtwoord van hoogstens ${MAX_WACHTWOORD} tekens.`;
  const lower = password.toLowerCase();
  const name = gebruikersnaam.toLowerCase();
  if (lower === name || core(password) === core(gebruikersnaam)) return 'Uw wachtwoord mag niet gelijk zijn aan uw gebruikersnaam.';
  const c = core(password);
  if (COMMON_WHOLE.has(lower) || COMMON_WORDS.has(c) || c === '' || /^(.)\1*$/u.test(lower) || /^(.{1,3})\1+$/u.test(lower))
    return 'Dit wachtwoord is te makkelijk te raden. Kies bijvoorbeeld een zin van een paar woorden die u goed kunt onthouden.';
  return null;
}

// No 0/o, 1/l/i: a start password is read from a screen and typed over.
const START_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time start password: four groups of four random characters ("k7mq-x3pt-9hwa-fe2r", ~79 bits). */
export function startPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += START_ALPHABET[randomInt(START_ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}
