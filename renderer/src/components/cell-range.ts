/**
 * A rectangle of cells chosen with Shift+arrows or Shift+click, as in a spreadsheet: from an anchor
 * (where the choice started) to an end (where the focus is now). Positions are the grid's displayed
 * row index and column index. Pure, so the moves are tested without a browser.
 */
export interface CellPosition {
  row: number;
  column: number;
}

export interface CellRange {
  anchor: CellPosition;
  end: CellPosition;
}

export interface RangeBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function bounds(range: CellRange): RangeBounds {
  return {
    top: Math.min(range.anchor.row, range.end.row),
    bottom: Math.max(range.anchor.row, range.end.row),
    left: Math.min(range.anchor.column, range.end.column),
    right: Math.max(range.anchor.column, range.end.column),
  };
}

export function contains(range: CellRange | null, row: number, column: number): boolean {
  if (!range) return false;
  const b = bounds(range);
  return row >= b.top && row <= b.bottom && column >= b.left && column <= b.right;
}

export function size(range: CellRange): { rows: number; columns: number } {
  const b = bounds(range);
  return { rows: b.bottom - b.top + 1, columns: b.right - b.left + 1 };
}

const MOVES: Record<string, CellPosition> = {
  ArrowUp: { row: -1, column: 0 },
  ArrowDown: { row: 1, column: 0 },
  ArrowLeft: { row: 0, column: -1 },
  ArrowRight: { row: 0, column: 1 },
};

export function isRangeKey(key: string): boolean {
  return key in MOVES;
}

/** Shift+arrow: the end moves one cell (to the edge with Ctrl), the anchor stays; within rows × columns. */
export function extend(range: CellRange | null, from: CellPosition, key: string, limits: { rows: number; columns: number }, toEdge = false): CellRange {
  const current = range ?? { anchor: from, end: from };
  const move = MOVES[key];
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max - 1, value));
  const end = toEdge
    ? {
        row: move.row === 0 ? current.end.row : move.row < 0 ? 0 : limits.rows - 1,
        column: move.column === 0 ? current.end.column : move.column < 0 ? 0 : limits.columns - 1,
      }
    : { row: clamp(current.end.row + move.row, limits.rows), column: clamp(current.end.column + move.column, limits.columns) };
  return { anchor: current.anchor, end };
}

/** Shift+Space: the chosen rows, across all columns (copying "the selected rows"). */
export function wholeRows(range: CellRange | null, from: CellPosition, columns: number): CellRange {
  const current = range ?? { anchor: from, end: from };
  return { anchor: { row: current.anchor.row, column: 0 }, end: { row: current.end.row, column: Math.max(0, columns - 1) } };
}

/** Ctrl+A: every cell the grid shows. */
export function everything(limits: { rows: number; columns: number }): CellRange {
  return { anchor: { row: 0, column: 0 }, end: { row: Math.max(0, limits.rows - 1), column: Math.max(0, limits.columns - 1) } };
}
