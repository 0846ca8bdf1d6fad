// The .docx itself: Dutch as language (styles and core properties), the school as author, one font
// for letters and reports, spacing by styles instead of empty paragraphs, rules with a hanging
// indent, Word's own heading styles, and the signature block held together with "namens".
import { describe, it, expect } from 'vitest';
import JSZip from 'jszip';
import { Document, Paragraph } from 'docx';
import type { LetterModel } from '../../src/shared/api/letters';
import { letterDocx } from '../../src/main/letters/letterDocx';
import { FONT, heading, packDocx, styles } from '../../src/main/letters/docxBase';
import { packDocument } from '../../src/main/reports/docx/jaarverslag';
import { para as reportPara } from '../../src/main/reports/docx/parts';

const model: LetterModel = {
  soort: 'schorsing',
  variant: 'ouders',
  briefhoofd: { schoolNaam: 'Het Lingecollege', regels: ['Stationsstraat 12', '4001 AB  Tiel'], logo: null },
  kenmerk: '2026-0042',
  datum: '2026-11-16',
  plaatsDatum: 'Tiel, 16 november 2026',
  vermelding: [],
  geadresseerde: { personId: 1, regels: ['De heer P.J. Jansen', 'Dorpsstraat 1', '4001 CD  TIEL'] },
  betreft: 'Schorsing van Daan Jansen',
  aanhef: 'Geachte heer Jansen,',
  inhoud: [
    { type: 'alinea', tekst: 'Wij hebben besloten Daan te schorsen.' },
    {
      type: 'gegevens',
      rijen: [
        {
          label: '3.1',
          waarde:
            'Tijdens de lessen gebruik je geen sociale media en blijft je telefoon weg, tenzij de docent of de schoolleiding daar toestemming voor geeft.',
        },
        { label: '3.10', waarde: 'Je pest, kwetst, bedreigt of discrimineert niemand.' },
      ],
    },
    { type: 'lijst', items: ['Daan: gehoord op 12 november 2026', 'Ouders: gehoord op 13 november 2026'] },
    { type: 'alinea', tekst: 'Met dit besluit kunt u het oneens zijn.' },
  ],
  afsluiting: 'Met vriendelijke groet,',
  ondertekening: {
    naam: 'M. de Boer',
    functie: 'rector',
    organisatie: 'Het Lingecollege',
    namens: 'Namens het bevoegd gezag van Stichting VO Rivierenland',
  },
  bijlagen: [],
  afschrift: ['leerlingdossier', 'leerplichtambtenaar'],
  correctieVan: null,
};

async function parts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const get = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await get('word/document.xml'), styles: await get('word/styles.xml'), core: await get('docProps/core.xml') };
}

/** The body's paragraphs outside tables (the first-page block is a table), as XML. */
const bodyParagraphs = (xml: string) =>
  xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').match(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>|<w:p [^>]*\/>/g) ?? [];
const textOf = (p: string) => p.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');

describe('letter .docx hygiene', () => {
  it('is Dutch and written by the school, in the styles and in the core properties', async () => {
    const p = await parts(await letterDocx(model, null));
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(p.styles)![0];
    expect(defaults).toMatch(/<w:lang w:val="nl-NL"/);
    expect(defaults).toContain(`w:ascii="${FONT}"`);
    expect(p.core).toContain('<dc:language>nl-NL</dc:language>');
    expect(p.core).toMatch(/<dc:creator>Het Lingecollege<\/dc:creator>/);
    expect(p.core).toMatch(/<cp:lastModifiedBy>Het Lingecollege<\/cp:lastModifiedBy>/);
    expect(p.core).not.toContain('Un-named');
  });

  it('spaces the letter with paragraph styles, not with empty paragraphs', async () => {
    const paras = bodyParagraphs((await parts(await letterDocx(model, null))).document);
    expect(paras.length).toBeGreaterThan(10);
    const empty = paras.filter((x) => textOf(x).trim() === '');
    expect(empty).toEqual([]);
  });

  it('sets a rule number and its text with a hanging indent, not in a table', async () => {
    const doc = (await parts(await letterDocx(model, null))).document;
    // Only the first-page block (letterhead and address field) is a table.
    expect(doc.match(/<w:tbl>/g)).toHaveLength(1);
    const rule = bodyParagraphs(doc).find((x) => textOf(x).startsWith('3.1\tTijdens de lessen'))!;
    expect(rule).toBeDefined();
    const ind = /<w:ind w:left="(\d+)" w:hanging="(\d+)"\/>/.exec(rule)!;
    expect(ind).not.toBeNull();
    expect(ind[1]).toBe(ind[2]);
    expect(rule).toMatch(new RegExp(`<w:tab w:val="left" w:pos="${ind[1]}"/>`));
  });

  it('signs "namens het bevoegd gezag" with room to sign, the copy-to line held with the signature', async () => {
    const p = await parts(await letterDocx(model, null));
    const texts = bodyParagraphs(p.document).map(textOf);
    const at = (s: string) => texts.findIndex((x) => x.startsWith(s));
    expect(at('Namens het bevoegd gezag van Stichting VO Rivierenland,')).toBe(at('Met vriendelijke groet,') + 1);
    expect(at('M. de Boer')).toBe(at('Namens het bevoegd gezag') + 1);
    expect(texts[texts.length - 1]).toBe('Afschrift aan: leerlingdossier; leerplichtambtenaar');
    // From the closing to the last line every paragraph keeps with the next (style or direct).
    const keeps = (styleId: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${styleId}"[\\s\\S]*?<w:keepNext/>[\\s\\S]*?</w:style>`).test(p.styles);
    const closing = bodyParagraphs(p.document).slice(at('Met vriendelijke groet,'), -1);
    for (const c of closing) expect(c.includes('<w:keepNext/>') || keeps(/<w:pStyle w:val="([^"]+)"/.exec(c)![1]), textOf(c)).toBe(true);
    // About 20 mm (1134 twips) before the name.
    const room = Number(/w:styleId="Ondertekenaar"[\s\S]*?<w:spacing w:before="(\d+)"/.exec(p.styles)![1]);
    expect(room).toBeGreaterThan(1080);
    expect(room).toBeLessThan(1200);
  });

  it('refuses an address that does not fit in the window', async () => {
    const regels = [
      'Aan de ouder(s)/verzorger(s) van',
      'Daan Jansen',
      'p/a',
      'Familie Jansen',
      't.a.v. de heer Jansen',
      'Dorpsstraat 1',
      '4001 CD  TIEL',
    ];
    await expect(letterDocx({ ...model, geadresseerde: { personId: 1, regels } }, null)).rejects.toThrow(
      /venster van de envelop passen er 6/,
    );
  });
});

describe('headings and reports', () => {
  it('uses Word\u2019s built-in heading styles, each defined once', async () => {
    const doc = new Document({
      styles,
      sections: [{ children: [heading(1, 'Dossier van Daan Jansen'), heading(2, 'Meldingen'), new Paragraph('tekst')] }],
    });
    const p = await parts(await packDocx(doc));
    expect(p.document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(p.document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(p.styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(p.styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:name w:val="heading 1"\/>[\s\S]*?<w:keepNext\/>/);
    expect(p.styles).not.toContain('w:styleId="Kop1"');
  });

  it('writes the yearly report in the letters\u2019 font, in Dutch, by the school', async () => {
    const p = await parts(
      await packDocument([reportPara('Jaarverslag')], 'Jaarverslag socialemediaprotocol 2025-2026', 'Het Lingecollege'),
    );
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(p.styles)![0];
    expect(defaults).toContain(`w:ascii="${FONT}"`);
    expect(defaults).toMatch(/<w:lang w:val="nl-NL"/);
    expect(p.core).toContain('<dc:language>nl-NL</dc:language>');
    expect(p.core).toMatch(/<dc:creator>Het Lingecollege<\/dc:creator>/);
    expect(p.core).toMatch(/<cp:lastModifiedBy>Het Lingecollege<\/cp:lastModifiedBy>/);
  });
});
