import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api/errors.ts';
import { isoDate } from '../../../shared/import/values.ts';
import type { HeadRecord } from './sniff.ts';
import type { ImportSource } from './source.ts';
import { checkXlsxLimits } from './xlsx-limits.ts';

/**
 * Cell values to the text an export would have had: numbers with a decimal comma (for the preview and
 * text fields; amounts and numbers are read from the cell's number, see {@link cellNumber}), dates as
 * ISO (accepted whatever the date order).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (value instanceof Date) return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The number in a numeric cell (also a formula's numeric result); undefined for any other cell. */
export function cellNumber(value: ExcelJS.CellValue): number | undefined {
  if (typeof value === 'number') return value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return cellNumber(value.result as ExcelJS.CellValue);
  return undefined;
}

type RowHandler = (record: HeadRecord) => boolean | void;

/** Streams the first worksheet row by row; the handler returns false to stop early. */
export async function forEachXlsxRow(source: ImportSource, onRow: RowHandler): Promise<void> {
  // A decompression bomb is refused here, before ExcelJS unpacks anything (preview and import alike).
  await checkXlsxLimits(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.nodeStream() as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]) ?? [];
        const cells: string[] = [];
        let numbers: Array<number | undefined> | undefined;
        for (let i = 1; i < values.length; i += 1) {
          cells.push(cellText(values[i]).trim());
          const number = cellNumber(values[i]);
          if (number !== undefined) (numbers ??= [])[i - 1] = number;
        }
        if (onRow(numbers ? { line: row.number, cells, numbers } : { line: row.number, cells }) === false) return;
      }
      return; // only the first worksheet
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('file_unreadable', `${source.fileName} kon niet als Excel-bestand worden gelezen: ${(error as Error).message}`);
  }
}

export async function readXlsxHead(source: ImportSource, maxRows: number): Promise<HeadRecord[]> {
  const records: HeadRecord[] = [];
  await forEachXlsxRow(source, (record) => {
    records.push(record);
    return records.length < maxRows;
  });
  return records;
}
