// The messages between the main process (coreClient.ts) and the core in its utilityProcess
// (coreHost.ts). The key crosses only in the 'open' message, never in argv or the environment.
import type { Result } from '../../shared/api/result';

export type HostRequest =
  | { type: 'open'; dbPath: string; key: string; dataDir?: string; actor?: string }
  | { type: 'invoke'; id: number; method: string; input: unknown }
  | { type: 'close' };

export type HostReply =
  | { type: 'opened' }
  | { type: 'open-failed'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' };
