import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormationOverviewData, OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { formatFte } from '../staff/common.tsx';
import { positionStatusText } from '../staff/FormationPage.tsx';
import { EChart, type ChartOption } from './EChart.tsx';
import { Gap } from '../setup/Gap.tsx';

const FORMATION = '#1a4d8f';
const OCCUPATION = '#b35900';

/** Formation against occupation per cost centre on the overview's date: a bar chart with the same figures in a table. */
export function FormationSection({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  const data = section.data as FormationOverviewData;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatFte(v)} fte` },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.costCentres.map((c) => c.costCentre) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatFte(v) } },
      series: [
        // Without any position there is no formation bar to draw (not a bar of 0).
        ...(data.total.formationGap === null ? [{ name: t('formation.formationFte'), type: 'bar' as const, data: data.costCentres.map((c) => c.formationFte), itemStyle: { color: FORMATION } }] : []),
        { name: t('formation.occupiedFte'), type: 'bar', data: data.costCentres.map((c) => c.occupiedFte), itemStyle: { color: OCCUPATION } },
      ],
    }),
    [data, t],
  );

  if (!data.hasStaff) {
    return (
      <div data-testid="overview-formation-none">
        <p>{t('overview.formation.none')}</p>
        <p className="no-print">
          <a href="#/import?kind=staff">{t('overview.formation.toImport')}</a>
        </p>
      </div>
    );
  }
  const total = data.total;
  const known = total.formationGap === null;
  // A figure the formation does not allow yet reads "n.t.b.", with the reason in full above the table.
  const fteOrGap = (value: number | null) => (value === null ? t('gaps.short') : formatFte(value));
  const rows = [...data.costCentres.map((c) => ({ key: c.costCentre, label: `${c.costCentre} ${c.name}`.trim(), figures: c })), { key: 'total', label: t('budget.total'), figures: total }];
  return (
    <div className="overview-formation">
      {known ? (
        <p className="lead" data-testid="overview-formation-summary">
          {t('overview.formation.summary', {
            formation: formatFte(total.formationFte),
            occupied: formatFte(total.occupiedFte),
            occupancy: formatPercent(total.occupancyPercent) || '–',
            vacancy: formatFte(total.vacancyFte),
            over: formatFte(total.overOccupationFte),
          })}
        </p>
      ) : (
        <p className="lead" data-testid="overview-formation-summary">
          {t('overview.formation.summaryOccupation', { occupied: formatFte(total.occupiedFte), headcount: total.headcount })}
        </p>
      )}
      {!known && (
        <p className="warning" data-testid="overview-formation-gap">
          {t('overview.formation.figuresWaiting')} <Gap code="no-positions" />
        </p>
      )}
      {known && data.withoutFormation.length > 0 && (
        <p className="warning" data-testid="overview-formation-partial">
          {t('gaps.withoutFormation', { codes: data.withoutFormation.join(', ') })} <a href="#/formation">{t('gaps.actions.no-positions')}</a>
        </p>
      )}
      <EChart option={option} title={t('overview.formation.chartTitle')} description={t('overview.formation.chartDescription')} height={240} testId="chart-formation" />
      <div className="table-scroll">
        <table className="simple-table numbers" data-testid="overview-formation-table">
          <caption className="visually-hidden">{t('overview.formation.tableCaption', { date: formatDate(data.date) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.costCentre')}</th>
              <th scope="col">{t('formation.formationFte')}</th>
              <th scope="col">{t('formation.occupiedFte')}</th>
              <th scope="col">{t('formation.vacancyFte')}</th>
              <th scope="col">{t('formation.overOccupationFte')}</th>
              <th scope="col">{t('formation.occupancy')}</th>
              <th scope="col">{t('formation.headcount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.key === 'total' ? 'row-total' : undefined} data-testid={`formation-row-${r.key}`}>
                <th scope="row">{r.label}</th>
                <td>{fteOrGap(r.figures.formationFte)}</td>
                <td>{formatFte(r.figures.occupiedFte)}</td>
                <td>{fteOrGap(r.figures.vacancyFte)}</td>
                <td>{fteOrGap(r.figures.overOccupationFte)}</td>
                <td>{r.figures.formationGap ? t('gaps.short') : formatPercent(r.figures.occupancyPercent) || '–'}</td>
                <td>{r.figures.headcount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.positionCount > 0 && (
        <>
          <h3>{t('overview.formation.positionsOff')}</h3>
          {data.positions.length === 0 ? (
            <p>{t('overview.formation.allFilled')}</p>
          ) : (
            <ul className="bottleneck-list" data-testid="overview-formation-positions">
              {data.positions.map((p) => (
                <li key={p.positionId}>
                  <a href="#/formation">
                    {p.code} {p.functionTitle}
                  </a>{' '}
                  ({p.costCentre}): {positionStatusText(t, p)}
                </li>
              ))}
            </ul>
          )}
          {data.positionsOffCount > data.positions.length && (
            <p>
              <a href="#/formation">{t('overview.formation.more', { count: data.positionsOffCount - data.positions.length })}</a>
            </p>
          )}
        </>
      )}
    </div>
  );
}
