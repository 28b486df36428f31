import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MONTH_ABBREVIATIONS_NL } from '../../../../shared/domain/overview/figures.ts';
import type { AbsenceOverviewData, AbsenceOverviewFigure, OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { formatDate, formatNumber, formatPercent, formatPeriod } from '../../../../shared/format/nl.ts';
import { EChart, type ChartOption } from './EChart.tsx';
import { Gap } from '../setup/Gap.tsx';

const THIS_YEAR = '#1a4d8f';
const LAST_YEAR = '#5c6670';
const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** One absence figure beside the year before; above the signal value it says so in words and with a symbol. */
function Figure({ label, figure, alertPercent, testId }: { label: string; figure: AbsenceOverviewFigure; alertPercent: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className={`key-figure${figure.aboveAlert ? ' key-figure-alert' : ''}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {figure.gap ? (
          <span data-testid={`${testId}-value`}>
            <Gap code={figure.gap} link={false} />
          </span>
        ) : (
          <span data-testid={`${testId}-value`}>{formatPercent(figure.percentage, 2) || '–'}</span>
        )}
        {figure.gap ? null : figure.previousYear.gap ? (
          <span className="key-figure-sub" data-testid={`${testId}-previous`}>
            {t('overview.absence.previousYearGap')}
          </span>
        ) : (
          <span className="key-figure-sub" data-testid={`${testId}-previous`}>
            {t('overview.absence.previousYear', { value: formatPercent(figure.previousYear.percentage, 2) || '–' })}
          </span>
        )}
        {figure.aboveAlert && (
          <span className="key-figure-sub flag-above" data-testid={`${testId}-alert`}>
            <span aria-hidden="true">▲ </span>
            {t('overview.absence.aboveAlert', { value: formatPercent(alertPercent, 1) })}
          </span>
        )}
      </dd>
    </div>
  );
}

/**
 * Absence of the year to date and of the last complete quarter and month, each beside the year
 * before, and the monthly trend as a line chart with the same figures in a table.
 */
export function AbsenceSection({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  const data = section.data as AbsenceOverviewData;
  const year = String(data.trend.year);
  const previous = String(data.trend.year - 1);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v, 2) : '–') },
      legend: { top: 0, data: data.trend.lastYearGap ? [year] : [year, previous] },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: MONTH_ABBREVIATIONS_NL },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
      series: [
        { name: year, type: 'line', symbol: 'circle', symbolSize: 7, data: data.trend.months.map((m) => round(m.percentage)), lineStyle: { color: THIS_YEAR, width: 3 }, itemStyle: { color: THIS_YEAR } },
        // A year without data is no line at all, rather than a line at 0 %.
        ...(data.trend.lastYearGap
          ? []
          : [
              {
                name: previous,
                type: 'line',
                symbol: 'rect',
                symbolSize: 6,
                data: data.trend.months.map((m) => round(m.lastYearPercentage)),
                lineStyle: { color: LAST_YEAR, width: 2, type: 'dashed' },
                itemStyle: { color: LAST_YEAR },
              },
            ]),
      ],
    }),
    [data, year, previous],
  );

  if (!data.hasEmployees) {
    return (
      <div data-testid="overview-absence-none">
        <p>{t('overview.absence.none')}</p>
        <p className="no-print">
          <a href="#/import?kind=staff">{t('overview.formation.toImport')}</a>
        </p>
      </div>
    );
  }
  const ytd = data.yearToDate;
  // Each reason once, in full, above the figures: a figure's own gap, else its year-before's.
  const gaps = [...new Set([ytd, data.lastQuarter, data.lastMonth].map((f) => f.gap ?? f.previousYear.gap).filter((g) => g !== null))];
  return (
    <div className="overview-absence">
      {gaps.map((gap) => (
        <p key={gap} className="warning" data-testid="overview-absence-gap">
          {t('overview.absence.figuresWaiting')} <Gap code={gap} />
        </p>
      ))}
      <dl className="key-figures compact" data-testid="overview-absence-figures">
        <Figure testId="absence-ytd" label={`${t('absence.metrics.percentage')} ${t('overview.absence.ytd', { year: ytd.code, date: formatDate(ytd.end) })}`} figure={ytd} alertPercent={data.alertPercent} />
        <Figure testId="absence-quarter" label={`${t('absence.metrics.percentage')} ${formatPeriod(data.lastQuarter.code)}`} figure={data.lastQuarter} alertPercent={data.alertPercent} />
        <Figure testId="absence-month" label={`${t('absence.metrics.percentage')} ${formatPeriod(data.lastMonth.code)}`} figure={data.lastMonth} alertPercent={data.alertPercent} />
        <div className="key-figure">
          <dt>{t('overview.absence.reports', { year: ytd.code })}</dt>
          <dd data-testid="absence-ytd-reports">{ytd.reports ?? t('gaps.short')}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('overview.absence.frequency', { year: ytd.code })}</dt>
          <dd data-testid="absence-ytd-frequency">{ytd.gap ? t('gaps.short') : ytd.frequency === null ? '–' : formatNumber(ytd.frequency, 2)}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('overview.absence.openCases')}</dt>
          <dd data-testid="absence-open-cases">{ytd.gap ? t('gaps.short') : data.openCases}</dd>
        </div>
      </dl>
      <EChart option={option} title={t('overview.absence.chartTitle', { year, previous })} description={t('overview.absence.chartDescription', { year, previous })} testId="chart-absence-trend" />
      <div className="table-scroll">
        <table className="simple-table compact numbers" data-testid="overview-absence-trend">
          <caption className="visually-hidden">{t('overview.absence.tableCaption', { year, previous })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.absence.month')}</th>
              {MONTH_ABBREVIATIONS_NL.map((m) => (
                <th scope="col" key={m} className="num">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{year}</th>
              {data.trend.months.map((m) => (
                <td key={m.month}>{m.percentage === null ? '–' : formatPercent(m.percentage, 1)}</td>
              ))}
            </tr>
            {!data.trend.lastYearGap && (
              <tr>
                <th scope="row">{previous}</th>
                {data.trend.months.map((m) => (
                  <td key={m.month}>{m.lastYearPercentage === null ? '–' : formatPercent(m.lastYearPercentage, 1)}</td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
