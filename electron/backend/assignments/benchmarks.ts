import type { Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import { daysBetweenInclusive, type Period } from '../../../shared/domain/period.ts';
import { BENCHMARK_INDICATORS, type Benchmark, type BenchmarkIndicator } from '../../../shared/domain/assignments/types.ts';
import { absenceMetrics } from '../absence/metrics.ts';
import { occupation } from '../staff/formation.ts';
import { personnelCostForecast } from '../staff/costs.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import type { BenchmarkTable } from './tables.ts';
import type { FigureGapCode } from '../../../shared/domain/setup/types.ts';

/**
 * Reference figures (benchmarks): a small table of indicator, group, value, year and source, seeded by
 * migration 0010 with the public municipal figures (A&O fonds Gemeenten) and editable in Instellingen.
 */

type Row = Selectable<BenchmarkTable>;

function toBenchmark(r: Row): Benchmark {
  return { id: r.id, indicator: r.indicator, referenceGroup: r.reference_group, value: r.value, year: r.year, source: r.source };
}

export function listBenchmarks(wb: Workbook): Benchmark[] {
  return wb.all(wb.db.selectFrom('benchmark').selectAll().orderBy('indicator').orderBy('year').orderBy('reference_group')).map(toBenchmark);
}

function get(wb: Workbook, id: number): Row {
  const row = wb.first(wb.db.selectFrom('benchmark').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `Referentiecijfer ${id} bestaat niet.`);
  return row;
}

export function createBenchmark(wb: Workbook, input: Omit<Benchmark, 'id'>): Benchmark {
  const now = nowIso();
  const values = { indicator: input.indicator, reference_group: input.referenceGroup, value: input.value, year: input.year, source: input.source, created_at: now, updated_at: now };
  const id = wb.tx(() => {
    const newId = Number(wb.run(wb.db.insertInto('benchmark').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'benchmark', rowId: newId, new: values });
    return newId;
  });
  return toBenchmark(get(wb, id));
}

const COLUMNS = { indicator: 'indicator', referenceGroup: 'reference_group', value: 'value', year: 'year', source: 'source' } as const;

export function updateBenchmark(wb: Workbook, id: number, patch: Partial<Omit<Benchmark, 'id'>>): Benchmark {
  const row = get(wb, id);
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const column = COLUMNS[key as keyof typeof COLUMNS];
    if (value === undefined || !column || row[column] === value) continue;
    old[column] = row[column];
    changes[column] = value;
  }
  if (Object.keys(changes).length > 0) {
    wb.tx(() => {
      wb.run(wb.db.updateTable('benchmark').set({ ...changes, updated_at: nowIso() }).where('id', '=', id));
      wb.audit({ action: 'update', table: 'benchmark', rowId: id, old, new: changes });
    });
  }
  return toBenchmark(get(wb, id));
}

export function deleteBenchmark(wb: Workbook, id: number): void {
  const row = get(wb, id);
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('benchmark').where('id', '=', id));
    wb.audit({ action: 'delete', table: 'benchmark', rowId: id, old: row });
  });
}

export interface OwnFigures {
  /** The day the figures are for: today within the fiscal year (or the whole fiscal year when today lies before it). */
  date: string;
  from: string;
  values: Record<BenchmarkIndicator, number | null>;
  /** Why a value is null because a first step is missing (no absence list, positions or salary table). */
  gaps: Record<BenchmarkIndicator, FigureGapCode | null>;
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * The department's own values of the benchmark indicators, computed by the absence and staff areas:
 * verzuimpercentage of the fiscal year up to the date, bezettingsgraad on the date, and the
 * inhuurpercentage of the year's personnel cost forecast (external hire / (own staff + hire)).
 */
export function ownFigures(wb: Workbook, asOf: string): OwnFigures {
  const year = wb.meta.fiscal_year;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const date = asOf < first ? last : asOf > last ? last : asOf;
  const period: Period = { code: String(year), kind: 'year', year, start: first, end: date, months: Number(date.slice(5, 7)), days: daysBetweenInclusive(first, date) };
  const absence = absenceMetrics(wb, period, asOf);
  const formation = occupation(wb, date).total;
  const costs = personnelCostForecast(wb, year);
  const hasStaff = formation.headcount > 0;
  return {
    date,
    from: first,
    values: { verzuimpercentage: absence.gap ? null : round2(absence.department.percentage), bezettingsgraad: round2(formation.occupancyPercent), inhuurpercentage: round2(costs.inhuurPercent) },
    gaps: {
      verzuimpercentage: hasStaff ? absence.gap : null,
      bezettingsgraad: hasStaff ? formation.formationGap : null,
      inhuurpercentage: costs.gap,
    },
  };
}

export { BENCHMARK_INDICATORS };
