// The desktop app as a client of the school server (src/main/electron/serverLink.ts and
// schoolServerDoor.ts, docs/SERVER.md "De app op een werkplek"), against a real school server over
// HTTPS on loopback: what the first connection shows, that it is kept only as confirmed, that
// every later connection must show the same certificate (an impostor receives not one byte), that
// the window's login and calls pass through with the cookie kept in the door, and that nothing
// reaches the local core while connected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolServer } from '../../src/main/server/server';
import { generate } from 'selfsigned';
import { loadCertificate, selfSignedCertificate } from '../../src/main/server/tls';
import type { ServerCertificate } from '../../src/main/server/tls';
import { createFirstAccount } from '../../src/main/server/accountsLink';
import { startTestServer, testCertificate } from '../support/schoolServer';
import { APP_VERSION } from '../../src/main/school/status';
import { CERTIFICATE_CHANGED, normalizeAddress, sessionFromSetCookie, versionProblem } from '../../src/main/electron/serverLink';
import { CLIENT_CONFIG_FILE, SchoolServerDoor, readPin } from '../../src/main/electron/schoolServerDoor';
import type { Result } from '../../src/shared/api/result';
import type { RequestOutput, SchoolServerProbe, SchoolServerStatus } from '../../src/shared/api/schoolserver';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

let certDir: string;
let certificate: ServerCertificate;
let otherCertificate: ServerCertificate;
let staticDir: string;
beforeAll(async () => {
  const made = await testCertificate('sp-client-cert-');
  ({ certificate, staticDir, dir: certDir } = made);
  otherCertificate = await selfSignedCertificate(path.join(certDir, 'b'), ['localhost', '127.0.0.1']);
  return made.remove;
});

async function startSchoolServer(cert = certificate): Promise<SchoolServer> {
  const { server, close } = await startTestServer({ certificate: cert, staticDir, prefix: 'sp-client-server-' });
  cleanups.push(close);
  return server;
}

/**
 * A TLS server with another certificate that records every byte it receives (an impostor); with
 * `web`, it answers any request as some other web server would.
 */
async function impostor(web = false): Promise<{ port: number; received: () => number; connections: () => number }> {
  let bytes = 0;
  let connections = 0;
  const sockets = new Set<tls.TLSSocket>();
  const server = tls.createServer({ cert: otherCertificate.cert, key: otherCertificate.key }, (socket) => {
    sockets.add(socket);
    socket.on('data', (d: Buffer) => {
      bytes += d.length;
      if (web) socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhallo');
    });
    socket.on('error', () => {});
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as AddressInfo).port, received: () => bytes, connections: () => connections };
}

function door(opts: { hasSchool?: boolean; version?: string } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-client-app-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const configFile = path.join(dir, CLIENT_CONFIG_FILE);
  const make = () =>
    new SchoolServerDoor({ configFile, appVersion: opts.version ?? APP_VERSION, localHasSchool: () => Promise.resolve(!!opts.hasSchool) });
  const d = make();
  cleanups.push(() => d.close());
  const localCalls: string[] = [];
  const relay = d.relay((method) => {
    localCalls.push(method);
    return Promise.resolve({ ok: true, value: 'lokaal' });
  });
  return { door: d, relay, configFile, localCalls, reopen: make };
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('the desktop app as a client of the school server', () => {
  it('reads an address the way a school leader types it, https only, without a path', () => {
    expect(normalizeAddress('schoolserver:8443')).toBe('https://schoolserver:8443');
    expect(normalizeAddress(' https://Schoolserver.school.local:8443/ ')).toBe('https://schoolserver.school.local:8443');
    expect(normalizeAddress('192.168.1.20:8443')).toBe('https://192.168.1.20:8443');
    expect(normalizeAddress('https://server')).toBe('https://server');
    expect(() => normalizeAddress('http://server:8443')).toThrow(/beveiligde verbinding/);
    expect(() => normalizeAddress('https://server:8443/admin')).toThrow(/zonder pad/);
    expect(() => normalizeAddress('https://user:pw@server')).toThrow(/zonder pad/);
    expect(() => normalizeAddress('')).toThrow(/Vul het adres/);
    expect(() => normalizeAddress('ftp://server')).toThrow(/https/);
  });

  it('shows at the first look the certificate fingerprint the server prints, as not trusted by an authority, and the version', async () => {
    const server = await startSchoolServer();
    const { relay } = door();
    const probe = value<SchoolServerProbe>(await relay('schoolserver.probe', { adres: `127.0.0.1:${server.port}` }));
    expect(probe).toEqual({
      adres: `https://127.0.0.1:${server.port}`,
      vingerafdruk: server.fingerprint,
      vertrouwd: false,
      versie: APP_VERSION,
    });
  });

  it('refuses a server of another version with a sentence that says which side to update', async () => {
    const server = await startSchoolServer();
    const { relay } = door({ version: '0.0.1' });
    const r = await relay('schoolserver.probe', { adres: `https://127.0.0.1:${server.port}` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(`versie ${APP_VERSION} van Schoolprotocol, deze app versie 0.0.1`);
    expect(versionProblem('1.2.10', '1.2.9')).toMatch(/installeer de nieuwe versie van de app/);
    expect(versionProblem('1.2.9', '1.2.10')).toMatch(/schoolserver bij te werken/);
    expect(versionProblem('1.2.9', '1.2.9')).toBeNull();
  });

  it('says in Dutch when nothing answers at the address or the address is not a school server', async () => {
    const { relay } = door();
    const closed = await relay('schoolserver.probe', { adres: 'https://127.0.0.1:1' });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.error.message).toMatch(/geen schoolserver \(de verbinding werd geweigerd\)/);
    const fake = await impostor(true);
    const notOurs = await relay('schoolserver.probe', { adres: `https://127.0.0.1:${fake.port}` });
    expect(notOurs.ok).toBe(false);
    if (!notOurs.ok) expect(notOurs.error.message).toMatch(/antwoordt geen schoolserver van Schoolprotocol/);
    const bad = await relay('schoolserver.probe', { adres: 'http://127.0.0.1:8443' });
    expect(bad.ok || bad.error.fields).toEqual({ adres: expect.stringMatching(/https:\/\//) });
  });

  it('connects only as confirmed and only without a school of its own; the kept file holds no secret', async () => {
    const server = await startSchoolServer();
    const adres = `https://127.0.0.1:${server.port}`;
    const withSchool = door({ hasSchool: true });
    const refused = await withSchool.relay('schoolserver.connect', { adres, vingerafdruk: server.fingerprint });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/al een eigen school/);
    expect(fs.existsSync(withSchool.configFile)).toBe(false);

    const fresh = door();
    const wrong = await fresh.relay('schoolserver.connect', { adres, vingerafdruk: otherCertificate.fingerprint });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/ander certificaat dan u zojuist hebt bevestigd/);
    expect(fs.existsSync(fresh.configFile)).toBe(false);

    const status = value<SchoolServerStatus>(await fresh.relay('schoolserver.connect', { adres, vingerafdruk: server.fingerprint }));
    expect(status).toEqual({ verbonden: true, adres, vingerafdruk: server.fingerprint, vertrouwd: false });
    expect(readPin(fresh.configFile)).toEqual({ adres, vingerafdruk: server.fingerprint, vertrouwd: false });
    if (process.platform !== 'win32') expect(fs.statSync(fresh.configFile).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(fs.readFileSync(fresh.configFile, 'utf8'))).sort()).toEqual([
      'adres',
      'verbondenOp',
      'vertrouwd',
      'vingerafdruk',
    ]);
    // After a restart the app finds its server again.
    expect(fresh.reopen().status()).toEqual(status);
  });

  it("passes the window's login and calls on as that person, keeps the session cookie to itself, and refuses the local core meanwhile", async () => {
    const server = await startSchoolServer();
    const made = await createFirstAccount(server.core, 'rector', 'schoolleider');
    const app = door();
    value(await app.relay('schoolserver.connect', { adres: `https://127.0.0.1:${server.port}`, vingerafdruk: server.fingerprint }));

    const before = value<RequestOutput>(await app.relay('schoolserver.request', { route: 'sessie' }));
    expect(before.status).toBe(200);
    expect(before.result).toMatchObject({ ok: true, value: { ingelogd: false, versie: APP_VERSION } });

    const login = value<RequestOutput>(
      await app.relay('schoolserver.request', { route: 'login', body: { gebruikersnaam: 'rector', wachtwoord: made.startwachtwoord } }),
    );
    expect(login.status).toBe(200);
    const session = (login.result as { value: { csrf: string; gebruiker: { gebruikersnaam: string } } }).value;
    expect(session.gebruiker.gebruikersnaam).toBe('rector');
    // The window gets the answer, never the cookie.
    expect(JSON.stringify(login)).not.toMatch(/sp-sessie/);
    expect(server.sessions.size).toBe(1);

    const me = value<RequestOutput>(
      await app.relay('schoolserver.request', { route: 'call', body: { method: 'accounts.me', input: {} }, csrf: session.csrf }),
    );
    expect(me.result).toMatchObject({ ok: true, value: { gebruikersnaam: 'rector', rol: 'schoolleider' } });

    // A wrong CSRF token from the window is still refused by the server.
    const forged = value<RequestOutput>(
      await app.relay('schoolserver.request', { route: 'call', body: { method: 'accounts.me', input: {} }, csrf: 'x'.repeat(43) }),
    );
    expect(forged.status).toBe(403);

    // Nothing goes to this computer's own database while connected.
    const local = await app.relay('school.loadDemo', {});
    expect(local.ok).toBe(false);
    expect(app.localCalls).toEqual([]);
    // Only the server's four routes pass.
    const other = await app.relay('schoolserver.request', { route: 'admin' });
    expect(other.ok).toBe(false);

    // Disconnecting logs out on the server and makes the app the single-PC app again.
    const after = value<SchoolServerStatus>(await app.relay('schoolserver.disconnect', {}));
    expect(after.verbonden).toBe(false);
    expect(server.sessions.size).toBe(0);
    expect(fs.existsSync(app.configFile)).toBe(false);
    expect(value(await app.relay('school.loadDemo', {}))).toBe('lokaal');
    expect(app.localCalls).toEqual(['school.loadDemo']);
  });

  it('sends not one byte to a server that shows another certificate than the pinned one, and says so', async () => {
    const server = await startSchoolServer();
    const app = door();
    value(await app.relay('schoolserver.connect', { adres: `https://127.0.0.1:${server.port}`, vingerafdruk: server.fingerprint }));
    // Someone else answers at the address now: the pinned file is pointed at the impostor's port.
    const fake = await impostor();
    const pin = JSON.parse(fs.readFileSync(app.configFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(app.configFile, JSON.stringify({ ...pin, adres: `https://127.0.0.1:${fake.port}` }));
    const moved = app.reopen();
    cleanups.push(() => moved.close());
    const r = await moved.answer('schoolserver.request', {
      route: 'login',
      body: { gebruikersnaam: 'rector', wachtwoord: 'geheim-wachtwoord-dat-niet-weg-mag' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(CERTIFICATE_CHANGED);
    expect(fake.connections()).toBeGreaterThan(0);
    expect(fake.received()).toBe(0);
  });

  it('checks a certificate from a trusted authority the usual way: a renewal goes on without a question, a self-signed stand-in is refused', async () => {
    // A certificate authority this computer trusts (added to Node's list for this test only).
    const ca = await generate([{ name: 'commonName', value: 'Testinstantie' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    });
    const issued = async (name: string) => {
      const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
        ],
      });
      fs.writeFileSync(path.join(certDir, `${name}.pem`), made.cert);
      fs.writeFileSync(path.join(certDir, `${name}.key`), made.private);
      return loadCertificate(path.join(certDir, `${name}.pem`), path.join(certDir, `${name}.key`));
    };
    const before = tls.getCACertificates('default');
    tls.setDefaultCACertificates([...before, ca.cert]);
    cleanups.push(() => tls.setDefaultCACertificates(before));

    const first = await startSchoolServer(await issued('eerste'));
    const app = door();
    const probe = value<SchoolServerProbe>(await app.relay('schoolserver.probe', { adres: `127.0.0.1:${first.port}` }));
    expect(probe.vertrouwd).toBe(true);
    const adres = `https://127.0.0.1:${first.port}`;
    value(await app.relay('schoolserver.connect', { adres, vingerafdruk: probe.vingerafdruk }));
    expect(readPin(app.configFile)?.vertrouwd).toBe(true);

    // The school renews its certificate: another fingerprint, the same authority: no question.
    const renewed = await startSchoolServer(await issued('vernieuwd'));
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
    const pin = JSON.parse(fs.readFileSync(app.configFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(app.configFile, JSON.stringify({ ...pin, adres: `https://127.0.0.1:${renewed.port}` }));
    const afterRenewal = app.reopen();
    cleanups.push(() => afterRenewal.close());
    const sessie = value<RequestOutput>(await afterRenewal.answer('schoolserver.request', { route: 'sessie' }));
    expect(sessie.status).toBe(200);

    // A self-signed certificate at that address is not from the authority: refused, nothing sent.
    const fake = await impostor();
    fs.writeFileSync(app.configFile, JSON.stringify({ ...pin, adres: `https://127.0.0.1:${fake.port}` }));
    const atImpostor = app.reopen();
    cleanups.push(() => atImpostor.close());
    const refused = await atImpostor.answer('schoolserver.request', {
      route: 'login',
      body: { gebruikersnaam: 'rector', wachtwoord: 'x'.repeat(20) },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/niet \(meer\) vertrouwd/);
    expect(fake.received()).toBe(0);
  });

  it('a session id is read from the server cookie, and a cleared cookie ends it', () => {
    expect(sessionFromSetCookie(['__Host-sp-sessie=abc; Path=/; Secure; HttpOnly; SameSite=Strict'])).toBe('abc');
    expect(sessionFromSetCookie(['__Host-sp-sessie=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0'])).toBe('');
    expect(sessionFromSetCookie(['andere=1'])).toBeNull();
  });
});
