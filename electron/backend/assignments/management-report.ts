import { formatPeriod } from '../../../shared/format/nl.ts';
import { isOpenStatus, KIND_LABELS, MOMENT_LABELS, STATUS_LABELS } from '../../../shared/domain/assignments/rules.ts';
import { SIGNAL_TEXTS } from '../../../shared/domain/assignments/signals.ts';
import { formatJudgementDay } from '../../../shared/format/nl.ts';
import type { ReportColumn, ReportValue } from '../management-report/model.ts';
import type { ManagementReportSectionProvider } from '../management-report/registry.ts';
import { assignmentsInPeriod, overdueMomentsOf } from './report.ts';

const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

/**
 * The assignments that ran in the quarter: ceiling against actuals to the quarter's end and open
 * commitments, status and signals; and the decision moments overdue at the quarter's end. A ZZP'er is a
 * person: the contractor of a ZZP assignment is named only when the head includes names.
 */
export const assignmentsManagementReportSection: ManagementReportSectionProvider = {
  key: 'assignments',
  order: 60,
  build(wb, { period, includeNames }) {
    const { asOf, items } = assignmentsInPeriod(wb, period);
    if (items.length === 0) return null;
    const overdue = overdueMomentsOf(items);
    const columns: ReportColumn[] = [
      { title: 'Opdracht', type: 'text', width: 1 },
      { title: 'Omschrijving', type: 'text', width: 2.2 },
      { title: 'Soort', type: 'text', width: 1.1 },
      { title: 'Opdrachtnemer', type: 'text', width: 1.4 },
      { title: 'Status', type: 'text', width: 0.9 },
      { title: 'Einddatum', type: 'date', width: 0.85 },
      { title: 'Plafond', type: 'money', width: 1 },
      { title: 'Realisatie', type: 'money', width: 1 },
      { title: 'Verplichtingen', type: 'money', width: 1 },
      { title: 'Benut', type: 'percent', width: 0.7 },
      { title: 'Signalen', type: 'text', width: 1.8 },
    ];
    const rows = items.map(({ row }): ReportValue[] => [
      row.code,
      row.title,
      KIND_LABELS[row.kind],
      row.kind === 'zzp' && !includeNames ? "(ZZP'er)" : row.contractor,
      STATUS_LABELS[row.status],
      row.endDate,
      row.ceilingCents,
      row.actualsCents,
      row.commitmentsCents,
      row.usedPercent,
      row.signals.map((s) => SIGNAL_TEXTS[s]).join('; '),
    ]);
    const sum = (pick: (e: (typeof items)[number]) => number) => items.reduce((s, e) => s + pick(e), 0);
    return {
      key: 'assignments',
      title: 'Opdrachten',
      blocks: [
        {
          kind: 'keyFigures',
          title: `Opdrachten in ${formatPeriod(period.code)}`,
          items: [
            { label: 'Lopend of in voorbereiding', value: items.filter((e) => isOpenStatus(e.row.status)).length, type: 'integer' },
            { label: 'Over het plafond', value: items.filter((e) => e.row.signals.includes('overCeiling')).length, type: 'integer' },
            { label: 'Beslismomenten verlopen', value: overdue.length, type: 'integer' },
            { label: 'Plafonds samen', value: sum((e) => e.row.ceilingCents), type: 'money' },
            { label: `Realisatie t/m ${dutchDate(period.end)}`, value: sum((e) => e.row.actualsCents), type: 'money' },
          ],
        },
        {
          kind: 'table',
          title: 'Opdrachten: plafond en realisatie',
          columns,
          rows,
          totals: ['Totaal', null, null, null, null, null, sum((e) => e.row.ceilingCents), sum((e) => e.row.actualsCents), sum((e) => e.row.commitmentsCents), null, null],
        },
        {
          kind: 'table',
          title: `Verlopen beslismomenten op ${formatJudgementDay(period, asOf)}`,
          columns: [
            { title: 'Opdracht', type: 'text', width: 1 },
            { title: 'Omschrijving', type: 'text', width: 3 },
            { title: 'Beslismoment', type: 'text', width: 1.2 },
            { title: 'Uiterlijk', type: 'date', width: 1 },
          ],
          rows: overdue.map((m) => [m.code, m.title, MOMENT_LABELS[m.kind], m.dueDate]),
          emptyText: 'Geen verlopen beslismomenten.',
        },
      ],
    };
  },
};
