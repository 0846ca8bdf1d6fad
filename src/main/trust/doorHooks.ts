// What a door calls to complete the trust features, each a one-liner at the right place:
//   - startAutomaticBackups(invoke): at start and every hour, trust.backupIfDue (the core decides
//     whether a backup is due: a folder is set, automation is on, none succeeded today);
//   - applyStagedRestore({ dbPath, dataDir, key }): before Core.open, so a restore staged by
//     trust.restore is put in place while no connection is open (restore.ts);
//   - diagnoseOpenFailure(dbPath, key): when Core.open fails, the Dutch explanation and the
//     backups to restore from (diagnose.ts).
import type { Result } from '../../shared/api/result';

export const BACKUP_CHECK_MS = 60 * 60 * 1000;

type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Runs trust.backupIfDue now and every hour. Failures go to `log` (the core also records them for
 * the dashboard); never throws. Returns a stop function.
 */
export function startAutomaticBackups(invoke: Invoke, log: (message: string) => void = () => {}, everyMs = BACKUP_CHECK_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return; // a slow network drive: never two at once
    running = true;
    try {
      const r = await invoke('trust.backupIfDue', {});
      if (!r.ok) log(`Automatische reservekopie mislukt: ${r.error.message}`);
    } catch (e) {
      log(`Automatische reservekopie mislukt: ${(e as Error)?.message ?? String(e)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

export { applyStagedRestore } from './restore';
export { diagnoseOpenFailure } from './diagnose';
export { attachKeyVault, attachKeyId, fileKeyVault } from './vault';
