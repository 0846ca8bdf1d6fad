// What the benchmark measures, each through the real core as the app calls it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Core } from '../src/main/app/core';
import type { MethodName } from '../src/shared/api';
import { incidentSortField } from '../src/shared/api/incidents';
import { samplesSettled } from '../src/main/incidents/positions';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium';
import { cliBundle } from '../scripts/cli.mjs';
import { serverLoad } from './serverLoad';

export interface Measurement {
  name: string;
  unit: 'ms' | 'MB' | 'kB' | '×';
  median: number | null;
  p95: number | null;
  target: number | null;
  runs: number;
  skipped?: string;
}

export interface BenchEnv {
  open: () => Core;
  has: (m: string) => m is MethodName;
  quick: boolean;
  profile: { incidents: number; lastYearStart: number; years: number };
  dbPath: string;
  key: string;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Each figure is printed the moment it is measured (a full run takes a while). */
const progress = (m: Measurement) => {
  console.log(`  ${m.name}: ${m.median === null ? 'n.v.t.' : `${m.median.toFixed(1)} ${m.unit}`}`);
  return m;
};

async function timed(name: string, target: number | null, runs: number, fn: () => unknown | Promise<unknown>): Promise<Measurement> {
  console.log(`  … ${name}`);
  await fn(); // warm-up: statement cache and page cache, as in a running app
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return progress({ name, unit: 'ms', median: quantile(xs, 0.5), p95: quantile(xs, 0.95), target, runs });
}

const skip = (name: string, target: number | null, why: string, unit: Measurement['unit'] = 'ms'): Measurement => ({
  name,
  unit,
  median: null,
  p95: null,
  target,
  runs: 0,
  skipped: why,
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A Magister-style export: `;`, Windows-1252, the school's own column names. */
function rosterCsv(n: number): string {
  const lines = ['STAMNR;ROEPNAAM;TUSSENVOEG;ACHTERNAAM;GEB_DATUM;KLAS;EMAIL'];
  const names = ['Özdemir', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit'];
  for (let i = 0; i < n; i++) {
    const [tv, an] = names[i % names.length].includes(' ') ? names[i % names.length].split(' ') : ['', names[i % names.length]];
    lines.push(
      `${900000 + i};Chloë${i};${tv};${an};${String(1 + (i % 28)).padStart(2, '0')}-0${1 + (i % 9)}-2012;${1 + (i % 6)}B;l${900000 + i}@school.example`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export async function measureAll(env: BenchEnv): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const runs = env.quick ? 5 : 20;
  const year = `${env.profile.lastYearStart}-${env.profile.lastYearStart + 1}`;

  out.push(
    await timed('database openen (sleutel, migratiecontrole)', 300, runs, () => {
      const c = env.open();
      c.db.prepare('SELECT count(*) FROM school').get();
      c.close();
    }),
  );

  const core = env.open();
  try {
    const list = (input: Record<string, unknown>) => must(core.invoke('incidents.list', input as never));

    // The grid: first page in every sort order, a page deep in the list, each filter.
    for (const field of incidentSortField.options) {
      out.push(
        await timed(`grid: eerste pagina, sortering ${field}`, 16, runs, () =>
          list({ offset: 0, limit: 100, sort: { field, dir: 'desc' } }),
        ),
      );
    }
    const deep = Math.floor(env.profile.incidents / 2);
    // Scrolling on: the grid passes the cursor of the block before (keyset paging).
    const before = (await list({ offset: deep - 100, limit: 100 })) as { volgende: string | null };
    out.push(
      await timed(`grid: doorscrollen tot rij ${deep.toLocaleString('nl-NL')} (cursor)`, 16, runs, () =>
        list({ offset: deep, limit: 100, na: before.volgende }),
      ),
    );
    // Dragging the scroll bar there: a jump by offset. The positions of every 1,000th row are
    // sampled in the background once the list has been asked for (incidents/positions.ts); first
    // how long that takes for one sort order (the core answers in between), then the jump with them.
    const ascending = { field: 'datumVoorval', dir: 'asc' };
    await samplesSettled(core.db); // those of the lists asked for above
    const tSample = performance.now();
    await list({ offset: 0, limit: 100, sort: ascending });
    await samplesSettled(core.db);
    const sampleMs = performance.now() - tSample;
    out.push(
      progress({
        name: 'grid: posities voor sprongen bemonsteren (achtergrond, één sortering)',
        unit: 'ms',
        median: sampleMs,
        p95: sampleMs,
        target: null,
        runs: 1,
      }),
    );
    await samplesSettled(core.db);
    out.push(
      await timed(`grid: sprong naar rij ${deep.toLocaleString('nl-NL')} (offset)`, 16, runs, () => list({ offset: deep, limit: 100 })),
    );
    const filters: [string, Record<string, unknown>][] = [
      ['status open', { status: ['open'] }],
      ['categorie pesten', { categorie: ['pesten'] }],
      ['platform WhatsApp', { platform: ['whatsapp'] }],
      ['ernst zeer hoog', { ernst: ['zeer_hoog'] }],
      [`schooljaar ${year}`, { schooljaar: year }],
    ];
    for (const [label, filter] of filters)
      out.push(await timed(`grid: eerste pagina, filter ${label}`, 16, runs, () => list({ offset: 0, limit: 100, filter })));

    // A page deep in the list in every sort order and with every filter, as the grid asks for it
    // while scrolling: halfway through the rows, with the cursor of the block before.
    const halfway = async (name: string, input: Record<string, unknown>) => {
      const { total } = (await list({ ...input, offset: 0, limit: 1 })) as { total: number };
      const at = Math.max(100, Math.floor(total / 200) * 100);
      const prev = (await list({ ...input, offset: at - 100, limit: 100 })) as { volgende: string | null };
      return timed(`${name} (rij ${at.toLocaleString('nl-NL')}, cursor)`, 16, runs, () =>
        list({ ...input, offset: at, limit: 100, na: prev.volgende }),
      );
    };
    for (const field of incidentSortField.options)
      out.push(await halfway(`grid: halverwege, sortering ${field}`, { sort: { field, dir: 'desc' } }));
    for (const [label, filter] of filters) out.push(await halfway(`grid: halverwege, filter ${label}`, { filter }));

    out.push(
      await timed('snelzoeken in omschrijvingen ("nepaccount")', 50, runs, () => list({ offset: 0, limit: 100, search: 'nepaccount' })),
    );
    out.push(await timed('snelzoeken op naam ("özdemir")', 50, runs, () => list({ offset: 0, limit: 100, search: 'özdemir' })));

    // The dossier of the busiest pupil.
    const busiest = core.db
      .prepare(`SELECT person_id FROM incident_person GROUP BY person_id ORDER BY count(*) DESC LIMIT 1`)
      .pluck()
      .get() as number;
    out.push(
      await timed('dossier van één persoon (drukste leerling)', 30, runs, () => must(core.invoke('dossier.get', { personId: busiest }))),
    );

    // Memory after the grid, the search and a dossier: what the running app holds.
    const rss = process.memoryUsage().rss / 1024 / 1024;
    out.push({ name: 'geheugen van het kernproces (RSS) na de grid', unit: 'MB', median: rss, p95: rss, target: 300, runs: 1 });

    out.push(await timed('overzicht: verplichtingen berekenen', 50, runs, () => must(core.invoke('obligations.dashboard', {}))));

    // The yearly report: the figures, and the whole .docx with its charts.
    out.push(
      await timed(`jaarverslag ${year}: cijfers`, 1000, env.quick ? 3 : 5, () => must(core.invoke('reports.year', { schooljaar: year }))),
    );
    out.push(
      await timed(`jaarverslag ${year}: .docx met grafieken`, 2000, env.quick ? 2 : 3, () =>
        must(core.invoke('reports.yearDocx', { schooljaar: year })),
      ),
    );

    // Letters: one warning letter made final (kenmerk, .docx, SHA-256, dossier), then 500.
    const warnings = core.db
      .prepare(
        `SELECT m.id FROM measure m JOIN person p ON p.id = m.person_id WHERE m.soort = 'waarschuwing' AND p.soort = 'leerling' ORDER BY m.id DESC LIMIT 520`,
      )
      .pluck()
      .all() as number[];
    let w = 0;
    const letter = () => must(core.invoke('letters.finalise', { soort: 'waarschuwing', measureId: warnings[w++ % warnings.length] }));
    out.push(await timed('één brief definitief maken (.docx)', 100, env.quick ? 5 : 10, letter));
    const t500 = performance.now();
    for (let n = 0; n < 500; n++) await letter();
    const ms500 = performance.now() - t500;
    out.push({ name: '500 brieven definitief maken', unit: 'ms', median: ms500, p95: ms500, target: 20000, runs: 1 });

    // A roster of 2,000 pupils (Magister-style CSV): the dry run, then applying it once.
    const roster = rosterCsv(2000);
    const bestand = { naam: 'magister-2000.csv', inhoud: Buffer.from(roster, 'latin1').toString('base64') };
    out.push(
      await timed('rooster van 2.000 leerlingen: proefimport', null, env.quick ? 2 : 3, () =>
        must(core.invoke('imports.roster.dryRun', { bestand, soort: 'leerlingen', bronNaam: 'Magister' })),
      ),
    );
    const tImport = performance.now();
    await must(core.invoke('imports.roster.apply', { bestand, soort: 'leerlingen', bronNaam: 'Magister' }));
    const msImport = performance.now() - tImport;
    out.push({ name: 'rooster van 2.000 leerlingen: importeren', unit: 'ms', median: msImport, p95: msImport, target: null, runs: 1 });

    // A backup of the whole database (encrypted, VACUUM INTO in the backup worker) to a temporary
    // folder. Meanwhile the grid's first page is asked for again and again, as a school leader
    // working on would: the longest pause between two answers is how long the core was blocked
    // (before the worker, the whole backup).
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-backup-'));
    try {
      const tb = performance.now();
      let done = false;
      const backup = must(core.invoke('trust.backup.now', { naar: backupDir })).finally(() => (done = true));
      let lastAnswer = performance.now();
      let longestPause = 0;
      let answers = 0;
      while (!done) {
        await new Promise((r) => setTimeout(r, 5));
        await list({ offset: 0, limit: 100 });
        const now = performance.now();
        if (!done) answers++;
        longestPause = Math.max(longestPause, now - lastAnswer);
        lastAnswer = now;
      }
      await backup;
      const msb = performance.now() - tb;
      out.push({ name: 'reservekopie van de hele database', unit: 'ms', median: msb, p95: msb, target: null, runs: 1 });
      out.push({
        name: 'kern geblokkeerd tijdens de reservekopie (langste pauze tussen twee antwoorden)',
        unit: 'ms',
        median: longestPause,
        p95: longestPause,
        target: null,
        // The grid pages answered while the backup ran.
        runs: answers,
      });
    } finally {
      fs.rmSync(backupDir, { recursive: true, force: true });
    }

    // The naive way a peer would do it: all rows into a client-side row model.
    const naiveRuns = env.quick ? 3 : 3;
    const naive = await timed('naïef: alle meldingen laden (client-side model)', null, naiveRuns, () => {
      const rows = core.db
        .prepare(
          `SELECT i.id, i.nummer, i.datum_voorval, i.datum_melding, i.categorie, i.platform, i.locatie, i.ernst, i.status, i.schooljaar, i.omschrijving
           FROM incident i ORDER BY i.datum_voorval DESC, i.id DESC`,
        )
        .all();
      return JSON.stringify(rows).length;
    });
    out.push(naive);
    const first = out.find((m) => m.name.startsWith('grid: eerste pagina, sortering datumVoorval'));
    if (first?.median && naive.median) {
      out.push({
        name: 'verhouding naïef / gepagineerd',
        unit: '×',
        median: naive.median / first.median,
        p95: null,
        target: null,
        runs: 1,
      });
    }
  } finally {
    core.close();
  }

  // A browser that cannot show the grid (e.g. the build being replaced mid-run) costs this one
  // figure, not the whole run's results.
  out.push(
    await firstRowsInChromium(env).catch((e: unknown) =>
      skip('Chromium: van navigatie tot de eerste rijen in de grid', null, `mislukt: ${String(e).split('\n')[0]}`),
    ),
  );

  out.push(...(await cliStart(env.quick)));

  // The school server with 50 users at once (bench/serverLoad.ts); a server that cannot start costs these figures, not the run.
  out.push(
    ...(await serverLoad({
      quick: env.quick,
      dbPath: env.dbPath,
      key: env.key,
      nowIso: `${env.profile.lastYearStart + 1}-06-30T10:00:00Z`,
      schooljaar: year,
    }).catch((e: unknown) => [skip('schoolserver, 50 gebruikers: alle verzoeken', 100, `mislukt: ${String(e).split('\n')[0]}`)])),
  );

  // The renderer's production bundle, per chunk.
  const assets = path.resolve(import.meta.dirname, '../out/renderer/assets');
  if (fs.existsSync(assets)) {
    for (const f of fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
      .sort()) {
      const kb = fs.statSync(path.join(assets, f)).size / 1024;
      out.push({ name: `bundel: ${f.replace(/-[A-Za-z0-9_-]{8}\./, '.')}`, unit: 'kB', median: kb, p95: kb, target: null, runs: 1 });
    }
  } else {
    out.push(skip('bundel: grootte per deel', null, 'eerst npm run build', 'kB'));
  }
  return out;
}

/** In Chromium via the browser preview: from navigation to the first grid rows on the screen. */
async function firstRowsInChromium(env: BenchEnv): Promise<Measurement> {
  const name = 'Chromium: van navigatie tot de eerste rijen in de grid';
  const staticDir = path.resolve(import.meta.dirname, '../out/renderer');
  const chromiumPath = CHROMIUM;
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) return skip(name, null, 'eerst npm run build');
  if (!fs.existsSync(chromiumPath)) return skip(name, null, 'geen Chromium');
  const { startPreview } = await import('../src/main/preview/server');
  const { chromium } = await import('playwright-core');
  const preview = await startPreview({ dbPath: env.dbPath, key: env.key, staticDir, create: false });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  try {
    const xs: number[] = [];
    const runs = env.quick ? 2 : 5;
    for (let n = 0; n <= runs; n++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const t = performance.now();
      await page.goto(`${preview.url.replace(/#.*$/, '')}#/meldingen`);
      await page.locator('.ag-row').first().waitFor({ state: 'visible', timeout: 60_000 });
      if (n > 0) xs.push(performance.now() - t); // the first run warms the browser's caches
      await page.close();
    }
    return { name, unit: 'ms', median: quantile(xs, 0.5), p95: quantile(xs, 0.95), target: null, runs };
  } finally {
    await browser.close();
    await preview.close();
  }
}

/**
 * The command line's start, as a scheduled check runs it: `node <bundle> --db <demo school>
 * obligations --json` (the bundle of scripts/cli.mjs, a new process each time) against a bare
 * `node -e ""` on the same machine, alternating, and their ratio (target: at most 10×; README, CLI).
 * The demo school is made the way test/integration/cli.test.ts makes it: init with a key file, seed-demo.
 */
export async function cliStart(quick: boolean): Promise<Measurement[]> {
  const name = 'opdrachtregel: obligations --json (nieuw proces, demoschool)';
  const bare = 'kale Node-start (node -e "")';
  const ratio = 'opdrachtregel: start t.o.v. kale Node';
  console.log(`  … ${name}`);
  let bundle: string;
  try {
    bundle = await cliBundle();
  } catch (e) {
    const why = `geen bundel: ${String(e).split('\n')[0]}`;
    return [skip(name, null, why), skip(bare, null, why), skip(ratio, 10, why, '×')];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-cli-'));
  const env = { ...process.env, SCHOOLPROTOCOL_DB: '', SCHOOLPROTOCOL_KEY: '', SCHOOLPROTOCOL_WIE: 'bench' };
  const run = (args: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.slice(1).join(' ')}: exit ${r.status}: ${r.stderr}`);
    return ms;
  };
  try {
    const db = path.join(dir, 'demo.db');
    run([bundle, '--db', db, 'init', '--write-key-file']);
    run([bundle, '--db', db, 'seed-demo']);
    const cli = [bundle, '--db', db, 'obligations', '--json'];
    run(cli); // warm-up: the page cache, as for a check that runs every day
    run(['-e', '']);
    const runs = quick ? 5 : 15;
    const xs: number[] = [];
    const bs: number[] = [];
    for (let i = 0; i < runs; i++) {
      bs.push(run(['-e', '']));
      xs.push(run(cli));
    }
    const m = progress({ name, unit: 'ms', median: quantile(xs, 0.5), p95: quantile(xs, 0.95), target: null, runs });
    const b = progress({ name: bare, unit: 'ms', median: quantile(bs, 0.5), p95: quantile(bs, 0.95), target: null, runs });
    const r = progress({ name: ratio, unit: '×', median: m.median! / b.median!, p95: null, target: 10, runs });
    return [m, b, r];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
