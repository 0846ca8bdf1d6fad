// Entry of the utilityProcess that runs the core (built to out/main/coreHost.js). The window's
// main process only relays, so a long report or import never freezes the window. This process
// owns the database connection; it answers each request with a Result and never throws across.
import type { MessageEvent } from 'electron';
import { Core, defaultDataDir } from '../core/core';
import { applyStagedRestore } from '../trust/doorHooks';
import { CoreError } from '../core/errors';
import type { HostReply, HostRequest } from './coreProtocol';

let core: Core | null = null;
const post = (reply: HostReply) => process.parentPort.postMessage(reply);

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
      post({ type: 'opened' });
    } catch (err) {
      core = null;
      const message =
        err instanceof CoreError ? err.message : 'De database kan niet worden geopend door een onverwachte fout. Er is niets gewijzigd.';
      if (!(err instanceof CoreError)) console.error('[kern] openen mislukt:', err);
      post({ type: 'open-failed', message });
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
        post({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'INTERN', message: 'Er ging iets mis in de app; er is niets opgeslagen.' } } });
      },
    );
    return;
  }
  if (msg.type === 'close') {
    core?.close();
    core = null;
    post({ type: 'closed' });
  }
});
