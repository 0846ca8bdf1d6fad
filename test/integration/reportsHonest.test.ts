// Honest figures: obligations judged with the open and overdue ones counted as late, the real
// numbers inside the school and suppression only in the version that leaves it ("extern"), "geen
// gegevens" for a year without any record, measures per category, handling times, the generated
// analysis, last year's evaluation actions, the name scrubber and the .docx layout. Every expected
// value below is counted by hand from the records made in beforeAll.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import JSZip from 'jszip';
import { makeTestCore, type TestCore } from '../support/core';
import type { FigureTable, YearReport } from '../../src/shared/api/yearReports';
import type { IncidentInput } from '../../src/shared/api/incidents';

let t: TestCore;
let intern: YearReport;
let extern: YearReport;

const tab = (r: YearReport, key: FigureTable['key']) => r.tabellen.find((x) => x.key === key) as FigureTable;
const rows = (r: YearReport, key: FigureTable['key']) =>
  [...tab(r, key).rows, tab(r, key).totaal].map((x) => [x.label, x.huidig.tekst, x.vorig.tekst, x.verandering]);

async function docXml(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}
/** The document's text, paragraph by paragraph. */
const textOf = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  t = makeTestCore({ now: '2025-09-01T08:00:00Z' });
  await t.call('school.save', { naam: 'Basisschool Het Anker', sector: 'PO', regio: 'noord', antiPestNaam: 'Marloes Kok' });
  const jan = (await t.call('people.create', { soort: 'leerling', voornaam: 'Jan', tussenvoegsel: 'van der', achternaam: 'Meer' })).id;
  const sanne = (await t.call('people.create', { soort: 'leerling', voornaam: 'Sanne', achternaam: 'Bakker' })).id;
  await t.call('people.create', { soort: 'ouder', voornaam: 'Fenna', achternaam: 'Özdemir' });

  const base = (datum: string, categorie: string, personId: number): IncidentInput => ({
    datumVoorval: datum,
    datumMelding: datum,
    melderOmschrijving: 'Mentor',
    locatie: 'buiten_school',
    platform: 'whatsapp',
    categorie,
    ernst: 'laag',
    omschrijving: 'Voorval in een groepsapp.',
    betrokkenen: [{ personId, rol: 'dader' }],
  });
  // A: reported 1 September, closed late on 8 September (23:30 UTC = 9 September in the Netherlands): 8 days.
  const a = base('2025-09-01', 'pesten', jan);
  const A = await t.call('incidents.create', a);
  t.setNow('2025-09-08T23:30:00Z');
  await t.call('incidents.update', { ...a, id: A.id, status: 'afgesloten' });
  // B: reported 30 December, closed 2 January (3 days), reopened and closed again on 12 January: 13 days.
  t.setNow('2025-12-30T09:00:00Z');
  const b = base('2025-12-30', 'pesten', sanne);
  const B = await t.call('incidents.create', b);
  t.setNow('2026-01-02T09:00:00Z');
  await t.call('incidents.update', { ...b, id: B.id, status: 'afgesloten' });
  t.setNow('2026-01-05T09:00:00Z');
  await t.call('incidents.update', { ...b, id: B.id, status: 'in_onderzoek' });
  t.setNow('2026-01-12T09:00:00Z');
  await t.call('incidents.update', { ...b, id: B.id, status: 'afgesloten' });
  // C: still open. D: entered already closed, so its closing day is unknown: no handling time.
  t.setNow('2026-02-27T09:00:00Z');
  const C = await t.call('incidents.create', base('2026-02-27', 'kwetsen', sanne));
  await t.call('incidents.create', { ...base('2026-01-31', 'pesten', jan), status: 'afgesloten' });

  await t.call('measures.create', { personId: jan, incidentId: A.id, soort: 'gesprek', besluitDatum: '2025-09-03', status: 'uitgevoerd' });
  await t.call('measures.create', {
    personId: sanne,
    incidentId: C.id,
    soort: 'gesprek',
    besluitDatum: '2026-03-02',
    status: 'uitgevoerd',
  });
  await t.call('measures.create', {
    personId: sanne,
    incidentId: C.id,
    soort: 'waarschuwing',
    besluitDatum: '2026-03-02',
    status: 'besloten',
  });
  await t.call('measures.create', { personId: sanne, soort: 'gesprek', besluitDatum: '2026-03-09', status: 'uitgevoerd' });

  const db = t.core.db;
  db.prepare('DELETE FROM obligation').run();
  const ins = db.prepare(
    `INSERT INTO obligation (bron, bron_id, regel, sleutel, titel, grondslag, actor, uiterlijk, te_laat_vanaf, status, gedaan_op, created_at, updated_at)
     VALUES ('melding', 1, 'test', ?, 'Testverplichting', 'Test', 'school', ?, ?, ?, ?, 'x', 'x')`,
  );
  for (let k = 0; k < 7; k++) ins.run(`optijd${k}`, '2025-10-10', '2025-10-14', 'gedaan', '2025-10-13');
  // Term ends on 31 December: done on 1 January is a day late.
  ins.run('oudjaar', '2025-12-31', null, 'gedaan', '2026-01-01');
  for (let k = 0; k < 3; k++) ins.run(`open${k}`, '2026-01-09', '2026-01-12', 'open', null);
  // Its last day was yesterday (Sunday 14 June): late from today.
  ins.run('gisteren', '2026-06-14', null, 'open', null);
  ins.run('loopt', '2026-07-01', null, 'open', null);

  t.setNow('2026-06-15T09:00:00Z');
  intern = await t.call('reports.year', { schooljaar: '2025-2026' });
  extern = await t.call('reports.year', { schooljaar: '2025-2026', extern: true });
}, 120_000);
afterAll(() => t?.cleanup());

describe('obligations, judged honestly', () => {
  it('counts open obligations past their term as late; the % only over what can be judged', () => {
    expect(intern.tijdigheid).toEqual({ opTijd: 7, teLaat: 1, openTeLaat: 4, openBinnenTermijn: 1, percentage: '58%' });
    expect(intern.samenvatting).toContain(
      'Van de 12 wettelijke verplichtingen waarvan de termijn voorbij is: 7 op tijd afgehandeld (58%), 1 te laat afgehandeld en 4 nog open terwijl de termijn verstreken is. Nog binnen de termijn: 1.',
    );
  });
  it('never suppresses them, also not in the version for outside the school: they are about the school', () => {
    expect(rows(extern, 'verplichtingen')).toEqual([
      ['Op tijd afgehandeld', '7', 'geen gegevens', '–'],
      ['Te laat afgehandeld', '1', 'geen gegevens', '–'],
      ['Nog open, termijn verstreken', '4', 'geen gegevens', '–'],
      ['Nog open, binnen de termijn', '1', 'geen gegevens', '–'],
      ['Totaal', '13', 'geen gegevens', '–'],
    ]);
    expect(extern.tijdigheid.percentage).toBe('58%');
  });
});

describe('real numbers inside, suppression outside', () => {
  it('shows the real counts in the app and the internal report', () => {
    expect(intern.extern).toBe(false);
    expect([intern.meldingen.huidig.tekst, intern.meldingen.vorig.tekst, intern.meldingen.verandering]).toEqual([
      '4',
      'geen gegevens',
      '–',
    ]);
    expect(tab(intern, 'categorie').rows.find((x) => x.key === 'pesten')?.huidig).toEqual({ waarde: 3, tekst: '3', onderdrukt: null });
  });
  it('suppresses small counts about people only in the extern version', () => {
    expect(extern.extern).toBe(true);
    expect(extern.meldingen.huidig).toEqual({ waarde: null, tekst: '< 5', onderdrukt: 'klein' });
    expect(tab(extern, 'categorie').rows.find((x) => x.key === 'pesten')?.huidig.tekst).toBe('< 5');
  });
  it('says "geen gegevens" for a year without any record, never "0" or "nieuw"', () => {
    for (const tb of intern.tabellen)
      for (const row of [...tb.rows, tb.totaal]) {
        expect(row.vorig.tekst, `${tb.key} ${row.key}`).toBe('geen gegevens');
        expect(row.verandering).not.toBe('nieuw');
      }
    expect(intern.vorigJaarGegevens).toBe(false);
  });
});

describe('new figures', () => {
  it('measures per category of their incident, and the one without an incident', () => {
    expect(rows(intern, 'maatregelCategorie')).toEqual([
      ['(Digitaal) pesten', '1', 'geen gegevens', '–'],
      ['Kwetsen/beledigen', '2', 'geen gegevens', '–'],
      ['Zonder melding', '1', 'geen gegevens', '–'],
      ['Totaal', '4', 'geen gegevens', '–'],
    ]);
  });
  it('open and closed incidents, and handling times from report to the last closing (Dutch days)', () => {
    expect(rows(intern, 'status').map((r) => r.slice(0, 2))).toEqual([
      ['Nog open', '1'],
      ['Afgesloten', '3'],
      ['Totaal', '4'],
    ]);
    // 8 and 13 days (D has no known closing day): median 10.5 → 11, longest 13.
    expect(intern.doorlooptijd).toEqual({ afgehandeld: { waarde: 2, tekst: '2', onderdrukt: null }, mediaanDagen: 11, langsteDagen: 13 });
    // Two durations would point at the incidents behind them outside the school.
    expect(extern.doorlooptijd).toEqual({
      afgehandeld: { waarde: null, tekst: '< 5', onderdrukt: 'klein' },
      mediaanDagen: null,
      langsteDagen: null,
    });
  });
  it('writes a short analysis from the figures only', () => {
    expect(intern.analyse).toEqual([
      'Er waren 4 meldingen; over 2024-2025 zijn geen gegevens, dus een vergelijking is niet mogelijk.',
      'De grootste categorie was (digitaal) pesten: 3 van de 4 meldingen (75%).',
      'Van de 12 wettelijke verplichtingen waarvan de termijn voorbij is: 7 op tijd afgehandeld (58%), 1 te laat afgehandeld en 4 nog open terwijl de termijn verstreken is. Nog binnen de termijn: 1.',
      'Een afgesloten melding was in de helft van de gevallen binnen 11 dagen afgehandeld; de langste duurde 13 dagen. 1 melding staat nog open.',
    ]);
    // Outside the school no suppressed count is named.
    expect(extern.analyse[0]).toBe('In schooljaar 2025-2026 waren er minder dan 5 meldingen.');
    expect(extern.analyse.join(' ')).not.toMatch(/\b[234] (van de|meldingen)|11 dagen|13 dagen/);
  });
});

describe('the documents', () => {
  it('the extern report shows suppressed counts visibly and keeps the chart; the internal one the real numbers', async () => {
    const extXml = await docXml((await t.call('reports.yearDocx', { schooljaar: '2025-2026', extern: true })).inhoudBase64);
    const ext = textOf(extXml);
    expect(ext).toContain('Versie voor buiten de school.');
    expect(ext).toMatch(/\(Digitaal\) pesten\n< 5\ngeen gegevens\n–/);
    const file = await t.call('reports.yearDocx', { schooljaar: '2025-2026' });
    expect(file.bestandsnaam).toBe('jaarverslag-socialemediaprotocol-2025-2026.docx');
    const xml = await docXml(file.inhoudBase64);
    const int = textOf(xml);
    // Every chart of the internal report is there in the extern one too, with "< 5" instead of bars.
    const charts = (x: string) => x.match(/<pic:pic\b/g)?.length ?? 0;
    expect(charts(xml)).toBe(7);
    expect(charts(extXml)).toBe(7);
    expect(int).toContain('Interne versie, alleen voor de school');
    expect(int).toMatch(/\(Digitaal\) pesten\n3\ngeen gegevens\n–/);
    expect(int).toContain('de helft binnen 11 dagen (mediaan), de langste 13 dagen');
    // Fixed column widths; a table's header row and first rows keep with the next, so the heading
    // above (itself "keep with next") never ends a page without its table.
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(10);
    for (const tbl of tables) {
      const tr = tbl.split('</w:tbl>')[0].split('<w:tr>').slice(1);
      expect(tr.slice(0, Math.min(3, tr.length - 1)).every((r) => r.includes('<w:keepNext/>'))).toBe(true);
    }
    // No column narrower than its longest word (and "geen gegevens" on one line): the Dutch table
    // headers fit at 11 pt (22 half-points), an average character being half an em (110 twips).
    for (const tbl of tables) {
      const widths = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const firstRow = tbl.split('<w:tr>')[1] ?? '';
      const texts = [...firstRow.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
      texts.forEach((t, i) => {
        const longest = Math.max(...t.split(' ').map((w) => w.length));
        expect(widths[i], `column "${t}"`).toBeGreaterThanOrEqual(longest * 110);
      });
    }
  });

  it('scrubs people of the database as the search finds them, and leaves ordinary words alone', async () => {
    t.setNow('2025-11-10T09:00:00Z');
    const earlier = await t.call('evaluations.plan', {
      datum: '2025-11-10',
      tijdStart: '15:30',
      tijdEind: '17:00',
      evaluatieSchooljaar: '2024-2025',
      deelnemers: [{ naam: 'Marloes Kok', rol: 'anti_pestcoordinator' }],
    });
    await t.call('evaluations.record', {
      id: earlier.id,
      notulen: 'Overleg.',
      acties: [
        { omschrijving: 'Meer aandacht voor groepsapps', eigenaar: 'Marloes Kok', deadline: '2026-02-28' },
        { omschrijving: 'Gesprek met ozdemir over Sanne’s account', eigenaar: 'Mentor', deadline: '2026-12-31' },
        { omschrijving: 'Brief aan ouders van J. van der Meer', eigenaar: 'Directie', deadline: '2026-01-31' },
      ],
    });
    const acties = (await t.call('evaluations.get', { id: earlier.id })).acties;
    await t.call('evaluations.setActionStatus', { actionId: acties[2].id, status: 'gedaan' });
    t.setNow('2026-06-15T09:00:00Z');
    const e = await t.call('evaluations.plan', {
      datum: '2026-10-05',
      tijdStart: '15:30',
      tijdEind: '17:00',
      evaluatieSchooljaar: '2025-2026',
      agenda: 'Meer aandacht voor Bakkers en Kok',
      deelnemers: [{ naam: 'Marloes Kok', rol: 'anti_pestcoordinator' }],
    });
    const text = textOf(await docXml((await t.call('reports.evaluationPack', { evaluationId: e.id })).inhoudBase64));
    expect(text).toContain('Meer aandacht voor groepsapps');
    expect(text).toContain('Gesprek met [naam] over [naam] account');
    expect(text).toContain('Brief aan ouders van J. [naam]');
    // "Bakkers" is Sanne Bakker's possessive; "Kok" alone is not a person in the database.
    expect(text).toContain('Meer aandacht voor [naam] en Kok');
    for (const n of ['Sanne', 'Özdemir', 'ozdemir', 'Marloes']) expect(text).not.toContain(n);
    // Last year's actions with where they stand: overdue, open within its deadline, done.
    expect(text).toMatch(/Meer aandacht voor groepsapps\nAnti-pestcoördinator\n28-02-2026\n10-11-2025\nTe laat: deadline verstreken/);
    expect(text).toMatch(/account\nMentor\n31-12-2026\n10-11-2025\nOpen/);
    expect(text).toMatch(/van J\. \[naam\]\nDirectie\n31-01-2026\n10-11-2025\nGedaan op 10-11-2025/);
    expect(text).toContain('1 van de 3 acties is gedaan; 1 staat nog open terwijl de deadline verstreken is.');
  });
});
