// The window's security settings and every security decision of the Electron door, as pure
// functions so one unit test (test/unit/electron-security.test.ts) fails when any is switched off.
// src/main/electron/hardening.ts and ipc.ts only wire these decisions to Electron's events.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { CLIENT_DOOR_PARAM, CLIENT_DOOR_VALUE } from '@shared/api/schoolserver';

/** The renderer is served from our own privileged scheme (protocol.ts), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'schoolprotocol';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The first page the window loads: our renderer (or the dev server), marked ?door=schoolserver when
 * this computer works with a school server (the renderer then asks for the login first).
 */
export function startUrl(opts: DoorOptions, schoolServer: boolean): string {
  const url = new URL(opts.devServer ?? RENDERER_URL);
  if (schoolServer) url.searchParams.set(CLIENT_DOOR_PARAM, CLIENT_DOOR_VALUE);
  return url.toString();
}

export interface DoorOptions {
  /** `electron-vite dev` only (never when packaged): the vite dev server the renderer comes from. */
  devServer?: string;
}

export function secureWebPreferences(opts: { preload: string; devTools?: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    // The renderer's JavaScript cannot reach the preload's (or Electron's) objects.
    contextIsolation: true,
    // The renderer runs in Chromium's OS-level sandbox; the preload gets no Node either.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy stays on; no http content inside our https-like origin.
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: opts.devTools ?? false,
  };
}

export function windowOptions(opts: { preload: string; devTools?: boolean; icon?: string }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: 'Schoolprotocol',
    backgroundColor: '#f8f9fa',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: secureWebPreferences(opts),
  };
}

/** Is this URL our renderer (app://schoolprotocol/…, or the dev server during `electron-vite dev`)? */
export function isOurRendererUrl(url: string, opts: DoorOptions = {}): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // app: is not a "special" scheme for WHATWG URL, so its .origin is "null": compare the parts.
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password) return true;
  if (opts.devServer) {
    try {
      return u.origin === new URL(opts.devServer).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** will-navigate / will-redirect: only within our renderer; never to the web or a file. */
export const allowNavigation = (url: string, opts: DoorOptions = {}): boolean => isOurRendererUrl(url, opts);

/** window.open and target=_blank: always denied (the app has one window and no web links). */
export const windowOpenDecision = (_url: string): { action: 'deny' } => ({ action: 'deny' });

/** Permission requests and checks (camera, notifications, geolocation, openExternal, …): all denied. */
export const allowPermission = (_permission: string, _origin?: string): boolean => false;

/**
 * Downloads (an export the renderer saves from a blob) only of content our own renderer made:
 * blob: or data: URLs created by our page, never a file fetched from elsewhere.
 */
export function allowDownload(url: string, opts: DoorOptions = {}): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return isOurRendererUrl(url.slice('blob:'.length), opts);
  return false;
}

/** <webview> is off in webPreferences, and any attempt to attach one is refused as well. */
export const allowWebview = (): boolean => false;

export interface SenderInfo {
  /** The id of the sender's WebContents. */
  webContentsId: number;
  /** The URL of the frame that sent the message (null when it is gone). */
  frameUrl: string | null;
  /** Whether that frame is the top frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * An IPC message is answered only when it comes from the top frame of our own window showing our
 * own renderer: not from an iframe, another window, or a page the window was navigated to.
 */
export function isTrustedSender(sender: SenderInfo, expected: { webContentsId: number | null } & DoorOptions): boolean {
  if (expected.webContentsId === null || sender.webContentsId !== expected.webContentsId) return false;
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  return isOurRendererUrl(sender.frameUrl, expected);
}
