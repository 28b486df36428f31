import { isOpenStatus, MOMENT_LABELS, STATUS_LABELS } from '../../../shared/domain/assignments/rules.ts';
import { ALERT_SIGNALS } from '../../../shared/domain/assignments/signals.ts';
import { BENCHMARK_INDICATORS, type AssignmentsOverviewData, type BenchmarksOverviewData } from '../../../shared/domain/assignments/types.ts';
import type { Highlight } from '../../../shared/domain/overview/types.ts';
import { formatCents, formatDate, formatPercent } from '../../../shared/format/nl.ts';
import type { OverviewSectionProvider } from '../overview/registry.ts';
import { listBenchmarks, ownFigures } from './benchmarks.ts';
import { evaluate } from './service.ts';
import { tr, wordOr } from '../words.ts';

const DBA = ['dbaLong', 'dbaNoResult', 'dbaFillsPosition'] as const;

export function assignmentsOverview(rows: ReturnType<typeof evaluate>, asOf: string): AssignmentsOverviewData {
  const live = rows.filter((e) => !e.row.deleted);
  const shown = live.filter((e) => isOpenStatus(e.row.status) || e.row.signals.length > 0);
  const weight = (signals: string[]) => signals.filter((s) => (ALERT_SIGNALS as readonly string[]).includes(s)).length * 10 + signals.length;
  shown.sort((a, b) => weight(b.row.signals) - weight(a.row.signals) || a.row.endDate.localeCompare(b.row.endDate) || a.row.code.localeCompare(b.row.code));
  const overdueMoments = live.flatMap((e) => e.moments.filter((m) => m.overdue).map((m) => ({ assignmentId: e.row.id, code: e.row.code, title: e.row.title, kind: m.kind, dueDate: m.dueDate })));
  overdueMoments.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code));
  return {
    asOf,
    counts: {
      open: live.filter((e) => isOpenStatus(e.row.status)).length,
      overCeiling: live.filter((e) => e.row.signals.includes('overCeiling')).length,
      overdueMoments: overdueMoments.length,
      pastEnd: live.filter((e) => e.row.signals.includes('pastEnd')).length,
      dba: live.filter((e) => e.row.signals.some((s) => (DBA as readonly string[]).includes(s))).length,
    },
    items: shown.map(({ row }) => ({
      id: row.id,
      code: row.code,
      title: row.title,
      kind: row.kind,
      status: row.status,
      endDate: row.endDate,
      ceilingCents: row.ceilingCents,
      usedCents: row.usedCents,
      usedPercent: row.usedPercent,
      signals: row.signals,
    })),
    overdueMoments,
  };
}

/** Dutch signals, complete without colour; each points at the assignment. */
export function assignmentHighlights(rows: ReturnType<typeof evaluate>, zzpFlagMonths: number): Highlight[] {
  const highlights: Highlight[] = [];
  for (const { row, moments } of rows) {
    if (row.deleted) continue;
    const route = `assignments?id=${row.id}`;
    if (row.signals.includes('overCeiling')) {
      highlights.push({ level: 'alert', text: tr('signals.overCeiling', { code: row.code, used: formatCents(row.usedCents), ceiling: formatCents(row.ceilingCents), percent: formatPercent(row.usedPercent) }), route });
    }
    for (const m of moments.filter((x) => x.overdue)) {
      highlights.push({ level: 'alert', text: tr('signals.momentOverdue', { code: row.code, moment: wordOr(`assignments.momentKinds.${m.kind}`, MOMENT_LABELS[m.kind]), due: formatDate(m.dueDate) }), route });
    }
    if (row.signals.includes('pastEnd')) {
      highlights.push({ level: 'attention', text: tr('signals.endPassed', { code: row.code, end: formatDate(row.endDate), status: wordOr(`assignments.statuses.${row.status}`, STATUS_LABELS[row.status]).toLowerCase() }), route });
    }
    if (row.signals.includes('dbaLong')) highlights.push({ level: 'attention', text: tr('signals.dbaLong', { code: row.code, months: zzpFlagMonths }), route });
    if (row.signals.includes('dbaNoResult')) highlights.push({ level: 'attention', text: tr('signals.dbaNoResult', { code: row.code }), route });
    if (row.signals.includes('dbaFillsPosition')) highlights.push({ level: 'attention', text: tr('signals.dbaFillsPosition', { code: row.code }), route });
    if (row.signals.includes('ambiguousLedger')) {
      highlights.push({ level: 'attention', text: tr('signals.ambiguousLines', { code: row.code, count: row.ambiguousLines }), route });
    }
  }
  return highlights;
}

export const assignmentsOverviewSection: OverviewSectionProvider = {
  key: 'assignments',
  order: 60,
  workbookKinds: ['department'],
  build(wb, ctx) {
    const rows = evaluate(wb, { asOf: ctx.asOf });
    if (rows.length === 0) return null;
    return { key: 'assignments', title: tr('overviewSections.assignments'), route: 'assignments', highlights: assignmentHighlights(rows, ctx.settings.zzpFlagMonths), data: assignmentsOverview(rows, ctx.asOf) };
  },
};

/** The department's absence percentage, bezettingsgraad and inhuurpercentage beside the reference figures (none of its own: no section). */
export const benchmarksOverviewSection: OverviewSectionProvider = {
  key: 'benchmarks',
  order: 70,
  workbookKinds: ['department'],
  build(wb, ctx) {
    const own = ownFigures(wb, ctx.asOf);
    // Without staff, formation or hire there is nothing of the department's own to compare.
    if (Object.values(own.values).every((v) => v === null)) return null;
    const references = listBenchmarks(wb);
    const data: BenchmarksOverviewData = {
      date: own.date,
      from: own.from,
      indicators: BENCHMARK_INDICATORS.map((indicator) => ({ indicator, own: own.values[indicator], gap: own.gaps[indicator], references: references.filter((r) => r.indicator === indicator).sort((a, b) => b.year - a.year) })),
    };
    return { key: 'benchmarks', title: tr('overviewSections.benchmarks'), route: null, highlights: [], data };
  },
};
