import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useApi } from '../../components/useApi.ts';
import { BudgetComparisonTable } from './costs-shared.tsx';

/**
 * On the budget page: the personnel cost forecast (from occupation and external hire) beside the
 * personnel budget lines, so the head sees its variance where the budget is kept.
 */
export function PersonnelCostPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const forecast = useApi(() => api.personnelCosts.forecast({ year }), [year]);
  if (!forecast.data || forecast.data.budget.length === 0) return null;
  return (
    <section className="card" aria-labelledby="personnel-cost-panel-title">
      <h2 id="personnel-cost-panel-title">{t('costs.panelTitle', { year })}</h2>
      <p className="hint">
        {t('costs.panelHint')} <a href="#/personnel-costs">{t('costs.panelLink')}</a>
      </p>
      <BudgetComparisonTable rows={forecast.data.budget} caption={t('costs.comparisonCaption', { year })} gap={forecast.data.gap} />
    </section>
  );
}
