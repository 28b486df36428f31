import type { DateOrder, DecimalMark } from './values.ts';

export const IMPORT_KINDS = ['budget', 'ledger'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number] | (string & {});

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le';

export type FieldType = 'text' | 'amount' | 'date' | 'integer' | 'decimal' | 'percent';

export interface FieldSpec {
  key: string;
  /** Dutch label shown in the mapping dialog. */
  label: string;
  type: FieldType;
  required: boolean;
  /** Column names as Dutch and English systems write them; compared without case, spaces or punctuation. */
  synonyms: string[];
}

export interface Dialect {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | 'xlsx';
  delimiter: ';' | ',' | '\t' | null;
  /** 1-based physical line (CSV) or row (XLSX) of the header. */
  headerLine: number;
  decimalMark: DecimalMark;
  dateOrder: DateOrder;
}

export interface DialectOverrides {
  encoding?: TextEncodingName;
  delimiter?: ';' | ',' | '\t';
  decimalMark?: DecimalMark;
  dateOrder?: DateOrder;
  headerLine?: number;
}

export interface RowIssue {
  /** 1-based line in the file, as a spreadsheet or text editor shows it. */
  line: number;
  /** The file's column name, where the problem is one column's. */
  column?: string;
  reason: string;
}

/**
 * 'outside': the row belongs to another department (an organisation-wide file), counted, not imported.
 * 'unregistered': its cost centre looks like one of the department's (it starts with the department
 * code) but is not in the workbook's list: counted per cost centre, so the user can add it and import again.
 */
export type RowStatus = 'new' | 'duplicate' | 'updated' | 'outside' | 'unregistered' | 'rejected';

/** A cost centre of the file that starts with the department's code but is not in the workbook's list. */
export interface UnregisteredCostCentre {
  code: string;
  /** The file's name for it, where the file has one (the ledger's "Kostenplaats omschrijving"). */
  name?: string;
  rows: number;
  totalCents: number;
}

export interface PreviewRow {
  line: number;
  status: RowStatus;
  values: Record<string, string>;
  reason?: string;
}

/** A matrix layout: each filled cell is one record of `rowField` (its row), `columnField` (its column) and `valueField` (the cell). */
export interface ImportLayout {
  rowField: string;
  columnField: string;
  valueField: string;
  description: string;
}

export interface ImportResult {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  imported: number;
  duplicates: number;
  updated: number;
  /** Rows of other departments ("niet van deze afdeling"): counted and summed, never imported, never rejected. */
  outsideDepartment: number;
  /** Rows whose cost centre looks like the department's but is not in its list; see `unregisteredCostCentres`. */
  unregistered: number;
  unregisteredCostCentres: UnregisteredCostCentre[];
  rejected: RowIssue[];
  /** All rejected rows; `rejected` lists at most the first 10.000. */
  rejectedCount: number;
  skipped: RowIssue[];
  /** Sum of the amounts of the imported rows (new and updated), in cents. */
  totalCents: number;
  /** Sum of the amounts of the rows outside the department, in cents: so the whole file can be reconciled. */
  outsideDepartmentCents: number;
  batchId: number | null;
  extra: Record<string, number>;
  /** Set when the file is a matrix (the cao's salary table: scales as rows, steps as columns). */
  layout?: ImportLayout;
  /** Dutch sentences on how the file was read (its layout, a date taken from its title); absent when there is nothing to say. */
  notes?: string[];
  dialect: Dialect;
  mapping: Record<string, string | null>;
}

export interface ImportPreview extends ImportResult {
  columns: string[];
  fields: FieldSpec[];
  /** Required fields that no column is mapped to: the import cannot run until they are. */
  missingFields: string[];
  /**
   * Set when no value decided the decimal mark and some read two ways ("12,500"): the import refuses the
   * file until the user chooses the mark. Dutch, names the line, column and value.
   */
  decimalMarkQuestion?: string;
  /** The first rows of the file with what will happen to each. */
  rows: PreviewRow[];
  /** How many data rows the file has in all. */
  totalRows: number;
}

export const MAX_REPORTED_REJECTIONS = 10_000;
