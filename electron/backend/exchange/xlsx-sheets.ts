import ExcelJS from 'exceljs';
import { xlsxCellText, xmlSafeText } from '../../../shared/format/spreadsheet-cell.ts';

export type ColumnKind = 'text' | 'cents' | 'date' | 'number' | 'integer' | 'percent' | 'boolean';

export interface SheetColumn<T> {
  header: string;
  kind: ColumnKind;
  value(row: T): string | number | boolean | null | undefined;
  width?: number;
}

/** Euros with cents, negatives in red: the number format of every amount Werkboek writes to XLSX. */
export const EURO_FORMAT = '€ #,##0.00;[Red]€ -#,##0.00';

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
  if (kind === 'cents') return EURO_FORMAT;
  if (kind === 'date') return 'dd-mm-yyyy';
  if (kind === 'number') return '#,##0.00##';
  if (kind === 'integer') return '0';
  if (kind === 'percent') return '0.0"%"';
  return undefined;
}

/**
 * A workbook being written: in memory (`newWorkbook`, written at once by `workbookBuffer`) or streamed to a
 * file row by row (`streamingWorkbook`, finished by `finishStreamingWorkbook`), for files of any size.
 * The sheet builders below work on both.
 */
export type SheetBook = ExcelJS.Workbook;

const { WorkbookWriter } = ExcelJS.stream.xlsx;

function isStreaming(book: SheetBook): boolean {
  return book instanceof WorkbookWriter;
}

/** The sheet a streaming workbook is writing; only one is open at a time, so the file streams in order. */
const openSheets = new WeakMap<SheetBook, ExcelJS.Worksheet>();

/** Makes the rows not yet written safe (rows a builder added itself, a note say) and writes the sheet out. */
function commitSheet(sheet: ExcelJS.Worksheet): void {
  sanitiseRows(sheet);
  sheet.commit();
}

function addSheet(book: SheetBook, name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
  if (isStreaming(book)) {
    const open = openSheets.get(book);
    if (open) commitSheet(open);
  }
  const sheet = book.addWorksheet(xmlSafeText(name).slice(0, 31), options);
  if (isStreaming(book)) openSheets.set(book, sheet);
  return sheet;
}

/** Adds one row of safe cell values and, in a streaming workbook, writes it (and the rows before it) out. */
function addSafeRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], bold = false): ExcelJS.Row {
  const row = sheet.addRow(values.map(safeCellValue));
  if (bold) row.font = { bold: true };
  row.commit();
  return row;
}

function startTable<T>(book: SheetBook, name: string, columns: SheetColumn<T>[]): ExcelJS.Worksheet {
  const sheet = addSheet(book, name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: xlsxCellText(c.header), width: c.width ?? (c.kind === 'text' ? 28 : 16), style: { numFmt: numberFormat(c.kind) } }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function tableRow<T>(columns: SheetColumn<T>[], row: T): ExcelJS.CellValue[] {
  return columns.map((c) => cellValue(c.kind, c.value(row)));
}

function addTotals<T>(sheet: ExcelJS.Worksheet, columns: SheetColumn<T>[], totals: Partial<Record<number, number | string>> | undefined): void {
  if (!totals) return;
  addSafeRow(sheet, columns.map((c, i) => (i in totals ? cellValue(typeof totals[i] === 'string' ? 'text' : c.kind, totals[i]) : null)), true);
}

/** A sheet with a bold, frozen header row, typed columns and, optionally, a totals row. */
export function addTableSheet<T>(book: SheetBook, name: string, columns: SheetColumn<T>[], rows: Iterable<T>, totals?: Partial<Record<number, number | string>>): ExcelJS.Worksheet {
  const sheet = startTable(book, name, columns);
  for (const row of rows) addSafeRow(sheet, tableRow(columns, row));
  addTotals(sheet, columns, totals);
  return sheet;
}

/** Rows added before a streaming workbook waits for its file writer to catch up: a megabyte of XML or so. */
const ROWS_PER_TURN = 1000;

/**
 * The same sheet for many rows, from pages of rows fetched one after another (from SQLite, say): each row
 * is written out as it is added, and every so many rows the writer waits until the ZIP compressor and the
 * file have taken what was added (see `drained`). Memory stays flat whatever the number of rows.
 */
export async function streamTableSheet<T>(book: SheetBook, name: string, columns: SheetColumn<T>[], pages: Iterable<T[]>, totals?: Partial<Record<number, number | string>>): Promise<ExcelJS.Worksheet> {
  const sheet = startTable(book, name, columns);
  let sinceTurn = 0;
  for (const page of pages) {
    for (const row of page) {
      addSafeRow(sheet, tableRow(columns, row));
      sinceTurn += 1;
      if (sinceTurn >= ROWS_PER_TURN) {
        sinceTurn = 0;
        await drained(book);
      }
    }
  }
  addTotals(sheet, columns, totals);
  return sheet;
}

/** A two-column sheet of facts (label → value), e.g. the package's envelope. */
export function addFactsSheet(book: SheetBook, name: string, facts: Array<[string, string | number | null]>): ExcelJS.Worksheet {
  const sheet = addSheet(book, name);
  sheet.columns = [
    { header: 'Gegeven', width: 32 },
    { header: 'Waarde', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [label, value] of facts) addSafeRow(sheet, [label, value ?? '']);
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
  book.eachSheet((sheet) => sanitiseRows(sheet));
}

/** The rows of a sheet (of a streaming sheet: those not yet written) through {@link safeCellValue}. */
function sanitiseRows(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const safe = safeCellValue(cell.value);
      if (safe !== cell.value) cell.value = safe;
    });
  });
}

/**
 * An XLSX written to `target` as it is built: rows go to the file as they are added, strings inline (no
 * shared-strings table to keep), so memory does not grow with the number of rows.
 */
export function streamingWorkbook(target: string, createdAt: string): SheetBook {
  const book = new WorkbookWriter({ filename: target, useStyles: true, useSharedStrings: false });
  book.creator = 'Werkboek';
  book.created = new Date(createdAt);
  book.modified = new Date(createdAt);
  return book;
}

/**
 * Lets the file writer of a streaming workbook catch up. ExcelJS hands each sheet's XML to the ZIP writer
 * without waiting, so rows added faster than they are compressed and written would pile up in memory:
 * this waits while the compressor's input (the pipes of the open sheet's stream) or the file holds more
 * than its buffer, then the rows added since are all that is held.
 */
async function drained(book: SheetBook): Promise<void> {
  if (!isStreaming(book)) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  const sheet = openSheets.get(book) as unknown as { stream?: { pipes?: NodeJS.WritableStream[] } } | undefined;
  const file = (book as unknown as { stream: NodeJS.WritableStream }).stream;
  // The compressor's input is a stream of the readable-stream package, which has no writableNeedDrain.
  const needsDrain = (w: NodeJS.WritableStream) => (w as { writableNeedDrain?: boolean }).writableNeedDrain ?? (w as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;
  for (;;) {
    const full = [...(sheet?.stream?.pipes ?? []), file].find(needsDrain);
    if (!full) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        full.off('drain', done);
        full.off('close', done);
        full.off('error', done);
        resolve();
      };
      full.on('drain', done);
      full.on('close', done);
      full.on('error', done);
    });
  }
}

/** Writes the last sheet and the workbook's other parts, and closes the file. */
export async function finishStreamingWorkbook(book: SheetBook): Promise<void> {
  const open = openSheets.get(book);
  if (open) commitSheet(open);
  openSheets.delete(book);
  await (book as ExcelJS.stream.xlsx.WorkbookWriter).commit();
}

export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  sanitiseWorkbook(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function sumBy<T>(rows: T[], pick: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + pick(row), 0);
}
