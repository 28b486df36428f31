import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain/settings.ts';
import type { WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { formatCentsPlain, formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { SignalSettings } from '../overview/SignalSettings.tsx';
import { KeyCard } from '../exchange/KeyCard.tsx';
import { checkAmount, checkDecimal, valid } from '../../components/form-values.ts';
import { AmountField, binder, Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { StaffSettingsForm } from '../staff/StaffSettingsForm.tsx';
import { BenchmarkSettings } from '../assignments/BenchmarkSettings.tsx';
import { YearTurnCard } from './YearTurnCard.tsx';

export function SettingsPage({ info, nativeDialogs = false, onInfoChanged }: { info: WorkbookInfo; nativeDialogs?: boolean; onInfoChanged?: (info: WorkbookInfo) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const settings = useApi(() => api.workbook.settings({}), []);
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const [form, setForm] = useState({ amount: '', percent: '', rule: 'both' as Settings['varianceThresholdRule'] });
  const [cc, setCc] = useState({ code: '', name: '', taakveld: '' });
  const action = useFormAction();
  const bind = binder(form, setForm);
  const bindCc = binder(cc, setCc);

  useEffect(() => {
    if (!settings.data) return;
    setForm({
      amount: settings.data.varianceThresholdCents === null ? '' : formatCentsPlain(settings.data.varianceThresholdCents),
      percent: settings.data.varianceThresholdPercent === null ? '' : String(settings.data.varianceThresholdPercent).replace('.', ','),
      rule: settings.data.varianceThresholdRule,
    });
  }, [settings.data]);

  const saveThreshold = () =>
    action.run(async () => {
      const varianceThresholdCents = valid(checkAmount(t('settings.thresholdAmount'), form.amount, false));
      const varianceThresholdPercent = valid(checkDecimal(t('settings.thresholdPercent'), form.percent, false));
      await api.workbook.updateSettings({ varianceThresholdCents, varianceThresholdPercent, varianceThresholdRule: form.rule });
      status.info(t('app.saved'));
      settings.reload();
    });

  async function saveCostCentre() {
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
      {info.kind === 'department' && onInfoChanged && <YearTurnCard info={info} onInfoChanged={onInfoChanged} />}
      {info.kind === 'department' && <KeyCard readOnly={info.readOnly} nativeDialogs={nativeDialogs} />}
      <section className="card" aria-labelledby="threshold-title">
        <h2 id="threshold-title">{t('settings.thresholdTitle')}</h2>
        <Form submitAction={action} layout="inline" onSubmit={saveThreshold}>
          <AmountField label={t('settings.thresholdAmount')} {...bind('amount')} size={14} disabled={info.readOnly} />
          <TextField label={t('settings.thresholdPercent')} inputMode="decimal" {...bind('percent')} size={6} disabled={info.readOnly} />
          <SelectField
            label={t('settings.thresholdRule')}
            {...bind('rule')}
            options={[
              { value: 'both', label: t('settings.ruleBoth') },
              { value: 'either', label: t('settings.ruleEither') },
            ]}
            disabled={info.readOnly}
          />
          <button type="submit" className="primary" disabled={info.readOnly}>
            {t('app.save')}
          </button>
          <FormError message={action.error} />
        </Form>
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
          <Form submitAction={action} layout="inline" onSubmit={saveCostCentre}>
            <TextField label={t('settings.costCentreCode')} required {...bindCc('code')} size={8} />
            <TextField label={t('settings.costCentreName')} {...bindCc('name')} />
            <TextField label={t('settings.taakveld')} {...bindCc('taakveld')} size={6} />
            <button type="submit">{t('settings.saveCostCentre')}</button>
          </Form>
        )}
      </section>
    </div>
  );
}
