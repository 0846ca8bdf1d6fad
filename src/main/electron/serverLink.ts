// The app's line to the school server (docs/SERVER.md, "De app op een werkplek"): HTTPS from the
// main process, never from the window, with the server's certificate checked on every connection
// before a single byte of a request is sent:
// - a certificate the computer trusts (issued for this name by a known authority) is checked the
//   usual way, so the school may renew it;
// - any other certificate (the server's own, self-signed) must be exactly the one whose
//   fingerprint the user confirmed at the first connection (pinned); a different one is refused
//   with a plain warning, whatever authority signed it.
// The session cookie lives here, in memory, and never reaches the window.
// Plain Node (no Electron import), so it is tested under vitest against a real school server.
import https from 'node:https';
import tls from 'node:tls';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { SERVER_ROUTES } from '@shared/api/schoolserver';
import type { RequestOutput, SchoolServerProbe, ServerRoute } from '@shared/api/schoolserver';
import { CoreError } from '../errors/errors';

/** What the app keeps of its server (schoolserver.json beside the database). */
export interface ServerPin {
  adres: string;
  vingerafdruk: string;
  vertrouwd: boolean;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** A yearly report or a big import may take a while on the server. */
const REQUEST_TIMEOUT_MS = 5 * 60_000;
const COOKIE_NAME = '__Host-sp-sessie';

const refuse = (message: string, field?: string) => new CoreError('VALIDATIE', message, field);

/** "server", "server:8443", "https://server:8443/" → "https://server:8443" (https only, no path). */
export function normalizeAddress(raw: string): string {
  const text = raw.trim();
  if (!text) throw refuse('Vul het adres van de schoolserver in, bijvoorbeeld https://schoolserver:8443.', 'adres');
  if (/^http:\/\//i.test(text))
    throw refuse('De schoolserver werkt alleen via een beveiligde verbinding: het adres begint met https://.', 'adres');
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw refuse('Dit is geen geldig adres. Gebruik de vorm https://naam-van-de-server:poort.', 'adres');
  }
  if (u.protocol !== 'https:')
    throw refuse('De schoolserver werkt alleen via een beveiligde verbinding: het adres begint met https://.', 'adres');
  if (u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash)
    throw refuse('Vul alleen de naam van de server en de poort in, zonder pad, bijvoorbeeld https://schoolserver:8443.', 'adres');
  return u.origin;
}

function target(adres: string): { host: string; port: number; servername?: string } {
  const u = new URL(adres);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return { host, port: Number(u.port || 443), ...(isIP(host) ? {} : { servername: host }) };
}

function unreachable(adres: string, e: unknown): CoreError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new CoreError(
      'INTERN',
      `De naam in het adres ${adres} is op dit netwerk niet bekend. Controleer het adres en of u op het schoolnetwerk bent.`,
    );
  if (code === 'ECONNREFUSED')
    return new CoreError(
      'INTERN',
      `Op ${adres} draait geen schoolserver (de verbinding werd geweigerd). Controleer het adres en de poort.`,
    );
  if (code === 'ETIMEDOUT' || code === 'TIMEOUT')
    return new CoreError('INTERN', `De schoolserver op ${adres} antwoordt niet. Controleer het netwerk en probeer het opnieuw.`);
  if (e instanceof CoreError) return e;
  return new CoreError(
    'INTERN',
    `Er kon geen beveiligde verbinding worden gemaakt met ${adres}. Controleer het adres en of de schoolserver draait.`,
  );
}

export const CERTIFICATE_CHANGED =
  'Het certificaat van de schoolserver is veranderd sinds deze computer er de eerste keer mee verbond. ' +
  'Dat kan een nieuw certificaat zijn, maar ook een andere computer die zich voordoet als de schoolserver. ' +
  'Er is niets verstuurd. Vraag de beheerder of het certificaat is vervangen; is dat zo, kies dan "Verbinding verbreken" en verbind opnieuw.';

const NOT_TRUSTED_ANY_MORE =
  'Het certificaat van de schoolserver wordt door deze computer niet (meer) vertrouwd. Er is niets verstuurd. Vraag de beheerder om hulp.';

/** Opens a TLS connection without judging the certificate yet; resolves once the handshake is done. */
function handshake(adres: string): Promise<tls.TLSSocket> {
  const t = target(adres);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ ...t, rejectUnauthorized: false, minVersion: 'TLSv1.2', ALPNProtocols: ['http/1.1'] });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(unreachable(adres, Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    }, CONNECT_TIMEOUT_MS);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(unreachable(adres, e));
    });
  });
}

/** Whether this socket's certificate is the one the pin allows. */
function acceptable(socket: tls.TLSSocket, pin: ServerPin): string | null {
  if (pin.vertrouwd) return socket.authorized ? null : NOT_TRUSTED_ANY_MORE;
  const cert = socket.getPeerCertificate();
  return cert?.fingerprint256 === pin.vingerafdruk ? null : CERTIFICATE_CHANGED;
}

/**
 * An agent whose every new connection is checked against the pin after the handshake and before
 * it is handed to the request: a refused server never receives the request, cookie included.
 */
function pinnedAgent(pin: ServerPin): https.Agent {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 6 });
  (agent as unknown as { createConnection: unknown }).createConnection = (
    _options: unknown,
    done: (err: Error | null, socket?: Duplex) => void,
  ): undefined => {
    handshake(pin.adres).then(
      (socket) => {
        const problem = acceptable(socket, pin);
        if (problem) {
          socket.destroy();
          done(new CoreError('GEEN_TOEGANG', problem));
        } else done(null, socket);
      },
      (e: unknown) => done(e as Error),
    );
    return undefined;
  };
  return agent;
}

interface HttpAnswer {
  status: number;
  body: unknown;
  setCookie: string[];
}

function send(
  agent: https.Agent,
  adres: string,
  route: ServerRoute,
  opts: { body?: unknown; cookie?: string | null; csrf?: string | null; timeoutMs?: number },
): Promise<HttpAnswer> {
  const u = new URL(`/api/${route}`, adres);
  const isGet = route === 'sessie';
  const payload = isGet ? null : Buffer.from(JSON.stringify(opts.body ?? {}));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  if (opts.cookie) headers.cookie = `${COOKIE_NAME}=${opts.cookie}`;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  return new Promise((resolve, reject) => {
    const req = https.request(
      u,
      { method: isGet ? 'GET' : 'POST', agent, headers, timeout: opts.timeoutMs ?? REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return reject(new CoreError('INTERN', `Op ${adres} antwoordt geen schoolserver van Schoolprotocol.`));
          }
          const raw = res.headers['set-cookie'];
          resolve({ status: res.statusCode ?? 0, body, setCookie: Array.isArray(raw) ? raw : raw ? [raw] : [] });
        });
        res.on('error', (e) => reject(unreachable(adres, e)));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => reject(e instanceof CoreError ? e : unreachable(adres, e)));
    req.end(payload ?? undefined);
  });
}

/** The session id in a Set-Cookie list: a value, '' when the server cleared it, null when not mentioned. */
export function sessionFromSetCookie(lines: string[]): string | null {
  for (const line of lines) {
    const first = line.split(';')[0] ?? '';
    const eq = first.indexOf('=');
    if (eq > 0 && first.slice(0, eq).trim() === COOKIE_NAME) {
      const value = first.slice(eq + 1).trim();
      return /max-age=0/i.test(line) ? '' : value;
    }
  }
  return null;
}

/** The server's version from its /api/sessie answer, or null when the answer is not a school server's. */
function versionOf(body: unknown): string | null {
  const b = body as { ok?: unknown; value?: { ingelogd?: unknown; versie?: unknown } } | null;
  if (!b || b.ok !== true || typeof b.value !== 'object' || b.value === null || typeof b.value.ingelogd !== 'boolean') return null;
  return typeof b.value.versie === 'string' ? b.value.versie : '';
}

export function versionProblem(serverVersion: string, appVersion: string): string | null {
  if (serverVersion === appVersion) return null;
  return `De schoolserver heeft versie ${serverVersion || 'onbekend'} van Schoolprotocol, deze app versie ${appVersion}. Beide moeten dezelfde versie hebben: ${
    newer(serverVersion, appVersion)
      ? 'installeer de nieuwe versie van de app op deze computer'
      : 'vraag de beheerder de schoolserver bij te werken'
  }.`;
}

/** Whether version a (1.2.10) comes after b (1.2.9), part by part. */
function newer(a: string, b: string): boolean {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

/**
 * What is at this address: its certificate (fingerprint, trusted or not) and whether a school
 * server of this version answers there. Nothing about a person is sent.
 */
export async function probeServer(raw: string, appVersion: string): Promise<SchoolServerProbe> {
  const adres = normalizeAddress(raw);
  const socket = await handshake(adres);
  const cert = socket.getPeerCertificate();
  const probe = { adres, vingerafdruk: cert.fingerprint256, vertrouwd: socket.authorized };
  socket.destroy();
  if (!probe.vingerafdruk) throw new CoreError('INTERN', `De server op ${adres} toont geen certificaat.`);
  // The question itself goes over a connection held to exactly this certificate.
  const agent = pinnedAgent({ ...probe, vertrouwd: false });
  try {
    const answer = await send(agent, adres, 'sessie', { timeoutMs: CONNECT_TIMEOUT_MS });
    const versie = versionOf(answer.body);
    if (versie === null) throw new CoreError('INTERN', `Op ${adres} antwoordt geen schoolserver van Schoolprotocol.`);
    const problem = versionProblem(versie, appVersion);
    if (problem) throw new CoreError('REGEL', problem);
    return { ...probe, versie };
  } finally {
    agent.destroy();
  }
}

/** One pinned line to the server with this computer's session (the cookie kept here). */
export class ServerLink {
  private readonly agent: https.Agent;
  private cookie: string | null = null;
  /** The session's CSRF token as the server last gave it (the window sends its own copy). */
  private csrf: string | null = null;

  constructor(
    readonly pin: ServerPin,
    private readonly appVersion: string,
  ) {
    this.agent = pinnedAgent(pin);
  }

  /** Passes a request on; the answer is the server's status and Result (a refusal of the line itself throws a CoreError). */
  async request(route: ServerRoute, body: unknown, csrf: string | null): Promise<RequestOutput> {
    if (!SERVER_ROUTES.includes(route)) throw new CoreError('ONBEKENDE_METHODE', 'Onbekende opdracht.');
    const answer = await send(this.agent, this.pin.adres, route, { body, cookie: this.cookie, csrf: csrf ?? this.csrf });
    const session = sessionFromSetCookie(answer.setCookie);
    if (session !== null) this.cookie = session || null;
    if (answer.status === 401 || !this.cookie) this.cookie = this.csrf = null;
    const given = (answer.body as { ok?: boolean; value?: { csrf?: unknown } } | null)?.value?.csrf;
    if (typeof given === 'string') this.csrf = given;
    if (route === 'sessie') {
      const versie = versionOf(answer.body);
      const problem =
        versie === null ? `Op ${this.pin.adres} antwoordt geen schoolserver van Schoolprotocol.` : versionProblem(versie, this.appVersion);
      if (problem) throw new CoreError('REGEL', problem);
    }
    return { status: answer.status, result: answer.body };
  }

  /** Ends the session on the server (when reachable) and forgets it here. */
  async logout(): Promise<void> {
    if (this.cookie) await this.request('logout', {}, null).catch(() => undefined);
    this.cookie = this.csrf = null;
  }

  close(): void {
    this.cookie = this.csrf = null;
    this.agent.destroy();
  }
}
