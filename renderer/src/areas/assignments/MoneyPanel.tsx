import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentDetail, LedgerCandidate } from '../../../../shared/domain/assignments/types.ts';
import { formatCents, formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { errorMessage, useApi } from '../../components/useApi.ts';
import './assignments.css';

/**
 * Ceiling against actuals and commitments, the bookings that count (and why), the bookings that fit
 * more than one assignment, and a search to link other bookings by hand.
 */
export function MoneyPanel({ detail, readOnly, onChanged }: { detail: AssignmentDetail; readOnly: boolean; onChanged(d: AssignmentDetail): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [candidates, setCandidates] = useState<LedgerCandidate[] | null>(null);
  const a = detail;

  async function run(action: () => Promise<AssignmentDetail>) {
    setError(null);
    try {
      onChanged(await action());
      if (candidates) setCandidates(await api.assignments.ledgerCandidates({ id: a.id, text: search }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function find(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setCandidates(await api.assignments.ledgerCandidates({ id: a.id, text: search }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

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
                  <td>
                    {l.match === 'ambiguous' && (
                      <button type="button" className="link-button small" onClick={() => void run(() => api.assignments.linkLedgerLine({ id: a.id, ledgerLineId: l.id }))}>
                        {t('assignments.linkThis')}
                      </button>
                    )}
                    {l.match === 'hand' && (
                      <button type="button" className="link-button small" onClick={() => void run(() => api.assignments.unlinkLedgerLine({ id: a.id, ledgerLineId: l.id }))}>
                        {t('assignments.unlink')}
                      </button>
                    )}
                  </td>
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
          <form onSubmit={find} className="inline-form">
            <label>
              {t('assignments.search')}
              <input value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <button type="submit">{t('assignments.search')}</button>
          </form>
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
                  <td>
                    {c.match === 'ambiguous' && (
                      <button type="button" className="link-button small" onClick={() => void run(() => api.assignments.linkCommitment({ id: a.id, commitmentId: c.id }))}>
                        {t('assignments.linkThis')}
                      </button>
                    )}
                    {c.match === 'hand' && (
                      <button type="button" className="link-button small" onClick={() => void run(() => api.assignments.unlinkCommitment({ id: a.id, commitmentId: c.id }))}>
                        {t('assignments.unlink')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && <LinkCommitmentForm detail={a} onLink={(commitmentId) => run(() => api.assignments.linkCommitment({ id: a.id, commitmentId }))} />}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
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
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onLink(Number(selected));
      }}
    >
      <label>
        {t('assignments.commitmentsTitle')}
        <select value={selected} onChange={(e) => setChoice(e.target.value)}>
          {options.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {formatDate(c.date)} {c.supplier} {formatCents(c.amountCents)} ({c.costCentre}/{c.account})
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('assignments.linkThis')}</button>
    </form>
  );
}
