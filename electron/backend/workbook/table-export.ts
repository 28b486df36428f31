import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { TableExport } from '../../../shared/api/workbook.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { fileNameFromTitle } from '../../../shared/format/file-name.ts';
import { formatDate, formatNumber } from '../../../shared/format/nl.ts';
import { xmlSafeText } from '../../../shared/format/spreadsheet-cell.ts';
import { EURO_FORMAT, workbookBuffer } from '../exchange/xlsx-sheets.ts';
import type { Workbook } from './workbook.ts';
import { tr } from '../words.ts';

/**
 * "Exporteren naar Excel" of any grid: the rows and columns as the grid shows them (its filter and
 * sort), typed so Excel calculates with them: amounts in euros with the euro format of every Werkboek
 * XLSX, dates as dates shown dd-mm-jjjj, percentages as percentages (12,5 % is 0,125). Every cell goes
 * through the same safe writer as every XLSX Werkboek writes (workbookBuffer): text never becomes a
 * formula and never makes the sheet's XML ill-formed.
 */
const FORMATS: Record<TableExport['columns'][number]['type'], string | undefined> = {
  text: undefined,
  money: EURO_FORMAT,
  date: 'dd-mm-yyyy',
  number: '#,##0.00##',
  integer: '0',
  percent: '0.0%',
};

function cellValue(value: string | number | null, type: TableExport['columns'][number]['type']): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'number') {
    if (type === 'money') return value / 100;
    if (type === 'percent') return value / 100;
  }
  return value;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(title: string): string {
  return xmlSafeText(title).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').slice(0, 31).trim() || 'Tabel';
}

export async function tableXlsx(wb: Workbook, table: TableExport, today: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Werkboek';
  book.created = new Date(`${today}T12:00:00Z`);
  const sheet = book.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const department = [wb.meta.organisation, [wb.meta.department_code, wb.meta.department_name].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  // A central workbook has no department: the line then starts with the date.
  sheet.getCell(2, 1).value = [department, tr('grid.file.exportedOn', { date: formatDate(today) }), table.note].filter(Boolean).join(' · ');
  const headerRow = 4;
  const widths = table.columns.map((c) => Math.min(50, Math.max(10, c.title.length + 2)));
  table.columns.forEach((column, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = column.title;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EBF2' } };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  table.rows.forEach((row, r) => {
    table.columns.forEach((column, i) => {
      const cell = sheet.getCell(headerRow + 1 + r, i + 1);
      cell.value = cellValue(row[i] ?? null, column.type);
      const format = FORMATS[column.type];
      if (format && cell.value !== null) cell.numFmt = format;
      if (column.type === 'text' && typeof row[i] === 'string') {
        const text = row[i] as string;
        if (text.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
        widths[i] = Math.min(50, Math.max(widths[i], ...text.split('\n').map((line) => line.length + 2)));
      } else if (column.type === 'money') widths[i] = Math.max(widths[i], 15);
      else if (column.type === 'date') widths[i] = Math.max(widths[i], 12);
    });
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  if (table.rows.length > 0) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + table.rows.length, column: table.columns.length } };
  return workbookBuffer(book);
}

/** Rows more than this are refused rather than written slowly into a file Excel opens slowly; a filter narrows them. */
export const MAX_EXPORT_ROWS = 200_000;

/** Why an export of that many rows is refused, in the window's language. */
export function tooManyRows(title: string, count: number): string {
  return tr('grid.file.tooMany', { title, count: formatNumber(count, 0), max: formatNumber(MAX_EXPORT_ROWS, 0) });
}

/** Written where the user chose (desktop app, CLI), atomically; or returned as bytes (browser preview). */
export async function exportTable(wb: Workbook, table: TableExport & { path?: string }, today: string): Promise<{ name: string; path: string | null; contentBase64: string | null }> {
  if (table.rows.length > MAX_EXPORT_ROWS) {
    throw new ApiError('invalid_input', tooManyRows(table.title, table.rows.length));
  }
  const bytes = await tableXlsx(wb, table, today);
  const name = fileNameFromTitle(table.title, 'xlsx');
  let written: string | null = null;
  if (table.path) {
    const target = path.resolve(table.path);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw new ApiError('file_unreadable', `${target} kan niet worden geschreven: ${(error as Error).message}`);
    }
    written = target;
  }
  // An export can hold personal data (the absence register, the staff list): who exported what, and where, is on record.
  if (!wb.readOnly) {
    wb.tx(() => wb.audit({ action: 'export', table: 'grid_export', rowId: null, new: { title: table.title, file_name: written ? path.basename(written) : name, rows: table.rows.length } }));
  }
  return { name: written ? path.basename(written) : name, path: written, contentBase64: written ? null : bytes.toString('base64') };
}
