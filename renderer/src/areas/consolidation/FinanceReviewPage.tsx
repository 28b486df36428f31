import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedDepartment, ConsolidatedFinanceLine } from '../../../../shared/exchange/central.ts';
import { formatCents, formatDateTime, formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { downloadBase64 } from '../../components/files.ts';
import { moneyColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import './consolidation.css';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The controller's view of a period: totals, per department, the lines with their explanations, and the review. */
export function FinanceReviewPage({ readOnly, nativeDialogs }: { readOnly: boolean; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const periods = useApi(() => api.central.periods({}), []);
  const [period, setPeriod] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [review, setReview] = useState<{ status: 'reviewed' | 'question'; note: string }>({ status: 'reviewed', note: '' });
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!period && periods.data?.length) setPeriod(periods.data[0].period);
  }, [periods.data, period]);

  const consolidation = useApi(() => (period ? api.central.finance({ period }) : Promise.resolve(null)), [period, tick]);
  const data = consolidation.data;
  const department: ConsolidatedDepartment | undefined = data?.departments.find((d) => d.code === selected);
  const lines = useMemo(() => (data && selected ? data.lines.filter((l) => l.department === selected) : []), [data, selected]);

  const columns = useMemo<ColDef<ConsolidatedFinanceLine>[]>(
    () => [
      { field: 'costCentre', headerName: t('figures.costCentre'), width: 130 },
      { field: 'account', headerName: t('figures.account'), width: 150 },
      { field: 'accountName', headerName: t('figures.accountName'), minWidth: 160 },
      moneyColumn<ConsolidatedFinanceLine>('currentCents', t('figures.current')),
      moneyColumn<ConsolidatedFinanceLine>('actualCents', t('figures.actual')),
      moneyColumn<ConsolidatedFinanceLine>('commitmentsCents', t('figures.commitments')),
      moneyColumn<ConsolidatedFinanceLine>('forecastCents', t('figures.forecast')),
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
    [t],
  );

  async function saveReview(event: FormEvent) {
    event.preventDefault();
    if (!department) return;
    setError(null);
    try {
      await api.central.review({ packageId: department.packageId, status: review.status, note: review.note });
      status.info(t('central.reviewSaved'));
      setReview({ status: 'reviewed', note: '' });
      setTick((x) => x + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function exportXlsx() {
    setError(null);
    try {
      if (nativeDialogs) {
        const chosen = await api.shell.saveFile({ title: t('central.exportXlsx'), defaultName: `consolidatie-${period}.xlsx`, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
        if (!chosen.path) return;
        await api.central.exportXlsx({ period, path: chosen.path });
      } else {
        const file = await api.central.exportXlsx({ period });
        downloadBase64(file.name, file.contentBase64 ?? '', XLSX_MIME);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const reviewLabel = (d: ConsolidatedDepartment) => (d.review ? `${d.review.status === 'reviewed' ? t('central.reviewed') : t('central.question')}${d.review.note ? `: ${d.review.note}` : ''}` : t('central.notReviewed'));

  return (
    <div>
      <h1>{t('central.consolidationTitle')}</h1>
      <div className="inline-form">
        <label>
          {t('exchange.period')}
          <select
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value);
              setSelected(null);
            }}
          >
            {periods.data?.map((p) => (
              <option key={p.period} value={p.period}>
                {formatPeriod(p.period)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void exportXlsx()} disabled={!period}>
          {t('central.exportXlsx')}
        </button>
      </div>
      {(error || consolidation.error) && (
        <p role="alert" className="form-error">
          {error ?? consolidation.error}
        </p>
      )}
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
          <DataGrid<ConsolidatedFinanceLine> label={t('central.linesGrid', { department: department.code })} rowData={lines} columnDefs={columns} height={300} getRowId={(p) => `${p.data.costCentre}|${p.data.account}`} />
          {!readOnly && (
            <form onSubmit={saveReview}>
              <fieldset className="inline-form">
                <legend>{t('central.review')}</legend>
                <label className="inline-field">
                  <input type="radio" name="review-status" checked={review.status === 'reviewed'} onChange={() => setReview({ ...review, status: 'reviewed' })} /> {t('central.markReviewed')}
                </label>
                <label className="inline-field">
                  <input type="radio" name="review-status" checked={review.status === 'question'} onChange={() => setReview({ ...review, status: 'question' })} /> {t('central.askQuestion')}
                </label>
                <label>
                  {t('central.note')}
                  <textarea rows={2} cols={60} value={review.note} onChange={(e) => setReview({ ...review, note: e.target.value })} />
                </label>
                <button type="submit" className="primary">
                  {t('central.saveReview')}
                </button>
              </fieldset>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
