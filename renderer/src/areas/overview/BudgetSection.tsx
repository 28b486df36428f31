import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetOverviewData, OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { MONTH_ABBREVIATIONS_NL } from '../../../../shared/domain/overview/figures.ts';
import { formatCents, formatPercent } from '../../../../shared/format/nl.ts';
import { forecastBasisSentence } from '../budget/forecast-text.ts';
import { EChart, type ChartOption } from './EChart.tsx';

const euros = (cents: number | null) => (cents === null ? null : Math.round(cents / 100));
const axisEuros = (value: number) => formatCents(value * 100, { whole: true });

export function BudgetSection({ section }: { section: OverviewSection }) {
  const { t, i18n } = useTranslation();
  const data = section.data as BudgetOverviewData;
  const rows = [...data.byCostCentre, data.total];

  const barOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => axisEuros(v) },
      legend: { top: 0 },
      grid: { left: 90, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.byCostCentre.map((c) => c.code) },
      yAxis: { type: 'value', axisLabel: { formatter: axisEuros } },
      series: [
        { name: t('budget.current'), type: 'bar', data: data.byCostCentre.map((c) => euros(c.currentCents)), itemStyle: { color: '#1a4d8f' } },
        { name: t('overview.budget.spent'), type: 'bar', data: data.byCostCentre.map((c) => euros(c.actualCents + c.commitmentsCents)), itemStyle: { color: '#b35900' } },
        { name: t('budget.forecast'), type: 'bar', data: data.byCostCentre.map((c) => euros(c.forecastCents)), itemStyle: { color: '#2e7d32' } },
      ],
    }),
    [data, t],
  );
  const lineOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => axisEuros(v) },
      legend: { top: 0 },
      grid: { left: 90, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: MONTH_ABBREVIATIONS_NL },
      yAxis: { type: 'value', axisLabel: { formatter: axisEuros } },
      series: [
        { name: t('overview.budget.cumulative'), type: 'line', symbol: 'circle', data: data.monthly.cumulativeActualCents.map(euros), itemStyle: { color: '#1a4d8f' } },
        { name: t('overview.budget.linear'), type: 'line', symbol: 'rect', lineStyle: { type: 'dashed' }, data: data.monthly.linearBudgetCents.map(euros), itemStyle: { color: '#b35900' } },
      ],
    }),
    [data, t],
  );

  // A workbook without budget or bookings: figures and charts of € 0 would read as a budget of nothing.
  const empty = rows.every((r) => r.currentCents === 0 && r.actualCents === 0 && r.commitmentsCents === 0 && r.forecastCents === 0);
  if (empty) {
    return (
      <div className="overview-budget">
        <p data-testid="overview-budget-none">{t('overview.budget.none')}</p>
        <p>
          <a href="#/import?kind=budget">{t('setup.actions.budget')}</a>
        </p>
      </div>
    );
  }

  return (
    <div className="overview-budget">
      <p className="lead" data-testid="overview-budget-summary">
        {t('budget.exhaustion')}: <strong>{formatPercent(data.total.exhaustionPercent) || t('app.notApplicable')}</strong> · {t('budget.forecast')}: <strong>{formatCents(data.total.forecastCents, { whole: true })}</strong> /{' '}
        {t('budget.current')} <strong>{formatCents(data.total.currentCents, { whole: true })}</strong> ({formatPercent(data.total.forecastPercent) || t('app.notApplicable')}) · {t('budget.variance')}:{' '}
        <strong>
          {formatCents(data.total.varianceCents, { whole: true })} {data.total.varianceCents > 0 ? 'V' : data.total.varianceCents < 0 ? 'N' : ''}
        </strong>
      </p>
      <p className="hint" data-testid="overview-forecast-basis">
        {forecastBasisSentence(t, i18n.language, data.forecastBasis)}
      </p>
      <div className="chart-row">
        <EChart option={barOption} title={t('overview.budget.chartTitle')} description={t('overview.budget.chartDescription')} testId="chart-exhaustion" />
        <EChart option={lineOption} title={t('overview.budget.trendTitle')} description={t('overview.budget.trendDescription')} testId="chart-trend" />
      </div>
      <table className="simple-table numbers" data-testid="overview-budget-table">
        <caption className="visually-hidden">{t('overview.budget.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.costCentre')}</th>
            <th scope="col">{t('budget.current')}</th>
            <th scope="col">{t('budget.actual')}</th>
            <th scope="col">{t('budget.commitments')}</th>
            <th scope="col">{t('budget.forecast')}</th>
            <th scope="col">{t('budget.variance')}</th>
            <th scope="col">{t('budget.exhaustion')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className={r.code === 'totaal' ? 'row-total' : undefined}>
              <th scope="row">{r.code === 'totaal' ? t('budget.total') : `${r.code} ${r.name === r.code ? '' : r.name}`}</th>
              <td>{formatCents(r.currentCents, { whole: true })}</td>
              <td>{formatCents(r.actualCents, { whole: true })}</td>
              <td>{formatCents(r.commitmentsCents, { whole: true })}</td>
              <td>{formatCents(r.forecastCents, { whole: true })}</td>
              <td>
                {formatCents(r.varianceCents, { whole: true })} {r.varianceCents > 0 ? 'V' : r.varianceCents < 0 ? 'N' : ''}
              </td>
              <td>{formatPercent(r.exhaustionPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('overview.budget.unexplained')}</h3>
      {data.unexplained.length === 0 ? (
        <p>{t('overview.budget.noUnexplained')}</p>
      ) : (
        <ol className="unexplained" data-testid="overview-unexplained">
          {data.unexplained.map((u) => (
            <li key={u.id}>
              <a href="#/budget">
                {u.costCentre} / {u.account} {u.accountName}
              </a>
              : {formatCents(u.varianceCents, { whole: true })} {u.varianceCents > 0 ? 'V' : 'N'}
              {u.variancePercent !== null && ` (${formatPercent(u.variancePercent)})`}
            </li>
          ))}
        </ol>
      )}
      {data.unexplainedCount > data.unexplained.length && (
        <p>
          <a href="#/budget">{t('overview.budget.more', { count: data.unexplainedCount - data.unexplained.length })}</a>
        </p>
      )}
    </div>
  );
}
