import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../../shared/exchange/types.ts';
import { formatDate, formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { fileToBase64 } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { checkDate, valid } from '../../components/form-values.ts';
import { choices, DateTextField, FormError, SelectField } from '../../components/forms.tsx';

/** Registered departments with their key fingerprints and expected periods; registration by key file; the delivery calendar. */
export function DepartmentsPage({ readOnly, fiscalYear }: { readOnly: boolean; fiscalYear: number }) {
  const { t } = useTranslation();
  const status = useStatus();
  const departments = useApi(() => api.central.departments({}), []);
  const periods = useApi(() => api.central.periods({}), []);
  const [form, setForm] = useState<{ code: string; name: string; file: File | null }>({ code: '', name: '', file: null });
  const [period, setPeriod] = useState({ period: `${fiscalYear}-Q1`, dueDate: '' });
  const periodChoices = [1, 2, 3, 4].map((q) => `${fiscalYear}-Q${q}`);
  const [error, setError] = useState<string | null>(null);

  async function register(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!form.file) return setError(t('central.keyFile'));
    try {
      const done = await api.central.registerDepartment({ code: form.code, ...(form.name.trim() ? { name: form.name } : {}), key: { name: form.file.name, contentBase64: await fileToBase64(form.file) } });
      status.info(t('central.registered', { code: done.code }));
      setForm({ code: '', name: '', file: null });
      (event.target as HTMLFormElement).reset();
      departments.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function savePeriod(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.central.savePeriod({ period: period.period, dueDate: valid(checkDate(t('central.dueDate'), period.dueDate))! });
      status.info(t('app.saved'));
      periods.reload();
      departments.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div>
      <h1>{t('central.departmentsTitle')}</h1>
      <section className="card" aria-labelledby="departments-title">
        <h2 id="departments-title">{t('central.departmentsTitle')}</h2>
        <table className="simple-table" data-testid="departments">
          <thead>
            <tr>
              <th scope="col">{t('central.code')}</th>
              <th scope="col">{t('central.name')}</th>
              <th scope="col">{t('exchange.fingerprint')}</th>
              <th scope="col">{t('central.keySource')}</th>
              <th scope="col">{t('central.expected')}</th>
              <th scope="col">{t('central.packages')}</th>
            </tr>
          </thead>
          <tbody>
            {departments.data?.map((d) => (
              <tr key={d.code}>
                <td>{d.code}</td>
                <td>{d.name}</td>
                <td>
                  <code>{d.fingerprint ? formatFingerprint(d.fingerprint) : ''}</code>
                </td>
                <td>
                  {d.keySource ? t(`central.keySources.${d.keySource}`) : ''} {d.keyRegisteredAt ? formatDate(d.keyRegisteredAt.slice(0, 10)) : ''}
                </td>
                <td>{d.expectedPeriods.map(formatPeriod).join(', ')}</td>
                <td className="num">{d.packages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {!readOnly && (
        <section className="card" aria-labelledby="register-title">
          <h2 id="register-title">{t('central.registerTitle')}</h2>
          <form onSubmit={register} className="inline-form">
            <label>
              {t('central.code')}
              <input required size={8} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
            </label>
            <label>
              {t('central.name')}
              <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </label>
            <label>
              {t('central.keyFile')}
              <input type="file" accept=".wbkey,.pem,.json" required onChange={(e) => setForm({ ...form, file: e.target.files?.[0] ?? null })} />
            </label>
            <button type="submit" className="primary">
              {t('central.register')}
            </button>
          </form>
        </section>
      )}
      <section className="card" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('central.calendarTitle')}</h2>
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('exchange.period')}</th>
              <th scope="col">{t('central.dueDate')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.data?.map((p) => (
              <tr key={p.period}>
                <td>{formatPeriod(p.period)}</td>
                <td>{formatDate(p.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!readOnly && (
          <form onSubmit={savePeriod} className="inline-form">
            <SelectField layout="inline" label={t('exchange.period')} value={period.period} onChange={(chosen) => setPeriod({ ...period, period: chosen })} options={choices(periodChoices, formatPeriod)} />
            <DateTextField layout="inline" label={t('central.dueDate')} required value={period.dueDate} onChange={(dueDate) => setPeriod({ ...period, dueDate })} />
            <button type="submit">{t('central.savePeriod')}</button>
          </form>
        )}
      </section>
      <FormError message={error} />
    </div>
  );
}
