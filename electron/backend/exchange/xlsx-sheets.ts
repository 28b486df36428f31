import ExcelJS from 'exceljs';
import { xlsxCellText, xmlSafeText } from '../../../shared/format/spreadsheet-cell.ts';

export type ColumnKind = 'text' | 'cents' | 'date' | 'number' | 'integer' | 'percent' | 'boolean';

export interface SheetColumn<T> {
  header: string;
  kind: ColumnKind;
  value(row: T): string | number | boolean | null | undefined;
  width?: number;
}

const EURO = '€ #,##0.00;[Red]€ -#,##0.00';

const NUMERIC_KINDS = new Set<ColumnKind>(['cents', 'number', 'integer', 'percent']);

function cellValue(kind: ColumnKind, value: string | number | boolean | null | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  // A marker in a number column (e.g. "< 5" for a suppressed figure) is written as the text it is.
  if (typeof value === 'string' && NUMERIC_KINDS.has(kind) && !Number.isFinite(Number(value))) return value;
  switch (kind) {
    case 'cents':
      return Number(value) / 100;
    case 'date': {
      // Dates as real Excel dates (UTC midnight), shown dd-mm-jjjj.
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
      return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : String(value);
    }
    case 'boolean':
      return value ? 'ja' : 'nee';
    case 'number':
    case 'integer':
    case 'percent':
      return Number(value);
    default:
      return String(value);
  }
}

function numberFormat(kind: ColumnKind): string | undefined {
  if (kind === 'cents') return EURO;
  if (kind === 'date') return 'dd-mm-yyyy';
  if (kind === 'number') return '#,##0.00##';
  if (kind === 'integer') return '0';
  if (kind === 'percent') return '0.0"%"';
  return undefined;
}

/** A sheet with a bold, frozen header row, typed columns and, optionally, a totals row. */
export function addTableSheet<T>(book: ExcelJS.Workbook, name: string, columns: SheetColumn<T>[], rows: T[], totals?: Partial<Record<number, number | string>>): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? (c.kind === 'text' ? 28 : 16), style: { numFmt: numberFormat(c.kind) } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => cellValue(c.kind, c.value(row))));
  if (totals) {
    const values = columns.map((c, i) => (i in totals ? cellValue(typeof totals[i] === 'string' ? 'text' : c.kind, totals[i]) : null));
    const added = sheet.addRow(values);
    added.font = { bold: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** A two-column sheet of facts (label → value), e.g. the package's envelope. */
export function addFactsSheet(book: ExcelJS.Workbook, name: string, facts: Array<[string, string | number | null]>): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name.slice(0, 31));
  sheet.columns = [
    { header: 'Gegeven', width: 32 },
    { header: 'Waarde', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [label, value] of facts) sheet.addRow([label, value ?? '']);
  return sheet;
}

export function newWorkbook(createdAt: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Werkboek';
  book.created = new Date(createdAt);
  book.modified = new Date(createdAt);
  return book;
}

/**
 * A cell's value as it may go into the file: text (also of rich text and hyperlinks) made XML-safe
 * and never a formula (shared/format/spreadsheet-cell.ts). Numbers, dates and booleans pass unchanged.
 */
export function safeCellValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === 'string') return xlsxCellText(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) {
    const [first, ...rest] = value.richText;
    if (!first) return value;
    // Only the start of the whole text can make a formula; the other runs only need to be valid XML.
    return { ...value, richText: [{ ...first, text: xlsxCellText(first.text) }, ...rest.map((run) => ({ ...run, text: xmlSafeText(run.text) }))] };
  }
  if ('hyperlink' in value && 'text' in value && typeof value.text === 'string') return { ...value, text: xlsxCellText(value.text) };
  return value;
}

/**
 * Passes every cell of an in-memory workbook through {@link safeCellValue}, just before it is written:
 * whatever a sheet builder wrote (also a note added with addRow), the file gets no formula from text
 * and no code point that makes its XML ill-formed.
 */
export function sanitiseWorkbook(book: ExcelJS.Workbook): void {
  book.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const safe = safeCellValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      });
    });
  });
}

export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  sanitiseWorkbook(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function sumBy<T>(rows: T[], pick: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + pick(row), 0);
}
