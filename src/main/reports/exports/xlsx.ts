// .xlsx made with exceljs: one sheet, a bold frozen header row with a filter, real dates shown as
// dd-mm-jjjj and numbers as numbers, so the school can sort and count in Excel.
import ExcelJS from 'exceljs';
import type { Column } from './columns';

const isoToDate = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[], now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Schoolprotocol';
  wb.created = now;
  wb.modified = now;
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.kind === 'date' ? { numFmt: 'dd-mm-yyyy' } : {} }));
  for (const r of rows) {
    ws.addRow(
      columns.map((c) => {
        const v = c.value(r);
        if (v === null || v === '') return null;
        if (c.kind === 'date' && typeof v === 'string') return isoToDate(v);
        return v;
      }),
    );
  }
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
