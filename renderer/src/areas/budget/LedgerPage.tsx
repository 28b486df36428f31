import type { ColDef, GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerColumn } from '../../../../shared/api/budget.ts';
import type { LedgerRow } from '../../../../shared/domain/budget/types.ts';
import { formatCents, formatDate } from '../../../../shared/format/nl.ts';
import { parseDate } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { saveXlsx } from '../../components/grid-export.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';

interface Filter {
  text: string;
  costCentre: string;
  dateFrom: string;
  dateTo: string;
}

/** A million lines stay instant: AG Grid's infinite row model asks for blocks; SQL sorts, filters and sums. */
export function LedgerPage({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const status = useStatus();
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const [filter, setFilter] = useState<Filter>({ text: '', costCentre: '', dateFrom: '', dateTo: '' });
  const [applied, setApplied] = useState<Filter>(filter);
  const [totals, setTotals] = useState<{ total: number; totalCents: number } | null>(null);
  const gridApi = useRef<GridApi<LedgerRow> | null>(null);

  const columns = useMemo<ColDef<LedgerRow>[]>(
    () => [
      { field: 'bookingDate', headerName: t('ledger.bookingDate'), valueFormatter: (p) => formatDate(p.value), width: 130, sort: 'asc', context: { cellKind: { type: 'date' } } },
      { field: 'period', headerName: t('ledger.period'), width: 100, type: 'rightAligned' },
      { field: 'journal', headerName: t('ledger.journal'), width: 100 },
      { field: 'document', headerName: t('ledger.document'), width: 140 },
      { field: 'costCentre', headerName: t('budget.costCentre'), width: 130 },
      { field: 'account', headerName: t('budget.account'), width: 140 },
      { field: 'description', headerName: t('ledger.description'), minWidth: 260, flex: 1 },
      { field: 'amountCents', headerName: t('ledger.amount'), type: 'rightAligned', context: { cellKind: { type: 'money' } }, valueFormatter: (p) => (p.value === undefined || p.value === null ? '' : formatCents(p.value)), width: 150 },
      { field: 'counterparty', headerName: t('ledger.counterparty'), minWidth: 180 },
    ],
    [t],
  );

  const ledgerFilter = useMemo(() => {
    const dateFrom = applied.dateFrom ? parseDate(applied.dateFrom) : null;
    const dateTo = applied.dateTo ? parseDate(applied.dateTo) : null;
    return {
      year: applied.dateFrom || applied.dateTo ? undefined : fiscalYear,
      text: applied.text || undefined,
      costCentre: applied.costCentre || undefined,
      dateFrom: dateFrom?.ok ? dateFrom.value : undefined,
      dateTo: dateTo?.ok ? dateTo.value : undefined,
    };
  }, [applied, fiscalYear]);

  /** Every line the filter and sort select, written by the backend: the grid holds only the blocks in view. */
  const exportLedger = () => {
    const grid = gridApi.current;
    const sort = (grid?.getColumnState() ?? [])
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .slice(0, 3)
      .map((c) => ({ column: c.colId as LedgerColumn, direction: c.sort! }));
    const columns = (grid?.getAllDisplayedColumns() ?? []).map((c) => ({ field: c.getColId() as LedgerColumn, title: grid!.getDisplayNameForColumn(c, 'header') ?? c.getColId() }));
    const title = t('ledger.title');
    return saveXlsx(title, t('grid.export'), (target) => api.budget.exportLedger({ title, columns, sort, filter: ledgerFilter, ...(target ? { path: target } : {}) }));
  };

  const datasource = useMemo<IDatasource>(() => {
    return {
      getRows(params: IGetRowsParams) {
        api.budget
          .ledgerPage({
            offset: params.startRow,
            limit: params.endRow - params.startRow,
            sort: params.sortModel.slice(0, 3).map((s) => ({ column: s.colId as LedgerColumn, direction: s.sort })),
            filter: ledgerFilter,
          })
          .then((page) => {
            params.successCallback(page.rows, page.total);
            setTotals({ total: page.total, totalCents: page.totalCents });
            gridApi.current?.setGridOption('pinnedBottomRowData', [{ description: t('budget.total'), amountCents: page.totalCents } as LedgerRow]);
          })
          .catch((error: unknown) => {
            status.error(errorMessage(error));
            params.failCallback();
          });
      },
    };
  }, [ledgerFilter, status, t]);

  useEffect(() => {
    gridApi.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  return (
    <div>
      <h1>{t('ledger.title')}</h1>
      <form
        className="inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filter);
        }}
      >
        <label>
          {t('ledger.search')}
          <input type="search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </label>
        <label>
          {t('budget.costCentre')}
          <select value={filter.costCentre} onChange={(e) => setFilter({ ...filter, costCentre: e.target.value })}>
            <option value="">{t('ledger.allCostCentres')}</option>
            {costCentres.data?.map((cc) => (
              <option key={cc.code} value={cc.code}>
                {cc.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ledger.dateFrom')}
          <input placeholder="dd-mm-jjjj" size={11} value={filter.dateFrom} onChange={(e) => setFilter({ ...filter, dateFrom: e.target.value })} />
        </label>
        <label>
          {t('ledger.dateTo')}
          <input placeholder="dd-mm-jjjj" size={11} value={filter.dateTo} onChange={(e) => setFilter({ ...filter, dateTo: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t('ledger.search').split(' ')[0]}
        </button>
      </form>
      <p role="status" data-testid="ledger-totals">
        {totals ? t('ledger.rows', { count: totals.total, total: formatCents(totals.totalCents) }) : ''}
      </p>
      <DataGrid<LedgerRow>
        label={t('ledger.title')}
        columnDefs={columns}
        rowModelType="infinite"
        cacheBlockSize={200}
        maxBlocksInCache={50}
        defaultColDef={{ filter: false }}
        onGridReady={(e) => {
          gridApi.current = e.api;
          e.api.setGridOption('datasource', datasource);
        }}
        getRowClass={(p) => (p.node.rowPinned ? 'row-total' : undefined)}
        onExport={exportLedger}
        height={560}
      />
    </div>
  );
}
