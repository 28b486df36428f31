import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';

export function AddLineForm({ year, onAdded }: { year: number; onAdded: () => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const [form, setForm] = useState({ costCentre: '', account: '', accountName: '', kind: 'lasten' as 'lasten' | 'baten', primitive: '' });
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const amount = parseUserAmountCents(form.primitive || '0');
    if (!amount.ok) {
      setError(`${t('budget.primitive')}: ${amount.reason}`);
      return;
    }
    try {
      await api.budget.createLine({
        year,
        costCentre: form.costCentre || costCentres.data?.[0]?.code || '',
        account: form.account,
        accountName: form.accountName,
        kind: form.kind,
        primitiveCents: amount.value,
      });
      status.info(`${t('budget.addLine')}: ${form.account} ✓`);
      setForm({ ...form, account: '', accountName: '', primitive: '' });
      onAdded();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <details className="card">
      <summary>{t('budget.addLine')}</summary>
      <form onSubmit={submit} className="inline-form">
        <label>
          {t('budget.costCentre')}
          <select value={form.costCentre} onChange={(e) => setForm({ ...form, costCentre: e.target.value })}>
            {costCentres.data?.map((cc) => (
              <option key={cc.code} value={cc.code}>
                {cc.code} {cc.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('budget.account')}
          <input required value={form.account} onChange={(e) => setForm({ ...form, account: e.target.value })} size={8} />
        </label>
        <label>
          {t('budget.accountName')}
          <input value={form.accountName} onChange={(e) => setForm({ ...form, accountName: e.target.value })} />
        </label>
        <label>
          {t('budget.kind')}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'lasten' | 'baten' })}>
            <option value="lasten">lasten</option>
            <option value="baten">baten</option>
          </select>
        </label>
        <label>
          {t('budget.primitive')}
          <input inputMode="decimal" value={form.primitive} onChange={(e) => setForm({ ...form, primitive: e.target.value })} size={12} />
        </label>
        <button type="submit" className="primary">
          {t('app.add')}
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
