// `npm run bench`: performance at the scale of a school board. Generates (once, cached)
// a fixed-seed data set, then measures each interaction as median and p95 over repeated runs
// through the same core the app uses, prints one table and writes bench/results.json.
// `npm run bench -- --quick` runs everything on a small data set (CI: keeps the code from rotting;
// the times are not judged).
// `--incidents N` generates N incidents among the full profile's people instead of a million, and
// `--data-dir DIR` puts the data set (and the results of a run on it) in DIR instead of bench/data;
// CI generates 50,000 that way (.ci/run), so the bulk load of the full profile cannot rot.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Core } from '../src/main/app/core';
import { api } from '../src/shared/api';
import type { MethodName } from '../src/shared/api';
import { generate } from './generate';
import { measureAll, type Measurement } from './measurements';
import { serverLoad } from './serverLoad';

const quick = process.argv.includes('--quick');
const regenerate = process.argv.includes('--regenerate');
// `--generate-only`: build (or confirm) the cached data set and stop, so the generation (about
// about six minutes at a million incidents, docs/PERFORMANCE.md) can run ahead of time without measuring.
const generateOnly = process.argv.includes('--generate-only');
// `--only-server`: only the school server under load (bench/serverLoad.ts), printed, no results file
// written (the committed results keep every measurement of one run).
const onlyServer = process.argv.includes('--only-server');
/** The value after `--name` (or of `--name=value`), or null. */
function flag(name: string): string | null {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return null;
  const a = process.argv[i];
  const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`--${name} verwacht een waarde`);
  return v;
}
const incidentsFlag = flag('incidents');
const incidents = incidentsFlag === null ? null : Number(incidentsFlag.replace(/[_.]/g, ''));
if (incidents !== null && !(Number.isInteger(incidents) && incidents > 0))
  throw new Error(`--incidents verwacht een positief geheel getal, niet ${incidentsFlag}`);
const dataDirFlag = flag('data-dir');
const KEY = 'b'.repeat(64); // a fixed key: the bench data are synthetic
const GENERATOR_VERSION = 8;

const baseProfile = quick
  ? { schools: 1, pupilsPerSchool: 400, staffPerSchool: 30, incidents: 5_000, years: 3, lastYearStart: 2025 }
  : { schools: 30, pupilsPerSchool: 900, staffPerSchool: 80, incidents: 1_000_000, years: 10, lastYearStart: 2025 };
const profile = incidents === null ? baseProfile : { ...baseProfile, incidents };

const dataDir = dataDirFlag === null ? path.resolve(import.meta.dirname, 'data') : path.resolve(dataDirFlag);
const dbPath = path.join(dataDir, incidents !== null ? `bench-${incidents}.db` : quick ? 'bench-quick.db' : 'bench-1m.db');
const manifestPath = `${dbPath}.json`;

function ensureData(): { generatedMs: number | null } {
  const want = JSON.stringify({ ...profile, GENERATOR_VERSION });
  const have = fs.existsSync(manifestPath) ? fs.readFileSync(manifestPath, 'utf8') : null;
  if (!regenerate && have === want && fs.existsSync(dbPath)) return { generatedMs: null };
  console.log(`Gegevens genereren (${profile.incidents.toLocaleString('nl-NL')} meldingen)…`);
  const res = generate({ dbPath, key: KEY, ...profile, log: (m) => console.log(`  ${m}`) });
  fs.writeFileSync(manifestPath, want);
  console.log(`  klaar in ${(res.ms / 1000).toFixed(1)} s`);
  return { generatedMs: res.ms };
}

async function main() {
  const { generatedMs } = ensureData();
  if (generateOnly) return;
  if (onlyServer) {
    const year = `${profile.lastYearStart}-${profile.lastYearStart + 1}`;
    await serverLoad({ quick, dbPath, key: KEY, nowIso: `${profile.lastYearStart + 1}-06-30T10:00:00Z`, schooljaar: year });
    return;
  }
  const open = () => Core.open({ dbPath, key: KEY, actor: 'bench', now: () => new Date(`${profile.lastYearStart + 1}-06-30T10:00:00Z`) });
  const has = (m: string): m is MethodName => Object.hasOwn(api, m);
  const results: Measurement[] = await measureAll({ open, has, quick, profile, dbPath, key: KEY });

  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const fmt = (v: number | null, unit: string) => (v === null ? '—' : unit === 'ms' ? v.toFixed(v < 10 ? 2 : 1) : v.toFixed(0));
  console.log('');
  console.log(
    `Schoolprotocol benchmark — ${quick ? 'quick (klein)' : 'volledig'}: ${profile.incidents.toLocaleString('nl-NL')} meldingen, ${profile.schools} scholen`,
  );
  const nameWidth = Math.max(...results.map((r) => r.name.length));
  console.log(pad('meting', nameWidth), pad('mediaan', 10), pad('p95', 10), pad('doel', 10), 'status');
  for (const r of results) {
    const status = r.skipped
      ? `n.v.t. (${r.skipped})`
      : r.target === null
        ? ''
        : (r.p95 ?? r.median ?? Infinity) <= r.target
          ? 'ok'
          : 'TE TRAAG';
    console.log(
      pad(r.name, nameWidth),
      pad(`${fmt(r.median, r.unit)} ${r.unit}`, 10),
      pad(`${fmt(r.p95, r.unit)} ${r.unit}`, 10),
      pad(r.target === null ? '' : `≤ ${r.target} ${r.unit}`, 10),
      status,
    );
  }
  const out = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    profile,
    generatedMs,
    node: process.version,
    results,
  };
  // A data set of another size or place keeps its results beside it, not in the committed files.
  const resultsPath =
    incidents === null && dataDirFlag === null
      ? path.resolve(import.meta.dirname, quick ? 'results.quick.json' : 'results.json')
      : path.join(dataDir, `${path.basename(dbPath, '.db')}.results.json`);
  fs.writeFileSync(resultsPath, JSON.stringify(out, null, 2) + '\n');
  console.log(`\nGeschreven: ${path.relative(process.cwd(), resultsPath)}`);
  void performance;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
