// The one lifecycle every door uses (docs/ARCHITECTURE.md): open → a staged restore put in place →
// the core on the database with its key → the key vault → services (the idle checkpoint lives in the
// core; the automatic daily backup here) → on failure, the diagnosis. And the restore while the
// database is closed (the start screen, the command line). The doors (electron/coreHost.ts,
// preview/server.ts, cli/context.ts) only translate: messages to IPC, HTTP or the terminal.
import { Core, defaultDataDir } from './core';
import type { CoreOptions } from './core';
import { diagnoseOpenFailure } from './diagnose';
import type { Diagnosis } from './diagnose';
import { CoreError } from '../errors/errors';
import { applyStagedRestore, inspectBackup, restoreBackup } from '../backup/restore';
import { scratchConnection } from '../db/open';
import { startAutomaticBackups } from '../backup/backupTimer';
import { attachKeyId, attachKeyVault } from '../security/vault';
import type { KeyVault } from '../security/vault';
import { keyId } from '../security/keyWrap';
import { dutchLongDateOf } from '@shared/dates';

export interface HostOptions extends CoreOptions {
  /**
   * Where the key file is read and written (passphrase, recovery key): the Electron door's vault
   * (sealed with safeStorage in the main process). Without one, the core knows the key's id only.
   */
  vault?: KeyVault;
  /** Run the automatic daily backup (the app); not for one-shot doors such as the command line. */
  automaticBackups?: boolean;
  /** Where the host's own messages go (a restore put in place, a failed automatic backup). */
  log?: (line: string) => void;
}

/** A restore the app had staged and this start put in place. */
export interface StagedRestoreApplied {
  gemaaktOp: string | null;
}

export type OpenOutcome =
  | { ok: true; host: Host; restored: StagedRestoreApplied | null }
  | { ok: false; message: string; diagnosis: Diagnosis | null; error: unknown };

/** The open core with its services; close() stops them and closes the database. */
export class Host {
  private stopBackups: (() => void) | null = null;

  constructor(readonly core: Core) {}

  invoke = (method: string, input: unknown) => this.core.invoke(method, input);

  startServices(opts: Pick<HostOptions, 'automaticBackups' | 'log'>): void {
    // The daily backup: now and every hour the core checks whether one is due.
    if (opts.automaticBackups) this.stopBackups ??= startAutomaticBackups(this.invoke, opts.log);
  }

  close(): void {
    this.stopBackups?.();
    this.stopBackups = null;
    this.core.close();
  }
}

const UNEXPECTED = 'De database kan niet worden geopend door een onverwachte fout. Er is niets gewijzigd.';

/** Never lets a failing diagnosis hide the open error itself. */
function diagnose(dbPath: string, key: string, log?: (line: string) => void): Diagnosis | null {
  try {
    return diagnoseOpenFailure(dbPath, key);
  } catch (e) {
    log?.(`Diagnose mislukt: ${(e as Error)?.stack ?? String(e)}`);
    return null;
  }
}

/**
 * Opens the app on a database the one way every door does. Never throws: a failure comes with its
 * diagnosis (what is wrong, which backup would open), unless `withDiagnosis` is false.
 */
export function openHost(opts: HostOptions, withDiagnosis = true): OpenOutcome {
  try {
    // A restore staged by trust.restore is put in place now, while no connection is open.
    const applied = applyStagedRestore({ dbPath: opts.dbPath, dataDir: opts.dataDir ?? defaultDataDir(opts.dbPath), key: opts.key, actor: opts.actor });
    const core = Core.open(opts);
    if (opts.vault) attachKeyVault(core, opts.vault);
    else attachKeyId(core, keyId(opts.key));
    const host = new Host(core);
    host.startServices(opts);
    const restored = applied ? { gemaaktOp: applied.gemaaktOp ?? null } : null;
    if (restored) opts.log?.(`Een klaargezette reservekopie (gemaakt ${restored.gemaaktOp ?? 'op onbekende datum'}) is eerst teruggezet.`);
    return { ok: true, host, restored };
  } catch (e) {
    if (!(e instanceof CoreError)) opts.onInternalError?.('openen', e);
    const message = e instanceof CoreError ? e.message : UNEXPECTED;
    return { ok: false, message, diagnosis: withDiagnosis ? diagnose(opts.dbPath, opts.key, opts.log) : null, error: e };
  }
}

export interface ClosedRestoreOptions {
  dbPath: string;
  dataDir?: string;
  key: string;
  /** The backup folder, or its schoolprotocol.db. */
  source: string;
  /** The key the backup was made with, when it is not the current one (the recovery key). */
  sourceKey?: string;
  actor?: string;
  now?: () => Date;
}

export type ClosedRestoreOutcome = ReturnType<typeof restoreBackup> & {
  /** The current database opened (else it was put aside as it was). */
  huidigeOpende: boolean;
  /** A safety backup of the current data was made first (it opened and a backup folder is set). */
  veiligheidskopie: string | null;
  /** The Dutch summary for the start screen. */
  message: string;
};

/**
 * Puts a backup back while no core has the database open. When the current database still opens
 * and a backup folder is set, a safety backup is made first (a failure there stops the restore);
 * when it does not open, it is put aside, never overwritten. Throws a CoreError in Dutch.
 */
export async function restoreWhileClosed(opts: ClosedRestoreOptions): Promise<ClosedRestoreOutcome> {
  const dataDir = opts.dataDir ?? defaultDataDir(opts.dbPath);
  let veiligheidskopie: string | null = null;
  const opened = openHost({ dbPath: opts.dbPath, dataDir, key: opts.key, actor: opts.actor, now: opts.now }, false);
  if (opened.ok) {
    try {
      const s = await opened.host.invoke('trust.settings.get', {});
      if (s.ok && (s.value as { backupMap: string | null }).backupMap) {
        const b = await opened.host.invoke('trust.backup.now', {});
        if (!b.ok)
          throw new CoreError('DATABASE', `Eerst een reservekopie van de huidige gegevens maken lukte niet: ${b.error.message} Er is niets teruggezet.`);
        veiligheidskopie = (b.value as { backup: { pad: string } }).backup.pad;
      }
    } finally {
      opened.host.close();
    }
  }
  const r = restoreBackup({
    dbPath: opts.dbPath,
    dataDir,
    key: opts.key,
    source: opts.source,
    sourceKey: opts.sourceKey,
    veiligheidskopie: veiligheidskopie !== null,
    actor: opts.actor,
    now: opts.now?.(),
  });
  const message = [
    r.gemaaktOp ? `De reservekopie is gemaakt op ${dutchLongDateOf(r.gemaaktOp)}.` : null,
    r.opzij ? `Het vorige databasebestand is bewaard als ${r.opzij}.` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return { ...r, huidigeOpende: opened.ok, veiligheidskopie, message };
}

/**
 * Checks a backup without an open core and without changing anything (ours, the key, integrity,
 * schema version, its files): what the start screen and `restore --controleer` show before a restore.
 */
export function checkBackupWhileClosed(opts: { source: string; key: string; sourceKey?: string }) {
  // A throw-away connection configured like ours, so ATTACH … KEY uses the same cipher.
  const conn = scratchConnection();
  try {
    const { resolved: _resolved, ...check } = inspectBackup(conn, opts.source, { key: opts.sourceKey ?? opts.key, currentKeyId: keyId(opts.key) });
    return check;
  } finally {
    conn.close();
  }
}
