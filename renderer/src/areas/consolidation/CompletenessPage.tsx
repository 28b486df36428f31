import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../components/useApi.ts';
import { localToday } from './period-review.tsx';
import { StatusTag } from './statuses.tsx';
import './consolidation.css';
import { DateField } from '../../components/DateField.tsx';
import { FormError } from '../../components/forms.tsx';

/** Departments × periods: delivered, superseded, late, missing or not yet received. */
export function CompletenessPage({ kind }: { kind: 'central-hr' | 'central-finance' }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(localToday());
  const matrix = useApi(() => api.central.completeness({ asOf }), [asOf]);
  const data = matrix.data;
  return (
    <div>
      <h1>{t('central.matrixTitle')}</h1>
      <div className="inline-form">
        <DateField id="completeness-as-of" label={t('central.asOf')} value={asOf} onChange={setAsOf} />
      </div>
      <FormError message={matrix.error} />
      {data && data.departments.length === 0 && (
        <section className="card" aria-labelledby="first-step-title" data-testid="first-step">
          <h2 id="first-step-title">{t('central.firstStepTitle')}</h2>
          <p>{t('central.firstStep')}</p>
          <p>
            <a href="#/departments">{t('central.firstStepLink')}</a>
          </p>
        </section>
      )}
      {data && data.departments.length > 0 && (
        <section className="card" aria-labelledby="matrix-title">
          <h2 id="matrix-title">{t('central.matrixTitle')}</h2>
          <table className="simple-table matrix" data-testid="completeness-matrix">
            <thead>
              <tr>
                <th scope="col">{t('central.department')}</th>
                {data.periods.map((p) => (
                  <th scope="col" key={p.period}>
                    {formatPeriod(p.period)}
                    <br />
                    <span className="hint">
                      {t('central.dueDate')} {formatDate(p.dueDate)}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.departments.map((d) => (
                <tr key={d.code} data-department={d.code}>
                  <th scope="row">
                    {d.code} {d.name}
                  </th>
                  {data.periods.map((p) => (
                    <td key={p.period} data-period={p.period}>
                      <StatusTag cell={data.cells.find((c) => c.department === d.code && c.period === p.period)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('central.totals')}</th>
                {data.periods.map((p) => {
                  const c = data.counts[p.period];
                  return (
                    <td key={p.period} data-testid={`counts-${p.period}`}>
                      {c ? t('central.counts', { received: c.delivered + c.superseded + c.late, expected: c.expected }) : ''}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
          <p className="hint">
            {(['delivered', 'superseded', 'late', 'missing', 'pending'] as const).map((s) => (
              <span key={s} className={`status-cell status-${s}`} style={{ marginRight: 8 }}>
                {t(`central.statuses.${s}`)}
              </span>
            ))}
          </p>
        </section>
      )}
    </div>
  );
}
