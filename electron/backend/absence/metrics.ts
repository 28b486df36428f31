import { ApiError } from '../../../shared/api/errors.ts';
import { bandRanges } from '../../../shared/domain/absence/bands.ts';
import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { computeAbsenceMetrics, emptyFigures, type EmployeeInput, type MetricsPeriod } from '../../../shared/domain/absence/metrics.ts';
import type { AbsenceMetricsView, AbsenceTrend, TrendMonth } from '../../../shared/domain/absence/types.ts';
import { parsePeriod, type Period } from '../../../shared/domain/period.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';

/** Until the staff area has its setting, the normal week is read under the key it will have. */
export function normalWeekHours(wb: Workbook): number {
  const hours = wb.getSetting<number>('normalWeekHours', 36);
  return typeof hours === 'number' && hours > 0 ? hours : 36;
}

/**
 * Everything the metrics need, in the compact form of shared/domain/absence/metrics.ts: per employee
 * the employment, the terms as part-time factor and cost centre from a date, and the sickness cases
 * with their episodes. Deleted cases and pregnancy/maternity leave are left out here.
 */
export function loadMetricsInput(wb: Workbook): EmployeeInput[] {
  const normalWeek = normalWeekHours(wb);
  const byId = new Map<number, EmployeeInput>();
  for (const e of wb.all(wb.db.selectFrom('employee').select(['id', 'start_date', 'end_date']).orderBy('id'))) {
    byId.set(e.id, { id: e.id, employment: [{ from: dayNumber(e.start_date), to: e.end_date === null ? null : dayNumber(e.end_date) }], terms: [], cases: [] });
  }
  for (const t of wb.all(wb.db.selectFrom('employee_terms').select(['employee_id', 'valid_from', 'hours_per_week', 'cost_centre']).orderBy('employee_id').orderBy('valid_from'))) {
    byId.get(t.employee_id)?.terms.push({ from: dayNumber(t.valid_from), factor: t.hours_per_week / normalWeek, costCentre: t.cost_centre });
  }
  const cases = new Map<number, EmployeeInput['cases'][number]>();
  const caseRows = wb.all(
    wb.db
      .selectFrom('absence_case')
      .select(['id', 'employee_id', 'first_day', 'last_day'])
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'sickness')
      .orderBy('employee_id')
      .orderBy('first_day'),
  );
  for (const c of caseRows) {
    const input = { id: c.id, firstDay: dayNumber(c.first_day), lastDay: c.last_day === null ? null : dayNumber(c.last_day), episodes: [] };
    cases.set(c.id, input);
    byId.get(c.employee_id)?.cases.push(input);
  }
  const episodeRows = wb.all(
    wb.db
      .selectFrom('absence_episode as e')
      .innerJoin('absence_case as c', 'c.id', 'e.case_id')
      .select(['e.case_id', 'e.from_date', 'e.percentage'])
      .where('c.deleted_at', 'is', null)
      .where('c.kind', '=', 'sickness')
      .orderBy('e.case_id')
      .orderBy('e.from_date'),
  );
  for (const e of episodeRows) cases.get(e.case_id)?.episodes.push({ from: dayNumber(e.from_date), fraction: e.percentage / 100 });
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
  const openAtEnd = wb.first(
    wb.db
      .selectFrom('absence_case')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'sickness')
      .where('first_day', '<=', period.end)
      .where((eb) => eb.or([eb('last_day', 'is', null), eb('last_day', '>', period.end)])),
  );
  return {
    period: { code: period.code, start: period.start, end: period.end, months: period.months, days: period.days },
    department: result.total,
    costCentres: departmentCostCentres.map((c) => ({ code: c.code, name: c.name, figures: result.costCentres.get(c.code) ?? emptyFigures(metricsPeriod) })),
    bands,
    bandRanges: bandRanges(bands),
    extendsBeyondToday: period.end > today,
    openCases: Number(openAtEnd?.n ?? 0),
  };
}

/** Monthly percentage and report frequency of a year beside the year before; months not yet begun stay empty. */
export function absenceTrend(wb: Workbook, year: number, today: string): AbsenceTrend {
  wb.requireKind('department');
  const bands = getSettings(wb).absenceDurationBands;
  const scope = new Set(wb.departmentCostCentres());
  const input = loadMetricsInput(wb);
  const monthFigures = (y: number, month: number) => {
    const period = requirePeriod(`${y}-${String(month).padStart(2, '0')}`);
    if (period.start > today) return null;
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
  return { year, months };
}
