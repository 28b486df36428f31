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

/** Section keys the overview expects from areas; the renderer keeps a slot for each. */
export const OVERVIEW_SLOTS = ['budget', 'formation', 'absence', 'poortwachter', 'bottlenecks'] as const;

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
