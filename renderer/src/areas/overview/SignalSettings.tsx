import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDecimal, parseInteger } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';

/** The signal values behind the overview's highlights (absence percentage, Poortwachter lead time). */
export function SignalSettings({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const settings = useApi(() => api.workbook.settings({}), []);
  const [form, setForm] = useState({ absence: '', lead: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setForm({ absence: String(settings.data.absenceAlertPercent).replace('.', ','), lead: String(settings.data.poortwachterLeadDays) });
  }, [settings.data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const absence = parseDecimal(form.absence);
    const lead = parseInteger(form.lead);
    if (!absence.ok) return setError(`${t('settings.absenceAlertPercent')}: ${absence.reason}`);
    if (!lead.ok) return setError(`${t('settings.poortwachterLeadDays')}: ${lead.reason}`);
    try {
      await api.workbook.updateSettings({ absenceAlertPercent: absence.value, poortwachterLeadDays: lead.value });
      status.info(t('app.saved'));
      settings.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="signals-settings-title">
      <h2 id="signals-settings-title">{t('settings.signalsTitle')}</h2>
      <p className="hint">{t('settings.signalsHint')}</p>
      <form onSubmit={save} className="inline-form">
        <label>
          {t('settings.absenceAlertPercent')}
          <input inputMode="decimal" value={form.absence} onChange={(e) => setForm({ ...form, absence: e.target.value })} size={6} disabled={readOnly} />
        </label>
        <label>
          {t('settings.poortwachterLeadDays')}
          <input inputMode="numeric" value={form.lead} onChange={(e) => setForm({ ...form, lead: e.target.value })} size={4} disabled={readOnly} />
        </label>
        <button type="submit" className="primary" disabled={readOnly}>
          {t('app.save')}
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
