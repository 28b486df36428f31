import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentPatch } from '../../../../shared/api/assignments.ts';
import { HIRE_KINDS, type AssignmentDetail } from '../../../../shared/domain/assignments/types.ts';
import { formatCents, formatCentsPlain, formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { navigate } from '../../components/router.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { checkAmount, checkNumber, FormProblem, valid } from '../../components/form-values.ts';
import { AmountField, binder, Form, FormActions, FormError, LoadFailure, SelectField, TextAreaField, TextField, useFormAction } from '../../components/forms.tsx';
import { CommissionerFields } from './CommissionerFields.tsx';
import { formatHours } from '../staff/common.tsx';
import { DepartmentLinksPanel, LogPanel } from './LogAndLinks.tsx';
import { MoneyPanel } from './MoneyPanel.tsx';
import { MomentsPanel } from './MomentsPanel.tsx';

type Editable = Pick<AssignmentDetail, 'personName' | 'officialCommissioner' | 'administrativeCommissioner' | 'agreedResult' | 'acceptanceCriteria' | 'note'>;

interface FormState extends Editable {
  rate: string;
  hours: string;
  position: string;
}

function toForm(d: AssignmentDetail): FormState {
  return {
    personName: d.personName,
    officialCommissioner: d.officialCommissioner,
    administrativeCommissioner: d.administrativeCommissioner,
    agreedResult: d.agreedResult,
    acceptanceCriteria: d.acceptanceCriteria,
    note: d.note,
    rate: d.hourlyRateCents === null ? '' : formatCentsPlain(d.hourlyRateCents),
    hours: d.hoursPerWeek === null ? '' : formatHours(d.hoursPerWeek),
    position: d.formationPositionId === null ? '' : String(d.formationPositionId),
  };
}

/** The fields the grid does not show, with undo of the last save. */
function EditForm({ detail, onSaved }: { detail: AssignmentDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [form, setForm] = useState(() => toForm(detail));
  const [lastUndo, setLastUndo] = useState<AssignmentPatch | null>(null);
  const action = useFormAction();
  const positions = useApi(() => api.formation.positions({}), []);
  useEffect(() => setForm(toForm(detail)), [detail]);
  const hire = (HIRE_KINDS as readonly string[]).includes(detail.kind);
  const bind = binder(form, setForm);

  function patchOf(): AssignmentPatch {
    const patch: AssignmentPatch = {};
    for (const key of ['personName', 'officialCommissioner', 'administrativeCommissioner', 'agreedResult', 'acceptanceCriteria', 'note'] as const) {
      if (form[key] !== detail[key]) patch[key] = form[key];
    }
    if (hire) {
      const rate = valid(checkAmount(t('assignments.hourlyRate'), form.rate, false));
      if (rate !== detail.hourlyRateCents) patch.hourlyRateCents = rate;
      const hours = valid(checkNumber(t('assignments.hoursPerWeek'), form.hours, false));
      if (hours !== detail.hoursPerWeek) patch.hoursPerWeek = hours;
      const position = form.position ? Number(form.position) : null;
      if (position !== detail.formationPositionId) patch.formationPositionId = position;
    }
    return patch;
  }

  const save = async (patch: AssignmentPatch) =>
    (await action.run(async () => {
      await api.assignments.update({ id: detail.id, patch });
      onSaved();
      return true;
    })) === true;

  async function submit() {
    const patch = await action.run(patchOf);
    if (!patch || Object.keys(patch).length === 0) return;
    const previous = Object.fromEntries(Object.keys(patch).map((key) => [key, detail[key as keyof AssignmentPatch]])) as AssignmentPatch;
    if (await save(patch)) {
      setLastUndo(previous);
      status.info(t('app.saved'));
    }
  }

  return (
    <details className="card">
      <summary>{t('assignments.details')}</summary>
      <Form submitAction={action} layout="stacked" onSubmit={submit} aria-label={t('assignments.details')}>
        <CommissionerFields idPrefix="ed" form={form} setForm={setForm}>
          <TextField id="ed-person" label={t('assignments.personName')} className="grow" {...bind('personName')} />
        </CommissionerFields>
        <TextAreaField id="ed-result" label={t('assignments.agreedResult')} rows={2} {...bind('agreedResult')} />
        <TextAreaField id="ed-criteria" label={t('assignments.acceptanceCriteria')} rows={2} {...bind('acceptanceCriteria')} />
        {hire && (
          <div className="field-row">
            <AmountField id="ed-rate" label={t('assignments.hourlyRate')} size={9} {...bind('rate')} />
            <TextField id="ed-hours" label={t('assignments.hoursPerWeek')} inputMode="decimal" size={6} {...bind('hours')} />
            <SelectField
              id="ed-position"
              label={t('assignments.position')}
              {...bind('position')}
              emptyOption={t('assignments.noPosition')}
              options={(positions.data ?? []).map((p) => ({ value: String(p.id), label: `${p.code} ${p.functionTitle} (${p.costCentre})` }))}
            />
          </div>
        )}
        <TextAreaField id="ed-note" label={t('assignments.note')} rows={2} {...bind('note')} />
        <FormError message={action.error} />
        <FormActions submitLabel={t('app.save')}>
          <button
            type="button"
            disabled={!lastUndo}
            onClick={() =>
              void save(lastUndo ?? {}).then((ok) => {
                if (ok) {
                  setLastUndo(null);
                  status.info(t('app.undo'));
                }
              })
            }
          >
            ↶ {t('app.undo')}
          </button>
        </FormActions>
      </Form>
    </details>
  );
}

function BudgetLinesForm({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(detail.budgetLines.map((l) => `${l.costCentre}/${l.account}`).join(', '));
  const action = useFormAction();
  useEffect(() => setText(detail.budgetLines.map((l) => `${l.costCentre}/${l.account}`).join(', ')), [detail]);
  const submit = () =>
    action.run(async () => {
      const parts = text
        .split(/[,;\s]+/)
        .map((p) => p.trim())
        .filter(Boolean);
      const lines = parts.map((p) => p.split('/'));
      if (lines.some((l) => l.length !== 2 || !l[0] || !l[1])) throw new FormProblem(`${t('assignments.budgetLines')}: schrijf ze als kostenplaats/grootboekrekening, bijvoorbeeld OR01/4200`);
      onChanged(await api.assignments.setBudgetLines({ id: detail.id, budgetLines: lines.map(([costCentre, account]) => ({ costCentre, account })) }));
    });
  if (readOnly) return null;
  return (
    <Form submitAction={action} layout="inline" onSubmit={submit}>
      <TextField label={t('assignments.budgetLines')} value={text} onChange={setText} size={30} aria-describedby="bl-hint" />
      <button type="submit">{t('app.save')}</button>
      <p id="bl-hint" className="hint">
        OR01/4200, OR02/4200 — {t('assignments.mainLine')}: {detail.budgetLines[0] ? `${detail.budgetLines[0].costCentre}/${detail.budgetLines[0].account}` : '–'}
      </p>
      <FormError message={action.error} />
    </Form>
  );
}

export function AssignmentDetailView({ id, fiscalYear, readOnly }: { id: number; fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const loaded = useApi(() => api.assignments.get({ id }), [id]);
  const [detail, setDetail] = useState<AssignmentDetail | null>(null);
  useEffect(() => {
    if (loaded.data) setDetail(loaded.data);
  }, [loaded.data]);

  if (loaded.error) return <LoadFailure message={loaded.error} backHref="#/assignments" backLabel={t('assignments.backToRegister')} />;
  if (!detail) return <p>{t('app.loading')}</p>;
  const a = detail;
  const reload = () => loaded.reload();

  async function remove() {
    try {
      await api.assignments.delete({ id: a.id });
      status.info(t('assignments.deleted', { code: a.code }));
      navigate('assignments');
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  return (
    <div className="assignment-detail">
      <p className="no-print">
        <a href="#/assignments">← {t('assignments.backToRegister')}</a>
      </p>
      <div className="page-header">
        <h1>
          {a.code}: {a.title}
        </h1>
        <span className={`status-tag status-${a.status}`} data-testid="assignment-status">
          {t(`assignments.statuses.${a.status}`)}
        </span>
      </div>
      {a.signals.length > 0 && (
        <ul className="highlights" data-testid="assignment-signals">
          {a.signals.map((s) => (
            <li key={s} className={`highlight ${s === 'overCeiling' || s === 'momentOverdue' ? 'highlight-alert' : 'highlight-attention'}`}>
              <span className="highlight-label">{s === 'overCeiling' || s === 'momentOverdue' ? t('overview.alert') : t('overview.attention')}:</span> {t(`assignments.signalTexts.${s}`)}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="as-facts">
        <h2 id="as-facts">{t('assignments.details')}</h2>
        <dl className="facts">
          <dt>{t('assignments.kind')}</dt>
          <dd>{t(`assignments.kinds.${a.kind}`)}</dd>
          <dt>{t('assignments.contractor')}</dt>
          <dd>{a.contractor}</dd>
          <dt>{t('assignments.counterparty')}</dt>
          <dd>{a.counterparty || '–'}</dd>
          <dt>{t('assignments.officialCommissioner')}</dt>
          <dd>{a.officialCommissioner || '–'}</dd>
          <dt>{t('assignments.administrativeCommissioner')}</dt>
          <dd>{a.administrativeCommissioner || '–'}</dd>
          <dt>{t('assignments.agreedResult')}</dt>
          <dd className="prewrap">{a.agreedResult || '–'}</dd>
          <dt>{t('assignments.acceptanceCriteria')}</dt>
          <dd className="prewrap">{a.acceptanceCriteria || '–'}</dd>
          <dt>
            {t('assignments.startDate')} – {t('assignments.endDate')}
          </dt>
          <dd>
            {formatDate(a.startDate)} – {formatDate(a.endDate)}
          </dd>
          <dt>{t('assignments.budgetLines')}</dt>
          <dd data-testid="assignment-budget-lines">{a.budgetLines.map((l) => `${l.costCentre}/${l.account}`).join(', ')}</dd>
          {a.hire && (
            <>
              <dt>
                {t('assignments.hourlyRate')} / {t('assignments.hoursPerWeek')}
              </dt>
              <dd>
                {a.hourlyRateCents === null ? '–' : formatCents(a.hourlyRateCents)} / {a.hoursPerWeek === null ? '–' : formatHours(a.hoursPerWeek)}
              </dd>
              <dt>{t('assignments.hireCost', { year: fiscalYear })}</dt>
              <dd data-testid="assignment-hire-cost">{formatCents(a.hire.costInYearCents)}</dd>
            </>
          )}
          {a.formationPositionCode && (
            <>
              <dt>{t('assignments.position')}</dt>
              <dd>{a.formationPositionCode}</dd>
            </>
          )}
          <dt>{t('assignments.usedPercent')}</dt>
          <dd>{formatPercent(a.usedPercent)}</dd>
        </dl>
        <BudgetLinesForm detail={a} readOnly={readOnly} onChanged={setDetail} />
      </section>
      {!readOnly && <EditForm detail={a} onSaved={reload} />}
      <MoneyPanel detail={a} readOnly={readOnly} onChanged={setDetail} />
      <MomentsPanel detail={a} readOnly={readOnly} onChanged={setDetail} />
      <LogPanel detail={a} readOnly={readOnly} onChanged={setDetail} />
      <DepartmentLinksPanel detail={a} readOnly={readOnly} onChanged={setDetail} />
      {a.bottlenecks.length > 0 && (
        <section className="card" aria-labelledby="as-bottlenecks">
          <h2 id="as-bottlenecks">{t('assignments.bottlenecks')}</h2>
          <ul>
            {a.bottlenecks.map((b) => (
              <li key={b.id}>
                <a href={`#/bottlenecks?id=${b.id}`}>
                  {b.identifier} {b.title}
                </a>{' '}
                <span className="muted">{t(`bottlenecks.statuses.${b.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!readOnly && (
        <p className="no-print">
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('assignments.delete')}
          </button>
        </p>
      )}
    </div>
  );
}
