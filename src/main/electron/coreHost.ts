// Entry of the utilityProcess that runs the core (built to out/main/coreHost.js). The window's
// main process only relays, so a long report or import never freezes the window. This process
// owns the database connection; it answers each request with a Result and never throws across.
import type { MessageEvent } from 'electron';
import { Core, defaultDataDir } from '../core/core';
import { applyStagedRestore, attachKeyVault, diagnoseOpenFailure } from '../trust/doorHooks';
import { restoreBackup } from '../trust/restore';
import { dutchLongDateOf } from '../../shared/dates';
import type { KeyVault } from '../trust/doorHooks';
import { CoreError } from '../core/errors';
import type { KeyFile } from '../trust/keyWrap';
import type { HostReply, HostRequest } from './coreProtocol';

let core: Core | null = null;
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

/** Never lets a failing diagnosis hide the open error itself. */
function diagnose(dbPath: string, key: string) {
  try {
    return diagnoseOpenFailure(dbPath, key);
  } catch (err) {
    console.error('[kern] diagnose mislukt:', err);
    return null;
  }
}

process.parentPort.on('message', (e: MessageEvent) => {
  const msg = e.data as HostRequest;
  if (msg.type === 'open') {
    try {
      core?.close();
      core = null;
      // A restore staged by trust.restore is put in place now, while no connection is open.
      applyStagedRestore({ dbPath: msg.dbPath, dataDir: msg.dataDir ?? defaultDataDir(msg.dbPath), key: msg.key });
      core = Core.open({
        dbPath: msg.dbPath,
        key: msg.key,
        create: true,
        dataDir: msg.dataDir,
        actor: msg.actor,
        onInternalError: (method, err) => console.error(`[kern] interne fout in ${method}:`, err),
      });
      if (msg.vault) attachKeyVault(core, mainVault);
      post({ type: 'opened' });
    } catch (err) {
      core = null;
      const message =
        err instanceof CoreError ? err.message : 'De database kan niet worden geopend door een onverwachte fout. Er is niets gewijzigd.';
      if (!(err instanceof CoreError)) console.error('[kern] openen mislukt:', err);
      post({ type: 'open-failed', message, diagnosis: diagnose(msg.dbPath, msg.key) });
    }
    return;
  }
  if (msg.type === 'restore') {
    if (core) {
      post({ type: 'restore-done', ok: false, message: 'Zet een reservekopie terug via Instellingen › Reservekopieën.' });
      return;
    }
    try {
      const dataDir = msg.dataDir ?? defaultDataDir(msg.dbPath);
      // A safety copy is not possible (the current database does not open): it is put aside instead.
      const r = restoreBackup({ dbPath: msg.dbPath, dataDir, key: msg.key, source: msg.source });
      const parts = [
        r.gemaaktOp ? `De reservekopie is gemaakt op ${dutchLongDateOf(r.gemaaktOp)}.` : null,
        r.opzij ? `Het vorige databasebestand is bewaard als ${r.opzij}.` : null,
      ];
      post({ type: 'restore-done', ok: true, message: parts.filter(Boolean).join(' ') });
    } catch (err) {
      if (!(err instanceof CoreError)) console.error('[kern] terugzetten mislukt:', err);
      post({
        type: 'restore-done',
        ok: false,
        message: err instanceof CoreError ? err.message : 'Het terugzetten is mislukt; er is niets gewijzigd.',
      });
    }
    return;
  }
  if (msg.type === 'invoke') {
    if (!core) {
      post({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'DATABASE', message: 'De database is niet geopend.' } } });
      return;
    }
    core.invoke(msg.method, msg.input).then(
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
    core?.close();
    core = null;
    post({ type: 'closed' });
  }
});
