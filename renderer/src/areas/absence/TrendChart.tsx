import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceTrend } from '../../../../shared/domain/absence/types.ts';
import { formatPercent, MONTHS_NL } from '../../../../shared/format/nl.ts';
import { Gap } from '../setup/Gap.tsx';

// Only what the chart uses; SVG so it prints sharp at any size.
registerChartParts([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const MONTHS = MONTHS_NL.map((m) => m.slice(0, 3));
const THIS_YEAR = '#1a4d8f';
const LAST_YEAR = '#5c6670';

/**
 * Monthly absence percentage of a year beside the year before. The chart is one image for screen
 * readers (with a label); the table below it carries the same figures for reading and printing.
 */
export function TrendChart({ trend }: { trend: AbsenceTrend }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const months = MONTHS;
  const current = String(trend.year);
  const previous = String(trend.year - 1);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    chart.current?.setOption(
      {
        animation: false,
        aria: { enabled: false },
        textStyle: { fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif', color: '#1b1f24' },
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        legend: { top: 0, data: trend.lastYearGap ? [current] : [current, previous], textStyle: { color: '#1b1f24' } },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v, 2) : '–') },
        xAxis: { type: 'category', data: months, axisLabel: { color: '#1b1f24' } },
        yAxis: { type: 'value', min: 0, axisLabel: { color: '#1b1f24', formatter: (v: number) => `${String(v).replace('.', ',')} %` } },
        series: [
          { name: current, type: 'line', data: trend.months.map((m) => round(m.percentage)), lineStyle: { color: THIS_YEAR, width: 3 }, itemStyle: { color: THIS_YEAR }, symbol: 'circle', symbolSize: 7 },
          // A year without data is no line at all, rather than a line at 0 %.
          ...(trend.lastYearGap
            ? []
            : [{ name: previous, type: 'line' as const, data: trend.months.map((m) => round(m.lastYearPercentage)), lineStyle: { color: LAST_YEAR, width: 2, type: 'dashed' as const }, itemStyle: { color: LAST_YEAR }, symbol: 'rect', symbolSize: 6 }]),
        ],
      },
      true,
    );
  }, [trend, current, previous, months]);

  return (
    <figure className="trend">
      <figcaption>
        <h3>{t('absence.trend.title')}</h3>
      </figcaption>
      <div ref={element} className="trend-chart" role="img" aria-label={t('absence.trend.chartLabel', { year: current, previous })} />
      <table className="simple-table compact trend-table" data-testid="absence-trend-table">
        <caption>{t('absence.trend.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('absence.trend.month')}</th>
            {trend.months.map((m, i) => (
              <th scope="col" key={m.month} className="num">
                {months[i]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{current}</th>
            {trend.months.map((m) => (
              <td key={m.month} className="num">
                {m.percentage === null ? t('absence.trend.notYet') : formatPercent(m.percentage, 1)}
              </td>
            ))}
          </tr>
          {!trend.lastYearGap && (
            <tr>
              <th scope="row">{previous}</th>
              {trend.months.map((m) => (
                <td key={m.month} className="num">
                  {m.lastYearPercentage === null ? t('absence.trend.notYet') : formatPercent(m.lastYearPercentage, 1)}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
      {(trend.gap ?? trend.lastYearGap) && (
        <p className="hint" data-testid="absence-trend-gap">
          {trend.gap ? current : previous}: <Gap code={(trend.gap ?? trend.lastYearGap)!} />
        </p>
      )}
    </figure>
  );
}
