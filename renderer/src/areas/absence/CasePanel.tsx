import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceCaseView } from '../../../../shared/domain/absence/types.ts';
import { formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { navigate } from '../../components/router.ts';
import { errorMessage } from '../../components/useApi.ts';
import { readDate, readPercentage, userToday } from './dates.ts';
import { FormError } from '../../components/forms.tsx';

/** A change the user can take back with one click: what it was, and how to undo it. */
export interface UndoableAction {
  label: string;
  undo(): Promise<unknown>;
}

interface Props {
  current: AbsenceCaseView;
  readOnly: boolean;
  /** After every change: the new state of the case and how to undo the change. */
  onChanged(updated: AbsenceCaseView, action: UndoableAction | null, message: string): void;
}

/** The selected case: its percentages over time, a partial recovery, a recovery, and the undo of mistakes. */
export function CasePanel({ current, readOnly, onChanged }: Props) {
  const { t } = useTranslation();
  const [partial, setPartial] = useState({ from: '', percentage: '' });
  const [recoveredOn, setRecoveredOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const today = userToday();
  const label = `${current.caseNumber} (${current.employeeName})`;

  async function run(work: () => Promise<{ updated: AbsenceCaseView; action: UndoableAction | null; message: string }>) {
    setError(null);
    try {
      const { updated, action, message } = await work();
      onChanged(updated, action, message);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  function submitPartial(event: FormEvent) {
    event.preventDefault();
    const from = readDate(partial.from, t('absence.detail.partialFrom'));
    if (!from.ok) return setError(from.reason);
    const percentage = readPercentage(partial.percentage, t('absence.detail.partialPercentage'));
    if (!percentage.ok) return setError(percentage.reason);
    const corrected = current.episodes.find((e) => e.from === from.value);
    void run(async () => {
      const updated = await api.absence.changePercentage({ today, caseId: current.id, from: from.value, percentage: percentage.value });
      setPartial({ from: '', percentage: '' });
      const added = updated.episodes.find((e) => e.from === from.value)!;
      const message = t('absence.detail.partialDone', { caseNumber: current.caseNumber, percentage: formatPercent(percentage.value, 0), date: formatDate(from.value) });
      const undo = corrected
        ? () => api.absence.changePercentage({ today, caseId: current.id, from: from.value, percentage: corrected.percentage })
        : () => api.absence.removePercentageChange({ today, episodeId: added.id });
      return { updated, action: { label: message, undo }, message };
    });
  }

  function submitRecovery(event: FormEvent) {
    event.preventDefault();
    const date = readDate(recoveredOn, t('absence.detail.recoveredOn'));
    if (!date.ok) return setError(date.reason);
    void run(async () => {
      const updated = await api.absence.recover({ today, caseId: current.id, recoveredOn: date.value });
      setRecoveredOn('');
      const message = t('absence.detail.recoverDone', { caseNumber: current.caseNumber, date: formatDate(date.value) });
      return { updated, action: { label: message, undo: () => api.absence.reopen({ today, caseId: current.id }) }, message };
    });
  }

  const reopen = () =>
    run(async () => {
      const before = current.recoveredOn!;
      const updated = await api.absence.reopen({ today, caseId: current.id });
      const message = `${t('absence.detail.reopen')}: ${label}`;
      return { updated, action: { label: message, undo: () => api.absence.recover({ today, caseId: current.id, recoveredOn: before }) }, message };
    });

  const removeEpisode = (episodeId: number, from: string, percentage: number) =>
    run(async () => {
      const updated = await api.absence.removePercentageChange({ today, episodeId });
      const message = t('absence.detail.removeEpisode', { date: formatDate(from) });
      return { updated, action: { label: message, undo: () => api.absence.changePercentage({ today, caseId: current.id, from, percentage }) }, message };
    });

  const remove = () =>
    run(async () => {
      const updated = await api.absence.deleteCase({ today, id: current.id });
      const message = `${t('absence.detail.delete')}: ${label}`;
      return { updated, action: { label: message, undo: () => api.absence.restoreCase({ today, id: current.id }) }, message };
    });

  const restore = () =>
    run(async () => {
      const updated = await api.absence.restoreCase({ today, id: current.id });
      const message = `${t('absence.detail.restore')}: ${label}`;
      return { updated, action: { label: message, undo: () => api.absence.deleteCase({ today, id: current.id }) }, message };
    });

  const deleted = current.deletedAt !== null;
  return (
    <section className="card" aria-labelledby="case-title" data-testid="case-panel">
      <h2 id="case-title">{t('absence.detail.title', { caseNumber: current.caseNumber, name: current.employeeName })}</h2>
      <p>
        {t(`absence.kinds.${current.kind}`)} · {t('absence.cases.firstDay')} {formatDate(current.firstDay)} ·{' '}
        {current.open ? t('absence.detail.stillOpen') : `${t('absence.cases.recoveredOn')} ${formatDate(current.recoveredOn)}`} · {current.durationDays} {t('absence.metrics.days').toLowerCase()}
        {deleted && ` · ${t('absence.cases.statusDeleted')}`}
      </p>
      <table className="simple-table compact">
        <caption>{t('absence.detail.episodes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('absence.detail.from')}</th>
            <th scope="col">{t('absence.detail.to')}</th>
            <th scope="col" className="num">
              {t('absence.detail.percentage')}
            </th>
            {!readOnly && !deleted && <th scope="col"><span className="sr-only">{t('app.delete')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {current.episodes.map((e, i) => (
            <tr key={e.id}>
              <td>{formatDate(e.from)}</td>
              <td>{e.to ? formatDate(e.to) : t('absence.detail.stillOpen')}</td>
              <td className="num">{formatPercent(e.percentage, 0)}</td>
              {!readOnly && !deleted && (
                <td>
                  {i > 0 && (
                    <button type="button" className="link-button" onClick={() => void removeEpisode(e.id, e.from, e.percentage)}>
                      {t('absence.detail.removeEpisode', { date: formatDate(e.from) })}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && !deleted && current.kind === 'sickness' && (
        <div className="two-forms">
          <form onSubmit={submitPartial} className="inline-form" aria-labelledby="partial-title">
            <h3 id="partial-title" className="form-title">
              {t('absence.detail.partialTitle')}
            </h3>
            <label>
              {t('absence.detail.partialFrom')}
              <input placeholder="dd-mm-jjjj" size={11} value={partial.from} onChange={(e) => setPartial({ ...partial, from: e.target.value })} />
            </label>
            <label>
              {t('absence.detail.partialPercentage')}
              <input inputMode="decimal" size={5} value={partial.percentage} onChange={(e) => setPartial({ ...partial, percentage: e.target.value })} />
            </label>
            <button type="submit">{t('absence.detail.partialSubmit')}</button>
          </form>
          {current.open && (
            <form onSubmit={submitRecovery} className="inline-form" aria-labelledby="recover-title">
              <h3 id="recover-title" className="form-title">
                {t('absence.detail.recoverTitle')}
              </h3>
              <label>
                {t('absence.detail.recoveredOn')}
                <input placeholder="dd-mm-jjjj" size={11} value={recoveredOn} onChange={(e) => setRecoveredOn(e.target.value)} />
              </label>
              <button type="submit" className="primary">
                {t('absence.detail.recoverSubmit')}
              </button>
            </form>
          )}
        </div>
      )}
      <FormError message={error} />
      {!readOnly && (
        <div className="button-row">
          {!current.open && !deleted && (
            <button type="button" onClick={() => void reopen()}>
              {t('absence.detail.reopen')}
            </button>
          )}
          {deleted ? (
            <button type="button" onClick={() => void restore()}>
              {t('absence.detail.restore')}
            </button>
          ) : (
            <button type="button" onClick={() => void remove()}>
              {t('absence.detail.delete')}
            </button>
          )}
          {current.kind === 'sickness' && !deleted && (
            <button type="button" className="link-button" onClick={() => navigate(`poortwachter?case=${current.id}`)}>
              {t('absence.detail.poortwachterLink')}
            </button>
          )}
        </div>
      )}
      {current.open && current.expectedRecovery && (
        <p className="muted">
          {t('absence.register.expectedRecovery')}: {formatDate(current.expectedRecovery)}
        </p>
      )}
    </section>
  );
}
