import { useTranslation } from 'react-i18next';
import type { AssignmentsOverviewData, BenchmarksOverviewData } from '../../../../shared/domain/assignments/types.ts';
import type { OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { formatCents, formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { Gap } from '../setup/Gap.tsx';
import './assignments.css';

/** The overview's assignments block: counts, the assignments that need looking at, overdue decision moments. */
export function AssignmentsSection({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  const data = section.data as AssignmentsOverviewData;
  const counts = [
    ['open', t('assignments.open'), data.counts.open],
    ['over-ceiling', t('assignments.overCeiling'), data.counts.overCeiling],
    ['overdue', t('assignments.overdueMoments'), data.counts.overdueMoments],
    ['past-end', t('assignments.overview.pastEnd'), data.counts.pastEnd],
    ['dba', t('assignments.overview.dba'), data.counts.dba],
  ] as const;
  return (
    <div>
      <dl className="key-figures compact">
        {counts.map(([key, label, value]) => (
          <div key={key} className="key-figure">
            <dt>{label}</dt>
            <dd data-testid={`overview-assignments-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('assignments.overview.items')}</h3>
      {data.items.length === 0 ? (
        <p>{t('assignments.overview.none')}</p>
      ) : (
        <table className="simple-table numbers" data-testid="overview-assignments">
          <thead>
            <tr>
              <th scope="col">{t('assignments.code')}</th>
              <th scope="col">{t('assignments.kind')}</th>
              <th scope="col">{t('assignments.status')}</th>
              <th scope="col">{t('assignments.endDate')}</th>
              <th scope="col" className="num">
                {t('assignments.ceiling')}
              </th>
              <th scope="col" className="num">
                {t('assignments.used')}
              </th>
              <th scope="col" className="num">
                {t('assignments.usedPercent')}
              </th>
              <th scope="col">{t('assignments.signals')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((a) => (
              <tr key={a.id} data-code={a.code}>
                <th scope="row">
                  <a href={`#/assignments?id=${a.id}`}>
                    {a.code} {a.title}
                  </a>
                </th>
                <td>{t(`assignments.kinds.${a.kind}`)}</td>
                <td>{t(`assignments.statuses.${a.status}`)}</td>
                <td>{formatDate(a.endDate)}</td>
                <td className="num">{formatCents(a.ceilingCents)}</td>
                <td className="num">{formatCents(a.usedCents)}</td>
                <td className={`num${a.signals.includes('overCeiling') ? ' cell-over' : ''}`}>{formatPercent(a.usedPercent)}</td>
                <td>{a.signals.map((s) => t(`assignments.signalTexts.${s}`)).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('assignments.overview.overdue')}</h3>
      {data.overdueMoments.length === 0 ? (
        <p>{t('assignments.overview.noOverdue')}</p>
      ) : (
        <ul data-testid="overview-overdue-moments">
          {data.overdueMoments.map((m) => (
            <li key={`${m.assignmentId}-${m.kind}-${m.dueDate}`}>
              <a href={`#/assignments?id=${m.assignmentId}`}>{m.code}</a> {t(`assignments.momentKinds.${m.kind}`)}: {formatDate(m.dueDate)} <span className="muted">({m.title})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The department's absence percentage, occupancy and hire percentage beside the reference figures. */
export function BenchmarksSection({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  const data = section.data as BenchmarksOverviewData;
  return (
    <div>
      <table className="simple-table numbers" data-testid="overview-benchmarks">
        <caption>
          {t('benchmarks.own')}: {t('benchmarks.ownPeriod', { from: formatDate(data.from), date: formatDate(data.date) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('benchmarks.indicator')}</th>
            <th scope="col" className="num">
              {t('benchmarks.own')}
            </th>
            <th scope="col">{t('benchmarks.title')}</th>
          </tr>
        </thead>
        <tbody>
          {data.indicators.map((i) => (
            <tr key={i.indicator} data-indicator={i.indicator}>
              <th scope="row">{t(`benchmarks.indicators.${i.indicator}`)}</th>
              <td className="num benchmark-own">{i.gap ? <Gap code={i.gap} /> : i.own === null ? t('benchmarks.unknown') : formatPercent(i.own)}</td>
              <td>
                {i.references.length === 0
                  ? '–'
                  : i.references.map((r) => `${formatPercent(r.value)} ${r.referenceGroup.toLowerCase()} ${r.year}${r.source ? ` (${r.source})` : ''}`).join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('benchmarks.ownHint')}</p>
    </div>
  );
}
