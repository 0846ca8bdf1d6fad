// Entry of the utilityProcess that runs the core (built to out/main/coreHost.js). The window's
// main process only relays, so a long report or import never freezes the window. This process
// owns the database connection; it answers each request with a Result and never throws across.
import type { MessageEvent } from 'electron';
import { openHost, restoreWhileClosed } from '../app/host';
import type { Host } from '../app/host';
import type { KeyVault } from '../security/vault';
import { CoreError } from '../errors/errors';
import type { KeyFile } from '../security/keyWrap';
import type { HostReply, HostRequest } from './coreProtocol';

let host: Host | null = null;
const post = (reply: HostReply) => process.parentPort.postMessage(reply);

// The key vault of the core in this process: each load or save is a request to the main process,
// which reads or writes the key file sealed with safeStorage (coreClient.ts answers).
let nextVaultId = 1;
const vaultWaiting = new Map<number, { resolve: (kf: KeyFile | undefined) => void; reject: (e: Error) => void }>();
const askMain = (reply: HostReply & { id: number }) =>
  new Promise<KeyFile | undefined>((resolve, reject) => {
    vaultWaiting.set(reply.id, { resolve, reject });
    post(reply);
  });
const mainVault: KeyVault = {
  load: async () => {
    const kf = await askMain({ type: 'vault-load', id: nextVaultId++ });
    if (!kf) throw new CoreError('DATABASE', 'Het sleutelbestand kon niet worden gelezen.');
    return kf;
  },
  save: async (keyFile) => {
    await askMain({ type: 'vault-save', id: nextVaultId++, keyFile });
  },
};

process.parentPort.on('message', (e: MessageEvent) => {
  const msg = e.data as HostRequest;
  if (msg.type === 'open') {
    host?.close();
    host = null;
    const opened = openHost({
      dbPath: msg.dbPath,
      key: msg.key,
      create: true,
      dataDir: msg.dataDir,
      actor: msg.actor,
      vault: msg.vault ? mainVault : undefined,
      automaticBackups: true,
      log: (line) => console.error(`[kern] ${line}`),
      onInternalError: (method, err) => console.error(`[kern] interne fout in ${method}:`, err),
    });
    if (opened.ok) {
      host = opened.host;
      post({ type: 'opened' });
    } else post({ type: 'open-failed', message: opened.message, diagnosis: opened.diagnosis });
    return;
  }
  if (msg.type === 'restore') {
    if (host) {
      post({ type: 'restore-done', ok: false, message: 'Zet een reservekopie terug via Instellingen › Reservekopieën.' });
      return;
    }
    restoreWhileClosed({ dbPath: msg.dbPath, dataDir: msg.dataDir, key: msg.key, source: msg.source }).then(
      (r) => post({ type: 'restore-done', ok: true, message: r.message }),
      (err: unknown) => {
        if (!(err instanceof CoreError)) console.error('[kern] terugzetten mislukt:', err);
        post({
          type: 'restore-done',
          ok: false,
          message: err instanceof CoreError ? err.message : 'Het terugzetten is mislukt; er is niets gewijzigd.',
        });
      },
    );
    return;
  }
  if (msg.type === 'invoke') {
    if (!host) {
      post({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'DATABASE', message: 'De database is niet geopend.' } } });
      return;
    }
    host.invoke(msg.method, msg.input).then(
      (result) => post({ type: 'result', id: msg.id, result }),
      (err: unknown) => {
        console.error(`[kern] ${msg.method}:`, err);
        post({
          type: 'result',
          id: msg.id,
          result: { ok: false, error: { code: 'INTERN', message: 'Er ging iets mis in de app; er is niets opgeslagen.' } },
        });
      },
    );
    return;
  }
  if (msg.type === 'vault-reply') {
    const w = vaultWaiting.get(msg.id);
    vaultWaiting.delete(msg.id);
    if (msg.error !== undefined) w?.reject(new CoreError('DATABASE', msg.error));
    else w?.resolve(msg.keyFile);
    return;
  }
  if (msg.type === 'close') {
    host?.close();
    host = null;
    post({ type: 'closed' });
  }
});
