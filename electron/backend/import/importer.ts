import type { FieldSpec } from '../../../shared/import/types.ts';
import type { Workbook } from '../workbook/workbook.ts';
import type { RowReader, RowRejection } from './row-reader.ts';

export type AcceptedStatus = 'new' | 'duplicate' | 'updated' | 'outside' | 'unregistered';

export interface RowOutcome {
  /** 'deferred': the row is decided in `settle()`, once all rows are read (rows that only make sense together). */
  status: AcceptedStatus | 'deferred';
  /** The row's amount, where it has one: summed into totalCents or outsideDepartmentCents. */
  cents?: number;
  /** For 'unregistered': the cost centre, and the file's name for it where it has one. */
  costCentre?: string;
  costCentreName?: string;
}

export interface ImportRunContext {
  wb: Workbook;
  batchId: number;
  fileName: string;
  /** The request's options, limited to the keys the importer declares. */
  options: Record<string, string>;
  /** The non-empty lines above the header (a title block: "Salaristabel per 1 juli 2027"), each as one text. */
  titleLines: string[];
}

/** What became of a deferred row. */
export type SettledRow = { line: number; status: AcceptedStatus; cents?: number; costCentre?: string; costCentreName?: string } | { line: number; rejection: RowRejection };

/** One file being imported: rows go in one by one, inside the pipeline's single transaction. */
export interface ImportRun {
  row(reader: RowReader): RowOutcome;
  /**
   * Decides the rows answered 'deferred', after the last row: for files where several rows form one
   * record (an absence case with a partial recovery), so a record is written whole or not at all.
   */
  settle?(): SettledRow[];
  /** Called once after the last row, still inside the transaction: final checks and extra counts. */
  finish(): Record<string, number>;
  /** Dutch sentences for the preview and the result, after finish(): what the import took from where ("ingangsdatum uit de titel"). */
  notes?(): string[];
}

/**
 * A second layout of the same records: a matrix with one row per value of `rowField`, one column per
 * value of `columnField` and a `valueField` in each cell, as the cao publishes its salary table (scales
 * as rows, steps as columns). The pipeline reads each filled cell as one record of the three fields, on
 * the row's line, naming the cell's column as the file does.
 */
export interface WideLayout {
  rowField: string;
  columnField: string;
  valueField: string;
  /**
   * The value a column header names ("3", "Trede 3", "tr. 3" → "3"), or null for a column that names none.
   * `rowFieldNamed`: the row keys' column is headed with the row field's name ("Trede"), which makes bare
   * numbers above the other columns values of the column field (scales 1, 2, 3 …).
   */
  columnKey(header: string, rowFieldNamed: boolean): string | null;
  /** Dutch, for the preview and the CLI: the layout as recognised, given the column keys in file order. */
  describe(keys: string[]): string;
}

/**
 * What an area supplies to import its files. The pipeline does everything else: reading any dialect,
 * the header, the mapping, the dry run, the transaction, rejections with line and column, progress.
 */
export interface ImporterDefinition {
  kind: string;
  /** Dutch, e.g. "Grootboekmutaties". */
  title: string;
  fields: FieldSpec[];
  /** Either-or requirements: each inner list is one complete way to supply a value (amount, or debit and credit). */
  requiredAlternatives?: string[][];
  /** Fields whose values decide the file's decimal mark. */
  amountFields: string[];
  /** The audit log names this table for the import. */
  table: string;
  /** Only some workbook kinds take this import. */
  workbookKinds: Array<'department' | 'central-hr' | 'central-finance'>;
  /** Option keys this importer reads from the request (others are refused as a typo). */
  options?: string[];
  /** Matrix layouts the importer also reads (see WideLayout), the one to assume first when a header fits two. */
  wideLayouts?: WideLayout[];
  begin(context: ImportRunContext): ImportRun;
}
