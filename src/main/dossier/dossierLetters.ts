// The full text of a person's final letters, as a chapter of the dossier export for an access
// request (AVG art. 15 lid 3: a copy of the personal data, and a letter about the pupil is that).
// Every text goes through the export's Pseudonymizer, like the rest of the dossier; the address of
// a letter to anyone but the person and the requester (the other parent) is left out, as in the
// dossier's list of guardians.
import { Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { DB } from '../db/open';
import type { LetterModel, LetterSummary } from '@shared/api/letters';
import { dutchShortDate, todayIn } from '@shared/dates';
import { getLetter } from '../letters/store';
import { para, bullet, labelTable } from '../letters/docxBase';
import type { Pseudonymizer } from '../letters/pseudonyms';

const sub = (t: string) =>
  new Paragraph({ keepNext: true, spacing: { before: 240, after: 80 }, children: [new TextRun({ text: t, bold: true })] });

/**
 * @param showAddress whether a letter's addressee is someone whose address belongs in this copy
 *   (the person, or the parent who asked)
 */
export function letterTexts(
  db: DB,
  letters: LetterSummary[],
  pseudo: Pseudonymizer,
  showAddress: (personId: number | null) => boolean,
): FileChild[] {
  const out: FileChild[] = [];
  const alinea = (t: string) => out.push(para(pseudo.text(t), { style: 'Alinea' }));
  for (const l of letters) {
    const m = getLetter(db, l.id).model as Partial<LetterModel>;
    const regels = m.geadresseerde?.regels ?? [l.geadresseerde];
    const aan =
      m.geadresseerde?.personId === null
        ? 'dossier (notitie, niet verstuurd)'
        : pseudo.text((showAddress(l.geadresseerdeId) ? regels : regels.slice(0, 1)).join('\n'));
    out.push(sub(`${l.kenmerk} — ${l.titel}`));
    out.push(
      labelTable(
        [
          { label: 'Datum', waarde: m.plaatsDatum ?? dutchShortDate(todayIn(new Date(l.definitiefOp))) },
          { label: 'Aan', waarde: aan },
          { label: 'Betreft', waarde: pseudo.text(m.betreft ?? l.betreft) },
          ...(l.correctieVan ? [{ label: 'Vervangt', waarde: l.correctieVan }] : []),
        ],
        30,
      ),
    );
    if (m.aanhef) alinea(m.aanhef);
    for (const b of m.inhoud ?? []) {
      if (b.type === 'alinea') alinea(b.tekst);
      else if (b.type === 'lijst') b.items.forEach((x, i) => out.push(bullet(pseudo.text(x), false, i === b.items.length - 1)));
      else
        out.push(
          labelTable(
            b.rijen.map((r) => ({ label: r.label, waarde: pseudo.text(r.waarde) })),
            45,
          ),
        );
    }
    if (m.afsluiting) alinea(m.afsluiting);
    if (m.ondertekening) alinea([m.ondertekening.namens, m.ondertekening.naam, m.ondertekening.functie].filter(Boolean).join('\n'));
    if (m.bijlagen?.length) alinea(`Bijlagen: ${m.bijlagen.join('; ')}`);
    if (m.afschrift?.length) alinea(`Afschrift aan: ${m.afschrift.join('; ')}`);
  }
  return out;
}
