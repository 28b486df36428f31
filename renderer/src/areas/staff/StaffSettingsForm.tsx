import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { useApi } from '../../components/useApi.ts';
import { checkNumber, valid } from '../../components/form-values.ts';
import { binder, Form, FormError, TextField, useFormAction } from '../../components/forms.tsx';

const decimal = (n: number) => String(n).replace('.', ',');
const accountsText = (list: string[]) => list.join(', ');
const accountsList = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Settings of the staff area: normal week, IKB, employer charges, personnel accounts, ZZP flag. */
export function StaffSettingsForm({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const settings = useApi(() => api.workbook.settings({}), []);
  const [form, setForm] = useState({ week: '', ikb: '', charges: '', salary: '', hire: '', zzp: '' });
  const action = useFormAction();
  const bind = binder(form, setForm);
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setForm({
      week: decimal(s.normalWeekHours),
      ikb: decimal(s.ikbPercent),
      charges: decimal(s.employerChargesPercent),
      salary: accountsText(s.personnelSalaryAccounts),
      hire: accountsText(s.personnelHireAccounts),
      zzp: String(s.zzpFlagMonths),
    });
  }, [settings.data]);

  const submit = () =>
    action.run(async () => {
      const week = valid(checkNumber(t('staffSettings.normalWeek'), form.week)) as number;
      const ikb = valid(checkNumber(t('staffSettings.ikb'), form.ikb)) as number;
      const charges = valid(checkNumber(t('staffSettings.charges'), form.charges)) as number;
      const zzp = valid(checkNumber(t('staffSettings.zzpMonths'), form.zzp)) as number;
      await api.workbook.updateSettings({
        normalWeekHours: week,
        ikbPercent: ikb,
        employerChargesPercent: charges,
        personnelSalaryAccounts: accountsList(form.salary),
        personnelHireAccounts: accountsList(form.hire),
        zzpFlagMonths: zzp,
      });
      status.info(t('app.saved'));
      settings.reload();
    });

  return (
    <section className="card" aria-labelledby="staff-settings-title">
      <h2 id="staff-settings-title">{t('staffSettings.title')}</h2>
      <Form submitAction={action} layout="inline" onSubmit={submit}>
        <TextField id="set-week" label={t('staffSettings.normalWeek')} inputMode="decimal" size={6} {...bind('week')} disabled={readOnly} />
        <TextField id="set-ikb" label={t('staffSettings.ikb')} inputMode="decimal" size={6} {...bind('ikb')} disabled={readOnly} />
        <TextField id="set-charges" label={t('staffSettings.charges')} inputMode="decimal" size={6} {...bind('charges')} disabled={readOnly} />
        <TextField id="set-salary-accounts" label={t('staffSettings.salaryAccounts')} size={14} {...bind('salary')} disabled={readOnly} />
        <TextField id="set-hire-accounts" label={t('staffSettings.hireAccounts')} size={14} {...bind('hire')} disabled={readOnly} />
        <TextField id="set-zzp" label={t('staffSettings.zzpMonths')} inputMode="numeric" size={4} {...bind('zzp')} disabled={readOnly} />
        <button type="submit" className="primary" disabled={readOnly}>
          {t('app.save')}
        </button>
        <p className="hint form-title">{t('staffSettings.hint')}</p>
        <FormError message={action.error} />
      </Form>
    </section>
  );
}
