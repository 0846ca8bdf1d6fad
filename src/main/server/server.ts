// The school server door (docs/SERVER.md): the same core and the same renderer as the app, over
// HTTPS on the school's own network, each call made as the person logged in. What it guards:
// - HTTPS only (TLS 1.2 or newer), no plain HTTP listener at all; the certificate is the school's
//   or a self-signed one whose fingerprint the login page shows (tls.ts);
// - the Host header must be one of the configured names (with the port), so a DNS-rebinding page
//   on another name is refused; a browser Origin, when sent, must be this server; cross-site
//   fetches (Sec-Fetch-Site) are refused;
// - a session cookie (__Host-, Secure, HttpOnly, SameSite=Strict) made anew at each login, a CSRF
//   token required as a header on every POST but the login, idle and absolute time-outs (sessions.ts);
// - login attempts limited per address on top of the accounts' own lockout;
// - only POST /api/call {method, input} reaches the core, with the session's Caller, so the core's
//   permission check (src/shared/api/define.ts) decides what each role may do;
// - static files only from the renderer build, with the same CSP and headers as the other doors.
import https from 'node:https';
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../app/core';
import { openHost } from '../app/host';
import type { Result } from '@shared/api/result';
import type { Caller } from '@shared/api/caller';
import type { LockStatus } from '@shared/api/trust';
import type { WhoIsWorking } from '@shared/api/session';
import { readTrustSettings } from '../settings/trust';
import { dataVersion } from '../people/statements';
import { APP_VERSION } from '../school/status';
import { stopServer } from '../web/stop';
import { securityHeaders } from '../web/csp';
import { mimeType, resolveStaticPath } from '../web/staticFiles';
import { CSRF_HEADER, DEFAULT_IDLE_MINUTES, LoginLimiter, SessionStore, sameToken } from './sessions';
import type { Session } from './sessions';
import type { Authenticator, LoginInput } from './auth';
import type { ServerCertificate } from './tls';
import { LoopLoad, ReadPool, defaultReadWorkers } from './readPool';
import { isLocked } from '../security/vault';

export const MAX_BODY_BYTES = 40 * 1024 * 1024;
const MAX_LOGIN_BYTES = 16 * 1024;
/** The cookie's name; __Host- makes the browser refuse it without Secure, with a Domain or another Path. */
export const COOKIE_NAME = '__Host-sp-sessie';

export interface ServerOptions {
  dbPath: string;
  key: string;
  dataDir?: string;
  /** Create the database when it does not exist (first start). */
  create?: boolean;
  /** 0: a random free port (tests). */
  port: number;
  /** The address to listen on; default all addresses (the school network). */
  listen?: string;
  /** The names clients reach the server by (host names, IP addresses); the Host header must be one. */
  hostNames: string[];
  certificate: ServerCertificate;
  /** The renderer build (out/renderer). */
  staticDir: string;
  /** Checks a login against the accounts in the opened database (auth.ts). */
  authenticate: (core: Core) => Authenticator;
  /** Whether a session's account is still as it was at login (active, same role and groups); asked before every call. */
  stillValid: (core: Core, caller: Caller) => boolean;
  now?: () => Date;
  log?: (line: string) => void;
  /** Login attempts per address per window (default 10 per 15 minutes). */
  loginLimit?: { max: number; windowMs: number };
  absoluteTimeoutMs?: number;
  /** Run the daily automatic backup (default true: the server runs for days). */
  automaticBackups?: boolean;
  /** Worker threads that answer the common reads (readPool.ts); default one per core (at most 4), 0: none. */
  readWorkers?: number;
}

export interface SchoolServer {
  /** https://<first name>:<port> */
  origin: string;
  port: number;
  fingerprint: string;
  core: Core;
  sessions: SessionStore;
  close(): Promise<void>;
}

type ApiAnswer = Result<unknown>;

const refusal = (message: string): ApiAnswer => ({ ok: false, error: { code: 'GEEN_TOEGANG', message } });
const invalid = (message: string): ApiAnswer => ({ ok: false, error: { code: 'VALIDATIE', message } });

const NOT_LOGGED_IN = 'U bent niet (meer) ingelogd. Log opnieuw in.';
const CSRF_REFUSED = 'Dit verzoek is geweigerd: het komt niet van een geopende pagina van Schoolprotocol. Vernieuw de pagina.';

/**
 * What the server answers itself: the app's lock and "who is working" are about one PC; on the
 * server the session is the lock (the idle time logs out) and the account is who is working.
 */
const SERVER_ONLY_REFUSED = new Set([
  'trust.unlock',
  'trust.unlockWithRecoveryKey',
  'trust.passphrase.set',
  'trust.passphrase.remove',
  'trust.recoveryKey',
  'trust.restore',
  'session.who.set',
]);

/** What a session may call while its start password or authenticator app is still to be done. */
const WHILE_SETTING_UP = new Set(['accounts.me', 'accounts.changePassword', 'accounts.totp.begin', 'accounts.totp.confirm']);

/** Which `Host` header values are ours: each name with the port (and without it on 443). */
export function allowedHosts(names: string[], port: number): Set<string> {
  const hosts = new Set<string>();
  for (const raw of names) {
    const n = raw.toLowerCase();
    const h = n.includes(':') && !n.startsWith('[') ? `[${n}]` : n; // IPv6 literals go in brackets
    hosts.add(`${h}:${port}`);
    if (port === 443) hosts.add(h);
  }
  return hosts;
}

/** Reads a JSON body of at most `limit` bytes; null with the answer already sent when it is refused. */
async function readJson(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: number,
  sendJson: SendJson,
): Promise<{ value: unknown } | null> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    req.resume();
    sendJson(res, 415, invalid('Verstuur de gegevens als JSON.'));
    return null;
  }
  const tooLarge = () => {
    res.shouldKeepAlive = false;
    sendJson(
      res,
      413,
      invalid(`Het verzoek is te groot (hoogstens ${Math.round(limit / 1024 / 1024) || 1} MB).`),
      { Connection: 'close' },
      () => req.socket?.destroy(),
    );
    return null;
  };
  if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return tooLarge();
    chunks.push(chunk);
  }
  try {
    const text = Buffer.concat(chunks).toString('utf8');
    return { value: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    sendJson(res, 400, invalid('De gegevens zijn geen geldige JSON.'));
    return null;
  }
}

type SendJson = (res: http.ServerResponse, status: number, value: unknown, extra?: Record<string, string>, done?: () => void) => void;

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

const sessionCookie = (id: string) => `${COOKIE_NAME}=${id}; Path=/; Secure; HttpOnly; SameSite=Strict`;
const clearedCookie = () => `${COOKIE_NAME}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

export async function startServer(opts: ServerOptions): Promise<SchoolServer> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const clock = opts.now ?? (() => new Date());
  const opened = openHost({
    dbPath: opts.dbPath,
    key: opts.key,
    dataDir: opts.dataDir,
    create: opts.create ?? false,
    now: opts.now,
    actor: 'Schoolserver',
    automaticBackups: opts.automaticBackups ?? true,
    log: (line) => log(`[server] ${line}`),
    onInternalError: (method, e) => log(`[server] interne fout in ${method}: ${(e as Error)?.stack ?? String(e)}`),
  });
  if (!opened.ok) throw opened.error instanceof Error ? opened.error : new Error(opened.message);
  const host = opened.host;
  const core = host.core;
  const authenticate = opts.authenticate(core);
  // Core.invoke(method, input, caller): the caller decides the role the core checks (src/main/app/core.ts).
  const invokeAs = core.invoke.bind(core) as (method: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;
  // The common reads in worker threads of their own (readPool.ts); without them the core answers all.
  let pool: ReadPool | null = null;
  /** Calls being answered now (their body read, waiting for a worker or the core). */
  let inFlight = 0;
  const loopLoad = new LoopLoad();
  const workers = opts.readWorkers ?? defaultReadWorkers();
  if (workers > 0) {
    try {
      pool = new ReadPool({ dbPath: opts.dbPath, key: opts.key, dataDir: opts.dataDir, actor: 'Schoolserver' }, workers, log);
    } catch (e) {
      log(`[server] geen leeswerkers: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  // Asked at every request (sessions.ts); read again only when the data changed since (a write here
  // or by another process), so a changed setting still applies at once.
  let idle: { version: string; minutes: number } | null = null;
  const idleMinutes = () => {
    try {
      const version = dataVersion(core.db);
      if (idle?.version !== version) idle = { version, minutes: readTrustSettings(core.db).vergrendelNaMinuten ?? DEFAULT_IDLE_MINUTES };
      return idle.minutes;
    } catch {
      return DEFAULT_IDLE_MINUTES;
    }
  };
  const sessions = new SessionStore(() => clock().getTime(), idleMinutes, opts.absoluteTimeoutMs);
  const limiter = new LoginLimiter(() => clock().getTime(), opts.loginLimit?.max, opts.loginLimit?.windowMs);
  const staticRoot = path.resolve(opts.staticDir);
  const headers = {
    ...securityHeaders(),
    'Strict-Transport-Security': 'max-age=31536000',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  let hosts = new Set<string>();

  const sendJson: SendJson = (res, status, value, extra = {}, done) => sendBody(res, status, JSON.stringify(value), extra, done);
  const sendBody = (res: http.ServerResponse, status: number, body: string, extra: Record<string, string> = {}, done?: () => void) => {
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body, done);
  };
  const sendText = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };

  const sessionOf = (req: http.IncomingMessage, touch = true): Session | null =>
    sessions.get(cookieValue(req.headers.cookie, COOKIE_NAME), touch);
  const sessionView = (s: Session) => ({
    gebruiker: { gebruikersnaam: s.gebruikersnaam, naam: s.naam, rol: s.caller.rol },
    openstaand: s.openstaand,
    csrf: s.csrf,
    vergrendelNaMinuten: idleMinutes(),
  });
  const lockStatus = (vergrendeld: boolean): LockStatus => ({
    vergrendeld,
    wachtwoordIngesteld: false,
    wachtwoordMogelijk: false,
    vergrendelNaMinuten: idleMinutes(),
  });
  const clientIp = (req: http.IncomingMessage) => req.socket.remoteAddress ?? 'onbekend';

  async function login(req: http.IncomingMessage, res: http.ServerResponse) {
    const ip = clientIp(req);
    const body = await readJson(req, res, MAX_LOGIN_BYTES, sendJson);
    if (!body) return;
    if (!limiter.allow(ip)) {
      log(`[server] te veel inlogpogingen vanaf ${ip}`);
      return sendJson(
        res,
        429,
        refusal(`Te veel inlogpogingen vanaf deze computer. Probeer het over ${limiter.minutesLeft(ip)} minuten opnieuw.`),
      );
    }
    const v = (body.value ?? {}) as Record<string, unknown>;
    const gebruikersnaam = text(v.gebruikersnaam, 200);
    const wachtwoord = text(v.wachtwoord, 500);
    const totp = v.totp === undefined || v.totp === null || v.totp === '' ? undefined : text(v.totp, 20);
    if (!gebruikersnaam || !wachtwoord || totp === null) return sendJson(res, 400, invalid('Vul uw gebruikersnaam en wachtwoord in.'));
    const input: LoginInput = { gebruikersnaam: gebruikersnaam.trim(), wachtwoord, ...(totp ? { totp: totp.replace(/\s/g, '') } : {}) };
    const outcome = await authenticate(input, clock());
    // Whatever happens, the session this browser came with ends: a login never continues an old id.
    const previous = cookieValue(req.headers.cookie, COOKIE_NAME);
    if (outcome.status === 'geweigerd') {
      log(`[server] inloggen geweigerd voor "${input.gebruikersnaam.slice(0, 60)}" vanaf ${ip}`);
      sessions.destroy(previous);
      return sendJson(res, 401, refusal(outcome.message), previous ? { 'Set-Cookie': clearedCookie() } : {});
    }
    const session = sessions.create(outcome.account, outcome.openstaand, previous);
    log(`[server] ${outcome.account.gebruikersnaam} (${outcome.account.caller.rol}) ingelogd vanaf ${ip}`);
    sendJson(res, 200, { ok: true, value: sessionView(session) }, { 'Set-Cookie': sessionCookie(session.id) });
  }

  async function call(req: http.IncomingMessage, res: http.ServerResponse, session: Session) {
    const body = await readJson(req, res, MAX_BODY_BYTES, sendJson);
    if (!body) return;
    const v = (body.value ?? {}) as Record<string, unknown>;
    if (typeof v.method !== 'string' || v.method.length > 100)
      return sendJson(res, 400, { ok: false, error: { code: 'ONBEKENDE_METHODE', message: 'Onbekende opdracht.' } });
    const method = v.method;
    const caller = session.caller;
    if (method === 'trust.lockStatus') return sendJson(res, 200, { ok: true, value: lockStatus(false) });
    if (method === 'trust.lock') {
      // Locking on the server is logging out: nothing of the session stays usable.
      sessions.destroy(session.id);
      return sendJson(res, 200, { ok: true, value: lockStatus(true) }, { 'Set-Cookie': clearedCookie() });
    }
    if (method === 'session.who.get') {
      const who: WhoIsWorking = {
        persoon: { naam: session.naam, functie: caller.rol },
        actor: caller.actor,
        account: session.gebruikersnaam,
        vast: true,
      };
      return sendJson(res, 200, { ok: true, value: who });
    }
    if (SERVER_ONLY_REFUSED.has(method))
      return sendJson(
        res,
        200,
        refusal('Dit kan niet op de schoolserver. De beheerder doet dit op de server zelf (zie de handleiding van de server).'),
      );
    const { openstaand } = session;
    if ((openstaand.wachtwoord || openstaand.totp) && !WHILE_SETTING_UP.has(method))
      return sendJson(
        res,
        200,
        refusal(openstaand.wachtwoord ? 'Kies eerst een eigen wachtwoord.' : 'Stel eerst de tweede stap in met een authenticator-app.'),
      );
    // A read goes to a worker while other calls are in progress or this event loop is busy; else the
    // core here answers it: its page cache is warm (a worker's is emptied by every write, readPool.ts).
    if ((inFlight > 1 || loopLoad.utilisation() > 0.9) && pool?.serves(method) && !isLocked(core.db)) {
      // Answered as JSON by a read worker; null: the core here answers after all.
      const body = await pool.run(method, v.input ?? {}, caller, clock().getTime());
      if (body !== null) return sendBody(res, 200, body);
    }
    const result = await invokeAs(method, v.input ?? {}, caller);
    // Done what was asked first: the session may do more now, under a new id.
    const done = result.ok && (method === 'accounts.changePassword' || method === 'accounts.totp.confirm');
    if (!done) return sendJson(res, 200, result);
    if (method === 'accounts.changePassword') openstaand.wachtwoord = false;
    else openstaand.totp = false;
    sendJson(res, 200, result, { 'Set-Cookie': sessionCookie(sessions.renew(session).id) });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, route: string) {
    if (route === 'sessie') {
      if (req.method !== 'GET') return sendJson(res, 405, refusal('Gebruik GET.'));
      let s = sessionOf(req);
      if (s && !opts.stillValid(core, s.caller)) {
        sessions.destroy(s.id);
        s = null;
      }
      return sendJson(res, 200, {
        ok: true,
        // The version lets the desktop app check it fits this server (electron/serverLink.ts).
        value: s
          ? { ingelogd: true, versie: APP_VERSION, ...sessionView(s) }
          : { ingelogd: false, versie: APP_VERSION, vergrendelNaMinuten: idleMinutes() },
      });
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendJson(res, 405, refusal('Gebruik POST voor een opdracht.'));
    }
    if (route === 'login') return login(req, res);
    if (route !== 'call' && route !== 'logout') {
      req.resume();
      return sendJson(res, 404, { ok: false, error: { code: 'ONBEKENDE_METHODE', message: 'Onbekende opdracht.' } });
    }
    const session = sessionOf(req, false);
    if (!session) {
      req.resume();
      return sendJson(res, 401, refusal(NOT_LOGGED_IN), { 'Set-Cookie': clearedCookie() });
    }
    if (!sameToken(req.headers[CSRF_HEADER] as string | undefined, session.csrf)) {
      req.resume();
      return sendJson(res, 403, refusal(CSRF_REFUSED));
    }
    if (!opts.stillValid(core, session.caller)) {
      // Blocked, or given another role or other groups since the login: log in again.
      req.resume();
      sessions.destroy(session.id);
      return sendJson(res, 401, refusal(NOT_LOGGED_IN), { 'Set-Cookie': clearedCookie() });
    }
    sessions.get(session.id); // the idle clock restarts only for a genuine request
    if (route === 'logout') {
      req.resume();
      sessions.destroy(session.id);
      log(`[server] ${session.gebruikersnaam} uitgelogd`);
      return sendJson(res, 200, { ok: true, value: null }, { 'Set-Cookie': clearedCookie() });
    }
    inFlight++;
    try {
      return await call(req, res, session);
    } finally {
      inFlight--;
    }
  }

  let indexCache: { mtimeMs: number; body: Buffer } | null = null;
  /** index.html with the server's marks: the renderer shows the login page, the fingerprint on it. */
  function indexHtml(file: string): Buffer {
    const stat = fs.statSync(file);
    if (indexCache && indexCache.mtimeMs === stat.mtimeMs) return indexCache.body;
    const html = fs.readFileSync(file, 'utf8');
    const marks =
      `<meta name="sp-door" content="server">` +
      `<meta name="sp-fingerprint" content="${opts.certificate.selfSigned ? opts.certificate.fingerprint : ''}">`;
    const body = Buffer.from(html.replace('</head>', `${marks}</head>`));
    indexCache = { mtimeMs: stat.mtimeMs, body };
    return body;
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Methode niet toegestaan');
    const file = resolveStaticPath(staticRoot, pathname);
    if (!file) return sendText(res, 404, 'Niet gevonden');
    const isIndex = file === path.join(staticRoot, 'index.html');
    let body: Buffer;
    try {
      if (!fs.statSync(file).isFile()) throw new Error('not a file');
      body = isIndex ? indexHtml(file) : fs.readFileSync(file);
    } catch {
      if (isIndex) return sendText(res, 503, 'De app is nog niet gebouwd: voer eerst `npm run build` uit.');
      return sendText(res, 404, 'Niet gevonden');
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': mimeType(file),
      'Content-Length': body.length,
      'Cache-Control': isIndex ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = https.createServer({ cert: opts.certificate.cert, key: opts.certificate.key, minVersion: 'TLSv1.2' }, (req, res) => {
    if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) {
      req.resume();
      return sendJson(res, 403, refusal('Geen toegang: gebruik het adres van de schoolserver dat de beheerder heeft gegeven.'));
    }
    const origin = req.headers.origin;
    if ((origin !== undefined && origin !== `https://${req.headers.host}`) || req.headers['sec-fetch-site'] === 'cross-site') {
      req.resume();
      return sendJson(res, 403, refusal('Geen toegang vanaf een andere website.'));
    }
    const pathname = (req.url ?? '/').split('?')[0];
    const api = /^\/api\/([a-z]+)$/.exec(pathname);
    if (api) {
      handleApi(req, res, api[1]).catch((e: unknown) => {
        log(`[server] ${(e as Error)?.stack ?? String(e)}`);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERN', message: 'Er ging iets mis op de schoolserver.' } });
        else res.destroy();
      });
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      req.resume();
      return sendJson(res, 404, { ok: false, error: { code: 'ONBEKENDE_METHODE', message: 'Onbekende opdracht.' } });
    }
    handleStatic(req, res, pathname);
  });
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 30_000;
  // A plain-HTTP or broken handshake: the socket is closed without an answer (no HTTP listener).
  server.on('tlsClientError', (_e, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.listen ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    void pool?.close();
    host.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(opts.hostNames, port);
  const first = opts.hostNames[0] ?? 'localhost';
  return {
    origin: `https://${first.includes(':') ? `[${first}]` : first}:${port}`,
    port,
    fingerprint: opts.certificate.fingerprint,
    core,
    sessions,
    close: () => stopServer(server, host).finally(() => pool?.close()),
  };
}
