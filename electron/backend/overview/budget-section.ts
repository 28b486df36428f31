import type { BudgetOverviewData, Highlight } from '../../../shared/domain/overview/types.ts';
import { budgetOverview } from '../../../shared/domain/overview/figures.ts';
import { parsePeriod } from '../../../shared/domain/period.ts';
import { formatCents, formatPercent } from '../../../shared/format/nl.ts';
import { summary } from '../budget/service.ts';
import type { Workbook } from '../workbook/workbook.ts';
import type { OverviewSectionProvider } from './registry.ts';
import { tr } from '../words.ts';

/**
 * Actuals per booking month of a year, in cents, from the per-month totals the import keeps; with
 * `until` inside a month, that month is summed from its ledger lines up to that date.
 */
export function actualsByMonth(wb: Workbook, year: number, until?: string): Map<string, number> {
  let query = wb.db
    .selectFrom('ledger_month as m')
    .innerJoin('budget_line as l', 'l.id', 'm.budget_line_id')
    .select((eb) => ['m.month', eb.fn.sum<number>('m.amount_cents').as('cents')])
    .where('l.year', '=', year)
    .groupBy('m.month');
  // A date before its month's last day: that month is partly counted, from its lines.
  const partialUntil = until && until < parsePeriod(until.slice(0, 7))!.end ? until : undefined;
  if (until) query = query.where('m.month', partialUntil ? '<' : '<=', until.slice(0, 7));
  const months = new Map(wb.all(query).map((r) => [r.month, Number(r.cents)]));
  if (partialUntil) {
    const month = partialUntil.slice(0, 7);
    const partial = wb.first(
      wb.db
        .selectFrom('ledger_line')
        .select((eb) => eb.fn.sum<number>('amount_cents').as('cents'))
        .where('year', '=', year)
        .where('booking_date', '>=', `${month}-01`)
        .where('booking_date', '<=', partialUntil),
    );
    if (partial?.cents !== null && partial?.cents !== undefined) months.set(month, Number(partial.cents));
  }
  return months;
}

export function budgetHighlights(data: BudgetOverviewData): Highlight[] {
  const highlights: Highlight[] = [];
  if (data.total.varianceCents < 0) {
    highlights.push({
      level: 'alert',
      text: tr('signals.forecastOverBudget', { forecast: formatCents(data.total.forecastCents, { whole: true }), over: formatCents(-data.total.varianceCents, { whole: true }) }),
      route: 'budget',
    });
  }
  if (data.unexplainedCount > 0) {
    highlights.push({ level: 'attention', text: tr('signals.unexplained', { count: data.unexplainedCount }), route: 'budget' });
  }
  for (const cc of data.byCostCentre) {
    if (cc.exhaustionPercent !== null && cc.exhaustionPercent > 100) {
      highlights.push({ level: 'alert', text: tr('signals.costCentreExhausted', { code: cc.code, percent: formatPercent(cc.exhaustionPercent) }), route: 'budget' });
    }
  }
  return highlights;
}

export const budgetOverviewSection: OverviewSectionProvider = {
  key: 'budget',
  order: 10,
  workbookKinds: ['department'],
  build(wb) {
    const year = wb.meta.fiscal_year;
    const data = budgetOverview(summary(wb, year), actualsByMonth(wb, year));
    return { key: 'budget', title: tr('overviewSections.budget', { year }), route: 'budget', highlights: budgetHighlights(data), data };
  },
};
