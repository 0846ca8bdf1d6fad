// The school server under load (docs/PERFORMANCE.md, "School server under load"): the real door
// (src/main/server/server.ts, HTTPS with a self-signed certificate pinned as the only CA) in a
// process of its own, as `npm run server` runs it, on a copy of the bench database; 50 accounts
// (mostly mentors and teamleiders with their groups, some school leaders) log in with password and
// TOTP, then 50 virtual users work at once for a fixed time: grid pages (offset and keyset, sorts,
// filters, quick search), people lists and the person picker, an incident, a dossier, the
// obligations overview, a save (an incident of their own groups, a report) and now and then the
// yearly report's figures, each with 0–200 ms think time. Latency is measured per request on the
// client; the server process reports, per request, its own time and the core's, so the door's
// overhead (TLS, JSON, session lookup, queueing) can be told apart from the core's work.
// Bounded: a fixed time, a cap on requests, a time-out per request and a hard stop, so it can never hang CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import https from 'node:https';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { TOTP, Secret } from 'otpauth';
import type { Measurement } from './measurements';
import type { Core as CoreInstance } from '../src/main/app/core';

const USERS = 50;
const PASSWORD = 'bench-wachtwoord-voor-de-last-2026';
const COOKIE = '__Host-sp-sessie';
const REQUEST_TIMEOUT_MS = 30_000;

interface LoadMeasurement extends Measurement {
  p99?: number | null;
  /** Answers per second over the run. */
  perSecond?: number;
  errors?: number;
}

export interface ServerLoadEnv {
  quick: boolean;
  dbPath: string;
  key: string;
  /** The bench's "today" (the data's last school year), as the other measurements use. */
  nowIso: string;
  schooljaar: string;
}

// ---------------------------------------------------------------------------------------------
// The server process: started by the measurement below with `--server-child`; talks over IPC.

interface ChildConfig {
  dbPath: string;
  key: string;
  certDir: string;
  /** The server's clock: nowIso at the moment epochMs, then running on in real time. */
  nowIso: string;
  epochMs: number;
}

type ChildMessage = { type: 'ready'; port: number } | { type: 'stats'; stats: ServerStats } | { type: 'error'; message: string };

interface ServerStats {
  /** Time in core.invoke per method (ms). */
  core: Record<string, number[]>;
  /** From the request event to the answer's end, per method (ms). */
  door: Record<string, number[]>;
  /** The server's event loop utilisation over the measured window (0–1). */
  elu: number;
  /** CPU time of the server process over the window (ms, user + system). */
  cpuMs: number;
  wallMs: number;
}

async function runChild(): Promise<void> {
  const send = (m: ChildMessage) => process.send?.(m);
  const config = await new Promise<ChildConfig>((resolve) => process.once('message', (m) => resolve(m as ChildConfig)));
  const { Core } = await import('../src/main/app/core');
  const { startServer } = await import('../src/main/server/server');
  const { selfSignedCertificate } = await import('../src/main/server/tls');
  const { accountsAuthenticator, sessionStillValid } = await import('../src/main/server/accountsLink');
  const { readObservers } = await import('../src/main/server/readPool');

  // Measuring hooks in this bench process only: the core's time per call (startServer binds
  // core.invoke when it starts, so the prototype is wrapped first) and the door's time per request.
  const core: Record<string, number[]> = {};
  const door: Record<string, number[]> = {};
  let measuring = false;
  const invoke = Core.prototype.invoke;
  Core.prototype.invoke = async function (this: CoreInstance, ...args: Parameters<typeof invoke>) {
    const t = performance.now();
    try {
      return await invoke.apply(this, args);
    } finally {
      if (measuring) (core[String(args[0])] ??= []).push(performance.now() - t);
    }
  } as typeof invoke;
  // The calls the read workers answer (src/main/server/readPool.ts): their time in the worker's core.
  readObservers.push((method, ms) => {
    if (measuring) (core[method] ??= []).push(ms);
  });
  const createServer = https.createServer;
  (https as { createServer: unknown }).createServer = (...args: Parameters<typeof https.createServer>) => {
    const server = createServer(...args);
    server.prependListener('request', (req, res) => {
      const t = performance.now();
      const method = String(req.headers['x-bench-methode'] ?? req.url);
      res.once('finish', () => {
        if (measuring) (door[method] ??= []).push(performance.now() - t);
      });
    });
    return server;
  };

  const certificate = await selfSignedCertificate(config.certDir, ['localhost', '127.0.0.1']);
  const base = Date.parse(config.nowIso);
  const server = await startServer({
    dbPath: config.dbPath,
    key: config.key,
    port: 0,
    listen: '127.0.0.1',
    hostNames: ['localhost', '127.0.0.1'],
    certificate,
    staticDir: config.certDir,
    authenticate: accountsAuthenticator,
    stillValid: sessionStillValid,
    now: () => new Date(base + (Date.now() - config.epochMs)),
    log: () => {},
    automaticBackups: false,
    // The 50 users log in from one address here (loopback); at school each has a computer of its own.
    loginLimit: { max: 1000, windowMs: 15 * 60_000 },
    // SP_BENCH_READ_WORKERS=n: the server's read workers (src/main/server/readPool.ts); default as `npm run server`.
    ...(process.env.SP_BENCH_READ_WORKERS ? { readWorkers: Number(process.env.SP_BENCH_READ_WORKERS) } : {}),
  });
  send({ type: 'ready', port: server.port });

  let elu0 = performance.eventLoopUtilization();
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  process.on('message', (m: { type: string }) => {
    if (m.type === 'measure') {
      for (const k of Object.keys(core)) delete core[k];
      for (const k of Object.keys(door)) delete door[k];
      measuring = true;
      elu0 = performance.eventLoopUtilization();
      cpu0 = process.cpuUsage();
      t0 = performance.now();
    } else if (m.type === 'stats') {
      measuring = false;
      const cpu = process.cpuUsage(cpu0);
      send({
        type: 'stats',
        stats: {
          core,
          door,
          elu: performance.eventLoopUtilization(elu0).utilization,
          cpuMs: (cpu.user + cpu.system) / 1000,
          wallMs: performance.now() - t0,
        },
      });
    } else if (m.type === 'stop') {
      void server.close().finally(() => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The measurement.

const quantile = (xs: number[], q: number): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** A small seeded generator (mulberry32): the same mix every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Answer {
  status: number;
  setCookie: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' shapes vary per method
  json: { ok: boolean; value?: any; error?: { code: string; message: string } };
}

/** Where a user's grid is: its sort and filter, the block shown, the cursor for the next. */
interface Grid {
  input: Record<string, unknown>;
  offset: number;
  volgende: string | null;
  total: number;
  ids: number[];
}

interface BenchAccount {
  gebruikersnaam: string;
  rol: 'schoolleider' | 'teamleider' | 'mentor';
  groepen: string[];
  secret: string;
  personId: number | null;
}

/** Copies the bench database with what lies beside it (audit head, files), so the run's saves leave it as it was. */
function copyDatabase(dbPath: string, dir: string): string {
  const base = path.basename(dbPath);
  const to = path.join(dir, base);
  const stem = path.basename(dbPath, path.extname(dbPath));
  for (const name of fs.readdirSync(path.dirname(dbPath))) {
    const from = path.join(path.dirname(dbPath), name);
    const isDb = name === base || name.startsWith(`${base}-`) || name === `${base}.auditkop`;
    if (isDb) fs.copyFileSync(from, path.join(dir, name), fs.constants.COPYFILE_FICLONE);
    else if (name === `${stem}-bestanden`) fs.cpSync(from, path.join(dir, name), { recursive: true });
  }
  return to;
}

/** 50 accounts in the copy: 5 school leaders, 15 teamleiders (four groups each), 30 mentors (one group). */
async function makeAccounts(env: ServerLoadEnv, dbPath: string): Promise<BenchAccount[]> {
  const { Core } = await import('../src/main/app/core');
  const { hashPassword } = await import('../src/main/accounts/password');
  const { insertAccount, saveAccount, writerOf } = await import('../src/main/accounts/store');
  const { newTotpSecret } = await import('../src/main/accounts/totp');
  // One hash with the real parameters for all: every login still checks it in full (scrypt).
  const hash = await hashPassword(PASSWORD);
  const core = Core.open({ dbPath, key: env.key, actor: 'bench', now: () => new Date(env.nowIso) });
  try {
    const groups = core.db
      .prepare(
        `SELECT groep FROM person WHERE soort = 'leerling' AND groep IS NOT NULL AND uitgeschreven_op IS NULL
         GROUP BY groep ORDER BY count(*) DESC, groep`,
      )
      .pluck()
      .all() as string[];
    if (!groups.length) throw new Error('geen groepen in de bench-gegevens');
    const staff = core.db
      .prepare(
        `SELECT p.id FROM person p LEFT JOIN account a ON a.person_id = p.id
         WHERE p.soort = 'medewerker' AND p.uitgeschreven_op IS NULL AND a.id IS NULL ORDER BY p.id LIMIT ?`,
      )
      .pluck()
      .all(USERS) as number[];
    const accounts: BenchAccount[] = [];
    for (let i = 0; i < USERS; i++) {
      const rol = i < 5 ? 'schoolleider' : i < 20 ? 'teamleider' : 'mentor';
      const groepen =
        rol === 'schoolleider'
          ? []
          : rol === 'teamleider'
            ? [...new Set([0, 1, 2, 3].map((k) => groups[((i - 5) * 4 + k) % groups.length]))]
            : [groups[(i - 20) % groups.length]];
      accounts.push({
        gebruikersnaam: `belast${String(i + 1).padStart(2, '0')}`,
        rol,
        groepen: groepen.sort((a, b) => a.localeCompare(b, 'nl')),
        secret: newTotpSecret(),
        personId: staff[i] ?? null,
      });
    }
    const w = writerOf(core.ctx);
    core.ctx.tx(() => {
      for (const a of accounts) {
        const row = insertAccount(w, {
          personId: a.personId,
          gebruikersnaam: a.gebruikersnaam,
          rol: a.rol,
          groepen: a.groepen,
          wachtwoordHash: hash,
        });
        // As after the first login: own password chosen, authenticator app set up.
        saveAccount(w, row.id, { moet_wachtwoord_wijzigen: 0, totp_secret: a.secret, totp_bevestigd: 1 }, 'tweestaps_ingesteld');
      }
    });
    return accounts;
  } finally {
    core.close();
  }
}

function startChild(config: ChildConfig): Promise<{ child: ChildProcess; port: number }> {
  // SP_BENCH_CPU_PROF=<folder>: the server process writes a CPU profile there (node --cpu-prof), to see what dominates.
  const prof = process.env.SP_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.SP_BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', import.meta.resolve('tsx'), import.meta.filename, '--server-child'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('de server startte niet binnen 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`de server stopte (code ${code})`)));
    child.once('message', (m: ChildMessage) => {
      clearTimeout(timer);
      if (m.type === 'ready') resolve({ child, port: m.port });
      else reject(new Error(m.type === 'error' ? m.message : 'onverwacht bericht van de server'));
    });
    child.send(config);
  });
}

/** The server's figures; none when it is too busy to answer within the time-out (a blocked event loop). */
const serverStats = (child: ChildProcess): Promise<ServerStats> =>
  ask(child, 'stats', 'stats').then(
    (m) => m.stats,
    () => ({ core: {}, door: {}, elu: NaN, cpuMs: NaN, wallMs: NaN }),
  );

const ask = <T extends ChildMessage['type']>(child: ChildProcess, type: string, want: T): Promise<Extract<ChildMessage, { type: T }>> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`geen antwoord van de server op ${type}`)), 120_000);
    child.once('message', (m: ChildMessage) => {
      clearTimeout(timer);
      if (m.type === want) resolve(m as Extract<ChildMessage, { type: T }>);
      else reject(new Error(`onverwacht bericht ${m.type}`));
    });
    child.send({ type });
  });

export async function serverLoad(env: ServerLoadEnv): Promise<Measurement[]> {
  const prefix = 'schoolserver, 50 gebruikers';
  console.log(`  … ${prefix}: onder last`);
  const durationMs = (env.quick ? 15 : 60) * 1000;
  const maxRequests = env.quick ? 40_000 : 200_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-server-'));
  let child: ChildProcess | null = null;
  // Keep-alive as a browser does; an idle connection is dropped before the server's 5 s keep-alive
  // time-out would close it under a request (Node's default server.keepAliveTimeout).
  const agent = new https.Agent({ keepAlive: true, maxSockets: USERS + 10, timeout: 4000 });
  try {
    const tCopy = performance.now();
    const dbPath = copyDatabase(env.dbPath, dir);
    const copyMs = performance.now() - tCopy;
    const accounts = await makeAccounts(env, dbPath);
    const { selfSignedCertificate } = await import('../src/main/server/tls');
    const certificate = await selfSignedCertificate(dir, ['localhost', '127.0.0.1']);
    const config: ChildConfig = { dbPath, key: env.key, certDir: dir, nowIso: env.nowIso, epochMs: Date.now() };
    const started = await startChild(config);
    child = started.child;
    const port = started.port;
    const serverNow = () => Date.parse(config.nowIso) + (Date.now() - config.epochMs);

    const request = (pathname: string, body: unknown, headers: Record<string, string>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> =>
      new Promise((resolve, reject) => {
        const text = JSON.stringify(body);
        const req = https.request(
          {
            host: '127.0.0.1',
            servername: 'localhost',
            port,
            method: 'POST',
            path: pathname,
            ca: certificate.cert,
            agent,
            headers: {
              host: `localhost:${port}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(text),
              ...headers,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              let json: Answer['json'] = { ok: false, error: { code: `HTTP_${res.statusCode}`, message: 'geen JSON' } };
              try {
                json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              } catch {
                // left as the error above
              }
              resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], json });
            });
            res.on('error', reject);
          },
        );
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`geen antwoord op ${pathname} binnen ${timeoutMs / 1000} s`)));
        req.on('error', reject);
        req.end(text);
      });

    // Everyone logs in at once (the start of the day): password (scrypt) and the code from the app.
    const logins: number[] = [];
    const sessions = await Promise.all(
      accounts.map(async (a) => {
        const totp = new TOTP({ secret: Secret.fromBase32(a.secret), digits: 6, period: 30 }).generate({ timestamp: serverNow() });
        const t = performance.now();
        // 50 scrypt checks at once wait for each other (Node's thread pool): a longer time-out for the login.
        const r = await request('/api/login', { gebruikersnaam: a.gebruikersnaam, wachtwoord: PASSWORD, totp }, {}, 4 * REQUEST_TIMEOUT_MS);
        logins.push(performance.now() - t);
        const cookie = r.setCookie.find((c) => c.startsWith(`${COOKIE}=`))?.split(';')[0];
        if (!r.json.ok || !cookie || r.json.value?.openstaand?.wachtwoord || r.json.value?.openstaand?.totp)
          throw new Error(`inloggen van ${a.gebruikersnaam} mislukt: ${JSON.stringify(r.json.error ?? r.json.value?.openstaand)}`);
        return { account: a, cookie, csrf: r.json.value.csrf as string };
      }),
    );

    console.log(
      `    ${USERS} accounts ingelogd (${(Math.max(...logins) / 1000).toFixed(1)} s); opwarmen, 1 gebruiker alleen, dan ${USERS} tegelijk`,
    );
    const stats = {
      latency: new Map<string, number[]>(),
      errors: new Map<string, number>(),
      firstErrors: [] as string[],
    };
    let requests = 0;
    let stopAt = 0;
    let phase: 'warm' | 'measure' = 'warm';
    const call = async (s: (typeof sessions)[number], label: string, method: string, input: unknown) => {
      requests++;
      const t = performance.now();
      let r: Answer;
      try {
        r = await request('/api/call', { method, input }, { cookie: s.cookie, 'x-csrf-token': s.csrf, 'x-bench-methode': method });
      } catch (e) {
        r = { status: 0, setCookie: [], json: { ok: false, error: { code: 'VERBINDING', message: String(e) } } };
      }
      const ms = performance.now() - t;
      if (phase === 'measure') {
        if (r.json.ok) {
          (stats.latency.get(label) ?? stats.latency.set(label, []).get(label)!).push(ms);
        } else {
          stats.errors.set(label, (stats.errors.get(label) ?? 0) + 1);
          if (stats.firstErrors.length < 5)
            stats.firstErrors.push(`${label} (${s.account.rol}): ${r.json.error?.code} ${r.json.error?.message}`);
        }
      }
      return r.json.ok ? r.json.value : null;
    };

    const SORTS = ['datumVoorval', 'datumMelding', 'nummer', 'categorie', 'platform', 'ernst', 'status'];
    const FILTERS: Record<string, unknown>[] = [
      {},
      {},
      { status: ['open'] },
      { categorie: ['pesten'] },
      { ernst: ['hoog', 'zeer_hoog'] },
      { schooljaar: env.schooljaar },
    ];
    const LETTERS = ['ba', 'de', 'ja', 'vi', 'sm', 'öz', 'el', 'ma', 'ko', 'ya'];

    /** One virtual user: a loop of the mix with think time, until the time is up. */
    const user = async (
      s: (typeof sessions)[number],
      seed: number,
      think: [number, number] = [0, 200],
      maxOwn = Infinity,
      thinkFirst = false,
    ) => {
      const rnd = prng(seed);
      const pause = () => new Promise((r) => setTimeout(r, think[0] + rnd() * (think[1] - think[0])));
      // People at work do not all click in the same millisecond: at a human pace each starts after a pause of its own.
      if (thinkFirst) await pause();
      const start = requests;
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      let grid: Grid | null = null;
      const leader = s.account.rol === 'schoolleider';
      const firstPage = async () => {
        const input = { sort: { field: pick(SORTS), dir: rnd() < 0.7 ? 'desc' : 'asc' }, filter: pick(FILTERS) };
        const page = await call(s, 'grid: eerste pagina (sortering, filter)', 'incidents.list', { ...input, offset: 0, limit: 100 });
        grid = page
          ? { input, offset: 0, volgende: page.volgende, total: page.total, ids: page.rows.map((r: { id: number }) => r.id) }
          : null;
      };
      while (performance.now() < stopAt && requests < maxRequests && requests - start < maxOwn) {
        const x = rnd();
        if (!grid || x < 0.22) await firstPage();
        else if (x < 0.37) {
          // Scrolling on: the next block with the cursor of the block before.
          const g: Grid = grid;
          if (!g.volgende) await firstPage();
          else {
            const page = await call(s, 'grid: doorscrollen (cursor)', 'incidents.list', {
              ...g.input,
              offset: g.offset + 100,
              limit: 100,
              na: g.volgende,
            });
            if (page) grid = { ...g, offset: g.offset + 100, volgende: page.volgende, ids: page.rows.map((r: { id: number }) => r.id) };
          }
        } else if (x < 0.42) {
          // Dragging the scroll bar: a jump by offset.
          const g: Grid = grid;
          const offset = Math.floor((rnd() * Math.max(0, g.total - 100)) / 100) * 100;
          const page = await call(s, 'grid: sprong (offset)', 'incidents.list', { ...g.input, offset, limit: 100 });
          if (page) grid = { ...g, offset, volgende: page.volgende, ids: page.rows.map((r: { id: number }) => r.id) };
        } else if (x < 0.47) {
          await call(s, 'grid: snelzoeken', 'incidents.list', { offset: 0, limit: 100, search: pick(LETTERS) });
        } else if (x < 0.55) {
          await call(s, 'personen: lijst', 'people.list', {
            offset: 0,
            limit: 100,
            soort: ['leerling'],
            sort: { field: pick(['naam', 'groep']), dir: 'asc' },
          });
        } else if (x < 0.65) {
          await call(s, 'personen: zoeken (kiezer)', 'people.search', { q: pick(LETTERS), limit: 20 });
        } else if (x < 0.79) {
          if (grid.ids.length) await call(s, 'melding openen', 'incidents.get', { id: pick(grid.ids) });
        } else if (x < 0.85) {
          if (leader) await call(s, 'overzicht verplichtingen', 'obligations.dashboard', {});
          else {
            const found = (await call(s, 'personen: zoeken (kiezer)', 'people.search', {
              q: pick(LETTERS),
              soort: ['leerling'],
              limit: 20,
            })) as { id: number }[] | null;
            if (found?.length) await call(s, 'dossier openen', 'dossier.get', { personId: pick(found).id });
          }
        } else if (x < 0.93) {
          // A save: an incident of the grid (of one's own groups for a mentor or teamleider) with a follow-up note.
          if (grid.ids.length) {
            const inc = await call(s, 'melding openen', 'incidents.get', { id: pick(grid.ids) });
            // Not one the bench's "today" lies before (the generated school year runs on past it): the core refuses dates in the future.
            const today = new Date(serverNow()).toISOString().slice(0, 10);
            const dates: string[] = inc
              ? [inc.datumVoorval, inc.datumMelding, ...inc.directeActies.map((a: { datum: string }) => a.datum)]
              : [];
            if (inc && dates.every((d) => d <= today))
              await call(
                s,
                'opslaan: melding wijzigen',
                'incidents.update',
                updateInput(inc, `Vervolg (bench ${s.account.gebruikersnaam}, ${requests}).`),
              );
          }
        } else if (x < 0.985) {
          const who = (await call(s, 'personen: zoeken (kiezer)', 'people.search', { q: pick(LETTERS), soort: ['leerling'], limit: 5 })) as
            { id: number }[] | null;
          await call(s, 'opslaan: melding indienen', 'submissions.create', {
            wat: `Op het plein werd een leerling uitgescholden (bench ${s.account.gebruikersnaam}).`,
            datum: new Date(serverNow()).toISOString().slice(0, 10),
            locatie: 'in_school',
            platform: 'whatsapp',
            personen: who?.length ? [{ personId: who[0].id, rol: 'slachtoffer' }] : [],
          });
        } else {
          await call(s, `jaarverslag ${env.schooljaar}: cijfers`, 'reports.year', { schooljaar: env.schooljaar });
        }
        if (think[1] > 0) await pause();
      }
    };

    // A short warm-up (the page cache and statement caches of a server that has been running).
    stopAt = performance.now() + (env.quick ? 3000 : 5000);
    await Promise.all(sessions.map((s, i) => user(s, 1000 + i)));
    await new Promise((r) => setTimeout(r, 250));

    // One user alone, without think time: what a request costs when nobody waits in line.
    const soloRuns = env.quick ? 100 : 300;
    phase = 'measure';
    child.send({ type: 'measure' });
    stopAt = performance.now() + 60_000;
    await user(sessions[5], 777, [0, 0], soloRuns);
    const solo = { latency: [...stats.latency.values()].flat(), server: await serverStats(child) };
    stats.latency.clear();
    stats.errors.clear();

    // The 50 users at once.
    requests = 0;
    child.send({ type: 'measure' });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    stopAt = t0 + durationMs;
    const hardStop = new Promise<'te laat'>((r) => setTimeout(() => r('te laat'), durationMs + 2 * REQUEST_TIMEOUT_MS).unref());
    const finished = await Promise.race([Promise.all(sessions.map((s, i) => user(s, i + 1))).then(() => 'klaar' as const), hardStop]);
    const wallMs = performance.now() - t0;
    const clientCpu = process.cpuUsage(cpu0);
    const server = await serverStats(child);
    if (finished === 'te laat') stats.firstErrors.push('de run werd afgebroken: verzoeken bleven hangen');
    const mainLatency = new Map(stats.latency);
    const mainErrors = new Map(stats.errors);
    stats.latency.clear();
    stats.errors.clear();

    // The same 50 users at a human pace (0.5–3 s between two clicks): whether the target holds for staff at work.
    const humanMs = (env.quick ? 10 : 30) * 1000;
    child.send({ type: 'measure' });
    const tHuman = performance.now();
    stopAt = tHuman + humanMs;
    const humanDone = await Promise.race([
      Promise.all(sessions.map((s, i) => user(s, 500 + i, [500, 3000], Infinity, true))).then(() => 'klaar' as const),
      new Promise<'te laat'>((r) => setTimeout(() => r('te laat'), humanMs + 2 * REQUEST_TIMEOUT_MS).unref()),
    ]);
    const humanWallMs = performance.now() - tHuman;
    const humanServer = await serverStats(child);
    if (humanDone === 'te laat') stats.firstErrors.push('de run op menselijk tempo werd afgebroken: verzoeken bleven hangen');
    const human = [...stats.latency.values()].flat();
    const humanErrors = [...stats.errors.values()].reduce((a, b) => a + b, 0);

    // The figures: per operation and in total on the client; per method in the server and in the core.
    const all = [...mainLatency.values()].flat();
    const errors = [...mainErrors.values()].reduce((a, b) => a + b, 0);
    const out: LoadMeasurement[] = [];
    const row = (name: string, xs: number[], target: number | null, errs = 0): LoadMeasurement => ({
      name,
      unit: 'ms',
      median: quantile(xs, 0.5),
      p95: quantile(xs, 0.95),
      p99: quantile(xs, 0.99),
      target,
      runs: xs.length,
      perSecond: xs.length / (wallMs / 1000),
      errors: errs,
    });
    out.push(row(`${prefix}: inloggen tegelijk (scrypt + TOTP)`, logins, null));
    out.push(row(`${prefix}: alle verzoeken (${(durationMs / 1000).toFixed(0)} s)`, all, 100, errors));
    out.push({
      ...row(`${prefix}: op menselijk tempo (denktijd 0,5–3 s, ${(humanMs / 1000).toFixed(0)} s), alle verzoeken`, human, 100, humanErrors),
      perSecond: human.length / (humanWallMs / 1000),
    });
    const labels = [...new Set([...mainLatency.keys(), ...mainErrors.keys()])].sort();
    for (const label of labels) out.push(row(`${prefix}: ${label}`, mainLatency.get(label) ?? [], null, mainErrors.get(label) ?? 0));
    const coreAll = Object.values(server.core).flat();
    const doorAll = Object.entries(server.door)
      .filter(([m]) => m !== '/api/login')
      .flatMap(([, xs]) => xs);
    out.push(row(`${prefix}: in de kern (core.invoke, per aanroep)`, coreAll, null));
    out.push(row(`${prefix}: in het serverproces (verzoek tot antwoord)`, doorAll, null));
    // Where a request's time goes when nobody waits: the core's share of the server's time, the rest the door's.
    const soloCore = Object.values(solo.server.core).flat();
    const soloDoor = Object.entries(solo.server.door)
      .filter(([m]) => m !== '/api/login')
      .flatMap(([, xs]) => xs);
    out.push(row(`1 gebruiker zonder last: alle verzoeken (${solo.latency.length})`, solo.latency, null));
    out.push(row('1 gebruiker zonder last: in de kern', soloCore, null));
    out.push(row('1 gebruiker zonder last: in het serverproces', soloDoor, null));
    // Under load: the event loop's busy time per answer, and the core's mean share of it.
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    const busyPerRequest = (server.elu * server.wallMs) / Math.max(1, doorAll.length);
    out.push({
      name: `${prefix}: bezette servertijd per verzoek (gemiddeld)`,
      unit: 'ms',
      median: busyPerRequest,
      p95: null,
      target: null,
      runs: doorAll.length,
    });
    // The server process's CPU time (all its threads: the event loop and the read workers) per answer:
    // what a request costs, less dependent than the latencies on what else the machine is doing.
    out.push({
      name: `${prefix}: CPU van de server per verzoek (alle threads)`,
      unit: 'ms',
      median: server.cpuMs / Math.max(1, doorAll.length),
      p95: null,
      target: null,
      runs: doorAll.length,
    });
    out.push({
      name: `${prefix}: waarvan in de kern (gemiddeld)`,
      unit: 'ms',
      median: mean(coreAll),
      p95: null,
      target: null,
      runs: coreAll.length,
    });
    out.push({ name: `${prefix}: fouten (moet 0 zijn)`, unit: '×', median: errors, p95: errors, target: null, runs: all.length + errors });
    out.push({
      name: `${prefix}: bezetting van de server-eventloop`,
      unit: '×',
      median: server.elu,
      p95: null,
      target: null,
      runs: 1,
    });

    // A detailed table here: p99, throughput and errors do not fit the summary's columns.
    const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
    const f = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(v < 10 ? 2 : 1));
    console.log(
      `    ${pad('bewerking', 46)} ${pad('p50', 8)} ${pad('p95', 8)} ${pad('p99', 8)} ${pad('per s', 7)} ${pad('aantal', 7)} fouten`,
    );
    for (const m of out.filter((m) => m.unit === 'ms'))
      console.log(
        `    ${pad(m.name.startsWith(prefix) ? m.name.slice(prefix.length + 2) : m.name, 46)} ${pad(f(m.median), 8)} ${pad(f(m.p95), 8)} ${pad(f(m.p99), 8)} ${pad(f(m.perSecond), 7)} ${pad(String(m.runs), 7)} ${m.errors ?? ''}`,
      );
    console.log('    per methode onder last: p50 / p95 in de kern, p50 / p95 in het serverproces (ms)');
    for (const method of Object.keys(server.core).sort())
      console.log(
        `    ${pad(method, 46)} ${pad(f(quantile(server.core[method], 0.5)), 8)} ${pad(f(quantile(server.core[method], 0.95)), 8)} ${pad(f(quantile(server.door[method] ?? [], 0.5)), 8)} ${f(quantile(server.door[method] ?? [], 0.95))}`,
      );
    const cores = os.cpus().length;
    console.log(
      `    server: eventloop ${(server.elu * 100).toFixed(0)}% bezet, CPU ${((server.cpuMs / server.wallMs) * 100).toFixed(0)}% van één kern; ` +
        `client: CPU ${(((clientCpu.user + clientCpu.system) / 1000 / wallMs) * 100).toFixed(0)}% van één kern; ` +
        `${cores} kernen, belasting ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}; kopie database ${(copyMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `    op menselijk tempo: server-eventloop ${(humanServer.elu * 100).toFixed(0)}% bezet, in de kern p50 ${f(quantile(Object.values(humanServer.core).flat(), 0.5))} ms`,
    );
    for (const e of stats.firstErrors) console.log(`    fout: ${e}`);
    for (const total of [out[1], out[2]])
      console.log(`  ${total.name}: p95 ${f(total.p95)} ms, ${f(total.perSecond)} per s, ${total.errors} fouten`);
    return out;
  } finally {
    agent.destroy();
    if (child && child.exitCode === null) {
      const c = child;
      const exited = new Promise<void>((r) => c.once('exit', () => r()));
      c.send({ type: 'stop' });
      const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** incidents.update's input from an incident as incidents.get gives it, with the follow-up note changed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the incident as JSON
function updateInput(inc: any, vervolg: string) {
  return {
    id: inc.id,
    datumVoorval: inc.datumVoorval,
    tijdVoorval: inc.tijdVoorval ?? undefined,
    datumMelding: inc.datumMelding,
    melderId: inc.melderId,
    melderOmschrijving: inc.melderOmschrijving ?? undefined,
    locatie: inc.locatie,
    platform: inc.platform,
    platformAnders: inc.platformAnders ?? undefined,
    categorie: inc.categorie,
    ernst: inc.ernst,
    omschrijving: inc.omschrijving,
    status: inc.status,
    regelIds: inc.regels.map((r: { id: number }) => r.id),
    betrokkenen: inc.betrokkenen.map((b: { personId: number; rol: string; toelichting: string | null }) => ({
      personId: b.personId,
      rol: b.rol,
      ...(b.toelichting ? { toelichting: b.toelichting } : {}),
    })),
    directeActies: inc.directeActies.map((a: { actie: string; datum: string; toelichting: string | null }) => ({
      actie: a.actie,
      datum: a.datum,
      ...(a.toelichting ? { toelichting: a.toelichting } : {}),
    })),
    vervolg,
  };
}

if (process.argv.includes('--server-child') && process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  runChild().catch((e: unknown) => {
    process.send?.({ type: 'error', message: String((e as Error)?.stack ?? e) });
    process.exit(1);
  });
}
