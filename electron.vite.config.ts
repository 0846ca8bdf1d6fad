// Build of the Electron door (electron-vite 6 on vite 8/rolldown).
// - main: five entries in out/main: index.js (the Electron main process, ESM), coreHost.js (the
//   core in a utilityProcess, so a long report or import never freezes the window),
//   backupWorker.js (the core's backup in a worker thread, found beside the bundle by
//   src/main/backup/backupThread.ts, so a backup never freezes the core) and importWorker.js (import
//   files parsed in a worker thread with a heap cap and a time limit, found the same way by
//   src/main/imports/importThread.ts, so a hostile file never stops the core) and cli.js (the
//   command-line door under plain Node, never loading electron; scripts/cli.mjs runs it for
//   `npm run cli`). Dependencies stay external (electron-vite's externalizeDeps): the native
//   better-sqlite3-multiple-ciphers must be loaded from node_modules (unpacked from the asar, see
//   electron-builder.yml), and the core's heavy libraries (docx, exceljs, pdfjs-dist, …) load as
//   they do under plain Node, when a document or an import needs them. Bundled instead: the pure-JS
//   packages made of hundreds of small modules (date-fns, @date-fns/tz, zod, commander), which Node
//   would otherwise find and load file by file at every start, seconds for the CLI (the same list
//   as BUNDLED_PACKAGES in scripts/cli.mjs).
//   The SQL migrations are copied to out/main/migrations, where src/main/db/migrate.ts looks for
//   them beside the bundle. Chunks shared by both entries are written beside them (not in a
//   sub-folder), so import.meta.url in shared code still points at out/main.
// - preload: CommonJS (index.cjs), because a sandboxed preload cannot be an ES module.
// - renderer: src/renderer with React; AG Grid in its own chunk (it is large and changes rarely).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
/** The renderer, the preload and the core import the contract as `@shared/…` (tsconfig paths). */
const sharedAlias = { '@shared': path.join(root, 'src/shared') };
const migrationsSrc = path.join(root, 'src/main/db/migrations');

/** Emits src/main/db/migrations/*.sql as out/main/migrations/*.sql. */
function copyMigrations(): Plugin {
  return {
    name: 'schoolprotocol:copy-migrations',
    buildStart() {
      this.addWatchFile(migrationsSrc);
    },
    generateBundle() {
      for (const f of fs
        .readdirSync(migrationsSrc)
        .filter((n) => n.endsWith('.sql'))
        .sort()) {
        this.emitFile({ type: 'asset', fileName: `migrations/${f}`, source: fs.readFileSync(path.join(migrationsSrc, f), 'utf8') });
      }
    },
  };
}

/**
 * In `electron-vite dev` the renderer is served by vite, whose React refresh preamble is an inline
 * script: the strict meta CSP would block it. Only in dev, the meta tag is dropped; the dev
 * session then gets the (relaxed) dev policy as a header from src/main/web/csp.ts.
 * Production builds keep the meta tag, and every door also sends the strict policy as a header.
 */
function dropMetaCspInDev(): Plugin {
  return {
    name: 'schoolprotocol:drop-meta-csp-in-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/i, '');
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['date-fns', '@date-fns/tz', 'zod', 'commander'] },
      rolldownOptions: {
        input: {
          index: path.join(root, 'src/main/index.ts'),
          coreHost: path.join(root, 'src/main/electron/coreHost.ts'),
          backupWorker: path.join(root, 'src/main/backup/backupWorker.ts'),
          importWorker: path.join(root, 'src/main/imports/importWorker.ts'),
          cli: path.join(root, 'src/main/cli/main.ts'),
        },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: path.join(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
      },
    },
  },
  renderer: {
    root: path.join(root, 'src/renderer'),
    resolve: { alias: sharedAlias },
    plugins: [react(), dropMetaCspInDev()],
    build: {
      outDir: path.join(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; minified, the first screen's
      // JavaScript is about a third of the size to read and parse.
      minify: true,
      // Large but fine for a desktop app loaded from disk; AG Grid alone is about 1 MB.
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        input: { index: path.join(root, 'src/renderer/index.html') },
        output: {
          codeSplitting: {
            // React in a group of its own, captured first (higher priority): otherwise the AG Grid
            // group takes it along as a dependency and the first screen loads all of AG Grid to
            // get React.
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
              { name: 'ag-grid', test: /[\\/]node_modules[\\/]ag-grid-(community|react)[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
