// `npm run cli -- <command>`: runs the command-line door from a bundle under plain Node, so a
// command starts in a fraction of a second instead of compiling the sources with tsx first.
//
// Which bundle:
// 1. out/main/cli.js, written by `electron-vite build` (electron.vite.config.ts), when it is newer
//    than everything it is made of (src/main, src/shared, the installed packages, the build config);
// 2. else out/cli/cli.js, a bundle of just the CLI and its two worker threads that this script
//    makes itself with esbuild (a development dependency) in about a second, when the sources are
//    newer (a fresh clone, a pull, an edit) — the next command uses it as it is;
// 3. else, when no bundle can be made (esbuild missing, a read-only folder), the sources under tsx,
//    as before: slow, but the same code.
// The check compares modification times (a few hundred files, a few milliseconds): a checkout or an
// edit makes a source newer than the bundle, `npm install` touches node_modules/.package-lock.json.
// Both bundles keep the packages external, as the app's build does, except the pure-JS ones with
// hundreds of small modules (date-fns, zod, commander, @date-fns/tz): those are bundled, because
// loading them file by file costs seconds. The bundle never loads electron.
// test/integration/cli.test.ts runs the CLI through cliBundle(), so the quick build cannot rot; CI's
// `electron-vite build` and `npm run bench` run the other one.
import './check-runtime.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');

/** Bundled into the CLI rather than loaded from node_modules (the same list as electron.vite.config.ts). */
export const BUNDLED_PACKAGES = ['date-fns', '@date-fns/tz', 'zod', 'commander'];

/** The entries of the quick build: the CLI and the workers it finds beside itself (src/main/files/workerEntry.ts). */
const ENTRIES = {
  cli: 'src/main/cli/main.ts',
  backupWorker: 'src/main/backup/backupWorker.ts',
  importWorker: 'src/main/imports/importWorker.ts',
};
const MIGRATIONS = 'src/main/db/migrations';

/** The newest modification time (ms) of the files a bundle is made of; 0 when there are no sources. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of [
    'src/main',
    'src/shared',
    'package.json',
    'node_modules/.package-lock.json',
    'electron.vite.config.ts',
    'scripts/cli.mjs',
  ])
    visit(path.join(root, p));
  return newest;
}

const mtime = (p) => {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return -1;
  }
};

/** Builds out/cli with esbuild: in a temporary folder first, then put in place, so a command running meanwhile never sees half a bundle. */
export async function buildQuick() {
  const esbuild = await import('esbuild');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {})
    .filter((d) => !BUNDLED_PACKAGES.includes(d))
    .flatMap((d) => [d, `${d}/*`]);
  const outDir = path.join(root, 'out', 'cli');
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      external: ['electron', ...external],
      alias: { '@shared': path.join(root, 'src/shared') },
      chunkNames: '[name]-[hash]',
      logLevel: 'error',
    });
    fs.mkdirSync(path.join(tmp, 'migrations'));
    for (const f of fs.readdirSync(path.join(root, MIGRATIONS)).filter((n) => n.endsWith('.sql')))
      fs.copyFileSync(path.join(root, MIGRATIONS, f), path.join(tmp, 'migrations', f));
    const old = `${outDir}.old-${process.pid}`;
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    try {
      fs.renameSync(tmp, outDir);
    } catch (e) {
      // Another command built it at the same moment: use theirs.
      if (!fs.existsSync(path.join(outDir, 'cli.js'))) throw e;
    }
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return path.join(outDir, 'cli.js');
}

/**
 * The path of an up-to-date CLI bundle: out/main/cli.js or out/cli/cli.js when newer than the
 * sources, else a new out/cli/cli.js. Throws when it cannot be built.
 */
export async function cliBundle() {
  const newest = newestSource();
  for (const candidate of [path.join(root, 'out', 'main', 'cli.js'), path.join(root, 'out', 'cli', 'cli.js')]) {
    if (mtime(candidate) >= newest) return candidate;
  }
  return buildQuick();
}

async function main() {
  let bundle = null;
  try {
    bundle = await cliBundle();
  } catch (e) {
    process.stderr.write(
      `(de snelle versie van de opdrachtregel kon niet worden gebouwd, dus start hij langzamer: ${String(e?.message ?? e).split('\n')[0]})\n`,
    );
  }
  if (bundle) {
    await import(pathToFileURL(bundle).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(path.join(root, ENTRIES.cli)).href);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) await main();
