import type { BudgetSummary } from '../budget/types.ts';
import { percentOf } from '../budget/figures.ts';
import { daysBetweenInclusive } from '../period.ts';
import { ACTIVE_STATUSES, type BottleneckRow, type BottleneckStatus } from '../bottlenecks/types.ts';
import type { BottleneckOverviewData, BottleneckOverviewItem, BudgetOverviewData, CostCentreExhaustion, UnexplainedVariance } from './types.ts';

/** Pure computations behind the overview's figures, so they can be checked on small hand-made cases. */

/** Dutch month abbreviations as in Dutch reports (mrt, not maa). */
export const MONTH_ABBREVIATIONS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Running total of actuals per month. Months after the last month with bookings (or after `until`)
 * are null: no line is drawn into the future.
 */
export function cumulativeByMonth(months: string[], actualByMonth: Map<string, number>, until?: string): Array<number | null> {
  const booked = [...actualByMonth.keys()].filter((m) => months.includes(m)).sort();
  const last = until ? until.slice(0, 7) : booked[booked.length - 1];
  let running = 0;
  return months.map((month) => {
    if (!last || month > last) return null;
    running += actualByMonth.get(month) ?? 0;
    return running;
  });
}

/** Where spending would be if the current budget were spent evenly over the year: current × m / 12. */
export function linearBudget(currentCents: number, months = 12): number[] {
  return Array.from({ length: months }, (_, i) => Math.round((currentCents * (i + 1)) / months));
}

export function largestUnexplained(summary: BudgetSummary, limit: number): UnexplainedVariance[] {
  return summary.lines
    .filter((line) => line.explanationMissing)
    .sort((a, b) => Math.abs(b.varianceCents) - Math.abs(a.varianceCents) || a.costCentre.localeCompare(b.costCentre) || a.account.localeCompare(b.account))
    .slice(0, limit)
    .map((line) => ({
      id: line.id,
      costCentre: line.costCentre,
      account: line.account,
      accountName: line.accountName,
      currentCents: line.currentCents,
      forecastCents: line.forecastCents,
      varianceCents: line.varianceCents,
      variancePercent: line.variancePercent,
    }));
}

export function budgetOverview(summary: BudgetSummary, actualByMonth: Map<string, number>, limit = 5): BudgetOverviewData {
  const toExhaustion = (t: BudgetSummary['total'], code: string, name: string): CostCentreExhaustion => ({
    code,
    name,
    currentCents: t.currentCents,
    actualCents: t.actualCents,
    commitmentsCents: t.commitmentsCents,
    forecastCents: t.forecastCents,
    varianceCents: t.varianceCents,
    exhaustionPercent: t.exhaustionPercent,
  });
  const months = monthsOfYear(summary.year);
  return {
    year: summary.year,
    forecastBasis: summary.forecastBasis,
    total: { ...toExhaustion(summary.total, 'totaal', 'Totaal'), forecastPercent: percentOf(summary.total.forecastCents, summary.total.currentCents) },
    byCostCentre: summary.byCostCentre.map((cc) => toExhaustion(cc, cc.key, cc.label)),
    monthly: { months, cumulativeActualCents: cumulativeByMonth(months, actualByMonth), linearBudgetCents: linearBudget(summary.total.currentCents) },
    unexplained: largestUnexplained(summary, limit),
    unexplainedCount: summary.lines.filter((l) => l.explanationMissing).length,
  };
}

const STATUS_ORDER: Record<BottleneckStatus, number> = { geescaleerd: 0, open: 1, in_behandeling: 1, opgelost: 2, vervallen: 2 };

export function bottleneckOverview(rows: BottleneckRow[], asOf: string, limit = 10): BottleneckOverviewData {
  const byStatus: Record<string, number> = { open: 0, in_behandeling: 0, geescaleerd: 0, opgelost: 0, vervallen: 0 };
  for (const row of rows) byStatus[row.status] += 1;
  const active = rows
    .filter((row) => ACTIVE_STATUSES.includes(row.status))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.priority - a.priority || a.signalledOn.localeCompare(b.signalledOn) || a.identifier.localeCompare(b.identifier));
  const items: BottleneckOverviewItem[] = active.slice(0, limit).map((row) => ({
    id: row.id,
    identifier: row.identifier,
    title: row.title,
    category: row.category,
    status: row.status,
    priority: row.priority,
    signalledOn: row.signalledOn,
    escalatedTo: row.escalatedTo,
    escalatedDepartment: row.escalatedDepartment,
    ageDays: Math.max(0, daysBetweenInclusive(row.signalledOn, asOf) - 1),
  }));
  return { byStatus, activeCount: active.length, escalatedCount: byStatus.geescaleerd, active: items };
}
