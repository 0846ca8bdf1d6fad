// Roster imports against a real encrypted database: dry run, apply in one transaction, re-import
// changes nothing, leavers are marked (never deleted), guardians are created and linked, every
// problem has its file line, broken files are refused and nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { RosterInput, RosterVeld } from '../../src/shared/api/imports';

const FIX = path.join(import.meta.dirname, '../fixtures/imports');
const bestand = (rel: string) => ({ naam: path.basename(rel), inhoud: fs.readFileSync(path.join(FIX, rel)).toString('base64') });

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const count = (sql: string, ...args: unknown[]) => (t.core.db.prepare(sql).get(...args) as { n: number }).n;
const persons = () => count('SELECT count(*) AS n FROM person');
const audits = () => count('SELECT count(*) AS n FROM audit_log');
const runs = () => count('SELECT count(*) AS n FROM import_run');
const person = (leerlingnummer: string) =>
  t.core.db.prepare('SELECT * FROM person WHERE leerlingnummer = ?').get(leerlingnummer) as Record<string, unknown>;

async function refused(method: 'imports.roster.preview' | 'imports.roster.dryRun' | 'imports.roster.apply', input: RosterInput) {
  const before = [persons(), audits(), runs()];
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  expect([persons(), audits(), runs()]).toEqual(before);
  return r.error;
}

describe('a Magister export (Windows-1252, leading zeros)', () => {
  it('previews with the detected encoding, delimiter, kind, source and mapping', async () => {
    const p = await t.call('imports.roster.preview', { bestand: bestand('rosters/magister-leerlingen.csv') });
    expect([p.formaat, p.codering, p.scheidingsteken, p.soort, p.voorgesteldeBronNaam, p.kopRegel, p.aantalRijen]).toEqual([
      'csv',
      'windows-1252',
      ';',
      'leerlingen',
      'Magister',
      1,
      6,
    ]);
    expect(p.kolommen.map((k) => [k.kop, k.veld])).toEqual([
      ['STAMNR', 'leerlingnummer'],
      ['ROEPNAAM', 'roepnaam'],
      ['TUSSENVOEG', 'tussenvoegsel'],
      ['ACHTERNAAM', 'achternaam'],
      ['GEB_DATUM', 'geboortedatum'],
      ['KLAS', 'groep'],
      ['EMAIL', 'email'],
    ]);
    expect(p.kolommen[3].voorbeelden).toEqual(['Özdemir', 'Dijk', 'Vries', 'El Amrani', 'Berg']);
    expect(p.voorbeeldRegels[1]).toEqual({
      regel: 3,
      cellen: ['000124', 'Chloë', 'van', 'Dijk', '2-9-2011', '2A', 'chloe.vandijk@leerling.example.nl'],
    });
  });

  it('dry run, apply, re-import unchanged; the next export updates, adds and marks a leaver', async () => {
    const input = { bestand: bestand('rosters/magister-leerlingen.csv'), volledig: true };
    const before = [persons(), audits()];
    const plan = await t.call('imports.roster.dryRun', input);
    expect([persons(), audits()]).toEqual(before); // a dry run writes nothing
    expect(plan.aanmaken.map((a) => [a.regel, a.sleutel, a.naam, a.groep])).toEqual([
      [2, '123', 'Emre Özdemir', '2A'],
      [3, '124', 'Chloë van Dijk', '2A'],
      [4, '125', 'Daan de Vries', '2B'],
      [5, '126', 'Fatima El Amrani', '2B'],
      [6, '127', 'Noah van der Berg', '2A'],
      [7, '128', 'Sanne Jansen', '3A'],
    ]);
    expect(plan.problemen).toEqual([]);
    expect(plan.kanToepassen).toBe(true);

    const applied = await t.call('imports.roster.apply', input);
    expect(applied.totalen).toMatchObject({ rijen: 6, aanmaken: 6, bijwerken: 0, ongewijzigd: 0, uitschrijven: 0 });
    const emre = person('123');
    expect(emre).toMatchObject({
      soort: 'leerling',
      voornaam: 'Emre',
      roepnaam: 'Emre',
      tussenvoegsel: null,
      achternaam: 'Özdemir',
      geboortedatum: '2011-03-14',
      groep: '2A',
      email: 'emre.ozdemir@leerling.example.nl',
      uitgeschreven_op: null,
      zoeknaam: 'emre ozdemir',
    });
    expect(person('124')).toMatchObject({
      roepnaam: 'Chloë',
      tussenvoegsel: 'van',
      achternaam: 'Dijk',
      geboortedatum: '2011-09-02',
      zoeknaam: 'chloe van dijk',
    });
    // Every person written is in the audit trail, with the import run and the remembered mapping.
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'persoon' AND action = 'aangemaakt'")).toBe(6);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'import' AND action = 'rooster_ingelezen'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'importbron' AND action = 'aangemaakt'")).toBe(1);
    // People imports leave the incident search index alone.
    expect(count('SELECT count(*) AS n FROM incident_fts')).toBe(0);

    // The same file again: nothing changes.
    const again = await t.call('imports.roster.apply', input);
    expect(again.totalen).toMatchObject({
      aanmaken: 0,
      bijwerken: 0,
      ongewijzigd: 6,
      uitschrijven: 0,
      oudersAanmaken: 0,
      oudersKoppelen: 0,
    });
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'persoon'")).toBe(6);

    // A later export: numbers without leading zeros, Daan moved to 3B and got an e-mail address,
    // Zoë is new, Sanne is no longer in it.
    t.setNow('2027-01-11');
    const later = { bestand: bestand('rosters/magister-leerlingen-later.csv'), volledig: true };
    const plan2 = await t.call('imports.roster.dryRun', later);
    expect(plan2.aanmaken.map((a) => [a.regel, a.sleutel, a.naam])).toEqual([[7, '131', 'Zoë Bakker']]);
    expect(plan2.bijwerken).toEqual([
      {
        regel: 4,
        personId: person('125').id,
        soort: 'leerling',
        sleutel: '125',
        naam: 'Daan de Vries',
        wijzigingen: [
          { veld: 'groep', oud: '2B', nieuw: '3B' },
          { veld: 'email', oud: null, nieuw: 'daan.devries@leerling.example.nl' },
        ],
      },
    ]);
    expect(plan2.uitschrijven).toEqual([
      { personId: person('128').id, soort: 'leerling', sleutel: '128', naam: 'Sanne Jansen', groep: '3A' },
    ]);
    expect(plan2.totalen).toMatchObject({ aanmaken: 1, bijwerken: 1, ongewijzigd: 4, uitschrijven: 1 });
    await t.call('imports.roster.apply', later);
    expect(person('128')).toMatchObject({ uitgeschreven_op: '2027-01-11', achternaam: 'Jansen' }); // marked, never deleted
    expect(person('125')).toMatchObject({ groep: '3B', email: 'daan.devries@leerling.example.nl' });
    expect(persons()).toBe(7);
    const again2 = await t.call('imports.roster.apply', later);
    expect(again2.totalen).toMatchObject({ aanmaken: 0, bijwerken: 0, ongewijzigd: 6, uitschrijven: 0 });

    // Sanne back in a later complete export: enrolled again (a partial list would not say so).
    const partial = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/magister-leerlingen.csv') });
    expect(partial.bijwerken.find((b) => b.sleutel === '128')).toBeUndefined();
    const back = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/magister-leerlingen.csv'), volledig: true });
    expect(back.bijwerken.find((b) => b.sleutel === '128')?.wijzigingen).toEqual([
      { veld: 'uitgeschrevenOp', oud: '2027-01-11', nieuw: null },
    ]);
  });

  it('matches a number typed by hand with leading zeros, and leaves that number as it is', async () => {
    const typed = await t.call('people.create', {
      soort: 'leerling',
      voornaam: 'Emre',
      achternaam: 'Özdemir',
      leerlingnummer: '00123',
      groep: '1A',
    });
    const plan = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/magister-leerlingen.csv') });
    expect(plan.bijwerken.find((b) => b.personId === typed.id)?.wijzigingen).toEqual([
      { veld: 'roepnaam', oud: null, nieuw: 'Emre' },
      { veld: 'geboortedatum', oud: null, nieuw: '2011-03-14' },
      { veld: 'groep', oud: '1A', nieuw: '2A' },
      { veld: 'email', oud: null, nieuw: 'emre.ozdemir@leerling.example.nl' },
    ]);
    await t.call('imports.roster.apply', { bestand: bestand('rosters/magister-leerlingen.csv') });
    expect((await t.call('people.get', { id: typed.id })).leerlingnummer).toBe('00123');
    expect(persons()).toBe(6);
  });

  it('never matches on name alone, and leaves pupils without a number alone in a full import', async () => {
    const noNumber = await t.call('people.create', { soort: 'leerling', voornaam: 'Chloë', tussenvoegsel: 'van', achternaam: 'Dijk' });
    const plan = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/magister-leerlingen.csv'), volledig: true });
    expect(plan.aanmaken.map((a) => a.naam)).toContain('Chloë van Dijk');
    expect(plan.uitschrijven).toEqual([]);
    await t.call('imports.roster.apply', { bestand: bestand('rosters/magister-leerlingen.csv'), volledig: true });
    expect((await t.call('people.get', { id: noNumber.id })).uitgeschrevenOp).toBeNull();
  });
});

describe('problems with their file lines', () => {
  it('lists every problem with its line and a Dutch explanation; apply refuses until errors are skipped', async () => {
    const input = { bestand: bestand('rosters/magister-fouten.csv') };
    const plan = await t.call('imports.roster.dryRun', input);
    expect(plan.problemen).toEqual([
      {
        regel: 3,
        ernst: 'fout',
        veld: 'leerlingnummer',
        melding:
          'Het leerlingnummer ontbreekt. Zonder leerlingnummer (of ECK-iD) kan deze leerling niet veilig worden herkend; de regel wordt overgeslagen.',
      },
      {
        regel: 4,
        ernst: 'waarschuwing',
        veld: 'geboortedatum',
        melding:
          'De geboortedatum "31-02-2012" is geen datum die we kunnen lezen (gebruik dd-mm-jjjj, zoals 21-06-2012); die wordt niet ingelezen.',
      },
      {
        regel: 5,
        ernst: 'waarschuwing',
        veld: 'email',
        melding: 'Het e-mailadres "geen-mailadres" is geen geldig e-mailadres; het wordt niet ingelezen.',
      },
      {
        regel: 5,
        ernst: 'waarschuwing',
        veld: 'geboortedatum',
        melding:
          'De geboortedatum "2012/05/06" is geen datum die we kunnen lezen (gebruik dd-mm-jjjj, zoals 21-06-2012); die wordt niet ingelezen.',
      },
      {
        regel: 6,
        ernst: 'fout',
        veld: 'leerlingnummer',
        melding:
          'Leerlingnummer 205 staat meer dan eens in het bestand (ook op regel 7). Welke regel klopt, is niet te zeggen; deze regel wordt overgeslagen.',
      },
      {
        regel: 7,
        ernst: 'fout',
        veld: 'leerlingnummer',
        melding:
          'Leerlingnummer 205 staat meer dan eens in het bestand (ook op regel 6). Welke regel klopt, is niet te zeggen; deze regel wordt overgeslagen.',
      },
      {
        regel: 8,
        ernst: 'fout',
        veld: 'achternaam',
        melding:
          'Leerling 207 (Milan) is nieuw, maar de achternaam ontbreekt in het bestand. Zet in de export de volledige naam aan; deze regel wordt overgeslagen.',
      },
      {
        regel: 9,
        ernst: 'waarschuwing',
        veld: 'geboortedatum',
        melding: 'De geboortedatum 2040-08-08 ligt in de toekomst; die wordt niet ingelezen.',
      },
    ]);
    expect(plan.totalen).toMatchObject({ rijen: 8, aanmaken: 4, overgeslagen: 4, fouten: 4, waarschuwingen: 4 });
    expect(plan.kanToepassen).toBe(false);

    const e = await refused('imports.roster.apply', input);
    expect(e.message).toBe(
      'Het bestand heeft 4 fout(en); er is niets ingelezen. Los ze op in de export, of kies ervoor de regels met fouten over te slaan.',
    );

    const applied = await t.call('imports.roster.apply', { ...input, foutRegelsOverslaan: true });
    expect(applied.totalen.aanmaken).toBe(4);
    expect(person('204')).toMatchObject({ achternaam: 'Bos', geboortedatum: null, email: null });
    expect(person('208')).toMatchObject({ achternaam: 'Dekker', geboortedatum: null });
    expect(person('205')).toBeUndefined();
  });

  it('applies all or nothing: a failure half-way leaves no person, no audit entry and no run', async () => {
    t.core.db.exec(
      "CREATE TRIGGER test_refuse BEFORE INSERT ON person WHEN NEW.achternaam = 'Jansen' BEGIN SELECT RAISE(ABORT, 'test'); END;",
    );
    const r = await t.core.invoke('imports.roster.apply', { bestand: bestand('rosters/magister-leerlingen.csv') });
    expect(r.ok).toBe(false);
    expect([persons(), audits(), runs()]).toEqual([0, 0, 0]);
  });
});

describe('EDEXML and the guardians from a second file', () => {
  it('imports pupils and teachers, refuses rows without a surname, and links guardians from a CSV', async () => {
    const input = { bestand: bestand('rosters/edexml-2.1-voorbeeld-edustandaard.xml'), volledig: true, foutRegelsOverslaan: true };
    const plan = await t.call('imports.roster.dryRun', input);
    expect(plan.formaat).toBe('edexml');
    expect(plan.aanmaken.map((a) => [a.regel, a.soort, a.sleutel, a.naam])).toEqual([
      [91, 'leerling', '2', 'Ismaël Hassan Assati'],
      [105, 'leerling', '12345', "Gradje van 't Hof"],
      [133, 'medewerker', 'LK1', 'J. van Bemmel'],
      [142, 'medewerker', 'LK2', 'Uilke Veldman'],
    ]);
    expect(plan.problemen.map((p) => [p.regel, p.ernst, p.melding])).toEqual([
      [
        77,
        'fout',
        'Leerling 1 (Wimpie) is nieuw, maar de achternaam ontbreekt in het bestand. Zet in de export de volledige naam aan; deze regel wordt overgeslagen.',
      ],
      [
        155,
        'fout',
        'Medewerker LK3 (Lia) is nieuw, maar de achternaam ontbreekt in het bestand. Zet in de export de volledige naam aan; deze regel wordt overgeslagen.',
      ],
    ]);
    await t.call('imports.roster.apply', input);
    expect(person('12345')).toMatchObject({
      voornaam: 'Gradje',
      tussenvoegsel: "van 't",
      achternaam: 'Hof',
      geslacht: 'm',
      geboortedatum: '2006-06-21',
      ingeschreven_op: '2010-08-19',
      uitgeschreven_op: '2014-07-18',
      leerjaar: null,
    });
    expect(person('2')).toMatchObject({ voornaam: 'Ismaël Hassan', roepnaam: null, achternaam: 'Assati', ingeschreven_op: '2013-08-25' });
    const lk1 = t.core.db.prepare("SELECT * FROM person WHERE personeelsnummer = 'LK1'").get();
    expect(lk1).toMatchObject({
      soort: 'medewerker',
      voornaam: 'J.',
      tussenvoegsel: 'van',
      achternaam: 'Bemmel',
      functie: 'Toetsafnameleider',
      eck_id: expect.stringMatching(/^https:\/\/id\.school\/LK_/),
    });
    expect((await t.call('imports.roster.apply', input)).totalen).toMatchObject({ aanmaken: 0, bijwerken: 0, ongewijzigd: 4 });

    const ouders = { bestand: bestand('rosters/edexml-ouders.csv') };
    const op = await t.call('imports.roster.dryRun', ouders);
    expect(op.ouders).toEqual([
      { regel: 2, leerling: 'Ismaël Hassan Assati', naam: 'Fatiha Assati', email: 'f.assati@example.nl', actie: 'aanmaken' },
      { regel: 2, leerling: 'Ismaël Hassan Assati', naam: 'Hassan Assati', email: 'h.assati@example.nl', actie: 'aanmaken' },
      { regel: 3, leerling: "Gradje van 't Hof", naam: "Ouder/verzorger van 't Hof", email: 'hof@example.nl', actie: 'aanmaken' },
    ]);
    expect(op.problemen).toEqual([
      {
        regel: 3,
        ernst: 'waarschuwing',
        veld: null,
        melding: `De naam van een ouder/verzorger (hof@example.nl) ontbreekt; die wordt opgeslagen als "Ouder/verzorger van 't Hof". Pas de naam later aan bij Personen.`,
      },
    ]);
    expect(op.totalen).toMatchObject({ aanmaken: 0, bijwerken: 0, ongewijzigd: 2, oudersAanmaken: 3 });
    await t.call('imports.roster.apply', ouders);
    const assati = await t.call('people.get', { id: person('2').id as number });
    expect(assati.koppelingen.map((k) => [k.persoon.naam, k.gezag, k.ontvangtPost])).toEqual([
      ['Fatiha Assati', true, true],
      ['Hassan Assati', true, true],
    ]);
    expect((await t.call('imports.roster.apply', ouders)).totalen).toMatchObject({
      oudersAanmaken: 0,
      oudersKoppelen: 0,
      oudersBijwerken: 0,
    });
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'persoon' AND action = 'ouder_gekoppeld'")).toBe(3);
  });

  it('refuses the invalid EDEXML (renamed school element) with a Dutch message and writes nothing', async () => {
    const e = await refused('imports.roster.dryRun', { bestand: bestand('rosters/edexml-2.1-invalid-1.xml') });
    expect(e).toMatchObject({ code: 'VALIDATIE', field: 'bestand' });
    expect(e.message).toBe(
      'Dit EDEXML-bestand klopt niet: het verplichte onderdeel <school> ontbreekt; in plaats daarvan staat er <school_incorrect_element>. Vraag een nieuwe export aan uit uw leerlingadministratie (ParnasSys of ESIS). Er is niets ingelezen.',
    );
    expect((await refused('imports.roster.apply', { bestand: bestand('rosters/edexml-2.1-invalid-1.xml') })).message).toBe(e.message);
  });
});

describe('other layouts', () => {
  it('Somtoday: siblings share one guardian, created once and linked twice', async () => {
    const plan = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/somtoday-leerlingen.csv') });
    expect(plan.ouders).toEqual([
      { regel: 2, leerling: 'Lieke Bruijn', naam: 'Petra de Bruijn', email: 'petra.debruijn@example.nl', actie: 'aanmaken' },
      { regel: 3, leerling: 'Sven Bruijn', naam: 'Petra de Bruijn', email: 'petra.debruijn@example.nl', actie: 'koppelen' },
      { regel: 4, leerling: 'Mohammed el Idrissi', naam: 'M. el Idrissi', email: 'm.elidrissi@example.nl', actie: 'aanmaken' },
    ]);
    await t.call('imports.roster.apply', { bestand: bestand('rosters/somtoday-leerlingen.csv') });
    expect(count("SELECT count(*) AS n FROM person WHERE soort = 'ouder'")).toBe(2);
    expect(
      count("SELECT count(*) AS n FROM guardian_link g JOIN person p ON p.id = g.ouder_id WHERE p.email = 'petra.debruijn@example.nl'"),
    ).toBe(2);
    expect(person('4102')).toMatchObject({ groep: 'H3B', leerjaar: 3, geboortedatum: '2011-02-02' });
    const again = await t.call('imports.roster.apply', { bestand: bestand('rosters/somtoday-leerlingen.csv') });
    expect(again.totalen).toMatchObject({
      aanmaken: 0,
      bijwerken: 0,
      ongewijzigd: 4,
      oudersAanmaken: 0,
      oudersKoppelen: 0,
      oudersBijwerken: 0,
    });
  });

  it('EduArte students (UTF-8 with BOM): opleiding and the first guardian with phone', async () => {
    const p = await t.call('imports.roster.preview', { bestand: bestand('rosters/eduarte-studenten.csv') });
    expect([p.codering, p.voorgesteldeBronNaam]).toEqual(['utf-8-bom', 'EduArte']);
    await t.call('imports.roster.apply', { bestand: bestand('rosters/eduarte-studenten.csv') });
    expect(person('500101')).toMatchObject({
      roepnaam: 'Chloë',
      achternaam: 'Peeters',
      opleiding: 'Verzorgende IG',
      geslacht: 'v',
      geboortedatum: '2008-04-03',
    });
    const ruben = await t.call('people.get', { id: person('500104').id as number });
    const ouder = await t.call('people.get', { id: ruben.koppelingen[0].ouderId });
    expect([ouder.voornaam, ouder.tussenvoegsel, ouder.achternaam, ouder.email, ouder.telefoon]).toEqual([
      'Marieke',
      'de',
      'Graaf',
      'marieke.degraaf@example.nl',
      '0318-123456',
    ]);
  });

  it('EduArte staff: staff numbers, start dates; a row without any name is refused with its line', async () => {
    const input = { bestand: bestand('rosters/eduarte-voorbeeld-medewerkers-import.csv'), foutRegelsOverslaan: true };
    const plan = await t.call('imports.roster.dryRun', input);
    expect(plan.soort).toBe('medewerkers');
    expect(plan.problemen.map((p) => [p.regel, p.ernst])).toEqual([[5, 'fout']]);
    await t.call('imports.roster.apply', input);
    const mw = t.core.db.prepare("SELECT * FROM person WHERE personeelsnummer = 'testmw2'").get();
    expect(mw).toMatchObject({
      soort: 'medewerker',
      voornaam: 'Roepnaam 2',
      roepnaam: 'Roepnaam 2',
      tussenvoegsel: 'Aan de',
      achternaam: 'Medewerkster 2',
      geslacht: 'v',
      telefoon: '0570-662662',
      email: 'testmw2@educus.nl',
      organisatie: 'AOC nOISe, ROC nOISe',
      ingeschreven_op: '2010-01-02',
    });
  });

  it('a tab-separated list: an e-mail-only guardian gets a placeholder name', async () => {
    const plan = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/parnassys-tab.txt') });
    expect(plan.ouders.map((o) => [o.regel, o.naam, o.actie])).toEqual([
      [2, 'Ouder/verzorger Koster', 'aanmaken'],
      [4, 'Ouder/verzorger Martens', 'aanmaken'],
    ]);
    expect(plan.aanmaken.map((a) => a.naam)).toEqual(['Tim Koster', "Ilse van 't Hek", 'Joël Martens']);
  });

  it('an .xlsx list', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Klas']);
    ws.addRow([9001, 'Zeynep', '', 'Öztürk', new Date(Date.UTC(2012, 2, 14)), '1B']);
    ws.addRow(['009002', 'Chloë', 'de', 'Wit', '2-9-2012', '1B']);
    const inhoud = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const plan = await t.call('imports.roster.apply', { bestand: { naam: 'klas-1b.xlsx', inhoud } });
    expect(plan.formaat).toBe('xlsx');
    expect(plan.aanmaken.map((a) => [a.regel, a.sleutel, a.naam])).toEqual([
      [2, '9001', 'Zeynep Öztürk'],
      [3, '9002', 'Chloë de Wit'],
    ]);
    expect(person('9001')).toMatchObject({ geboortedatum: '2012-03-14', groep: '1B' });
  });
});

describe('mapping by hand, remembered per source', () => {
  const koppeling: (RosterVeld | null)[] = ['leerlingnummer', 'roepnaam', 'achternaam', 'groep', 'geboortedatum'];

  it('refuses a file without recognisable columns until mapped; then remembers the mapping', async () => {
    const file = bestand('rosters/handmatig-onbekende-koppen.csv');
    const preview = await t.call('imports.roster.preview', { bestand: file });
    expect(preview.kolommen.map((k) => k.veld)).toEqual([null, null, null, null, null]);
    expect(preview.opmerkingen).toContain('Geen enkele kolom is herkend. Koppel de kolommen hieronder zelf aan de juiste velden.');
    const e = await refused('imports.roster.dryRun', { bestand: file });
    expect(e.message).toBe(
      'In dit bestand is geen enkele kolom herkend (kolommen: Nr, Naam kind, Achter, Lokaal, Verjaardag). Koppel de kolommen zelf aan de juiste velden. Er is niets ingelezen.',
    );

    const noKey = await refused('imports.roster.dryRun', { bestand: file, koppeling: [null, 'roepnaam', 'achternaam'] });
    expect(noKey.message).toBe(
      "Geen kolom is gekoppeld aan het leerlingnummer (of het ECK-iD). Zonder zo'n nummer kan niemand veilig worden herkend (nooit alleen op naam). Koppel die kolom en probeer het opnieuw.",
    );
    const twice = await refused('imports.roster.dryRun', { bestand: file, koppeling: ['leerlingnummer', 'achternaam', 'achternaam'] });
    expect(twice.message).toBe('Een veld is aan twee kolommen gekoppeld. Koppel elk veld aan hoogstens één kolom.');

    const plan = await t.call('imports.roster.dryRun', { bestand: file, koppeling });
    expect(plan.aanmaken.map((a) => [a.regel, a.naam, a.groep])).toEqual([
      [2, 'Lieke Hendriks', 'Groep 5'],
      [3, 'Finn de Wit', 'Groep 5'],
      [4, 'Noor Çelik', 'Groep 6'],
    ]);
    await t.call('imports.roster.apply', { bestand: file, koppeling, bronNaam: 'Lijst juf Anja' });
    expect(person('3')).toMatchObject({ voornaam: 'Noor', achternaam: 'Çelik', geboortedatum: '2016-02-29' });

    const sources = await t.call('imports.sources.list', {});
    expect(sources.map((s) => [s.naam, s.soort, s.kolommen, s.koppeling])).toEqual([
      ['Lijst juf Anja', 'leerlingen', ['Nr', 'Naam kind', 'Achter', 'Lokaal', 'Verjaardag'], koppeling],
    ]);
    const again = await t.call('imports.roster.preview', { bestand: file });
    expect(again.bron).toEqual({ id: sources[0].id, naam: 'Lijst juf Anja' });
    expect(again.kolommen.map((k) => k.veld)).toEqual(koppeling);
    // Without a mapping in the request, the remembered one is used.
    const remembered = await t.call('imports.roster.apply', { bestand: file });
    expect(remembered.totalen).toMatchObject({ aanmaken: 0, bijwerken: 0, ongewijzigd: 3 });
    expect(remembered.bronNaam).toBe('Lijst juf Anja');

    await t.call('imports.sources.delete', { id: sources[0].id });
    expect(await t.call('imports.sources.list', {})).toEqual([]);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'importbron' AND action = 'verwijderd'")).toBe(1);
    const log = await t.call('imports.runs.list', {});
    expect(log.map((r) => [r.soort, r.bestandsnaam, r.bronNaam, r.aangemaakt, r.ongewijzigd])).toEqual([
      ['leerlingen', 'handmatig-onbekende-koppen.csv', 'Lijst juf Anja', 0, 3],
      ['leerlingen', 'handmatig-onbekende-koppen.csv', 'Lijst juf Anja', 3, 0],
    ]);
  });
});

describe('broken files are refused with a Dutch message; nothing is written', () => {
  const cases: [string, string][] = [
    ['kapot/plaatje.csv', 'Dit bestand is geen tekstbestand (CSV). Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand.'],
    [
      'kapot/oud.xls',
      'Oude Excel-bestanden (.xls) kunnen niet worden gelezen. Open het bestand in Excel en sla het op als .xlsx of als CSV.',
    ],
    [
      'kapot/kapot.xlsx',
      'Dit Excel-bestand kan niet worden gelezen. Is het beschadigd, of met een wachtwoord beveiligd? Sla het opnieuw op als .xlsx of als CSV.',
    ],
    [
      'kapot/ander.xml',
      'Dit is geen EDEXML-bestand: het hoofdonderdeel heet <catalogus> in plaats van <EDEX>. Kies de EDEXML-export uit ParnasSys of ESIS.',
    ],
    ['kapot/alleen-kop.csv', 'Het bestand bevat alleen een kopregel en geen rijen. Er is niets ingelezen.'],
    [
      'kapot/geen-kolommen.txt',
      'Dit bestand heeft maar één kolom en lijkt geen lijst met leerlingen of medewerkers. Een export heeft kolommen, gescheiden door puntkomma, komma of tab.',
    ],
    [
      'protocols/protocol-de-regenboog.pdf',
      'Dit is een document, geen leerlingenlijst. Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand (.xml). Een protocol leest u in bij "Protocol inlezen".',
    ],
  ];
  for (const [rel, message] of cases) {
    it(rel, async () => {
      const e = await refused('imports.roster.apply', { bestand: bestand(rel), volledig: true });
      expect(e.message).toBe(message);
    });
  }
  it('broken XML', async () => {
    const e = await refused('imports.roster.apply', { bestand: bestand('kapot/afgebroken.xml') });
    expect(e.message).toMatch(/^Dit XML-bestand is beschadigd of onvolledig \(fout op regel \d+, kolom \d+\)\./);
  });
  it('an empty file and a file over 20 MB', async () => {
    expect((await refused('imports.roster.preview', { bestand: { naam: 'leeg.csv', inhoud: '' } })).message).toBe('Het bestand is leeg.');
    const big = 'A'.repeat(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 8);
    expect((await refused('imports.roster.preview', { bestand: { naam: 'groot.csv', inhoud: big } })).message).toBe(
      'Het bestand is groter dan 20 MB. Maak een kleinere export.',
    );
  });
  it('a full import that would mark most pupils as left says so in the dry run', async () => {
    await t.call('imports.roster.apply', { bestand: bestand('rosters/magister-leerlingen.csv') });
    const plan = await t.call('imports.roster.dryRun', { bestand: bestand('rosters/magister-fouten.csv'), volledig: true });
    expect(plan.uitschrijven.map((u) => u.sleutel)).toEqual(['123', '124', '125', '126', '127', '128']);
    expect(plan.problemen[0]).toEqual({
      regel: null,
      ernst: 'waarschuwing',
      veld: null,
      melding:
        'Let op: 6 van de 6 ingeschreven leerlingen staan niet in dit bestand en worden als uitgeschreven gemarkeerd. Is dit echt de volledige leerlingenlijst?',
    });
  });
});
