// Protocol import: .txt, .docx and .pdf split into sections and numbered rules, compared exactly
// with the checked-in results (test/fixtures/imports/expected/*.json, read through by hand against
// the documents), plus the single cases each rule of the parser exists for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { readProtocolDraft } from '../../src/main/imports/protocol/read';
import { toBlocks } from '../../src/main/imports/protocol/blocks';
import { parseProtocol } from '../../src/main/imports/protocol/parse';
import { similarity } from '../../src/main/imports/protocol/match';
import { readKeys, score } from '../../scripts/protocol-precision';
import { parseDatum, findDatum } from '../../src/main/imports/dates';
import { buildProtocolDocx } from '../fixtures/imports/protocolDocx';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { ProtocolDraft } from '../../src/shared/api/imports';

const FIX = path.join(import.meta.dirname, '../fixtures/imports');
const file = (rel: string) => ({ naam: path.basename(rel), inhoud: fs.readFileSync(path.join(FIX, rel)).toString('base64') });
const expected = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(FIX, 'expected', `${name}.json`), 'utf8')) as Omit<ProtocolDraft, 'sha256'>;
const withoutHash = ({ sha256: _s, ...rest }: ProtocolDraft) => rest;

/** Parses text given as lines (for the single cases). */
const parseText = (text: string) => parseProtocol(toBlocks(text.split('\n').map((t, i) => ({ text: t, regel: i + 1 }))));

describe('the three real protocols and our own documents, exactly', () => {
  for (const name of [
    'protocol-lingecollege.txt',
    'protocol-aeres-mbo.txt',
    'protocol-initia.txt',
    'protocol-het-baken.txt',
    'protocol-de-regenboog.docx',
    'protocol-de-regenboog.pdf',
    'protocol-de-kompas.txt',
    'protocol-het-anker.txt',
    'protocol-de-wilg.txt',
    'protocol-de-horizon.txt',
  ]) {
    it(name, async () => {
      const draft = await readProtocolDraft(file(`protocols/${name}`));
      expect(withoutHash(draft)).toEqual(expected(name));
      expect(draft.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  }

  it('a .docx freshly built with the docx package reads the same as the checked-in one', async () => {
    const buf = await buildProtocolDocx();
    const draft = await readProtocolDraft({ naam: 'protocol-de-regenboog.docx', inhoud: buf.toString('base64') });
    expect(withoutHash(draft)).toEqual(expected('protocol-de-regenboog.docx'));
  });

  it('the rules of the .docx and its PDF differ only where the PDF text layer differs (the footnote mark)', async () => {
    const docx = expected('protocol-de-regenboog.docx');
    const pdf = expected('protocol-de-regenboog.pdf');
    const texts = (d: typeof docx) => d.secties.flatMap((s) => s.regels.map((r) => `${s.nummer}.${r.nummer} ${r.tekst}`));
    const a = texts(docx);
    const b = texts(pdf);
    expect(b.length).toBe(a.length);
    const different = a.map((t, i) => [t, b[i]]).filter(([x, y]) => x !== y);
    expect(different).toEqual([['II.4 Persoonsgegevens van anderen deel je niet.', 'II.4 Persoonsgegevens van anderen deel je niet1.']]);
  });
});

describe('.docx without heading styles', () => {
  it('takes a bold paragraph as a heading, continues a Word list after a paragraph, and reads table rows', async () => {
    const num = (text: string) => new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'n', level: 0 } });
    const doc = new Document({
      numbering: {
        config: [{ reference: 'n', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Regels voor ouders', bold: true })] }),
            num('Ouders plaatsen geen foto’s van andere kinderen.'),
            num('Ouders bespreken problemen met de leerkracht, niet online.'),
            new Paragraph('Dit geldt ook voor groepsapps van de klas.'),
            num('Ouders spreken de school aan op de afspraken in dit protocol.'),
            new Paragraph({ children: [new TextRun({ text: 'Begrippen', bold: true })] }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('School:')] }),
                    new TableCell({ children: [new Paragraph('Basisschool De Regenboog.')] }),
                  ],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Ouders:')] }),
                    new TableCell({ children: [new Paragraph('Ouders en verzorgers van leerlingen.')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const inhoud = (await Packer.toBuffer(doc)).toString('base64');
    const d = await readProtocolDraft({ naam: 'ouders.docx', inhoud });
    expect(d.secties.map((s) => [s.nummer, s.titel, s.regels.map((r) => `${r.nummer} ${r.tekst}`)])).toEqual([
      [
        '1',
        'Regels voor ouders',
        [
          '1 Ouders plaatsen geen foto’s van andere kinderen.',
          '2 Ouders bespreken problemen met de leerkracht, niet online.\nDit geldt ook voor groepsapps van de klas.',
          '3 Ouders spreken de school aan op de afspraken in dit protocol.',
        ],
      ],
    ]);
    // Definitions are context for the reviewer, not rules.
    expect(d.overgeslagen.filter((o) => o.reden === 'begrip').map((o) => o.tekst)).toEqual([
      'School: Basisschool De Regenboog.',
      'Ouders: Ouders en verzorgers van leerlingen.',
    ]);
  });
});

describe('splitting rules', () => {
  it('splits rules run together on one line, only at the next number', () => {
    const p = parseText(
      'Regels\n\n1. Bellen in de les is niet toegestaan. 2. Het is wel toegestaan in de pauze. 4. Dit is geen nieuwe regel.\n3. Filmen mag niet.',
    );
    expect(p.secties[0].regels.map((r) => [r.nummer, r.tekst])).toEqual([
      ['1', 'Bellen in de les is niet toegestaan.'],
      ['2', 'Het is wel toegestaan in de pauze. 4. Dit is geen nieuwe regel.'],
      ['3', 'Filmen mag niet.'],
    ]);
  });

  it('joins wrapped lines with one space and keeps the words exactly', () => {
    const p = parseText('Regels\n1. Het is niet\n   toegestaan  om  te\nfilmen.\n2. Twee.');
    expect(p.secties[0].regels[0].tekst).toBe('Het is niet toegestaan om te filmen.');
  });

  it('continues a sentence across a page break (blank line, lower-case start)', () => {
    const p = parseText('Regels\n1. Het is niet toegestaan om foto’s te\n\ndelen zonder toestemming.\n\n2. Twee.');
    expect(p.secties[0].regels.map((r) => r.tekst)).toEqual(['Het is niet toegestaan om foto’s te delen zonder toestemming.', 'Twee.']);
  });

  it('restarts numbering per section and starts a "(vervolg)" section when a list restarts inside one', () => {
    const p = parseText(
      'Eerste deel\n1. Een.\n2. Twee.\n\nTweede deel\n1. Een.\n\nOmdat het om veiligheid gaat, gelden daarnaast deze regels:\n1. Opnieuw een.',
    );
    expect(p.secties.map((s) => [s.nummer, s.titel, s.regels.map((r) => r.nummer)])).toEqual([
      ['1', 'Eerste deel', ['1', '2']],
      ['2', 'Tweede deel', ['1']],
      ['3', 'Tweede deel (vervolg)', ['1']],
    ]);
    expect(p.overgeslagen).toEqual([{ regel: 8, tekst: 'Omdat het om veiligheid gaat, gelden daarnaast deze regels:', reden: 'overig' }]);
  });

  it('reads Roman-numbered sections, "1)" numbering, bullets and lettered rules', () => {
    const p = parseText(
      'I. Algemeen\n1) Een.\n2) Twee.\n\nII. Leerlingen\n• Geen telefoon.\n• Geen foto’s.\n\nIII. Slot\na. Eerste.\nb. Tweede.',
    );
    expect(p.secties.map((s) => [s.nummer, s.titel, s.regels.map((r) => `${r.nummer} ${r.tekst}`)])).toEqual([
      ['I', 'Algemeen', ['1 Een.', '2 Twee.']],
      ['II', 'Leerlingen', ['1 Geen telefoon.', '2 Geen foto’s.']],
      ['III', 'Slot', ['a Eerste.', 'b Tweede.']],
    ]);
  });

  it('keeps lettered sub-items with the rule that introduces them', () => {
    const p = parseText('Regels\n1. Onder pesten valt:\na. uitlachen;\nb. buitensluiten.\n2. Twee.');
    expect(p.secties[0].regels.map((r) => r.tekst)).toEqual(['Onder pesten valt:\na. uitlachen;\nb. buitensluiten.', 'Twee.']);
  });

  it('reads adoption lines, consent of the MR, entry into force and version', () => {
    const p = parseText(
      'Protocol sociale media\nVersie 1.4\n\nVastgesteld in MT op 1-4-2019, instemming MR op 7 mei 2019.\nHet protocol treedt in werking met ingang van 1 augustus 2019.\n\nRegels\n1. Een.',
    );
    expect([p.titel, p.versie, p.vastgesteldOp, p.mrInstemmingOp, p.ingangsdatum]).toEqual([
      'Protocol sociale media',
      '1.4',
      '2019-04-01',
      '2019-05-07',
      '2019-08-01',
    ]);
  });

  it('uses a default title when the document has none', () => {
    expect(parseText('Regels\n1. Een.').titel).toBe('Protocol sociale media');
  });
});

describe('refused documents', () => {
  const refusal = async (rel: string) => {
    try {
      await readProtocolDraft(file(rel));
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${rel} was not refused`);
  };
  it('a text without rules', async () => {
    expect(await refusal('kapot/geen-regels.txt')).toBe(
      'In dit document zijn geen regels gevonden (geen genummerde lijst, opsomming of artikelen). Controleer of dit het protocol is.',
    );
  });
  it('a broken PDF', async () => {
    expect(await refusal('kapot/kapot.pdf')).toBe(
      'Deze PDF kan niet worden gelezen; het bestand is beschadigd. Maak de PDF opnieuw of kies het Word-bestand.',
    );
  });
  it('a broken .docx', async () => {
    expect(await refusal('kapot/kapot.docx')).toBe(
      'Dit Word-bestand kan niet worden gelezen. Is het beschadigd of beveiligd? Sla het opnieuw op als .docx of als PDF.',
    );
  });
  it('an old .doc and a picture', async () => {
    expect(await refusal('kapot/oud.xls')).toBe(
      'Dit bestand kan niet als protocol worden gelezen (.xls). Kies een Word- (.docx), PDF- of tekstbestand (.txt).',
    );
    expect(await refusal('kapot/plaatje.csv')).toBe(
      'Dit bestand kan niet als protocol worden gelezen (.csv). Kies een Word- (.docx), PDF- of tekstbestand (.txt).',
    );
  });
});

describe('helpers', () => {
  it('reads Dutch dates and refuses two-digit years and impossible days', () => {
    expect(
      ['14-03-2011', '2-9-2011', '2011-03-14', '14/3/2011', '14.03.2011', '20110314', '14 maart 2011', '1 mei 2019'].map(parseDatum),
    ).toEqual(['2011-03-14', '2011-09-02', '2011-03-14', '2011-03-14', '2011-03-14', '2011-03-14', '2011-03-14', '2019-05-01']);
    expect(['31-02-2012', '1-1-10', '2012/05/06', 'morgen', ''].map(parseDatum)).toEqual([null, null, null, null, null]);
    expect(findDatum('Instemming MR d.d. 7 mei 2019.')).toBe('2019-05-07');
  });
  it('measures word overlap', () => {
    expect(similarity('Geen telefoon in de les.', 'geen telefoon in de les')).toBe(1);
    expect(similarity('Geen telefoon in de les.', 'Niet pesten.')).toBe(0);
    expect(similarity('a b c d', 'a b c e')).toBe(0.75);
  });
});

describe('what is not a rule (answer keys in test/fixtures/imports/keys)', () => {
  it('proposes exactly the labelled rules of every keyed protocol, none glued to a heading, under their own headings', async () => {
    const keys = readKeys();
    expect(keys.length).toBeGreaterThanOrEqual(9);
    for (const key of keys) {
      const s = await score(key);
      expect([s.bestand, s.juist, s.gevonden, s.kopJuist]).toEqual([key.bestand, s.voorgesteld, key.regels.length, s.secties]);
    }
  });

  it('never takes a separator line as a rule', () => {
    const p = parseText('Regels\n- Niet pesten.\n--\n- Niet schelden.\n\n* * *\n\n___\n- Geen foto’s.');
    expect(p.secties.flatMap((s) => s.regels.map((r) => r.tekst))).toEqual(['Niet pesten.', 'Niet schelden.', 'Geen foto’s.']);
    expect(p.overgeslagen.map((o) => [o.regel, o.reden])).toEqual([
      [3, 'scheiding'],
      [6, 'scheiding'],
      [8, 'scheiding'],
    ]);
  });

  it('keeps a version line apart from the title above it', () => {
    const p = parseText('PROTOCOL SOCIALE MEDIA\nversie 2.1 – vastgesteld 14 maart 2024\n\nRegels\n1. Niet pesten.');
    expect([p.titel, p.versie, p.vastgesteldOp]).toEqual(['PROTOCOL SOCIALE MEDIA', '2.1', '2024-03-14']);
    expect(p.overgeslagen.map((o) => [o.regel, o.reden])).toEqual([
      [1, 'gegevens'],
      [2, 'gegevens'],
    ]);
  });

  it('reads "2. Regels voor leerlingen" above "2.1 …", and "3. Maatregelen" above bullets, as headings', () => {
    const p = parseText(
      '1. Regels voor leerlingen\n1.1 Je pest niet.\n1.2 Je filmt niemand.\n\n2. Maatregelen\n- Een gesprek met de ouders.\n- Een schorsing.',
    );
    expect(p.secties.map((s) => [s.nummer, s.titel, s.regels.map((r) => `${r.nummer} ${r.tekst}`)])).toEqual([
      ['1', 'Regels voor leerlingen', ['1 Je pest niet.', '2 Je filmt niemand.']],
      ['2', 'Maatregelen', ['1 Een gesprek met de ouders.', '2 Een schorsing.']],
    ]);
    // The last short item of a numbered list stays a rule.
    const q = parseText('Regels\n1. Respect voor elkaar\n2. Geen telefoon in de les\n\nDe mentor ziet erop toe.');
    expect(q.secties[0].regels.map((r) => r.tekst)).toEqual(['Respect voor elkaar', 'Geen telefoon in de les', 'De mentor ziet erop toe.']);
  });

  it('does not glue a heading to a rule without a full stop above it', () => {
    const p = parseText('Maatregelen\n- Een gesprek met de ouders\nSlotbepalingen\n- De directie beslist als dit protocol niets regelt.');
    expect(p.secties.map((s) => [s.titel, s.regels.map((r) => r.tekst)])).toEqual([
      ['Maatregelen', ['Een gesprek met de ouders']],
      ['Slotbepalingen', ['De directie beslist als dit protocol niets regelt.']],
    ]);
  });

  it('takes a short line ending in ":" right above a list as its title, not "Regels (vervolg)"', () => {
    const p = parseText(
      'Wij willen dat iedereen zich veilig voelt.\n\nAfspraken voor leerlingen:\n1. Niet pesten.\n\nAfspraken voor ouders:\n1. Geen foto’s van andere kinderen.',
    );
    expect(p.secties.map((s) => s.titel)).toEqual(['Afspraken voor leerlingen', 'Afspraken voor ouders']);
    expect(p.overgeslagen).toEqual([{ regel: 1, tekst: 'Wij willen dat iedereen zich veilig voelt.', reden: 'inleiding' }]);
  });

  it('offers introductions, purposes, definitions and examples as context, with the reason', () => {
    const p = parseText(
      [
        'Regels',
        '1. Je pest niet.',
        '',
        'Doel',
        'Een veilige school, ook online.',
        '',
        'Begrippen',
        '- Sociale media: apps en websites waarop je berichten deelt.',
        '',
        'Uitgangspunten',
        '1. De school onderkent het belang van sociale media.',
        '2. Dit protocol draagt bij aan een veilig klimaat.',
        '3. Iedereen dient de goede naam van de school te respecteren.',
        '',
        'Veiligheid',
        'Voorbeelden van onveilig gedrag:',
        '- dreigberichten',
        '',
        'Daarom geldt, ook buiten schooltijd:',
        '- Dreigberichten worden altijd gemeld bij de directie.',
      ].join('\n'),
    );
    expect(p.secties.map((s) => [s.titel, s.regels.map((r) => `${r.nummer} ${r.tekst}`)])).toEqual([
      ['Regels', ['1 Je pest niet.']],
      ['Uitgangspunten', ['3 Iedereen dient de goede naam van de school te respecteren.']],
      ['Veiligheid', ['1 Dreigberichten worden altijd gemeld bij de directie.']],
    ]);
    expect(p.overgeslagen.map((o) => [o.regel, o.reden])).toEqual([
      [4, 'kop'],
      [5, 'doel'],
      [7, 'kop'],
      [8, 'begrip'],
      [11, 'doel'],
      [12, 'doel'],
      [16, 'voorbeeld'],
      [17, 'voorbeeld'],
      [19, 'overig'],
    ]);
  });

  it('reads a document of headings and paragraphs only: the headings after the title are its sections', () => {
    const p = parseText(
      'Gedragscode online\n\nInleiding\n\nDeze code gaat over online gedrag.\n\nRegels\n\nIedereen is online respectvol.',
    );
    expect([p.titel, p.secties.map((s) => [s.titel, s.regels.map((r) => r.tekst)])]).toEqual([
      'Gedragscode online',
      [['Regels', ['Iedereen is online respectvol.']]],
    ]);
    expect(p.overgeslagen.map((o) => [o.regel, o.reden])).toEqual([
      [1, 'gegevens'],
      [3, 'kop'],
      [5, 'inleiding'],
    ]);
  });

  it('reads a short question as a heading, and text written one paragraph per line as separate rules', () => {
    const long =
      'Dit is een lange inleidende zin die alleen laat zien dat deze tekst per alinea op één regel staat en dus nergens is afgebroken, zoals op een webpagina.';
    const p = parseText(
      `Protocol\n\n${long}\n\nWat gebeurt er als het misgaat?\nDe mentor belt de ouders.\nDe teamleider beslist over een maatregel.`,
    );
    expect(p.secties.map((s) => [s.titel, s.regels.map((r) => r.tekst)])).toEqual([
      ['Wat gebeurt er als het misgaat?', ['De mentor belt de ouders.', 'De teamleider beslist over een maatregel.']],
    ]);
  });
});
