import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KINDS, ASSIGNMENT_STATUSES, HIRE_KINDS, type AssignmentDetail, type AssignmentKind, type AssignmentStatus } from '../../../../shared/domain/assignments/types.ts';
import { parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage } from '../../components/useApi.ts';
import { checkDate, checkNumber } from '../staff/common.tsx';

const isHire = (kind: AssignmentKind) => (HIRE_KINDS as readonly string[]).includes(kind);

/** A new assignment: what it is, who does it, who steers it, the money and the period. */
export function CreateAssignmentForm({ costCentres, defaultAccount, onCreated }: { costCentres: string[]; defaultAccount: string; onCreated(created: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = {
    code: '',
    title: '',
    kind: 'zzp' as AssignmentKind,
    status: 'lopend' as AssignmentStatus,
    contractor: '',
    counterparty: '',
    officialCommissioner: '',
    administrativeCommissioner: '',
    agreedResult: '',
    costCentre: '',
    account: '',
    ceiling: '',
    startDate: '',
    endDate: '',
    rate: '',
    hours: '',
    standardMoments: true,
  };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const ceiling = parseUserAmountCents(form.ceiling);
    if (!form.ceiling.trim() || !ceiling.ok) return setError(`${t('assignments.ceiling')}: ${ceiling.ok ? 'bedrag ontbreekt' : ceiling.reason}`);
    const start = checkDate(t('assignments.startDate'), form.startDate);
    if (!start.ok) return setError(start.reason);
    const end = checkDate(t('assignments.endDate'), form.endDate);
    if (!end.ok) return setError(end.reason);
    let hourlyRateCents: number | null = null;
    let hoursPerWeek: number | null = null;
    if (isHire(form.kind)) {
      if (form.rate.trim()) {
        const rate = parseUserAmountCents(form.rate);
        if (!rate.ok) return setError(`${t('assignments.hourlyRate')}: ${rate.reason}`);
        hourlyRateCents = rate.value;
      }
      const hours = checkNumber(t('assignments.hoursPerWeek'), form.hours, false);
      if (!hours.ok) return setError(hours.reason);
      hoursPerWeek = hours.value;
    }
    try {
      const created = await api.assignments.create({
        ...(form.code.trim() ? { code: form.code.trim() } : {}),
        title: form.title,
        kind: form.kind,
        status: form.status,
        contractor: form.contractor,
        counterparty: form.counterparty,
        officialCommissioner: form.officialCommissioner,
        administrativeCommissioner: form.administrativeCommissioner,
        agreedResult: form.agreedResult,
        ceilingCents: ceiling.value,
        startDate: start.value as string,
        endDate: end.value as string,
        hourlyRateCents,
        hoursPerWeek,
        budgetLines: [{ costCentre: form.costCentre || costCentres[0] || '', account: form.account.trim() || defaultAccount }],
        standardMoments: form.standardMoments,
      });
      status.info(t('assignments.created', { code: created.code }));
      setForm(empty);
      onCreated(created);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <details className="card">
      <summary>{t('assignments.add')}</summary>
      <form onSubmit={submit} className="stacked-form" aria-label={t('assignments.add')} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="as-code">{t('assignments.code')}</label>
            <input id="as-code" value={form.code} onChange={set('code')} size={14} placeholder="OPD-jjjj-nnn" />
          </div>
          <div className="field grow">
            <label htmlFor="as-title">{t('assignments.titleField')}</label>
            <input id="as-title" required value={form.title} onChange={set('title')} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="as-kind">{t('assignments.kind')}</label>
            <select id="as-kind" value={form.kind} onChange={set('kind')}>
              {ASSIGNMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`assignments.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="as-status">{t('assignments.status')}</label>
            <select id="as-status" value={form.status} onChange={set('status')}>
              {ASSIGNMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`assignments.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="as-contractor">{t('assignments.contractor')}</label>
            <input id="as-contractor" required value={form.contractor} onChange={set('contractor')} />
          </div>
          <div className="field grow">
            <label htmlFor="as-counterparty">{t('assignments.counterparty')}</label>
            <input id="as-counterparty" value={form.counterparty} onChange={set('counterparty')} aria-describedby="as-counterparty-hint" />
          </div>
        </div>
        <p id="as-counterparty-hint" className="hint">
          {t('assignments.counterpartyHint')}
        </p>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="as-official">{t('assignments.officialCommissioner')}</label>
            <input id="as-official" value={form.officialCommissioner} onChange={set('officialCommissioner')} />
          </div>
          <div className="field grow">
            <label htmlFor="as-administrative">{t('assignments.administrativeCommissioner')}</label>
            <input id="as-administrative" value={form.administrativeCommissioner} onChange={set('administrativeCommissioner')} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="as-result">{t('assignments.agreedResult')}</label>
          <textarea id="as-result" rows={2} value={form.agreedResult} onChange={set('agreedResult')} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="as-cc">{t('assignments.costCentre')}</label>
            <select id="as-cc" value={form.costCentre || costCentres[0] || ''} onChange={set('costCentre')}>
              {costCentres.map((cc) => (
                <option key={cc} value={cc}>
                  {cc}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="as-account">{t('assignments.account')}</label>
            <input id="as-account" size={8} placeholder={defaultAccount} value={form.account} onChange={set('account')} />
          </div>
          <div className="field">
            <label htmlFor="as-ceiling">{t('assignments.ceiling')}</label>
            <input id="as-ceiling" required inputMode="decimal" size={12} value={form.ceiling} onChange={set('ceiling')} />
          </div>
          <div className="field">
            <label htmlFor="as-start">{t('assignments.startDate')}</label>
            <input id="as-start" required placeholder="dd-mm-jjjj" size={11} value={form.startDate} onChange={set('startDate')} />
          </div>
          <div className="field">
            <label htmlFor="as-end">{t('assignments.endDate')}</label>
            <input id="as-end" required placeholder="dd-mm-jjjj" size={11} value={form.endDate} onChange={set('endDate')} />
          </div>
        </div>
        {isHire(form.kind) && (
          <div className="field-row">
            <div className="field">
              <label htmlFor="as-rate">{t('assignments.hourlyRate')}</label>
              <input id="as-rate" inputMode="decimal" size={9} value={form.rate} onChange={set('rate')} />
            </div>
            <div className="field">
              <label htmlFor="as-hours">{t('assignments.hoursPerWeek')}</label>
              <input id="as-hours" inputMode="decimal" size={6} value={form.hours} onChange={set('hours')} />
            </div>
          </div>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={form.standardMoments} onChange={(e) => setForm({ ...form, standardMoments: e.target.checked })} /> {t('assignments.standardMoments')}
        </label>
        <p className="hint">{t('assignments.addHint')}</p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('app.add')}
          </button>
        </div>
      </form>
    </details>
  );
}
