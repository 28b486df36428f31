import type { GridApi } from 'ag-grid-community';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api as backend } from '../api/client.ts';
import { isBlock, readClipboardBlock, type CellBlock, type ClipboardContent } from './clipboard.ts';
import { DataGrid, type DataGridProps } from './DataGrid.tsx';
import { pasteSummary, PasteReportView, refusedRows } from './PasteReport.tsx';
import { useStatus } from './Status.tsx';
import type { GridEditing, PasteReport } from './useGridEditing.ts';

/** The clipboard for the "Plakken" button: the desktop app's main process reads it; a browser asks its permission. */
async function readClipboard(): Promise<ClipboardContent | null> {
  try {
    return await backend.shell.readClipboard({});
  } catch {
    // Not the desktop app: the browser's clipboard.
  }
  try {
    const content: ClipboardContent = {};
    for (const item of await navigator.clipboard.read()) {
      if (item.types.includes('text/html')) content.html = await (await item.getType('text/html')).text();
      if (item.types.includes('text/plain')) content.text = await (await item.getType('text/plain')).text();
    }
    return content;
  } catch {
    return null;
  }
}

/**
 * A DataGrid whose cell edits are saved through useGridEditing, with Ctrl+Z / Ctrl+Y anywhere in it,
 * and block paste (Ctrl+V, or the "Plakken" button) from Excel, LibreOffice or a web page. A block
 * pasted while a cell is being edited is still a block: the edit is cancelled and the block pasted
 * from that cell, never merged into it. Rows are identified by their id.
 */
export function EditableGrid<T extends { id: number }>({ editing, ...props }: Omit<DataGridProps<T>, 'onGridReady' | 'onCellValueChanged'> & { editing: GridEditing<T> }) {
  const { t } = useTranslation();
  const status = useStatus();
  const wrapper = useRef<HTMLDivElement>(null);
  const gridApi = useRef<GridApi<T> | null>(null);
  const reportId = useId();
  const editingRef = useRef(editing);
  editingRef.current = editing;

  const announce = (report: PasteReport | null) => {
    if (!report) return;
    const refused = refusedRows(report);
    status.info(refused > 0 ? `${pasteSummary(t, report)} ${t('grid.report.refusedShort', { count: refused })}` : pasteSummary(t, report));
  };
  const announceRef = useRef(announce);
  announceRef.current = announce;

  const pasteBlock = (block: CellBlock) => {
    void editingRef.current.paste(block).then((report) => announceRef.current(report));
  };
  const pasteRef = useRef(pasteBlock);
  pasteRef.current = pasteBlock;

  useEffect(() => {
    if (!editing.canPaste) return;
    // On the document, in the capture phase: the paste event goes to whatever has focus (a cell, or the
    // editor of a cell being edited), and must be taken before the editor swallows a whole block.
    const onPaste = (event: ClipboardEvent) => {
      const root = wrapper.current;
      const active = document.activeElement;
      if (!root || !active || !root.contains(active) || !event.clipboardData) return;
      const api = gridApi.current;
      const editingCell = (api?.getEditingCells().length ?? 0) > 0;
      // A filter box or other control in the grid's header takes its paste as text.
      if (!editingCell && active.closest('input, textarea, select')) return;
      const block = readClipboardBlock({ text: event.clipboardData.getData('text/plain'), html: event.clipboardData.getData('text/html') });
      if (!block) return;
      if (editingCell && !isBlock(block)) return; // one value into the cell being edited: the editor pastes it
      event.preventDefault();
      event.stopPropagation();
      if (editingCell) api?.stopEditing(true);
      pasteRef.current(block);
    };
    document.addEventListener('paste', onPaste, true);
    return () => document.removeEventListener('paste', onPaste, true);
  }, [editing.canPaste]);

  async function pasteFromButton() {
    const content = await readClipboard();
    if (!content) return status.error(t('grid.pasteUnavailable'));
    const block = readClipboardBlock(content);
    if (!block) return status.error(t('grid.pasteEmpty'));
    pasteBlock(block);
  }

  const actions = editing.canPaste ? (
    <button type="button" onClick={() => void pasteFromButton()} title={t('grid.pasteHint')} aria-keyshortcuts="Control+V">
      {t('grid.paste')}
    </button>
  ) : undefined;

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- keyboard shortcuts for the grid inside
    <div ref={wrapper} onKeyDown={editing.onKeyDown}>
      <DataGrid<T>
        getRowId={(p) => String(p.data.id)}
        actions={actions}
        {...props}
        onGridReady={(e) => {
          gridApi.current = e.api;
          editing.setApi(e.api);
        }}
        onCellValueChanged={editing.onCellValueChanged}
      />
      {editing.canPaste && <p className="hint grid-keys">{t('grid.keys')}</p>}
      {editing.report && <PasteReportView report={editing.report} id={reportId} onClose={editing.clearReport} />}
    </div>
  );
}
