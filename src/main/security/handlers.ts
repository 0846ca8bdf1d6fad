// Handlers for the lock and passphrase methods of the API contract (src/shared/api/trust.ts).
// Handlers that await (scrypt, the key vault, a worker, VACUUM) are 'steps' writes in the contract:
// the core runs them without its automatic transaction and they open their own with ctx.tx.
import type { Handlers } from '../context/context';
import { lock, lockStatus, unlock, unlockWithRecoveryKey, setPassphrase, removePassphrase, recoveryKey } from './lock';

export const securityHandlers: Handlers<'trust.lockStatus' | 'trust.lock' | 'trust.unlock' | 'trust.unlockWithRecoveryKey' | 'trust.passphrase.set' | 'trust.passphrase.remove' | 'trust.recoveryKey'> = {
  'trust.lockStatus': async (_i, ctx) => lockStatus(ctx),
  'trust.lock': async (_i, ctx) => lock(ctx),
  'trust.unlock': async (input, ctx) => unlock(ctx, input),
  'trust.unlockWithRecoveryKey': async (input, ctx) => unlockWithRecoveryKey(ctx, input),
  'trust.passphrase.set': async (input, ctx) => setPassphrase(ctx, input),
  'trust.passphrase.remove': async (input, ctx) => removePassphrase(ctx, input),
  'trust.recoveryKey': async (input, ctx) => recoveryKey(ctx, input),
};
