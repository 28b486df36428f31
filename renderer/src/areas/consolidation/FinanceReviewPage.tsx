import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedDepartment, ConsolidatedFinanceLine } from '../../../../shared/exchange/central.ts';
import { formatCents, formatDateTime } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { moneyColumn } from '../../components/grid.ts';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { forecastBasisSentence, forecastMethodName } from '../budget/forecast-text.ts';
import { exportConsolidation, PeriodSelect, ReviewForm, usePeriodChoice } from './period-review.tsx';
import './consolidation.css';
import { FormError } from '../../components/forms.tsx';

/** What the controller follows up: lines whose variance needs an explanation, and those still without one. */
const LINE_FILTERS = {
  all: () => true,
  above: (l: ConsolidatedFinanceLine) => l.explanationRequired,
  unexplained: (l: ConsolidatedFinanceLine) => l.explanationMissing,
} as const;
type LineFilter = keyof typeof LINE_FILTERS;

/** The controller's view of a period: totals, per department, the lines with their explanations, and the review. */
export function FinanceReviewPage({ readOnly, nativeDialogs }: { readOnly: boolean; nativeDialogs: boolean }) {
  const { t, i18n } = useTranslation();
  const { periods, period, setPeriod } = usePeriodChoice();
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const consolidation = useApi(() => (period ? api.central.finance({ period }) : Promise.resolve(null)), [period, tick]);
  const data = consolidation.data;
  const department: ConsolidatedDepartment | undefined = data?.departments.find((d) => d.code === selected);
  const rhythmYear = department?.forecastBasis?.rhythmYear ?? null;
  const [lineFilter, setLineFilter] = useState<LineFilter>('all');
  const departmentLines = useMemo(() => (data && selected ? data.lines.filter((l) => l.department === selected) : []), [data, selected]);
  const lines = useMemo(() => departmentLines.filter(LINE_FILTERS[lineFilter]), [departmentLines, lineFilter]);

  const columns = useMemo<ColDef<ConsolidatedFinanceLine>[]>(
    () => [
      { field: 'costCentre', headerName: t('figures.costCentre'), width: 130 },
      { field: 'account', headerName: t('figures.account'), width: 150 },
      { field: 'accountName', headerName: t('figures.accountName'), minWidth: 160 },
      moneyColumn<ConsolidatedFinanceLine>('currentCents', t('figures.current')),
      moneyColumn<ConsolidatedFinanceLine>('actualCents', t('figures.actual')),
      moneyColumn<ConsolidatedFinanceLine>('commitmentsCents', t('figures.commitments')),
      moneyColumn<ConsolidatedFinanceLine>('forecastCents', t('figures.forecast')),
      {
        colId: 'forecastMethod',
        headerName: t('budget.forecastMethodColumn'),
        minWidth: 130,
        // A manual forecast with the head's note beside it: the note says why.
        valueGetter: (p) => [forecastMethodName(t, p.data?.forecastMethod, rhythmYear), p.data?.forecastNote?.trim()].filter(Boolean).join(': '),
      },
      moneyColumn<ConsolidatedFinanceLine>('varianceCents', t('figures.variance'), {
        valueFormatter: (p) => `${formatCents(p.data?.varianceCents ?? 0)}${(p.data?.varianceCents ?? 0) > 0 ? 'V' : (p.data?.varianceCents ?? 0) < 0 ? 'N' : ''}`,
      }),
      {
        colId: 'explanation',
        headerName: t('figures.explanation'),
        minWidth: 260,
        flex: 1,
        valueGetter: (p) => (p.data?.explanationMissing ? t('central.explanationMissingFlag') : (p.data?.explanation ?? '')),
        cellClass: (p) => (p.data?.explanationMissing ? 'flag-missing' : ''),
      },
    ],
    [t, rhythmYear],
  );



  async function exportXlsx() {
    setError(null);
    try {
      await exportConsolidation({ period, title: t('central.exportXlsx'), defaultName: `consolidatie-${period}.xlsx`, nativeDialogs });
    } catch (e) {
      setError(errorMessage(e));
    }
  }


  const reviewLabel = (d: ConsolidatedDepartment) => (d.review ? `${d.review.status === 'reviewed' ? t('central.reviewed') : t('central.question')}${d.review.note ? `: ${d.review.note}` : ''}` : t('central.notReviewed'));

  return (
    <div>
      <h1>{t('central.consolidationTitle')}</h1>
      <div className="inline-form">
        <PeriodSelect
          label={t('exchange.period')}
          periods={periods}
          value={period}
          onChange={(chosen) => {
            setPeriod(chosen);
            setSelected(null);
          }}
        />
        <button type="button" onClick={() => void exportXlsx()} disabled={!period}>
          {t('central.exportXlsx')}
        </button>
      </div>
      <FormError message={error || consolidation.error} />
      {data && data.departments.length === 0 && <p>{t('central.noPackages')}</p>}
      {data && data.departments.length > 0 && (
        <section className="card" aria-labelledby="departments-table-title">
          <h2 id="departments-table-title">{t('central.departmentsTable')}</h2>
          <table className="simple-table" data-testid="consolidation-departments">
            <thead>
              <tr>
                <th scope="col">{t('central.department')}</th>
                <th scope="col">{t('exchange.sequence')}</th>
                <th scope="col" className="num">{t('figures.current')}</th>
                <th scope="col" className="num">{t('figures.actual')}</th>
                <th scope="col" className="num">{t('figures.commitments')}</th>
                <th scope="col" className="num">{t('figures.forecast')}</th>
                <th scope="col" className="num">{t('figures.variance')}</th>
                <th scope="col" className="num">{t('central.explanationsMissing')}</th>
                <th scope="col">{t('central.review')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('central.show')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.departments.map((d) => (
                <tr key={d.code} data-department={d.code}>
                  <th scope="row">
                    {d.code} {d.name}
                  </th>
                  <td className="num">{d.sequence}</td>
                  <td className="num">{formatCents(d.currentCents)}</td>
                  <td className="num">{formatCents(d.actualCents)}</td>
                  <td className="num">{formatCents(d.commitmentsCents)}</td>
                  <td className="num">{formatCents(d.forecastCents)}</td>
                  <td className="num">{formatCents(d.varianceCents)}</td>
                  <td className={`num${d.explanationsMissing > 0 ? ' flag-missing' : ''}`}>{d.explanationsMissing}</td>
                  <td data-testid={`review-${d.code}`}>{reviewLabel(d)}</td>
                  <td>
                    <button type="button" className="link-button" aria-label={`${t('central.show')}: ${d.code}`} onClick={() => setSelected(d.code)}>
                      {t('central.show')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('central.totals')}</th>
                <td />
                <td className="num" data-testid="total-current">{formatCents(data.totals.currentCents)}</td>
                <td className="num" data-testid="total-actual">{formatCents(data.totals.actualCents)}</td>
                <td className="num">{formatCents(data.totals.commitmentsCents)}</td>
                <td className="num">{formatCents(data.totals.forecastCents)}</td>
                <td className="num">{formatCents(data.totals.varianceCents)}</td>
                <td className="num">{data.explanationsMissing}</td>
                <td />
                <td />
              </tr>
            </tfoot>
          </table>
        </section>
      )}
      {department && (
        <section className="card" aria-labelledby="review-title">
          <h2 id="review-title">{t('central.reviewTitle', { department: `${department.code} ${department.name}`, sequence: department.sequence })}</h2>
          <p className="hint">
            {formatDateTime(department.createdAt)} · {reviewLabel(department)}
          </p>
          {department.forecastBasis && (
            <p className="hint" data-testid="review-forecast-basis">
              {forecastBasisSentence(t, i18n.language, department.forecastBasis)}
            </p>
          )}
          <div className="inline-form">
            <label>
              {t('central.lineFilter')}{' '}
              <select data-testid="line-filter" value={lineFilter} onChange={(e) => setLineFilter(e.target.value as LineFilter)}>
                {(Object.keys(LINE_FILTERS) as LineFilter[]).map((key) => (
                  <option key={key} value={key}>
                    {t(`central.lineFilters.${key}`)}
                  </option>
                ))}
              </select>
            </label>
            <span role="status" data-testid="line-count">
              {t('central.lineCount', { shown: lines.length, total: departmentLines.length })}
            </span>
          </div>
          <DataGrid<ConsolidatedFinanceLine> label={t('central.linesGrid', { department: department.code })} rowData={lines} columnDefs={columns} height={300} getRowId={(p) => `${p.data.costCentre}|${p.data.account}`} />
          {!readOnly && (
            <ReviewForm packageId={department.packageId} radioName="review-status" onSaved={() => setTick((x) => x + 1)} onError={setError} />
          )}
        </section>
      )}
    </div>
  );
}
