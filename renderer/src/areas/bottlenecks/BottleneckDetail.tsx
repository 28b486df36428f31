import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BottleneckPatch } from '../../../../shared/api/bottlenecks.ts';
import {
  CONFIDENTIALITY_LEVELS,
  ESCALATION_TARGETS,
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
import { binder, choices, DateTextField, Form, FormActions, FormError, LoadFailure, SelectField, TextAreaField, TextField, useFormAction } from '../../components/forms.tsx';
import { checkDate, todayIso, valid } from '../../components/form-values.ts';
import { ClassificationFields } from './ClassificationFields.tsx';

/** The patch as the form holds it: dates as typed (dd-mm-jjjj). */
type FormState = Omit<BottleneckPatch, 'decisionDate'> & { decisionDate: string };

function toForm(b: BottleneckDetail): FormState {
  return {
    title: b.title,
    description: b.description,
    category: b.category,
    impact: b.impact,
    urgency: b.urgency,
    signalledOn: formatDate(b.signalledOn),
    owner: b.owner,
    proposedSolution: b.proposedSolution,
    decision: b.decision,
    decisionDate: formatDate(b.decisionDate),
    confidentiality: b.confidentiality,
  };
}

function EditForm({ detail, onSaved }: { detail: BottleneckDetail; onSaved: (d: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [form, setForm] = useState<FormState>(() => toForm(detail));
  const [lastUndo, setLastUndo] = useState<Partial<BottleneckPatch> | null>(null);
  const action = useFormAction();
  useEffect(() => setForm(toForm(detail)), [detail]);
  const bind = binder(form, setForm);

  async function save(patch: Partial<BottleneckPatch>, undo: boolean) {
    try {
      const saved = await action.run(() => api.bottlenecks.update({ id: detail.id, patch }));
      if (saved) onSaved(saved);
      return saved ?? null;
    } finally {
      if (undo) setLastUndo(null);
    }
  }

  async function submit() {
    const before = toForm(detail);
    const patch: Partial<BottleneckPatch> = {};
    const previous: Partial<BottleneckPatch> = {};
    const signalledOn = checkDate(t('bottlenecks.signalledOn'), form.signalledOn);
    const decisionDate = checkDate(t('bottlenecks.decisionDate'), form.decisionDate, false);
    if (!signalledOn.ok || !decisionDate.ok) {
      action.setError(!signalledOn.ok ? signalledOn.reason : !decisionDate.ok ? decisionDate.reason : null);
      return;
    }
    const typed: Partial<BottleneckPatch> = { signalledOn: signalledOn.value!, decisionDate: decisionDate.value };
    const stored: Partial<BottleneckPatch> = { signalledOn: detail.signalledOn, decisionDate: detail.decisionDate };
    for (const key of Object.keys(form) as Array<keyof FormState>) {
      if (form[key] === before[key]) continue;
      const value = key in typed ? typed[key] : form[key];
      const old = key in stored ? stored[key] : before[key];
      if (value === old) continue;
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
      <Form submitAction={action} layout="stacked" onSubmit={submit}>
        <TextField id="ed-title" label={t('bottlenecks.titleField')} {...bind('title')} maxLength={200} />
        <TextAreaField id="ed-description" label={t('bottlenecks.description')} rows={3} {...bind('description')} />
        <div className="field-row">
          <ClassificationFields idPrefix="ed" form={form} setForm={setForm} />
          <DateTextField id="ed-signalled" label={t('bottlenecks.signalledOn')} {...bind('signalledOn')} />
          <SelectField
            id="ed-confidentiality"
            label={t('bottlenecks.confidentiality')}
            options={choices(CONFIDENTIALITY_LEVELS, (c) => t(`bottlenecks.confidentialityLevels.${c}`))}
            {...bind('confidentiality')}
          />
        </div>
        <TextField id="ed-owner" label={t('bottlenecks.owner')} {...bind('owner')} />
        <TextAreaField id="ed-solution" label={t('bottlenecks.proposedSolution')} rows={2} {...bind('proposedSolution')} />
        <div className="field-row">
          <TextAreaField id="ed-decision" label={t('bottlenecks.decision')} className="grow" rows={2} {...bind('decision')} />
          <DateTextField id="ed-decision-date" label={t('bottlenecks.decisionDate')} {...bind('decisionDate')} />
        </div>
        <FormError message={action.error} />
        <FormActions submitLabel={t('bottlenecks.save')}>
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
        </FormActions>
      </Form>
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
  const [date, setDate] = useState(formatDate(todayIso()));
  const action = useFormAction();
  useEffect(() => {
    setNext(detail.allowedTransitions[0]);
    setDecision(detail.decision);
  }, [detail]);

  if (detail.allowedTransitions.length === 0) return <p>{t('bottlenecks.noTransitions')}</p>;

  const submit = () =>
    action.run(async () => {
      const changed = await api.bottlenecks.changeStatus({
        id: detail.id,
        status: next,
        reason,
        date: valid(checkDate(t('bottlenecks.statusDate'), date))!,
        ...(next === 'geescaleerd' ? { escalatedTo: target, ...(target === 'afdeling' ? { escalatedDepartment: department } : {}) } : {}),
        ...(next === 'opgelost' ? { decision } : {}),
      });
      setReason('');
      status.info(t('bottlenecks.statusChanged', { identifier: changed.identifier, status: t(`bottlenecks.statuses.${changed.status}`) }));
      onChanged(changed);
    });

  return (
    <Form submitAction={action} layout="stacked" onSubmit={submit} aria-labelledby="status-form-title">
      <h3 id="status-form-title">{t('bottlenecks.changeStatus')}</h3>
      <div className="field-row">
        <SelectField id="st-next" label={t('bottlenecks.newStatus')} value={next} onChange={setNext} options={choices(detail.allowedTransitions, (s) => t(`bottlenecks.statuses.${s}`))} />
        {next === 'geescaleerd' && (
          <SelectField id="st-target" label={t('bottlenecks.escalatedTo')} value={target} onChange={setTarget} options={choices(ESCALATION_TARGETS, (s) => t(`bottlenecks.targets.${s}`))} />
        )}
        {next === 'geescaleerd' && target === 'afdeling' && <TextField id="st-department" label={t('bottlenecks.escalatedDepartment')} value={department} onChange={setDepartment} size={8} />}
        <DateTextField id="st-date" label={t('bottlenecks.statusDate')} value={date} onChange={setDate} />
      </div>
      {next === 'opgelost' && <TextAreaField id="st-decision" label={t('bottlenecks.decision')} rows={2} value={decision} onChange={setDecision} />}
      <TextAreaField id="st-reason" label={t('bottlenecks.reason')} rows={2} value={reason} onChange={setReason} />
      <FormError message={action.error} />
      <button type="submit" className="primary">
        {t('bottlenecks.applyStatus')}
      </button>
    </Form>
  );
}

function ActionLog({ detail, readOnly, onChanged }: { detail: BottleneckDetail; readOnly: boolean; onChanged: (d: BottleneckDetail) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(formatDate(todayIso()));
  const [text, setText] = useState('');
  const action = useFormAction();
  const submit = () =>
    action.run(async () => {
      onChanged(await api.bottlenecks.addAction({ id: detail.id, date: valid(checkDate(t('bottlenecks.actionDate'), date))!, text }));
      setText('');
    });
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
        <Form submitAction={action} layout="inline" onSubmit={submit}>
          <DateTextField label={t('bottlenecks.actionDate')} value={date} onChange={setDate} />
          <TextField label={t('bottlenecks.actionText')} className="grow" value={text} onChange={setText} size={50} />
          <button type="submit">{t('bottlenecks.addAction')}</button>
          <FormError message={action.error} />
        </Form>
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
  const action = useFormAction();
  const lines = useApi(() => api.budget.summary({}), []);
  const lineKey = linkType === 'budget_line' ? linkKey || String(lines.data?.lines[0]?.id ?? '') : linkKey;

  const submit = () =>
    action.run(async () => {
      onChanged(await api.bottlenecks.addLink({ id: detail.id, linkType, linkKey: lineKey, relation: linkType === 'department' ? relation : null, note }));
      setLinkKey('');
      setNote('');
    });
  const remove = (linkId: number) => action.run(async () => onChanged(await api.bottlenecks.removeLink({ id: detail.id, linkId })));

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
        <Form submitAction={action} layout="inline" onSubmit={submit}>
          <SelectField label={t('bottlenecks.linkType')} value={linkType} onChange={setLinkType} options={choices(LINK_TYPES, (l) => t(`bottlenecks.linkTypes.${l}`))} />
          {linkType === 'budget_line' ? (
            <SelectField
              label={t('bottlenecks.budgetLine')}
              value={lineKey}
              onChange={setLinkKey}
              options={(lines.data?.lines ?? []).map((line) => ({ value: String(line.id), label: `${line.costCentre} / ${line.account} ${line.accountName}` }))}
            />
          ) : (
            <TextField label={t('bottlenecks.linkKey')} value={linkKey} onChange={setLinkKey} size={14} aria-describedby="link-key-hint" />
          )}
          {linkType === 'department' && <SelectField label={t('bottlenecks.relation')} value={relation} onChange={setRelation} options={choices(LINK_RELATIONS, (r) => t(`bottlenecks.relations.${r}`))} />}
          <TextField label={t('bottlenecks.note')} value={note} onChange={setNote} />
          <button type="submit">{t('bottlenecks.addLink')}</button>
          <p id="link-key-hint" className="hint">
            {t('bottlenecks.linkKeyHint')}
          </p>
          <FormError message={action.error} />
        </Form>
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

  if (loaded.error) return <LoadFailure message={loaded.error} backHref="#/bottlenecks" backLabel={t('bottlenecks.backToRegister')} />;
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
