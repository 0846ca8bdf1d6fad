// The Electron door's hardening: these tests fail when contextIsolation, sandbox,
// nodeIntegration or webSecurity is switched off, when the CSP loosens, when navigation,
// window.open, <webview>, permissions or downloads are let through, when an IPC sender is not
// checked, or when the window is built or the IPC channel registered any other way.
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  allowDownload,
  allowNavigation,
  allowPermission,
  allowWebview,
  isOurRendererUrl,
  isTrustedSender,
  RENDERER_URL,
  startUrl,
  secureWebPreferences,
  windowOpenDecision,
  windowOptions,
} from '../../src/main/electron/security';
import { contentSecurityPolicy, securityHeaders } from '../../src/main/web/csp';
import { answerInvoke, API_CHANNEL, IPC_CHANNELS, registerApiChannel } from '../../src/main/electron/ipc';
import type { InvokeDeps } from '../../src/main/electron/ipc';
import { hardenApp, hardenSession } from '../../src/main/electron/hardening';
import { fileForAppUrl, serveRenderer } from '../../src/main/electron/protocol';
import type { Result } from '../../src/shared/api/result';

const repo = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(repo, p), 'utf8');

/** The CSP as a map of directive → sources. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  ) as Record<string, string[]>;

describe('BrowserWindow options', () => {
  const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs' });

  it('isolates and sandboxes the renderer without Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and dangerous features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    // Nothing else sneaks in (e.g. enableBlinkFeatures, additionalArguments, partition).
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('the window uses exactly these preferences', () => {
    const opts = windowOptions({ preload: '/p.cjs', devTools: true });
    expect(opts.webPreferences).toEqual(secureWebPreferences({ preload: '/p.cjs', devTools: true }));
    expect(opts.show).toBe(false);
  });

  it('the main process builds its only window with windowOptions() and turns on the sandbox for all', () => {
    const index = read('src/main/index.ts');
    const windows = index.match(/new BrowserWindow\([^\n]*/g) ?? [];
    expect(windows).toEqual([
      "new BrowserWindow(windowOptions({ preload: preloadPath(), devTools, icon: path.join(resourcesDir(app), 'icon.png') }));",
    ]);
    expect(index).toContain('app.enableSandbox()');
    expect(index).toContain('hardenApp(app, door)');
    expect(index).toContain('hardenSession(session.defaultSession, door)');
    expect(index).toContain('loadURL(startUrl(door, client))');
    expect(startUrl({}, false)).toBe(RENDERER_URL);
    expect(startUrl({}, true)).toBe(`${RENDERER_URL}?door=schoolserver`);
    expect(startUrl({ devServer: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173/');
    expect(allowNavigation(startUrl({}, true))).toBe(true);
    // The dev server is trusted only when not packaged.
    expect(index).toMatch(/!app\.isPackaged && process\.env\.ELECTRON_RENDERER_URL/);
    // No other module may create windows or touch webPreferences.
    for (const f of fs.readdirSync(path.join(repo, 'src/main/electron'))) {
      const src = read(`src/main/electron/${f}`);
      expect(src, f).not.toMatch(/new BrowserWindow\(/);
    }
  });
});

describe('Content-Security-Policy', () => {
  const csp = directives(contentSecurityPolicy());

  it('allows nothing remote and no inline or eval script', () => {
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['form-action']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    const all = Object.values(csp).flat();
    expect(all.filter((s) => /^(https?:|wss?:|\*|'unsafe-eval'|'wasm-unsafe-eval')/.test(s) || s.includes('*'))).toEqual([]);
    // 'unsafe-inline' only for styles (Mantine, AG Grid; see csp.ts).
    expect(
      Object.entries(csp)
        .filter(([, v]) => v.includes("'unsafe-inline'"))
        .map(([k]) => k),
    ).toEqual(['style-src']);
  });

  it('loosens only for the dev server, and only toward it', () => {
    const dev = directives(contentSecurityPolicy({ devServer: 'http://localhost:5173' }));
    expect(dev['script-src']).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev['default-src']).toEqual(["'self'"]);
  });

  it('is sent with security headers, and the renderer page carries the same rules', () => {
    const h = securityHeaders();
    expect(h['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['X-Frame-Options']).toBe('DENY');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('src/renderer/index.html'));
    expect(meta).not.toBeNull();
    const m = directives(meta![1]);
    expect(m['default-src']).toEqual(["'self'"]);
    expect(m['script-src']).toEqual(["'self'"]);
    expect(
      Object.values(m)
        .flat()
        .filter((s) => /^(https?:|wss?:|\*)/.test(s)),
    ).toEqual([]);
  });

  it('every app:// response carries the CSP; paths outside the build are refused', async () => {
    const dir = fs.mkdtempSync(path.join(repo, 'node_modules', '.sp-proto-'));
    try {
      fs.mkdirSync(path.join(dir, 'renderer'));
      fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
      fs.writeFileSync(path.join(dir, 'geheim.txt'), 'geheim');
      let handler: ((r: Request) => Promise<Response>) | null = null;
      const fakeProtocol = {
        handle: (scheme: string, h: (r: Request) => Promise<Response>) => ((handler = h), expect(scheme).toBe('app')),
      };
      serveRenderer(fakeProtocol as never, path.join(dir, 'renderer'));
      const ok = await handler!(new Request(RENDERER_URL));
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
      for (const u of [
        'app://schoolprotocol/../geheim.txt',
        'app://schoolprotocol/%2e%2e/geheim.txt',
        'app://schoolprotocol/..%2fgeheim.txt',
        'app://ander/index.html',
      ]) {
        const r = await handler!(new Request(u));
        expect(r.status, u).toBe(404);
        expect(r.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      }
      expect(fileForAppUrl('app://schoolprotocol/', path.join(dir, 'renderer'))).toBe(path.join(dir, 'renderer', 'index.html'));
      expect(fileForAppUrl('file:///etc/passwd', path.join(dir, 'renderer'))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('navigation, new windows, webviews, permissions, downloads', () => {
  it('navigation stays inside app://schoolprotocol', () => {
    expect(allowNavigation(RENDERER_URL)).toBe(true);
    expect(allowNavigation('app://schoolprotocol/index.html#/meldingen/3')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://anders/index.html',
      'app://user:pw@schoolprotocol/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'chrome://settings',
      'niet een url',
    ]) {
      expect(allowNavigation(url), url).toBe(false);
    }
  });

  it('the dev server is ours only when given (never when packaged)', () => {
    expect(isOurRendererUrl('http://localhost:5173/')).toBe(false);
    expect(isOurRendererUrl('http://localhost:5173/', { devServer: 'http://localhost:5173' })).toBe(true);
    expect(isOurRendererUrl('http://localhost:5174/', { devServer: 'http://localhost:5173' })).toBe(false);
  });

  it('window.open is always denied', () => {
    for (const url of ['https://example.com', RENDERER_URL, 'about:blank']) expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
  });

  it('every permission is denied', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'hid',
      'usb',
      'serial',
      'unknown',
    ]) {
      expect(allowPermission(p, 'app://schoolprotocol'), p).toBe(false);
    }
    expect(allowWebview()).toBe(false);
  });

  it('downloads only of what our own page made', () => {
    expect(allowDownload('blob:app://schoolprotocol/1b2c')).toBe(true);
    expect(allowDownload('data:text/csv,a')).toBe(true);
    expect(allowDownload('https://example.com/x.exe')).toBe(false);
    expect(allowDownload('blob:https://example.com/1b2c')).toBe(false);
    expect(allowDownload('file:///etc/passwd')).toBe(false);
  });

  it('hardenApp blocks navigation, window.open and webviews on every web contents', () => {
    const app = new EventEmitter();
    hardenApp(app as never, {});
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler: (h: (d: { url: string }) => unknown) => void;
      openHandler?: (d: { url: string }) => unknown;
    };
    contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
    app.emit('web-contents-created', {}, contents);
    const ev = () => ({ preventDefault: vi.fn() });
    const away = ev();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = ev();
    contents.emit('will-navigate', home, RENDERER_URL);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const redirect = ev();
    contents.emit('will-redirect', redirect, 'https://example.com/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const frame = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const webview = ev();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('hardenSession denies permission requests and checks, devices and foreign downloads', () => {
    const handlers: Record<string, (...a: never[]) => unknown> = {};
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onHeadersReceived: vi.fn() },
    });
    hardenSession(session as never, {});
    const callback = vi.fn();
    (handlers.request as (...a: unknown[]) => void)({}, 'media', callback, { requestingUrl: RENDERER_URL });
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'notifications', 'app://schoolprotocol', {})).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
    const dl = { preventDefault: vi.fn() };
    session.emit('will-download', dl, { getURL: () => 'https://example.com/x.exe' });
    expect(dl.preventDefault).toHaveBeenCalled();
    expect(session.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  });
});

describe('IPC: one channel, checked senders', () => {
  const trusted = { webContentsId: 7, frameUrl: 'app://schoolprotocol/index.html#/meldingen', isMainFrame: true };
  const okResult: Result<unknown> = { ok: true, value: { n: 1 } };
  const deps = (over: Partial<InvokeDeps> = {}): InvokeDeps => ({ webContentsId: 7, relay: vi.fn(async () => okResult), ...over });

  it('answers our own window with the core result', async () => {
    const d = deps();
    expect(await answerInvoke(trusted, 'app.status', { a: 1 }, d)).toEqual(okResult);
    expect(d.relay).toHaveBeenCalledWith('app.status', { a: 1 });
  });

  it('refuses other senders without reaching the core', async () => {
    const cases = [
      { ...trusted, webContentsId: 8 },
      { ...trusted, isMainFrame: false },
      { ...trusted, frameUrl: null },
      { ...trusted, frameUrl: 'https://example.com/' },
      { ...trusted, frameUrl: 'file:///tmp/x.html' },
      { ...trusted, frameUrl: 'http://localhost:5173/' },
    ];
    for (const sender of cases) {
      const d = deps();
      const r = await answerInvoke(sender, 'app.status', {}, d);
      expect(r.ok, JSON.stringify(sender)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('GEEN_TOEGANG');
      expect(d.relay).not.toHaveBeenCalled();
    }
    const noWindow = deps({ webContentsId: null });
    expect((await answerInvoke(trusted, 'app.status', {}, noWindow)).ok).toBe(false);
    expect(isTrustedSender(trusted, { webContentsId: 7 })).toBe(true);
  });

  it('refuses malformed method names without reaching the core', async () => {
    for (const m of [42, '', 'constructor', '__proto__.x', 'a'.repeat(101) + '.b', 'app.status;drop', null]) {
      const d = deps();
      const r = await answerInvoke(trusted, m, {}, d);
      expect(r.ok).toBe(false);
      expect(d.relay).not.toHaveBeenCalled();
    }
  });

  it('opens a result file only after success', async () => {
    const openFile = vi.fn(async () => {});
    await answerInvoke(
      trusted,
      'letters.finalize',
      {},
      deps({ openFile, relay: async () => ({ ok: true, value: { openFile: '/data/brief.docx' } }) }),
    );
    expect(openFile).toHaveBeenCalledWith('/data/brief.docx');
    const openFile2 = vi.fn(async () => {});
    await answerInvoke(
      trusted,
      'letters.finalize',
      {},
      deps({ openFile: openFile2, relay: async () => ({ ok: false, error: { code: 'REGEL', message: 'x' } }) }),
    );
    await answerInvoke(
      { ...trusted, webContentsId: 1 },
      'letters.finalize',
      {},
      deps({ openFile: openFile2, relay: async () => ({ ok: true, value: { openFile: '/x' } }) }),
    );
    expect(openFile2).not.toHaveBeenCalled();
  });

  it('registers exactly one channel, and the preload uses exactly that one and exposes only invoke', () => {
    expect(IPC_CHANNELS).toEqual(['api:invoke']);
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    registerApiChannel(ipcMain as never, () => deps());
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0][0]).toBe(API_CHANNEL);

    const preload = read('src/preload/index.ts').replace(/\/\/.*$/gm, '');
    expect(preload.match(/ipcRenderer\.\w+/g)).toEqual(['ipcRenderer.invoke']);
    expect(preload.match(/contextBridge\.\w+\(/g)).toEqual(['contextBridge.exposeInMainWorld(']);
    expect(preload).toContain("contextBridge.exposeInMainWorld('api', api)");
    expect(preload).toContain(`const CHANNEL = '${API_CHANNEL}'`);
    expect(/const api = \{\s*invoke:/.test(preload)).toBe(true);
    // Nothing else registers IPC listeners in the main process.
    const mainSources = ['src/main/index.ts', ...fs.readdirSync(path.join(repo, 'src/main/electron')).map((f) => `src/main/electron/${f}`)];
    const listeners = mainSources.flatMap((f) => read(f).match(/ipcMain\.(handle|handleOnce|on|once)\(/g) ?? []);
    expect(listeners).toEqual(['ipcMain.handle(']);
  });
});
