import { useTranslation } from 'react-i18next';
import { formatCents, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../components/useApi.ts';

/**
 * On the budget page: per budget line, how much of it is committed to assignments (their ceilings for
 * the part of their period in the year) beside the assignments' actuals on it and what stays free.
 */
export function AssignmentBudgetPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const rows = useApi(() => api.assignments.byBudgetLine({ year }), [year]);
  if (!rows.data || rows.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="assignment-budget-panel">
      <h2 id="assignment-budget-panel">{t('assignments.budgetPanel', { year })}</h2>
      <p className="hint">
        {t('assignments.budgetPanelHint', { year })} <a href="#/assignments">{t('nav.assignments')}</a>
      </p>
      <table className="simple-table numbers" data-testid="assignment-budget-lines-panel">
        <thead>
          <tr>
            <th scope="col">{t('assignments.budgetLine')}</th>
            <th scope="col" className="num">
              {t('assignments.currentBudget')}
            </th>
            <th scope="col" className="num">
              {t('assignments.committed')}
            </th>
            <th scope="col" className="num">
              {t('assignments.committedPercent')}
            </th>
            <th scope="col" className="num">
              {t('assignments.actuals')}
            </th>
            <th scope="col" className="num">
              {t('assignments.free')}
            </th>
            <th scope="col">{t('assignments.assignmentCodes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.data.map((l) => (
            <tr key={`${l.costCentre}/${l.account}`} data-line={`${l.costCentre}/${l.account}`}>
              <th scope="row">
                {l.costCentre}/{l.account} {l.accountName}
              </th>
              <td className="num">{formatCents(l.currentCents)}</td>
              <td className="num">{formatCents(l.committedCents)}</td>
              <td className="num">{formatPercent(l.committedPercent)}</td>
              <td className="num">{formatCents(l.actualsCents)}</td>
              <td className={`num${l.freeCents < 0 ? ' cell-over' : ''}`}>{formatCents(l.freeCents)}</td>
              <td>{l.assignments.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
