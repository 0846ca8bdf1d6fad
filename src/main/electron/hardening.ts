// Wires the pure decisions of security.ts to Electron: every web contents (also ones we did not
// create) may not navigate away, open windows or attach a <webview>; every permission request
// and check is denied; during `electron-vite dev` the dev server's pages get the CSP header too.
import type { App, Session } from 'electron';
import { allowDownload, allowNavigation, allowPermission, allowWebview, windowOpenDecision } from './security';
import type { DoorOptions } from './security';
import { securityHeaders } from '../web/csp';

export function hardenApp(app: App, opts: DoorOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!allowNavigation(url, opts)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!allowNavigation(url, opts)) e.preventDefault();
    });
    contents.on('will-frame-navigate', (e) => {
      if (!allowNavigation(e.url, opts)) e.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
    contents.on('will-attach-webview', (e) => {
      if (!allowWebview()) e.preventDefault();
    });
  });
}

export function hardenSession(session: Session, opts: DoorOptions): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_wc, permission, origin) => allowPermission(permission, origin));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (e, item) => {
    if (!allowDownload(item.getURL(), opts)) e.preventDefault();
  });
  if (opts.devServer) {
    const devHeaders = securityHeaders({ devServer: opts.devServer });
    session.webRequest.onHeadersReceived({ urls: [`${new URL(opts.devServer).origin}/*`] }, (details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, ...Object.fromEntries(Object.entries(devHeaders).map(([k, v]) => [k, [v]])) },
      });
    });
  }
}
