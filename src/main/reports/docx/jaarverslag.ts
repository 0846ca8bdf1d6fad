// The yearly report (Jaarverslag) as a Word document: analysis, summary, one section per table with
// a chart, handling times, the people involved by kind and role, the repeat rate and the
// obligations. The figures come from yearReport.ts as they are (real, or suppressed in the version
// for outside the school); no name can get in.
import { Document, HeadingLevel, Paragraph, Table } from 'docx';
import type { FigureTable, YearReport } from '@shared/api/yearReports';
import { ROL } from '@shared/domain';
import { dutchLongDate } from '@shared/dates';
import { horizontalBarSvg, renderPng, verticalBarSvg } from '../charts';
import type { Scrubber } from '../scrub';
import { documentProperties, packDocx } from '../../letters/docxBase';
import { PAGE, bullet, chart, figureTable, footer, h1, h2, para, small, styles, subtitle, table, title } from './parts';

type Block = Paragraph | Table;

const CHART: Partial<Record<FigureTable['key'], 'h' | 'v'>> = {
  categorie: 'h',
  platform: 'h',
  maand: 'v',
  ernst: 'h',
  locatie: 'h',
  maatregel: 'h',
  maatregelCategorie: 'h',
};

const LABEL_HEADER: Record<FigureTable['key'], string> = {
  categorie: 'Categorie',
  platform: 'Platform',
  maand: 'Maand',
  ernst: 'Ernst',
  locatie: 'Plaats',
  status: 'Stand',
  maatregel: 'Maatregel',
  maatregelCategorie: 'Categorie',
  externeMelding: 'Instantie',
  verplichtingen: 'Verplichtingen',
};

/** The report's body; `newPage` starts it on a new page when it follows other content (the evaluation pack). */
export function yearReportBlocks(r: YearReport, scrub: Scrubber, opts: { newPage?: boolean } = {}): Block[] {
  const years = { huidig: r.schooljaar, vorig: r.vorigSchooljaar };
  const min = r.minimaleGroepsgrootte;
  const out: Block[] = [
    opts.newPage
      ? new Paragraph({ text: 'Jaarverslag socialemediaprotocol', heading: HeadingLevel.TITLE, pageBreakBefore: true })
      : title('Jaarverslag socialemediaprotocol'),
    subtitle(`${r.schoolNaam ? `${r.schoolNaam} — ` : ''}schooljaar ${r.schooljaar}`),
    para(
      `Periode: ${dutchLongDate(r.periode.start)} tot en met ${dutchLongDate(r.periode.end)}. Gemaakt op ${dutchLongDate(r.gemaaktOp)}.`,
    ),
    small(
      r.extern
        ? `Versie voor buiten de school. Dit verslag bevat alleen getelde gegevens; er staat geen naam in. Aantallen over personen van 1 tot ${min} staan als "< ${min}", zodat niemand herkenbaar is. ` +
            `Een "x" is een aantal dat is weggelaten omdat een klein aantal anders uit het totaal terug te rekenen is. ` +
            `Een verandering in procenten staat er alleen als beide aantallen getoond worden. Verplichtingen van de school staan er altijd volledig in.`
        : `Interne versie, alleen voor de school: met de echte aantallen. Er staat geen naam in, maar kleine aantallen kunnen naar personen wijzen. ` +
            `Kies voor het bestuur, de MR of de website de versie voor buiten de school.`,
    ),
    h1('Analyse'),
    para(r.analyse.join(' ')),
    h1('Samenvatting'),
    ...r.samenvatting.map((s) => bullet(s)),
    h1('Meldingen'),
    figureTable('', years, [r.meldingen], null),
  ];

  for (const t of r.tabellen) {
    if (t.key === 'verplichtingen') continue;
    const label = t.key === 'categorie' ? t.rows.map((x) => ({ ...x, label: scrub(x.label) })) : t.rows;
    out.push(h2(t.titel));
    const kind = CHART[t.key];
    // The heading above names the chart; the image itself carries only the legend.
    const svg = kind === 'v' ? verticalBarSvg('', label, years) : kind === 'h' ? horizontalBarSvg('', label, years) : null;
    if (svg) out.push(chart(renderPng(svg), `Grafiek: ${t.titel}`));
    if (t.key === 'maatregel' && !t.rows.length) out.push(para('Er zijn in beide schooljaren geen maatregelen vastgelegd.'));
    else out.push(figureTable(LABEL_HEADER[t.key], years, label, t.totaal));
    if (t.key === 'maatregel' || t.key === 'maatregelCategorie')
      out.push(small('Maatregelen met een besluitdatum in het schooljaar; ingetrokken maatregelen tellen niet mee.'));
    if (t.key === 'status') out.push(...handling(r));
  }

  out.push(h1('Betrokkenen'));
  out.push(
    para(
      `Aantal verschillende personen per rol bij de meldingen van ${r.schooljaar}. Iemand die in meer rollen voorkwam, telt in elke rol één keer.`,
      { keepNext: true },
    ),
  );
  out.push(
    table(
      ['', ...ROL.codes.map((c) => ROL.labels[c].nl)],
      [
        ...r.rollen.rows.map((row) => [row.label, ...ROL.codes.map((c) => row.cellen[c].tekst)]),
        ['Totaal', ...ROL.codes.map((c) => r.rollen.totaal[c].tekst)],
      ],
      { widths: [28, 18, 18, 18, 18], numeric: [false, true, true, true, true], boldLast: true },
    ),
  );
  out.push(
    small(
      r.vorigJaarGegevens
        ? `${r.vorigSchooljaar}: ${ROL.codes.map((c) => `${ROL.labels[c].nl.toLowerCase()} ${r.vorigeRollen.totaal[c].tekst}`).join(', ')}.`
        : `${r.vorigSchooljaar}: geen gegevens.`,
    ),
  );

  out.push(h2('Herhaling'));
  const h = r.herhaling;
  out.push(
    para(
      h.percentage !== '–'
        ? `Van de ${h.daders.tekst} daders ${h.herhaalDaders.waarde === 1 ? 'was' : 'waren er'} ${h.herhaalDaders.tekst} bij meer dan één melding betrokken: ${h.percentage}.`
        : `Daders: ${h.daders.tekst}; bij meer dan één melding betrokken: ${h.herhaalDaders.tekst}. Het percentage wordt niet getoond omdat een aantal te klein is.`,
    ),
  );
  out.push(
    small(
      `${r.vorigSchooljaar}: ${!r.vorigJaarGegevens ? 'geen gegevens' : h.vorigPercentage === '–' ? 'niet te tonen' : h.vorigPercentage}.`,
    ),
  );

  const v = r.tabellen.find((t) => t.key === 'verplichtingen') as FigureTable;
  out.push(h1('Wettelijke verplichtingen'));
  if (!r.verplichtingenBeschikbaar) out.push(para('De wettelijke verplichtingen worden in deze versie van de app nog niet bijgehouden.'));
  else {
    out.push(
      para(
        'Verplichtingen (zoals de melding van een schorsing bij de Inspectie) met een termijn in dit schooljaar, en of ze op tijd zijn afgehandeld. ' +
          'Een verplichting die nog open staat terwijl de termijn voorbij is, is te laat. Deze aantallen gaan over de school, niet over personen, en worden nooit weggelaten.',
        { keepNext: true },
      ),
    );
    out.push(figureTable(LABEL_HEADER.verplichtingen, years, v.rows, v.totaal));
    const tv = r.tijdigheid;
    out.push(
      small(
        tv.percentage === '–'
          ? 'Er is nog geen verplichting waarvan de termijn voorbij is; of ze op tijd zijn, is nog niet te zeggen.'
          : `Op tijd: ${tv.percentage} van de ${tv.opTijd + tv.teLaat + tv.openTeLaat} verplichtingen waarvan de termijn voorbij is. Verplichtingen die nog binnen de termijn lopen (${tv.openBinnenTermijn}) tellen niet mee.`,
      ),
    );
  }
  return out;
}

/** Days from report to closing, below the table of open and closed incidents. */
function handling(r: YearReport): Block[] {
  const d = r.doorlooptijd;
  const dagen = (n: number) => (n === 1 ? '1 dag' : `${n} dagen`);
  return [
    small(
      d.mediaanDagen !== null && d.langsteDagen !== null
        ? `Doorlooptijd van melding tot afsluiten (${d.afgehandeld.tekst} meldingen waarvan de app het afsluiten zag): de helft binnen ${dagen(d.mediaanDagen)} (mediaan), de langste ${dagen(d.langsteDagen)}.`
        : d.afgehandeld.waarde === 0
          ? 'Van geen enkele afgesloten melding van dit schooljaar is de afsluitdatum bekend, dus er is geen doorlooptijd.'
          : `Afgesloten meldingen: ${d.afgehandeld.tekst}; de doorlooptijd wordt bij zo weinig meldingen niet getoond.`,
    ),
  ];
}

export async function packDocument(blocks: Block[], footerText: string, schoolNaam: string): Promise<Buffer> {
  const doc = new Document({
    ...documentProperties(schoolNaam || 'Schoolprotocol'),
    title: footerText,
    styles,
    sections: [{ properties: { page: PAGE }, footers: { default: footer(footerText) }, children: blocks }],
  });
  return packDocx(doc);
}

export function yearReportDocx(r: YearReport, scrub: Scrubber): Promise<Buffer> {
  return packDocument(yearReportBlocks(r, scrub), `Jaarverslag socialemediaprotocol ${r.schooljaar}`, r.schoolNaam);
}
