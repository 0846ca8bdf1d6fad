// What an answer to an access request must tell besides the copy of the data (AVG art. 15 lid 1
// a–h, https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679): purposes, categories,
// recipients, retention, the rights, the complaint to the Autoriteit Persoonsgegevens, the source
// and automated decisions. Recipients come from the recorded reports to authorities, the retention
// term from the school's settings.
import { Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { DB } from '../db/open';
import { INSTANTIE } from '@shared/domain';
import type { Instantie } from '@shared/domain';
import { retentionTerms } from '../settings/trust';
import type { PersonDbRow } from '../people/people';
import { para, bullet, heading } from '../letters/docxBase';

const kop = (t: string) => heading(2, t);
const sub = (t: string) =>
  new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: t, bold: true })] });
const jaar = (n: number) => `${n} jaar`;

function retention(db: DB, p: PersonDbRow): string {
  const t = retentionTerms(db);
  if (p.soort === 'leerling') return `${jaar(t.leerling)} nadat de leerling de school heeft verlaten (uitschrijving).`;
  if (p.soort === 'medewerker') return `${jaar(t.medewerker)} na het einde van het dienstverband.`;
  if (p.soort === 'ouder')
    return `${jaar(t.overig)} na het laatste voorval waarbij u betrokken was, en niet eerder dan nadat uw kinderen de school hebben verlaten.`;
  return `${jaar(t.overig)} na het laatste voorval waarbij u betrokken was.`;
}

/** The art. 15 information, as the last chapter of the dossier export for an access request. */
export function art15Sections(db: DB, p: PersonDbRow, instanties: Instantie[], brieven: boolean): FileChild[] {
  const out: FileChild[] = [kop('Informatie over de verwerking en uw rechten (AVG artikel 15)')];
  const alinea = (t: string) => out.push(para(t, { style: 'Alinea' }));

  out.push(sub('Doelen van de verwerking'));
  alinea(
    'De school legt deze gegevens vast om te zorgen voor een veilige school: om voorvallen en klachten af te handelen, maatregelen te nemen en te onderbouwen, ouders en betrokkenen te informeren, wettelijke meldingen te doen en te kunnen verantwoorden wat er is gebeurd.',
  );

  out.push(sub('Soorten gegevens'));
  for (const c of [
    'naam, geboortedatum, geslacht, adres- en contactgegevens, leerling- of personeelsnummer en groep of functie',
    'meldingen van voorvallen waarbij u betrokken was, met uw rol, de beschrijving en de genomen acties',
    'maatregelen, hoorgesprekken en de termijnen die daarbij horen',
    'meldingen aan instanties',
    ...(brieven ? ['brieven die de school over u heeft verstuurd'] : []),
    'bewijsstukken bij meldingen (vermeld met datum en omschrijving; op verzoek ontvangt u een kopie)',
  ])
    out.push(bullet(c));

  out.push(sub('Ontvangers'));
  const ontvangers = [...new Set(instanties)].map((i) => INSTANTIE.labels[i].nl);
  if (ontvangers.length) {
    alinea('Gegevens over u zijn verstrekt aan:');
    ontvangers.forEach((o) => out.push(bullet(o)));
  } else alinea('De school heeft geen gegevens over u aan instanties verstrekt.');
  alinea(
    'Waar de wet dat vraagt, kan de school gegevens verstrekken aan de Inspectie van het Onderwijs, de vertrouwensinspecteur, de leerplichtambtenaar of de politie.',
  );

  out.push(sub('Bewaartermijn'));
  alinea(
    `De school bewaart deze gegevens tot ${retention(db, p)} Daarna worden ze vernietigd, tenzij een lopende procedure dat nog niet toelaat.`,
  );

  out.push(sub('Herkomst van de gegevens'));
  alinea(
    'De gegevens komen uit de administratie van de school en van de mensen die een voorval hebben gemeld of gezien: leerlingen, ouders, medewerkers en getuigen. Namen van andere personen zijn vervangen door hun rol, om hun privacy te beschermen.',
  );

  out.push(sub('Uw rechten'));
  for (const r of [
    'U kunt de school vragen onjuiste gegevens te verbeteren of aan te vullen (rectificatie).',
    'U kunt de school vragen gegevens te wissen.',
    'U kunt de school vragen het gebruik van gegevens te beperken.',
    'U kunt bezwaar maken tegen het gebruik van uw gegevens.',
  ])
    out.push(bullet(r));
  alinea('Er worden geen besluiten over u genomen die alleen op geautomatiseerde verwerking berusten.');

  out.push(sub('Klacht'));
  alinea(
    'Bent u het niet eens met hoe de school met uw gegevens omgaat, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).',
  );
  return out;
}
