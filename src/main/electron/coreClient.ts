// The main process's side of the core: starts coreHost.js in an Electron utilityProcess and
// relays requests to it. Each request gets an id; a crash of the host answers every waiting
// request with a Dutch Result instead of leaving the window hanging.
import { utilityProcess } from 'electron';
import type { ApiError, Result } from '@shared/api/result';
import type { HostReply, HostRequest } from './coreProtocol';
import type { Diagnosis } from '../app/diagnose';

export type OpenResult = { ok: true } | { ok: false; message: string; diagnosis: Diagnosis | null };
export type RestoreResult = { ok: boolean; message: string };
import type { KeyVault } from '../security/vault';
import { CoreError } from '../errors/errors';

const CRASHED: { ok: false; error: ApiError } = {
  ok: false,
  error: {
    code: 'INTERN',
    message:
      'De gegevensverwerking van Schoolprotocol is onverwacht gestopt. Sluit de app en start haar opnieuw; wat al was opgeslagen, blijft bewaard.',
  },
};

/** The part of Electron's UtilityProcess the client uses (a test passes an in-process stand-in). */
export interface HostProcess {
  postMessage(message: HostRequest): void;
  on(event: 'message', listener: (reply: HostReply) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export class CoreHostClient {
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private openWaiter: ((r: OpenResult) => void) | null = null;
  private restoreWaiter: ((r: RestoreResult) => void) | null = null;
  private closeWaiter: (() => void) | null = null;
  private alive = true;

  /**
   * `vault`: the key file as the main process reads and writes it (sealed with safeStorage). The
   * core asks for it to check, set or change the app passphrase (vault-load / vault-save).
   */
  constructor(
    private readonly child: HostProcess,
    private readonly vault: KeyVault | null = null,
  ) {
    child.on('message', (reply: HostReply) => this.onReply(reply));
    child.on('exit', (code) => {
      this.alive = false;
      if (code !== 0) console.error(`[kern] proces gestopt met code ${code}`);
      for (const resolve of this.pending.values()) resolve(CRASHED);
      this.pending.clear();
      this.openWaiter?.({ ok: false, message: CRASHED.error.message, diagnosis: null });
      this.openWaiter = null;
      this.restoreWaiter?.({ ok: false, message: CRASHED.error.message });
      this.restoreWaiter = null;
      this.closeWaiter?.();
      this.closeWaiter = null;
    });
  }

  static start(modulePath: string, env: Record<string, string> = {}, vault: KeyVault | null = null): CoreHostClient {
    const child = utilityProcess.fork(modulePath, [], {
      serviceName: 'Schoolprotocol – gegevens',
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    return new CoreHostClient(child as HostProcess, vault);
  }

  private send(msg: HostRequest) {
    this.child.postMessage(msg);
  }

  private onReply(reply: HostReply) {
    if (reply.type === 'result') {
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      resolve?.(reply.result);
    } else if (reply.type === 'opened') {
      this.openWaiter?.({ ok: true });
      this.openWaiter = null;
    } else if (reply.type === 'open-failed') {
      this.openWaiter?.({ ok: false, message: reply.message, diagnosis: reply.diagnosis });
      this.openWaiter = null;
    } else if (reply.type === 'restore-done') {
      this.restoreWaiter?.({ ok: reply.ok, message: reply.message });
      this.restoreWaiter = null;
    } else if (reply.type === 'vault-load' || reply.type === 'vault-save') {
      void this.answerVault(reply);
    } else if (reply.type === 'closed') {
      this.closeWaiter?.();
      this.closeWaiter = null;
    }
  }

  private async answerVault(reply: Extract<HostReply, { type: 'vault-load' | 'vault-save' }>) {
    const { id } = reply;
    if (!this.vault) {
      this.send({ type: 'vault-reply', id, error: 'Deze app bewaart geen sleutelbestand.' });
      return;
    }
    try {
      if (reply.type === 'vault-load') this.send({ type: 'vault-reply', id, keyFile: await this.vault.load() });
      else {
        await this.vault.save(reply.keyFile);
        this.send({ type: 'vault-reply', id });
      }
    } catch (e) {
      // readKeyFile/writeKeyFile throw Dutch CoreErrors; anything else (a full disk) gets a plain sentence.
      const message =
        e instanceof CoreError ? e.message : `Het sleutelbestand kon niet worden opgeslagen: ${(e as Error)?.message ?? String(e)}`;
      this.send({ type: 'vault-reply', id, error: message });
    }
  }

  open(opts: { dbPath: string; key: string; dataDir?: string }): Promise<OpenResult> {
    if (!this.alive) return Promise.resolve({ ok: false, message: CRASHED.error.message, diagnosis: null });
    return new Promise((resolve) => {
      this.openWaiter = resolve;
      this.send({ type: 'open', ...opts, vault: !!this.vault });
    });
  }

  /** After a failed open: puts the backup at `source` back (checked first; the old file kept aside). */
  restore(opts: { dbPath: string; key: string; dataDir?: string; source: string }): Promise<RestoreResult> {
    if (!this.alive) return Promise.resolve({ ok: false, message: CRASHED.error.message });
    return new Promise((resolve) => {
      this.restoreWaiter = resolve;
      this.send({ type: 'restore', ...opts });
    });
  }

  invoke = (method: string, input: unknown): Promise<Result<unknown>> => {
    if (!this.alive) return Promise.resolve(CRASHED);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'invoke', id, method, input });
    });
  };

  /** Closes the database cleanly, then ends the process (at most `ms` waiting). */
  async stop(ms = 3000): Promise<void> {
    if (!this.alive) return;
    await Promise.race([
      new Promise<void>((resolve) => {
        this.closeWaiter = resolve;
        this.send({ type: 'close' });
      }),
      new Promise<void>((resolve) => setTimeout(resolve, ms)),
    ]);
    this.child.kill();
  }
}
