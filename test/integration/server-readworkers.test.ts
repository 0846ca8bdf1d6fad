// The school server's read workers through the door (src/main/server/server.ts, readPool.ts): reads
// sent while other calls are in progress are answered by a worker, and the answers are the ones the
// main core gives one at a time, for a school leader and for a mentor limited to one group.
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { COOKIE_NAME } from '../../src/main/server/server';
import type { SchoolServer } from '../../src/main/server/server';
import type { ServerCertificate } from '../../src/main/server/tls';
import { startTestServer, testCertificate } from '../support/schoolServer';
import { readObservers } from '../../src/main/server/readPool';
import { hashPassword } from '../../src/main/accounts/password';
import { insertAccount, saveAccount, writerOf } from '../../src/main/accounts/store';
import { newTotpSecret } from '../../src/main/accounts/totp';

const PASSWORD = 'een-lang-wachtwoord-voor-de-test-2026';
const NOW = new Date('2026-11-16T09:00:00Z');
let certificate: ServerCertificate;
let server: SchoolServer;
let stop: () => Promise<void>;
let removeCertificate: () => void;

beforeAll(async () => {
  const made = await testCertificate('sp-server-workers-');
  certificate = made.certificate;
  removeCertificate = made.remove;
  ({ server, close: stop } = await startTestServer({ certificate, staticDir: made.staticDir, now: () => NOW, readWorkers: 2 }));
});
afterAll(async () => {
  await stop?.();
  removeCertificate?.();
});

type Json = { ok: boolean; value?: unknown; error?: { code: string } };

function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<{ json: Json; cookie: string | null }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        servername: 'localhost',
        port: server.port,
        method: 'POST',
        path: pathname,
        ca: certificate.cert,
        agent: false,
        headers: { host: `localhost:${server.port}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.find((c) => c.startsWith(`${COOKIE_NAME}=`));
          resolve({ json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json, cookie: set ? set.split(';')[0] : null });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** An account as after its first login (own password, authenticator app set up), logged in. */
async function loggedIn(gebruikersnaam: string, rol: 'schoolleider' | 'mentor', groepen: string[]) {
  const secret = newTotpSecret();
  const w = writerOf(server.core.ctx);
  const hash = await hashPassword(PASSWORD);
  server.core.ctx.tx(() => {
    const row = insertAccount(w, { personId: null, gebruikersnaam, rol, groepen, wachtwoordHash: hash });
    saveAccount(w, row.id, { moet_wachtwoord_wijzigen: 0, totp_secret: secret, totp_bevestigd: 1 }, 'tweestaps_ingesteld');
  });
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: NOW.getTime() });
  const r = await post('/api/login', { gebruikersnaam, wachtwoord: PASSWORD, totp });
  expect(r.json.ok, JSON.stringify(r.json)).toBe(true);
  const csrf = (r.json.value as { csrf: string }).csrf;
  return (method: string, input: unknown) =>
    post('/api/call', { method, input }, { cookie: r.cookie!, 'x-csrf-token': csrf }).then((a) => a.json);
}

describe('the read workers behind the door', () => {
  it('answer reads that come in together exactly as the core answers them one at a time, with the caller’s scope', async () => {
    const core = server.core;
    const must = async (method: string, input: unknown) => {
      const r = await core.invoke(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as { id: number };
    };
    await must('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const pupils: number[] = [];
    for (let n = 0; n < 8; n++)
      pupils.push(
        (await must('people.create', { soort: 'leerling', voornaam: `Kind${n}`, achternaam: 'Test', groep: n % 2 ? '2A' : '3B' })).id,
      );
    for (let n = 0; n < 12; n++)
      await must('incidents.create', {
        datumVoorval: '2026-11-10',
        datumMelding: '2026-11-10',
        locatie: 'in_school',
        platform: 'whatsapp',
        categorie: 'pesten',
        ernst: 'hoog',
        omschrijving: `Voorval ${n}.`,
        betrokkenen: [{ personId: pupils[n % 8], rol: 'dader' }],
      });
    const leider = await loggedIn('rector', 'schoolleider', []);
    const mentor = await loggedIn('mentor2a', 'mentor', ['2A']);

    const asks: [typeof leider, string, unknown][] = [];
    for (const who of [leider, mentor])
      for (const sort of ['datumVoorval', 'ernst', 'nummer'])
        asks.push(
          [who, 'incidents.list', { offset: 0, limit: 5, sort: { field: sort, dir: 'desc' } }],
          [who, 'people.search', { q: 'Kind' }],
          [who, 'people.list', { offset: 0, limit: 50 }],
        );
    // One at a time: the main core answers (nothing else is in progress).
    const alone: Json[] = [];
    for (const [who, method, input] of asks) alone.push(await who(method, input));
    // All at once: while the others are in progress, the workers answer.
    const byWorker: string[] = [];
    const observe = (m: string) => byWorker.push(m);
    readObservers.push(observe);
    try {
      const together = await Promise.all(asks.map(([who, method, input]) => who(method, input)));
      expect(together).toEqual(alone);
    } finally {
      readObservers.splice(readObservers.indexOf(observe), 1);
    }
    expect(byWorker.length).toBeGreaterThan(0);
    // And the scope held: the mentor of 2A sees the 6 incidents of 2A's pupils, of the 12.
    const mine = alone[9] as { ok: true; value: { total: number } };
    expect((alone[0] as { ok: true; value: { total: number } }).value.total).toBe(12);
    expect(mine.value.total).toBe(6);
  });
});
