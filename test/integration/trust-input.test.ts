// Bad input to every trust method: wrong types, oversized strings, control characters, unknown
// fields — each answered with a Dutch message (never zod's English, never an internal error) and
// nothing written. Path tricks in backup targets and restore sources (relative, "..", symlinks
// into the app's folder) are refused and leave no file anywhere.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { api } from '../../src/shared/api';
import { makeTrustCore, tempDir } from './trustSupport';
import type { TestCore } from '../support/core';

let t: TestCore;
let outside: string;
beforeAll(async () => {
  t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
  outside = tempDir('sp-outside-');
  await t.call('people.create', { soort: 'leerling', voornaam: 'Iris', achternaam: 'Vos' });
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(outside, { recursive: true, force: true });
});

const ENGLISH = /\b(Invalid|expected|Unrecognized|received|Too (big|small)|must|Required)\b/;
const trustMethods = Object.keys(api).filter((m) => m.startsWith('trust.'));

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
function state() {
  const db = t.core.db;
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'incident_fts%' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  return {
    rows: tables.map((n) => `${n}=${(db.prepare(`SELECT count(*) AS c FROM "${n}"`).get() as { c: number }).c}`).join(','),
    files: files(t.dir)
      .filter((f) => !/\.db-(wal|shm)$/.test(f))
      .sort(),
    outside: files(outside).sort(),
  };
}

const WRONG_VALUES: unknown[] = [true, -1, 1.5, 'x', 'x'.repeat(100_000), 'regel\u0000nul', 'a\u001b[31m', {}, [1, 2], null, Number.NaN];

describe('bad input to the trust methods', () => {
  it.each(trustMethods)('%s answers wrong input in Dutch and writes nothing', async (method) => {
    const shape = ((api as Record<string, { input: { shape?: Record<string, unknown> } }>)[method].input.shape ?? {}) as Record<
      string,
      unknown
    >;
    const inputs: unknown[] = [42, 'tekst', null, [], { onbekendVeld: 1 }, { __proto__: { x: 1 }, constructor: 'x' }];
    for (const key of Object.keys(shape)) for (const v of WRONG_VALUES) inputs.push({ [key]: v });
    let before = state();
    for (const input of inputs) {
      const r = await t.core.invoke(method, input);
      if (r.ok) {
        // e.g. null counts as {}, which is valid for methods without required fields
        before = state();
        continue;
      }
      const label = `${method} ${JSON.stringify(input)?.slice(0, 80)}`;
      expect(r.error.code, label).not.toBe('INTERN');
      expect(r.error.message, label).not.toMatch(ENGLISH);
      expect(r.error.message.length, label).toBeGreaterThan(3);
      expect(state(), label).toEqual(before);
    }
  });

  it('refuses path tricks in backup targets and restore sources, and writes nowhere', async () => {
    const appDir = t.dir;
    // A symlink outside that points into the app's own folder, and one to the live database.
    const linkToApp = path.join(outside, 'lijkt-buiten');
    fs.symlinkSync(appDir, linkToApp);
    const linkToDb = path.join(outside, 'kopie.db');
    fs.symlinkSync(t.dbPath, linkToDb);
    const before = state();
    const targets: [string, RegExp][] = [
      ['reservekopieen', /volledig pad/],
      ['./reservekopieen', /volledig pad/],
      ['~/reservekopieen', /volledig pad/],
      [`${outside}/../${path.basename(outside)}`, /".."/],
      [`${outside}\\..\\x`, /".."/],
      [`${outside}/\u0000`, /ongeldige tekens/],
      [`${outside}/\u202Egpj.exe`, /bestaat niet/],
      [`/${'map/'.repeat(300)}`, /te lang/],
      ['\\\\server\\share\\reservekopieen', /bestaat niet/],
      [linkToApp, /buiten de eigen map van de app/],
      [path.join(appDir, 'sub'), /bestaat niet|buiten de eigen map/],
      ['/', /hoofdmap/],
    ];
    for (const [naar, msg] of targets) {
      const r = await t.core.invoke('trust.backup.now', { naar });
      expect(r.ok, naar).toBe(false);
      if (!r.ok) expect(r.error.message, naar).toMatch(msg);
      const s = await t.core.invoke('trust.settings.save', { backupMap: naar });
      expect(s.ok, naar).toBe(false);
    }
    const sources: [string, RegExp][] = [
      ['../../etc/passwd', /volledig pad/],
      [linkToDb, /buiten de eigen map van de app/],
      [t.dbPath, /buiten de eigen map van de app/],
      [`${outside}/../../etc/shadow`, /".."/],
      ['/dev/zero', /geen reservekopie|niet worden geopend|leeg/],
      ['/proc/self/environ', /geen reservekopie|niet worden geopend|leeg/],
    ];
    for (const [bron, msg] of sources) {
      for (const method of ['trust.restore.check', 'trust.restore']) {
        const r = await t.core.invoke(method, method === 'trust.restore' ? { bron, bevestigd: true } : { bron });
        expect(r.ok, `${method} ${bron}`).toBe(false);
        if (!r.ok) expect(r.error.message, `${method} ${bron}`).toMatch(msg);
      }
    }
    expect(state()).toEqual(before);
  });
});
