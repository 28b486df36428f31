import { useTranslation } from 'react-i18next';
import type { AttentionItem, PoortwachterAttention } from '../../../../shared/domain/absence/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { daysText, stepLabel } from './stepLabel.ts';

function Items({ items, testId, onOpen }: { items: AttentionItem[]; testId: string; onOpen?: (caseId: number) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="attention-list" data-testid={testId}>
      {items.map((item) => (
        <li key={`${item.caseId}-${item.step}`}>
          {onOpen ? (
            <button type="button" className="link-button" onClick={() => onOpen(item.caseId)}>
              {item.caseNumber} {item.employeeName}
            </button>
          ) : (
            <strong>
              {item.caseNumber} {item.employeeName}
            </strong>
          )}
          : {stepLabel(t, { key: item.step })} — {t('poortwachter.due').toLowerCase()} {formatDate(item.due)} ({daysText(t, item.daysLeft)})
        </li>
      ))}
    </ul>
  );
}

/** What is overdue and what is due within the lead time, most urgent first. */
export function AttentionList({ attention, onOpen }: { attention: PoortwachterAttention; onOpen?: (caseId: number) => void }) {
  const { t } = useTranslation();
  if (attention.overdue.length === 0 && attention.dueSoon.length === 0) return <p data-testid="attention-nothing">{t('poortwachter.nothing')}</p>;
  return (
    <div className="attention">
      {attention.overdue.length > 0 && (
        <>
          <h3 className="overdue-title">
            {t('poortwachter.overdue')} ({attention.overdue.length})
          </h3>
          <Items items={attention.overdue} testId="attention-overdue" onOpen={onOpen} />
        </>
      )}
      {attention.dueSoon.length > 0 && (
        <>
          <h3>
            {t('poortwachter.dueSoon', { days: attention.leadDays })} ({attention.dueSoon.length})
          </h3>
          <Items items={attention.dueSoon} testId="attention-due" onOpen={onOpen} />
        </>
      )}
    </div>
  );
}
