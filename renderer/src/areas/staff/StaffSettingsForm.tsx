import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { checkNumber } from '../../components/form-values.ts';

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
  const [error, setError] = useState<string | null>(null);
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

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const week = checkNumber(t('staffSettings.normalWeek'), form.week);
    if (!week.ok) return setError(week.reason);
    const ikb = checkNumber(t('staffSettings.ikb'), form.ikb);
    if (!ikb.ok) return setError(ikb.reason);
    const charges = checkNumber(t('staffSettings.charges'), form.charges);
    if (!charges.ok) return setError(charges.reason);
    const zzp = checkNumber(t('staffSettings.zzpMonths'), form.zzp);
    if (!zzp.ok) return setError(zzp.reason);
    try {
      await api.workbook.updateSettings({
        normalWeekHours: week.value as number,
        ikbPercent: ikb.value as number,
        employerChargesPercent: charges.value as number,
        personnelSalaryAccounts: accountsList(form.salary),
        personnelHireAccounts: accountsList(form.hire),
        zzpFlagMonths: zzp.value as number,
      });
      status.info(t('app.saved'));
      settings.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="staff-settings-title">
      <h2 id="staff-settings-title">{t('staffSettings.title')}</h2>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="set-week">
          {t('staffSettings.normalWeek')}
          <input id="set-week" inputMode="decimal" size={6} value={form.week} onChange={(e) => setForm({ ...form, week: e.target.value })} disabled={readOnly} />
        </label>
        <label htmlFor="set-ikb">
          {t('staffSettings.ikb')}
          <input id="set-ikb" inputMode="decimal" size={6} value={form.ikb} onChange={(e) => setForm({ ...form, ikb: e.target.value })} disabled={readOnly} />
        </label>
        <label htmlFor="set-charges">
          {t('staffSettings.charges')}
          <input id="set-charges" inputMode="decimal" size={6} value={form.charges} onChange={(e) => setForm({ ...form, charges: e.target.value })} disabled={readOnly} />
        </label>
        <label htmlFor="set-salary-accounts">
          {t('staffSettings.salaryAccounts')}
          <input id="set-salary-accounts" size={14} value={form.salary} onChange={(e) => setForm({ ...form, salary: e.target.value })} disabled={readOnly} />
        </label>
        <label htmlFor="set-hire-accounts">
          {t('staffSettings.hireAccounts')}
          <input id="set-hire-accounts" size={14} value={form.hire} onChange={(e) => setForm({ ...form, hire: e.target.value })} disabled={readOnly} />
        </label>
        <label htmlFor="set-zzp">
          {t('staffSettings.zzpMonths')}
          <input id="set-zzp" inputMode="numeric" size={4} value={form.zzp} onChange={(e) => setForm({ ...form, zzp: e.target.value })} disabled={readOnly} />
        </label>
        <button type="submit" className="primary" disabled={readOnly}>
          {t('app.save')}
        </button>
        <p className="hint form-title">{t('staffSettings.hint')}</p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
