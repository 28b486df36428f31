import { DataGrid, type DataGridProps } from './DataGrid.tsx';
import type { GridEditing } from './useGridEditing.ts';

/**
 * A DataGrid whose cell edits are saved through useGridEditing, with Ctrl+Z / Ctrl+Y anywhere in it.
 * Rows are identified by their id.
 */
export function EditableGrid<T extends { id: number }>({ editing, ...props }: Omit<DataGridProps<T>, 'onGridReady' | 'onCellValueChanged'> & { editing: GridEditing<T> }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- keyboard shortcuts for the grid inside
    <div onKeyDown={editing.onKeyDown}>
      <DataGrid<T> getRowId={(p) => String(p.data.id)} {...props} onGridReady={(e) => editing.setApi(e.api)} onCellValueChanged={editing.onCellValueChanged} />
    </div>
  );
}
