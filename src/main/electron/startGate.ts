// The passphrase at start. When an app passphrase wraps the database key, the Electron
// door cannot open the database until the user types it. The window then shows the lock screen
// (the renderer's LockGate asks trust.lockStatus first) and this gate answers in the core's place:
// the lock methods as "locked, passphrase set", every other call as locked. trust.unlock unwraps
// the key with the passphrase (scrypt, off the main thread) and opens the database; so does
// trust.unlockWithRecoveryKey after a forgotten passphrase. From then on every call goes to the core. Without a passphrase the gate is open from the start.
// Plain Node (no Electron import), so it is tested under vitest.
import type { Result } from '@shared/api/result';
import { LOCKED_MESSAGE } from '@shared/api/trust';
import type { LockStatus } from '@shared/api/trust';
import { toApiError } from '../errors/errors';
import { keyFromRecoveryKey, unwrapKey } from '../security/keyWrap';
import type { KeyFile } from '../security/keyWrap';
import type { Relay } from './ipc';

/** Opens the database with the key (the door shows its own dialogs on failure). */
export type Opener = (key: string) => Promise<{ ok: true } | { ok: false; message: string }>;

/** What the lock screen needs before the database is open; the idle time is the core's, after. */
const LOCKED_AT_START: LockStatus = { vergrendeld: true, wachtwoordIngesteld: true, wachtwoordMogelijk: true, vergrendelNaMinuten: 10 };

export class StartGate {
  private unlocking: Promise<Result<unknown>> | null = null;

  private constructor(
    private openKey: string | null,
    private readonly keyFile: KeyFile | null,
    private readonly open: Opener,
    private readonly relay: Relay,
  ) {}

  /** The database is already open with this key. */
  static opened(key: string, relay: Relay): StartGate {
    return new StartGate(key, null, () => Promise.resolve({ ok: true }), relay);
  }

  /** The key is wrapped by the passphrase: closed until trust.unlock gives the right one. */
  static awaitingPassphrase(keyFile: KeyFile, open: Opener, relay: Relay): StartGate {
    return new StartGate(null, keyFile, open, relay);
  }

  /** The database key once the database is open (the door reopens with it after a restore). */
  get key(): string | null {
    return this.openKey;
  }

  invoke = (method: string, input: unknown): Promise<Result<unknown>> => {
    if (this.openKey !== null) return this.relay(method, input);
    if (method === 'trust.lockStatus' || method === 'trust.lock') return Promise.resolve({ ok: true, value: LOCKED_AT_START });
    if (method === 'trust.unlock' || method === 'trust.unlockWithRecoveryKey') {
      // One attempt at a time: each costs a slow key derivation, and two would open twice.
      this.unlocking ??= this.unlock(method, input).finally(() => {
        this.unlocking = null;
      });
      return this.unlocking;
    }
    return Promise.resolve({ ok: false, error: { code: 'GEEN_TOEGANG', message: LOCKED_MESSAGE } });
  };

  /**
   * With the passphrase, or with the recovery key after a forgotten passphrase: then, once the
   * database is open, the core itself takes the passphrase away (and records that) through the
   * same method.
   */
  private async unlock(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.openKey !== null) return this.afterOpen(method, input);
    const given = input as { wachtwoord?: unknown; herstelsleutel?: unknown } | null;
    let key: string;
    try {
      key =
        method === 'trust.unlock'
          ? await unwrapKey(this.keyFile!, typeof given?.wachtwoord === 'string' ? given.wachtwoord : null)
          : keyFromRecoveryKey(typeof given?.herstelsleutel === 'string' ? given.herstelsleutel : '', this.keyFile!);
    } catch (e) {
      const error = toApiError(e);
      return { ok: false, error: error.field ? { ...error, fields: { [error.field]: error.message } } : error };
    }
    const opened = await this.open(key);
    if (!opened.ok) return { ok: false, error: { code: 'DATABASE', message: opened.message } };
    this.openKey = key;
    return this.afterOpen(method, input);
  }

  /** The passphrase was checked here: the fresh core is unlocked. The recovery key: the core acts. */
  private afterOpen(method: string, input: unknown): Promise<Result<unknown>> {
    return method === 'trust.unlock' ? this.relay('trust.lockStatus', {}) : this.relay(method, input);
  }
}
