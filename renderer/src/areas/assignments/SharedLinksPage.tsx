import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../components/useApi.ts';
import './assignments.css';
import { FormError } from '../../components/forms.tsx';

/**
 * Central HR and finance: the open bottlenecks and assignments that departments share, one group per
 * department named, so a dependency three departments signal shows up once.
 */
export function SharedLinksPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState('');
  const periods = useApi(() => api.central.periods({}), []);
  const shared = useApi(() => api.sharedLinks.list(period ? { period } : {}), [period]);
  const data = shared.data;
  return (
    <div>
      <div className="page-header">
        <h1>{t('sharedLinks.title')}</h1>
      </div>
      <p className="lead">{t('sharedLinks.intro')}</p>
      <div className="toolbar">
        <label className="inline-field">
          {t('sharedLinks.period')}{' '}
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="">{t('sharedLinks.latest')}</option>
            {(periods.data ?? []).map((p) => (
              <option key={p.period} value={p.period}>
                {p.period} ({formatPeriod(p.period)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError message={shared.error} />
      {data && data.packages.length > 0 && (
        <p className="muted" data-testid="shared-packages">
          {t('sharedLinks.packages', { list: data.packages.map((p) => `${p.department} ${p.period} v${p.sequence}`).join(', ') })}
        </p>
      )}
      {data && data.groups.length === 0 && <p data-testid="shared-none">{t('sharedLinks.none')}</p>}
      {data?.groups.map((g) => (
        <section key={g.department} className="card shared-group" aria-labelledby={`shared-${g.department}`} data-testid={`shared-group-${g.department}`}>
          <h2 id={`shared-${g.department}`}>
            {g.department}
            {g.name ? ` ${g.name}` : ''}
          </h2>
          <p data-testid={`shared-named-by-${g.department}`}>{t('sharedLinks.namedBy', { count: g.namedBy.length, list: g.namedBy.join(', ') })}</p>
          <table className="simple-table">
            <caption className="sr-only">
              {g.department}: {t('sharedLinks.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('sharedLinks.from')}</th>
                <th scope="col">{t('sharedLinks.source')}</th>
                <th scope="col">{t('sharedLinks.id')}</th>
                <th scope="col">{t('sharedLinks.titleField')}</th>
                <th scope="col">{t('sharedLinks.type')}</th>
                <th scope="col">{t('sharedLinks.status')}</th>
                <th scope="col">{t('sharedLinks.relation')}</th>
                <th scope="col">{t('sharedLinks.others')}</th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((i) => (
                <tr key={`${i.fromDepartment}-${i.source}-${i.id}`}>
                  <td>
                    {i.fromDepartment} {i.fromName}
                  </td>
                  <td>{t(`sharedLinks.sources.${i.source}`)}</td>
                  <td>{i.id}</td>
                  <td>{i.title}</td>
                  <td>{i.type}</td>
                  <td>{i.status}</td>
                  <td>
                    {t(`assignments.relations.${i.relation}`)} {g.department}
                  </td>
                  <td>{i.names.filter((n) => n !== g.department).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
