import type { Totals } from '../../../shared/domain/budget/figures.ts';
import type { ReportSection } from '../report.ts';
import { summary } from './service.ts';

function figures(t: Totals) {
  return {
    primitiveCents: t.primitiveCents,
    revisionsCents: t.revisionsCents,
    currentCents: t.currentCents,
    actualCents: t.actualCents,
    commitmentsCents: t.commitmentsCents,
    forecastCents: t.forecastCents,
    varianceCents: t.varianceCents,
    exhaustionPercent: t.exhaustionPercent === null ? null : Math.round(t.exhaustionPercent * 100) / 100,
  };
}

/** Budget of the period's year; actuals up to the end of the period ("to date"). */
export const budgetReportSection: ReportSection = (wb, period) => {
  if (wb.meta.kind !== 'department') return {};
  const s = summary(wb, period.year, period.end);
  const costCentres: Record<string, ReturnType<typeof figures> & { name: string }> = {};
  for (const cc of s.byCostCentre) costCentres[cc.key] = { name: cc.label, ...figures(cc) };
  return {
    budget: {
      year: s.year,
      actualsUntil: period.end,
      ...figures(s.total),
      lines: s.lines.length,
      monthsBooked: s.forecastBasis.monthsBooked,
      rhythmYear: s.forecastBasis.rhythmYear,
      explanationsMissing: s.lines.filter((l) => l.explanationMissing).length,
      costCentres,
      accounts: Object.fromEntries(s.byAccount.map((a) => [a.key, { name: a.label, ...figures(a) }])),
    },
  };
};
