// The Electron bundles, as built by `electron-vite build` (npm run test:e2e builds first): the
// core host runs from out/main with its migrations beside it (as in the packaged app's asar), the
// preload is CommonJS and exposes only window.api.invoke. Electron itself is not needed for this.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness';

// The build under test: the one the e2e harness serves (SCHOOLPROTOCOL_E2E_OUT), else out/.
const out = process.env.SCHOOLPROTOCOL_E2E_OUT ? path.resolve(process.env.SCHOOLPROTOCOL_E2E_OUT) : path.join(repoRoot, 'out');

/**
 * Runs the built core host (out/main/coreHost.js) in plain Node with a stand-in for Electron's
 * process.parentPort: opens a new encrypted database in `dir`, asks one method and returns the
 * host's reply. Nothing may be written to stderr.
 */
function askCoreHost(dir: string, method: string, input: unknown) {
  const script = `
    import { EventEmitter } from 'node:events';
    const port = new EventEmitter();
    port.postMessage = (r) => {
      if (r.type === 'opened') port.emit('message', { data: { type: 'invoke', id: 1, method: ${JSON.stringify(method)}, input: ${JSON.stringify(input)} } });
      else { process.stdout.write(JSON.stringify(r)); process.exit(0); }
    };
    process.parentPort = port;
    await import(${JSON.stringify(path.join(out, 'main', 'coreHost.js'))});
    port.emit('message', { data: { type: 'open', dbPath: ${JSON.stringify(path.join(dir, 'x.db'))}, key: '${'ab'.repeat(32)}' } });
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, SCHOOLPROTOCOL_MIGRATIONS: '' },
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('built bundles', () => {
  it('out/main holds its entries (the window, the core host, both workers, the command line) and every migration', () => {
    expect(fs.existsSync(path.join(out, 'main', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'main', 'coreHost.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'main', 'backupWorker.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'main', 'importWorker.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'main', 'cli.js'))).toBe(true);
    const src = fs
      .readdirSync(path.join(repoRoot, 'src/main/db/migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(fs.readdirSync(path.join(out, 'main', 'migrations')).sort()).toEqual(src);
  });

  it('the window’s main process never loads the database module (only the core host does)', () => {
    // Follow index.js through the chunks it imports: none may import the native database module.
    const reach = (entry: string): Map<string, string> => {
      const seen = new Map<string, string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        const code = fs.readFileSync(path.join(out, 'main', file), 'utf8');
        seen.set(file, code);
        for (const m of code.matchAll(/from\s+["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
      };
      visit(entry);
      return seen;
    };
    const window = reach('index.js');
    for (const [file, code] of window) expect(code, file).not.toMatch(/better-sqlite3/);
    expect(window.size).toBeGreaterThan(1);
    // The core host reaches it, through the lifecycle's chunk (app/host.ts) or directly.
    expect([...reach('coreHost.js').values()].some((code) => /better-sqlite3-multiple-ciphers/.test(code))).toBe(true);
  });

  it('the core host bundle opens a new encrypted database and answers app.status', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bundle-'));
    try {
      const reply = askCoreHost(dir, 'app.status', {});
      expect(reply.type).toBe('result');
      expect(reply.result.ok).toBe(true);
      expect(reply.result.value.schemaVersion).toBe(fs.readdirSync(path.join(out, 'main', 'migrations')).length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the core host bundle makes its backup in the worker beside it (out/main/backupWorker.js)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bundle-'));
    // Outside the database's folder, where a backup may not go.
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bundle-kopie-'));
    try {
      // The worker must be found beside the bundle and run built (were it not, the core would make
      // the backup itself and report that on stderr, which askCoreHost refuses).
      const { result } = askCoreHost(dir, 'trust.backup.now', { naar: target });
      expect(result.error?.message).toBeUndefined();
      expect(fs.existsSync(path.join(result.value.backup.pad, 'manifest.json'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('the core host bundle reads an import file in the worker beside it (out/main/importWorker.js)', () => {
    // The document parsers are the worker's: the core's own thread never loads them.
    const code = (f: string) => fs.readFileSync(path.join(out, 'main', f), 'utf8');
    for (const parser of ['mammoth', 'yauzl', 'pdfjs-dist']) {
      const loads = new RegExp(`(?:from|import\\()\\s*"${parser}[/"]`);
      expect(code('coreHost.js'), parser).not.toMatch(loads);
      expect(code('importWorker.js'), parser).toMatch(loads);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bundle-'));
    try {
      // There is no in-process fallback: were the worker not found, the read would fail.
      const text = 'Protocol sociale media\n\nRegels\n1. Wees respectvol.\n2. Deel geen foto’s zonder toestemming.\n';
      const { result } = askCoreHost(dir, 'imports.protocol.read', {
        bestand: { naam: 'p.txt', inhoud: Buffer.from(text).toString('base64') },
      });
      expect(result.error?.message).toBeUndefined();
      expect(result.value.secties.flatMap((s: { regels: { tekst: string }[] }) => s.regels.map((r) => r.tekst))).toEqual([
        'Wees respectvol.',
        'Deel geen foto’s zonder toestemming.',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the preload is CommonJS and exposes only api.invoke over api:invoke', () => {
    const preload = fs.readFileSync(path.join(out, 'preload', 'index.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain('"api:invoke"');
  });

  it('the first screen loads neither AG Grid nor any page but the one it shows', () => {
    // Everything index.html loads before the app runs: its scripts and modulepreloads, and the
    // chunks those import statically (dynamic import() of pages is on demand).
    const assets = path.join(out, 'renderer', 'assets');
    const html = fs.readFileSync(path.join(out, 'renderer', 'index.html'), 'utf8');
    const first = new Set<string>();
    const visit = (file: string) => {
      if (first.has(file)) return;
      first.add(file);
      const code = fs.readFileSync(path.join(assets, file), 'utf8');
      for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
    };
    for (const m of html.matchAll(/assets\/([^"]+\.js)/g)) visit(m[1]);
    expect([...first].some((f) => f.startsWith('index-'))).toBe(true);
    expect([...first].filter((f) => /^(ag-grid|Meldingen|Personen|Rapportages|Instellingen|Planning|FirstRun)-/.test(f))).toEqual([]);
    const kb = [...first].reduce((n, f) => n + fs.statSync(path.join(assets, f)).size, 0) / 1024;
    // About 905 kB minified (React, Mantine, i18n, the shell and the contract with its schemas;
    // 873 kB before the school team's methods, 2026-12-07): a guard against AG Grid (760 kB) or
    // recharts creeping back into the first screen.
    expect(kb).toBeLessThan(1000);
  });

  it('the renderer build splits AG Grid into its own chunk and keeps the CSP meta tag', () => {
    const assets = fs.readdirSync(path.join(out, 'renderer', 'assets'));
    expect(assets.some((f) => /^ag-grid-.*\.js$/.test(f))).toBe(true);
    const html = fs.readFileSync(path.join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
