// The automatic daily backup's clock, a service of the host (app/host.ts): every hour it asks the core
// whether a backup is due (trust.backupIfDue decides: a folder set, automation on, none today).
import type { Result } from '@shared/api/result';

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
