import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduledStep } from '../../../../shared/domain/absence/poortwachter.ts';
import type { PoortwachterCaseView } from '../../../../shared/domain/absence/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { AttentionList } from './AttentionList.tsx';
import { readDate, userToday } from './dates.ts';
import { announceAbsenceChanged } from './events.ts';
import { daysText, stepLabel } from './stepLabel.ts';
import { FormError } from '../../components/forms.tsx';
import { SetupHint } from '../setup/SetupHint.tsx';

/** "#/poortwachter?case=12" → 12 */
function useCaseParam(): number | null {
  const read = () => {
    const match = /[?&]case=(\d+)/.exec(window.location.hash);
    return match ? Number(match[1]) : null;
  };
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onChange = () => setValue(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return value;
}

function StepRow({ view, step, readOnly, onSaved }: { view: PoortwachterCaseView; step: ScheduledStep; readOnly: boolean; onSaved: (next: PoortwachterCaseView, message: string) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [doneOn, setDoneOn] = useState(formatDate(step.doneOn));
  const [note, setNote] = useState(step.note ?? '');
  const label = stepLabel(t, step);
  // Nothing to register for a date to know, or for a step the recovery made unnecessary.
  const informational = step.milestone === 'endOfWagePayment' || (step.status === 'notNeeded' && !step.doneOn && !step.note);

  async function save(clear: boolean) {
    let date: string | null = null;
    if (!clear && doneOn.trim() !== '') {
      const parsed = readDate(doneOn, t('poortwachter.doneOn'));
      if (!parsed.ok) return status.error(parsed.reason);
      date = parsed.value;
    }
    try {
      const next = await api.absence.setStep({ today: userToday(), caseId: view.caseId, step: step.key, doneOn: date, note: clear ? null : note.trim() || null });
      if (clear) {
        setDoneOn('');
        setNote('');
      }
      onSaved(next, t('poortwachter.saved', { step: label }));
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  return (
    <tr className={`step-${step.status}`}>
      <th scope="row">{label}</th>
      <td className="num">{step.week ?? ''}</td>
      <td>{step.due ? formatDate(step.due) : '–'}</td>
      <td>
        <span className={`status-badge status-${step.status}`}>{t(`poortwachter.statuses.${step.status}`)}</span>
        {step.daysLeft !== null && (step.status === 'overdue' || step.status === 'dueSoon') && <span className="muted"> ({daysText(t, step.daysLeft)})</span>}
      </td>
      <td>
        {!informational && (
          <input
            aria-label={`${t('poortwachter.doneOn')}: ${label} (${view.caseNumber})`}
            placeholder="dd-mm-jjjj"
            size={11}
            value={doneOn}
            onChange={(e) => setDoneOn(e.target.value)}
            disabled={readOnly}
          />
        )}
      </td>
      <td>
        {!informational && (
          <input aria-label={`${t('poortwachter.note')}: ${label} (${view.caseNumber})`} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} disabled={readOnly} />
        )}
      </td>
      <td>
        {!informational && !readOnly && (
          <span className="button-row">
            <button type="button" onClick={() => void save(false)} aria-label={`${t('poortwachter.save')}: ${label} (${view.caseNumber})`}>
              {t('poortwachter.save')}
            </button>
            {(step.doneOn || step.note) && (
              <button type="button" onClick={() => void save(true)} aria-label={`${t('poortwachter.clear')}: ${label} (${view.caseNumber})`}>
                {t('poortwachter.clear')}
              </button>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}

function Timeline({ view, readOnly, onSaved }: { view: PoortwachterCaseView; readOnly: boolean; onSaved: (next: PoortwachterCaseView, message: string) => void }) {
  const { t } = useTranslation();
  const headingId = `pw-heading-${view.caseId}`;
  return (
    <section id={`pw-case-${view.caseId}`} tabIndex={-1} className="card timeline" aria-labelledby={headingId} data-testid={`timeline-${view.caseNumber}`}>
      <h3 id={headingId}>{t('poortwachter.caseHeading', { caseNumber: view.caseNumber, name: view.employeeName, firstDay: formatDate(view.firstDay), days: view.sickDaysSoFar })}</h3>
      {view.caseNumbers.length > 1 && <p className="hint">{t('poortwachter.chain', { cases: view.caseNumbers.slice(0, -1).join(', ') })}</p>}
      <table className="simple-table compact">
        <thead>
          <tr>
            <th scope="col">{t('poortwachter.step')}</th>
            <th scope="col" className="num">
              {t('poortwachter.week')}
            </th>
            <th scope="col">{t('poortwachter.due')}</th>
            <th scope="col">{t('poortwachter.status')}</th>
            <th scope="col">{t('poortwachter.doneOn')}</th>
            <th scope="col">{t('poortwachter.note')}</th>
            <th scope="col">
              <span className="sr-only">{t('poortwachter.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((step) => (
            <StepRow key={`${step.key}-${step.doneOn ?? ''}-${step.note ?? ''}`} view={view} step={step} readOnly={readOnly} onSaved={onSaved} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PoortwachterPage({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const caseId = useCaseParam();
  const [openOnly, setOpenOnly] = useState(true);
  const [version, setVersion] = useState(0);
  const attention = useApi(() => api.absence.attention({ today: userToday() }), [version]);
  const timelines = useApi(() => api.absence.poortwachter(caseId === null ? { today: userToday(), openOnly } : { today: userToday(), caseId }), [caseId, openOnly, version]);
  const settings = useApi(() => api.workbook.settings({}), []);
  const [lead, setLead] = useState('');
  useEffect(() => {
    if (settings.data) setLead(String(settings.data.poortwachterLeadDays));
  }, [settings.data]);

  function saved(_next: PoortwachterCaseView, message: string) {
    status.info(message);
    setVersion((v) => v + 1);
    announceAbsenceChanged();
  }

  async function saveLead(event: FormEvent) {
    event.preventDefault();
    try {
      await api.workbook.updateSettings({ poortwachterLeadDays: Number(lead) });
      status.info(t('app.saved'));
      setVersion((v) => v + 1);
      announceAbsenceChanged();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  const focusTimeline = (id: number) => {
    const element = document.getElementById(`pw-case-${id}`);
    if (element) {
      element.scrollIntoView({ block: 'start' });
      element.focus();
    } else window.location.hash = `#/poortwachter?case=${id}`;
  };

  return (
    <div>
      <h1>{t('poortwachter.title')}</h1>
      <SetupHint steps={['staff', 'absence']} />
      <p className="lead">{t('poortwachter.intro')}</p>
      <section className="card" aria-labelledby="attention-title">
        <h2 id="attention-title">{t('poortwachter.attentionTitle')}</h2>
        {attention.data && <AttentionList attention={attention.data} onOpen={focusTimeline} />}
        <form onSubmit={saveLead} className="inline-form">
          <label>
            {t('poortwachter.leadDays')}
            <input type="number" min={1} max={365} size={5} value={lead} onChange={(e) => setLead(e.target.value)} disabled={readOnly} />
          </label>
          <button type="submit" disabled={readOnly}>
            {t('app.save')}
          </button>
        </form>
      </section>
      <section aria-labelledby="timelines-title">
        <div className="page-header">
          <h2 id="timelines-title">{t('poortwachter.casesTitle')}</h2>
          {caseId === null ? (
            <label className="check">
              <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t('poortwachter.openOnly')}
            </label>
          ) : (
            <a href="#/poortwachter">{t('poortwachter.openOnly')}</a>
          )}
        </div>
        <p className="privacy-warning">⚠ {t('absence.noteWarning')}</p>
        <FormError message={timelines.error} />
        {timelines.data && timelines.data.length === 0 && <p>{t('poortwachter.noCases')}</p>}
        {timelines.data?.map((view) => <Timeline key={view.caseId} view={view} readOnly={readOnly} onSaved={saved} />)}
      </section>
    </div>
  );
}
