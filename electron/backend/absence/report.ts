import { BAND_KEYS } from '../../../shared/domain/absence/bands.ts';
import { localToday } from '../../../shared/domain/absence/days.ts';
import type { AbsenceFigures } from '../../../shared/domain/absence/metrics.ts';
import type { AttentionItem } from '../../../shared/domain/absence/types.ts';
import type { FigureGapCode } from '../../../shared/domain/setup/types.ts';
import type { ReportSection } from '../report.ts';
import { judgementDay } from '../../../shared/domain/period.ts';
import { absenceMetrics } from './metrics.ts';
import { attentionOn, poortwachterChainsOn } from './poortwachter-status.ts';

const round = (value: number | null, decimals = 2) => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

/** Figures that mean nothing without absence data: null, with a `…Reason` key beside each (docs/cli.md). */
const GAPPED = ['percentage', 'frequency', 'averageDurationDays', 'zeroAbsencePercentage'] as const;

function figures(f: AbsenceFigures, ranges: ReturnType<typeof absenceMetrics>['bandRanges'], gap: FigureGapCode | null) {
  const known = (value: number | null) => (gap ? null : value);
  return {
    percentage: known(round(f.percentage)),
    frequency: known(round(f.frequency)),
    reports: f.reports,
    averageDurationDays: known(round(f.averageDurationDays, 1)),
    ...(gap ? Object.fromEntries(GAPPED.map((k) => [`${k}Reason`, gap])) : {}),
    closedCases: f.closedCases,
    zeroAbsencePercentage: known(round(f.zeroAbsencePercentage)),
    employees: f.employees,
    employeesWithAbsence: f.employeesWithAbsence,
    averageHeadcount: round(f.averageHeadcount),
    sickDays: round(f.sickDays, 4),
    availableDays: round(f.availableDays, 4),
    personDays: f.personDays,
    durationBands: Object.fromEntries(BAND_KEYS.map((key) => [key, { ...ranges[key], cases: f.bands[key].cases, percentage: round(f.bands[key].percentage) }])),
  };
}

const item = (i: AttentionItem) => ({ caseNumber: i.caseNumber, personnelNumber: i.personnelNumber, step: i.step, label: i.label, due: i.due, daysLeft: i.daysLeft });

/**
 * `absence.*`: the metrics of the period (department and per cost centre); `poortwachter.*`: the
 * steps overdue and due within 28 days on the period's judgement day `poortwachter.asOf` (its last day, or
 * today while it still runs), by the rule the HR package and the central consolidation share.
 */
export const absenceReportSection: ReportSection = (wb, period) => {
  if (wb.meta.kind !== 'department') return {};
  const today = localToday();
  const metrics = absenceMetrics(wb, period, today);
  const asOf = judgementDay(period, today);
  const attention = attentionOn(poortwachterChainsOn(wb, asOf, 28), 28);
  return {
    absence: {
      ...figures(metrics.department, metrics.bandRanges, metrics.gap),
      openCases: metrics.openCases,
      costCentres: Object.fromEntries(metrics.costCentres.map((c) => [c.code, { name: c.name, ...figures(c.figures, metrics.bandRanges, metrics.gap) }])),
    },
    poortwachter: {
      asOf,
      overdue: attention.overdue.map(item),
      dueNext28Days: attention.dueSoon.map(item),
    },
  };
};
