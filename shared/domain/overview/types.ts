import type { ForecastBasis } from '../budget/forecast.ts';
import type { AbsenceTrend } from '../absence/types.ts';
import type { FigureGapCode } from '../setup/types.ts';
import type { OccupationFigures, PositionStatus } from '../staff/formation.ts';

/**
 * The overview (start page of a department workbook) is a list of sections, each contributed by an
 * area: a provider in the backend (electron/backend/overview/registry.ts) and a component in the
 * renderer (renderer/src/areas/overview/sections.tsx), joined by the section's key.
 */

/** Where a highlight points the head to: "attention" (look at it) or "alert" (act on it). */
export type HighlightLevel = 'attention' | 'alert';

export interface Highlight {
  level: HighlightLevel;
  /** Dutch, complete without colour: "3 afwijkingen boven de rapportagegrens zonder toelichting". */
  text: string;
  /** A route in the app, e.g. "budget" or "bottlenecks?id=4". */
  route?: string;
}

export interface OverviewSection<D = unknown> {
  /** Stable key: budget, bottlenecks, formation, absence, poortwachter, … */
  key: string;
  title: string;
  /** The page with the details. */
  route: string | null;
  highlights: Highlight[];
  data: D;
}

export interface Overview {
  /** The day the figures are computed for (Poortwachter deadlines, ages of cases). */
  asOf: string;
  sections: OverviewSection[];
}

export interface CostCentreExhaustion {
  code: string;
  name: string;
  currentCents: number;
  actualCents: number;
  commitmentsCents: number;
  forecastCents: number;
  varianceCents: number;
  exhaustionPercent: number | null;
}

export interface UnexplainedVariance {
  id: number;
  costCentre: string;
  account: string;
  accountName: string;
  currentCents: number;
  forecastCents: number;
  varianceCents: number;
  variancePercent: number | null;
}

export interface BudgetOverviewData {
  year: number;
  /** What the forecasts rest on (months booked, the rhythm year). */
  forecastBasis: ForecastBasis;
  total: CostCentreExhaustion & { forecastPercent: number | null };
  byCostCentre: CostCentreExhaustion[];
  /** Cumulative actuals per month of the year (null after the last month with bookings) and the linear budget. */
  monthly: { months: string[]; cumulativeActualCents: Array<number | null>; linearBudgetCents: number[] };
  /** The largest variances above the reporting threshold without explanation, largest first. */
  unexplained: UnexplainedVariance[];
  unexplainedCount: number;
}

export interface BottleneckOverviewItem {
  id: number;
  identifier: string;
  title: string;
  category: string;
  status: string;
  priority: number;
  signalledOn: string;
  escalatedTo: string | null;
  escalatedDepartment: string | null;
  /** Days since it was signalled, on the overview's date. */
  ageDays: number;
}

export interface BottleneckOverviewData {
  byStatus: Record<string, number>;
  activeCount: number;
  escalatedCount: number;
  /** Open, in progress and escalated: escalated first, then by priority, then oldest. */
  active: BottleneckOverviewItem[];
}

export interface FormationOverviewCostCentre extends OccupationFigures {
  costCentre: string;
  name: string;
}

/** A position that is not exactly filled on the overview's date. */
export interface FormationOverviewPosition {
  positionId: number;
  code: string;
  functionTitle: string;
  costCentre: string;
  formationFte: number;
  occupiedFte: number;
  vacancyFte: number;
  overOccupationFte: number;
  status: Exclude<PositionStatus, 'filled'>;
}

export interface FormationOverviewData {
  /** The day formation and occupation are taken on (the overview's date). */
  date: string;
  /** False while the workbook has neither formation positions nor employees: the page says what to import. */
  hasStaff: boolean;
  /** Positions valid on the date. */
  positionCount: number;
  total: OccupationFigures;
  costCentres: FormationOverviewCostCentre[];
  /** Vacant, partly vacant and over-occupied positions, the largest difference first (at most a handful). */
  positions: FormationOverviewPosition[];
  /** How many positions are not exactly filled, including those left out of `positions`. */
  positionsOffCount: number;
  /** Cost centres with people but no formation recorded: their formation figures are not computed. */
  withoutFormation: string[];
  /** People working on the date who fill no position (none of their function on their cost centre). */
  unplacedCount: number;
}

/** Absence figures of one stretch of days, beside the same stretch a year earlier. */
export interface AbsenceOverviewFigure {
  /** "2027" (year to date), "2027-10" (month) or "2027-Q3" (quarter). */
  code: string;
  start: string;
  end: string;
  /** verzuimpercentage, null when nobody was employed. */
  percentage: number | null;
  /** meldingsfrequentie on a year basis. */
  frequency: number | null;
  /** Null, like the figures, when no absence is known for these days (`gap`). */
  reports: number | null;
  /** Why the figures are empty: no absence list yet, or none that reaches back to these days. */
  gap: FigureGapCode | null;
  previousYear: { start: string; end: string; percentage: number | null; gap: FigureGapCode | null };
  /** At or above the signal value `absenceAlertPercent` (compared as shown, to two decimals). */
  aboveAlert: boolean;
}

export interface AbsenceOverviewData {
  /** False while the workbook has no employees: there is nothing to compute. */
  hasEmployees: boolean;
  alertPercent: number;
  /** 1 January up to and including the overview's date. */
  yearToDate: AbsenceOverviewFigure;
  /** The last month and quarter that are complete on the overview's date. */
  lastMonth: AbsenceOverviewFigure;
  lastQuarter: AbsenceOverviewFigure;
  /** Cases of the department still running on the overview's date. */
  openCases: number;
  /** Monthly percentage of the overview's year beside the year before (as on the Verzuim page). */
  trend: AbsenceTrend;
}

/** A Poortwachter step that is overdue or due within the lead time; by case and personnel number only. */
export interface PoortwachterOverviewItem {
  /** The chain's latest case: the Poortwachter page opens its timeline. */
  caseId: number;
  caseNumber: string;
  personnelNumber: string;
  step: string;
  /** Dutch name of the step. */
  label: string;
  due: string;
  /** Negative = days overdue. */
  daysLeft: number;
}

export interface PoortwachterOverviewData {
  leadDays: number;
  /** Chains of sickness still running on the overview's date. */
  runningCases: number;
  overdue: PoortwachterOverviewItem[];
  overdueCount: number;
  dueSoon: PoortwachterOverviewItem[];
  dueSoonCount: number;
}
