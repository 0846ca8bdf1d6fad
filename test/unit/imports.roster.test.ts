// Roster parsing without a database: encodings, delimiters, line numbers, header recognition,
// EDEXML and .xlsx reading, and the value rules (dates, numbers, gender, names).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, it, expect } from 'vitest';
import { decodeText, readFile } from '../../src/main/imports/file';
import { detectDelimiter, readCsv, readXlsx } from '../../src/main/imports/roster/table';
import { autoMapping, guessBronNaam, guessSoort } from '../../src/main/imports/roster/fields';
import { readEdexml } from '../../src/main/imports/roster/edexml';
import { cleanRecord, formatVoorletters, normaliseNummer, parseGeslacht, Problems } from '../../src/main/imports/roster/record';
import { splitFullName } from '../../src/main/imports/roster/names';
import { headerSignature } from '../../src/main/imports/sources';

const FIX = path.join(import.meta.dirname, '../fixtures/imports');
const load = (rel: string) => readFile({ naam: path.basename(rel), inhoud: fs.readFileSync(path.join(FIX, rel)).toString('base64') });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('text decoding', () => {
  it('reads Windows-1252 (Magister "ANSI"), UTF-8 with a byte-order mark and plain UTF-8', () => {
    const magister = decodeText(load('rosters/magister-leerlingen.csv').bytes);
    expect(magister.codering).toBe('windows-1252');
    expect(magister.text).toContain('Özdemir');
    expect(magister.text).toContain('Chloë');
    const eduarte = decodeText(load('rosters/eduarte-studenten.csv').bytes);
    expect(eduarte.codering).toBe('utf-8-bom');
    expect(eduarte.text.startsWith('Nummer;')).toBe(true);
    expect(eduarte.text).toContain('Chloë;;Peeters');
    expect(decodeText(Buffer.from('Noor;Çelik', 'utf8'))).toEqual({ text: 'Noor;Çelik', codering: 'utf-8' });
  });
});

describe('CSV tables', () => {
  it('detects ; , and tab, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,"x, y",3')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('Naam, voornaam;Klas;Nummer\n"Jansen, Piet";2A;12')).toBe(';');
    expect(detectDelimiter('geen lijst')).toBeNull();
  });

  it('gives every row its line in the file (CRLF, Windows-1252)', () => {
    const t = readCsv(load('rosters/magister-leerlingen.csv'));
    expect([t.codering, t.scheidingsteken, t.kopRegel]).toEqual(['windows-1252', ';', 1]);
    expect(t.headers).toEqual(['STAMNR', 'ROEPNAAM', 'TUSSENVOEG', 'ACHTERNAAM', 'GEB_DATUM', 'KLAS', 'EMAIL']);
    expect(t.rows.map((r) => r.regel)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(t.rows[0].cellen).toEqual(['000123', 'Emre', '', 'Özdemir', '14-03-2011', '2A', 'emre.ozdemir@leerling.example.nl']);
    expect(t.rows[1].cellen[1]).toBe('Chloë');
  });

  it('counts lines inside quoted cells and skips empty lines and a title line', () => {
    const text = 'Leerlingenlijst 2025-2026\n\nLeerlingnummer,Roepnaam,Achternaam,Notitie\n1,Piet,Jansen,"twee\nregels"\n\n2,Ans,Bos,\n';
    const t = readCsv({ naam: 'x.csv', ext: 'csv', bytes: Buffer.from(text), sha256: '' });
    expect(t.kopRegel).toBe(3);
    expect(t.rows.map((r) => [r.regel, r.cellen[1], r.cellen[3]])).toEqual([
      [4, 'Piet', 'twee\nregels'],
      [7, 'Ans', ''],
    ]);
  });

  it('reads a Somtoday export (comma, quoted names) and a tab-separated list', () => {
    const s = readCsv(load('rosters/somtoday-leerlingen.csv'));
    expect(s.scheidingsteken).toBe(',');
    expect(s.rows[0].cellen[7]).toBe('Bruijn, Petra de');
    const tab = readCsv(load('rosters/parnassys-tab.txt'));
    expect(tab.scheidingsteken).toBe('\t');
    expect(tab.rows[1].cellen.slice(0, 4)).toEqual(['7002', 'Ilse', "van 't", 'Hek']);
  });

  it('refuses what is not a list, with a Dutch reason', () => {
    expect(refusal(() => readCsv(load('kapot/geen-kolommen.txt')))).toBe(
      'Dit bestand heeft maar één kolom en lijkt geen lijst met leerlingen of medewerkers. Een export heeft kolommen, gescheiden door puntkomma, komma of tab.',
    );
    expect(refusal(() => readCsv(load('kapot/plaatje.csv')))).toBe(
      'Dit bestand is geen tekstbestand (CSV). Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand.',
    );
    expect(refusal(() => readCsv({ naam: 'x.csv', ext: 'csv', bytes: Buffer.from('\r\n\r\n'), sha256: '' }))).toBe('Het bestand is leeg.');
  });
});

describe('recognising headers', () => {
  it('maps Magister, Somtoday, EduArte and Dutch headers, and guesses the source and kind', () => {
    const magister = ['STAMNR', 'ROEPNAAM', 'TUSSENVOEG', 'ACHTERNAAM', 'GEB_DATUM', 'KLAS', 'EMAIL'];
    expect(autoMapping(magister, 'leerlingen')).toEqual([
      'leerlingnummer',
      'roepnaam',
      'tussenvoegsel',
      'achternaam',
      'geboortedatum',
      'groep',
      'email',
    ]);
    expect(guessBronNaam(magister)).toBe('Magister');
    const english = ['STAMNR', 'FIRSTNAME', 'PREFIX', 'LASTNAME', 'BIRTHDATE', 'CLASS', 'EMAIL', 'PARENT_EMAIL'];
    expect(autoMapping(english, 'leerlingen')).toEqual([
      'leerlingnummer',
      'roepnaam',
      'tussenvoegsel',
      'achternaam',
      'geboortedatum',
      'groep',
      'email',
      'ouder1Email',
    ]);
    const som = readCsv(load('rosters/somtoday-leerlingen.csv')).headers;
    expect(autoMapping(som, 'leerlingen')).toEqual([
      'leerlingnummer',
      'roepnaam',
      'tussenvoegsel',
      'achternaam',
      'geboortedatum',
      'groep',
      'leerjaar',
      'ouder1Naam',
      'ouder1Email',
    ]);
    expect(guessBronNaam(som)).toBe('Somtoday');
    const edu = readCsv(load('rosters/eduarte-studenten.csv')).headers;
    expect(autoMapping(edu, 'leerlingen')).toEqual([
      'leerlingnummer',
      'roepnaam',
      'tussenvoegsel',
      'achternaam',
      'opleiding',
      'geboortedatum',
      'geslacht',
      'email',
      'ouder1Naam',
      'ouder1Email',
      'ouder1Telefoon',
    ]);
    expect(guessBronNaam(edu)).toBe('EduArte');
    const staff = readCsv(load('rosters/eduarte-voorbeeld-medewerkers-import.csv')).headers;
    expect(guessSoort(staff)).toBe('medewerkers');
    expect(autoMapping(staff, 'medewerkers')).toEqual([
      'personeelsnummer',
      'achternaam',
      'tussenvoegsel',
      'roepnaam',
      'voorletters',
      'geslacht',
      'telefoon',
      'email',
      'organisatie',
      null,
      'ingeschrevenOp',
    ]);
    expect(guessSoort(edu)).toBe('leerlingen');
    expect(autoMapping(['Nr', 'Naam kind', 'Achter', 'Lokaal', 'Verjaardag'], 'leerlingen')).toEqual([null, null, null, null, null]);
  });

  it('gives the same layout the same signature, whatever the case or spacing', () => {
    expect(headerSignature(['STAMNR', 'Roepnaam'])).toBe(headerSignature([' stamnr ', 'ROEPNAAM']));
    expect(headerSignature(['STAMNR', 'Roepnaam'])).not.toBe(headerSignature(['Roepnaam', 'STAMNR']));
  });
});

describe('EDEXML', () => {
  it('reads the official 2.1 example: pupils with key, ECK-iD and group name; teachers with their role; file lines', () => {
    const e = readEdexml(load('rosters/edexml-2.1-voorbeeld-edustandaard.xml'));
    expect([e.leerlingen, e.medewerkers, e.heeftMedewerkers]).toEqual([3, 3, true]);
    expect(e.records.map((r) => [r.regel, r.soort, r.waarden.leerlingnummer ?? r.waarden.personeelsnummer])).toEqual([
      [77, 'leerling', '00001'],
      [91, 'leerling', '00002'],
      [105, 'leerling', '12345'],
      [133, 'medewerker', 'LK1'],
      [142, 'medewerker', 'LK2'],
      [155, 'medewerker', 'LK3'],
    ]);
    expect(e.records[0].waarden).toMatchObject({
      eckId: 'https://id.school/LL_123467890abcdefghijklmnopqrstuvwxzABCDEFGHIJKLMNOPQRSTUVWXYZ!@#$%^_-',
      roepnaam: 'Wimpie',
      achternaam: '',
      groep: '4B',
      leerjaar: '4',
      geslacht: 'm',
      geboortedatum: '2006-06-21',
    });
    expect(e.records[2].waarden).toMatchObject({
      achternaam: 'Hof',
      tussenvoegsel: "van 't",
      roepnaam: 'Gradje',
      leerjaar: '',
      uitgeschrevenOp: '2014-07-18',
      ingeschrevenOp: '2010-08-19',
    });
    expect(e.records[3].waarden).toMatchObject({
      achternaam: 'Bemmel',
      tussenvoegsel: 'van',
      voorletters: 'J',
      functie: 'Toetsafnameleider',
    });
    expect(e.records[4].waarden.functie).toBe('Manusje van alles');
  });

  it('refuses the invalid example (renamed school element) and broken or foreign XML, in Dutch', () => {
    expect(refusal(() => readEdexml(load('rosters/edexml-2.1-invalid-1.xml')))).toBe(
      'Dit EDEXML-bestand klopt niet: het verplichte onderdeel <school> ontbreekt; in plaats daarvan staat er <school_incorrect_element>. Vraag een nieuwe export aan uit uw leerlingadministratie (ParnasSys of ESIS). Er is niets ingelezen.',
    );
    expect(refusal(() => readEdexml(load('kapot/afgebroken.xml')))).toMatch(
      /^Dit XML-bestand is beschadigd of onvolledig \(fout op regel \d+, kolom \d+\)\. Maak een nieuwe export uit uw leerlingadministratie\. Er is niets ingelezen\.$/,
    );
    expect(refusal(() => readEdexml(load('kapot/ander.xml')))).toBe(
      'Dit is geen EDEXML-bestand: het hoofdonderdeel heet <catalogus> in plaats van <EDEX>. Kies de EDEXML-export uit ParnasSys of ESIS.',
    );
  });
});

describe('.xlsx', () => {
  it('reads the first sheet with data: dates, numbers and text, below a title row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leerlingen');
    ws.addRow(['Leerlingenlijst 2025-2026']);
    ws.addRow([]);
    ws.addRow(['Leerlingnummer', 'Roepnaam', 'Achternaam', 'Geboortedatum', 'Leerjaar']);
    ws.addRow([1001, 'Zeynep', 'Öztürk', new Date(Date.UTC(2012, 2, 14)), 3]);
    ws.addRow(['01002', { richText: [{ text: 'Chlo' }, { text: 'ë' }] }, 'Dubois', '2-9-2012', 3]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const t = await readXlsx({ naam: 'lijst.xlsx', ext: 'xlsx', bytes: buf, sha256: '' });
    expect(t.kopRegel).toBe(3);
    expect(t.rows).toEqual([
      { regel: 4, cellen: ['1001', 'Zeynep', 'Öztürk', '2012-03-14', '3'] },
      { regel: 5, cellen: ['01002', 'Chloë', 'Dubois', '2-9-2012', '3'] },
    ]);
  });
  it('refuses a broken .xlsx', async () => {
    await expect(readXlsx(load('kapot/kapot.xlsx'))).rejects.toThrow(
      'Dit Excel-bestand kan niet worden gelezen. Is het beschadigd, of met een wachtwoord beveiligd? Sla het opnieuw op als .xlsx of als CSV.',
    );
  });
});

describe('values', () => {
  it('normalises student numbers: digits without leading zeros, others as written', () => {
    expect(['000123', '123', ' 00 12 ', '0', '000', 'A0012', 'b-07'].map(normaliseNummer)).toEqual([
      '123',
      '123',
      '12',
      '0',
      '0',
      'A0012',
      'b-07',
    ]);
  });
  it('reads gender words and letters', () => {
    expect(['M', 'v', 'Vrouw', 'jongen', 'X', 'O', '', 'onbekend', 'Q'].map(parseGeslacht)).toEqual([
      'm',
      'v',
      'v',
      'm',
      'x',
      undefined,
      undefined,
      undefined,
      null,
    ]);
  });
  it('formats initials', () => {
    expect(['J', 'UGH', 'j.p.', ''].map(formatVoorletters)).toEqual(['J.', 'U.G.H.', 'J.P.', '']);
  });
  it('splits guardians’ full names the Dutch way', () => {
    expect(splitFullName('J. de Vries')).toEqual({ voornaam: 'J.', tussenvoegsel: 'de', achternaam: 'Vries' });
    expect(splitFullName('Dhr. H. Özkan')).toEqual({ voornaam: 'H.', tussenvoegsel: null, achternaam: 'Özkan' });
    expect(splitFullName('Bruijn, Petra de')).toEqual({ voornaam: 'Petra', tussenvoegsel: 'de', achternaam: 'Bruijn' });
    expect(splitFullName('Fatma van der Berg-Öz')).toEqual({ voornaam: 'Fatma', tussenvoegsel: 'van der', achternaam: 'Berg-Öz' });
    expect(splitFullName('Yilmaz')).toEqual({ voornaam: 'Ouder/verzorger', tussenvoegsel: null, achternaam: 'Yilmaz' });
  });
  it('reports each problem of a row with its line and keeps what is valid', () => {
    const problems = new Problems();
    const r = cleanRecord(
      {
        regel: 9,
        soort: 'leerling',
        waarden: {
          leerlingnummer: '0042',
          roepnaam: 'Evi',
          achternaam: 'Dekker',
          geboortedatum: '31-02-2012',
          email: 'geen-mail',
          groep: '1D',
        },
      },
      problems,
      '2026-11-16',
    );
    expect(r.velden).toEqual({ leerlingnummer: '42', roepnaam: 'Evi', achternaam: 'Dekker', groep: '1D' });
    expect(r.fout).toBe(false);
    expect(problems.list).toEqual([
      {
        regel: 9,
        ernst: 'waarschuwing',
        veld: 'email',
        melding: 'Het e-mailadres "geen-mail" is geen geldig e-mailadres; het wordt niet ingelezen.',
      },
      {
        regel: 9,
        ernst: 'waarschuwing',
        veld: 'geboortedatum',
        melding:
          'De geboortedatum "31-02-2012" is geen datum die we kunnen lezen (gebruik dd-mm-jjjj, zoals 21-06-2012); die wordt niet ingelezen.',
      },
    ]);
  });
});
