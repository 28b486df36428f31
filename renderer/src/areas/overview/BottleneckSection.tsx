import { useTranslation } from 'react-i18next';
import type { BottleneckOverviewData, OverviewSection } from '../../../../shared/domain/overview/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';

const STATUSES = ['open', 'in_behandeling', 'geescaleerd', 'opgelost', 'vervallen'] as const;

export function BottleneckSection({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  const data = section.data as BottleneckOverviewData;
  return (
    <div>
      <dl className="key-figures compact" data-testid="overview-bottleneck-counts">
        {STATUSES.map((s) => (
          <div key={s} className="key-figure">
            <dt>{t(`bottlenecks.statuses.${s}`)}</dt>
            <dd data-testid={`bn-count-${s}`}>{data.byStatus[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('overview.bottlenecks.active')}</h3>
      {data.active.length === 0 ? (
        <p data-testid="overview-bottlenecks-none">{t('overview.bottlenecks.none')}</p>
      ) : (
        <ul className="bottleneck-list" data-testid="overview-bottlenecks">
          {data.active.map((b) => (
            <li key={b.id}>
              <a href={`#/bottlenecks?id=${b.id}`}>
                {b.identifier} {b.title}
              </a>{' '}
              <span className={`status-tag status-${b.status}`}>
                {b.status === 'geescaleerd' && <span aria-hidden="true">▲ </span>}
                {t(`bottlenecks.statuses.${b.status}`)}
                {b.escalatedTo && b.status === 'geescaleerd' ? ` → ${t(`bottlenecks.targets.${b.escalatedTo}`)}${b.escalatedDepartment ? ` ${b.escalatedDepartment}` : ''}` : ''}
              </span>{' '}
              <span className="muted">
                {t(`bottlenecks.categories.${b.category}`)} · {formatDate(b.signalledOn)} · {t('overview.bottlenecks.age', { days: b.ageDays })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.activeCount > data.active.length && <p className="muted">+{data.activeCount - data.active.length}</p>}
    </div>
  );
}
