// Where a worker thread's entry file is, in the source tree (tsx) and beside the bundle (built).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A worker's entry file (`name` beside the module `beside`: the backup worker beside
 * backup/backupThread.ts, the import worker beside imports/importThread.ts) and its Node options. None of the core's own process options are passed
 * on (Node refuses some in a worker, such as --input-type); a TypeScript entry gets tsx's loader,
 * which the parent may not have (vitest transforms TypeScript itself). tsx is a development
 * dependency: only the source tree gets there, never the built app.
 */
export function workerEntry(name: string, beside: string): { file: string; execArgv: string[] } {
  const here = path.dirname(fileURLToPath(beside));
  const built = path.join(here, `${name}.js`);
  if (fs.existsSync(built)) return { file: built, execArgv: [] };
  const source = path.join(here, `${name}.ts`);
  if (!fs.existsSync(source)) throw new Error(`Worker ${name} not found near ${here}`);
  return { file: source, execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] };
}
