// The key file of the development doors (browser preview, and the CLI as a fallback): the
// database key kept beside the database as "<db>.key", created on first run with mode 0600.
// This is for development and demos only; the Electron app keeps its key with safeStorage.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { KEY_RE } from '../db/open';

export const keyFilePath = (dbPath: string) => `${dbPath}.key`;

export const generateKey = () => randomBytes(32).toString('hex');

/** The key from the file beside the database, or null when there is none. */
export function readKeyFile(dbPath: string): string | null {
  const file = keyFilePath(dbPath);
  if (!fs.existsSync(file)) return null;
  const key = fs.readFileSync(file, 'utf8').trim();
  if (!KEY_RE.test(key)) throw new Error(`Het sleutelbestand ${file} bevat geen geldige sleutel (64 hexadecimale tekens).`);
  return key;
}

/** Writes a new key file (only the owner may read it); refuses to overwrite an existing one. */
export function createKeyFile(dbPath: string, key = generateKey()): string {
  fs.writeFileSync(keyFilePath(dbPath), key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
