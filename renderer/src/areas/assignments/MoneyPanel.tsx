import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentDetail, LedgerCandidate } from '../../../../shared/domain/assignments/types.ts';
import { formatCents, formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';
import { useApi } from '../../components/useApi.ts';
import './assignments.css';

/**
 * Ceiling against actuals and commitments, the bookings that count (and why), the bookings that fit
 * more than one assignment, and a search to link other bookings by hand.
 */
export function MoneyPanel({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const action = useFormAction();
  const [search, setSearch] = useState('');
  const [candidates, setCandidates] = useState<LedgerCandidate[] | null>(null);
  const a = detail;

  const run = (change: () => Promise<AssignmentDetail>) =>
    action.run(async () => {
      onChanged(await change());
      if (candidates) setCandidates(await api.assignments.ledgerCandidates({ id: a.id, text: search }));
    });

  const find = () => action.run(async () => setCandidates(await api.assignments.ledgerCandidates({ id: a.id, text: search })));

  const over = a.signals.includes('overCeiling');
  return (
    <section className="card" aria-labelledby="as-money">
      <h2 id="as-money">{t('assignments.money')}</h2>
      <dl className="key-figures compact">
        <div className="key-figure">
          <dt>{t('assignments.ceiling')}</dt>
          <dd data-testid="assignment-ceiling">{formatCents(a.ceilingCents)}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('assignments.actuals')}</dt>
          <dd data-testid="assignment-actuals">{formatCents(a.actualsCents)}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('assignments.commitments')}</dt>
          <dd data-testid="assignment-commitments">{formatCents(a.commitmentsCents)}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('assignments.usedPercent')}</dt>
          <dd data-testid="assignment-used" className={over ? 'cell-over' : undefined}>
            {formatPercent(a.usedPercent)}
            {over && ` (${t('assignments.signalTexts.overCeiling')})`}
          </dd>
        </div>
        <div className="key-figure">
          <dt>{t('assignments.remaining')}</dt>
          <dd>{formatCents(a.remainingCents)}</dd>
        </div>
      </dl>
      {a.ceilingCents > 0 && (
        <p>
          <label htmlFor="as-meter">{t('assignments.used')}</label>{' '}
          <meter id="as-meter" min={0} max={a.ceilingCents} high={a.ceilingCents * 0.9} optimum={0} value={Math.min(a.usedCents, a.ceilingCents)}>
            {formatPercent(a.usedPercent)}
          </meter>
        </p>
      )}
      <p className="hint">
        {a.counterparty
          ? t('assignments.moneyHint', { counterparty: a.counterparty, start: formatDate(a.startDate), end: formatDate(a.endDate) })
          : t('assignments.moneyHintNoCounterparty')}
      </p>
      <h3>{t('assignments.ledger')}</h3>
      {a.ledger.length === 0 ? (
        <p>{t('assignments.noLedger')}</p>
      ) : (
        <table className="simple-table" data-testid="assignment-ledger">
          <thead>
            <tr>
              <th scope="col">{t('assignments.date')}</th>
              <th scope="col">{t('assignments.budgetLine')}</th>
              <th scope="col">{t('assignments.description')}</th>
              <th scope="col">{t('assignments.counterparty')}</th>
              <th scope="col" className="num">
                {t('assignments.amount')}
              </th>
              <th scope="col">{t('assignments.match')}</th>
              {!readOnly && <th scope="col">{t('assignments.link')}</th>}
            </tr>
          </thead>
          <tbody>
            {a.ledger.map((l) => (
              <tr key={l.id} className={l.match === 'ambiguous' ? 'row-ambiguous' : undefined}>
                <td>{formatDate(l.bookingDate)}</td>
                <td>
                  {l.costCentre}/{l.account}
                </td>
                <td>{l.description}</td>
                <td>{l.counterparty}</td>
                <td className="num">{formatCents(l.amountCents)}</td>
                <td>{t(`assignments.matches.${l.match}`, { codes: l.alsoFits.join(', ') })}</td>
                {!readOnly && (
                  <LinkCell
                    match={l.match}
                    onLink={() => void run(() => api.assignments.linkLedgerLine({ id: a.id, ledgerLineId: l.id }))}
                    onUnlink={() => void run(() => api.assignments.unlinkLedgerLine({ id: a.id, ledgerLineId: l.id }))}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <details>
          <summary>{t('assignments.candidates')}</summary>
          <p className="hint">{t('assignments.candidatesHint')}</p>
          <Form submitAction={action} layout="inline" onSubmit={find}>
            <TextField label={t('assignments.search')} value={search} onChange={setSearch} />
            <button type="submit">{t('assignments.search')}</button>
          </Form>
          {candidates &&
            (candidates.length === 0 ? (
              <p>{t('assignments.noCandidates')}</p>
            ) : (
              <table className="simple-table" data-testid="assignment-candidates">
                <thead>
                  <tr>
                    <th scope="col">{t('assignments.date')}</th>
                    <th scope="col">{t('assignments.budgetLine')}</th>
                    <th scope="col">{t('assignments.description')}</th>
                    <th scope="col">{t('assignments.counterparty')}</th>
                    <th scope="col" className="num">
                      {t('assignments.amount')}
                    </th>
                    <th scope="col">{t('assignments.link')}</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((c) => (
                    <tr key={c.id}>
                      <td>{formatDate(c.bookingDate)}</td>
                      <td>
                        {c.costCentre}/{c.account}
                      </td>
                      <td>{c.description}</td>
                      <td>{c.counterparty}</td>
                      <td className="num">{formatCents(c.amountCents)}</td>
                      <td>
                        <button
                          type="button"
                          className="link-button small"
                          aria-label={`${t('assignments.linkThis')}: ${formatDate(c.bookingDate)} ${formatCents(c.amountCents)}`}
                          onClick={() => void run(() => api.assignments.linkLedgerLine({ id: a.id, ledgerLineId: c.id }))}
                        >
                          {t('assignments.linkThis')}
                        </button>
                        {c.countsFor && <span className="muted"> ({t('assignments.countsFor', { code: c.countsFor })})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </details>
      )}
      <h3>{t('assignments.commitmentsTitle')}</h3>
      {a.commitments.length === 0 ? (
        <p>{t('assignments.noCommitments')}</p>
      ) : (
        <table className="simple-table" data-testid="assignment-commitments">
          <thead>
            <tr>
              <th scope="col">{t('assignments.date')}</th>
              <th scope="col">{t('assignments.budgetLine')}</th>
              <th scope="col">{t('assignments.supplier')}</th>
              <th scope="col">{t('assignments.description')}</th>
              <th scope="col" className="num">
                {t('assignments.amount')}
              </th>
              <th scope="col">{t('assignments.match')}</th>
              {!readOnly && <th scope="col">{t('assignments.link')}</th>}
            </tr>
          </thead>
          <tbody>
            {a.commitments.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(c.date)}</td>
                <td>
                  {c.costCentre}/{c.account}
                </td>
                <td>{c.supplier}</td>
                <td>{c.description}</td>
                <td className="num">{formatCents(c.amountCents)}</td>
                <td>{t(`assignments.matches.${c.match}`, { codes: c.alsoFits.join(', ') })}</td>
                {!readOnly && (
                  <LinkCell
                    match={c.match}
                    onLink={() => void run(() => api.assignments.linkCommitment({ id: a.id, commitmentId: c.id }))}
                    onUnlink={() => void run(() => api.assignments.unlinkCommitment({ id: a.id, commitmentId: c.id }))}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && <LinkCommitmentForm detail={a} onLink={(commitmentId) => run(() => api.assignments.linkCommitment({ id: a.id, commitmentId }))} />}
      <FormError message={action.error} />
    </section>
  );
}

/** Open commitments on the assignment's budget lines that do not count for it yet, to link by hand. */
function LinkCommitmentForm({ detail, onLink }: { detail: AssignmentDetail; onLink(commitmentId: number): Promise<void> }) {
  const { t } = useTranslation();
  const all = useApi(() => api.budget.commitments({}), [detail.id, detail.commitments.length]);
  const [choice, setChoice] = useState('');
  const lines = new Set(detail.budgetLines.map((l) => `${l.costCentre}/${l.account}`));
  const counted = new Set(detail.commitments.filter((c) => c.match !== 'ambiguous').map((c) => c.id));
  const options = (all.data ?? []).filter((c) => c.status === 'open' && lines.has(`${c.costCentre}/${c.account}`) && !counted.has(c.id));
  if (options.length === 0) return null;
  const selected = choice || String(options[0].id);
  return (
    <Form layout="inline" onSubmit={() => onLink(Number(selected))}>
      <SelectField
        label={t('assignments.commitmentsTitle')}
        value={selected}
        onChange={setChoice}
        options={options.map((c) => ({ value: String(c.id), label: `${formatDate(c.date)} ${c.supplier} ${formatCents(c.amountCents)} (${c.costCentre}/${c.account})` }))}
      />
      <button type="submit">{t('assignments.linkThis')}</button>
    </Form>
  );
}

/** Link an ambiguous booking or commitment to this assignment, or undo a link made by hand. */
function LinkCell({ match, onLink, onUnlink }: { match: AssignmentDetail['ledger'][number]['match']; onLink(): void; onUnlink(): void }) {
  const { t } = useTranslation();
  return (
    <td>
      {match === 'ambiguous' && (
        <button type="button" className="link-button small" onClick={onLink}>
          {t('assignments.linkThis')}
        </button>
      )}
      {match === 'hand' && (
        <button type="button" className="link-button small" onClick={onUnlink}>
          {t('assignments.unlink')}
        </button>
      )}
    </td>
  );
}
