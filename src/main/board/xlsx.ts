// The board's figures as .xlsx (docs/BOARD.md), in the manner of reports/exports/xlsx.ts: per sheet a
// bold frozen header row with a filter, numbers as numbers. One sheet per figure with the schools
// as columns and the totals last; a suppressed cell stays text ("< 5", "x", "≥ 12") so no formula
// can treat it as a number.
import ExcelJS from 'exceljs';
import type { Cell } from '@shared/api/yearReports';
import { dutchLongDate } from '@shared/dates';
import type { BoardReport } from './merge';
import { LABEL_HEADER, suppressionText } from './docx';

const SHEET: Record<string, string> = {
  categorie: 'Categorie',
  platform: 'Platform',
  maand: 'Maand',
  ernst: 'Ernst',
  locatie: 'Plaats',
  status: 'Open en afgesloten',
  maatregel: 'Maatregelen',
  maatregelCategorie: 'Maatregelen per categorie',
  externeMelding: 'Instanties',
  verplichtingen: 'Verplichtingen',
};

const value = (c: Cell) => (c.waarde !== null ? c.waarde : c.tekst);

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: { header: string; width: number }[],
  rows: (string | number | null)[][],
  boldLast = false,
) {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h.header, width: h.width }));
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  if (boldLast && rows.length) ws.getRow(rows.length + 1).font = { bold: true };
  // Counts right-aligned, text counts ("< 5") too, so a column reads as one.
  for (let c = 2; c <= headers.length; c++) ws.getColumn(c).alignment = { horizontal: 'right' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

export async function boardXlsx(r: BoardReport, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Schoolprotocol';
  wb.created = now;
  wb.modified = now;
  const schoolCols = r.scholen.map((s) => ({ header: s.naam, width: Math.min(30, Math.max(12, s.naam.length + 2)) }));
  const totalCols = [
    { header: `Totaal ${r.schooljaar}`, width: 16 },
    { header: `Totaal ${r.vorigSchooljaar}`, width: 16 },
    { header: 'Verandering', width: 13 },
  ];

  sheet(
    wb,
    'Scholen',
    [
      { header: 'School', width: 34 },
      { header: 'BRIN', width: 8 },
      { header: 'Sector', width: 8 },
      { header: 'Minimale groepsgrootte', width: 14 },
      { header: 'Gemaakt op', width: 18 },
      { header: 'App-versie', width: 11 },
      { header: 'Vingerafdruk sleutel', width: 44 },
      { header: 'Bestand', width: 40 },
    ],
    r.scholen.map((s) => [
      s.naam,
      s.brin,
      s.sector,
      s.minimaleGroepsgrootte,
      dutchLongDate(s.gemaaktOp),
      s.appVersie,
      s.vingerafdruk,
      s.bestandsnaam,
    ]),
  ).getColumn(2).alignment = { horizontal: 'left' };

  sheet(
    wb,
    'Meldingen',
    [
      { header: 'School', width: 34 },
      { header: r.schooljaar, width: 14 },
      { header: r.vorigSchooljaar, width: 14 },
      { header: 'Verandering', width: 13 },
    ],
    [...r.meldingen.rijen, r.meldingen.totaal].map((x) => [x.label, value(x.huidig), value(x.vorig), x.verandering]),
    true,
  );

  for (const t of r.tabellen) {
    sheet(
      wb,
      SHEET[t.key] ?? t.key,
      [{ header: LABEL_HEADER[t.key], width: 40 }, ...schoolCols, ...totalCols],
      [...t.rijen, t.totaal].map((row) => [
        row.label,
        ...row.scholen.map(value),
        value(row.totaal.huidig),
        value(row.totaal.vorig),
        row.totaal.verandering,
      ]),
      true,
    );
  }

  sheet(
    wb,
    'Doorlooptijd',
    [
      { header: 'School', width: 34 },
      { header: 'Afgesloten meldingen', width: 14 },
      { header: 'Mediaan (dagen)', width: 12 },
      { header: 'Langste (dagen)', width: 12 },
    ],
    [
      ...r.doorlooptijd.map((d) => [d.school, value(d.afgehandeld), d.mediaanDagen, d.langsteDagen]),
      ['Totaal', value(r.doorlooptijdTotaal), null, null],
    ],
    true,
  );

  const uitleg = wb.addWorksheet('Toelichting');
  uitleg.columns = [{ header: 'Toelichting', width: 120 }];
  uitleg.getRow(1).font = { bold: true };
  for (const s of suppressionText(r)) uitleg.addRow([s]).alignment = { wrapText: true, vertical: 'top' };
  if (r.verborgenTotalen.length)
    uitleg.addRow([
      `Bij ${r.verborgenTotalen.join(', ')} is het totaal van alle scholen weggelaten ("x"): anders was een weggelaten aantal terug te rekenen.`,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
