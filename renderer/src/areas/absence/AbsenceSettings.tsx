import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurgeResult } from '../../../../shared/domain/absence/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { userToday } from './dates.ts';
import { FormError } from '../../components/forms.tsx';

/** Duration bands and the retention period, and the (logged) purge of absence data past it. */
export function AbsenceSettings({ readOnly, onChanged }: { readOnly: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const settings = useApi(() => api.workbook.settings({}), []);
  const [form, setForm] = useState({ shortMax: '', mediumMax: '', longMax: '', retention: '' });
  const [error, setError] = useState<string | null>(null);
  const [purge, setPurge] = useState<PurgeResult | null>(null);

  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setForm({ shortMax: String(s.absenceDurationBands.shortMax), mediumMax: String(s.absenceDurationBands.mediumMax), longMax: String(s.absenceDurationBands.longMax), retention: String(s.absenceRetentionMonths) });
  }, [settings.data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.workbook.updateSettings({
        absenceDurationBands: { shortMax: Number(form.shortMax), mediumMax: Number(form.mediumMax), longMax: Number(form.longMax) },
        absenceRetentionMonths: Number(form.retention),
      });
      status.info(t('app.saved'));
      settings.reload();
      setPurge(null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function runPurge(dryRun: boolean) {
    setError(null);
    try {
      const result = await api.absence.purge({ today: userToday(), dryRun });
      if (dryRun) setPurge(result);
      else {
        setPurge(null);
        status.info(t('absence.settings.purgeDone', { cases: result.cases }));
        onChanged();
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <details className="card no-print">
      <summary>{t('absence.settings.title')}</summary>
      <form onSubmit={save} className="inline-form">
        <fieldset className="checks">
          <legend>{t('absence.settings.bands')}</legend>
          {(['shortMax', 'mediumMax', 'longMax'] as const).map((key) => (
            <label key={key}>
              {t(`absence.settings.${key}`)}
              <input type="number" min={1} max={729} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} disabled={readOnly} size={5} />
            </label>
          ))}
        </fieldset>
        <label>
          {t('absence.settings.retention')}
          <input type="number" min={12} max={120} value={form.retention} onChange={(e) => setForm({ ...form, retention: e.target.value })} disabled={readOnly} size={5} />
        </label>
        <button type="submit" className="primary" disabled={readOnly}>
          {t('absence.settings.save')}
        </button>
      </form>
      <h3>{t('absence.settings.purgeTitle')}</h3>
      <p className="hint">{t('absence.settings.purgeHint')}</p>
      <div className="button-row">
        <button type="button" onClick={() => void runPurge(true)} disabled={readOnly}>
          {t('absence.settings.purgeCheck')}
        </button>
        {purge && purge.cases > 0 && (
          <button type="button" className="danger" onClick={() => void runPurge(false)}>
            {t('absence.settings.purgeConfirm', { cases: purge.cases })}
          </button>
        )}
      </div>
      {purge && <p role="status">{t('absence.settings.purgeCount', { cases: purge.cases, cutoff: formatDate(purge.cutoff) })}</p>}
      <FormError message={error} />
    </details>
  );
}
