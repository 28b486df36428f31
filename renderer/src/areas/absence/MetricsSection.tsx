import { useTranslation } from 'react-i18next';
import { BAND_KEYS } from '../../../../shared/domain/absence/bands.ts';
import type { AbsenceFigures } from '../../../../shared/domain/absence/metrics.ts';
import type { AbsenceMetricsView } from '../../../../shared/domain/absence/types.ts';
import { formatNumber, formatPercent } from '../../../../shared/format/nl.ts';
import { Gap } from '../setup/Gap.tsx';

function KeyFigures({ figures }: { figures: AbsenceFigures }) {
  const { t } = useTranslation();
  const items: Array<[string, string, string]> = [
    ['percentage', t('absence.metrics.percentage'), formatPercent(figures.percentage, 2)],
    ['frequency', t('absence.metrics.frequency'), formatNumber(figures.frequency, 2)],
    ['reports', t('absence.metrics.reports'), formatNumber(figures.reports)],
    ['averageDuration', t('absence.metrics.averageDuration'), formatNumber(figures.averageDurationDays, 1)],
    ['zeroAbsence', t('absence.metrics.zeroAbsence'), formatPercent(figures.zeroAbsencePercentage, 1)],
    ['headcount', t('absence.metrics.headcount'), formatNumber(figures.averageHeadcount, 1)],
  ];
  return (
    <dl className="key-figures" aria-label={t('absence.metrics.title')}>
      {items.map(([key, label, value]) => (
        <div key={key} className="key-figure">
          <dt>{label}</dt>
          <dd data-testid={`absence-${key}`}>{value || '–'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The department's figures for the chosen period, the split by duration and the figures per cost centre. */
export function MetricsSection({ metrics }: { metrics: AbsenceMetricsView }) {
  const { t } = useTranslation();
  const d = metrics.department;
  // Days of which no absence is known give no figures at all: rows of 0 % would read as no absence.
  if (metrics.gap) {
    return (
      <p className="warning" data-testid="absence-metrics-gap">
        {t('overview.absence.figuresWaiting')} <Gap code={metrics.gap} />
      </p>
    );
  }
  return (
    <>
      <KeyFigures figures={d} />
      <p className="hint">{t('absence.metrics.explanation')}</p>
      {metrics.extendsBeyondToday && <p className="hint">{t('absence.metrics.beyondToday')}</p>}
      <p className="hint">{t('absence.metrics.openCases', { count: metrics.openCases })}</p>
      <div className="two-tables">
        <div className="table-scroll">
        <table className="simple-table" data-testid="absence-bands">
          <caption>{t('absence.metrics.bandsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('absence.metrics.band')}</th>
              <th scope="col">{t('absence.metrics.days')}</th>
              <th scope="col" className="num">
                {t('absence.metrics.cases')}
              </th>
              <th scope="col" className="num">
                {t('absence.metrics.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {BAND_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(`absence.metrics.bands.${key}`)}</th>
                <td>{t('absence.metrics.bandRange', metrics.bandRanges[key])}</td>
                <td className="num">{d.bands[key].cases}</td>
                <td className="num">{formatPercent(d.bands[key].percentage, 2) || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <div className="table-scroll">
        <table className="simple-table" data-testid="absence-cost-centres">
          <caption>{t('absence.metrics.perCostCentre')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('absence.metrics.costCentre')}</th>
              <th scope="col" className="num">
                {t('absence.metrics.percentage')}
              </th>
              <th scope="col" className="num">
                {t('absence.metrics.frequency')}
              </th>
              <th scope="col" className="num">
                {t('absence.metrics.reports')}
              </th>
              <th scope="col" className="num">
                {t('absence.metrics.averageDuration')}
              </th>
              <th scope="col" className="num">
                {t('absence.metrics.zeroAbsence')}
              </th>
              <th scope="col" className="num">
                {t('absence.metrics.employees')}
              </th>
            </tr>
          </thead>
          <tbody>
            {metrics.costCentres.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.code} {c.name}
                </th>
                <FigureCells figures={c.figures} />
              </tr>
            ))}
            <tr className="row-total">
              <th scope="row">{t('absence.metrics.department')}</th>
              <FigureCells figures={d} />
            </tr>
          </tbody>
        </table>
        </div>
      </div>
    </>
  );
}

function FigureCells({ figures }: { figures: AbsenceFigures }) {
  return (
    <>
      <td className="num">{formatPercent(figures.percentage, 2) || '–'}</td>
      <td className="num">{formatNumber(figures.frequency, 2) || '–'}</td>
      <td className="num">{figures.reports}</td>
      <td className="num">{formatNumber(figures.averageDurationDays, 1) || '–'}</td>
      <td className="num">{formatPercent(figures.zeroAbsencePercentage, 1) || '–'}</td>
      <td className="num">{figures.employees}</td>
    </>
  );
}
