// Handlers for the trust methods of the API contract (src/shared/api/trust.ts).
import type { Handlers, Ctx } from '../core/context';
import type { trustApi, TrustSettingsView } from '../../shared/api/trust';
import { writeSetting } from '../settings/settings';
import { lock, lockStatus, unlock, unlockWithRecoveryKey, setPassphrase, removePassphrase, recoveryKey } from './lock';
import { readTrustSettings, retentionTerms, trustSettingsSchema, TRUST_SETTINGS_KEY } from './settings';
import { appFolders, backupIfDue, backupNow, backupOverview, checkRestore, restore, writeBackupPointer } from './backupService';
import { checkFolder } from './paths';
import { listCandidates, listHolds, createHold, releaseHold, closeAangifte } from './retention';
import { destroyPeople } from './destroy';
import { answerRequest, createRequest, extendRequest, exportForRequest, getRequest, listRequests, reviewRequest } from './accessRequests';
import { createBreach, getBreach, listBreaches, updateBreach } from './breaches';
import { attention, privacyInfo } from './privacy';
import type { DestroyedCount } from '../../shared/api/trust';

function settingsView(ctx: Ctx): TrustSettingsView {
  const s = readTrustSettings(ctx.db);
  const t = retentionTerms(ctx.db);
  return {
    vergrendelNaMinuten: s.vergrendelNaMinuten,
    backupMap: s.backupMap,
    automatischeBackup: s.automatischeBackup,
    bewaartermijnLeerlingJaren: t.leerling,
    bewaartermijnMedewerkerJaren: t.medewerker,
    bewaartermijnOverigJaren: t.overig,
  };
}

// Handlers that await (scrypt, the key vault, VACUUM outside a transaction) are declared async: the
// dispatcher runs those without its automatic transaction and they open their own with ctx.tx.
export const trustHandlers: Handlers<keyof typeof trustApi> = {
  'trust.lockStatus': async (_i, ctx) => lockStatus(ctx),
  'trust.lock': async (_i, ctx) => lock(ctx),
  'trust.unlock': async (input, ctx) => unlock(ctx, input),
  'trust.unlockWithRecoveryKey': async (input, ctx) => unlockWithRecoveryKey(ctx, input),
  'trust.passphrase.set': async (input, ctx) => setPassphrase(ctx, input),
  'trust.passphrase.remove': async (input, ctx) => removePassphrase(ctx, input),
  'trust.recoveryKey': async (input, ctx) => recoveryKey(ctx, input),

  'trust.settings.get': (_i, ctx) => settingsView(ctx),
  'trust.settings.save': (input, ctx) => {
    const current = readTrustSettings(ctx.db);
    const backupMap =
      input.backupMap === undefined
        ? current.backupMap
        : input.backupMap === null
          ? null
          : checkFolder(input.backupMap, 'backupMap', { notInside: appFolders(ctx) });
    writeSetting(ctx, TRUST_SETTINGS_KEY, trustSettingsSchema, { ...current, ...input, backupMap });
    if (backupMap !== current.backupMap) writeBackupPointer(ctx.db.name, backupMap);
    return settingsView(ctx);
  },

  'trust.backup.overview': (_i, ctx) => backupOverview(ctx),
  'trust.backup.now': async (input, ctx) => backupNow(ctx, input),
  'trust.backupIfDue': async (_i, ctx) => backupIfDue(ctx),
  'trust.restore.check': async (input, ctx) => checkRestore(ctx, input),
  'trust.restore': async (input, ctx) => restore(ctx, input),

  'trust.retention.list': (input, ctx) => listCandidates(ctx.db, ctx.today(), input.ookNietVerlopen),
  'trust.retention.destroy': async (input, ctx) => destroyPeople(ctx, input),
  'trust.retention.counts': (input, ctx) =>
    ctx.db
      .prepare(
        `SELECT schooljaar, soort, categorie, maatregel, persoon_soort AS persoonSoort, aantal FROM destroyed_count
           WHERE (? IS NULL OR schooljaar = ?) ORDER BY schooljaar, soort, categorie, maatregel, persoon_soort`,
      )
      .all(input.schooljaar ?? null, input.schooljaar ?? null) as DestroyedCount[],
  'trust.holds.list': (input, ctx) => listHolds(ctx.db, input.personId, input.ookOpgeheven),
  'trust.holds.create': (input, ctx) => createHold(ctx, input),
  'trust.holds.release': (input, ctx) => releaseHold(ctx, input),
  'trust.holds.aangifteAfgerond': (input, ctx) => closeAangifte(ctx, input),

  'trust.accessRequests.list': (input, ctx) => listRequests(ctx.db, ctx.today(), input),
  'trust.accessRequests.get': (input, ctx) => getRequest(ctx.db, input.id, ctx.today()),
  'trust.accessRequests.create': (input, ctx) => createRequest(ctx, input),
  'trust.accessRequests.extend': (input, ctx) => extendRequest(ctx, input),
  'trust.accessRequests.answer': (input, ctx) => answerRequest(ctx, input),
  'trust.accessRequests.export': async (input, ctx) => exportForRequest(ctx, input.id, input),
  'trust.accessRequests.review': async (input, ctx) => reviewRequest(ctx, input.id),

  'trust.breaches.list': (input, ctx) => listBreaches(ctx.db, ctx.now(), input),
  'trust.breaches.get': (input, ctx) => getBreach(ctx.db, input.id, ctx.now()),
  'trust.breaches.create': (input, ctx) => createBreach(ctx, input),
  'trust.breaches.update': (input, ctx) => updateBreach(ctx, input),

  'trust.privacy': async (_i, ctx) => privacyInfo(ctx),
  'trust.attention': (_i, ctx) => attention(ctx),
};
