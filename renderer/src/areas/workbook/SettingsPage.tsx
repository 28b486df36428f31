import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain/settings.ts';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { formatCentsPlain, formatDate } from '../../../../shared/format/nl.ts';
import { parseDecimal, parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { SignalSettings } from '../overview/SignalSettings.tsx';
import { KeyCard } from '../exchange/KeyCard.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { StaffSettingsForm } from '../staff/StaffSettingsForm.tsx';
import { BenchmarkSettings } from '../assignments/BenchmarkSettings.tsx';

export function SettingsPage({ info, nativeDialogs = false }: { info: WorkbookInfo; nativeDialogs?: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const settings = useApi(() => api.workbook.settings({}), []);
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const [form, setForm] = useState({ amount: '', percent: '', rule: 'either' as Settings['varianceThresholdRule'] });
  const [cc, setCc] = useState({ code: '', name: '', taakveld: '' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!settings.data) return;
    setForm({
      amount: settings.data.varianceThresholdCents === null ? '' : formatCentsPlain(settings.data.varianceThresholdCents),
      percent: settings.data.varianceThresholdPercent === null ? '' : String(settings.data.varianceThresholdPercent).replace('.', ','),
      rule: settings.data.varianceThresholdRule,
    });
  }, [settings.data]);

  async function saveThreshold(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const amount = form.amount.trim() ? parseUserAmountCents(form.amount) : null;
    const percent = form.percent.trim() ? parseDecimal(form.percent) : null;
    if (amount && !amount.ok) return setError(`${t('settings.thresholdAmount')}: ${amount.reason}`);
    if (percent && !percent.ok) return setError(`${t('settings.thresholdPercent')}: ${percent.reason}`);
    try {
      await api.workbook.updateSettings({
        varianceThresholdCents: amount ? (amount.ok ? amount.value : null) : null,
        varianceThresholdPercent: percent ? (percent.ok ? percent.value : null) : null,
        varianceThresholdRule: form.rule,
      });
      status.info(t('app.saved'));
      settings.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function saveCostCentre(event: FormEvent) {
    event.preventDefault();
    try {
      await api.workbook.saveCostCentre({ code: cc.code, name: cc.name, taakveld: cc.taakveld || null });
      setCc({ code: '', name: '', taakveld: '' });
      costCentres.reload();
      status.info(t('app.saved'));
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  return (
    <div>
      <h1>{t('settings.title')}</h1>
      <section className="card" aria-labelledby="wb-file">
        <h2 id="wb-file">{t('settings.workbookFile')}</h2>
        <dl className="facts">
          <dt>{t('start.location')}</dt>
          <dd>{info.path}</dd>
          <dt>{t('start.organisation')}</dt>
          <dd>{info.organisation}</dd>
          <dt>{t('start.departmentName')}</dt>
          <dd>
            {info.departmentCode} {info.departmentName}
          </dd>
          <dt>{t('start.owner')}</dt>
          <dd>{info.owner}</dd>
          <dt>{t('start.fiscalYear')}</dt>
          <dd>{info.fiscalYear}</dd>
          <dt>Aangemaakt</dt>
          <dd>{formatDate(info.createdAt.slice(0, 10))}</dd>
        </dl>
      </section>
      {info.kind === 'department' && <KeyCard readOnly={info.readOnly} nativeDialogs={nativeDialogs} />}
      <section className="card" aria-labelledby="threshold-title">
        <h2 id="threshold-title">{t('settings.thresholdTitle')}</h2>
        <form onSubmit={saveThreshold} className="inline-form">
          <label>
            {t('settings.thresholdAmount')}
            <input inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} size={14} disabled={info.readOnly} />
          </label>
          <label>
            {t('settings.thresholdPercent')}
            <input inputMode="decimal" value={form.percent} onChange={(e) => setForm({ ...form, percent: e.target.value })} size={6} disabled={info.readOnly} />
          </label>
          <label>
            {t('settings.thresholdRule')}
            <select value={form.rule} onChange={(e) => setForm({ ...form, rule: e.target.value as Settings['varianceThresholdRule'] })} disabled={info.readOnly}>
              <option value="either">{t('settings.ruleEither')}</option>
              <option value="both">{t('settings.ruleBoth')}</option>
            </select>
          </label>
          <button type="submit" className="primary" disabled={info.readOnly}>
            {t('app.save')}
          </button>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </form>
      </section>
      {info.kind === 'department' && <SignalSettings readOnly={info.readOnly} />}
      {info.kind === 'department' && <StaffSettingsForm readOnly={info.readOnly} />}
      {info.kind === 'department' && <BenchmarkSettings readOnly={info.readOnly} />}
      <section className="card" aria-labelledby="cc-title">
        <h2 id="cc-title">{t('settings.costCentres')}</h2>
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.costCentreCode')}</th>
              <th scope="col">{t('settings.costCentreName')}</th>
              <th scope="col">{t('settings.taakveld')}</th>
            </tr>
          </thead>
          <tbody>
            {costCentres.data?.map((c) => (
              <tr key={c.code}>
                <td>{c.code}</td>
                <td>{c.name}</td>
                <td>{c.taakveld}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!info.readOnly && info.kind === 'department' && (
          <form onSubmit={saveCostCentre} className="inline-form">
            <label>
              {t('settings.costCentreCode')}
              <input required value={cc.code} onChange={(e) => setCc({ ...cc, code: e.target.value })} size={8} />
            </label>
            <label>
              {t('settings.costCentreName')}
              <input value={cc.name} onChange={(e) => setCc({ ...cc, name: e.target.value })} />
            </label>
            <label>
              {t('settings.taakveld')}
              <input value={cc.taakveld} onChange={(e) => setCc({ ...cc, taakveld: e.target.value })} size={6} />
            </label>
            <button type="submit">{t('settings.saveCostCentre')}</button>
          </form>
        )}
      </section>
    </div>
  );
}
