// Grid exports through the real core: the same filters as the grids, CSV bytes for Dutch Excel,
// an .xlsx that exceljs reads back with real dates, and an audit entry for every export.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestCore, type TestCore } from '../support/core';
import { loadYearFixture } from '../fixtures/reports/yearFixture';

let t: TestCore;
beforeAll(async () => {
  t = makeTestCore();
  await loadYearFixture(t);
}, 120_000);
afterAll(() => t?.cleanup());

const csvLines = (b64: string) =>
  Buffer.from(b64, 'base64')
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');

describe('exporting the incidents grid', () => {
  it('writes CSV with a BOM, semicolons and Dutch dates, with the grid’s filter and sort', async () => {
    const file = await t.call('exports.incidents', {
      format: 'csv',
      filter: { schooljaar: '2025-2026', categorie: ['discriminatie'] },
      sort: { field: 'datumVoorval', dir: 'asc' },
    });
    expect(file.bestandsnaam).toBe('meldingen-2025-2026-20260915.csv');
    expect(file.mime).toBe('text/csv;charset=utf-8');
    const bytes = Buffer.from(file.inhoudBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(file.inhoudBase64);
    expect(lines[0]).toBe(
      'Nummer;Datum voorval;Datum melding;Schooljaar;Categorie;Platform;Plaats;Ernst;Status;Daders;Slachtoffers;Maatregelen;Omschrijving',
    );
    expect(lines.length).toBe(4); // header, 2 rows, trailing empty
    const cells = lines[1].split(';');
    expect(cells.slice(1, 12)).toEqual([
      '15-11-2025',
      '15-11-2025',
      '2025-2026',
      'Discriminatie/racisme',
      'Instagram',
      'Buiten school, schoolgerelateerd',
      'Hoog',
      'Open',
      'Levi Bos, Yara Vos',
      '',
      '0',
    ]);
    expect(lines[2].split(';')[9]).toBe('Sem Peters, Ruben Dekker');
  });

  it('writes .xlsx with real dates and numbers', async () => {
    const file = await t.call('exports.incidents', {
      format: 'xlsx',
      filter: { schooljaar: '2024-2025' },
      sort: { field: 'datumVoorval', dir: 'asc' },
    });
    expect(file.bestandsnaam).toBe('meldingen-2024-2025-20260915.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.inhoudBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Meldingen');
    expect(ws?.rowCount).toBe(11);
    const first = ws?.getRow(2);
    expect(first?.getCell(2).value).toEqual(new Date(Date.UTC(2025, 2, 3)));
    expect(first?.getCell(2).numFmt).toBe('dd-mm-yyyy');
    expect(first?.getCell(5).value).toBe('(Digitaal) pesten');
    expect(first?.getCell(12).value).toBe(0);
    expect(ws?.getRow(1).font?.bold).toBe(true);
  });

  it('applies the quick search like the grid and refuses an empty result', async () => {
    const file = await t.call('exports.incidents', { format: 'csv', search: 'Dekker' });
    expect(csvLines(file.inhoudBase64).length).toBe(3);
    const none = await t.core.invoke('exports.incidents', { format: 'csv', filter: { schooljaar: '2019-2020' } });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.code).toBe('NIET_GEVONDEN');
  });

  it('records every export in the audit trail', async () => {
    const before = (await t.call('audit.forRecord', { entity: 'export', entityId: 'meldingen' })).length;
    await t.call('exports.incidents', { format: 'csv', filter: { ernst: ['hoog'] } });
    const audit = await t.call('audit.forRecord', { entity: 'export', entityId: 'meldingen' });
    expect(audit.length).toBe(before + 1);
    expect(audit[0].action).toBe('geexporteerd');
    expect(audit[0].after).toMatchObject({ format: 'csv', aantalRijen: 3, filter: { filter: { ernst: ['hoog'] } } });
  });
});

describe('exporting the people grid', () => {
  it('exports the filtered people as CSV and .xlsx', async () => {
    const csv = await t.call('exports.people', { format: 'csv', soort: ['medewerker', 'ouder', 'extern'] });
    const lines = csvLines(csv.inhoudBase64);
    expect(lines[0]).toBe('Naam;Soort;Groep/klas;Leerlingnummer;Functie;Geboortedatum;E-mail;Uitgeschreven op;Meldingen');
    expect(lines.slice(1, -1).map((l) => l.split(';').slice(0, 2))).toEqual([
      ['Ruben Dekker', 'Extern'],
      ['Mohamed El Amrani', 'Ouder/verzorger'],
      ['Karin Hendriks', 'Medewerker'],
    ]);
    const xlsx = await t.call('exports.people', { format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.inhoudBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Personen')?.rowCount).toBe(15);
    const audit = await t.call('audit.forRecord', { entity: 'export', entityId: 'personen' });
    expect(audit.length).toBe(2);
  });
});

describe('exporting more rows than one grid page', () => {
  it('pages through every row in the grid’s order (keyset cursor)', async () => {
    const big = makeTestCore({ now: '2026-09-15T10:00:00Z' });
    try {
      await big.call('school.save', { naam: 'Groot', sector: 'VO', regio: 'noord' });
      for (let i = 0; i < 1030; i++) {
        const d = new Date(Date.UTC(2025, 8, 1) + (i % 120) * 86_400_000).toISOString().slice(0, 10);
        await big.call('incidents.create', {
          datumVoorval: d,
          datumMelding: d,
          locatie: 'in_school',
          platform: 'tiktok',
          categorie: 'les',
          ernst: 'laag',
          omschrijving: `Voorval ${i}`,
        });
      }
      const file = await big.call('exports.incidents', { format: 'csv', sort: { field: 'nummer', dir: 'asc' } });
      const rows = csvLines(file.inhoudBase64).slice(1, -1);
      expect(rows.length).toBe(1030);
      const numbers = rows.map((l) => l.split(';')[0]);
      expect(new Set(numbers).size).toBe(1030);
      expect(numbers.slice(0, 2)).toEqual(['M2025-0001', 'M2025-0002']);
      expect(numbers.at(-1)).toBe('M2025-1030');
    } finally {
      big.cleanup();
    }
  }, 120_000);
});
