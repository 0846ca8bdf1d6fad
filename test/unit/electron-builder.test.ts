// The packaging config cannot be run here (no Electron binary), so it is checked: valid against
// electron-builder's own schema, and the settings the native module and the app rely on.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repo = path.resolve(import.meta.dirname, '../..');
const { load } = require('js-yaml') as { load(s: string): Record<string, unknown> };
const cfg = load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as Record<string, never>;

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, l: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(cfg, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...cfg, nsis: { onClick: true } }, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('ships the build, never rebuilds the native module, and unpacks its prebuilds', () => {
    expect(cfg.appId).toBe('nl.schoolprotocol.app');
    expect(cfg.productName).toBe('Schoolprotocol');
    expect(cfg.files).toContain('out/**');
    expect(cfg.files).toContain('package.json');
    expect(cfg.npmRebuild).toBe(false);
    expect(cfg.asarUnpack).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3-multiple-ciphers/prebuilds/**',
        'node_modules/better-sqlite3-multiple-ciphers/lib/**',
      ]),
    );
    expect(cfg.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*'] }]);
    expect(fs.existsSync(path.join(repo, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node'))).toBe(true);
    expect(fs.existsSync(path.join(repo, 'resources/icon.png'))).toBe(true);
  });

  it('makes a Dutch NSIS installer for Windows and AppImage + deb for Linux', () => {
    const win = cfg.win as { target: { target: string }[] };
    expect(win.target.map((t) => t.target)).toEqual(['nsis']);
    const nsis = cfg.nsis as Record<string, unknown>;
    expect(nsis.language).toBe('1043');
    expect(nsis.installerLanguages).toEqual(['nl_NL']);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
    expect((cfg.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    const fuses = cfg.electronFuses as Record<string, boolean>;
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
  });

  it('package.json points Electron at the main bundle electron-vite writes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.type).toBe('module');
  });
});
