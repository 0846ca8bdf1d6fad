// The board's report as a Word document (docs/BOARD.md), from the same building blocks as the yearly
// report (reports/docx/parts.ts, reports/charts.ts): the schools it covers with their key
// fingerprints, the incidents per school, then per figure a chart and table of the board's total and
// a table with a column per school (four schools per table, so the page stays readable), the
// handling times and the obligations, and what the "< 5", "x" and "≥" mean.
import type { Paragraph, Table } from 'docx';
import type { Cell, FigureRow } from '@shared/api/yearReports';
import { SECTOR } from '@shared/domain';
import type { Sector } from '@shared/domain';
import { dutchLongDate } from '@shared/dates';
import { schoolYearBounds } from '@shared/schoolYear';
import { horizontalBarSvg, renderPng, verticalBarSvg } from '../reports/charts';
import { bullet, chart, figureTable, h1, h2, para, small, subtitle, table, title } from '../reports/docx/parts';
import { packDocument } from '../reports/docx/jaarverslag';
import type { BoardReport, BoardTableOut } from './merge';

type Block = Paragraph | Table;

/** At most this many schools side by side in one table. */
const PER_TABLE = 4;
/** The text width of the page in twips (A4 with 2 cm margins, as reports/docx/parts.ts). */
const CONTENT = 11906 - 2 * 1134;
/** Room kept for the label column: its longest word ("intimidatie/sexting/ongewenst") at 11 pt. */
const LABEL_ROOM = 3800;

/**
 * The width (twips) a school's column needs so its name's longest word stays whole in the bold
 * header at 11 pt: a fifth more than the plain estimate of reports/docx/parts.ts, for bold capitals.
 */
const schoolWidth = (naam: string) => Math.max(1300, Math.max(...naam.split(/\s+/).map((w) => w.length)) * 5.5 * 22 * 1.2 + 260);

/** The schools in tables side by side: as many per table as fit next to the labels, at most PER_TABLE. */
function schoolGroups(names: string[]): number[][] {
  const groups: number[][] = [];
  let width = 0;
  names.forEach((naam, i) => {
    const w = schoolWidth(naam);
    const last = groups[groups.length - 1];
    if (last && last.length < PER_TABLE && width + w <= CONTENT - LABEL_ROOM) {
      last.push(i);
      width += w;
    } else {
      groups.push([i]);
      width = w;
    }
  });
  return groups;
}

export const LABEL_HEADER: Record<BoardTableOut['key'], string> = {
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

const CHART: Partial<Record<BoardTableOut['key'], 'h' | 'v'>> = {
  categorie: 'h',
  platform: 'h',
  maand: 'v',
  ernst: 'h',
  locatie: 'h',
  maatregel: 'h',
  maatregelCategorie: 'h',
};

/** "≥ 12" (a total over hidden counts) as a bar of its known part, labelled "≥ 12"; other cells as they are. */
function forChart(row: FigureRow): FigureRow {
  const bar = (c: Cell): Cell => (c.tekst.startsWith('≥ ') ? { waarde: Number(c.tekst.slice(2)), tekst: c.tekst, onderdrukt: null } : c);
  return { ...row, huidig: bar(row.huidig), vorig: bar(row.vorig) };
}

/** A row of figures keeps only rows with something in them in the charts: zero in every school says nothing. */
const drawn = (rows: FigureRow[]) => rows.filter((r) => r.huidig.tekst !== '0' || r.vorig.tekst !== '0');

function perSchool(r: BoardReport, t: BoardTableOut): Block[] {
  const out: Block[] = [];
  // A row with 0 at every school is in the table of the total above; here it would only lengthen the page.
  const rijen = t.rijen.filter((row) => row.scholen.some((c) => c.tekst !== '0'));
  for (const part of schoolGroups(r.scholen.map((x) => x.naam))) {
    const headers = [LABEL_HEADER[t.key], ...part.map((i) => r.scholen[i].naam)];
    const rows = [...rijen, t.totaal].map((row) => [row.label, ...part.map((i) => row.scholen[i].tekst)]);
    const widths = part.map((i) => schoolWidth(r.scholen[i].naam));
    out.push(
      table(headers, rows, {
        // In twips: the schools their room, the labels the rest (parts.ts scales them to the page).
        widths: [Math.max(LABEL_ROOM, CONTENT - widths.reduce((a, b) => a + b, 0)), ...widths],
        numeric: [false, ...part.map(() => true)],
        boldLast: true,
      }),
    );
    out.push(small(''));
  }
  if (rijen.length < t.rijen.length) out.push(small('Rijen waarin elke school 0 heeft, staan alleen in de tabel van alle scholen samen.'));
  return out;
}

export function suppressionText(r: BoardReport): string[] {
  const mins = [...new Set(r.scholen.map((s) => s.minimaleGroepsgrootte))].sort((a, b) => a - b);
  const min = mins.length === 1 ? `${mins[0]}` : `de minimale groepsgrootte van die school (${mins.join(' of ')})`;
  return [
    `Elke school stuurt alleen getelde aantallen, zonder namen. Een aantal over personen van 1 tot ${min} staat als "< ${mins.length === 1 ? mins[0] : 'n'}": zo is niemand te herkennen. Dat gebeurt al op school; het bestuur krijgt het echte aantal nooit te zien.`,
    'Een "x" is een aantal dat de school heeft weggelaten, omdat een klein aantal anders uit het totaal van die school terug te rekenen is.',
    'Een totaal met "≥" bevat aantallen die een school heeft weggelaten: het echte totaal is minstens zo groot. Het precieze totaal kent ook het bestuur niet; stond het er wel, dan was het weggelaten aantal terug te rekenen (totaal min de andere scholen).',
    'Een verandering in procenten staat er alleen als beide totalen bekend zijn. Wettelijke verplichtingen gaan over de school, niet over personen, en staan er altijd volledig in.',
  ];
}

export function boardBlocks(r: BoardReport): Block[] {
  const years = { huidig: r.schooljaar, vorig: r.vorigSchooljaar };
  const periode = schoolYearBounds(r.schooljaar);
  const out: Block[] = [
    title('Bestuursrapportage socialemediaprotocol'),
    subtitle(`${r.scholen.length === 1 ? '1 school' : `${r.scholen.length} scholen`} — schooljaar ${r.schooljaar}`),
    para(
      `Periode: ${dutchLongDate(periode.start)} tot en met ${dutchLongDate(periode.end)}. Samengevoegd op ${dutchLongDate(r.gemaaktOp)} uit de cijferbestanden die de scholen zelf hebben gemaakt en ondertekend.`,
    ),
    small(suppressionText(r).join(' ')),
    h1('Scholen in dit overzicht'),
    para(
      'Elk bestand is ondertekend met de sleutel van de school. De vingerafdruk hieronder staat ook in de app van de school (Rapportages → Bestuur); zo is na te gaan dat de cijfers echt van die school komen en niet zijn veranderd.',
      { keepNext: true },
    ),
    table(
      ['School', 'BRIN', 'Sector', 'Gemaakt op', 'Vingerafdruk sleutel'],
      r.scholen.map((s) => [s.naam, s.brin, s.sector, dutchLongDate(s.gemaaktOp), s.vingerafdruk]),
      { widths: [30, 10, 10, 18, 32], numeric: [false, false, false, false, false] },
    ),
    small(
      r.scholen
        .map((s) => `${s.sector}: ${SECTOR.labels[s.sector as Sector]?.nl ?? s.sector}`)
        .filter((x, i, all) => all.indexOf(x) === i)
        .join('; ') + '.',
    ),
    h1('Meldingen per school'),
  ];
  const mSvg = horizontalBarSvg('', drawn(r.meldingen.rijen), years);
  if (mSvg) out.push(chart(renderPng(mSvg), 'Grafiek: meldingen per school'));
  out.push(figureTable('School', years, r.meldingen.rijen, r.meldingen.totaal));

  for (const t of r.tabellen) {
    out.push(h1(t.titel, false));
    const totals = t.rijen.map((row) => row.totaal);
    const kind = CHART[t.key];
    const bars = totals.map(forChart);
    const svg = kind === 'v' ? verticalBarSvg('', bars, years) : kind === 'h' ? horizontalBarSvg('', drawn(bars), years) : null;
    if (svg) {
      out.push(chart(renderPng(svg), `Grafiek: ${t.titel}, alle scholen samen`));
      if (totals.some((row) => row.huidig.tekst.startsWith('≥') || row.vorig.tekst.startsWith('≥')))
        out.push(small('Bij een totaal met "≥" laat de balk alleen het bekende deel zien: het precieze aantal is niet bekend.'));
    }
    if (!t.rijen.length) out.push(para('Geen enkele school heeft hier iets vastgelegd.'));
    else {
      out.push(h2('Alle scholen samen'));
      out.push(figureTable(LABEL_HEADER[t.key], years, totals, t.totaal.totaal));
      out.push(h2(`Per school, ${r.schooljaar}`));
      out.push(...perSchool(r, t));
    }
    if (t.key === 'maatregel' || t.key === 'maatregelCategorie')
      out.push(small('Maatregelen met een besluitdatum in het schooljaar; ingetrokken maatregelen tellen niet mee.'));
    if (t.key === 'categorie' && t.rijen.some((row) => row.key === 'eigen'))
      out.push(
        small('"Eigen categorie van de school" telt de categorieën die een school zelf heeft toegevoegd; hun namen blijven op school.'),
      );
    if (t.key === 'verplichtingen') out.push(...onTime(t));
    if (t.key === 'status') out.push(...handling(r));
  }

  out.push(h1('Over de weggelaten aantallen'));
  for (const s of suppressionText(r)) out.push(bullet(s));
  if (r.verborgenTotalen.length)
    out.push(
      para(
        `Bij ${r.verborgenTotalen.join(', ')} is het totaal van alle scholen weggelaten ("x"): met dat totaal en de andere rijen was een weggelaten aantal terug te rekenen.`,
      ),
    );
  return out;
}

function onTime(t: BoardTableOut): Block[] {
  const get = (k: string) => t.rijen.find((r) => r.key === k)?.totaal.huidig.waarde ?? 0;
  const opTijd = get('op_tijd');
  const judged = opTijd + get('te_laat') + get('open_te_laat');
  return [
    small(
      judged
        ? `Alle scholen samen: ${Math.round((opTijd / judged) * 100)}% op tijd van de ${judged} verplichtingen waarvan de termijn voorbij is. Een verplichting die nog open staat terwijl de termijn voorbij is, is te laat.`
        : 'Er is nog geen verplichting waarvan de termijn voorbij is; of ze op tijd zijn, is nog niet te zeggen.',
    ),
  ];
}

function handling(r: BoardReport): Block[] {
  const dagen = (n: number | null) => (n === null ? '–' : n === 1 ? '1 dag' : `${n} dagen`);
  return [
    h2('Doorlooptijd van melding tot afsluiten'),
    table(
      ['School', 'Afgesloten meldingen', 'Mediaan', 'Langste'],
      [
        ...r.doorlooptijd.map((d) => [d.school, d.afgehandeld.tekst, dagen(d.mediaanDagen), dagen(d.langsteDagen)]),
        ['Totaal', r.doorlooptijdTotaal.tekst, '', ''],
      ],
      { widths: [40, 20, 20, 20], numeric: [false, true, true, true], boldLast: true },
    ),
    small(
      'De mediaan: de helft van de meldingen was binnen zoveel dagen afgesloten. Bij weinig afgesloten meldingen laat de school de doorlooptijd weg. Een mediaan van alle scholen samen is uit de mediaan per school niet te berekenen en staat er daarom niet.',
    ),
  ];
}

export function boardDocx(r: BoardReport): Promise<Buffer> {
  return packDocument(boardBlocks(r), `Bestuursrapportage socialemediaprotocol ${r.schooljaar}`, 'Schoolprotocol');
}
