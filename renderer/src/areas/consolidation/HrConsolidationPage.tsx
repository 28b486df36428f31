import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HrAbsenceFigures, HrDepartment, HrFormationFigures } from '../../../../shared/exchange/central.ts';
import type { SuppressionReason } from '../../../../shared/exchange/suppression.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { judgementDay, parsePeriod } from '../../../../shared/domain/period.ts';
import { exportConsolidation, localToday, PeriodSelect, ReviewForm, usePeriodChoice } from './period-review.tsx';
import './consolidation.css';
import { DateField } from '../../components/DateField.tsx';
import { FormError } from '../../components/forms.tsx';

const MARK_KEYS: Record<SuppressionReason, { text: string; title: string }> = {
  small: { text: 'centralHr.markSmall', title: 'centralHr.markTitleSmall' },
  complementary: { text: 'centralHr.markComplementary', title: 'centralHr.markTitleComplementary' },
  parent: { text: 'centralHr.markParent', title: 'centralHr.markTitleParent' },
};

/** The marker a figure gets when it would not leave the HR workbook; the reason is read out with it. */
function SuppressionMark({ reason }: { reason: SuppressionReason | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  const keys = MARK_KEYS[reason];
  return (
    <span className="suppression-mark" data-suppressed={reason} title={t(keys.title)}>
      {t(keys.text)}
      <span className="visually-hidden"> ({t(keys.title)})</span>
    </span>
  );
}

function AbsenceCells({ figures }: { figures: HrAbsenceFigures | null }) {
  const { t } = useTranslation();
  if (!figures) {
    return (
      <td className="hint" colSpan={6}>
        {t('centralHr.noAbsenceData')}
      </td>
    );
  }
  return (
    <>
      <td className="num" data-col="employees">{figures.employees}</td>
      <td className="num" data-col="percentage">{formatPercent(figures.percentage, 2) || '–'}</td>
      <td className="num" data-col="frequency">{formatNumber(figures.frequency, 2) || '–'}</td>
      <td className="num" data-col="reports">{figures.reports}</td>
      <td className="num" data-col="averageDuration">{formatNumber(figures.averageDurationDays, 1) || '–'}</td>
      <td className="num" data-col="zeroAbsence">{formatPercent(figures.zeroAbsencePercentage, 1) || '–'}</td>
    </>
  );
}

function FormationCells({ f, delivered }: { f: HrFormationFigures; delivered: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <td className="num">{delivered ? formatNumber(f.formationFte, 2) : t('centralHr.notDelivered')}</td>
      <td className="num">{formatNumber(f.occupiedFte, 2)}</td>
      <td className="num">{delivered ? formatNumber(f.vacancyFte, 2) : ''}</td>
      <td className="num">{delivered ? formatNumber(f.overOccupationFte, 2) : ''}</td>
      <td className="num">{delivered ? formatPercent(f.occupancyPercent, 1) || '–' : ''}</td>
      <td className="num">{f.headcount}</td>
    </>
  );
}

function Th({ children, num }: { children: ReactNode; num?: boolean }) {
  return (
    <th scope="col" className={num ? 'num' : undefined}>
      {children}
    </th>
  );
}

/** P&O's view of a period: the organisation's absence recomputed from the cases, formation, overdue Poortwachter steps, and the review. */
export function HrConsolidationPage({ readOnly, nativeDialogs }: { readOnly: boolean; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const { periods, period, setPeriod } = usePeriodChoice();
  // Overdue steps are judged on the period's last day (today while it still runs), as the departments'
  // quarterly reports and packages judge them, unless P&O chooses another day.
  const [chosenAsOf, setAsOf] = useState<string | null>(null);
  const parsed = period ? parsePeriod(period) : null;
  const asOf = chosenAsOf ?? (parsed ? judgementDay(parsed, localToday()) : localToday());
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const consolidation = useApi(() => (period ? api.central.hr({ period, asOf }) : Promise.resolve(null)), [period, asOf, tick]);
  const data = consolidation.data;
  const department: HrDepartment | undefined = data?.departments.find((d) => d.code === selected);

  async function exportXlsx() {
    setError(null);
    try {
      await exportConsolidation({ period, asOf, title: t('centralHr.exportXlsx'), defaultName: `consolidatie-hr-${period}.xlsx`, nativeDialogs });
    } catch (e) {
      setError(errorMessage(e));
    }
  }




  const reviewLabel = (d: HrDepartment) => (d.review ? `${d.review.status === 'reviewed' ? t('central.reviewed') : t('central.question')}${d.review.note ? `: ${d.review.note}` : ''}` : t('centralHr.notReviewed'));
  const org = data?.organisation;

  return (
    <div>
      <h1>{t('centralHr.title')}</h1>
      <p className="hint">{t('centralHr.intro')}</p>
      <div className="inline-form">
        <PeriodSelect
          label={t('centralHr.period')}
          periods={periods}
          value={period}
          onChange={(chosen) => {
            setPeriod(chosen);
            setAsOf(null);
            setSelected(null);
          }}
        />
        <DateField id="hr-as-of" label={t('centralHr.asOf')} value={asOf} onChange={setAsOf} />
        <button type="button" onClick={() => void exportXlsx()} disabled={!period}>
          {t('centralHr.exportXlsx')}
        </button>
      </div>
      <FormError message={error || consolidation.error} />
      <aside className="card privacy-note" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('centralHr.privacyTitle')}</h2>
        <p>{t('centralHr.privacy')}</p>
      </aside>
      {data && data.departments.length === 0 && <p>{t('centralHr.noPackages')}</p>}
      {data && org && data.departments.length > 0 && (
        <>
          {org.absence && (
            <section className="card" aria-labelledby="organisation-title">
              <h2 id="organisation-title">
                {t('centralHr.organisationFigures')} <SuppressionMark reason={org.absenceSuppressed} />
              </h2>
              <dl className="key-figures" data-testid="organisation-figures">
                {(
                  [
                    ['percentage', t('centralHr.percentage'), formatPercent(org.absence.percentage, 2)],
                    ['frequency', t('centralHr.frequency'), formatNumber(org.absence.frequency, 2)],
                    ['reports', t('centralHr.reports'), formatNumber(org.absence.reports)],
                    ['averageDuration', t('centralHr.averageDuration'), formatNumber(org.absence.averageDurationDays, 1)],
                    ['zeroAbsence', t('centralHr.zeroAbsence'), formatPercent(org.absence.zeroAbsencePercentage, 1)],
                    ['headcount', t('centralHr.averageHeadcount'), formatNumber(org.absence.averageHeadcount, 1)],
                  ] as const
                ).map(([key, label, value]) => (
                  <div key={key} className="key-figure">
                    <dt>{label}</dt>
                    <dd data-testid={`organisation-${key}`}>{value || '–'}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}

          <section className="card" aria-labelledby="absence-table-title">
            <h2 id="absence-table-title">{t('centralHr.absenceTable')}</h2>
            <div className="table-scroll">
              <table className="simple-table" data-testid="hr-absence">
                <thead>
                  <tr>
                    <Th>{t('centralHr.department')}</Th>
                    <Th num>{t('centralHr.employees')}</Th>
                    <Th num>{t('centralHr.percentage')}</Th>
                    <Th num>{t('centralHr.frequency')}</Th>
                    <Th num>{t('centralHr.reports')}</Th>
                    <Th num>{t('centralHr.averageDuration')}</Th>
                    <Th num>{t('centralHr.zeroAbsence')}</Th>
                    <Th num>{t('centralHr.reported')}</Th>
                    <Th num>{t('centralHr.overdue')}</Th>
                    <Th>{t('centralHr.review')}</Th>
                    <Th>
                      <span className="visually-hidden">{t('centralHr.show')}</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {data.departments.map((d) => (
                    <tr key={d.code} data-department={d.code}>
                      <th scope="row">
                        {d.code} {d.name} <SuppressionMark reason={d.absenceSuppressed} />
                      </th>
                      <AbsenceCells figures={d.absence} />
                      <td className="num">{formatPercent(d.reported?.percentage, 2)}</td>
                      <td className={`num${d.overdue > 0 ? ' flag-missing' : ''}`} data-col="overdue">
                        {d.overdue}
                      </td>
                      <td data-testid={`hr-review-${d.code}`}>{reviewLabel(d)}</td>
                      <td>
                        <button type="button" className="link-button" aria-label={`${t('centralHr.show')}: ${d.code}`} onClick={() => setSelected(d.code)}>
                          {t('centralHr.show')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-department="organisation">
                    <th scope="row">
                      {t('centralHr.organisation')} <SuppressionMark reason={org.absenceSuppressed} />
                    </th>
                    <AbsenceCells figures={org.absence} />
                    <td />
                    <td className="num">{data.overdue.length}</td>
                    <td />
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="hint">{t('centralHr.reportedHint')}</p>
          </section>

          {department && (
            <section className="card" aria-labelledby="detail-title">
              <h2 id="detail-title">{t('centralHr.detailTitle', { department: `${department.code} ${department.name}` })}</h2>
              <p className="hint">
                {t('central.reviewTitle', { department: department.code, sequence: department.sequence })} · {formatDateTime(department.createdAt)} · {reviewLabel(department)}
              </p>
              <div className="two-tables">
                <div className="table-scroll">
                  <table className="simple-table compact" data-testid="hr-cost-centres">
                    <caption>{t('centralHr.costCentre')}</caption>
                    <thead>
                      <tr>
                        <Th>{t('centralHr.costCentre')}</Th>
                        <Th num>{t('centralHr.employees')}</Th>
                        <Th num>{t('centralHr.percentage')}</Th>
                        <Th num>{t('centralHr.frequency')}</Th>
                        <Th num>{t('centralHr.reports')}</Th>
                        <Th num>{t('centralHr.averageDuration')}</Th>
                        <Th num>{t('centralHr.zeroAbsence')}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {department.costCentres.map((c) => (
                        <tr key={c.code}>
                          <th scope="row">
                            {c.code} <SuppressionMark reason={c.suppressed} />
                          </th>
                          <AbsenceCells figures={c.absence} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {department.absence && (
                  <div className="table-scroll">
                    <table className="simple-table compact" data-testid="hr-bands">
                      <caption>{t('centralHr.band')}</caption>
                      <thead>
                        <tr>
                          <Th>{t('centralHr.band')}</Th>
                          <Th num>{t('centralHr.days')}</Th>
                          <Th num>{t('centralHr.cases')}</Th>
                          <Th num>{t('centralHr.share')}</Th>
                        </tr>
                      </thead>
                      <tbody>
                        {department.absence.bands.map((b) => (
                          <tr key={b.key}>
                            <th scope="row">
                              {b.label} <SuppressionMark reason={b.suppressed} />
                            </th>
                            <td className="num">
                              {b.fromDays}–{b.toDays}
                            </td>
                            <td className="num">{b.cases}</td>
                            <td className="num">{formatPercent(b.percentage, 2) || '–'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
              {!readOnly && (
                <ReviewForm packageId={department.packageId} radioName="hr-review-status" onSaved={() => setTick((x) => x + 1)} onError={setError} />
              )}
            </section>
          )}

          <section className="card" aria-labelledby="formation-title">
            <h2 id="formation-title">{t('centralHr.formationTable', { date: formatDate(data.referenceDate) })}</h2>
            <div className="table-scroll">
              <table className="simple-table" data-testid="hr-formation">
                <thead>
                  <tr>
                    <Th>{t('centralHr.department')}</Th>
                    <Th num>{t('centralHr.formation')}</Th>
                    <Th num>{t('centralHr.occupied')}</Th>
                    <Th num>{t('centralHr.vacancy')}</Th>
                    <Th num>{t('centralHr.overOccupation')}</Th>
                    <Th num>{t('centralHr.occupancy')}</Th>
                    <Th num>{t('centralHr.headcount')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.departments.map((d) => (
                    <tr key={d.code} data-department={d.code}>
                      <th scope="row">
                        {d.code} {d.name} <SuppressionMark reason={d.formationSuppressed} />
                      </th>
                      <FormationCells f={d.formation} delivered={d.formationDelivered} />
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-department="organisation">
                    <th scope="row">
                      {t('centralHr.organisation')} <SuppressionMark reason={org.formationSuppressed} />
                    </th>
                    <FormationCells f={org.formation} delivered />
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>

          <section className="card" aria-labelledby="overdue-title">
            <h2 id="overdue-title">{t('centralHr.overdueTable', { date: formatDate(data.asOf) })}</h2>
            {data.overdue.length === 0 ? (
              <p>{t('centralHr.noOverdue')}</p>
            ) : (
              <div className="table-scroll">
                <table className="simple-table" data-testid="hr-overdue">
                  <thead>
                    <tr>
                      <Th>{t('centralHr.department')}</Th>
                      <Th>{t('centralHr.caseId')}</Th>
                      <Th>{t('centralHr.personnelNumber')}</Th>
                      <Th>{t('centralHr.step')}</Th>
                      <Th>{t('centralHr.dueDate')}</Th>
                      <Th num>{t('centralHr.daysOverdue')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.overdue.map((o) => (
                      <tr key={`${o.registeredBy}|${o.caseId}|${o.milestone}`} data-department={o.department}>
                        <td>
                          {o.department}
                          {o.registeredBy !== o.department && <span className="muted"> ({t('centralHr.registeredBy', { department: o.registeredBy })})</span>}
                        </td>
                        <td>{o.caseId}</td>
                        <td>{o.personnelNumber}</td>
                        <td>{o.label}</td>
                        <td>{formatDate(o.dueDate)}</td>
                        <td className="num">{o.daysOverdue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {data.notes.length > 0 && (
            <section className="card" aria-labelledby="notes-title">
              <h2 id="notes-title">{t('centralHr.notes')}</h2>
              <ul>
                {data.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
