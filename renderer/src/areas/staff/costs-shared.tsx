import { useTranslation } from 'react-i18next';
import type { PersonnelBudgetRow } from '../../../../shared/domain/staff/costs.ts';
import type { FigureGapCode } from '../../../../shared/domain/setup/types.ts';
import { formatCents } from '../../../../shared/format/nl.ts';
import { Gap } from '../setup/Gap.tsx';

/** "Salarissen (4100)", "Inhuur (4200)", "Overig (4700)" */
export function useGroupLabel(): (row: Pick<PersonnelBudgetRow, 'group' | 'accounts'>) => string {
  const { t } = useTranslation();
  return (row) => `${t(`costs.groups.${row.group}`)} (${row.accounts.join(', ')})`;
}

/**
 * The forecast beside the budget per cost centre and group, as a plain table (used on two pages).
 * While the own staff's costs cannot be computed (`gap`), the rows of the salary accounts and the
 * totals show "n.t.b." for own staff, forecast and variance, and the reason under the table: a
 * variance of a whole salary budget "V" would be the most misleading figure on the page.
 */
export function BudgetComparisonTable({ rows, caption, gap = null }: { rows: PersonnelBudgetRow[]; caption: string; gap?: FigureGapCode | null }) {
  const { t } = useTranslation();
  const notYet = t('gaps.short');
  const unknown = (r: Pick<PersonnelBudgetRow, 'group'>) => gap !== null && r.group === 'salaries';
  const label = useGroupLabel();
  const total = rows.reduce(
    (s, r) => ({ budgetCents: s.budgetCents + r.budgetCents, actualCents: s.actualCents + r.actualCents, forecastCents: s.forecastCents + r.forecastCents, varianceCents: s.varianceCents + r.varianceCents }),
    { budgetCents: 0, actualCents: 0, forecastCents: 0, varianceCents: 0 },
  );
  const vn = (cents: number) => (cents > 0 ? 'V' : cents < 0 ? 'N' : '');
  return (
    <>
      <table className="simple-table" data-testid="personnel-budget">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.costCentre')}</th>
            <th scope="col">{t('costs.budgetLines')}</th>
            <th scope="col" className="num">
              {t('costs.budget')}
            </th>
            <th scope="col" className="num">
              {t('costs.actual')}
            </th>
            <th scope="col" className="num">
              {t('costs.employees')}
            </th>
            <th scope="col" className="num">
              {t('costs.hire')}
            </th>
            <th scope="col" className="num">
              {t('costs.forecast')}
            </th>
            <th scope="col" className="num">
              {t('costs.variance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.costCentre}-${r.group}-${r.accounts.join()}`}>
              <th scope="row">{r.costCentre}</th>
              <td>{label(r)}</td>
              <td className="num">{formatCents(r.budgetCents, { whole: true })}</td>
              <td className="num">{formatCents(r.actualCents, { whole: true })}</td>
              <td className="num">{unknown(r) ? notYet : formatCents(r.employeeCents, { whole: true })}</td>
              <td className="num">{formatCents(r.hireCents, { whole: true })}</td>
              <td className="num">{unknown(r) ? notYet : formatCents(r.forecastCents, { whole: true })}</td>
              <td className={`num${!unknown(r) && r.varianceCents < 0 ? ' cell-unfavourable' : ''}`}>
                {unknown(r) ? notYet : `${formatCents(r.varianceCents, { whole: true })} ${r.varianceLabel}`}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="row-total">
            <th scope="row" colSpan={2}>
              {t('formation.total')}
            </th>
            <td className="num">{formatCents(total.budgetCents, { whole: true })}</td>
            <td className="num">{formatCents(total.actualCents, { whole: true })}</td>
            <td className="num">{gap ? notYet : formatCents(rows.reduce((s, r) => s + r.employeeCents, 0), { whole: true })}</td>
            <td className="num">{formatCents(rows.reduce((s, r) => s + r.hireCents, 0), { whole: true })}</td>
            <td className="num">{gap ? notYet : formatCents(total.forecastCents, { whole: true })}</td>
            <td className={`num${!gap && total.varianceCents < 0 ? ' cell-unfavourable' : ''}`}>{gap ? notYet : `${formatCents(total.varianceCents, { whole: true })} ${vn(total.varianceCents)}`}</td>
          </tr>
        </tfoot>
      </table>
      {gap && (
        <p className="hint" data-testid="personnel-budget-gap">
          {t('costs.figuresWaiting')} <Gap code={gap} />
        </p>
      )}
    </>
  );
}
