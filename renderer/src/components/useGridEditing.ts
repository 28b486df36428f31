import type { CellValueChangedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import type { BatchRefusal, GridBatch, GridBatchResult } from '../../../shared/api/batch.ts';
import type { CellBlock } from './clipboard.ts';
import { EditHistory, type Change, type Direction } from './edit-history.ts';
import { cellKindOf, dataColumns, displayedNodes, headerOf } from './grid-cells.ts';
import { NEW_ROW, planPaste, type PasteColumn, type PastePlan, type PasteRefusal, type PlannedCreate, type PlannedUpdate } from './paste-plan.ts';
import type { CellKind } from './paste-values.ts';
import { errorMessage } from './useApi.ts';

export interface PasteOptions<T> {
  /** The area's batch method: the pasted rows in one transaction (and the batch that undoes them). */
  save(batch: GridBatch): Promise<GridBatchResult<T>>;
  /** True when rows pasted past the end become new rows; otherwise the reason they cannot, said to the user. */
  newRows: true | string;
  /** Columns that name a new row but cannot change an existing one (cost centre, code): colId → its field on a new row. */
  identity?: Record<string, { field: string; kind?: CellKind }>;
  /** How a refusal names an existing row ("OR01 / 4300 Groen BV"). */
  rowLabel?(row: T): string;
}

/** What a paste did, for the report beside the grid. */
export interface PasteReport {
  /** Rows changed or added. */
  rows: number;
  added: number;
  cells: number;
  refused: PasteRefusal[];
  skippedColumns: string[];
  outsideCells: number;
  headerSkipped: boolean;
}

export interface GridEditing<T> {
  onCellValueChanged(event: CellValueChangedEvent<T>): void;
  /** For a wrapper element around the grid: Ctrl+Z / Ctrl+Y anywhere in it, unless a cell is being edited. */
  onKeyDown(event: React.KeyboardEvent): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  canUndo: boolean;
  canRedo: boolean;
  /** Call when rows are (re)loaded from the backend: they are the saved state edits start from. */
  reset(rows: T[]): void;
  setApi(api: GridApi<T>): void;
  /** Whether blocks can be pasted (the grid has a batch method and the workbook is not read-only). */
  canPaste: boolean;
  /** Pastes a block from the focused cell to the right and down, as one step of the history. */
  paste(block: CellBlock): Promise<PasteReport | null>;
  report: PasteReport | null;
  clearReport(): void;
  /** The grid's rows as they are now (pasted rows included); `loaded` until the grid is ready. */
  rows(loaded: T[]): T[];
}

/** A paste in the history: the batch it was, and what was pasted per row to name backend refusals. */
type BatchChange = Change & { batch: true; planned?: { updates: PlannedUpdate[]; creates: PlannedCreate[] }; backendRefused?: PasteRefusal[] };

function isBatch(change: Change): change is BatchChange {
  return (change as BatchChange).batch === true;
}

/**
 * Saves each cell edit through the API and keeps our own undo/redo history (Ctrl+Z, Ctrl+Y,
 * Ctrl+Shift+Z, and buttons). An edit is in the history the moment it is made; the saves, undos and
 * redos of one grid run in order (see EditHistory). A paste is one step: one batch, one transaction,
 * undone by one Ctrl+Z. AG Grid's built-in undo forgets its history when totals are refreshed; ours
 * reverts what the backend saved, whatever else happened on the page since.
 */
export function useGridEditing<T extends { id: number }>(options: {
  fieldOf(colId: string): string | undefined;
  save(id: number, patch: Record<string, unknown>): Promise<T>;
  onSaved?(row: T): void;
  onError(message: string): void;
  /** Block paste into this grid; without it, Ctrl+V pastes nothing. */
  paste?: PasteOptions<T>;
  readOnly?: boolean;
}): GridEditing<T> {
  /** Rows as the backend last returned them. */
  const saved = useRef(new Map<number, T>());
  /** Rows as they will be once every queued save has landed: an edit's "before". */
  const expected = useRef(new Map<number, Record<string, unknown>>());
  const gridApi = useRef<GridApi<T> | null>(null);
  const [, setVersion] = useState(0);
  const [report, setReport] = useState<PasteReport | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const showRow = useCallback((id: number, values: Record<string, unknown>) => {
    const node = gridApi.current?.getRowNode(String(id));
    if (!node?.data) return;
    // In place: replacing row data would reset sorting, filters and focus.
    Object.assign(node.data, values);
    gridApi.current?.refreshCells({ rowNodes: [node], force: true });
  }, []);

  const historyRef = useRef<EditHistory | null>(null);
  if (!historyRef.current) {
    const landed = (row: T) => {
      const history = historyRef.current!;
      saved.current.set(row.id, { ...row });
      if (!history.isWaiting(row.id)) {
        expected.current.set(row.id, { ...row } as Record<string, unknown>);
        showRow(row.id, { ...row });
      }
      optionsRef.current.onSaved?.(row);
    };

    const persistCell = async (change: Change, direction: Direction): Promise<boolean> => {
      const history = historyRef.current!;
      let ok = true;
      for (const row of change.updates) {
        const patch = direction === 'undo' ? row.before : row.after;
        try {
          landed(await optionsRef.current.save(row.id, patch));
        } catch (error) {
          ok = false;
          optionsRef.current.onError(errorMessage(error));
          // Back to what is saved: the grid and the next edit's "before" must not show a value that is not.
          const previous = saved.current.get(row.id) as Record<string, unknown> | undefined;
          if (previous && !history.isWaiting(row.id)) {
            const current = expected.current.get(row.id);
            for (const field of Object.keys(patch)) if (current) current[field] = previous[field];
            showRow(row.id, previous);
          }
        }
      }
      return ok;
    };

    const persistBatch = async (change: BatchChange, direction: Direction): Promise<boolean> => {
      const history = historyRef.current!;
      const api = gridApi.current;
      const batch: GridBatch =
        direction === 'undo'
          ? { updates: change.updates.map((u) => ({ id: u.id, patch: u.before })), creates: [], deletes: change.created.flatMap((c) => (c.id === null ? [] : [c.id])) }
          : { updates: change.updates.map((u) => ({ id: u.id, patch: u.after })), creates: change.created.map((c) => c.fields), deletes: [] };
      let result: GridBatchResult<T>;
      try {
        result = await optionsRef.current.paste!.save(batch);
      } catch (error) {
        optionsRef.current.onError(errorMessage(error));
        for (const u of change.updates) {
          const previous = saved.current.get(u.id) as Record<string, unknown> | undefined;
          if (previous && !history.isWaiting(u.id)) {
            expected.current.set(u.id, { ...previous });
            showRow(u.id, previous);
          }
        }
        return false;
      }
      for (const row of result.updated) if (row) landed(row);
      const added = result.created.filter((row): row is T => row !== null);
      if (added.length > 0) {
        api?.applyTransaction({ add: added.map((row) => ({ ...row })) });
        for (const row of added) landed(row);
      }
      if (result.deleted.length > 0) {
        const gone = result.deleted.flatMap((id) => {
          saved.current.delete(id);
          expected.current.delete(id);
          const data = api?.getRowNode(String(id))?.data;
          return data ? [data] : [];
        });
        api?.applyTransaction({ remove: gone });
      }
      // Rows the backend refused were not saved: they leave the step, and the grid shows what is saved.
      for (const r of result.refused) {
        if (r.op !== 'update') continue;
        const id = change.updates[r.index]?.id;
        const previous = id === undefined ? undefined : (saved.current.get(id) as Record<string, unknown> | undefined);
        if (id !== undefined && previous && !history.isWaiting(id)) {
          expected.current.set(id, { ...previous });
          showRow(id, previous);
        }
      }
      if (direction === 'do') {
        change.backendRefused = result.refused.map((r) => describeRefusal(r, change, api));
        change.created.forEach((c, i) => (c.id = result.created[i]?.id ?? null));
        keepSaved(change, result);
      } else {
        if (direction === 'redo') {
          change.created.forEach((c, i) => {
            const now = result.created[i]?.id ?? null;
            if (c.id !== null && now !== null && now !== c.id) history.renameRow(c.id, now);
            c.id = now;
          });
        }
        if (result.refused.length > 0) optionsRef.current.onError(result.refused.map((r) => r.message).join(' '));
      }
      return result.updated.some(Boolean) || result.created.some(Boolean) || result.deleted.length > 0 || (direction !== 'do' && result.refused.length === 0);
    };

    historyRef.current = new EditHistory(
      (change, direction) => (isBatch(change) ? persistBatch(change, direction) : persistCell(change, direction)),
      () => setVersion((v) => v + 1),
    );
  }
  const history = historyRef.current;

  /** Shows the values a change will have once its undo or redo is saved, without waiting for the save. */
  const showAhead = useCallback(
    (change: Change | undefined, side: 'before' | 'after') => {
      for (const row of change?.updates ?? []) {
        const values = row[side];
        const current = expected.current.get(row.id);
        if (current) Object.assign(current, values);
        showRow(row.id, values);
      }
    },
    [showRow],
  );

  const undo = useCallback(async () => {
    showAhead(history.peekUndo(), 'before');
    await history.undo();
  }, [history, showAhead]);

  const redo = useCallback(async () => {
    showAhead(history.peekRedo(), 'after');
    await history.redo();
  }, [history, showAhead]);

  const paste = useCallback(
    async (block: CellBlock): Promise<PasteReport | null> => {
      const api = gridApi.current;
      const pasteOptions = optionsRef.current.paste;
      if (!api || !pasteOptions || optionsRef.current.readOnly) return null;
      const plan = planFor(api, block, optionsRef.current.fieldOf, pasteOptions);
      if (!plan) {
        optionsRef.current.onError('Klik eerst in de cel waar het plakken moet beginnen.');
        return null;
      }
      const change: BatchChange = {
        batch: true,
        updates: plan.updates.map((u) => ({ id: u.id, before: u.before, after: u.after })),
        created: plan.creates.map((c) => ({ id: null, fields: c.fields })),
        planned: { updates: plan.updates, creates: plan.creates },
      };
      let saved = true;
      if (change.updates.length + change.created.length > 0) {
        for (const u of change.updates) Object.assign(expected.current.get(u.id) ?? {}, u.after);
        saved = await history.record(change);
      }
      const done: PasteReport = {
        rows: saved ? change.updates.length + change.created.length : 0,
        added: saved ? change.created.length : 0,
        cells: saved ? change.updates.reduce((n, u) => n + Object.keys(u.after).length, 0) + change.created.reduce((n, c) => n + Object.keys(c.fields).length, 0) : 0,
        refused: [...plan.refused, ...(change.backendRefused ?? [])].sort((a, b) => a.blockRow - b.blockRow),
        skippedColumns: plan.skippedColumns,
        outsideCells: plan.outsideCells,
        headerSkipped: plan.headerSkipped,
      };
      setReport(done);
      return done;
    },
    [history],
  );

  return {
    onCellValueChanged(event) {
      if (event.node.rowPinned || !event.data) return;
      const field = optionsRef.current.fieldOf(event.colDef.colId ?? event.colDef.field ?? '');
      if (!field) return;
      const id = event.data.id;
      const current = expected.current.get(id) ?? { ...(saved.current.get(id) as Record<string, unknown> | undefined) };
      expected.current.set(id, current);
      const before = current[field];
      const after = (event.data as Record<string, unknown>)[field];
      if (before === after) return;
      current[field] = after;
      void history.record({ updates: [{ id, before: { [field]: before }, after: { [field]: after } }], created: [] });
    },
    onKeyDown(event) {
      if (!(event.ctrlKey || event.metaKey) || (gridApi.current?.getEditingCells().length ?? 0) > 0) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select') && !target.closest('.ag-root')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        void redo();
      }
    },
    undo,
    redo,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    reset(rows) {
      saved.current = new Map(rows.map((row) => [row.id, { ...row }]));
      expected.current = new Map(rows.map((row) => [row.id, { ...row } as Record<string, unknown>]));
      history.clear();
    },
    setApi(api) {
      gridApi.current = api;
    },
    canPaste: Boolean(options.paste) && !options.readOnly,
    paste,
    report,
    clearReport: () => setReport(null),
    rows(loaded) {
      const api = gridApi.current;
      if (!api || api.isDestroyed()) return loaded;
      const rows: T[] = [];
      api.forEachNode((node) => {
        if (node.data) rows.push(node.data);
      });
      return rows;
    },
  };
}

/** The paste's plan on the grid as it is shown now; null when there is no cell to start from. */
function planFor<T extends { id: number }>(api: GridApi<T>, block: CellBlock, fieldOf: (colId: string) => string | undefined, paste: PasteOptions<T>): PastePlan | null {
  const columns = dataColumns(api);
  const pasteColumns: PasteColumn[] = columns.map((column) => {
    const colId = column.getColId();
    const identity = paste.identity?.[colId];
    const field = fieldOf(colId);
    return {
      colId,
      header: headerOf(api, column),
      kind: identity?.kind ?? cellKindOf(column.getColDef(), api),
      field,
      createField: identity?.field ?? (paste.newRows === true ? field : undefined),
    };
  });
  const rows = displayedNodes(api).map((node) => node.data as T);
  const focused = api.getFocusedCell();
  let startRow: number;
  let startColumn = 0;
  if (focused && !focused.rowPinned && focused.rowIndex !== null) {
    startRow = focused.rowIndex;
    startColumn = Math.max(0, columns.findIndex((c) => c.getColId() === focused.column.getColId()));
  } else if (rows.length === 0 || paste.newRows === true) {
    // Nothing focused: an empty grid fills from the top, a filled one gets the block as new rows.
    startRow = rows.length;
  } else {
    return null;
  }
  return planPaste(block, { columns: pasteColumns, rows, startRow, startColumn, newRows: paste.newRows, rowLabel: paste.rowLabel ? (row) => paste.rowLabel!(row) : undefined });
}

/** A refusal from the backend, named as the user pasted it: block row, column as labelled, the value. */
function describeRefusal(r: BatchRefusal, change: BatchChange, api: GridApi | null): PasteRefusal {
  const planned: { blockRow: number; texts: Record<string, string>; target?: string } | undefined = r.op === 'update' ? change.planned?.updates[r.index] : change.planned?.creates[r.index];
  const column = r.field && api ? dataColumns(api).find((c) => c.getColId() === r.field || c.getColDef().field === r.field) : undefined;
  const header = column && api ? headerOf(api, column) : '—';
  const target = planned?.target ?? NEW_ROW;
  return { blockRow: planned?.blockRow ?? 0, target, column: header, value: r.field ? (planned?.texts[r.field] ?? '') : '', reason: r.message };
}

/** After the paste's save: the step keeps only the rows that were saved, so its undo reverts exactly those. */
function keepSaved<T>(change: BatchChange, result: GridBatchResult<T>): void {
  const keptUpdates = change.updates.filter((_, i) => result.updated[i] !== null);
  const keptCreated = change.created.filter((_, i) => result.created[i] !== null);
  change.updates.splice(0, change.updates.length, ...keptUpdates);
  change.created.splice(0, change.created.length, ...keptCreated);
}
