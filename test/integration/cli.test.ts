// The command-line door against a temp database: init → seed-demo → incidents list --json →
// verify → call, plus the failures a script relies on. Most checks run the CLI in-process
// (runCli, the same code main.ts runs); the checks of the real process run the bundle that
// `npm run cli` runs (scripts/cli.mjs: out/main/cli.js when fresh, else its own quick build, made
// here when needed), so the bundle cannot rot: its entry point, output, exit codes, that
// `obligations` starts without the document libraries, and that a document still loads them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../src/main/db/open';
import { runCli } from '../../src/main/cli/program';
import { schoolYearOf } from '../../src/shared/schoolYear';
import { cliBundle } from '../../scripts/cli.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The CLI bundle under test (set in beforeAll). */
let bundle = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with its own stdout/stderr and environment; with `terminal`, stdin is a
 * terminal whose hidden prompt `terminal` answers.
 */
async function cli(args: string[], env: Record<string, string> = {}, stdin = '', terminal?: (question: string) => string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const saved = { db: process.env.SCHOOLPROTOCOL_DB, key: process.env.SCHOOLPROTOCOL_KEY };
  process.env.SCHOOLPROTOCOL_DB = env.SCHOOLPROTOCOL_DB ?? '';
  process.env.SCHOOLPROTOCOL_KEY = env.SCHOOLPROTOCOL_KEY ?? '';
  try {
    const code = await runCli(['node', 'schoolprotocol', ...args], {
      out: (s) => (stdout += s),
      err: (s) => (stderr += s),
      readStdin: () => stdin,
      stdinIsTTY: !!terminal,
      promptSecret: terminal && (async (q) => terminal(q)),
    });
    return { code, stdout, stderr };
  } finally {
    process.env.SCHOOLPROTOCOL_DB = saved.db ?? '';
    process.env.SCHOOLPROTOCOL_KEY = saved.key ?? '';
  }
}

/** Runs the real process (the bundle under this Node 22), with `input` on its stdin and extra Node options. */
function spawnCli(args: string[], input = '', nodeOptions: string[] = [], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [...nodeOptions, bundle, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input,
    env: { ...process.env, SCHOOLPROTOCOL_DB: '', SCHOOLPROTOCOL_KEY: '', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The document libraries a command must not load unless it makes a document or reads an import. */
const HEAVY = ['docx', 'exceljs', 'mammoth', 'pdfjs-dist', '@resvg/resvg-js', 'papaparse', 'jszip', 'date-holidays', 'ics'];

/**
 * Runs the bundle with a module hook that writes down every module Node loads (ESM, and the entry of
 * every CommonJS package imported), and returns the packages among HEAVY that were loaded.
 */
function heavyLoadedBy(dir: string, key: string, args: string[]): { run: Run; loaded: string[] } {
  const log = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const hooks = path.join(dir, 'load-hooks.mjs');
  const preload = path.join(dir, 'load-log.mjs');
  fs.writeFileSync(
    hooks,
    `import fs from 'node:fs';\nexport async function load(url, context, next) {\n  fs.appendFileSync(process.env.SP_LOAD_LOG, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  fs.writeFileSync(preload, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const run = spawnCli(args, '', ['--import', pathToFileURL(preload).href], { SP_LOAD_LOG: log, SCHOOLPROTOCOL_KEY: key });
  const urls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n') : [];
  expect(urls.some((u) => u.includes('/node_modules/better-sqlite3-multiple-ciphers/')), 'the hook saw the packages load').toBe(true);
  return { run, loaded: HEAVY.filter((pkg) => urls.some((u) => u.includes(`/node_modules/${pkg}/`))) };
}

describe('cli', () => {
  let dir: string;
  let db: string;
  let key: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-cli-'));
    db = path.join(dir, 'school.db');
    bundle = await cliBundle();
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('init creates an encrypted database and shows a new key once', async () => {
    const r = await cli(['--db', db, 'init']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = /^\s+([0-9a-f]{64})$/m.exec(r.stdout);
    expect(m).not.toBeNull();
    key = m![1];
    expect(r.stdout).toContain('Bewaar deze sleutel veilig');
    expect(r.stdout).toContain('geen achterdeur');
    // Encrypted: no SQLite header in the file.
    expect(fs.readFileSync(db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(fs.existsSync(`${db}.key`)).toBe(false);
  });

  it('init refuses to touch an existing database', async () => {
    const before = fs.readFileSync(db);
    const r = await cli(['--db', db, 'init'], { SCHOOLPROTOCOL_KEY: key });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bestaat al; er is niets gewijzigd');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('refuses a missing database path or a wrong key in Dutch', async () => {
    const none = await cli(['verify']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Geef de database op met --db');
    const wrong = await cli(['--db', db, 'verify'], { SCHOOLPROTOCOL_KEY: 'a'.repeat(64) });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('de sleutel klopt niet');
    const malformed = await cli(['--db', db, 'verify'], { SCHOOLPROTOCOL_KEY: 'geheim' });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('64 hexadecimale tekens');
  });

  it('refuses a key given as an argument, says how to give it instead, and does nothing', async () => {
    const before = fs.readFileSync(db);
    for (const args of [['--key', key, 'verify'], [`--key=${key}`, 'verify'], ['verify', '--key', key], ['--key', 'verify']]) {
      const r = await cli(['--db', db, ...args], { SCHOOLPROTOCOL_KEY: key });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'Fout: Geef de databasesleutel niet mee op de opdrachtregel: daar kunnen andere gebruikers van deze computer hem zien ' +
          '(bijvoorbeeld met ps) en npm schrijft hem in zijn debuglog. Zet hem in de omgevingsvariabele SCHOOLPROTOCOL_KEY, ' +
          'of stuur hem via stdin met --key-stdin. Op een terminal zonder SCHOOLPROTOCOL_KEY vraagt de opdrachtregel erom, ' +
          'zonder hem te tonen. Er is niets gedaan.\n',
      );
    }
    const fresh = path.join(dir, 'nieuw.db');
    expect((await cli(['--db', fresh, '--key', key, 'init'])).code).toBe(1);
    expect(fs.existsSync(fresh)).toBe(false);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    // --help no longer offers it.
    const help = await cli(['--help']);
    expect(help.stdout).toContain('--key-stdin');
    expect(help.stdout).not.toMatch(/--key [<[]/);
  });

  it('--key-stdin reads the key from stdin, which then cannot carry input as well; without a key it says how', async () => {
    const r = await cli(['--db', db, '--key-stdin', 'verify', '--json'], {}, `${key}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
    const both = await cli(['--db', db, '--key-stdin', 'call', 'incidents.list', '-'], {}, key);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^Fout: Via stdin komt al een sleutel; er kan niet ook invoer via stdin komen\./);
    expect((await cli(['--db', db, '--key-stdin', 'verify'], {}, 'geheim\n')).stderr).toContain('64 hexadecimale tekens');
    const none = await cli(['--db', db, 'verify']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'Fout: Geef de databasesleutel op. Zet hem in de omgevingsvariabele SCHOOLPROTOCOL_KEY, of stuur hem via stdin met --key-stdin. ' +
        'Op een terminal zonder SCHOOLPROTOCOL_KEY vraagt de opdrachtregel erom, zonder hem te tonen.\n',
    );
  });

  it('on a terminal without SCHOOLPROTOCOL_KEY it asks for the key; not when the environment has it, nor for init', async () => {
    const asked: string[] = [];
    const answer = (q: string) => (asked.push(q), key);
    const r = await cli(['--db', db, 'verify', '--json'], {}, '', answer);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
    expect(asked).toEqual(['Databasesleutel (wordt niet getoond): ']);
    expect((await cli(['--db', db, 'verify'], { SCHOOLPROTOCOL_KEY: key }, '', answer)).code).toBe(0);
    const made = await cli(['--db', path.join(dir, 'terminal.db'), 'init'], {}, '', answer);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Nieuwe databasesleutel');
    expect(asked).toHaveLength(1);
  });

  it('seed-demo loads the demo school (key from the environment)', async () => {
    const r = await cli(['seed-demo', '--json'], { SCHOOLPROTOCOL_DB: db, SCHOOLPROTOCOL_KEY: key });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.schoolNaam.length).toBeGreaterThan(0);
    expect(v.personen).toBeGreaterThan(0);
    expect(v.meldingen).toBeGreaterThan(0);
    expect(r.stdout).not.toContain(key);
  });

  it('as a real process, obligations --json loads no document library; a report and an export still do', () => {
    const { run, loaded } = heavyLoadedBy(dir, key, ['--db', db, 'obligations', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const v = JSON.parse(run.stdout) as { vandaag: string; aantal: number };
    expect(v.aantal).toBeGreaterThan(0);
    expect(loaded).toEqual([]);
    // The same check sees them when a command needs them, and the lazily loaded parts of the bundle work.
    const docx = path.join(dir, 'jaarverslag.docx');
    const report = heavyLoadedBy(dir, key, ['--db', db, 'report', '--year', schoolYearOf(v.vandaag), '--out', docx]);
    expect(report.run.code, report.run.stderr).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(report.loaded).toEqual(expect.arrayContaining(['docx', '@resvg/resvg-js']));
    const xlsx = path.join(dir, 'personen.xlsx');
    const exported = heavyLoadedBy(dir, key, ['--db', db, 'export', 'people', '--format', 'xlsx', '--out', xlsx]);
    expect(exported.run.code, exported.run.stderr).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(exported.loaded).toContain('exceljs');
  }, 180_000);

  it('incidents list --json pages and filters in the core', async () => {
    const all = await cli(['--db', db, 'incidents', 'list', '--json', '--limit', '500'], { SCHOOLPROTOCOL_KEY: key });
    expect(all.code).toBe(0);
    const page = JSON.parse(all.stdout) as { rows: { nummer: string; status: string; schooljaar: string }[]; total: number };
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.length).toBe(page.total);

    const two = JSON.parse((await cli(['--db', db, 'incidents', 'list', '--json', '--limit', '2'], { SCHOOLPROTOCOL_KEY: key })).stdout);
    expect(two.rows.length).toBe(Math.min(2, page.total));
    expect(two.total).toBe(page.total);

    const open = JSON.parse((await cli(['--db', db, 'incidents', 'list', '--json', '--status', 'open', '--limit', '500'], { SCHOOLPROTOCOL_KEY: key })).stdout);
    expect(open.total).toBe(page.rows.filter((r) => r.status === 'open').length);
    expect(open.rows.every((r: { status: string }) => r.status === 'open')).toBe(true);

    const first = page.rows[0];
    const found = JSON.parse((await cli(['--db', db, 'incidents', 'list', '--json', '--search', first.nummer], { SCHOOLPROTOCOL_KEY: key })).stdout);
    expect(found.rows.map((r: { nummer: string }) => r.nummer)).toContain(first.nummer);
  });

  it('incidents list prints a Dutch table by default and refuses bad options', async () => {
    const r = await cli(['--db', db, 'incidents', 'list', '--limit', '3'], { SCHOOLPROTOCOL_KEY: key });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Nummer\s+Datum\s+Categorie\s+Platform\s+Ernst\s+Status\s+Dader\(s\)$/);
    expect(r.stdout).toMatch(/3 van \d+ meldingen getoond/);
    const bad = await cli(['--db', db, 'incidents', 'list', '--limit', '0'], { SCHOOLPROTOCOL_KEY: key });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--limit moet een heel getal');
    const year = await cli(['--db', db, 'incidents', 'list', '--year', '2025-2027'], { SCHOOLPROTOCOL_KEY: key });
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('Een schooljaar loopt over twee opeenvolgende jaren.');
  });

  it('verify reports a healthy database with exit code 0', async () => {
    const r = await cli(['--db', db, 'verify', '--json'], { SCHOOLPROTOCOL_KEY: key });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.schema.database).toBe(report.schema.app);
    expect(report.integrity).toEqual({ ok: true, problems: [] });
    expect(report.audit.ok).toBe(true);
    expect(report.audit.entries).toBeGreaterThan(0);
    const human = await cli(['--db', db, 'verify'], { SCHOOLPROTOCOL_KEY: key });
    expect(human.stdout).toContain('Alles in orde.');
    expect(human.stdout).not.toContain(key);
  });

  it('call invokes any method with validation; bad JSON and invalid input exit 1 in Dutch', async () => {
    const ok = await cli(['--db', db, 'call', 'app.status', '{}'], { SCHOOLPROTOCOL_KEY: key });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).value.hasSchool).toBe(true);

    const badJson = await cli(['--db', db, 'call', 'incidents.list', '{limit: 2'], { SCHOOLPROTOCOL_KEY: key });
    expect(badJson.code).toBe(1);
    const e = JSON.parse(badJson.stdout);
    expect(e.ok).toBe(false);
    expect(e.error.message).toContain('De invoer is geen geldige JSON');

    const invalid = await cli(['--db', db, 'call', 'incidents.list', '{"limit": 0}'], { SCHOOLPROTOCOL_KEY: key });
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout).error).toMatchObject({ code: 'VALIDATIE', field: 'limit' });

    const unknown = await cli(['--db', db, 'call', 'bestaat.niet'], { SCHOOLPROTOCOL_KEY: key });
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('ONBEKENDE_METHODE');
  });

  it('verify finds a changed audit entry, says where, and exits 1', async () => {
    const conn = new Database(db);
    applyKey(conn, key);
    const row = conn.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 3').get() as { id: number };
    conn.prepare("UPDATE audit_log SET actor = actor || 'x' WHERE id = ?").run(row.id);
    conn.close();
    const r = await cli(['--db', db, 'verify'], { SCHOOLPROTOCOL_KEY: key });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Het auditlogboek is onderbroken bij regel ${row.id}: de inhoud van deze regel is gewijzigd.`);
    expect(r.stdout).toContain('Er zijn problemen gevonden.');
    const json = JSON.parse((await cli(['--db', db, 'verify', '--json'], { SCHOOLPROTOCOL_KEY: key })).stdout);
    expect(json.ok).toBe(false);
    expect(json.audit.brokenAt).toBe(row.id);
  });

  it('init --write-key-file keeps a 0600 key file that later commands use', async () => {
    const db2 = path.join(dir, 'demo.db');
    const r = await cli(['--db', db2, 'init', '--write-key-file']);
    expect(r.code).toBe(0);
    const stat = fs.statSync(`${db2}.key`);
    expect(stat.mode & 0o777).toBe(0o600);
    const v = await cli(['--db', db2, 'verify']);
    expect(v.code).toBe(0);
  });

  it('call reads its input from stdin with "-"', async () => {
    const r = await cli(['--db', db, 'call', 'incidents.list', '-'], { SCHOOLPROTOCOL_KEY: key }, '{"limit": 1}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).value.rows.length).toBe(1);
  });

  it('as a real process: --help in English/Dutch, exit 0; a failing call exits 1 with JSON on stdout', () => {
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['init', 'seed-demo', 'incidents', 'verify', 'call']) expect(help.stdout).toContain(c);
    const bad = spawnCli(['--db', db, '--key-stdin', 'call', 'incidents.list', '{nee'], `${key}\n`);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.message).toContain('De invoer is geen geldige JSON');
  }, 180_000);

  // A real terminal (a pseudo-terminal from util-linux `script`): the key typed at the prompt must
  // not be echoed, not even when it is typed the moment the question shows.
  it.skipIf(process.platform !== 'linux' || spawnSync('script', ['--version']).status !== 0)(
    'as a real process on a terminal: asks for the key and does not echo it',
    async () => {
      const command = [process.execPath, bundle, '--db', db, 'call', 'app.status'].join(' ');
      const p = spawn('script', ['-qefc', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, SCHOOLPROTOCOL_KEY: '' } });
      let out = '';
      p.stdout.on('data', (d: Buffer) => {
        const first = !out.includes('Databasesleutel');
        out += d.toString();
        if (first && out.includes('Databasesleutel')) p.stdin.write(`${key}\r`);
      });
      const code = await new Promise<number | null>((resolve) => p.on('exit', resolve));
      expect(out).toContain('Databasesleutel (wordt niet getoond): ');
      expect(out).toContain('"hasSchool": true');
      expect(out).not.toContain(key);
      expect(code).toBe(0);
    },
    180_000,
  );

  it('commands on a missing database say to run init first', async () => {
    const missing = await cli(['--db', path.join(dir, 'bestaat-niet.db'), 'seed-demo'], { SCHOOLPROTOCOL_KEY: key });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('bestaat niet. Maak hem eerst aan met: init');
    expect(fs.existsSync(path.join(dir, 'bestaat-niet.db'))).toBe(false);
  });
});
