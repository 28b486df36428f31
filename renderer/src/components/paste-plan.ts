import type { CellBlock } from './clipboard.ts';
import { decideBlockReading, readCell, votesOnMark, type CellKind } from './paste-values.ts';

/**
 * How a pasted block lands in a grid: from the focused cell to the right and down, over the rows as
 * the grid shows them (its filter and sort), rows past the end becoming new rows where the grid adds
 * rows. Every cell is read and checked here; a row with a refused cell is left out whole, so nothing
 * is half-written within a row. Pure: tested without a browser.
 */

/** A grid column as paste sees it. */
export interface PasteColumn {
  colId: string;
  /** As labelled above the column: refusals name it. */
  header: string;
  kind: CellKind;
  /** The field it changes on an existing row; absent when the grid does not let it be changed. */
  field?: string;
  /** The field it fills on a new row; absent when a new row does not take it. */
  createField?: string;
}

export interface PasteRefusal {
  /** Row number within the pasted block, from 1, as in the spreadsheet selection it came from. */
  blockRow: number;
  /** The grid row it was meant for ("nieuwe regel" for one that would have been added). */
  target: string;
  /** The column as labelled, or "—" for a reason about the whole row. */
  column: string;
  value: string;
  reason: string;
}

export interface PlannedUpdate {
  id: number;
  blockRow: number;
  /** The row as refusals name it. */
  target: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** What was pasted per field, to name it in a refusal from the backend. */
  texts: Record<string, string>;
}

export interface PlannedCreate {
  blockRow: number;
  fields: Record<string, unknown>;
  texts: Record<string, string>;
}

export interface PastePlan {
  updates: PlannedUpdate[];
  creates: PlannedCreate[];
  refused: PasteRefusal[];
  /** Cells that will be written. */
  cells: number;
  /** Columns that cannot be pasted into (Werkboek computes them), as labelled: their cells were skipped. */
  skippedColumns: string[];
  /** Cells to the right of the grid's last column: skipped. */
  outsideCells: number;
  /** The block's first row repeated the column headers and was not pasted. */
  headerSkipped: boolean;
}

export interface PasteTarget<R extends { id: number }> {
  /** The grid's columns as shown, left to right. */
  columns: PasteColumn[];
  /** The grid's rows as shown (filter and sort applied), top to bottom. */
  rows: R[];
  startRow: number;
  startColumn: number;
  /** True when rows past the end become new rows; otherwise the reason they cannot, said to the user. */
  newRows: true | string;
  /** How a refusal names an existing row ("OR01 / 4300", "schaal 7"). */
  rowLabel?(row: R, index: number): string;
}

export const NEW_ROW = 'nieuwe regel';

function normaliseHeader(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.:]+$/, '').toLowerCase();
}

function isHeaderRow(cells: string[], columns: Array<PasteColumn | undefined>): boolean {
  let filled = 0;
  let matching = 0;
  cells.forEach((text, j) => {
    if (text.trim() === '') return;
    filled += 1;
    const column = columns[j];
    if (column && normaliseHeader(column.header) === normaliseHeader(text)) matching += 1;
  });
  return matching > 0 && matching * 2 >= filled;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function planPaste<R extends { id: number }>(block: CellBlock, target: PasteTarget<R>): PastePlan {
  const plan: PastePlan = { updates: [], creates: [], refused: [], cells: 0, skippedColumns: [], outsideCells: 0, headerSkipped: false };
  const width = Math.max(0, ...block.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, j) => target.columns[target.startColumn + j]);
  let first = 0;
  if (block.length > 1 && isHeaderRow(block[0], columns)) {
    plan.headerSkipped = true;
    first = 1;
  }

  // The decimal mark is decided for the whole block, as an import decides it for a whole file.
  const votes: string[] = [];
  for (let i = first; i < block.length; i += 1) {
    block[i].forEach((text, j) => {
      const column = columns[j];
      if (column && votesOnMark(column.kind) && text.trim() !== '') votes.push(text);
    });
  }
  const reading = decideBlockReading(votes);

  const skipped = new Set<string>();
  for (let i = first; i < block.length; i += 1) {
    const cells = block[i];
    const blockRow = i + 1;
    const rowIndex = target.startRow + (i - first);
    const row = target.rows[rowIndex] as (R & Record<string, unknown>) | undefined;
    if (cells.every((c) => c.trim() === '') && !row) continue;
    const label = row ? (target.rowLabel?.(row, rowIndex) ?? `regel ${rowIndex + 1}`) : NEW_ROW;
    if (!row && target.newRows !== true) {
      plan.refused.push({ blockRow, target: label, column: '—', value: cells.join(' | ').trim(), reason: target.newRows });
      continue;
    }
    const values: Record<string, unknown> = {};
    const texts: Record<string, string> = {};
    const refusals: PasteRefusal[] = [];
    cells.forEach((text, j) => {
      const column = columns[j];
      if (!column) {
        if (text.trim() !== '') plan.outsideCells += 1;
        return;
      }
      const field = row ? column.field : column.createField;
      const refuse = (reason: string) => refusals.push({ blockRow, target: label, column: column.header, value: text, reason });
      if (!field) {
        if (!column.field && !column.createField) {
          // A column Werkboek computes: what was pasted there is skipped, and said once.
          if (text.trim() !== '') skipped.add(column.header);
          return;
        }
        // A column that names the row (cost centre, code): pasted over an existing row it must name that row.
        if (row && column.createField) {
          const parsed = readCell(text, column.kind, reading);
          if (text.trim() !== '' && (!parsed.ok || !same(parsed.value, row[column.createField]))) {
            refuse(`${column.header} kan in de tabel niet worden gewijzigd (de regel heeft ${String(row[column.createField] ?? '')})`);
          }
        }
        return;
      }
      if (!row && text.trim() === '') return; // a new row takes its defaults for what was left empty
      const parsed = readCell(text, column.kind, reading);
      if (!parsed.ok) return refuse(parsed.reason);
      values[field] = parsed.value;
      texts[field] = text;
    });
    if (refusals.length > 0) {
      plan.refused.push(...refusals);
      continue;
    }
    if (row) {
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(values)) {
        if (same(value, row[field])) continue;
        before[field] = row[field] ?? null;
        after[field] = value;
      }
      if (Object.keys(after).length === 0) continue;
      plan.updates.push({ id: row.id, blockRow, target: label, before, after, texts });
      plan.cells += Object.keys(after).length;
    } else if (Object.keys(values).length > 0) {
      plan.creates.push({ blockRow, fields: values, texts });
      plan.cells += Object.keys(values).length;
    }
  }
  plan.skippedColumns = [...skipped];
  return plan;
}
