// The renderer's origin: a privileged app://schoolprotocol scheme serving out/renderer, instead
// of file:// (where every local file shares one origin). Each response carries the strict CSP.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './security';
import { securityHeaders } from '../web/csp';
import { mimeType, resolveStaticPath } from '../web/staticFiles';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** The file for an app:// request, or null (other host, path outside the build). Pure. */
export function fileForAppUrl(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  return resolveStaticPath(rendererDir, u.pathname);
}

export function serveRenderer(sessionProtocol: Protocol, rendererDir: string): void {
  const headers = securityHeaders();
  sessionProtocol.handle(APP_SCHEME, async (request) => {
    const file = fileForAppUrl(request.url, rendererDir);
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Niet gevonden', { status: 404, headers });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } });
    } catch {
      return new Response('Niet gevonden', { status: 404, headers });
    }
  });
}
