// The running core's link to its key file (for the passphrase and the unlock check) and its lock
// state. The door that opened the core attaches the vault: the CLI or the preview a file vault;
// the Electron door, whose core runs in a utility process where safeStorage does not exist, a
// vault whose load/save ask the main process (which seals the file with safeStorage). Without a
// vault there is no passphrase.
import type { DB } from '../db/open';
import { readKeyFile, writeKeyFile } from './keyWrap';
import type { KeyFile, Protector, ScryptParams } from './keyWrap';

export interface KeyVault {
  load(): KeyFile | Promise<KeyFile>;
  save(kf: KeyFile): void | Promise<void>;
  /** Lighter KDF parameters (tests only); production uses keyWrap.DEFAULT_SCRYPT. */
  scrypt?: ScryptParams;
}

/** A key file on disk, sealed by the protector (Electron's safeStorage) when there is one. */
export function fileKeyVault(file: string, protector: Protector | null, scrypt?: ScryptParams): KeyVault {
  return {
    load: () => readKeyFile(file, protector),
    save: (kf) => writeKeyFile(file, kf, protector),
    scrypt,
  };
}

interface TrustState {
  vault: KeyVault | null;
  /** The key's fingerprint when the door knows the key but keeps no key file (the CLI). */
  keyId: string | null;
  locked: boolean;
}

// Keyed by the connection, so the state lives exactly as long as the core that owns it.
const states = new WeakMap<DB, TrustState>();

function state(db: DB): TrustState {
  let s = states.get(db);
  if (!s) {
    s = { vault: null, keyId: null, locked: false };
    states.set(db, s);
  }
  return s;
}

/** Called by a door right after Core.open. */
export function attachKeyVault(core: { db: DB }, vault: KeyVault): void {
  state(core.db).vault = vault;
}

export const vaultOf = (db: DB): KeyVault | null => state(db).vault;

/** For a door that passes the key itself (the CLI): lets backups record which key made them. */
export function attachKeyId(core: { db: DB }, keyId: string): void {
  state(core.db).keyId = keyId;
}

export const keyIdOf = (db: DB): string | null => state(db).keyId;

export const isLocked = (db: DB): boolean => state(db).locked;

export function setLocked(db: DB, locked: boolean): void {
  state(db).locked = locked;
}
