// The database key of the Electron app: 32 random bytes (64 hex characters, as db/open.ts needs),
// generated on first run and kept in the user-data folder ENCRYPTED by the OS key store through
// Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux).
// If the OS offers no real key store (safeStorage unavailable, or Linux's "basic_text" fallback,
// which is obfuscation with a fixed password), we refuse and say so instead of keeping the key in
// plain text. A lost key cannot be recovered: there is no back door (README).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { needsPassphrase, parseKeyFile, plainKeyFile, writeKeyFile } from '../security/keyWrap';
import type { KeyFile } from '../security/keyWrap';

export const KEY_FILE = 'databasesleutel.bin';

/** The part of Electron's safeStorage we use (so tests can pass a stand-in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

export type KeyResult =
  | { ok: true; key: string; created: boolean }
  | { ok: false; reason: 'no-keystore' | 'key-missing' | 'key-unreadable'; message: string }
  // An app passphrase wraps the key (security/keyWrap.ts): ask for it, then unwrapKey(keyFile, passphrase).
  | { ok: false; reason: 'passphrase'; keyFile: KeyFile; message: string };

export const NO_KEYSTORE_MESSAGE =
  'Schoolprotocol kan de sleutel van de database niet veilig bewaren: deze computer biedt geen beveiligde sleutelopslag ' +
  '(op Linux: de sleutelbos van GNOME of KWallet). Zonder die opslag zou de sleutel onversleuteld op schijf staan, en dat doen we niet. ' +
  'Start de sleutelbos (of log in met een bureaubladomgeving die er een heeft) en open Schoolprotocol opnieuw.';

export function keyStoreAvailable(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

export function loadOrCreateKey(opts: {
  dir: string;
  dbExists: boolean;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
}): KeyResult {
  const file = path.join(opts.dir, KEY_FILE);
  if (!keyStoreAvailable(opts.safeStorage, opts.platform)) return { ok: false, reason: 'no-keystore', message: NO_KEYSTORE_MESSAGE };
  if (fs.existsSync(file)) {
    let text: string;
    try {
      text = opts.safeStorage.decryptString(fs.readFileSync(file));
    } catch {
      return {
        ok: false,
        reason: 'key-unreadable',
        message:
          'De sleutel van de database kan op deze computer niet worden ontsleuteld (bijvoorbeeld omdat de gegevensmap van een andere computer of gebruiker komt). ' +
          'Er is niets gewijzigd. Open Schoolprotocol als de gebruiker die de gegevens heeft gemaakt, of zet een reservekopie terug met de bijbehorende sleutel.',
      };
    }
    // The key file's format (security/keyWrap.ts) inside the OS protection; a bare hex key (the first
    // format) is still read.
    let kf: KeyFile;
    try {
      kf = parseKeyFile(text);
    } catch {
      return {
        ok: false,
        reason: 'key-unreadable',
        message: 'Het sleutelbestand van Schoolprotocol is beschadigd. Er is niets gewijzigd.',
      };
    }
    if (needsPassphrase(kf)) return { ok: false, reason: 'passphrase', keyFile: kf, message: 'Vul het wachtwoord van Schoolprotocol in.' };
    return { ok: true, key: (kf as Extract<KeyFile, { beveiliging: 'geen' }>).sleutel, created: false };
  }
  if (opts.dbExists) {
    // Never make a new key for an existing database: it would not open, and a new database would
    // later replace the old one. Say what is missing.
    return {
      ok: false,
      reason: 'key-missing',
      message: `De database bestaat, maar de sleutel ontbreekt (${KEY_FILE} in de gegevensmap). Er is niets gewijzigd. Zet het sleutelbestand terug of zet een reservekopie terug.`,
    };
  }
  const key = randomBytes(32).toString('hex');
  fs.mkdirSync(opts.dir, { recursive: true });
  writeKeyFile(file, plainKeyFile(key), opts.safeStorage);
  return { ok: true, key, created: true };
}
