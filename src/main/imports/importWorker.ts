// Entry of the import worker thread (importThread.ts starts it with a heap cap; built to
// out/main/importWorker.js). It reads each file it is sent (readers.ts) and answers with the
// result or the Dutch refusal. It has no database connection and writes nothing.
import { parentPort } from 'node:worker_threads';
import { CoreError } from '../errors/errors';
import type { ImportFile } from './file';
import { teVeelGeheugen } from './limits';
import { READERS } from './readers';
import type { ImportJob, ImportReply } from './importThread';

async function run(job: ImportJob): Promise<ImportReply> {
  const b = job.file.bytes;
  const file = { ...job.file, bytes: Buffer.from(b.buffer, b.byteOffset, b.byteLength) };
  try {
    const read = READERS[job.soort] as (f: ImportFile) => Promise<unknown>;
    return { id: job.id, ok: true, value: await read(file) };
  } catch (e) {
    // A string, array or buffer too large to make: the file asks too much. Another RangeError (an
    // invalid date, a bug) is not about size and is reported as what it is.
    const tooBig = e instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation failed|allocation/i.test(e.message);
    const err = tooBig ? teVeelGeheugen() : e;
    if (err instanceof CoreError) {
      return {
        id: job.id,
        ok: false,
        coreError: true,
        error: { code: err.code, message: err.message, field: err.field, fields: err.fields },
      };
    }
    return { id: job.id, ok: false, coreError: false, error: { code: 'INTERN', message: (err as Error)?.message ?? String(err) } };
  }
}

parentPort?.on('message', (job: ImportJob) => {
  void run(job).then((reply) => parentPort?.postMessage(reply));
});
