// Entry of the backup worker thread (backupThread.ts starts it; built to out/main/backupWorker.js).
// It opens its own read-only connection to the core's database with the same key and makes the
// whole backup (backup.ts makeBackup: VACUUM INTO, the encryption check, integrity_check, the
// evidence files, the manifest, the rename and the rotation) for each job it is sent, answering
// each with its result. It writes nothing to the database: the core records the run and its audit
// entry on its own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { FileStore } from '../files/fileStore';
import { CoreError } from '../errors/errors';
import { makeBackup } from './backup';
import { fileKeyFromHex } from './backupFiles';
import type { BackupJob, BackupReply, BackupWorkerData } from './backupThread';

const data = workerData as BackupWorkerData;

function run(job: BackupJob): BackupReply {
  try {
    // A connection per backup: between backups the worker holds no file open (a restore renames
    // the database file, which Windows refuses while it is open).
    const db = openDatabase(data.dbPath, { key: data.key, readonly: true, noMigrate: true });
    try {
      const result = makeBackup(db, new FileStore(data.dataDir), {
        folder: job.folder,
        soort: job.soort,
        now: new Date(job.now),
        sleutelId: job.sleutelId,
        fileKey: fileKeyFromHex(job.fileKeyHex),
      });
      return { id: job.id, ok: true, result };
    } finally {
      db.close();
    }
  } catch (e) {
    if (e instanceof CoreError) return { id: job.id, ok: false, error: { code: e.code, message: e.message }, coreError: true };
    return { id: job.id, ok: false, error: { code: 'INTERN', message: (e as Error)?.message ?? String(e) }, coreError: false };
  }
}

parentPort?.on('message', (job: BackupJob) => parentPort?.postMessage(run(job)));
