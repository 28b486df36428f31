import type { CellValueChangedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from './useApi.ts';

interface Edit {
  id: number;
  field: string;
  before: unknown;
  after: unknown;
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
}

const LIMIT = 100;

/**
 * Saves each cell edit through the API and keeps our own undo/redo history of saved edits (Ctrl+Z,
 * Ctrl+Y, Ctrl+Shift+Z, and buttons). AG Grid's built-in undo forgets its history when totals are
 * refreshed; ours reverts what the backend saved, whatever else happened on the page since.
 */
export function useGridEditing<T extends { id: number }>(options: {
  fieldOf(colId: string): string | undefined;
  save(id: number, patch: Record<string, unknown>): Promise<T>;
  onSaved?(row: T): void;
  onError(message: string): void;
}): GridEditing<T> {
  const saved = useRef(new Map<number, T>());
  const undoStack = useRef<Edit[]>([]);
  const redoStack = useRef<Edit[]>([]);
  const gridApi = useRef<GridApi<T> | null>(null);
  const [, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const apply = useCallback(async (id: number, field: string, value: unknown): Promise<boolean> => {
    try {
      const updated = await optionsRef.current.save(id, { [field]: value });
      saved.current.set(id, { ...updated });
      const node = gridApi.current?.getRowNode(String(id));
      if (node?.data) {
        Object.assign(node.data, updated);
        // In place: replacing row data would reset sorting, filters and focus.
        gridApi.current?.refreshCells({ rowNodes: [node], force: true });
      }
      optionsRef.current.onSaved?.(updated);
      return true;
    } catch (error) {
      optionsRef.current.onError(errorMessage(error));
      const previous = saved.current.get(id);
      const node = gridApi.current?.getRowNode(String(id));
      if (previous && node?.data) {
        Object.assign(node.data, previous);
        gridApi.current?.refreshCells({ rowNodes: [node], force: true });
      }
      return false;
    }
  }, []);

  const undo = useCallback(async () => {
    const edit = undoStack.current.pop();
    if (!edit) return;
    if (await apply(edit.id, edit.field, edit.before)) redoStack.current.push(edit);
    else undoStack.current.push(edit);
    bump();
  }, [apply]);

  const redo = useCallback(async () => {
    const edit = redoStack.current.pop();
    if (!edit) return;
    if (await apply(edit.id, edit.field, edit.after)) undoStack.current.push(edit);
    else redoStack.current.push(edit);
    bump();
  }, [apply]);

  return {
    onCellValueChanged(event) {
      if (event.node.rowPinned || !event.data) return;
      const field = optionsRef.current.fieldOf(event.colDef.colId ?? event.colDef.field ?? '');
      if (!field) return;
      const id = event.data.id;
      const before = (saved.current.get(id) as Record<string, unknown> | undefined)?.[field];
      const after = (event.data as Record<string, unknown>)[field];
      if (before === after) return;
      void apply(id, field, after).then((ok) => {
        if (!ok) return;
        undoStack.current.push({ id, field, before, after });
        if (undoStack.current.length > LIMIT) undoStack.current.shift();
        redoStack.current = [];
        bump();
      });
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
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    reset(rows) {
      saved.current = new Map(rows.map((row) => [row.id, { ...row }]));
      undoStack.current = [];
      redoStack.current = [];
      bump();
    },
    setApi(api) {
      gridApi.current = api;
    },
  };
}
