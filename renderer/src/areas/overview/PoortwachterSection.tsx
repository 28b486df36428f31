import { useTranslation } from 'react-i18next';
import type { OverviewSection, PoortwachterOverviewData, PoortwachterOverviewItem } from '../../../../shared/domain/overview/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { daysText, stepLabel } from '../absence/stepLabel.ts';

function Items({ items, overdue, testId }: { items: PoortwachterOverviewItem[]; overdue: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="attention-list" data-testid={testId}>
      {items.map((item) => (
        <li key={`${item.caseId}-${item.step}`}>
          <a href={`#/poortwachter?case=${item.caseId}`}>{t('overview.poortwachter.case', { caseNumber: item.caseNumber, personnelNumber: item.personnelNumber })}</a>: {stepLabel(t, { key: item.step })} —{' '}
          {t('overview.poortwachter.due', { date: formatDate(item.due) })}{' '}
          <span className={`status-badge ${overdue ? 'status-overdue' : 'status-dueSoon'}`}>
            {overdue && <span aria-hidden="true">⚠ </span>}
            {daysText(t, item.daysLeft)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Poortwachter steps overdue and due within the lead time on the overview's date, each a link to its
 * timeline. By case and personnel number: the overview is the page most often shown to others.
 */
export function PoortwachterSection({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  const data = section.data as PoortwachterOverviewData;
  return (
    <div className="overview-poortwachter">
      <p data-testid="overview-poortwachter-running">{t('overview.poortwachter.running', { count: data.runningCases })}</p>
      {data.overdueCount === 0 && data.dueSoonCount === 0 && <p data-testid="overview-poortwachter-nothing">{t('overview.poortwachter.nothing', { days: data.leadDays })}</p>}
      {data.overdueCount > 0 && (
        <>
          <h3 className="overdue-title">{t('overview.poortwachter.overdue', { count: data.overdueCount })}</h3>
          <Items items={data.overdue} overdue testId="overview-poortwachter-overdue" />
        </>
      )}
      {data.dueSoonCount > 0 && (
        <>
          <h3>{t('overview.poortwachter.dueSoon', { days: data.leadDays, count: data.dueSoonCount })}</h3>
          <Items items={data.dueSoon} overdue={false} testId="overview-poortwachter-due" />
        </>
      )}
      {data.overdueCount + data.dueSoonCount > data.overdue.length + data.dueSoon.length && (
        <p>
          <a href="#/poortwachter">{t('overview.poortwachter.more', { count: data.overdueCount + data.dueSoonCount - data.overdue.length - data.dueSoon.length })}</a>
        </p>
      )}
    </div>
  );
}
