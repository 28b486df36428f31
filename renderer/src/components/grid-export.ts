import type { GridApi } from 'ag-grid-community';
import { fileNameFromTitle } from '../../../shared/format/file-name.ts';
import { api } from '../api/client.ts';
import type { FileToken } from '../../../shared/api/files.ts';
import { saveOrDownload, type MadeFile, type Saved } from './files.ts';
import { dataColumns, displayedNodes, exportTypeOf, exportValue, headerOf } from './grid-cells.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether the host shows save dialogs (desktop app) or the browser downloads (preview); asked once. */
let nativeDialogs: Promise<boolean> | null = null;
function hasNativeDialogs(): Promise<boolean> {
  nativeDialogs ??= api.shell.capabilities({}).then((c) => c.nativeDialogs, () => false);
  return nativeDialogs;
}

/**
 * "Exporteren naar Excel": the grid's columns and rows as it shows them (filter and sort applied, pinned
 * totals left out), typed per column, written by the backend (workbook.exportTable) where the user chose
 * (desktop app) or downloaded (browser preview). Null when the user cancelled the save dialog.
 */
/** Saves an XLSX the backend makes: `make` writes to the dialog's token (desktop app) or returns the bytes (browser preview). */
export async function saveXlsx(title: string, dialogTitle: string, make: (target?: FileToken) => Promise<MadeFile>): Promise<Saved | null> {
  return saveOrDownload({
    nativeDialogs: await hasNativeDialogs(),
    title: dialogTitle,
    defaultName: fileNameFromTitle(title, 'xlsx'),
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    mime: XLSX_MIME,
    make,
  });
}

export async function exportGrid<T>(grid: GridApi<T>, title: string, dialogTitle: string): Promise<Saved | null> {
  const columns = dataColumns(grid as GridApi);
  const nodes = displayedNodes(grid);
  const types = columns.map((column) => exportTypeOf(grid, column, nodes));
  const table = {
    title,
    columns: columns.map((column, i) => ({ title: headerOf(grid as GridApi, column), type: types[i] })),
    rows: nodes.map((node) => columns.map((column, i) => exportValue(grid, node, column, types[i]))),
  };
  return saveXlsx(title, dialogTitle, (target) => api.workbook.exportTable({ ...table, ...(target ? { path: target } : {}) }));
}
