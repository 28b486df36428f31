import type { BudgetOverviewData, Highlight } from '../../../shared/domain/overview/types.ts';
import { budgetOverview } from '../../../shared/domain/overview/figures.ts';
import { formatCents, formatPercent } from '../../../shared/format/nl.ts';
import { summary } from '../budget/service.ts';
import type { Workbook } from '../workbook/workbook.ts';
import type { OverviewSectionProvider } from './registry.ts';

/** Actuals per booking month of a year, in cents. */
export function actualsByMonth(wb: Workbook, year: number, until?: string): Map<string, number> {
  let query = wb.db
    .selectFrom('ledger_line as g')
    .innerJoin('budget_line as l', 'l.id', 'g.budget_line_id')
    .select((eb) => [eb.fn<string>('substr', ['g.booking_date', eb.val(1), eb.val(7)]).as('month'), eb.fn.sum<number>('g.amount_cents').as('cents')])
    .where('l.year', '=', year)
    .groupBy('month');
  if (until) query = query.where('g.booking_date', '<=', until);
  return new Map(wb.all(query).map((r) => [r.month, Number(r.cents)]));
}

export function budgetHighlights(data: BudgetOverviewData): Highlight[] {
  const highlights: Highlight[] = [];
  if (data.total.varianceCents < 0) {
    highlights.push({
      level: 'alert',
      text: `De prognose (${formatCents(data.total.forecastCents, { whole: true })}) overschrijdt de actuele begroting met ${formatCents(-data.total.varianceCents, { whole: true })}.`,
      route: 'budget',
    });
  }
  if (data.unexplainedCount > 0) {
    highlights.push({ level: 'attention', text: `${data.unexplainedCount} afwijking(en) boven de rapportagegrens zonder toelichting.`, route: 'budget' });
  }
  for (const cc of data.byCostCentre) {
    if (cc.exhaustionPercent !== null && cc.exhaustionPercent > 100) {
      highlights.push({ level: 'alert', text: `Kostenplaats ${cc.code} is voor ${formatPercent(cc.exhaustionPercent)} uitgeput (realisatie en verplichtingen).`, route: 'budget' });
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
    return { key: 'budget', title: `Begroting ${year}`, route: 'budget', highlights: budgetHighlights(data), data };
  },
};
