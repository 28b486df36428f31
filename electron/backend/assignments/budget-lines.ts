import { ceilingPartInYear } from '../../../shared/domain/assignments/money.ts';
import type { BudgetLineAssignments } from '../../../shared/domain/assignments/types.ts';
import { summary } from '../budget/service.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { evaluate, today } from './service.ts';

/**
 * How much of each budget line of a year is committed to assignments: the ceilings of the assignments
 * whose main line it is, for the part of their period that falls in the year (pro rata by days), beside
 * the assignments' actuals booked on the line in that year. Cancelled assignments commit nothing.
 */
export function assignmentsByBudgetLine(wb: Workbook, year = wb.meta.fiscal_year): BudgetLineAssignments[] {
  wb.requireKind('department');
  const lines = new Map<string, BudgetLineAssignments>();
  for (const l of summary(wb, year).lines) {
    lines.set(`${l.costCentre}|${l.account}`, {
      budgetLineId: l.id,
      costCentre: l.costCentre,
      account: l.account,
      accountName: l.accountName,
      currentCents: l.currentCents,
      committedCents: 0,
      actualsCents: 0,
      freeCents: 0,
      committedPercent: null,
      assignments: [],
    });
  }
  const line = (costCentre: string, account: string) => {
    const key = `${costCentre}|${account}`;
    let entry = lines.get(key);
    if (!entry) {
      entry = { budgetLineId: null, costCentre, account, accountName: '', currentCents: 0, committedCents: 0, actualsCents: 0, freeCents: 0, committedPercent: null, assignments: [] };
      lines.set(key, entry);
    }
    return entry;
  };
  for (const { row, allocation } of evaluate(wb, { asOf: today(), year })) {
    const runsInYear = row.startDate <= `${year}-12-31` && row.endDate >= `${year}-01-01`;
    const main = row.budgetLines[0];
    if (main && runsInYear && row.status !== 'vervallen') {
      const entry = line(main.costCentre, main.account);
      entry.committedCents += ceilingPartInYear(row.ceilingCents, row.startDate, row.endDate, year);
      entry.assignments.push(row.code);
    }
    for (const { entry } of allocation.ledger.counted) {
      if (entry.year !== year) continue;
      const target = line(entry.costCentre, entry.account);
      target.actualsCents += entry.amountCents;
      if (!target.assignments.includes(row.code)) target.assignments.push(row.code);
    }
  }
  return [...lines.values()]
    .filter((l) => l.assignments.length > 0)
    .map((l) => ({ ...l, freeCents: l.currentCents - l.committedCents, committedPercent: l.currentCents === 0 ? null : Math.round((l.committedCents / l.currentCents) * 10_000) / 100 }))
    .sort((a, b) => a.costCentre.localeCompare(b.costCentre) || a.account.localeCompare(b.account));
}
