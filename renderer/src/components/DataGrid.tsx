import type { ColDef, ColGroupDef, GridOptions } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { forwardRef, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { gridLocale, gridTheme } from './grid.ts';
import './grid.css';
import { useStatus } from './Status.tsx';
import type { Saved } from './files.ts';
import { exportGrid } from './grid-export.ts';
import { errorMessage } from './useApi.ts';
import { useGridCopy } from './useGridCopy.ts';

export type DataGridProps<T> = AgGridReactProps<T> & {
  label: string;
  height?: number | string;
  /** Buttons beside the label (paste, copy, export). */
  actions?: ReactNode;
  /**
   * "Exporteren naar Excel" for a grid whose rows are not all in the page (the ledger's infinite row model):
   * the page has the backend write what the grid's filter and sort select. Otherwise the grid exports itself.
   */
  onExport?: () => Promise<Saved | null>;
  /** The export's title and file name where the label carries a count ("Logboek (212)"); the label otherwise. */
  exportTitle?: string;
};

/**
 * AG Grid with our theme, Dutch texts and keyboard-friendly defaults. The visible label above it
 * names the grid for screen readers (aria-labelledby on the region). Every grid can be copied out
 * (useGridCopy: Shift+arrows, Ctrl+C, the "Kopiëren" button).
 */
function DataGridInner<T>({ label, height = 480, actions, onExport, exportTitle, ...props }: DataGridProps<T>, ref: React.ForwardedRef<AgGridReact<T>>) {
  const { t, i18n } = useTranslation();
  const status = useStatus();
  const copy = useGridCopy<T>((cells) => status.info(t('grid.copied', { count: cells })));
  const [exporting, setExporting] = useState(false);

  async function exportToExcel() {
    const grid = copy.api.current;
    if (!grid) return;
    setExporting(true);
    try {
      const saved = onExport ? await onExport() : await exportGrid(grid, exportTitle ?? label, t('grid.export'));
      if (saved && 'savedTo' in saved) status.info(t('grid.exported', { name: saved.savedTo }));
      else if (saved) status.info(t('grid.exported', { name: saved.downloaded }));
    } catch (error) {
      status.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  }
  const { onGridReady, onCellFocused, onCellClicked, columnDefs } = props;
  const withRange = copy.withRangeClass;
  const columns = useMemo(
    () => columnDefs?.map((col) => ('children' in col ? col : withRange(col as ColDef<T>))) as Array<ColDef<T> | ColGroupDef<T>> | undefined,
    [columnDefs, withRange],
  );
  const labelId = `grid-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  const defaults: GridOptions<T> = {
    theme: gridTheme,
    localeText: gridLocale(i18n.language),
    ensureDomOrder: true,
    suppressColumnVirtualisation: true,
    stopEditingWhenCellsLoseFocus: true,
    enterNavigatesVerticallyAfterEdit: true,
    animateRows: false,
    defaultColDef: { sortable: true, filter: true, resizable: true, minWidth: 90 },
  };
  return (
    <section className="grid-region" aria-labelledby={labelId} ref={copy.section} onKeyDownCapture={copy.onKeyDownCapture}>
      <div className="grid-header">
        <h3 id={labelId} className="grid-label">
          {label}
        </h3>
        <div className="grid-actions">
          {copy.chosen && (
            <span className="muted grid-chosen" aria-live="polite">
              {t('grid.selected', { rows: copy.chosen.rows, columns: copy.chosen.columns })}
            </span>
          )}
          {actions}
          <button type="button" onClick={copy.copyButton} title={t('grid.copyHint')} aria-keyshortcuts="Control+C">
            {t('grid.copy')}
          </button>
          <button type="button" onClick={() => void exportToExcel()} disabled={exporting} title={t('grid.exportHint')}>
            {t('grid.export')}
          </button>
        </div>
      </div>
      <div style={{ height, width: '100%' }}>
        <AgGridReact<T>
          ref={ref}
          {...defaults}
          {...props}
          columnDefs={columns}
          defaultColDef={{ ...defaults.defaultColDef, ...props.defaultColDef }}
          onGridReady={(event) => {
            copy.api.current = event.api;
            onGridReady?.(event);
          }}
          onCellFocused={(event) => {
            copy.onCellFocused(event);
            onCellFocused?.(event);
          }}
          onCellClicked={(event) => {
            copy.onCellClicked(event);
            onCellClicked?.(event);
          }}
        />
      </div>
    </section>
  );
}

export const DataGrid = forwardRef(DataGridInner) as <T>(props: DataGridProps<T> & { ref?: React.Ref<AgGridReact<T>> }) => React.ReactElement;
