import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KINDS, ASSIGNMENT_STATUSES, HIRE_KINDS, type AssignmentDetail, type AssignmentKind, type AssignmentStatus } from '../../../../shared/domain/assignments/types.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { checkAmount, checkDate, checkNumber, valid } from '../../components/form-values.ts';
import { AmountField, binder, CheckboxField, choices, DateTextField, Form, FormActions, FormError, SelectField, TextAreaField, TextField, useFormAction } from '../../components/forms.tsx';
import { CommissionerFields } from './CommissionerFields.tsx';

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
  const action = useFormAction();
  const bind = binder(form, setForm);

  const submit = () =>
    action.run(async () => {
      const ceilingCents = valid(checkAmount(t('assignments.ceiling'), form.ceiling)) as number;
      const startDate = valid(checkDate(t('assignments.startDate'), form.startDate)) as string;
      const endDate = valid(checkDate(t('assignments.endDate'), form.endDate)) as string;
      const hire = isHire(form.kind);
      const hourlyRateCents = hire ? valid(checkAmount(t('assignments.hourlyRate'), form.rate, false)) : null;
      const hoursPerWeek = hire ? valid(checkNumber(t('assignments.hoursPerWeek'), form.hours, false)) : null;
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
        ceilingCents,
        startDate,
        endDate,
        hourlyRateCents,
        hoursPerWeek,
        budgetLines: [{ costCentre: form.costCentre || costCentres[0] || '', account: form.account.trim() || defaultAccount }],
        standardMoments: form.standardMoments,
      });
      status.info(t('assignments.created', { code: created.code }));
      setForm(empty);
      onCreated(created);
    });

  return (
    <details className="card">
      <summary>{t('assignments.add')}</summary>
      <Form submitAction={action} layout="stacked" onSubmit={submit} aria-label={t('assignments.add')} noValidate>
        <div className="field-row">
          <TextField id="as-code" label={t('assignments.code')} {...bind('code')} size={14} placeholder="OPD-jjjj-nnn" />
          <TextField id="as-title" label={t('assignments.titleField')} className="grow" required {...bind('title')} maxLength={200} />
          <SelectField id="as-kind" label={t('assignments.kind')} {...bind('kind')} options={choices(ASSIGNMENT_KINDS, (k) => t(`assignments.kinds.${k}`))} />
          <SelectField id="as-status" label={t('assignments.status')} {...bind('status')} options={choices(ASSIGNMENT_STATUSES, (s) => t(`assignments.statuses.${s}`))} />
        </div>
        <div className="field-row">
          <TextField id="as-contractor" label={t('assignments.contractor')} className="grow" required {...bind('contractor')} />
          <TextField id="as-counterparty" label={t('assignments.counterparty')} className="grow" {...bind('counterparty')} aria-describedby="as-counterparty-hint" />
        </div>
        <p id="as-counterparty-hint" className="hint">
          {t('assignments.counterpartyHint')}
        </p>
        <CommissionerFields idPrefix="as" form={form} setForm={setForm} />
        <TextAreaField id="as-result" label={t('assignments.agreedResult')} rows={2} {...bind('agreedResult')} />
        <div className="field-row">
          <SelectField id="as-cc" label={t('assignments.costCentre')} value={form.costCentre || costCentres[0] || ''} onChange={bind('costCentre').onChange} options={choices(costCentres)} />
          <TextField id="as-account" label={t('assignments.account')} size={8} placeholder={defaultAccount} {...bind('account')} />
          <AmountField id="as-ceiling" label={t('assignments.ceiling')} required {...bind('ceiling')} />
          <DateTextField id="as-start" label={t('assignments.startDate')} required {...bind('startDate')} />
          <DateTextField id="as-end" label={t('assignments.endDate')} required {...bind('endDate')} />
        </div>
        {isHire(form.kind) && (
          <div className="field-row">
            <AmountField id="as-rate" label={t('assignments.hourlyRate')} size={9} {...bind('rate')} />
            <TextField id="as-hours" label={t('assignments.hoursPerWeek')} inputMode="decimal" size={6} {...bind('hours')} />
          </div>
        )}
        <CheckboxField label={t('assignments.standardMoments')} checked={form.standardMoments} onChange={bind('standardMoments').onChange} />
        <p className="hint">{t('assignments.addHint')}</p>
        <FormError message={action.error} />
        <FormActions submitLabel={t('app.add')} />
      </Form>
    </details>
  );
}
