import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { checkDecimal, checkWholeNumber, valid } from '../../components/form-values.ts';
import { binder, Form, FormError, TextField, useFormAction } from '../../components/forms.tsx';
import { useStatus } from '../../components/Status.tsx';
import { useApi } from '../../components/useApi.ts';

/** The signal values behind the overview's highlights (absence percentage, Poortwachter lead time). */
export function SignalSettings({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const settings = useApi(() => api.workbook.settings({}), []);
  const [form, setForm] = useState({ absence: '', lead: '' });
  const action = useFormAction();
  const bind = binder(form, setForm);
  useEffect(() => {
    if (settings.data) setForm({ absence: String(settings.data.absenceAlertPercent).replace('.', ','), lead: String(settings.data.poortwachterLeadDays) });
  }, [settings.data]);

  const save = () =>
    action.run(async () => {
      const absenceAlertPercent = valid(checkDecimal(t('settings.absenceAlertPercent'), form.absence)) as number;
      const poortwachterLeadDays = valid(checkWholeNumber(t('settings.poortwachterLeadDays'), form.lead)) as number;
      await api.workbook.updateSettings({ absenceAlertPercent, poortwachterLeadDays });
      status.info(t('app.saved'));
      settings.reload();
    });

  return (
    <section className="card" aria-labelledby="signals-settings-title">
      <h2 id="signals-settings-title">{t('settings.signalsTitle')}</h2>
      <p className="hint">{t('settings.signalsHint')}</p>
      <Form submitAction={action} layout="inline" onSubmit={save}>
        <TextField label={t('settings.absenceAlertPercent')} inputMode="decimal" {...bind('absence')} size={6} disabled={readOnly} />
        <TextField label={t('settings.poortwachterLeadDays')} inputMode="numeric" {...bind('lead')} size={4} disabled={readOnly} />
        <button type="submit" className="primary" disabled={readOnly}>
          {t('app.save')}
        </button>
        <FormError message={action.error} />
      </Form>
    </section>
  );
}
