// A letter model as a Word document in the Dutch business layout (DOMAIN.md §7). The same model is
// shown as HTML in the app, so what the school leader previews is what is written.
import { Document, Packer, Paragraph, TabStopType, TextRun, convertMillimetersToTwip } from 'docx';
import type { FileChild } from 'docx';
import type { LetterModel, LetterBlock } from '../../shared/api/letters';
import { CoreError } from '../core/errors';
import { styles, numbering, section, para, empty, bullet, labelTable, GREY } from './docxBase';
import type { Letterhead } from './docxBase';
import { looksLikePlaceholder } from './placeholders';

const mm = convertMillimetersToTwip;
const CONCEPT_KENMERK = '(volgt bij definitief maken)';

export function blocksToDocx(blocks: LetterBlock[]): FileChild[] {
  const out: FileChild[] = [];
  for (const b of blocks) {
    if (b.type === 'alinea') out.push(para(b.tekst, { style: 'Alinea' }));
    else if (b.type === 'lijst') {
      b.items.forEach((item, i) => out.push(bullet(item, i < b.items.length - 1)));
      out.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
    } else {
      out.push(labelTable(b.rijen, 12));
      out.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
    }
  }
  return out;
}

/** Every text of the model, for the last check that no placeholder survived. */
export function modelTexts(m: LetterModel): string[] {
  const blockText = (b: LetterBlock) => (b.type === 'alinea' ? [b.tekst] : b.type === 'lijst' ? b.items : b.rijen.flatMap((r) => [r.label, r.waarde]));
  return [m.betreft, m.aanhef ?? '', ...m.geadresseerde.regels, ...m.inhoud.flatMap(blockText)];
}

const refLine = (label: string, value: string, bold = false) =>
  new Paragraph({
    tabStops: [{ type: TabStopType.LEFT, position: mm(28) }],
    keepNext: true,
    children: [new TextRun({ text: `${label}\t`, color: GREY }), new TextRun({ text: value, bold })],
  });

export async function letterDocx(m: LetterModel, logo: Letterhead['logo']): Promise<Buffer> {
  // Placeholders are filled in one pass and a missing value fails before this point; this is the
  // last guard that no "{…}" from a template reaches paper.
  if (modelTexts(m).some(looksLikePlaceholder)) {
    throw new CoreError('INTERN', 'De brief bevat nog een niet-ingevulde invoegcode en is niet gemaakt.');
  }
  const kenmerk = m.kenmerk ?? CONCEPT_KENMERK;
  const body: FileChild[] = [];
  if (!m.kenmerk) body.push(para('CONCEPT — nog niet verzonden', { bold: true, color: 'B00020', spacingAfter: 120 }));
  for (const v of m.vermelding) body.push(para(v, { bold: true, size: 18 }));
  if (m.vermelding.length) body.push(empty());
  for (const r of m.geadresseerde.regels) body.push(para(r));
  body.push(empty(), empty());
  body.push(para(m.plaatsDatum, { spacingAfter: 200 }));
  body.push(refLine('Ons kenmerk', kenmerk));
  if (m.correctieVan) body.push(refLine('Vervangt', `brief met kenmerk ${m.correctieVan}`));
  body.push(refLine('Betreft', m.betreft, true));
  body.push(empty(), empty());
  if (m.aanhef) body.push(para(m.aanhef, { style: 'Alinea' }));
  body.push(...blocksToDocx(m.inhoud));
  if (m.afsluiting) {
    body.push(para(m.afsluiting, { keepNext: true }));
    // Room to sign: three empty lines kept with the name.
    for (let i = 0; i < 3; i++) body.push(empty(true));
  } else {
    body.push(para('Vastgelegd door:', { keepNext: true, spacingAfter: 120 }));
  }
  body.push(para(m.ondertekening.naam, { keepNext: true, bold: true }));
  if (m.ondertekening.functie) body.push(para(m.ondertekening.functie, { keepNext: true }));
  body.push(para(m.ondertekening.organisatie));
  // Attachments and copies on one line each, so a short letter keeps them on its only page.
  const footnote = (label: string, items: string[]) =>
    new Paragraph({ keepLines: true, spacing: { before: 120 }, children: [new TextRun({ text: `${label} `, bold: true, size: 18 }), new TextRun({ text: items.join('; '), size: 18 })] });
  if (m.bijlagen.length) body.push(footnote(m.bijlagen.length === 1 ? 'Bijlage:' : 'Bijlagen:', m.bijlagen));
  if (m.afschrift.length) body.push(footnote('Afschrift aan:', m.afschrift));

  const doc = new Document({
    creator: m.ondertekening.organisatie,
    title: m.betreft,
    description: `Kenmerk ${kenmerk}`,
    styles,
    numbering,
    sections: [section({ schoolNaam: m.briefhoofd.schoolNaam, regels: m.briefhoofd.regels, logo }, `${m.briefhoofd.schoolNaam} · ons kenmerk ${kenmerk} · ${m.plaatsDatum}`, body)],
  });
  return Packer.toBuffer(doc);
}
