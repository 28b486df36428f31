import type { GridOptions } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { gridLocale, gridTheme } from './grid.ts';
import './grid.css';

export type DataGridProps<T> = AgGridReactProps<T> & {
  label: string;
  height?: number | string;
  /** Buttons beside the label (paste, copy, export). */
  actions?: ReactNode;
};

/**
 * AG Grid with our theme, Dutch texts and keyboard-friendly defaults. The visible label above it
 * names the grid for screen readers (aria-labelledby on the region).
 */
function DataGridInner<T>({ label, height = 480, actions, ...props }: DataGridProps<T>, ref: React.ForwardedRef<AgGridReact<T>>) {
  const { i18n } = useTranslation();
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
    <section className="grid-region" aria-labelledby={labelId}>
      <div className="grid-header">
        <h3 id={labelId} className="grid-label">
          {label}
        </h3>
        {actions && <div className="grid-actions">{actions}</div>}
      </div>
      <div style={{ height, width: '100%' }}>
        <AgGridReact<T> ref={ref} {...defaults} {...props} defaultColDef={{ ...defaults.defaultColDef, ...props.defaultColDef }} />
      </div>
    </section>
  );
}

export const DataGrid = forwardRef(DataGridInner) as <T>(props: DataGridProps<T> & { ref?: React.Ref<AgGridReact<T>> }) => React.ReactElement;
