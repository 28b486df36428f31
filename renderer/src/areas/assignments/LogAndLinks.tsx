import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LINK_RELATIONS, type AssignmentDetail, type LinkRelation } from '../../../../shared/domain/assignments/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../components/useApi.ts';
import { checkDate } from '../../components/form-values.ts';
import { FormError } from '../../components/forms.tsx';

/** The dated progress log; entries are never changed (a correction is a new entry). */
export function LogPanel({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(formatDate(new Date().toISOString().slice(0, 10)));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const day = checkDate(t('assignments.logDate'), date);
    if (!day.ok) return setError(day.reason);
    try {
      onChanged(await api.assignments.addLog({ id: detail.id, date: day.value as string, text }));
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section className="card" aria-labelledby="as-log">
      <h2 id="as-log">{t('assignments.log')}</h2>
      {detail.log.length === 0 ? (
        <p>{t('assignments.noLog')}</p>
      ) : (
        <ol className="action-log" data-testid="assignment-log">
          {detail.log.map((l) => (
            <li key={l.id}>
              <strong>{formatDate(l.date)}</strong> {l.text} <span className="muted">({l.actor})</span>
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <form onSubmit={submit} className="inline-form" aria-label={t('assignments.log')}>
          <label>
            {t('assignments.logDate')}
            <input value={date} onChange={(e) => setDate(e.target.value)} size={11} placeholder="dd-mm-jjjj" />
          </label>
          <label className="grow">
            {t('assignments.logText')}
            <input value={text} onChange={(e) => setText(e.target.value)} size={50} />
          </label>
          <button type="submit">{t('assignments.addLog')}</button>
          <FormError message={error} />
        </form>
      )}
    </section>
  );
}

/** Other departments the assignment depends on or affects: they travel (code and title) in the packages. */
export function DepartmentLinksPanel({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [relation, setRelation] = useState<LinkRelation>('hangt_af_van');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onChanged(await api.assignments.addDepartmentLink({ id: detail.id, departmentCode: code, relation, note }));
      setCode('');
      setNote('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function remove(linkId: number) {
    try {
      onChanged(await api.assignments.removeDepartmentLink({ id: detail.id, linkId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section className="card" aria-labelledby="as-departments">
      <h2 id="as-departments">{t('assignments.departments')}</h2>
      <p className="hint">{t('assignments.departmentsHint')}</p>
      {detail.departmentLinks.length === 0 ? (
        <p>{t('assignments.noDepartments')}</p>
      ) : (
        <ul className="link-list" data-testid="assignment-departments">
          {detail.departmentLinks.map((l) => (
            <li key={l.id} className={l.removedAt ? 'removed' : undefined}>
              {t(`assignments.relations.${l.relation}`)} {l.departmentCode}
              {l.note && <span className="muted"> · {l.note}</span>}
              {l.removedAt ? (
                <span className="muted"> · {t('assignments.removed', { date: formatDate(l.removedAt.slice(0, 10)) })}</span>
              ) : (
                !readOnly && (
                  <>
                    {' '}
                    <button type="button" className="link-button small" onClick={() => void remove(l.id)} aria-label={`${t('assignments.removeDepartment')}: ${l.departmentCode}`}>
                      {t('assignments.removeDepartment')}
                    </button>
                  </>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form onSubmit={submit} className="inline-form" aria-label={t('assignments.addDepartment')}>
          <label>
            {t('assignments.department')}
            <input value={code} onChange={(e) => setCode(e.target.value)} size={8} />
          </label>
          <label>
            {t('assignments.relation')}
            <select value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
              {LINK_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`assignments.relations.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('assignments.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit">{t('assignments.addDepartment')}</button>
          <FormError message={error} />
        </form>
      )}
    </section>
  );
}
