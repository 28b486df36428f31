import type { CellClassParams, CellClickedEvent, CellFocusedEvent, ColDef, GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import { bounds, everything, extend, isRangeKey, size, wholeRows, type CellPosition, type CellRange } from './cell-range.ts';
import { writeHtmlTable, writeTabText, type CellBlock } from './clipboard.ts';
import { copyText, dataColumns, headerOf } from './grid-cells.ts';

/**
 * Copy out of any grid, as AG Grid Community has no range selection or clipboard module: Shift+arrows
 * (Ctrl+Shift+arrows to the edge) or Shift+click choose a range from the focused cell, Shift+Space
 * widens it to whole rows, Ctrl+A takes every cell; Ctrl+C copies the range (or the focused cell) as
 * tab-separated text and an HTML table, in Dutch notation, so Excel reads numbers and dates. The
 * "Kopiëren" button copies the range, or with none the rows as shown, with the column names above.
 */
export function useGridCopy<T>(onCopied: (cells: number) => void) {
  const api = useRef<GridApi<T> | null>(null);
  const section = useRef<HTMLElement | null>(null);
  const range = useRef<CellRange | null>(null);
  /** Rows and column ids inside the range, for the cell class rule. */
  const inRange = useRef<{ top: number; bottom: number; columns: Set<string> } | null>(null);
  const [chosen, setChosen] = useState<{ rows: number; columns: number } | null>(null);
  const anchorForClick = useRef<CellPosition | null>(null);
  const focus = useRef<CellPosition | null>(null);
  const copyAll = useRef(false);
  const onCopiedRef = useRef(onCopied);
  onCopiedRef.current = onCopied;

  const columnIndex = (colId: string) => (api.current ? dataColumns(api.current).findIndex((c) => c.getColId() === colId) : -1);

  const setRange = useCallback((next: CellRange | null) => {
    const grid = api.current;
    range.current = next;
    if (grid && next) {
      const b = bounds(next);
      const columns = dataColumns(grid).slice(b.left, b.right + 1).map((c) => c.getColId());
      inRange.current = { top: b.top, bottom: b.bottom, columns: new Set(columns) };
    } else inRange.current = null;
    grid?.refreshCells({ force: true });
    const s = next ? size(next) : null;
    setChosen(s && s.rows * s.columns > 1 ? s : null);
  }, []);

  const moveFocus = (position: CellPosition) => {
    const grid = api.current;
    const column = grid ? dataColumns(grid)[position.column] : undefined;
    if (!grid || !column) return;
    grid.ensureIndexVisible(position.row);
    grid.ensureColumnVisible(column);
    grid.setFocusedCell(position.row, column);
  };

  const onKeyDownCapture = (event: React.KeyboardEvent) => {
    const grid = api.current;
    if (!grid || grid.getEditingCells().length > 0) return;
    if ((event.target as HTMLElement).closest('input, textarea, select')) return;
    const focused = grid.getFocusedCell();
    if (!focused || focused.rowPinned || focused.rowIndex === null) return;
    const from = { row: focused.rowIndex, column: columnIndex(focused.column.getColId()) };
    if (from.column < 0) return;
    const limits = { rows: grid.getDisplayedRowCount(), columns: dataColumns(grid).length };
    const ctrl = event.ctrlKey || event.metaKey;
    let next: CellRange | null = null;
    if (event.shiftKey && isRangeKey(event.key)) next = extend(range.current, from, event.key, limits, ctrl);
    else if (event.shiftKey && event.key === ' ') next = wholeRows(range.current, from, limits.columns);
    else if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'a') next = everything(limits);
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    setRange(next);
    if (isRangeKey(event.key)) moveFocus(next.end);
  };

  const onCellFocused = (event: CellFocusedEvent<T>) => {
    const previous = focus.current;
    const colId = typeof event.column === 'object' && event.column ? event.column.getColId() : null;
    focus.current = event.rowIndex === null || event.rowPinned || !colId ? null : { row: event.rowIndex, column: columnIndex(colId) };
    // Focus moved by Shift+arrow lands on the range's end: the range stays. Anywhere else it is let go.
    const end = range.current?.end;
    if (end && focus.current && end.row === focus.current.row && end.column === focus.current.column) return;
    anchorForClick.current = range.current?.anchor ?? previous;
    if (range.current) setRange(null);
  };

  const onCellClicked = (event: CellClickedEvent<T>) => {
    const mouse = event.event as MouseEvent | null | undefined;
    if (!mouse?.shiftKey || !anchorForClick.current || event.rowIndex === null || event.rowPinned) return;
    setRange({ anchor: anchorForClick.current, end: { row: event.rowIndex, column: columnIndex(event.column.getColId()) } });
  };

  /** Adds the "chosen" look to the cells of the range, keeping the column's own classes. */
  const withRangeClass = useCallback(
    (colDef: ColDef<T>): ColDef<T> => ({
      ...colDef,
      cellClassRules: {
        ...colDef.cellClassRules,
        'cell-in-range': (p: CellClassParams<T>) => {
          const r = inRange.current;
          const row = p.node.rowIndex;
          return Boolean(r && !p.node.rowPinned && row !== null && row >= r.top && row <= r.bottom && r.columns.has(p.column.getColId()));
        },
      },
    }),
    [],
  );

  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      const grid = api.current;
      const root = section.current;
      const active = document.activeElement;
      if (!grid || !root || !active || !root.contains(active) || !event.clipboardData) return;
      if (!copyAll.current && (grid.getEditingCells().length > 0 || active.closest('input, textarea, select'))) return;
      if (!copyAll.current && window.getSelection()?.toString()) return; // text the user selected with the mouse
      const block = blockToCopy(grid, range.current, copyAll.current);
      if (!block) return;
      event.clipboardData.setData('text/plain', writeTabText(block));
      event.clipboardData.setData('text/html', writeHtmlTable(block));
      event.preventDefault();
      onCopiedRef.current(block.reduce((n, row) => n + row.length, 0) - (copyAll.current && !range.current ? block[0].length : 0));
    };
    document.addEventListener('copy', onCopy, true);
    return () => document.removeEventListener('copy', onCopy, true);
  }, []);

  /** The "Kopiëren" button: the browser's own copy command, so no clipboard permission is needed. */
  const copyButton = () => {
    copyAll.current = true;
    try {
      document.execCommand('copy');
    } finally {
      copyAll.current = false;
    }
  };

  return { api, section, chosen, onKeyDownCapture, onCellFocused, onCellClicked, withRangeClass, copyButton };
}

function nodesBetween<T>(grid: GridApi<T>, top: number, bottom: number): IRowNode<T>[] {
  const nodes: IRowNode<T>[] = [];
  for (let i = top; i <= bottom; i += 1) {
    const node = grid.getDisplayedRowAtIndex(i);
    if (node?.data) nodes.push(node);
  }
  return nodes;
}

/** The cells to copy: the range; else, for the button, every row shown with the column names; else the focused cell. */
function blockToCopy<T>(grid: GridApi<T>, range: CellRange | null, all: boolean): CellBlock | null {
  const columns = dataColumns(grid);
  if (range) {
    const b = bounds(range);
    const chosen = columns.slice(b.left, b.right + 1);
    return nodesBetween(grid, b.top, b.bottom).map((node) => chosen.map((column) => copyText(grid, node, column)));
  }
  if (all) {
    const rows = nodesBetween(grid, 0, grid.getDisplayedRowCount() - 1).map((node) => columns.map((column) => copyText(grid, node, column)));
    return [columns.map((column) => headerOf(grid, column)), ...rows];
  }
  const focused = grid.getFocusedCell();
  if (!focused || focused.rowPinned || focused.rowIndex === null) return null;
  const node = grid.getDisplayedRowAtIndex(focused.rowIndex);
  const column = columns.find((c) => c.getColId() === focused.column.getColId());
  return node?.data && column ? [[copyText(grid, node, column)]] : null;
}
