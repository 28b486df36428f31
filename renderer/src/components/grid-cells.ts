import type { ColDef, Column, GridApi, IRowNode, ValueFormatterParams } from 'ag-grid-community';
import { formatCentsPlain, formatDate, formatNumber } from '../../../shared/format/nl.ts';
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
 * words; other cells as the grid shows them.
 */
export function copyText(api: GridApi, node: IRowNode, column: Column): string {
  const colDef = column.getColDef();
  const kind = cellKindOf(colDef, api);
  const raw = (node.data as Record<string, unknown> | undefined)?.[dataKeyOf(column)];
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

/** Columns that hold data (not a button column), left to right as shown. */
export function dataColumns(api: GridApi): Column[] {
  return api.getAllDisplayedColumns().filter((column) => !column.getColDef().cellRenderer || column.getColDef().field);
}
