// Child processes for the crash and temp-folder tests, bundled once with esbuild (what tsx uses to
// compile), every package inlined except native modules: started with tsx, each child spent 10+
// seconds loading the core's libraries file by file on a busy machine, and tsx writes its own cache
// to the temp folder; as one bundle a child starts in about a second. The bundles sit under
// node_modules/.cache so the native modules resolve as they do from the source tree.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/** A folder for one test file's bundles, unique per process. */
export const bundleDir = (name: string) => path.join(root, 'node_modules/.cache', `schoolprotocol-${name}-${process.pid}`);

/** The environment for a bundled child: the bundle does not sit beside the .sql files, so it is pointed at the source tree's migrations. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  SCHOOLPROTOCOL_MIGRATIONS: process.env.SCHOOLPROTOCOL_MIGRATIONS ?? path.join(root, 'src/main/db/migrations'),
  ...extra,
});

/** Bundles each entry (name → source file) to `<out>/<name>.js` as an ES module. */
export async function bundleChildren(out: string, entryPoints: Record<string, string>): Promise<void> {
  await build({
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3-multiple-ciphers', '@resvg/resvg-js', 'pdfjs-dist', 'electron'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    outdir: out,
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
}
