// The annual-cycle commands of the CLI, in-process on a database with the hand-computed fixture:
// report (docx and --json), calendar (.ics and --list), export incidents|people (csv, xlsx).
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import ICAL from 'ical.js';
import { makeTestCore, type TestCore } from '../support/core';
import { loadYearFixture } from '../fixtures/reports/yearFixture';
import { runCli } from '../../src/main/cli/program';

let t: TestCore;
let base: string[];

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'schoolprotocol', ...base, ...args], {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    readStdin: () => t.key,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  t = makeTestCore();
  await loadYearFixture(t);
  await t.call('evaluations.plan', {
    datum: '2026-10-29',
    tijdStart: '19:30',
    tijdEind: '21:00',
    deelnemers: [{ naam: 'Anouk Willems', rol: 'anti_pestcoordinator' }],
  });
  t.core.close();
  base = ['--db', t.dbPath, '--key-stdin'];
}, 120_000);
afterAll(() => t?.cleanup());

describe('cli: report, calendar, export', () => {
  it('report --year --out writes the yearly report', async () => {
    const out = path.join(t.dir, 'jaarverslag.docx');
    const r = await cli(['report', '--year', '2025-2026', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Jaarverslag 2025-2026 geschreven naar');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')?.async('string');
    expect(xml).toContain('In schooljaar 2025-2026 zijn 14 meldingen geregistreerd, tegen 10 in 2024-2025 (+40%).');
  });

  it('report --json prints the figures; wrong input fails in Dutch with exit code 1', async () => {
    const r = await cli(['report', '--year', '2025-2026', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).meldingen.huidig.tekst).toBe('14');
    const bad = await cli(['report', '--year', '2025-2027', '--out', path.join(t.dir, 'x.docx')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Een schooljaar loopt over twee opeenvolgende jaren.');
    const wrongExt = await cli(['report', '--year', '2025-2026', '--out', path.join(t.dir, 'x.pdf')]);
    expect(wrongExt.code).toBe(1);
    expect(wrongExt.stderr).toContain('.docx');
  });

  it('calendar --year --out writes an .ics that ical.js reads', async () => {
    const out = path.join(t.dir, 'planning.ics');
    const r = await cli(['calendar', '--year', '2026-2027', '--out', out]);
    expect(r.code).toBe(0);
    const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(out, 'utf8')));
    const summaries = comp.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Jaarlijkse evaluatie socialemediaprotocol met de anti-pestcoördinator');
    expect(summaries.length).toBe(4);
    const list = await cli(['calendar', '--year', '2026-2027', '--list']);
    expect(list.stdout).toContain('19:30-21:00');
  });

  it('export incidents --format csv|xlsx and export people', async () => {
    const csv = path.join(t.dir, 'meldingen.csv');
    const r = await cli(['export', 'incidents', '--year', '2024-2025', '--format', 'csv', '--out', csv]);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n').length).toBe(12);
    const xlsx = path.join(t.dir, 'meldingen.xlsx');
    expect((await cli(['export', 'incidents', '--year', '2025-2026', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const people = path.join(t.dir, 'personen.csv');
    expect((await cli(['export', 'people', '--soort', 'medewerker', '--format', 'csv', '--out', people])).code).toBe(0);
    expect(fs.readFileSync(people, 'utf8')).toContain('Karin Hendriks;Medewerker');
    const bad = await cli(['export', 'incidents', '--format', 'pdf', '--out', csv]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format moet csv of xlsx zijn.');
  });
});
