// Lock and passphrase as API methods. The lock hides all data in the renderer (lock screen) and is
// kept here too, so a reloaded window comes back locked. Unlocking with a passphrase set checks it
// against the wrapped key in the key file (the same check the door does at start).
import type { Ctx } from '../context/context';
import { CoreError } from '../errors/errors';
import type { LockStatus } from '@shared/api/trust';
import { checkPassphrase, keyFromRecoveryKey, needsPassphrase, plainKeyFile, rewrapKey, unwrapKey, DEFAULT_SCRYPT } from './keyWrap';
import { isLocked, setLocked, vaultOf } from './vault';
import type { KeyVault } from './vault';
import { readTrustSettings } from '../settings/trust';

export async function lockStatus(ctx: Ctx): Promise<LockStatus> {
  const vault = vaultOf(ctx.db);
  return {
    vergrendeld: isLocked(ctx.db),
    wachtwoordIngesteld: vault ? needsPassphrase(await vault.load()) : false,
    wachtwoordMogelijk: !!vault,
    vergrendelNaMinuten: readTrustSettings(ctx.db).vergrendelNaMinuten,
  };
}

export function lock(ctx: Ctx): Promise<LockStatus> {
  setLocked(ctx.db, true);
  return lockStatus(ctx);
}

export async function unlock(ctx: Ctx, input: { wachtwoord?: string }): Promise<LockStatus> {
  const vault = vaultOf(ctx.db);
  if (vault) {
    const kf = await vault.load();
    if (needsPassphrase(kf)) {
      if (!input.wachtwoord)
        throw new CoreError('GEEN_TOEGANG', 'Vul het wachtwoord van de app in.', 'wachtwoord', { wachtwoord: 'Vul het wachtwoord in.' });
      await unwrapKey(kf, input.wachtwoord);
    }
  }
  setLocked(ctx.db, false);
  return lockStatus(ctx);
}

/**
 * A forgotten passphrase: the recovery key (the database key itself, kept on paper) unlocks and
 * takes the passphrase away, so the school leader sets a new one. The database is not touched.
 */
export async function unlockWithRecoveryKey(ctx: Ctx, input: { herstelsleutel: string }): Promise<LockStatus> {
  const vault = requireVault(ctx);
  const kf = await vault.load();
  const key = keyFromRecoveryKey(input.herstelsleutel, kf);
  if (needsPassphrase(kf)) {
    await vault.save(plainKeyFile(key));
    ctx.tx(() => ctx.audit('beveiliging', null, 'wachtwoord_verwijderd_met_herstelsleutel', null, null));
  }
  setLocked(ctx.db, false);
  return lockStatus(ctx);
}

function requireVault(ctx: Ctx): KeyVault {
  const vault = vaultOf(ctx.db);
  if (!vault) {
    throw new CoreError(
      'REGEL',
      'Een wachtwoord voor de app kan alleen in de geïnstalleerde app worden ingesteld (niet in de voorvertoning of via de opdrachtregel).',
    );
  }
  return vault;
}

const fieldCheck = (field: string, fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CoreError) throw new CoreError(e.code, e.message, field, { [field]: e.message });
    throw e;
  }
};

/** Sets or changes the passphrase: the same database key, wrapped anew. The database is not touched. */
export async function setPassphrase(ctx: Ctx, input: { huidig?: string; nieuw: string; herhaling: string }): Promise<LockStatus> {
  const vault = requireVault(ctx);
  fieldCheck('nieuw', () => checkPassphrase(input.nieuw));
  if (input.nieuw !== input.herhaling)
    throw new CoreError('VALIDATIE', 'De twee wachtwoorden zijn niet gelijk.', 'herhaling', {
      herhaling: 'Niet gelijk aan het nieuwe wachtwoord.',
    });
  const kf = await vault.load();
  const had = needsPassphrase(kf);
  if (had && !input.huidig)
    throw new CoreError('VALIDATIE', 'Vul het huidige wachtwoord in.', 'huidig', { huidig: 'Vul het huidige wachtwoord in.' });
  let next;
  try {
    next = await rewrapKey(kf, had ? input.huidig! : null, input.nieuw, vault.scrypt ?? DEFAULT_SCRYPT);
  } catch (e) {
    if (e instanceof CoreError && e.code === 'GEEN_TOEGANG')
      throw new CoreError('GEEN_TOEGANG', e.message, 'huidig', { huidig: e.message });
    throw e;
  }
  await vault.save(next);
  ctx.tx(() => ctx.audit('beveiliging', null, had ? 'wachtwoord_gewijzigd' : 'wachtwoord_ingesteld', null, null));
  return lockStatus(ctx);
}

export async function removePassphrase(ctx: Ctx, input: { huidig: string }): Promise<LockStatus> {
  const vault = requireVault(ctx);
  const kf = await vault.load();
  if (!needsPassphrase(kf)) throw new CoreError('CONFLICT', 'Er is geen wachtwoord ingesteld.');
  let next;
  try {
    next = await rewrapKey(kf, input.huidig, null);
  } catch (e) {
    if (e instanceof CoreError && e.code === 'GEEN_TOEGANG')
      throw new CoreError('GEEN_TOEGANG', e.message, 'huidig', { huidig: e.message });
    throw e;
  }
  await vault.save(next);
  ctx.tx(() => ctx.audit('beveiliging', null, 'wachtwoord_verwijderd', null, null));
  return lockStatus(ctx);
}

/** The database key, to write down and keep in a safe: the only way back after a lost PC or key store. */
export async function recoveryKey(ctx: Ctx, input: { wachtwoord?: string }): Promise<{ sleutel: string; sleutelId: string }> {
  const vault = requireVault(ctx);
  const kf = await vault.load();
  if (needsPassphrase(kf) && !input.wachtwoord)
    throw new CoreError('GEEN_TOEGANG', 'Vul het wachtwoord van de app in.', 'wachtwoord', { wachtwoord: 'Vul het wachtwoord in.' });
  const sleutel = await unwrapKey(kf, input.wachtwoord);
  ctx.tx(() => ctx.audit('beveiliging', null, 'herstelsleutel_getoond', null, null));
  return { sleutel, sleutelId: kf.sleutelId };
}
