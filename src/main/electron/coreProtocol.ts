// The messages between the main process (coreClient.ts) and the core in its utilityProcess
// (coreHost.ts). The key crosses only in the 'open' message, never in argv or the environment.
// The key file is sealed by the OS key store (safeStorage), which exists only in the main process;
// so the core's key vault (security/vault.ts) asks the main process to load and save it.
import type { Result } from '@shared/api/result';
import type { KeyFile } from '../security/keyWrap';
import type { Diagnosis } from '../app/diagnose';

export type HostRequest =
  | { type: 'open'; dbPath: string; key: string; dataDir?: string; actor?: string; vault?: boolean }
  | { type: 'invoke'; id: number; method: string; input: unknown }
  | { type: 'vault-reply'; id: number; keyFile?: KeyFile; error?: string }
  // Only while no database is open (after a failed open): put a backup back (backup/restore.ts).
  | { type: 'restore'; dbPath: string; key: string; dataDir?: string; source: string }
  | { type: 'close' };

export type HostReply =
  | { type: 'opened' }
  // With the diagnosis (app/diagnose.ts): what is wrong and which backup would open.
  | { type: 'open-failed'; message: string; diagnosis: Diagnosis | null }
  | { type: 'restore-done'; ok: true; message: string }
  | { type: 'restore-done'; ok: false; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'vault-load'; id: number }
  | { type: 'vault-save'; id: number; keyFile: KeyFile }
  | { type: 'closed' };
