// What a door calls to complete the trust features, each a one-liner at the right place:
//   - startAutomaticBackups(invoke): at start and every hour, trust.backupIfDue (the core decides
//     whether a backup is due: a folder is set, automation is on, none succeeded today);
//   - applyStagedRestore({ dbPath, dataDir, key }): before Core.open, so a restore staged by
//     trust.restore is put in place while no connection is open (restore.ts);
//   - diagnoseOpenFailure(dbPath, key): when Core.open fails, the Dutch explanation and the
//     backups to restore from (diagnose.ts).
// The Electron main process imports backupTimer.ts and vault.ts directly: this file also brings the
// database module, which belongs in the core's process only.
export { BACKUP_CHECK_MS, startAutomaticBackups } from './backupTimer';
export { applyStagedRestore } from './restore';
export { diagnoseOpenFailure } from './diagnose';
export { attachKeyVault, attachKeyId, fileKeyVault } from './vault';
export type { KeyVault } from './vault';
