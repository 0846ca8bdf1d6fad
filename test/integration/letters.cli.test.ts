// The CLI's `letter` and `dossier` commands, in-process: a final letter written to --out, a concept,
// a dossier export, and a Dutch refusal of an --out that is a folder or cannot be written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/program';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;
let measureId: number;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
  measureId = await schorsing(t, s);
});
afterEach(() => t.cleanup());

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, '--key-stdin', ...args], {
    out: (x) => (stdout += x),
    err: (x) => (stderr += x),
    readStdin: () => t.key,
  });
  return { code, stdout, stderr };
}

describe('cli letter and dossier', () => {
  it('makes a letter final and writes one .docx per addressee', async () => {
    const out = path.join(t.dir, 'brief.docx');
    const r = await cli(['letter', '--measure', String(measureId), '--kind', 'schorsing', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // A VO pupil: to the pupil, and to each parent's address.
    expect(r.stdout).toContain(`2026-0001  aan Daan Jansen (Tiel)  →  ${out}`);
    expect(r.stdout).toContain(`2026-0002  aan Piet Jansen (Tiel)  →  ${path.join(t.dir, 'brief-2.docx')}`);
    expect(r.stdout).toContain(`2026-0003  aan Anna de Vries (Zoelen)  →  ${path.join(t.dir, 'brief-3.docx')}`);
    expect((await docxText(fs.readFileSync(out))).body).toContain('Ons kenmerk\t2026-0001');
    expect((await docxText(fs.readFileSync(path.join(t.dir, 'brief-3.docx')))).body).toContain('Geachte mevrouw De Vries,');
    const rows = t.core.db.prepare('SELECT kenmerk FROM letter ORDER BY id').all() as { kenmerk: string }[];
    expect(rows.map((x) => x.kenmerk)).toEqual(['2026-0001', '2026-0002', '2026-0003']);
  });

  it('writes a concept without recording anything', async () => {
    const out = path.join(t.dir, 'concept.docx');
    const r = await cli(['letter', '--measure', String(measureId), '--kind', 'schorsing', '--out', out, '--concept']);
    expect(r.code).toBe(0);
    expect((await docxText(fs.readFileSync(out))).body).toContain('CONCEPT');
    expect((t.core.db.prepare('SELECT count(*) AS n FROM letter').get() as { n: number }).n).toBe(0);
  });

  it('refuses an --out that is a folder or cannot be written, before recording anything', async () => {
    const folder = await cli(['letter', '--measure', String(measureId), '--kind', 'schorsing', '--out', t.dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(`${t.dir} is een map. Geef een bestandsnaam op`);
    const noDir = await cli(['dossier', '--person', String(s.daanId), '--out', path.join(t.dir, 'bestaat-niet', 'd.docx')]);
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain('bestaat niet');
    const underFile = path.join(t.dbPath, 'x.docx'); // a file is not a folder
    const bad = await cli(['dossier', '--person', String(s.daanId), '--out', underFile]);
    expect(bad.code).toBe(1);
    const kind = await cli(['letter', '--measure', String(measureId), '--kind', 'brief', '--out', path.join(t.dir, 'x.docx')]);
    expect(kind.stderr).toContain('Onbekende soort brief "brief"');
    expect((t.core.db.prepare('SELECT count(*) AS n FROM letter').get() as { n: number }).n).toBe(0);
    expect((t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'dossier_geexporteerd'`).get() as { n: number }).n).toBe(0);
  });

  it('exports a dossier and logs it', async () => {
    const out = path.join(t.dir, 'dossier.docx');
    const r = await cli(['dossier', '--person', String(s.daanId), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('namen van 1 andere leerling(en) vervangen');
    const { body } = await docxText(fs.readFileSync(out));
    expect(body).toContain('medeleerling A (slachtoffer)');
    expect(body).not.toContain('Sanne');
    expect((t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'dossier_geexporteerd'`).get() as { n: number }).n).toBe(1);
  });
});
