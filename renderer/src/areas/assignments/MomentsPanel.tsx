import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MOMENT_KINDS, MOMENT_OUTCOMES, type AssignmentDetail, type DecisionMoment, type MomentKind, type MomentOutcome } from '../../../../shared/domain/assignments/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage } from '../../components/useApi.ts';
import { checkDate } from '../../components/form-values.ts';
import { FormError } from '../../components/forms.tsx';

/** Records the outcome of one moment: what was decided, on which day, and a note. */
function OutcomeForm({ moment, onSaved }: { moment: DecisionMoment; onSaved(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<MomentOutcome>('akkoord');
  const [date, setDate] = useState(formatDate(new Date().toISOString().slice(0, 10)));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = `${t(`assignments.momentKinds.${moment.kind}`)} ${formatDate(moment.dueDate)}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const decided = checkDate(t('assignments.decidedOn'), date);
    if (!decided.ok) return setError(decided.reason);
    try {
      onSaved(await api.assignments.updateMoment({ momentId: moment.id, patch: { outcome, decidedOn: decided.value, note } }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <form onSubmit={submit} className="inline-form" aria-label={`${t('assignments.recordOutcome')}: ${label}`}>
      <label>
        {t('assignments.outcome')}
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as MomentOutcome)}>
          {MOMENT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`assignments.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('assignments.decidedOn')}
        <input value={date} onChange={(e) => setDate(e.target.value)} size={11} placeholder="dd-mm-jjjj" />
      </label>
      <label>
        {t('assignments.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit">{t('assignments.recordOutcome')}</button>
      <FormError message={error} />
    </form>
  );
}

/** Steering on moments: start, go/no-go, interim report, acceptance, discharge, each with a due date and an outcome. */
export function MomentsPanel({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [kind, setKind] = useState<MomentKind>('go_no_go');
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<number | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const dueDate = checkDate(t('assignments.dueDate'), due);
    if (!dueDate.ok) return setError(dueDate.reason);
    try {
      onChanged(await api.assignments.addMoment({ id: detail.id, kind, dueDate: dueDate.value as string, note }));
      setDue('');
      setNote('');
      status.info(t('app.saved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function remove(moment: DecisionMoment) {
    try {
      onChanged(await api.assignments.deleteMoment({ momentId: moment.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="as-moments">
      <h2 id="as-moments">{t('assignments.moments')}</h2>
      {detail.moments.length === 0 ? (
        <p>{t('assignments.noMoments')}</p>
      ) : (
        <table className="simple-table" data-testid="assignment-moments">
          <thead>
            <tr>
              <th scope="col">{t('assignments.momentKind')}</th>
              <th scope="col">{t('assignments.dueDate')}</th>
              <th scope="col">{t('assignments.outcome')}</th>
              <th scope="col">{t('assignments.decidedOn')}</th>
              <th scope="col">{t('assignments.note')}</th>
              {!readOnly && <th scope="col">{t('assignments.recordOutcome')}</th>}
            </tr>
          </thead>
          <tbody>
            {detail.moments.map((m) => (
              <tr key={m.id} data-moment={m.kind}>
                <td>{t(`assignments.momentKinds.${m.kind}`)}</td>
                <td>{formatDate(m.dueDate)}</td>
                <td>
                  {m.outcome ? (
                    t(`assignments.outcomes.${m.outcome}`)
                  ) : m.overdue ? (
                    <span className="tag tag-warning">⚠ {t('assignments.overdue')}</span>
                  ) : (
                    <span className="muted">{t('assignments.momentOpen')}</span>
                  )}
                </td>
                <td>{formatDate(m.decidedOn)}</td>
                <td>{m.note}</td>
                {!readOnly && (
                  <td>
                    {m.outcome === null &&
                      (deciding === m.id ? (
                        <OutcomeForm
                          moment={m}
                          onSaved={(d) => {
                            setDeciding(null);
                            onChanged(d);
                          }}
                        />
                      ) : (
                        <>
                          <button type="button" className="link-button small" onClick={() => setDeciding(m.id)} aria-label={`${t('assignments.recordOutcome')}: ${t(`assignments.momentKinds.${m.kind}`)} ${formatDate(m.dueDate)}`}>
                            {t('assignments.recordOutcome')}
                          </button>{' '}
                          <button type="button" className="link-button small" onClick={() => void remove(m)} aria-label={`${t('assignments.removeMoment')}: ${t(`assignments.momentKinds.${m.kind}`)} ${formatDate(m.dueDate)}`}>
                            {t('assignments.removeMoment')}
                          </button>
                        </>
                      ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <form onSubmit={add} className="inline-form" aria-label={t('assignments.addMoment')}>
          <label>
            {t('assignments.momentKind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as MomentKind)}>
              {MOMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`assignments.momentKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('assignments.dueDate')}
            <input value={due} onChange={(e) => setDue(e.target.value)} size={11} placeholder="dd-mm-jjjj" />
          </label>
          <label>
            {t('assignments.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit">{t('assignments.addMoment')}</button>
        </form>
      )}
      <FormError message={error} />
    </section>
  );
}
