import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoortwachterAttention } from '../../../../shared/domain/absence/types.ts';
import { api } from '../../api/client.ts';
import { useHashRoute } from '../../components/router.ts';
import { userToday } from './dates.ts';
import { onAbsenceChanged } from './events.ts';

const dismissed = new Set<string>();

/**
 * Shown when a department workbook opens: how many Poortwachter steps are overdue or due soon, with a
 * link to them. It stays until the user hides it (per workbook, for this session) and follows changes.
 */
export function OpeningNotice({ workbookPath }: { workbookPath: string }) {
  const { t } = useTranslation();
  const route = useHashRoute();
  const [attention, setAttention] = useState<PoortwachterAttention | null>(null);
  const [hidden, setHidden] = useState(dismissed.has(workbookPath));
  const [version, setVersion] = useState(0);
  useEffect(() => onAbsenceChanged(() => setVersion((v) => v + 1)), []);

  useEffect(() => {
    let active = true;
    api.absence
      .attention({ today: userToday() })
      .then((a) => active && setAttention(a))
      .catch(() => active && setAttention(null));
    return () => {
      active = false;
    };
  }, [workbookPath, route, version]);

  if (hidden || !attention || (attention.overdue.length === 0 && attention.dueSoon.length === 0)) return null;
  return (
    <aside className={`notice ${attention.overdue.length > 0 ? 'notice-urgent' : ''}`} aria-label={t('poortwachter.noticeTitle')} data-testid="poortwachter-notice">
      <p>
        <strong>{t('poortwachter.noticeTitle')}:</strong> {t('poortwachter.notice', { overdue: attention.overdue.length, dueSoon: attention.dueSoon.length, days: attention.leadDays })}{' '}
        {route !== 'poortwachter' && <a href="#/poortwachter">{t('poortwachter.noticeLink')}</a>}
      </p>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          dismissed.add(workbookPath);
          setHidden(true);
        }}
      >
        {t('poortwachter.dismiss')}
      </button>
    </aside>
  );
}
