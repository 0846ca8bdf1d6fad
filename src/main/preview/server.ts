// The browser preview door (one core, three doors): the built renderer and the same
// core over HTTP on 127.0.0.1, for machines without the Electron binary (CI, end-to-end tests,
// demos). It is a development/demo door, not a multi-user server:
// - it listens on 127.0.0.1 only, on a random free port unless one is given;
// - every API call needs the per-run random token (Authorization: Bearer …), compared in constant time;
// - the Host header must be exactly 127.0.0.1:<port> (so a DNS-rebinding page on another name is
//   refused) and a browser Origin, when sent, must be http://127.0.0.1:<port>;
// - only POST /api/<method> with a JSON body of at most 40 MB reaches the core;
// - static files come only from the renderer build folder, with the same CSP as the Electron door.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '../app/core';
import { openHost } from '../app/host';
import type { Result } from '@shared/api/result';
import { stopServer } from '../web/stop';
import { securityHeaders } from '../web/csp';
import { mimeType, resolveStaticPath } from '../web/staticFiles';

export const MAX_BODY_BYTES = 40 * 1024 * 1024;

export interface PreviewOptions {
  dbPath: string;
  key: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** The renderer build (out/renderer). */
  staticDir: string;
  /** A fixed clock for tests and demos. */
  now?: () => Date;
  /** Create the database when it does not exist (default true). */
  create?: boolean;
  actor?: string;
  dataDir?: string;
  /** Where internal errors (bugs) go; default stderr. */
  log?: (line: string) => void;
  /**
   * What answers the API instead of the core itself, e.g. the Electron door's passphrase gate at
   * start (electron/startGate.ts), so the renderer's side of it runs end to end in Chromium.
   */
  relay?: (core: Core) => (method: string, input: unknown) => Promise<Result<unknown>>;
}

export interface Preview {
  /** The address to open, with the token. */
  url: string;
  /** The origin without token, e.g. http://127.0.0.1:43123 */
  origin: string;
  token: string;
  port: number;
  /** The core behind the door (for tests that prepare data directly). */
  core: Core;
  close(): Promise<void>;
}

const refusal = (message: string): Result<never> => ({ ok: false, error: { code: 'GEEN_TOEGANG', message } });

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const opened = openHost({
    dbPath: opts.dbPath,
    key: opts.key,
    create: opts.create ?? true,
    now: opts.now,
    actor: opts.actor,
    dataDir: opts.dataDir,
    log: (line) => log(`[preview] ${line}`),
    onInternalError: (method, e) => log(`[preview] interne fout in ${method}: ${(e as Error)?.stack ?? String(e)}`),
  });
  if (!opened.ok) throw opened.error instanceof Error ? opened.error : new Error(opened.message);
  const host = opened.host;
  const core = host.core;
  const answer = opts.relay ? opts.relay(core) : (method: string, input: unknown) => core.invoke(method, input);
  const token = randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(`Bearer ${token}`);
  const staticRoot = path.resolve(opts.staticDir);
  const headers = securityHeaders();
  let port = 0;

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, value: unknown) =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });

  const tokenOk = (auth: string | undefined) => {
    if (!auth) return false;
    const given = Buffer.from(auth);
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  };

  /** 413, then the connection is closed: the rest of the body is never read into memory. */
  function tooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
    res.shouldKeepAlive = false;
    const body = JSON.stringify({ ok: false, error: { code: 'VALIDATIE', message: 'Het verzoek is te groot (hoogstens 40 MB).' } });
    res.writeHead(413, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      Connection: 'close',
    });
    const socket = req.socket;
    res.end(body, () => socket?.destroy());
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') {
      return sendJson(res, 405, refusal('Gebruik POST voor een opdracht.'));
    }
    if (!tokenOk(req.headers.authorization)) {
      return sendJson(
        res,
        401,
        refusal('Geen toegang: open de voorvertoning via het adres met het token dat bij het starten werd getoond.'),
      );
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return tooLarge(req, res);
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      req.resume();
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATIE', message: 'Verstuur de gegevens als JSON.' } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooBig = true;
        break;
      }
      chunks.push(chunk);
    }
    if (tooBig) return tooLarge(req, res);
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATIE', message: 'De gegevens zijn geen geldige JSON.' } });
    }
    const result = await answer(method, input);
    sendJson(res, 200, result);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Methode niet toegestaan', 'text/plain; charset=utf-8');
    const file = resolveStaticPath(staticRoot, pathname);
    if (!file) return send(res, 404, 'Niet gevonden', 'text/plain; charset=utf-8');
    const isIndex = file === path.join(staticRoot, 'index.html');
    let body: Buffer;
    try {
      if (!fs.statSync(file).isFile()) throw new Error('not a file');
      body = fs.readFileSync(file);
    } catch {
      if (isIndex) {
        return send(res, 503, 'De app is nog niet gebouwd: voer eerst `npx electron-vite build` uit.', 'text/plain; charset=utf-8');
      }
      return send(res, 404, 'Niet gevonden', 'text/plain; charset=utf-8');
    }
    const type = mimeType(file);
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    const expectedHost = `127.0.0.1:${port}`;
    // DNS rebinding: a page on evil.example that resolves to 127.0.0.1 still sends its own Host.
    if (req.headers.host !== expectedHost) {
      req.resume();
      return sendJson(res, 403, refusal('Geen toegang: gebruik het adres 127.0.0.1 dat bij het starten werd getoond.'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${expectedHost}`) {
      req.resume();
      return sendJson(res, 403, refusal('Geen toegang vanaf een andere website.'));
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      req.resume();
      return sendJson(res, 403, refusal('Geen toegang vanaf een andere website.'));
    }
    const pathname = (req.url ?? '/').split('?')[0];
    const api = /^\/api\/([^/]+)$/.exec(pathname);
    if (api) {
      let method: string;
      try {
        method = decodeURIComponent(api[1]);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'ONBEKENDE_METHODE', message: 'Onbekende opdracht.' } });
      }
      handleApi(req, res, method).catch((e: unknown) => {
        (opts.log ?? ((l) => process.stderr.write(l + '\n')))(`[preview] ${(e as Error)?.stack ?? String(e)}`);
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'INTERN', message: 'Er ging iets mis in de voorvertoning.' } });
        else res.destroy();
      });
      return;
    }
    if (pathname.startsWith('/api/') || pathname === '/api') {
      return sendJson(res, 404, { ok: false, error: { code: 'ONBEKENDE_METHODE', message: 'Onbekende opdracht.' } });
    }
    handleStatic(req, res, pathname);
  });
  server.requestTimeout = 5 * 60_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    host.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    core,
    close: () => stopServer(server, host),
  };
}
