import { ApiError } from '../../../shared/api/errors.ts';
import { bandRanges } from '../../../shared/domain/absence/bands.ts';
import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { computeAbsenceMetrics, emptyFigures, type EmployeeInput, type MetricsPeriod } from '../../../shared/domain/absence/metrics.ts';
import type { AbsenceMetricsView, AbsenceTrend, TrendMonth } from '../../../shared/domain/absence/types.ts';
import { parsePeriod, type Period } from '../../../shared/domain/period.ts';
import { getSettings } from '../workbook/settings.ts';
import { absenceCoverage, absenceGap } from './coverage.ts';
import type { Workbook } from '../workbook/workbook.ts';

/** Until the staff area has its setting, the normal week is read under the key it will have. */
export function normalWeekHours(wb: Workbook): number {
  const hours = wb.getSetting<number>('normalWeekHours', 36);
  return typeof hours === 'number' && hours > 0 ? hours : 36;
}

/** SQLite turns an ISO date into our day number (days since 1970-01-01) itself: no parsing in JavaScript. */
const DAY = (column: string) => `CAST(julianday(${column}) - 2440587.5 AS INTEGER)`;

/**
 * Everything the metrics need, in the compact form of shared/domain/absence/metrics.ts: per employee
 * the employment, the terms as part-time factor and cost centre from a date, and the sickness cases
 * with their episodes. Deleted cases and pregnancy/maternity leave are left out here. Read as raw
 * rows with prepared statements: ten years of 5,000 staff is a few hundred thousand rows.
 */
export function loadMetricsInput(wb: Workbook): EmployeeInput[] {
  const normalWeek = normalWeekHours(wb);
  const byId = new Map<number, EmployeeInput>();
  const employees = wb.statement(`SELECT id, ${DAY('start_date')}, CASE WHEN end_date IS NULL THEN NULL ELSE ${DAY('end_date')} END FROM employee ORDER BY id`).raw(true).all() as Array<[number, number, number | null]>;
  for (const [id, from, to] of employees) byId.set(id, { id, employment: [{ from, to }], terms: [], cases: [] });
  const terms = wb.statement(`SELECT employee_id, ${DAY('valid_from')}, hours_per_week, cost_centre FROM employee_terms ORDER BY employee_id, valid_from`).raw(true).all() as Array<[number, number, number, string]>;
  for (const [employeeId, from, hours, costCentre] of terms) byId.get(employeeId)?.terms.push({ from, factor: hours / normalWeek, costCentre });
  const episodes = wb
    .statement(
      `SELECT c.employee_id, c.id, ${DAY('c.first_day')}, CASE WHEN c.last_day IS NULL THEN NULL ELSE ${DAY('c.last_day')} END, ${DAY('e.from_date')}, e.percentage
       FROM absence_case c JOIN absence_episode e ON e.case_id = c.id
       WHERE c.deleted_at IS NULL AND c.kind = 'sickness'
       ORDER BY c.employee_id, c.first_day, c.id, e.from_date`,
    )
    .raw(true)
    .all() as Array<[number, number, number, number | null, number, number]>;
  let current = null as EmployeeInput['cases'][number] | null;
  for (const [employeeId, caseId, firstDay, lastDay, from, percentage] of episodes) {
    if (current?.id !== caseId) {
      current = { id: caseId, firstDay, lastDay, episodes: [] };
      byId.get(employeeId)?.cases.push(current);
    }
    current.episodes.push({ from, fraction: percentage / 100 });
  }
  return [...byId.values()];
}

function toMetricsPeriod(period: Period): MetricsPeriod {
  return { start: dayNumber(period.start), end: dayNumber(period.end), months: period.months };
}

export function requirePeriod(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw new ApiError('invalid_input', `Periode "${code}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  return period;
}

/** The department's figures for a period, and per cost centre of the department. */
export function absenceMetrics(wb: Workbook, period: Period, today: string, input = loadMetricsInput(wb)): AbsenceMetricsView {
  wb.requireKind('department');
  const bands = getSettings(wb).absenceDurationBands;
  const departmentCostCentres = wb.all(wb.db.selectFrom('cost_centre').select(['code', 'name']).where('active', '=', 1).orderBy('code'));
  const scope = new Set(departmentCostCentres.map((c) => c.code));
  const metricsPeriod = toMetricsPeriod(period);
  const result = computeAbsenceMetrics(input, metricsPeriod, { bands, scope, perCostCentre: true });
  return {
    period: { code: period.code, start: period.start, end: period.end, months: period.months, days: period.days },
    department: result.total,
    costCentres: departmentCostCentres.map((c) => ({ code: c.code, name: c.name, figures: result.costCentres.get(c.code) ?? emptyFigures(metricsPeriod) })),
    bands,
    bandRanges: bandRanges(bands),
    extendsBeyondToday: period.end > today,
    openCases: result.total.openCases,
    gap: absenceGap(absenceCoverage(wb), wb.meta.fiscal_year, period),
  };
}

/**
 * Monthly percentage and report frequency of a year beside the year before; months not yet begun stay
 * empty, and so do months of which no absence is known (absence/coverage.ts: `gap`, `lastYearGap`).
 * `loaded` lets a caller that already read the metrics input (the overview) pass it on.
 */
export function absenceTrend(wb: Workbook, year: number, today: string, loaded?: EmployeeInput[]): AbsenceTrend {
  wb.requireKind('department');
  const bands = getSettings(wb).absenceDurationBands;
  const scope = new Set(wb.departmentCostCentres());
  const input = loaded ?? loadMetricsInput(wb);
  const coverage = absenceCoverage(wb);
  const fiscalYear = wb.meta.fiscal_year;
  const yearGap = (y: number) => absenceGap(coverage, fiscalYear, { start: `${y}-01-01`, end: `${y}-12-31` });
  const gaps = { current: yearGap(year), previous: yearGap(year - 1) };
  const monthFigures = (y: number, month: number) => {
    const period = requirePeriod(`${y}-${String(month).padStart(2, '0')}`);
    if (period.start > today) return null;
    if (absenceGap(coverage, fiscalYear, period) !== null) return null;
    return computeAbsenceMetrics(input, toMetricsPeriod(period), { bands, scope }).total;
  };
  const months: TrendMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    const current = monthFigures(year, month);
    const previous = monthFigures(year - 1, month);
    months.push({
      month: `${year}-${String(month).padStart(2, '0')}`,
      percentage: current?.percentage ?? null,
      frequency: current?.frequency ?? null,
      reports: current ? current.reports : null,
      lastYearPercentage: previous?.percentage ?? null,
    });
  }
  return { year, months, gap: gaps.current, lastYearGap: gaps.previous };
}
