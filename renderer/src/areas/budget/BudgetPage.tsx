import type { ColDef, RowClassParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Totals, VarianceThreshold } from '../../../../shared/domain/budget/figures.ts';
import type { BudgetLineView, BudgetSummary } from '../../../../shared/domain/budget/types.ts';
import { formatCents, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { moneyColumn, percentColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { AssignmentBudgetPanel } from '../assignments/AssignmentBudgetPanel.tsx';
import { PersonnelCostPanel } from '../staff/PersonnelCostPanel.tsx';
import { AddLineForm } from './AddLineForm.tsx';
import { forecastBasisSentence, forecastMethodName } from './forecast-text.ts';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { FormError } from '../../components/forms.tsx';

/** Budget lines, plus the pinned totals row shaped like one. */
type Row = BudgetLineView;

const editableFields: Record<string, string> = {
  accountName: 'accountName',
  kind: 'kind',
  primitiveCents: 'primitiveCents',
  expectedCents: 'expectedCents',
  forecastOverrideCents: 'forecastOverrideCents',
  forecastNote: 'forecastNote',
  explanation: 'explanation',
};

/** The reporting threshold in words: both limits with "én" or "of" as the rule says, or the one that is set. */
export function thresholdText(t: TFunction, threshold: VarianceThreshold): string {
  const amount = threshold.amountCents === null ? null : formatCents(threshold.amountCents, { whole: true });
  const percent = threshold.percent === null ? null : formatPercent(threshold.percent, 0);
  if (amount && percent) return t(`budget.threshold.${threshold.rule}`, { amount, percent });
  if (amount || percent) return t('budget.threshold.one', { limit: amount ?? percent });
  return t('budget.threshold.none');
}

function KeyFigures({ total }: { total: Totals }) {
  const { t } = useTranslation();
  const items: Array<[string, string]> = [
    [t('budget.current'), formatCents(total.currentCents, { whole: true })],
    [t('budget.actual'), formatCents(total.actualCents, { whole: true })],
    [t('budget.commitments'), formatCents(total.commitmentsCents, { whole: true })],
    [t('budget.forecast'), formatCents(total.forecastCents, { whole: true })],
    [t('budget.variance'), formatCents(total.varianceCents, { whole: true })],
    [t('budget.exhaustion'), formatPercent(total.exhaustionPercent)],
  ];
  return (
    <dl className="key-figures" aria-label={t('budget.summaryCards')}>
      {items.map(([label, value]) => (
        <div key={label} className="key-figure">
          <dt>{label}</dt>
          <dd data-testid={`kf-${label}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BudgetPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const status = useStatus();
  const [year, setYear] = useState(fiscalYear);
  const [totals, setTotals] = useState<BudgetSummary | null>(null);
  const [selected, setSelected] = useState<BudgetLineView | null>(null);
  const editing = useGridEditing<Row>({
    fieldOf: (colId) => editableFields[colId],
    save: (id, patch) => api.budget.updateLine({ id, patch }),
    onSaved: (updated) => {
      if (selected?.id === updated.id) setSelected({ ...updated });
      void refreshTotals();
    },
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: (batch) => api.budget.linesBatch({ year, ...batch }),
      newRows: true,
      identity: { costCentre: { field: 'costCentre', kind: { type: 'code' } }, account: { field: 'account', kind: { type: 'code' } } },
      rowLabel: (line) => `${line.costCentre}/${line.account} ${line.accountName}`.trim(),
    },
  });
  const summary = useApi(async () => {
    const result = await api.budget.summary({ year });
    setTotals(result);
    editing.reset(result.lines);
    return result;
  }, [year]);

  const refreshTotals = useCallback(async () => {
    setTotals(await api.budget.summary({ year }));
  }, [year]);

  const rhythmYear = totals?.forecastBasis.rhythmYear ?? null;
  const onInvalid = useCallback((reason: string) => status.error(t('budget.invalidAmount', { reason })), [status, t]);

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'costCentre', headerName: t('budget.costCentre'), pinned: 'left', width: 120, filter: 'agTextColumnFilter' },
      { field: 'account', headerName: t('budget.account'), pinned: 'left', width: 130, filter: 'agTextColumnFilter' },
      { field: 'accountName', headerName: t('budget.accountName'), editable: (p) => !readOnly && !p.node.rowPinned, minWidth: 200, filter: 'agTextColumnFilter' },
      {
        field: 'kind',
        headerName: t('budget.kind'),
        editable: (p) => !readOnly && !p.node.rowPinned,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['lasten', 'baten'] },
        width: 100,
      },
      moneyColumn<Row>('primitiveCents', t('budget.primitive'), { editable: !readOnly, onInvalid }),
      moneyColumn<Row>('revisionsCents', t('budget.revisions')),
      moneyColumn<Row>('currentCents', t('budget.current')),
      moneyColumn<Row>('actualCents', t('budget.actual')),
      moneyColumn<Row>('commitmentsCents', t('budget.commitments')),
      moneyColumn<Row>('expectedCents', t('budget.expected'), { editable: !readOnly, onInvalid }),
      moneyColumn<Row>('forecastOverrideCents', t('budget.forecastOverride'), { editable: !readOnly, onInvalid, nullable: true }),
      moneyColumn<Row>('forecastCents', t('budget.forecast')),
      {
        colId: 'forecastMethod',
        headerName: t('budget.forecastMethodColumn'),
        width: 130,
        valueGetter: (p) => (p.node?.rowPinned ? '' : forecastMethodName(t, (p.data as BudgetLineView | undefined)?.forecastMethod, rhythmYear)),
      },
      {
        field: 'forecastNote',
        headerName: t('budget.forecastNote'),
        editable: (p) => !readOnly && !p.node.rowPinned,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        minWidth: 200,
        valueFormatter: (p) => {
          const row = p.data as BudgetLineView | undefined;
          // A manual forecast should say why: the controller reads the note beside it.
          if (row && !p.node?.rowPinned && row.forecastMethod === 'manual' && !(row.forecastNote ?? '').trim()) return `⚠ ${t('budget.forecastNoteMissing')}`;
          return (p.value as string | null) ?? '';
        },
      },
      moneyColumn<Row>('varianceCents', t('budget.variance'), {
        cellClassRules: { 'cell-unfavourable': (p) => Number(p.data?.varianceCents ?? 0) < 0 },
      }),
      { field: 'varianceLabel' as never, headerName: t('budget.varianceLabel'), width: 80 },
      percentColumn<Row>('exhaustionPercent', t('budget.exhaustion')),
      {
        field: 'explanation',
        headerName: t('budget.explanation'),
        editable: (p) => !readOnly && !p.node.rowPinned,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        minWidth: 240,
        valueFormatter: (p) => {
          const row = p.data as BudgetLineView | undefined;
          if (row && 'explanationMissing' in row && row.explanationMissing) return `⚠ ${t('budget.explanationMissing')}`;
          return (p.value as string | null) ?? '';
        },
        cellClassRules: { 'cell-warning': (p) => Boolean((p.data as BudgetLineView | undefined)?.explanationMissing) },
      },
    ],
    [t, readOnly, onInvalid, rhythmYear],
  );

  const pinned = useMemo<Row[]>(() => (totals ? [{ ...totals.total, costCentre: t('budget.total'), account: '' } as unknown as Row] : []), [totals, t]);
  const totalsColumns = useMemo<ColDef<Totals>[]>(
    () => [
      { field: 'key', headerName: t('budget.costCentre'), width: 130 },
      { field: 'label', headerName: t('budget.accountName'), minWidth: 180 },
      moneyColumn<Totals>('currentCents', t('budget.current')),
      moneyColumn<Totals>('actualCents', t('budget.actual')),
      moneyColumn<Totals>('commitmentsCents', t('budget.commitments')),
      moneyColumn<Totals>('forecastCents', t('budget.forecast')),
      moneyColumn<Totals>('varianceCents', t('budget.variance'), { cellClassRules: { 'cell-unfavourable': (p) => Number(p.data?.varianceCents ?? 0) < 0 } }),
      percentColumn<Totals>('exhaustionPercent', t('budget.exhaustion')),
    ],
    [t],
  );
  const accountColumns = useMemo(() => totalsColumns.map((c) => (c.field === 'key' ? { ...c, headerName: t('budget.account') } : c)), [totalsColumns, t]);

  const missing = totals?.lines.filter((l) => l.explanationMissing).length ?? 0;
  const threshold = totals?.threshold;

  return (
    <div>
      <div className="page-header">
        <h1>{t('budget.title', { year })}</h1>
        <label className="inline-field">
          {t('app.year')}{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {(summary.data?.years ?? [fiscalYear]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError message={summary.error} />
      {totals && <KeyFigures total={totals.total} />}
      {totals && (
        <p className="muted" data-testid="forecast-basis">
          {forecastBasisSentence(t, i18n.language, totals.forecastBasis)}
        </p>
      )}
      {threshold && <p className="muted">{thresholdText(t, threshold)}</p>}
      {missing > 0 && (
        <p className="warning" data-testid="explanations-missing">
          ⚠ {t('budget.explanationsMissing', { count: missing })}
        </p>
      )}
      <div className="toolbar">
        <p className="hint">{t('budget.editHint')}</p>
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      {summary.data && (
        <EditableGrid<Row>
          editing={editing}
          label={t('budget.lines')}
          rowData={summary.data.lines as Row[]}
          columnDefs={columns}
          pinnedBottomRowData={pinned}
          getRowId={(p) => String((p.data as BudgetLineView).id ?? 'totaal')}
          onCellFocused={(e) => {
            if (e.rowIndex === null || e.rowPinned) return;
            const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
            if (node?.data && 'id' in node.data) setSelected(node.data as BudgetLineView);
          }}
          getRowClass={(p: RowClassParams<Row>) => (p.node.rowPinned ? 'row-total' : undefined)}
          height={440}
        />
      )}
      {!readOnly && (
        <AddLineForm
          year={year}
          onAdded={() => {
            summary.reload();
          }}
        />
      )}
      <RevisionsPanel line={selected} readOnly={readOnly} onChanged={() => summary.reload()} />
      <PersonnelCostPanel year={year} />
      <AssignmentBudgetPanel year={year} />
      {totals && (
        <div className="two-grids">
          <DataGrid<Totals> label={t('budget.byCostCentre')} rowData={totals.byCostCentre} columnDefs={totalsColumns} pinnedBottomRowData={[totals.total]} height={260} />
          <DataGrid<Totals> label={t('budget.byAccount')} rowData={totals.byAccount} columnDefs={accountColumns} pinnedBottomRowData={[totals.total]} height={360} />
        </div>
      )}
    </div>
  );
}
