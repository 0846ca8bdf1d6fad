// The board's figures (docs/BOARD.md) end to end on real databases: three schools export their
// signed figures, a fourth database (the board's copy) checks and merges them. The expected board
// totals below are worked out by hand from the three schools' data; then the guarantees: the file
// holds the yearly report's external cells, no name or typed text, any changed byte is refused
// with a Dutch message and nothing written, and a replaced key is refused until confirmed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { makeTestCore, type TestCore } from '../support/core';
import { loadYearFixture, FIXTURE_PEOPLE } from '../fixtures/reports/yearFixture';
import type { FileOut } from '../../src/shared/api/yearReports';
import type { Cell } from '../../src/shared/api/yearReports';

const MARKERS = {
  leerling: ['Quirijn', 'Zwavelstokje'],
  extern: ['Ottoline', 'Brakwaterveen'],
  omschrijving: 'Merkteken-Vlinderdas-omschrijving',
  melder: 'Merkteken-Kwispelmelder',
  categorie: 'Zwanenveer-categorie',
  antiPest: 'Hieronymus Klaverblaadje',
};

let a: TestCore;
let b: TestCore;
let c: TestCore;
let board: TestCore;
const files: Record<'a' | 'b' | 'c', FileOut> = {} as never;

const NOW = '2026-09-15T10:00:00Z';

async function incidents(
  t: TestCore,
  n: number,
  fields: {
    categorie: string;
    platform: 'instagram' | 'tiktok' | 'snapchat' | 'whatsapp';
    datum: string;
    betrokkenen?: { personId: number; rol: 'dader' | 'slachtoffer' }[];
  },
) {
  for (let i = 0; i < n; i++)
    await t.call('incidents.create', {
      datumVoorval: fields.datum,
      datumMelding: fields.datum,
      melderOmschrijving: MARKERS.melder,
      locatie: 'in_school',
      platform: fields.platform,
      categorie: fields.categorie,
      ernst: 'middel',
      omschrijving: `${MARKERS.omschrijving} ${i}`,
      betrokkenen: fields.betrokkenen ?? [],
    });
}

const asText = (f: FileOut) => Buffer.from(f.inhoudBase64, 'base64').toString('utf8');
const asFile = (name: string, f: FileOut | Buffer) => ({
  naam: name,
  inhoudBase64: Buffer.isBuffer(f) ? f.toString('base64') : f.inhoudBase64,
});
const all = () => [asFile(files.a.bestandsnaam, files.a), asFile(files.b.bestandsnaam, files.b), asFile(files.c.bestandsnaam, files.c)];

/** The number of audit entries and setting rows: what a refused merge must leave as it was. */
const written = (t: TestCore) => ({
  audit: (t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  settings: JSON.stringify(t.core.db.prepare('SELECT key, value FROM setting ORDER BY key').all()),
});

beforeAll(async () => {
  // School A: the hand-computed yearly report fixture (test/fixtures/reports/yearFixture.ts).
  a = makeTestCore();
  await loadYearFixture(a);
  await a.call('school.save', { naam: 'Basisschool De Linde', brin: '12AB', sector: 'PO', regio: 'midden', antiPestNaam: 'Anouk Willems' });

  // School B: 2025-2026 only; a small category, an own category and marker names and texts.
  b = makeTestCore({ now: NOW });
  await b.call('school.save', {
    naam: 'Het Stedelijk College',
    brin: '34CD',
    sector: 'VO',
    regio: 'noord',
    antiPestNaam: MARKERS.antiPest,
  });
  const q = await b.call('people.create', { soort: 'leerling', voornaam: MARKERS.leerling[0], achternaam: MARKERS.leerling[1] });
  const o = await b.call('people.create', { soort: 'extern', voornaam: MARKERS.extern[0], achternaam: MARKERS.extern[1] });
  const own = await b.call('categories.save', { label: MARKERS.categorie, actief: true });
  await incidents(b, 10, {
    categorie: 'pesten',
    platform: 'instagram',
    datum: '2025-10-06',
    betrokkenen: [{ personId: q.id, rol: 'dader' }],
  });
  await incidents(b, 6, {
    categorie: 'bedreiging',
    platform: 'tiktok',
    datum: '2025-10-07',
    betrokkenen: [{ personId: o.id, rol: 'slachtoffer' }],
  });
  await incidents(b, 3, { categorie: 'hacken', platform: 'snapchat', datum: '2025-10-08' });
  await incidents(b, 2, { categorie: own.code, platform: 'whatsapp', datum: '2025-10-09' });

  // School C: nothing small this year; a previous year to compare with.
  c = makeTestCore({ now: NOW });
  await c.call('school.save', { naam: 'Kindcentrum Noord', brin: '56EF', sector: 'PO', regio: 'zuid' });
  await incidents(c, 8, { categorie: 'pesten', platform: 'whatsapp', datum: '2025-11-03' });
  await incidents(c, 5, { categorie: 'kwetsen', platform: 'whatsapp', datum: '2025-11-04' });
  await incidents(c, 6, { categorie: 'pesten', platform: 'whatsapp', datum: '2025-02-03' });

  for (const [k, t] of [
    ['a', a],
    ['b', b],
    ['c', c],
  ] as const)
    files[k] = await t.call('reports.boardFigures', { schooljaar: '2025-2026' });
  board = makeTestCore({ now: '2026-10-01T09:00:00Z' });
}, 240_000);

afterAll(() => {
  for (const t of [a, b, c, board]) t?.cleanup();
});

describe('the export of a school', () => {
  it('is named after the school and year, and the key fingerprint the app shows is the one in the file', async () => {
    expect(files.a.bestandsnaam).toBe('basisschool-de-linde-cijfers-2025-2026.spcijfers.json');
    expect(files.b.bestandsnaam).toBe('het-stedelijk-college-cijfers-2025-2026.spcijfers.json');
    const key = await a.call('reports.boardKey', {});
    expect(key.vingerafdruk).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const check = await board.call('reports.boardCheck', { bestanden: all() });
    expect(check.map((x) => [x.school, x.brin, x.schooljaar, x.geldig, x.sleutel])).toEqual([
      ['Basisschool De Linde', '12AB', '2025-2026', true, 'nieuw'],
      ['Het Stedelijk College', '34CD', '2025-2026', true, 'nieuw'],
      ['Kindcentrum Noord', '56EF', '2025-2026', true, 'nieuw'],
    ]);
    expect(check[0].vingerafdruk).toBe(key.vingerafdruk);
    // A second export keeps the same key.
    const again = JSON.parse(asText(await a.call('reports.boardFigures', { schooljaar: '2025-2026' })));
    expect(again.publiekeSleutel).toBe(JSON.parse(asText(files.a)).publiekeSleutel);
  });

  it('holds exactly the cells of the yearly report’s version for outside the school', async () => {
    const figures = JSON.parse(asText(files.a));
    const report = await a.call('reports.year', { schooljaar: '2025-2026', extern: true });
    for (const t of report.tabellen) {
      const f = figures.tabellen.find((x: { key: string }) => x.key === t.key);
      expect(f.rijen.map((r: { key: string; huidig: Cell; vorig: Cell }) => [r.key, r.huidig, r.vorig])).toEqual(
        t.rows.map((r) => [r.key, r.huidig, r.vorig]),
      );
      expect(f.totaal).toEqual({ huidig: t.totaal.huidig, vorig: t.totaal.vorig });
    }
    expect(figures.meldingen).toEqual({ huidig: report.meldingen.huidig, vorig: report.meldingen.vorig });
    // The small category and its complementary cell are hidden in the file, as in the report.
    const cat = figures.tabellen.find((x: { key: string }) => x.key === 'categorie');
    expect(cat.rijen.find((r: { key: string }) => r.key === 'discriminatie').huidig).toEqual({
      waarde: null,
      tekst: '< 5',
      onderdrukt: 'klein',
    });
    expect(cat.rijen.find((r: { key: string }) => r.key === 'kwetsen').huidig).toEqual({
      waarde: null,
      tekst: 'x',
      onderdrukt: 'aanvullend',
    });
  });

  it('carries no name, no id and no text a user typed (marker names, descriptions, an own category’s label)', () => {
    for (const f of Object.values(files)) {
      const text = asText(f);
      for (const m of [
        ...MARKERS.leerling,
        ...MARKERS.extern,
        MARKERS.omschrijving,
        MARKERS.melder,
        MARKERS.categorie,
        MARKERS.antiPest,
        'Zwanenveer',
      ])
        expect(text).not.toContain(m);
      for (const p of [
        ...FIXTURE_PEOPLE.leerlingen.flat(),
        ...FIXTURE_PEOPLE.medewerker,
        ...FIXTURE_PEOPLE.ouder,
        ...FIXTURE_PEOPLE.extern,
        'Anouk',
        'Willems',
        'Voorval',
        'Mentor',
      ])
        expect(text).not.toContain(p);
      expect(text).not.toMatch(/"(id|personId|incidentId|naam_|omschrijving)"/i);
    }
    // B's own category travels as one row without its label, its 2 incidents suppressed.
    const cat = JSON.parse(asText(files.b)).tabellen.find((x: { key: string }) => x.key === 'categorie');
    expect(cat.rijen.find((r: { key: string }) => r.key === 'eigen')).toMatchObject({
      label: 'Eigen categorie van de school',
      huidig: { tekst: '< 5' },
    });
    expect(cat.rijen.some((r: { key: string }) => r.key.startsWith('zwanenveer'))).toBe(false);
  });

  it('keeps the private key in the database: not in the file, not in the audit trail', () => {
    const stored = JSON.parse((a.core.db.prepare("SELECT value FROM setting WHERE key = 'board'").get() as { value: string }).value);
    const prive = stored.sleutel.prive as string;
    expect(prive.length).toBeGreaterThan(40);
    expect(asText(files.a)).not.toContain(prive.slice(-40));
    const audit = a.core.db.prepare('SELECT before_json, after_json FROM audit_log').all() as {
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(audit.some((e) => `${e.before_json}${e.after_json}`.includes(prive.slice(-40)))).toBe(false);
    // What the audit trail does keep of it: the fingerprint.
    const keyEntry = audit.map((e) => e.after_json ?? '').find((j) => j.includes('vingerafdruk') && j.includes('gemaaktOp'));
    expect(keyEntry).toBeDefined();
  });

  it('refuses an export without a BRIN number, in Dutch', async () => {
    const t = makeTestCore({ now: NOW });
    try {
      await t.call('school.save', { naam: 'School zonder BRIN', sector: 'PO', regio: 'midden' });
      const r = await t.core.invoke('reports.boardFigures', { schooljaar: '2025-2026' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('BRIN-nummer');
    } finally {
      t.cleanup();
    }
  });
});

describe('the merge on the board’s copy', () => {
  let docx: FileOut;
  let xlsx: FileOut;

  beforeAll(async () => {
    const out = await board.call('reports.boardMerge', { bestanden: all() });
    docx = out.docx;
    xlsx = out.xlsx;
    expect(out.scholen).toBe(3);
    fs.mkdirSync('/tmp/board-out', { recursive: true });
    fs.writeFileSync(path.join('/tmp/board-out', docx.bestandsnaam), Buffer.from(docx.inhoudBase64, 'base64'));
    fs.writeFileSync(path.join('/tmp/board-out', xlsx.bestandsnaam), Buffer.from(xlsx.inhoudBase64, 'base64'));
  }, 120_000);

  const sheetRows = async (name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.inhoudBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('adds up the categories per school (hand-computed); a total over a hidden count is only "at least"', async () => {
    const rows = await sheetRows('Categorie');
    expect(rows[0]).toEqual([
      'Categorie',
      'Basisschool De Linde',
      'Het Stedelijk College',
      'Kindcentrum Noord',
      'Totaal 2025-2026',
      'Totaal 2024-2025',
      'Verandering',
    ]);
    const byLabel = new Map(rows.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(byLabel.get('(Digitaal) pesten')).toEqual([7, 10, 8, 25, 11, '+127%']);
    expect(byLabel.get('Bedreiging')).toEqual([0, 6, 0, 6, 5, '+20%']);
    // A's kwetsen is "x" (a shown count of at least 5 hidden next to a small one): the total is at least 5 + 5.
    expect(byLabel.get('Kwetsen/beledigen')).toEqual(['x', 0, 5, '≥ 10', 0, '–']);
    expect(byLabel.get('Discriminatie/racisme')).toEqual(['< 5', 0, 0, '≥ 1', 0, '–']);
    expect(byLabel.get('Hacken/accountmisbruik')).toEqual([0, '< 5', 0, '≥ 1', 0, '–']);
    expect(byLabel.get('Eigen categorie van de school')).toEqual([0, '< 5', 0, '≥ 1', 0, '–']);
    // B had no data in 2024-2025: it adds nothing to that year; A had 10 and C 6.
    expect(byLabel.get('Totaal')).toEqual([14, 21, 13, 48, 16, '+200%']);
  });

  it('every total of known cells equals their sum, and no total gives a suppressed cell away', async () => {
    for (const name of [
      'Categorie',
      'Platform',
      'Maand',
      'Ernst',
      'Plaats',
      'Open en afgesloten',
      'Maatregelen',
      'Maatregelen per categorie',
      'Instanties',
      'Verplichtingen',
    ]) {
      const rows = (await sheetRows(name)).slice(1);
      const body = rows.slice(0, -1);
      const totalRow = rows[rows.length - 1];
      for (const r of rows) {
        const schools = r.slice(1, 4);
        const total = r[4];
        if (schools.every((x) => typeof x === 'number'))
          expect(total, `${name} ${String(r[0])}`).toBe((schools as number[]).reduce((s, n) => s + n, 0));
        // A row with a suppressed cell never has a number as its total.
        else if (schools.some((x) => x === 'x' || String(x).startsWith('<')))
          expect(typeof total, `${name} ${String(r[0])}`).toBe('string');
      }
      // Per school: one hidden cell with a known column total would give it away.
      for (let s = 1; s <= 3; s++) {
        const hidden = body.filter((r) => typeof r[s] === 'string' && r[s] !== 'geen gegevens').length;
        if (typeof totalRow[s] === 'number') expect(hidden, `${name} school ${s}`).not.toBe(1);
      }
      // The board's column: one unknown row total next to a known grand total would give that row away.
      const openTotals = body.filter((r) => typeof r[4] === 'string' && r[4] !== 'geen gegevens').length;
      if (typeof totalRow[4] === 'number') expect(openTotals, name).not.toBe(1);
    }
  });

  it('writes a Word document with the schools, their fingerprints, charts and the explanation, and no name', async () => {
    const zip = await JSZip.loadAsync(Buffer.from(docx.inhoudBase64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'Bestuursrapportage socialemediaprotocol',
      'Basisschool De Linde',
      'Kindcentrum Noord',
      '≥ 10',
      'Over de weggelaten aantallen',
    ])
      expect(text).toContain(s);
    const key = await b.call('reports.boardKey', {});
    expect(text).toContain(key.vingerafdruk as string);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThan(3);
    for (const m of [...MARKERS.leerling, MARKERS.omschrijving, MARKERS.categorie, 'Sanne', 'Özdemir']) expect(text).not.toContain(m);
  });

  it('remembers each school’s key fingerprint and records the merge', () => {
    const pins = JSON.parse(
      (board.core.db.prepare("SELECT value FROM setting WHERE key = 'board.scholen'").get() as { value: string }).value,
    );
    expect(Object.keys(pins.scholen).sort()).toEqual(['12AB', '34CD', '56EF']);
    const n = (board.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'bestuursrapportage'").get() as { n: number }).n;
    expect(n).toBe(1);
  });
});

describe('what the board refuses', () => {
  const refused = async (bestanden: { naam: string; inhoudBase64: string }[], extra: { nieuweSleutelBevestigd?: string[] } = {}) => {
    const before = written(board);
    const r = await board.core.invoke('reports.boardMerge', { bestanden, ...extra });
    expect(r.ok).toBe(false);
    expect(written(board)).toEqual(before);
    return r.ok ? '' : r.error.message;
  };

  it('a count changed under the old signature, naming the file in Dutch; nothing is written', async () => {
    const text = asText(files.a);
    const changed = text.replace('"tekst": "7"', '"tekst": "8"').replace('"waarde": 7', '"waarde": 8');
    expect(changed).not.toBe(text);
    const msg = await refused([asFile('linde.spcijfers.json', Buffer.from(changed, 'utf8')), asFile(files.c.bestandsnaam, files.c)]);
    expect(msg).toContain('"linde.spcijfers.json"');
    expect(msg).toContain('veranderd of beschadigd');
    expect(msg).toContain('Er is niets samengevoegd.');
  });

  it('a file altered by any one byte (layout included)', async () => {
    const bytes = Buffer.from(files.b.inhoudBase64, 'base64');
    // A space of the indentation made a tab: the same JSON, not the bytes that were signed.
    const tab = Buffer.from(bytes);
    tab[tab.indexOf(Buffer.from('\n  "'), 0) + 1] = 0x09;
    expect(await refused([asFile('b.spcijfers.json', tab)])).toContain('"b.spcijfers.json" is na het maken veranderd');
    // One byte at 40 positions spread over the file, each changed on its own.
    const check = [];
    for (let k = 0; k < 40; k++) {
      const pos = Math.floor(((k + 0.5) / 40) * bytes.length);
      const copy = Buffer.from(bytes);
      copy[pos] = copy[pos] === 0x31 ? 0x32 : copy[pos] ^ 0x01;
      check.push(asFile(`stuk-${k}.spcijfers.json`, copy));
    }
    const result = await board.call('reports.boardCheck', { bestanden: check });
    expect(result.filter((x) => x.geldig).map((x) => x.bestandsnaam)).toEqual([]);
    for (const x of result) expect(x.melding).toContain(`"${x.bestandsnaam}"`);
  });

  it('the same school and year twice, and files of different school years', async () => {
    expect(await refused([asFile('een.spcijfers.json', files.a), asFile('twee.spcijfers.json', files.a)])).toContain('dezelfde school');
    const older = await c.call('reports.boardFigures', { schooljaar: '2024-2025' });
    expect(await refused([asFile(files.a.bestandsnaam, files.a), asFile('noord-oud.spcijfers.json', older)])).toContain(
      'schooljaar 2024-2025',
    );
  });

  it('a school whose key was replaced, until the board confirms it', async () => {
    // School C loses its key (a new computer without its database): the next export has a new one.
    c.core.db.prepare("DELETE FROM setting WHERE key = 'board'").run();
    const fresh = await c.call('reports.boardFigures', { schooljaar: '2025-2026' });
    const check = await board.call('reports.boardCheck', { bestanden: [asFile('noord.spcijfers.json', fresh)] });
    expect(check[0].sleutel).toBe('anders');
    expect(check[0].eerdereVingerafdruk).not.toBe(check[0].vingerafdruk);
    const msg = await refused([asFile(files.a.bestandsnaam, files.a), asFile('noord.spcijfers.json', fresh)]);
    expect(msg).toContain('"noord.spcijfers.json"');
    expect(msg).toContain('andere sleutel');
    const ok = await board.call('reports.boardMerge', {
      bestanden: [asFile('noord.spcijfers.json', fresh)],
      nieuweSleutelBevestigd: ['56EF'],
    });
    expect(ok.scholen).toBe(1);
    const again = await board.call('reports.boardCheck', { bestanden: [asFile('noord.spcijfers.json', fresh)] });
    expect(again[0].sleutel).toBe('bekend');
  });

  it('a file that is not a figures file', async () => {
    expect(await refused([asFile('brief.spcijfers.json', Buffer.from('hallo'))])).toContain('geen cijferbestand');
  });
});
