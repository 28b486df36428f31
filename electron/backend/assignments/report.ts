import { isOpenStatus, MOMENT_LABELS } from '../../../shared/domain/assignments/rules.ts';
import type { Period } from '../../../shared/domain/period.ts';
import type { ReportSection } from '../report.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { asOfFor, evaluate, type Evaluated } from './service.ts';

/**
 * The assignments that ran in a period (their period overlaps it), with money booked up to the period's
 * end and signals as on the period's end (or today, for a period still running: `judgementDay`). Shared by `werkboek report`, the management report and the overview.
 */
export function assignmentsInPeriod(wb: Workbook, period: Pick<Period, 'start' | 'end' | 'year'>): { asOf: string; items: Evaluated[] } {
  const asOf = asOfFor(period);
  const items = evaluate(wb, { asOf, year: period.year, until: period.end }).filter((e) => e.row.startDate <= period.end && e.row.endDate >= period.start);
  return { asOf, items };
}

export function overdueMomentsOf(items: Evaluated[]) {
  return items.flatMap((e) =>
    e.moments.filter((m) => m.overdue).map((m) => ({ code: e.row.code, title: e.row.title, kind: m.kind, label: MOMENT_LABELS[m.kind], dueDate: m.dueDate })),
  );
}

/**
 * `werkboek report` keys of the assignments area (a public contract: add, never rename):
 * `assignments.open` (in preparation or running), `assignments.overCeiling` (actuals to the period's end
 * plus open commitments above the ceiling), `assignments.decisionsOverdue` (decision moments overdue),
 * `assignments.items` (one per assignment with at least code, status, ceilingCents, actualsCents).
 * No names of contractors or persons.
 */
export const assignmentsReportSection: ReportSection = (wb, period) => {
  if (wb.meta.kind !== 'department') return {};
  const { asOf, items } = assignmentsInPeriod(wb, period);
  const overdue = overdueMomentsOf(items);
  return {
    assignments: {
      asOf,
      actualsUntil: period.end,
      open: items.filter((e) => isOpenStatus(e.row.status)).length,
      overCeiling: items.filter((e) => e.row.signals.includes('overCeiling')).length,
      decisionsOverdue: overdue.length,
      overdueMoments: overdue.map((m) => ({ code: m.code, moment: m.kind, dueDate: m.dueDate })),
      items: items.map(({ row }) => ({
        code: row.code,
        kind: row.kind,
        status: row.status,
        startDate: row.startDate,
        endDate: row.endDate,
        budgetLines: row.budgetLines.map((l) => `${l.costCentre}/${l.account}`),
        ceilingCents: row.ceilingCents,
        actualsCents: row.actualsCents,
        commitmentsCents: row.commitmentsCents,
        usedPercent: row.usedPercent,
        overdueMoments: row.overdueMoments,
        signals: row.signals,
      })),
    },
  };
};
