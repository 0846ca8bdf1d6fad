// Property-based bad input over EVERY method of the API contract (including the ones added later):
// whatever arrives, the answer is a Result, never a thrown error and never an internal error, and a
// call that fails changes nothing (row counts of every table, the last audit entry, the files).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { api } from '../../src/shared/api';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
let cwd: string;
let sandbox: string;

beforeAll(async () => {
  // Relative path tricks ("../../etc/passwd") must land in a throw-away folder, never in the system,
  // even if some method were to use such a string as a path.
  cwd = process.cwd();
  sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bad-'));
  const deep = path.join(sandbox, 'a', 'b', 'c', 'd');
  fs.mkdirSync(deep, { recursive: true });
  process.chdir(deep);
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  await t.call('school.loadDemo', {});
});

afterAll(() => {
  t?.cleanup();
  process.chdir(cwd);
  fs.rmSync(sandbox, { recursive: true, force: true });
});

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/** Row counts of every table, the last audit entry and the number of files the app manages. */
function fingerprint(): string {
  const db = t.core.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const counts = tables.map((name) => `${name}=${(db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n}`);
  const audit = (db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number | null }).m;
  return `${counts.join(',')}|audit=${audit}|files=${countFiles(t.core.ctx.files.root)}|sandbox=${countFiles(sandbox)}`;
}

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '../../etc/passwd',
    '..\\..\\windows\\system32\\config',
    'a/../../b',
    '\u0000',
    'a\u0007b\u001b[31m',
    'regel\r\nregel',
    "'; DROP TABLE person; --",
    '%',
    '_',
    '*',
    '"',
    'NEAR(a b)',
    '2026-02-30',
    '2026-11-16',
    '9999-12-31',
    '0000-00-00',
    '2025-2026',
    'M2026-0001',
    'https://example.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '__proto__',
    'constructor',
    'QUJD',
    'x'.repeat(40_000),
    'é'.repeat(300),
  ),
);

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2, 3, 5, 40, 1e308, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, -0, 0.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(nastyString, fc.integer(), fc.anything({ maxDepth: 1 })), { maxLength: 5 }),
  fc.anything({ maxDepth: 2 }),
);

function topKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

function inputFor(method: string): fc.Arbitrary<unknown> {
  const keys = topKeys((api as Record<string, { input: unknown }>)[method].input);
  const wrongRecord = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, nasty])), { requiredKeys: [] }) : fc.object({ maxDepth: 1 });
  return fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true }),
    wrongRecord,
    // the known keys plus keys nobody expects
    fc.tuple(wrongRecord, fc.dictionary(nastyString, nasty, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...(a as object) })),
  );
}

const seedOf = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 17);

describe('bad input to every API method', () => {
  it('covers the whole contract', () => {
    expect(Object.keys(api).length).toBeGreaterThan(30);
  });

  it.each(Object.keys(api))('%s answers garbage with a Result and changes nothing when it fails', async (method) => {
    let before = fingerprint();
    await fc.assert(
      fc.asyncProperty(inputFor(method), async (input) => {
        let r: Awaited<ReturnType<typeof t.core.invoke>>;
        try {
          r = await t.core.invoke(method, input);
        } catch (e) {
          throw new Error(`${method} threw instead of answering: ${String(e)}`, { cause: e });
        }
        expect(r === null || typeof r !== 'object').toBe(false);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) {
          // a valid call may change data: that is the new starting point
          before = fingerprint();
          return;
        }
        expect(r.error.code, `${method}: ${r.error.message}`).not.toBe('INTERN');
        expect(typeof r.error.message).toBe('string');
        expect(r.error.message.length).toBeGreaterThan(0);
        expect(fingerprint(), `${method} failed with ${r.error.code} but changed data`).toBe(before);
      }),
      { seed: seedOf(method), numRuns: 30, endOnFailure: true },
    );
  });
});

describe('invisible and multi-line characters where they do not belong', () => {
  const fails = async (method: string, input: unknown) => {
    const before = fingerprint();
    const r = await t.core.invoke(method, input);
    if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
    expect(fingerprint(), `${method} changed data`).toBe(before);
    return r.error;
  };
  const anIncident = async () => (await t.call('incidents.list', {})).rows[0].id;

  it.each([
    ['evil.png\u202Etxt.exe', 'right-to-left override'],
    ['foto\u2066.jpg\u2069.exe', 'isolate'],
    ['rapport\u200B.pdf', 'zero-width space'],
    ['\uFEFFbrief.docx', 'byte order mark'],
  ])('refuses the evidence file name %j (%s) and stores nothing', async (bestandsnaam) => {
    const error = await fails('evidence.add', {
      incidentId: await anIncident(),
      bestandsnaam,
      inhoudBase64: Buffer.from('MZ nep').toString('base64'),
      beveiligdOp: '2026-11-02',
    });
    expect(error).toMatchObject({ code: 'VALIDATIE', field: 'bestandsnaam' });
    expect(error.message).toMatch(/onzichtbare tekens/);
  });

  it('refuses a spoofed name of an imported file', async () => {
    const error = await fails('imports.protocol.read', { bestand: { naam: 'protocol\u202Excod.exe', inhoud: 'QUJD' } });
    expect(error).toMatchObject({ code: 'VALIDATIE', field: 'bestand.naam' });
    expect(error.message).toMatch(/onzichtbare tekens/);
  });

  it.each(['Jan\nPietersen', 'Jan\r\nPietersen', 'Jan\u2028Pietersen', 'Jan\tPietersen'])(
    'refuses a line break or tab in a single-line field (%j) and names the field',
    async (achternaam) => {
      const error = await fails('people.create', { soort: 'leerling', voornaam: 'Jan', achternaam });
      expect(error).toMatchObject({ code: 'VALIDATIE', field: 'achternaam' });
      expect(error.message).toMatch(/één regel/);
    },
  );

  it('drops direction and zero-width characters from single-line fields, and direction overrides from texts', async () => {
    const p = await t.call('people.create', {
      soort: 'leerling',
      voornaam: '\u202EJan\u200B',
      achternaam: 'de\u200D Vries',
      notities: 'eerste regel\nbetaald: \u202E0001 euro\u202C\ntweede regel',
    });
    expect(p.voornaam).toBe('Jan');
    expect(p.achternaam).toBe('de Vries');
    expect(p.notities).toBe('eerste regel\nbetaald: 0001 euro\ntweede regel');
    // only invisible characters is no name at all
    expect(await fails('people.create', { soort: 'leerling', voornaam: '\u200B\u202E', achternaam: 'Jansen' })).toMatchObject({
      field: 'voornaam',
      message: 'Vul dit veld in.',
    });
  });
});
