import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { checkAmount, valid } from '../../components/form-values.ts';
import { AmountField, binder, choices, Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';
import { useStatus } from '../../components/Status.tsx';
import { useApi } from '../../components/useApi.ts';

export function AddLineForm({ year, onAdded }: { year: number; onAdded: () => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const [form, setForm] = useState({ costCentre: '', account: '', accountName: '', kind: 'lasten' as 'lasten' | 'baten', primitive: '' });
  const action = useFormAction();
  const bind = binder(form, setForm);

  const submit = () =>
    action.run(async () => {
      // An empty primitive budget is a line without money yet.
      const primitiveCents = valid(checkAmount(t('budget.primitive'), form.primitive, false)) ?? 0;
      await api.budget.createLine({
        year,
        costCentre: form.costCentre || costCentres.data?.[0]?.code || '',
        account: form.account,
        accountName: form.accountName,
        kind: form.kind,
        primitiveCents,
      });
      status.info(`${t('budget.addLine')}: ${form.account} ✓`);
      setForm({ ...form, account: '', accountName: '', primitive: '' });
      onAdded();
    });

  return (
    <details className="card">
      <summary>{t('budget.addLine')}</summary>
      <Form submitAction={action} layout="inline" onSubmit={submit}>
        <SelectField label={t('budget.costCentre')} {...bind('costCentre')} options={(costCentres.data ?? []).map((cc) => ({ value: cc.code, label: `${cc.code} ${cc.name}` }))} />
        <TextField label={t('budget.account')} required {...bind('account')} size={8} />
        <TextField label={t('budget.accountName')} {...bind('accountName')} />
        <SelectField label={t('budget.kind')} {...bind('kind')} options={choices(['lasten', 'baten'] as const)} />
        <AmountField label={t('budget.primitive')} {...bind('primitive')} />
        <button type="submit" className="primary">
          {t('app.add')}
        </button>
        <FormError message={action.error} />
      </Form>
    </details>
  );
}
