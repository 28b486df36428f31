import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetLineView } from '../../../../shared/domain/budget/types.ts';
import { formatCents, formatDate } from '../../../../shared/format/nl.ts';
import { parseDate, parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { FormError } from '../../components/forms.tsx';

export function RevisionsPanel({ line, readOnly, onChanged }: { line: BudgetLineView | null; readOnly: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const revisions = useApi(async () => (line ? api.budget.revisions({ budgetLineId: line.id }) : []), [line?.id]);
  const [form, setForm] = useState({ date: '', amount: '', reason: '', decisionRef: '' });
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!line) return;
    setError(null);
    const date = parseDate(form.date);
    const amount = parseUserAmountCents(form.amount);
    if (!date.ok) return setError(`${t('budget.revisionDate')}: ${date.reason}`);
    if (!amount.ok) return setError(`${t('budget.revisionAmount')}: ${amount.reason}`);
    try {
      await api.budget.addRevision({ budgetLineId: line.id, date: date.value, amountCents: amount.value, reason: form.reason, decisionRef: form.decisionRef || null });
      setForm({ date: '', amount: '', reason: '', decisionRef: '' });
      revisions.reload();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">
        {t('budget.revisionsTitle')}
        {line ? ` — ${line.costCentre} / ${line.account} ${line.accountName}` : ''}
      </h2>
      {!line && <p className="muted">{t('budget.selectLine')}</p>}
      {line && (
        <>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('budget.revisionDate')}</th>
                <th scope="col" className="num">
                  {t('budget.revisionAmount')}
                </th>
                <th scope="col">{t('budget.revisionReason')}</th>
                <th scope="col">{t('budget.decisionRef')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.data?.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.date)}</td>
                  <td className="num">{formatCents(r.amountCents)}</td>
                  <td>{r.reason}</td>
                  <td>{r.decisionRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!readOnly && (
            <form onSubmit={submit} className="inline-form">
              <label>
                {t('budget.revisionDate')}
                <input placeholder="dd-mm-jjjj" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} size={11} required />
              </label>
              <label>
                {t('budget.revisionAmount')}
                <input inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} size={12} required />
              </label>
              <label>
                {t('budget.revisionReason')}
                <input value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} required />
              </label>
              <label>
                {t('budget.decisionRef')}
                <input value={form.decisionRef} onChange={(e) => setForm({ ...form, decisionRef: e.target.value })} size={14} />
              </label>
              <button type="submit">{t('budget.addRevision')}</button>
              <FormError message={error} />
            </form>
          )}
        </>
      )}
    </section>
  );
}
