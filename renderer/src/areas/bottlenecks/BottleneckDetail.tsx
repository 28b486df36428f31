import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BottleneckPatch } from '../../../../shared/api/bottlenecks.ts';
import {
  CATEGORIES,
  CONFIDENTIALITY_LEVELS,
  ESCALATION_TARGETS,
  LEVELS,
  LINK_RELATIONS,
  LINK_TYPES,
  type BottleneckDetail,
  type BottleneckStatus,
  type EscalationTarget,
  type LinkRelation,
  type LinkType,
} from '../../../../shared/domain/bottlenecks/types.ts';
import { formatDate, formatDateTime } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';

const today = () => new Date().toISOString().slice(0, 10);

type FormState = Omit<BottleneckPatch, 'decisionDate'> & { decisionDate: string };

function toForm(b: BottleneckDetail): FormState {
  return {
    title: b.title,
    description: b.description,
    category: b.category,
    impact: b.impact,
    urgency: b.urgency,
    signalledOn: b.signalledOn,
    owner: b.owner,
    proposedSolution: b.proposedSolution,
    decision: b.decision,
    decisionDate: b.decisionDate ?? '',
    confidentiality: b.confidentiality,
  };
}

function EditForm({ detail, onSaved }: { detail: BottleneckDetail; onSaved: (d: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [form, setForm] = useState<FormState>(() => toForm(detail));
  const [lastUndo, setLastUndo] = useState<Partial<BottleneckPatch> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setForm(toForm(detail)), [detail]);
  const set = (key: keyof FormState) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });

  async function save(patch: Partial<BottleneckPatch>, undo: boolean) {
    setError(null);
    try {
      const saved = await api.bottlenecks.update({ id: detail.id, patch });
      onSaved(saved);
      return saved;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      if (undo) setLastUndo(null);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const before = toForm(detail);
    const patch: Partial<BottleneckPatch> = {};
    const previous: Partial<BottleneckPatch> = {};
    for (const key of Object.keys(form) as Array<keyof FormState>) {
      if (form[key] === before[key]) continue;
      const value = key === 'decisionDate' ? form.decisionDate || null : form[key];
      const old = key === 'decisionDate' ? before.decisionDate || null : before[key];
      Object.assign(patch, { [key]: value });
      Object.assign(previous, { [key]: old });
    }
    if (Object.keys(patch).length === 0) return;
    if (await save(patch, false)) {
      setLastUndo(previous);
      status.info(t('app.saved'));
    }
  }

  return (
    <details className="card">
      <summary>{t('bottlenecks.edit')}</summary>
      <form onSubmit={submit} className="stacked-form">
        <div className="field">
          <label htmlFor="ed-title">{t('bottlenecks.titleField')}</label>
          <input id="ed-title" value={form.title} onChange={set('title')} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="ed-description">{t('bottlenecks.description')}</label>
          <textarea id="ed-description" rows={3} value={form.description} onChange={set('description')} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="ed-category">{t('bottlenecks.category')}</label>
            <select id="ed-category" value={form.category} onChange={set('category')}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`bottlenecks.categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ed-impact">{t('bottlenecks.impact')}</label>
            <select id="ed-impact" value={form.impact} onChange={set('impact')}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`bottlenecks.levels.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ed-urgency">{t('bottlenecks.urgency')}</label>
            <select id="ed-urgency" value={form.urgency} onChange={set('urgency')}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`bottlenecks.levels.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ed-signalled">{t('bottlenecks.signalledOn')}</label>
            <input id="ed-signalled" type="date" value={form.signalledOn} onChange={set('signalledOn')} />
          </div>
          <div className="field">
            <label htmlFor="ed-confidentiality">{t('bottlenecks.confidentiality')}</label>
            <select id="ed-confidentiality" value={form.confidentiality} onChange={set('confidentiality')}>
              {CONFIDENTIALITY_LEVELS.map((c) => (
                <option key={c} value={c}>
                  {t(`bottlenecks.confidentialityLevels.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="ed-owner">{t('bottlenecks.owner')}</label>
          <input id="ed-owner" value={form.owner} onChange={set('owner')} />
        </div>
        <div className="field">
          <label htmlFor="ed-solution">{t('bottlenecks.proposedSolution')}</label>
          <textarea id="ed-solution" rows={2} value={form.proposedSolution} onChange={set('proposedSolution')} />
        </div>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="ed-decision">{t('bottlenecks.decision')}</label>
            <textarea id="ed-decision" rows={2} value={form.decision} onChange={set('decision')} />
          </div>
          <div className="field">
            <label htmlFor="ed-decision-date">{t('bottlenecks.decisionDate')}</label>
            <input id="ed-decision-date" type="date" value={form.decisionDate} onChange={set('decisionDate')} />
          </div>
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('bottlenecks.save')}
          </button>
          <button
            type="button"
            disabled={!lastUndo}
            onClick={() =>
              void save(lastUndo ?? {}, true).then((saved) => {
                if (saved) status.info(t('bottlenecks.undone'));
              })
            }
          >
            ↶ {t('bottlenecks.undoSave')}
          </button>
        </div>
      </form>
    </details>
  );
}

function StatusForm({ detail, onChanged }: { detail: BottleneckDetail; onChanged: (d: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [next, setNext] = useState<BottleneckStatus>(detail.allowedTransitions[0]);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<EscalationTarget>('directeur');
  const [department, setDepartment] = useState('');
  const [decision, setDecision] = useState(detail.decision);
  const [date, setDate] = useState(today());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setNext(detail.allowedTransitions[0]);
    setDecision(detail.decision);
  }, [detail]);

  if (detail.allowedTransitions.length === 0) return <p>{t('bottlenecks.noTransitions')}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const changed = await api.bottlenecks.changeStatus({
        id: detail.id,
        status: next,
        reason,
        date,
        ...(next === 'geescaleerd' ? { escalatedTo: target, ...(target === 'afdeling' ? { escalatedDepartment: department } : {}) } : {}),
        ...(next === 'opgelost' ? { decision } : {}),
      });
      setReason('');
      status.info(t('bottlenecks.statusChanged', { identifier: changed.identifier, status: t(`bottlenecks.statuses.${changed.status}`) }));
      onChanged(changed);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form onSubmit={submit} className="stacked-form" aria-labelledby="status-form-title">
      <h3 id="status-form-title">{t('bottlenecks.changeStatus')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="st-next">{t('bottlenecks.newStatus')}</label>
          <select id="st-next" value={next} onChange={(e) => setNext(e.target.value as BottleneckStatus)}>
            {detail.allowedTransitions.map((s) => (
              <option key={s} value={s}>
                {t(`bottlenecks.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {next === 'geescaleerd' && (
          <div className="field">
            <label htmlFor="st-target">{t('bottlenecks.escalatedTo')}</label>
            <select id="st-target" value={target} onChange={(e) => setTarget(e.target.value as EscalationTarget)}>
              {ESCALATION_TARGETS.map((s) => (
                <option key={s} value={s}>
                  {t(`bottlenecks.targets.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {next === 'geescaleerd' && target === 'afdeling' && (
          <div className="field">
            <label htmlFor="st-department">{t('bottlenecks.escalatedDepartment')}</label>
            <input id="st-department" value={department} onChange={(e) => setDepartment(e.target.value)} size={8} />
          </div>
        )}
        <div className="field">
          <label htmlFor="st-date">{t('bottlenecks.statusDate')}</label>
          <input id="st-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      {next === 'opgelost' && (
        <div className="field">
          <label htmlFor="st-decision">{t('bottlenecks.decision')}</label>
          <textarea id="st-decision" rows={2} value={decision} onChange={(e) => setDecision(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="st-reason">{t('bottlenecks.reason')}</label>
        <textarea id="st-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('bottlenecks.applyStatus')}
      </button>
    </form>
  );
}

function ActionLog({ detail, readOnly, onChanged }: { detail: BottleneckDetail; readOnly: boolean; onChanged: (d: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onChanged(await api.bottlenecks.addAction({ id: detail.id, date, text }));
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('bottlenecks.actions')}</h2>
      {detail.actions.length === 0 ? (
        <p>{t('bottlenecks.noActions')}</p>
      ) : (
        <ol className="action-log" data-testid="action-log">
          {detail.actions.map((a) => (
            <li key={a.id}>
              <strong>{formatDate(a.date)}</strong> {a.text} <span className="muted">({a.actor})</span>
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <form onSubmit={submit} className="inline-form">
          <label>
            {t('bottlenecks.actionDate')}
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="grow">
            {t('bottlenecks.actionText')}
            <input value={text} onChange={(e) => setText(e.target.value)} size={50} />
          </label>
          <button type="submit">{t('bottlenecks.addAction')}</button>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function Links({ detail, readOnly, onChanged }: { detail: BottleneckDetail; readOnly: boolean; onChanged: (d: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const [linkType, setLinkType] = useState<LinkType>('budget_line');
  const [linkKey, setLinkKey] = useState('');
  const [relation, setRelation] = useState<LinkRelation>('raakt');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lines = useApi(() => api.budget.summary({}), []);
  const lineKey = linkType === 'budget_line' ? linkKey || String(lines.data?.lines[0]?.id ?? '') : linkKey;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onChanged(await api.bottlenecks.addLink({ id: detail.id, linkType, linkKey: lineKey, relation: linkType === 'department' ? relation : null, note }));
      setLinkKey('');
      setNote('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function remove(linkId: number) {
    try {
      onChanged(await api.bottlenecks.removeLink({ id: detail.id, linkId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('bottlenecks.links')}</h2>
      {detail.links.length === 0 ? (
        <p>{t('bottlenecks.noLinks')}</p>
      ) : (
        <ul className="link-list" data-testid="bottleneck-links">
          {detail.links.map((l) => (
            <li key={l.id} className={l.removedAt ? 'removed' : undefined}>
              {t(`bottlenecks.linkTypes.${l.linkType}`)}
              {l.relation ? ` (${t(`bottlenecks.relations.${l.relation}`)})` : ''}: {l.label ?? l.linkKey}
              {l.note && <span className="muted"> · {l.note}</span>}
              {l.removedAt ? (
                <span className="muted"> · {t('bottlenecks.removed', { date: formatDate(l.removedAt.slice(0, 10)) })}</span>
              ) : (
                !readOnly && (
                  <>
                    {' '}
                    <button type="button" className="link-button small" onClick={() => void remove(l.id)} aria-label={`${t('bottlenecks.removeLink')}: ${l.label ?? l.linkKey}`}>
                      {t('bottlenecks.removeLink')}
                    </button>
                  </>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form onSubmit={submit} className="inline-form">
          <label>
            {t('bottlenecks.linkType')}
            <select value={linkType} onChange={(e) => setLinkType(e.target.value as LinkType)}>
              {LINK_TYPES.map((l) => (
                <option key={l} value={l}>
                  {t(`bottlenecks.linkTypes.${l}`)}
                </option>
              ))}
            </select>
          </label>
          {linkType === 'budget_line' ? (
            <label>
              {t('bottlenecks.budgetLine')}
              <select value={lineKey} onChange={(e) => setLinkKey(e.target.value)}>
                {lines.data?.lines.map((line) => (
                  <option key={line.id} value={line.id}>
                    {line.costCentre} / {line.account} {line.accountName}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t('bottlenecks.linkKey')}
              <input value={linkKey} onChange={(e) => setLinkKey(e.target.value)} size={14} aria-describedby="link-key-hint" />
            </label>
          )}
          {linkType === 'department' && (
            <label>
              {t('bottlenecks.relation')}
              <select value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
                {LINK_RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`bottlenecks.relations.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('bottlenecks.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit">{t('bottlenecks.addLink')}</button>
          <p id="link-key-hint" className="hint">
            {t('bottlenecks.linkKeyHint')}
          </p>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

export function BottleneckDetailView({ id, readOnly }: { id: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const loaded = useApi(() => api.bottlenecks.get({ id }), [id]);
  const [detail, setDetail] = useState<BottleneckDetail | null>(null);
  useEffect(() => {
    if (loaded.data) setDetail(loaded.data);
  }, [loaded.data]);

  if (loaded.error) {
    return (
      <div>
        <p role="alert" className="form-error">
          {loaded.error}
        </p>
        <a href="#/bottlenecks">{t('bottlenecks.backToRegister')}</a>
      </div>
    );
  }
  if (!detail) return <p>{t('app.loading')}</p>;
  const b = detail;

  async function archive(archived: boolean) {
    try {
      setDetail(await api.bottlenecks.archive({ id: b.id, archived }));
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  return (
    <div className="bottleneck-detail">
      <p className="no-print">
        <a href="#/bottlenecks">← {t('bottlenecks.backToRegister')}</a>
      </p>
      <div className="page-header">
        <h1>
          {b.identifier}: {b.title}
        </h1>
        <span className={`status-tag status-${b.status}`} data-testid="bottleneck-status">
          {t(`bottlenecks.statuses.${b.status}`)}
          {b.status === 'geescaleerd' && b.escalatedTo ? ` → ${t(`bottlenecks.targets.${b.escalatedTo}`)}${b.escalatedDepartment ? ` ${b.escalatedDepartment}` : ''}` : ''}
        </span>
      </div>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('bottlenecks.details')}</h2>
        <dl className="facts">
          <dt>{t('bottlenecks.category')}</dt>
          <dd>{t(`bottlenecks.categories.${b.category}`)}</dd>
          <dt>
            {t('bottlenecks.impact')} / {t('bottlenecks.urgency')}
          </dt>
          <dd>
            {t(`bottlenecks.levels.${b.impact}`)} / {t(`bottlenecks.levels.${b.urgency}`)}
          </dd>
          <dt>{t('bottlenecks.signalledOn')}</dt>
          <dd>{formatDate(b.signalledOn)}</dd>
          <dt>{t('bottlenecks.owner')}</dt>
          <dd>{b.owner || '–'}</dd>
          <dt>{t('bottlenecks.confidentiality')}</dt>
          <dd>{t(`bottlenecks.confidentialityLevels.${b.confidentiality}`)}</dd>
          <dt>{t('bottlenecks.description')}</dt>
          <dd className="prewrap">{b.description || '–'}</dd>
          <dt>{t('bottlenecks.proposedSolution')}</dt>
          <dd className="prewrap">{b.proposedSolution || '–'}</dd>
          <dt>{t('bottlenecks.decision')}</dt>
          <dd className="prewrap" data-testid="bottleneck-decision">
            {b.decision || '–'}
            {b.decisionDate && ` (${formatDate(b.decisionDate)})`}
          </dd>
          {b.result && (
            <>
              <dt>{t('bottlenecks.result')}</dt>
              <dd>
                {t(`bottlenecks.statuses.${b.result}`)} · {t('bottlenecks.endDate')} {formatDate(b.endDate)}
              </dd>
            </>
          )}
          {b.archivedAt && (
            <>
              <dt>{t('bottlenecks.archived')}</dt>
              <dd>{formatDateTime(b.archivedAt)}</dd>
            </>
          )}
        </dl>
        {!readOnly && (b.status === 'opgelost' || b.status === 'vervallen') && (
          <button type="button" onClick={() => void archive(!b.archivedAt)}>
            {b.archivedAt ? t('bottlenecks.unarchive') : t('bottlenecks.archive')}
          </button>
        )}
      </section>
      {!readOnly && (
        <section className="card" aria-label={t('bottlenecks.changeStatus')}>
          <StatusForm detail={b} onChanged={setDetail} />
        </section>
      )}
      {!readOnly && <EditForm detail={b} onSaved={setDetail} />}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('bottlenecks.history')}</h2>
        <table className="simple-table" data-testid="status-history">
          <thead>
            <tr>
              <th scope="col">{t('bottlenecks.statusDate')}</th>
              <th scope="col">{t('bottlenecks.from')}</th>
              <th scope="col">{t('bottlenecks.to')}</th>
              <th scope="col">{t('bottlenecks.who')}</th>
              <th scope="col">{t('bottlenecks.why')}</th>
              <th scope="col">{t('bottlenecks.when')}</th>
            </tr>
          </thead>
          <tbody>
            {b.history.map((h) => (
              <tr key={h.id}>
                <td>{formatDate(h.date)}</td>
                <td>{h.fromStatus ? t(`bottlenecks.statuses.${h.fromStatus}`) : '–'}</td>
                <td>
                  {t(`bottlenecks.statuses.${h.toStatus}`)}
                  {h.escalatedTo ? ` → ${t(`bottlenecks.targets.${h.escalatedTo}`)}${h.escalatedDepartment ? ` ${h.escalatedDepartment}` : ''}` : ''}
                </td>
                <td>{h.actor}</td>
                <td className="prewrap">{h.reason}</td>
                <td>{formatDateTime(h.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ActionLog detail={b} readOnly={readOnly} onChanged={setDetail} />
      <Links detail={b} readOnly={readOnly} onChanged={setDetail} />
    </div>
  );
}
