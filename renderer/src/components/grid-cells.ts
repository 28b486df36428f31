import type { ColDef, Column, GridApi, IRowNode, ValueFormatterParams } from 'ag-grid-community';
import { formatCentsPlain, formatDate, formatNumber } from '../../../shared/format/nl.ts';
import { neutraliseFormula } from '../../../shared/format/spreadsheet-cell.ts';
import type { CellKind } from './paste-values.ts';

/**
 * What a grid's columns hold, read from their definitions: for paste (how to read a pasted cell), copy
 * (how to write a cell so Excel reads a number or a date) and the XLSX export. Columns made with
 * moneyColumn and dateColumn say so in their `context`; a select editor is a choice of its values
 * (pasted as value or as label); a boolean column is yes or no; anything else is text.
 */

export interface ColumnContext {
  cellKind?: CellKind;
}

export function contextOf(colDef: ColDef | undefined): ColumnContext {
  return (colDef?.context as ColumnContext | undefined) ?? {};
}

function label(colDef: ColDef, api: GridApi | null, value: unknown): string {
  if (typeof colDef.valueFormatter !== 'function') return String(value);
  try {
    const text = colDef.valueFormatter({ value, data: undefined, node: null, colDef, api, context: undefined } as unknown as ValueFormatterParams);
    return text || String(value);
  } catch {
    return String(value);
  }
}

export function cellKindOf(colDef: ColDef, api: GridApi | null = null): CellKind {
  const kind = contextOf(colDef).cellKind;
  if (kind) return kind;
  if (colDef.cellDataType === 'boolean') return { type: 'boolean' };
  const values = (colDef.cellEditorParams as { values?: unknown[] } | undefined)?.values;
  if (colDef.cellEditor === 'agSelectCellEditor' && Array.isArray(values)) {
    return { type: 'choice', options: values.map((value) => ({ value: String(value), label: label(colDef, api, value) })) };
  }
  return { type: 'text' };
}

/** The field a column shows: its `field`, else its colId (moneyColumn and dateColumn read data[colId]). */
export function dataKeyOf(column: Column): string {
  const colDef = column.getColDef();
  return colDef.field ?? column.getColId();
}

/**
 * A cell as text in Dutch notation that Excel (nl-NL) reads as a number or a date and that Werkboek
 * reads back on paste: amounts without the euro sign ("1.234,56"), dates dd-mm-jjjj, yes and no as
 * words; other cells as the grid shows them, never as a formula (shared/format/spreadsheet-cell.ts).
 */
export function copyText(api: GridApi, node: IRowNode, column: Column): string {
  const text = cellText(api, node, column);
  // Pasted into a spreadsheet, "=HYPERLINK(…)" would run: it goes out as text, with the usual apostrophe.
  return neutraliseFormula(text);
}

/**
 * The value a typed cell holds: the row's own field (cents, ISO date, number), or what the column's
 * valueGetter makes where the row has no such field (the staff list's hours per week, say).
 */
function rawValue(api: GridApi, node: IRowNode, column: Column): unknown {
  const own = (node.data as Record<string, unknown> | undefined)?.[dataKeyOf(column)];
  return own !== undefined ? own : api.getCellValue({ rowNode: node, colKey: column });
}

const TYPED_KINDS = new Set<CellKind['type']>(['money', 'date', 'boolean', 'decimal', 'integer']);

/** A cell in Dutch notation (see copyText), before formula neutralisation. */
function cellText(api: GridApi, node: IRowNode, column: Column): string {
  const colDef = column.getColDef();
  const kind = cellKindOf(colDef, api);
  const raw = TYPED_KINDS.has(kind.type) ? rawValue(api, node, column) : undefined;
  switch (kind.type) {
    case 'money':
      return typeof raw === 'number' ? formatCentsPlain(raw) : '';
    case 'date':
      return typeof raw === 'string' ? formatDate(raw) : '';
    case 'boolean':
      return raw === true ? 'ja' : raw === false ? 'nee' : '';
    case 'decimal':
      if (typeof raw === 'number') return kind.percent ? `${formatNumber(raw, 1)}%` : String(raw).replace('.', ',');
      break;
    default:
      break;
  }
  const formatted = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
  return formatted === null || formatted === undefined ? '' : String(formatted);
}

/** The header of a column as the grid shows it. */
export function headerOf(api: GridApi, column: Column): string {
  return api.getDisplayNameForColumn(column, 'header') ?? column.getColId();
}

/** Rows as the grid shows them (filter and sort applied), without pinned totals rows. */
export function displayedNodes<T>(api: GridApi<T>): IRowNode<T>[] {
  const nodes: IRowNode<T>[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data && !node.rowPinned) nodes.push(node);
  });
  return nodes;
}

/**
 * Columns that hold data, left to right as shown: not a column that only draws buttons (Verwijderen),
 * which has a cell renderer and no field or valueGetter; the Logboek's rendered columns hold text.
 */
export function dataColumns(api: GridApi): Column[] {
  return api.getAllDisplayedColumns().filter((column) => {
    const colDef = column.getColDef();
    return !colDef.cellRenderer || colDef.field !== undefined || colDef.valueGetter !== undefined;
  });
}

export type ExportType = 'text' | 'money' | 'date' | 'number' | 'integer' | 'percent';

/** How a column goes into an XLSX export: its kind where known, a plain number where the grid shows one as it is. */
export function exportTypeOf<T>(api: GridApi<T>, column: Column, nodes: IRowNode<T>[]): ExportType {
  const colDef = column.getColDef();
  const kind = cellKindOf(colDef, api);
  if (kind.type === 'money') return 'money';
  if (kind.type === 'date') return 'date';
  if (kind.type === 'integer') return 'integer';
  if (kind.type === 'decimal') return kind.percent ? 'percent' : 'number';
  if (kind.type !== 'text' || colDef.valueFormatter || colDef.cellRenderer) return 'text';
  const first = nodes.map((node) => api.getCellValue({ rowNode: node, colKey: column })).find((v) => v !== null && v !== undefined && v !== '');
  return typeof first === 'number' ? 'number' : 'text';
}

/**
 * One cell for the export: cents, ISO dates and numbers as they are; anything else as the grid shows it.
 * Text goes as it is shown: the backend's XLSX writer keeps it from becoming a formula, as in every file.
 */
export function exportValue<T>(api: GridApi<T>, node: IRowNode<T>, column: Column, type: ExportType): string | number | null {
  if (type === 'text') {
    const text = cellText(api as GridApi, node as IRowNode, column);
    return text === '' ? null : text;
  }
  const raw = rawValue(api as GridApi, node as IRowNode, column);
  if (raw === null || raw === undefined || raw === '') return null;
  if (type === 'date') return typeof raw === 'string' ? raw : null;
  return typeof raw === 'number' ? raw : null;
}
