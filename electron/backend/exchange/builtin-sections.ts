import type { FinanceLine } from '../../../shared/exchange/schema.ts';
import { forecastBasis, summary, thresholdOf } from '../budget/service.ts';
import type { PackageSection } from './sections.ts';

/** Finance summary: what the budget was based on (year, actuals date, the reporting threshold applied, the months the forecasts count as booked). */
export const financeBasisSection: PackageSection = {
  kind: 'finance-summary',
  key: 'basis',
  area: 'budget',
  build: (wb, period) => {
    const basis = forecastBasis(wb, period.year, period.end);
    return { year: period.year, periodStart: period.start, periodEnd: period.end, actualsUntil: period.end, threshold: thresholdOf(wb), monthsBooked: basis.monthsBooked, rhythmYear: basis.rhythmYear };
  },
};

export const financeCostCentresSection: PackageSection = {
  kind: 'finance-summary',
  key: 'costCentres',
  area: 'budget',
  build: (wb) => wb.all(wb.db.selectFrom('cost_centre').select(['code', 'name', 'taakveld']).where('active', '=', 1).orderBy('code')),
};

/**
 * Per cost centre × ledger account of the period's year: the budget as it stands at export, actuals up to
 * the period's end, open commitments, the forecast, the variance and its explanation (the same figures
 * as the budget page and `werkboek report`).
 */
export const financeLinesSection: PackageSection = {
  kind: 'finance-summary',
  key: 'lines',
  area: 'budget',
  build: (wb, period) =>
    summary(wb, period.year, period.end).lines.map<FinanceLine>((line) => ({
      costCentre: line.costCentre,
      account: line.account,
      accountName: line.accountName,
      kind: line.kind,
      taakveld: line.taakveld,
      primitiveCents: line.primitiveCents,
      revisionsCents: line.revisionsCents,
      currentCents: line.currentCents,
      actualCents: line.actualCents,
      commitmentsCents: line.commitmentsCents,
      forecastCents: line.forecastCents,
      varianceCents: line.varianceCents,
      forecastOverridden: line.forecastOverrideCents !== null,
      forecastMethod: line.forecastMethod,
      forecastNote: line.forecastNote,
      explanation: line.explanation,
      explanationRequired: line.explanationRequired,
    })),
};

/** The HR summary's sections come from the staff and absence areas (their package-sections.ts). */
export const builtinSections: PackageSection[] = [financeBasisSection, financeCostCentresSection, financeLinesSection];
