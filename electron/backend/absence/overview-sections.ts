import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { computeAbsenceMetrics, type EmployeeInput } from '../../../shared/domain/absence/metrics.ts';
import type { DurationBands } from '../../../shared/domain/absence/settings.ts';
import { absenceOverviewPeriods, isAboveAlert, poortwachterOverview, type AbsencePeriodChoice } from '../../../shared/domain/overview/people.ts';
import type { AbsenceOverviewData, AbsenceOverviewFigure, Highlight, PoortwachterOverviewData } from '../../../shared/domain/overview/types.ts';
import { formatDate, formatPercent } from '../../../shared/format/nl.ts';
import type { OverviewSectionProvider } from '../overview/registry.ts';
import { absenceCoverage, absenceGap, type AbsenceCoverage } from './coverage.ts';
import { absenceTrend, loadMetricsInput } from './metrics.ts';
import { attentionOn, poortwachterChainsOn } from './poortwachter-status.ts';
import { periodWords, tr, wordOr } from '../words.ts';

interface MetricsScope {
  input: EmployeeInput[];
  bands: DurationBands;
  scope: ReadonlySet<string>;
  coverage: AbsenceCoverage;
  fiscalYear: number;
}

function totalOf(m: MetricsScope, range: { start: string; end: string; months: number }) {
  return computeAbsenceMetrics(m.input, { start: dayNumber(range.start), end: dayNumber(range.end), months: range.months }, { bands: m.bands, scope: m.scope }).total;
}

/** A stretch's figures beside the year before; either is left empty, with its reason, when no absence is known for its days. */
function figure(m: MetricsScope, choice: AbsencePeriodChoice, alertPercent: number, current = totalOf(m, choice)): AbsenceOverviewFigure {
  const gap = absenceGap(m.coverage, m.fiscalYear, choice);
  const previousGap = absenceGap(m.coverage, m.fiscalYear, choice.previousYear);
  const percentage = gap ? null : current.percentage;
  return {
    code: choice.code,
    start: choice.start,
    end: choice.end,
    percentage,
    frequency: gap ? null : current.frequency,
    reports: gap ? null : current.reports,
    gap,
    previousYear: { start: choice.previousYear.start, end: choice.previousYear.end, percentage: previousGap ? null : totalOf(m, choice.previousYear).percentage, gap: previousGap },
    aboveAlert: isAboveAlert(percentage, alertPercent),
  };
}

/** A step's name in the current language (the same words as the Poortwachter page), from its stored key. */
function stepLabel(item: { step: string; label: string }): string {
  const evaluation = /^evaluation-(\d+)$/.exec(item.step);
  if (evaluation) return tr('poortwachter.evaluation', { n: evaluation[1] });
  return wordOr(`poortwachter.milestones.${item.step}`, item.label);
}

/** "2027 t/m 15-06-2027", "mei 2027", "2e kwartaal 2027" */
export function absenceFigureLabel(f: Pick<AbsenceOverviewFigure, 'code' | 'end'>): string {
  return /^\d{4}$/.test(f.code) ? tr('periodWords.yearUpTo', { year: f.code, date: formatDate(f.end) }) : periodWords(f.code);
}

/**
 * One signal when absence is at or above the signal value: an alert when the year to date is, else
 * attention for the last complete month or quarter. The text names every figure that is above it.
 */
export function absenceHighlights(data: AbsenceOverviewData): Highlight[] {
  if (!data.hasEmployees) return [];
  const above = [data.yearToDate, data.lastQuarter, data.lastMonth].filter((f) => f.aboveAlert);
  if (above.length === 0) return [];
  const parts = above.map((f) => `${absenceFigureLabel(f)} ${formatPercent(f.percentage, 2)}`);
  return [
    {
      level: data.yearToDate.aboveAlert ? 'alert' : 'attention',
      text: tr('signals.absenceAlert', { alert: formatPercent(data.alertPercent, 1), parts: parts.join('; ') }),
      route: 'absence',
    },
  ];
}

/**
 * Absence of the year to date and of the last complete month and quarter, each beside the same days a
 * year earlier, and the monthly trend of the overview's year against the year before.
 */
export const absenceOverviewSection: OverviewSectionProvider = {
  key: 'absence',
  order: 30,
  workbookKinds: ['department'],
  build(wb, { asOf, settings }) {
    const input = loadMetricsInput(wb);
    const m: MetricsScope = { input, bands: settings.absenceDurationBands, scope: new Set(wb.departmentCostCentres()), coverage: absenceCoverage(wb), fiscalYear: wb.meta.fiscal_year };
    const periods = absenceOverviewPeriods(asOf);
    const alertPercent = settings.absenceAlertPercent;
    const yearToDate = totalOf(m, periods.yearToDate);
    const data: AbsenceOverviewData = {
      hasEmployees: input.length > 0,
      alertPercent,
      yearToDate: figure(m, periods.yearToDate, alertPercent, yearToDate),
      lastMonth: figure(m, periods.lastMonth, alertPercent),
      lastQuarter: figure(m, periods.lastQuarter, alertPercent),
      // Cases running at the end of the year to date: on the peildatum.
      openCases: yearToDate.openCases,
      trend: absenceTrend(wb, Number(asOf.slice(0, 4)), asOf, input),
    };
    return { key: 'absence', title: tr('overviewSections.absence'), route: 'absence', highlights: absenceHighlights(data), data };
  },
};

/** Overdue steps are an alert (one signal, pointing at the case when there is one); steps due soon ask attention. */
export function poortwachterHighlights(data: PoortwachterOverviewData): Highlight[] {
  const highlights: Highlight[] = [];
  if (data.overdueCount === 1) {
    const item = data.overdue[0];
    highlights.push({ level: 'alert', text: tr('signals.stepOverdue', { step: stepLabel(item), caseNumber: item.caseNumber, personnelNumber: item.personnelNumber, due: formatDate(item.due) }), route: `poortwachter?case=${item.caseId}` });
  } else if (data.overdueCount > 1) {
    highlights.push({ level: 'alert', text: tr('signals.stepsOverdue', { count: data.overdueCount }), route: 'poortwachter' });
  }
  if (data.dueSoonCount > 0) {
    highlights.push({ level: 'attention', text: tr('signals.stepsDueSoon', { count: data.dueSoonCount, days: data.leadDays }), route: 'poortwachter' });
  }
  return highlights;
}

/**
 * Steps overdue or due within `poortwachterLeadDays` on the overview's date, in cases still running
 * then. For today this is the Poortwachter page's attention list; for an earlier date, the cases and
 * the steps done as they stood on it.
 */
export const poortwachterOverviewSection: OverviewSectionProvider = {
  key: 'poortwachter',
  order: 40,
  workbookKinds: ['department'],
  build(wb, { asOf, settings }) {
    const leadDays = settings.poortwachterLeadDays;
    const chains = poortwachterChainsOn(wb, asOf, leadDays);
    const data = poortwachterOverview({ leadDays, ...attentionOn(chains, leadDays) }, chains.filter((c) => c.running).length);
    return { key: 'poortwachter', title: tr('overviewSections.poortwachter'), route: 'poortwachter', highlights: poortwachterHighlights(data), data };
  },
};
