import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbookInfo, YearBudgetSource, YearTurnResult } from '../../../../shared/domain/workbook/types.ts';
import { formatCents, formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { FormError } from '../../components/forms.tsx';
import { useStatus } from '../../components/Status.tsx';
import { useBusyAction } from '../../components/useBusyAction.ts';

/** What the new year starts with, in words and small tables: the preview before the head confirms. */
function Preview({ r }: { r: YearTurnResult }) {
  const { t } = useTranslation();
  const budget = r.budget === 'copy' ? t('yearTurn.budgetCopied', { year: r.previousYear }) : t('yearTurn.budgetZero');
  return (
    <div data-testid="year-preview">
      <dl className="facts">
        <dt>{t('yearTurn.budgetLines')}</dt>
        <dd>
          {t('yearTurn.budgetLinesText', { count: r.budgetLines, new: r.budgetLinesNew, existing: r.budgetLinesExisting, how: budget })}
          <br />
          {t('yearTurn.budgetTotals', { lasten: formatCents(r.budgetLasten), baten: formatCents(Math.abs(r.budgetBaten)) })}
        </dd>
        <dt>{t('yearTurn.commitments')}</dt>
        <dd>{t('yearTurn.commitmentsText', { count: r.commitmentsCarried, amount: formatCents(r.commitmentsCarriedCents) })}</dd>
        <dt>{t('yearTurn.assignments')}</dt>
        <dd>{t('yearTurn.assignmentsText', { count: r.assignmentsRunning, moments: r.decisionMomentsOpen })}</dd>
        <dt>{t('yearTurn.bottlenecks')}</dt>
        <dd>{r.bottlenecksOpen}</dd>
        <dt>{t('yearTurn.absence')}</dt>
        <dd>{t('yearTurn.absenceText', { count: r.absenceCasesOpen })}</dd>
        <dt>{t('yearTurn.unchanged')}</dt>
        <dd>{t('yearTurn.unchangedText', { employees: r.employeesInService, positions: r.formationPositions })}</dd>
      </dl>
      {r.commitments.length > 0 && (
        <table className="simple-table">
          <caption>{t('yearTurn.commitmentsCaption', { year: r.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('yearTurn.supplier')}</th>
              <th scope="col">{t('yearTurn.line')}</th>
              <th scope="col">{t('yearTurn.reference')}</th>
              <th scope="col">{t('yearTurn.since')}</th>
              <th scope="col" className="number">
                {t('yearTurn.openAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.commitments.map((c) => (
              <tr key={c.originalId}>
                <td>
                  {c.supplier}
                  {c.description ? ` — ${c.description}` : ''}
                </td>
                <td>
                  {c.costCentre} · {c.account}
                </td>
                <td>{c.reference ?? t('yearTurn.noReference')}</td>
                <td>{formatDate(c.date)}</td>
                <td className="number">{formatCents(c.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.assignments.length > 0 && (
        <table className="simple-table">
          <caption>{t('yearTurn.assignmentsCaption', { year: r.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('yearTurn.assignment')}</th>
              <th scope="col">{t('yearTurn.until')}</th>
              <th scope="col">{t('yearTurn.nextMoment')}</th>
            </tr>
          </thead>
          <tbody>
            {r.assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.code} {a.title}
                </td>
                <td>{formatDate(a.endDate)}</td>
                <td>{a.nextMomentDue ? formatDate(a.nextMomentDue) : t('yearTurn.noMoment')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.absenceCases.length > 0 && (
        <table className="simple-table">
          <caption>{t('yearTurn.absenceCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('yearTurn.caseNumber')}</th>
              <th scope="col">{t('yearTurn.employee')}</th>
              <th scope="col">{t('yearTurn.firstDay')}</th>
            </tr>
          </thead>
          <tbody>
            {r.absenceCases.map((c) => (
              <tr key={c.id}>
                <td>{c.caseNumber}</td>
                <td>{c.employee}</td>
                <td>{formatDate(c.firstDay)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.bottlenecks.length > 0 && (
        <table className="simple-table">
          <caption>{t('yearTurn.bottlenecksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('yearTurn.identifier')}</th>
              <th scope="col">{t('yearTurn.bottleneckTitle')}</th>
              <th scope="col">{t('yearTurn.status')}</th>
            </tr>
          </thead>
          <tbody>
            {r.bottlenecks.map((b) => (
              <tr key={b.id}>
                <td>{b.identifier}</td>
                <td>{b.title}</td>
                <td>{t(`bottlenecks.statuses.${b.status}`, { defaultValue: b.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * "Nieuw boekjaar openen" (Instellingen → Jaarafsluiting): choose the year and how its budget starts, see
 * the preview, confirm. After the turn the app shows the new year; earlier years through the header's selector.
 */
export function YearTurnCard({ info, onInfoChanged }: { info: WorkbookInfo; onInfoChanged(info: WorkbookInfo): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [year, setYear] = useState(String(info.fiscalYear + 1));
  const [budget, setBudget] = useState<YearBudgetSource>('zero');
  const [preview, setPreview] = useState<YearTurnResult | null>(null);
  const { busy, error, run } = useBusyAction();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (preview && !preview.alreadyOpen) confirmRef.current?.focus();
  }, [preview]);

  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const y = Number(year);
      if (!/^\d{4}$/.test(year.trim())) throw new Error(t('yearTurn.badYear'));
      setPreview(await api.workbook.previewYear({ year: y, budget }));
    });
  };

  const confirm = () =>
    run(async () => {
      if (!preview) return;
      const result = await api.workbook.openYear({ year: preview.year, budget: preview.budget });
      setPreview(null);
      status.info(t('yearTurn.opened', { year: result.year, previous: result.previousYear, commitments: result.commitmentsCarried }));
      const next = await api.workbook.info({});
      if (next) {
        setYear(String(next.fiscalYear + 1));
        onInfoChanged(next);
      }
    });

  return (
    <section className="card" aria-labelledby="year-turn-title">
      <h2 id="year-turn-title">{t('yearTurn.title')}</h2>
      <p>{t('yearTurn.intro', { current: info.fiscalYear })}</p>
      <p>
        {t('yearTurn.closeHint')} <a href="#/backups">{t('yearTurn.closeLink')}</a>
      </p>
      <FormError message={error} />
      {!info.readOnly && (
        <form onSubmit={showPreview} className="inline-form" aria-label={t('yearTurn.formLabel')}>
          <label>
            {t('yearTurn.year')}
            <input
              inputMode="numeric"
              required
              size={6}
              value={year}
              onChange={(e) => {
                setYear(e.target.value);
                setPreview(null);
              }}
            />
          </label>
          <fieldset className="checks">
            <legend>{t('yearTurn.budgetLegend')}</legend>
            <label className="check">
              <input
                type="radio"
                name="year-budget"
                value="zero"
                checked={budget === 'zero'}
                onChange={() => {
                  setBudget('zero');
                  setPreview(null);
                }}
              />{' '}
              {t('yearTurn.budgetZeroOption')}
            </label>
            <label className="check">
              <input
                type="radio"
                name="year-budget"
                value="copy"
                checked={budget === 'copy'}
                onChange={() => {
                  setBudget('copy');
                  setPreview(null);
                }}
              />{' '}
              {t('yearTurn.budgetCopyOption', { year: info.fiscalYear })}
            </label>
          </fieldset>
          <button type="submit" disabled={busy}>
            {t('yearTurn.preview')}
          </button>
        </form>
      )}
      {preview && (
        <div className="year-turn-preview" role="region" aria-labelledby="year-preview-title">
          <h3 id="year-preview-title">{preview.alreadyOpen ? t('yearTurn.alreadyOpen', { year: preview.year }) : t('yearTurn.previewTitle', { year: preview.year })}</h3>
          <Preview r={preview} />
          {!preview.alreadyOpen && (
            <p>
              <button type="button" className="primary" ref={confirmRef} disabled={busy} onClick={() => void confirm()}>
                {t('yearTurn.confirm', { year: preview.year })}
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => setPreview(null)}>
                {t('app.cancel')}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
