import type { CellValueChangedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import { EditHistory, type Change, type Direction } from './edit-history.ts';
import { errorMessage } from './useApi.ts';

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
}

/**
 * Saves each cell edit through the API and keeps our own undo/redo history (Ctrl+Z, Ctrl+Y,
 * Ctrl+Shift+Z, and buttons). An edit is in the history the moment it is made; the saves, undos and
 * redos of one grid run in order (see EditHistory). AG Grid's built-in undo forgets its history when
 * totals are refreshed; ours reverts what the backend saved, whatever else happened on the page since.
 */
export function useGridEditing<T extends { id: number }>(options: {
  fieldOf(colId: string): string | undefined;
  save(id: number, patch: Record<string, unknown>): Promise<T>;
  onSaved?(row: T): void;
  onError(message: string): void;
}): GridEditing<T> {
  /** Rows as the backend last returned them. */
  const saved = useRef(new Map<number, T>());
  /** Rows as they will be once every queued save has landed: an edit's "before". */
  const expected = useRef(new Map<number, Record<string, unknown>>());
  const gridApi = useRef<GridApi<T> | null>(null);
  const [, setVersion] = useState(0);
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
    const persist = async (change: Change, direction: Direction): Promise<boolean> => {
      const history = historyRef.current!;
      let ok = true;
      for (const row of change.updates) {
        const patch = direction === 'undo' ? row.before : row.after;
        try {
          const updated = await optionsRef.current.save(row.id, patch);
          saved.current.set(row.id, { ...updated });
          if (!history.isWaiting(row.id)) showRow(row.id, { ...updated });
          optionsRef.current.onSaved?.(updated);
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
    historyRef.current = new EditHistory(persist, () => setVersion((v) => v + 1));
  }
  const history = historyRef.current;

  /** Shows the values a change will have once its undo or redo is saved, without waiting for the save. */
  const showAhead = useCallback((change: Change | undefined, side: 'before' | 'after') => {
    for (const row of change?.updates ?? []) {
      const values = row[side];
      const current = expected.current.get(row.id);
      if (current) Object.assign(current, values);
      showRow(row.id, values);
    }
  }, [showRow]);

  const undo = useCallback(async () => {
    showAhead(history.peekUndo(), 'before');
    await history.undo();
  }, [history, showAhead]);

  const redo = useCallback(async () => {
    showAhead(history.peekRedo(), 'after');
    await history.redo();
  }, [history, showAhead]);

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
  };
}
