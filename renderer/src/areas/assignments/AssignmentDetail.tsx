import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentPatch } from '../../../../shared/api/assignments.ts';
import { HIRE_KINDS, type AssignmentDetail } from '../../../../shared/domain/assignments/types.ts';
import { formatCents, formatCentsPlain, formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { navigate } from '../../components/router.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { checkNumber, formatHours } from '../staff/common.tsx';
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
  const [error, setError] = useState<string | null>(null);
  const positions = useApi(() => api.formation.positions({}), []);
  useEffect(() => setForm(toForm(detail)), [detail]);
  const hire = (HIRE_KINDS as readonly string[]).includes(detail.kind);
  const set = (key: keyof FormState) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });

  function patchOf(): AssignmentPatch | string {
    const patch: AssignmentPatch = {};
    for (const key of ['personName', 'officialCommissioner', 'administrativeCommissioner', 'agreedResult', 'acceptanceCriteria', 'note'] as const) {
      if (form[key] !== detail[key]) patch[key] = form[key];
    }
    if (hire) {
      const rate = form.rate.trim() ? parseUserAmountCents(form.rate) : ({ ok: true, value: null } as const);
      if (!rate.ok) return `${t('assignments.hourlyRate')}: ${rate.reason}`;
      if (rate.value !== detail.hourlyRateCents) patch.hourlyRateCents = rate.value;
      const hours = checkNumber(t('assignments.hoursPerWeek'), form.hours, false);
      if (!hours.ok) return hours.reason;
      if (hours.value !== detail.hoursPerWeek) patch.hoursPerWeek = hours.value;
      const position = form.position ? Number(form.position) : null;
      if (position !== detail.formationPositionId) patch.formationPositionId = position;
    }
    return patch;
  }

  async function save(patch: AssignmentPatch): Promise<boolean> {
    setError(null);
    try {
      await api.assignments.update({ id: detail.id, patch });
      onSaved();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const patch = patchOf();
    if (typeof patch === 'string') return setError(patch);
    if (Object.keys(patch).length === 0) return;
    const previous = Object.fromEntries(Object.keys(patch).map((key) => [key, detail[key as keyof AssignmentPatch]])) as AssignmentPatch;
    if (await save(patch)) {
      setLastUndo(previous);
      status.info(t('app.saved'));
    }
  }

  return (
    <details className="card">
      <summary>{t('assignments.details')}</summary>
      <form onSubmit={submit} className="stacked-form" aria-label={t('assignments.details')}>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="ed-official">{t('assignments.officialCommissioner')}</label>
            <input id="ed-official" value={form.officialCommissioner} onChange={set('officialCommissioner')} />
          </div>
          <div className="field grow">
            <label htmlFor="ed-administrative">{t('assignments.administrativeCommissioner')}</label>
            <input id="ed-administrative" value={form.administrativeCommissioner} onChange={set('administrativeCommissioner')} />
          </div>
          <div className="field grow">
            <label htmlFor="ed-person">{t('assignments.personName')}</label>
            <input id="ed-person" value={form.personName} onChange={set('personName')} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="ed-result">{t('assignments.agreedResult')}</label>
          <textarea id="ed-result" rows={2} value={form.agreedResult} onChange={set('agreedResult')} />
        </div>
        <div className="field">
          <label htmlFor="ed-criteria">{t('assignments.acceptanceCriteria')}</label>
          <textarea id="ed-criteria" rows={2} value={form.acceptanceCriteria} onChange={set('acceptanceCriteria')} />
        </div>
        {hire && (
          <div className="field-row">
            <div className="field">
              <label htmlFor="ed-rate">{t('assignments.hourlyRate')}</label>
              <input id="ed-rate" inputMode="decimal" size={9} value={form.rate} onChange={set('rate')} />
            </div>
            <div className="field">
              <label htmlFor="ed-hours">{t('assignments.hoursPerWeek')}</label>
              <input id="ed-hours" inputMode="decimal" size={6} value={form.hours} onChange={set('hours')} />
            </div>
            <div className="field">
              <label htmlFor="ed-position">{t('assignments.position')}</label>
              <select id="ed-position" value={form.position} onChange={set('position')}>
                <option value="">{t('assignments.noPosition')}</option>
                {(positions.data ?? []).map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.code} {p.functionTitle} ({p.costCentre})
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <div className="field">
          <label htmlFor="ed-note">{t('assignments.note')}</label>
          <textarea id="ed-note" rows={2} value={form.note} onChange={set('note')} />
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('app.save')}
          </button>
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
        </div>
      </form>
    </details>
  );
}

function BudgetLinesForm({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(detail.budgetLines.map((l) => `${l.costCentre}/${l.account}`).join(', '));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(detail.budgetLines.map((l) => `${l.costCentre}/${l.account}`).join(', ')), [detail]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parts = text
      .split(/[,;\s]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    const lines = parts.map((p) => p.split('/'));
    if (lines.some((l) => l.length !== 2 || !l[0] || !l[1])) return setError(`${t('assignments.budgetLines')}: schrijf ze als kostenplaats/grootboekrekening, bijvoorbeeld OR01/4200`);
    try {
      onChanged(await api.assignments.setBudgetLines({ id: detail.id, budgetLines: lines.map(([costCentre, account]) => ({ costCentre, account })) }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  if (readOnly) return null;
  return (
    <form onSubmit={submit} className="inline-form">
      <label>
        {t('assignments.budgetLines')}
        <input value={text} onChange={(e) => setText(e.target.value)} size={30} aria-describedby="bl-hint" />
      </label>
      <button type="submit">{t('app.save')}</button>
      <p id="bl-hint" className="hint">
        OR01/4200, OR02/4200 — {t('assignments.mainLine')}: {detail.budgetLines[0] ? `${detail.budgetLines[0].costCentre}/${detail.budgetLines[0].account}` : '–'}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
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

  if (loaded.error) {
    return (
      <div>
        <p role="alert" className="form-error">
          {loaded.error}
        </p>
        <a href="#/assignments">{t('assignments.backToRegister')}</a>
      </div>
    );
  }
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
