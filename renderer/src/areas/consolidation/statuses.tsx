import { useTranslation } from 'react-i18next';
import type { CompletenessCell } from '../../../../shared/exchange/central.ts';

export function StatusTag({ cell }: { cell: CompletenessCell | undefined }) {
  const { t } = useTranslation();
  if (!cell) return <span className="status-not-expected">{t('central.notExpected')}</span>;
  const review = cell.review ? ` · ${cell.review.status === 'reviewed' ? t('central.reviewed') : t('central.question')}` : '';
  return (
    <span className={`status-cell status-${cell.status}`} data-status={cell.status}>
      {t(`central.statuses.${cell.status}`)}
      {cell.sequence !== null ? ` (${t('central.versionShort', { sequence: cell.sequence })})` : ''}
      {review}
    </span>
  );
}
