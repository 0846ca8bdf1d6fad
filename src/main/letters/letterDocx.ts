// A letter model as a Word document in the Dutch business layout: letterhead, the
// address field in the envelope window, the labelled reference block, body, signature with room to
// sign, attachments and copies. The same model is shown as HTML in the app (LetterView), so what the
// school leader previews is what is written. Spacing comes from the paragraph styles in docxBase.
import { Document, Paragraph, TabStopType, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { LetterModel, LetterBlock } from '@shared/api/letters';
import { CoreError } from '../errors/errors';
import {
  styles,
  numbering,
  section,
  para,
  bullet,
  hangingRows,
  documentProperties,
  packDocx,
  ADDRESS_FIELD,
  GREY,
  REF_TAB,
} from './docxBase';
import type { Letterhead } from './docxBase';
import { looksLikePlaceholder } from './placeholders';

const CONCEPT_KENMERK = '(volgt bij definitief maken)';
const CONCEPT_MARK = 'CONCEPT — nog niet verzonden';

export function blocksToDocx(blocks: LetterBlock[]): FileChild[] {
  const out: FileChild[] = [];
  for (const b of blocks) {
    if (b.type === 'alinea') out.push(para(b.tekst, { style: 'Alinea' }));
    else if (b.type === 'lijst') b.items.forEach((item, i) => out.push(bullet(item, i < b.items.length - 1, i === b.items.length - 1)));
    else out.push(...hangingRows(b.rijen));
  }
  return out;
}

/** Every text of the model, for the last check that no placeholder survived. */
export function modelTexts(m: LetterModel): string[] {
  const blockText = (b: LetterBlock) =>
    b.type === 'alinea' ? [b.tekst] : b.type === 'lijst' ? b.items : b.rijen.flatMap((r) => [r.label, r.waarde]);
  return [m.betreft, m.aanhef ?? '', ...m.vermelding, ...m.geadresseerde.regels, ...m.inhoud.flatMap(blockText)];
}

const refLine = (label: string, value: string, opts: { first?: boolean; bold?: boolean; spaceAfter?: number } = {}) =>
  new Paragraph({
    style: opts.first ? 'ReferentieEerste' : 'Referentie',
    spacing: opts.spaceAfter ? { after: opts.spaceAfter } : undefined,
    tabStops: [{ type: TabStopType.LEFT, position: REF_TAB }],
    children: [new TextRun({ text: `${label}\t`, color: GREY }), new TextRun({ text: value, bold: opts.bold })],
  });

export async function letterDocx(m: LetterModel, logo: Letterhead['logo']): Promise<Buffer> {
  // Placeholders are filled in one pass and a missing value fails before this point; this is the
  // last guard that no "{…}" from a template reaches paper.
  if (modelTexts(m).some(looksLikePlaceholder)) {
    throw new CoreError('INTERN', 'De brief bevat nog een niet-ingevulde invoegcode en is niet gemaakt.');
  }
  // The address field has room for a fixed number of lines; more would be cut off in the window.
  if (m.geadresseerde.regels.length > ADDRESS_FIELD.maxRegels) {
    throw new CoreError(
      'REGEL',
      `Het adres heeft ${m.geadresseerde.regels.length} regels; in het venster van de envelop passen er ${ADDRESS_FIELD.maxRegels}. Kort het adres in bij de persoon.`,
    );
  }
  const kenmerk = m.kenmerk ?? CONCEPT_KENMERK;
  const body: FileChild[] = [];
  body.push(refLine('Datum', m.plaatsDatum, { first: true }));
  body.push(refLine('Ons kenmerk', kenmerk));
  if (m.correctieVan) body.push(refLine('Vervangt', `brief met kenmerk ${m.correctieVan}`));
  // Two lines' room between the subject and the salutation (or the text of a note without one).
  body.push(refLine('Betreft', m.betreft, { bold: true, spaceAfter: m.aanhef ? undefined : 480 }));
  if (m.aanhef) body.push(para(m.aanhef, { style: 'Aanhef' }));
  body.push(...blocksToDocx(m.inhoud));

  // The signature block, attachments and copies hold together (keepNext down to the last line), so
  // the copy-to line never starts a page alone.
  const closing: Paragraph[] = [];
  closing.push(new Paragraph({ style: 'Slotgroet', children: [new TextRun(m.afsluiting ?? 'Vastgelegd door:')] }));
  if (m.ondertekening.namens) closing.push(new Paragraph({ style: 'Slotgroet', children: [new TextRun(`${m.ondertekening.namens},`)] }));
  closing.push(
    new Paragraph({
      style: 'Ondertekenaar',
      spacing: m.afsluiting ? undefined : { before: 120 },
      children: [new TextRun(m.ondertekening.naam)],
    }),
  );
  if (m.ondertekening.functie) closing.push(new Paragraph({ style: 'Slotgroet', children: [new TextRun(m.ondertekening.functie)] }));
  closing.push(new Paragraph({ style: 'Slotgroet', children: [new TextRun(m.ondertekening.organisatie)] }));
  // Attachments and copies on one line each, so a short letter keeps them on its only page.
  const footnote = (label: string, items: string[]) =>
    new Paragraph({
      style: 'Voetregel',
      keepNext: true,
      children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(items.join('; '))],
    });
  if (m.bijlagen.length) closing.push(footnote(m.bijlagen.length === 1 ? 'Bijlage:' : 'Bijlagen:', m.bijlagen));
  if (m.afschrift.length) closing.push(footnote('Afschrift aan:', m.afschrift));
  body.push(...closing);

  const doc = new Document({
    ...documentProperties(m.ondertekening.organisatie),
    title: m.betreft,
    description: `Kenmerk ${kenmerk}`,
    styles,
    numbering,
    sections: [
      section(
        { schoolNaam: m.briefhoofd.schoolNaam, regels: m.briefhoofd.regels, logo },
        `${m.briefhoofd.schoolNaam} · ons kenmerk ${kenmerk} · ${m.plaatsDatum}`,
        body,
        { vermelding: m.vermelding, regels: m.geadresseerde.regels, markering: m.kenmerk ? null : CONCEPT_MARK },
      ),
    ],
  });
  return packDocx(doc);
}
