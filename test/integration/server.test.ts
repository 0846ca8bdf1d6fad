// The school server door (src/main/server/, docs/SERVER.md) over real HTTPS on loopback, with its
// self-signed certificate pinned as the only trusted CA: HTTPS only, the session cookie's flags,
// CSRF, the login with its lockout and the per-address limit, no session fixation, the idle and
// absolute time-outs, what a session may do before its password and second step are done, and the
// role check of the core behind it.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { COOKIE_NAME } from '../../src/main/server/server';
import type { SchoolServer, ServerOptions } from '../../src/main/server/server';
import type { ServerCertificate } from '../../src/main/server/tls';
import { createFirstAccount } from '../../src/main/server/accountsLink';
import { startTestServer, testCertificate } from '../support/schoolServer';
import { ABSOLUTE_TIMEOUT_MS } from '../../src/main/server/sessions';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

let certificate: ServerCertificate;
let staticDir: string;
beforeAll(async () => {
  const made = await testCertificate('sp-server-cert-');
  ({ certificate, staticDir } = made);
  return made.remove;
});

interface Started {
  server: SchoolServer;
  clock: { now: Date };
  /** Moves the clock on by ms. */
  advance(ms: number): void;
}

async function start(extra: Partial<ServerOptions> = {}): Promise<Started> {
  const clock = { now: new Date('2026-11-16T09:00:00Z') };
  const { server, close } = await startTestServer({ certificate, staticDir, now: () => clock.now, prefix: 'sp-server-', ...extra });
  cleanups.push(close);
  return { server, clock, advance: (ms) => (clock.now = new Date(clock.now.getTime() + ms)) };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' shapes vary per route
  json: { ok: boolean; value?: any; error?: { code: string; message: string } };
}

function request(
  s: SchoolServer,
  method: string,
  pathname: string,
  opts: { body?: unknown; cookie?: string | null; csrf?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { host: `localhost:${s.port}`, ...opts.headers };
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  if (opts.cookie) headers.cookie = `${COOKIE_NAME}=${opts.cookie}`;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', servername: 'localhost', port: s.port, method, path: pathname, headers, ca: certificate.cert, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Answer['json'] = { ok: false };
          try {
            json = JSON.parse(text);
          } catch {
            // a static file
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const cookieOf = (a: Answer): string | null => {
  const set = a.headers['set-cookie']?.find((c) => c.startsWith(`${COOKIE_NAME}=`));
  const v = set ? set.slice(COOKIE_NAME.length + 1).split(';')[0] : '';
  return v || null;
};

interface Login {
  cookie: string | null;
  csrf: string;
  answer: Answer;
}

async function login(s: SchoolServer, gebruikersnaam: string, wachtwoord: string, totp?: string, cookie?: string | null): Promise<Login> {
  const answer = await request(s, 'POST', '/api/login', { body: { gebruikersnaam, wachtwoord, ...(totp ? { totp } : {}) }, cookie });
  return { cookie: cookieOf(answer), csrf: answer.json.value?.csrf, answer };
}

const call = (s: SchoolServer, l: Pick<Login, 'cookie' | 'csrf'>, method: string, input: unknown = {}) =>
  request(s, 'POST', '/api/call', { body: { method, input }, cookie: l.cookie, csrf: l.csrf });

const NEW_PASSWORD = 'een-lang-eigen-wachtwoord-2026';

/** The first account (schoolleider) with its own password and its second step set up; its TOTP secret. */
async function readySchoolleider(st: Started): Promise<{ secret: string; code: () => string }> {
  const s = st.server;
  const made = await createFirstAccount(s.core, 'rector', 'schoolleider');
  const first = await login(s, 'rector', made.startwachtwoord);
  expect(first.answer.json.value.openstaand).toEqual({ wachtwoord: true, totp: true });
  const changed = await call(s, first, 'accounts.changePassword', {
    huidigWachtwoord: made.startwachtwoord,
    nieuwWachtwoord: NEW_PASSWORD,
  });
  expect(changed.json.ok, JSON.stringify(changed.json)).toBe(true);
  first.cookie = cookieOf(changed); // renewed
  const begun = await call(s, first, 'accounts.totp.begin');
  expect(begun.json.ok, JSON.stringify(begun.json)).toBe(true);
  const secret = begun.json.value.secret as string;
  const code = () => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: st.clock.now.getTime() });
  const confirmed = await call(s, first, 'accounts.totp.confirm', { code: code() });
  expect(confirmed.json.ok, JSON.stringify(confirmed.json)).toBe(true);
  st.advance(31_000); // a code once used is not accepted again: the next login uses the next step
  return { secret, code };
}

describe('the school server (server/server.ts)', () => {
  it('answers only over TLS 1.2 or newer: plain HTTP gets no answer at all, TLS 1.1 no handshake', async () => {
    const { server } = await start();
    const plain = await new Promise<string>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: `localhost:${server.port}` } }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
      req.end();
    });
    expect(plain).toMatch(/^error /);
    const old = await new Promise<string>((resolve) => {
      const socket = tls.connect(
        { host: '127.0.0.1', port: server.port, servername: 'localhost', ca: certificate.cert, maxVersion: 'TLSv1.1', minVersion: 'TLSv1' },
        () => resolve(`connected ${socket.getProtocol()}`),
      );
      socket.on('error', () => resolve('refused'));
    });
    expect(old).toBe('refused');
    const page = await request(server, 'GET', '/');
    expect(page.status).toBe(200);
    expect(server.fingerprint).toBe(certificate.fingerprint);
  });

  it('serves the renderer with the strict CSP, marked as the server with the certificate fingerprint', async () => {
    const { server } = await start();
    const page = await request(server, 'GET', '/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).toContain('<meta name="sp-door" content="server">');
    expect(page.text).toContain(`<meta name="sp-fingerprint" content="${certificate.fingerprint}">`);
    expect((await request(server, 'GET', '/../../etc/passwd')).status).toBe(404);
  });

  it('refuses another Host name (DNS rebinding), another Origin and cross-site fetches', async () => {
    const { server } = await start();
    expect((await request(server, 'GET', '/', { headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await request(server, 'GET', '/', { headers: { host: 'localhost:1' } })).status).toBe(403);
    const body = { gebruikersnaam: 'x', wachtwoord: 'y' };
    expect((await request(server, 'POST', '/api/login', { body, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await request(server, 'POST', '/api/login', { body, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await request(server, 'GET', '/', { headers: { host: `127.0.0.1:${server.port}` } })).status).toBe(200);
  });

  it('logs in with a cookie that is Secure, HttpOnly and SameSite=Strict, and a new session id every time (no fixation)', async () => {
    const { server } = await start();
    const made = await createFirstAccount(server.core, 'rector', 'schoolleider');
    const a = await login(server, 'rector', made.startwachtwoord);
    expect(a.answer.status).toBe(200);
    const set = a.answer.headers['set-cookie']!.find((c) => c.startsWith(`${COOKIE_NAME}=`))!;
    expect(set).toMatch(/; Secure/);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\//);
    expect(set).not.toMatch(/Domain=/i);
    expect(a.csrf).toMatch(/^[\w-]{40,}$/);
    expect(a.cookie).not.toContain(a.csrf);

    // A login that comes with an id (planted or old) gets a new one; the old one is dead.
    const b = await login(server, 'rector', made.startwachtwoord, undefined, a.cookie);
    expect(b.cookie).toBeTruthy();
    expect(b.cookie).not.toBe(a.cookie);
    expect((await call(server, a, 'accounts.me')).status).toBe(401);
    expect((await call(server, b, 'accounts.me')).json.ok).toBe(true);
    // An id the server never made is not taken over either.
    const planted = 'x'.repeat(43);
    const c = await login(server, 'rector', made.startwachtwoord, undefined, planted);
    expect(c.cookie).not.toBe(planted);
  });

  it('refuses a POST without the CSRF token, with a wrong one, and a call without a session', async () => {
    const { server } = await start();
    const made = await createFirstAccount(server.core, 'rector', 'schoolleider');
    const l = await login(server, 'rector', made.startwachtwoord);
    const without = await request(server, 'POST', '/api/call', { body: { method: 'accounts.me', input: {} }, cookie: l.cookie });
    expect(without.status).toBe(403);
    expect(without.json.error!.code).toBe('GEEN_TOEGANG');
    const wrong = await call(server, { cookie: l.cookie, csrf: l.csrf.slice(0, -2) + 'xx' }, 'accounts.me');
    expect(wrong.status).toBe(403);
    expect((await request(server, 'POST', '/api/logout', { body: {}, cookie: l.cookie })).status).toBe(403);
    const none = await request(server, 'POST', '/api/call', { body: { method: 'app.status', input: {} }, csrf: l.csrf });
    expect(none.status).toBe(401);
    expect(none.json.error!.code).toBe('GEEN_TOEGANG');
    expect((await call(server, l, 'accounts.me')).status).toBe(200);
    // The page reloads: the session tells it its CSRF token again (same origin only).
    const again = await request(server, 'GET', '/api/sessie', { cookie: l.cookie });
    expect(again.json.value.csrf).toBe(l.csrf);
  });

  it('allows only the password and the second step until they are done, then the app', async () => {
    const st = await start();
    const s = st.server;
    const made = await createFirstAccount(s.core, 'rector', 'schoolleider');
    const l = await login(s, 'rector', made.startwachtwoord);
    const early = await call(s, l, 'app.status');
    expect(early.json.ok).toBe(false);
    expect(early.json.error!.message).toContain('eigen wachtwoord');
    const changed = await call(s, l, 'accounts.changePassword', { huidigWachtwoord: made.startwachtwoord, nieuwWachtwoord: NEW_PASSWORD });
    expect(changed.json.ok).toBe(true);
    // More rights, a new session id: the one from before the change is dead.
    const renewed = cookieOf(changed);
    expect(renewed).toBeTruthy();
    expect(renewed).not.toBe(l.cookie);
    expect((await call(s, l, 'accounts.me')).status).toBe(401);
    l.cookie = renewed;
    expect((await call(s, l, 'app.status')).json.error!.message).toContain('tweede stap');
    const begun = await call(s, l, 'accounts.totp.begin');
    const secret = begun.json.value.secret as string;
    expect(begun.json.value.uri).toMatch(/^otpauth:\/\/totp\//);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    const confirmed = await call(s, l, 'accounts.totp.confirm', { code: totp.generate({ timestamp: st.clock.now.getTime() }) });
    expect(confirmed.json.ok).toBe(true);
    l.cookie = cookieOf(confirmed);
    const status = await call(s, l, 'app.status');
    expect(status.json.ok, JSON.stringify(status.json)).toBe(true);
    // From now on a login needs the code.
    st.advance(31_000);
    const noCode = await login(s, 'rector', NEW_PASSWORD);
    expect(noCode.answer.status).toBe(401);
    expect(noCode.cookie).toBeNull();
    const withCode = await login(s, 'rector', NEW_PASSWORD, totp.generate({ timestamp: st.clock.now.getTime() }));
    expect(withCode.answer.json.value.openstaand).toEqual({ wachtwoord: false, totp: false });
  });

  it('locks the account after repeated wrong passwords, and limits attempts per address on top', async () => {
    const { server } = await start();
    const made = await createFirstAccount(server.core, 'rector', 'schoolleider');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await login(server, 'rector', 'fout-wachtwoord-' + i)).answer.status);
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    // Locked: even the right password is refused now, with a Dutch message that says so.
    const right = await login(server, 'rector', made.startwachtwoord);
    expect(right.answer.status).toBe(401);
    expect(right.cookie).toBeNull();
    expect(right.answer.json.error!.message).toMatch(/Te veel mislukte pogingen/);

    const limited = await start({ loginLimit: { max: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(limited.server, `iemand${i}`, 'wat-dan-ook')).answer.status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    limited.advance(61_000);
    expect((await login(limited.server, 'iemand', 'wat-dan-ook')).answer.status).toBe(401);
  });

  it('ends a session after the idle time (the lock minutes of the trust settings) and after the absolute time, however active', async () => {
    const st = await start();
    const s = st.server;
    const made = await createFirstAccount(s.core, 'rector', 'schoolleider');
    // The trust settings' default: 10 minutes.
    const idle = await login(s, 'rector', made.startwachtwoord);
    st.advance(9 * 60_000);
    expect((await call(s, idle, 'accounts.me')).status).toBe(200);
    st.advance(9 * 60_000); // active 9 minutes ago: still in
    expect((await call(s, idle, 'accounts.me')).status).toBe(200);
    st.advance(11 * 60_000);
    const expired = await call(s, idle, 'accounts.me');
    expect(expired.status).toBe(401);
    expect(expired.json.error!.message).toContain('niet (meer) ingelogd');
    // The school leader sets a longer time: it applies at once.
    expect((await s.core.invoke('trust.settings.save', { vergrendelNaMinuten: 30 })).ok).toBe(true);
    const longer = await login(s, 'rector', made.startwachtwoord);
    st.advance(25 * 60_000);
    expect((await call(s, longer, 'accounts.me')).status).toBe(200);
    expect((await request(s, 'GET', '/api/sessie', { cookie: longer.cookie })).json.value.vergrendelNaMinuten).toBe(30);

    const busy = await login(s, 'rector', made.startwachtwoord);
    let last = 200;
    for (let t = 0; t <= ABSOLUTE_TIMEOUT_MS; t += 10 * 60_000) {
      st.advance(10 * 60_000);
      last = (await call(s, busy, 'accounts.me')).status;
    }
    expect(last).toBe(401);
  });

  it('logs out, and a lock from the page is a logout', async () => {
    const { server } = await start();
    const made = await createFirstAccount(server.core, 'rector', 'schoolleider');
    const a = await login(server, 'rector', made.startwachtwoord);
    const out = await request(server, 'POST', '/api/logout', { body: {}, cookie: a.cookie, csrf: a.csrf });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']!.join()).toMatch(/Max-Age=0/);
    expect((await call(server, a, 'accounts.me')).status).toBe(401);
    const b = await login(server, 'rector', made.startwachtwoord);
    expect((await call(server, b, 'trust.lock')).json.value.vergrendeld).toBe(true);
    expect((await call(server, b, 'accounts.me')).status).toBe(401);
    // The database itself was never locked for the others.
    const db = await server.core.invoke('trust.lockStatus', {});
    expect(db.ok && db.value.vergrendeld).toBe(false);
  });

  it('calls the core as the logged-in person: a role that may not call a method gets GEEN_TOEGANG', async () => {
    const st = await start();
    const s = st.server;
    const ready = await readySchoolleider(st);
    const leider = await login(s, 'rector', NEW_PASSWORD, ready.code());
    expect((await call(s, leider, 'school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' })).json.ok).toBe(true);
    const person = await call(s, leider, 'people.create', { soort: 'medewerker', voornaam: 'Mees', achternaam: 'Medewerker' });
    expect(person.json.ok, JSON.stringify(person.json)).toBe(true);
    const acc = await call(s, leider, 'accounts.create', { personId: person.json.value.id, gebruikersnaam: 'mees', rol: 'medewerker' });
    expect(acc.json.ok, JSON.stringify(acc.json)).toBe(true);

    const mees = await login(s, 'mees', acc.json.value.startwachtwoord);
    expect(mees.answer.json.value.openstaand).toEqual({ wachtwoord: true, totp: false });
    const changed = await call(s, mees, 'accounts.changePassword', {
      huidigWachtwoord: acc.json.value.startwachtwoord,
      nieuwWachtwoord: NEW_PASSWORD,
    });
    expect(changed.json.ok).toBe(true);
    mees.cookie = cookieOf(changed);
    expect((await call(s, mees, 'submissions.mine', {})).json.ok).toBe(true);
    // The core's permission check, through the door: a 200 with the refusal, the session intact.
    const refused = await call(s, mees, 'people.list', {});
    expect(refused.status).toBe(200);
    expect(refused.json.ok).toBe(false);
    expect(refused.json.error!.code).toBe('GEEN_TOEGANG');
    // Another role, or a blocked account: the session ends at once, not at its time-out.
    expect((await call(s, leider, 'accounts.update', { id: acc.json.value.account.id, rol: 'anti_pest' })).json.ok).toBe(true);
    expect((await call(s, mees, 'submissions.mine', {})).status).toBe(401);
    const again = await login(s, 'mees', NEW_PASSWORD);
    expect(again.answer.json.value.gebruiker.rol).toBe('anti_pest');
    expect((await call(s, leider, 'accounts.update', { id: acc.json.value.account.id, actief: false })).json.ok).toBe(true);
    expect((await call(s, again, 'submissions.mine', {})).status).toBe(401);
    expect((await login(s, 'mees', NEW_PASSWORD)).answer.status).toBe(401);
    // The audit trail names the person, not the server.
    const actors = s.core.db.prepare(`SELECT DISTINCT actor FROM audit_log WHERE entity = 'persoon'`).all() as { actor: string }[];
    expect(actors.map((a) => a.actor).join()).toContain('rector');
  });
});
