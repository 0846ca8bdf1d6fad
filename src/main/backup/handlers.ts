// Handlers for the backup, restore and trust settings methods of the API contract (src/shared/api/trust.ts).
// Handlers that await (scrypt, the key vault, a worker, VACUUM) are 'steps' writes in the contract:
// the core runs them without its automatic transaction and they open their own with ctx.tx.
import type { Handlers, Ctx } from '../context/context';
import type { TrustSettingsView } from '@shared/api/trust';
import { writeSetting } from '../settings/settings';
import { readTrustSettings, retentionTerms, trustSettingsSchema, TRUST_SETTINGS_KEY } from '../settings/trust';
import { appFolders, backupIfDue, backupNow, backupOverview, checkRestore, restore, writeBackupPointer } from './backupService';
import { checkFolder } from './paths';

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

export const backupHandlers: Handlers<'trust.settings.get' | 'trust.settings.save' | 'trust.backup.overview' | 'trust.backup.now' | 'trust.backupIfDue' | 'trust.restore.check' | 'trust.restore'> = {
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
};
