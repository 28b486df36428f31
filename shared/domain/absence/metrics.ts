import { BAND_KEYS, bandOf, MAX_CASE_DAYS, type BandKey } from './bands.ts';
import type { DayNumber } from './days.ts';
import type { DurationBands } from './settings.ts';

/**
 * The Dutch absence figures (domain.md §4, national absence standard) over calendar days, computed
 * from intervals rather than day by day: per employee the employment, the terms (part-time factor and
 * cost centre from a date) and the sickness episodes are merged as sorted intervals, so 5,000 staff
 * over ten years is a few hundred thousand interval overlaps, not eighteen million days.
 */

export interface TermsInput {
  /** First day these terms hold; they hold until the next terms' `from`. */
  from: DayNumber;
  /** Part-time factor: contract hours / the normal week. */
  factor: number;
  costCentre: string;
}

export interface EpisodeInput {
  /** First day of this percentage of incapacity. */
  from: DayNumber;
  /** Incapacity as a fraction: 1 for 100 %, 0.5 after a 50 % partial recovery. */
  fraction: number;
}

export interface CaseInput {
  id: number;
  firstDay: DayNumber;
  /** Last sick day (inclusive); null while the case is open: it then runs to the end of the period. */
  lastDay: DayNumber | null;
  /** Sorted by `from`; the first starts on `firstDay`. */
  episodes: EpisodeInput[];
}

export interface EmployeeInput {
  id: number;
  /** Sorted, not overlapping; `to` inclusive, null = still employed. */
  employment: Array<{ from: DayNumber; to: DayNumber | null }>;
  /** Sorted by `from`. Days before the first terms take the first terms (a roster often starts its history later). */
  terms: TermsInput[];
  /**
   * Only cases that count as absence (pregnancy and maternity leave are left out by the caller),
   * sorted by first day and not overlapping (the case rules guarantee it), so a period finds its
   * cases by binary search instead of walking ten years of history.
   */
  cases: CaseInput[];
}

export interface MetricsPeriod {
  start: DayNumber;
  /** Inclusive. */
  end: DayNumber;
  /** 12 for a year, 3 for a quarter, 1 for a month: the frequency is put on a year basis with 12 / months. */
  months: number;
}

export interface BandFigures {
  /** Cases with a sick day in the period, classified once by their length up to recovery or the end of the period. */
  cases: number;
  /** Their weighted sick days in the period. */
  sickDays: number;
  /** Their share of the absence percentage: the bands add up to `percentage`. */
  percentage: number | null;
}

export interface AbsenceFigures {
  /** Σ part-time factor × incapacity over the sick days (weighted calendar days). */
  sickDays: number;
  /** Σ part-time factor over the days in employment. */
  availableDays: number;
  /** verzuimpercentage = sickDays / availableDays × 100. */
  percentage: number | null;
  /** Σ employed person-days (persons, not FTE). */
  personDays: number;
  /** personDays / days in the period. */
  averageHeadcount: number;
  /** New sick reports: cases whose first day lies in the period. */
  reports: number;
  /** meldingsfrequentie on a year basis: reports / average headcount × 12 / months. */
  frequency: number | null;
  /** Cases that ended with full recovery in the period. */
  closedCases: number;
  /** Their total length in calendar days, each case at most 730. */
  closedCaseDays: number;
  averageDurationDays: number | null;
  /** Employees employed at some time in the period. */
  employees: number;
  /** … of whom with at least one sick day in the period. */
  employeesWithAbsence: number;
  /** nulverzuim = employees without a sick day / employees × 100. */
  zeroAbsencePercentage: number | null;
  /** Cases still running at the end of the period (on the cost centre of their last sick day in it). */
  openCases: number;
  bands: Record<BandKey, BandFigures>;
}

export interface MetricsOptions {
  bands: DurationBands;
  /** The cost centres of the department: the `total` covers only days spent on these. Null = every cost centre. */
  scope: ReadonlySet<string> | null;
  /** Also figures per cost centre (days on the cost centre the employee belonged to that day). */
  perCostCentre?: boolean;
}

export interface MetricsResult {
  total: AbsenceFigures;
  costCentres: Map<string, AbsenceFigures>;
}

/** Raw sums; figures are derived once at the end so every ratio comes from the days, never from averages. */
class Accumulator {
  sickDays = 0;
  availableDays = 0;
  personDays = 0;
  reports = 0;
  closedCases = 0;
  closedCaseDays = 0;
  employees = 0;
  employeesWithAbsence = 0;
  openCases = 0;
  bandCases: Record<BandKey, number> = { short: 0, medium: 0, long: 0, extraLong: 0 };
  bandDays: Record<BandKey, number> = { short: 0, medium: 0, long: 0, extraLong: 0 };

  figures(period: MetricsPeriod): AbsenceFigures {
    const days = period.end - period.start + 1;
    const averageHeadcount = this.personDays / days;
    const percentOf = (part: number) => (this.availableDays > 0 ? (part / this.availableDays) * 100 : null);
    const bands = {} as Record<BandKey, BandFigures>;
    for (const key of BAND_KEYS) bands[key] = { cases: this.bandCases[key], sickDays: this.bandDays[key], percentage: percentOf(this.bandDays[key]) };
    return {
      sickDays: this.sickDays,
      availableDays: this.availableDays,
      percentage: percentOf(this.sickDays),
      personDays: this.personDays,
      averageHeadcount,
      reports: this.reports,
      frequency: averageHeadcount > 0 ? (this.reports / averageHeadcount) * (12 / period.months) : null,
      closedCases: this.closedCases,
      closedCaseDays: this.closedCaseDays,
      averageDurationDays: this.closedCases > 0 ? this.closedCaseDays / this.closedCases : null,
      employees: this.employees,
      employeesWithAbsence: this.employeesWithAbsence,
      zeroAbsencePercentage: this.employees > 0 ? ((this.employees - this.employeesWithAbsence) / this.employees) * 100 : null,
      openCases: this.openCases,
      bands,
    };
  }
}

/** A stretch of employment with one part-time factor and one cost centre. */
interface Segment {
  from: DayNumber;
  to: DayNumber;
  factor: number;
  costCentre: string;
}

/** Employment clipped to [start, end] and cut where the terms change. */
function segmentsOf(employee: EmployeeInput, start: DayNumber, end: DayNumber): Segment[] {
  const segments: Segment[] = [];
  const terms = employee.terms;
  if (terms.length === 0) return segments;
  for (const job of employee.employment) {
    const from = Math.max(job.from, start);
    const to = Math.min(job.to ?? end, end);
    if (from > to) continue;
    // The terms valid on `from`: the last with terms.from ≤ from (or the first, before any history).
    let t = 0;
    while (t + 1 < terms.length && terms[t + 1].from <= from) t += 1;
    let day = from;
    while (day <= to) {
      const nextChange = t + 1 < terms.length ? terms[t + 1].from : Infinity;
      const segmentEnd = Math.min(to, nextChange - 1);
      segments.push({ from: day, to: segmentEnd, factor: terms[t].factor, costCentre: terms[t].costCentre });
      day = segmentEnd + 1;
      t += 1;
    }
  }
  return segments;
}

/** Index of the first segment whose `to` is ≥ day (segments are sorted and disjoint). */
function firstSegmentFrom(segments: Segment[], day: DayNumber): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].to < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first case that may reach into a period starting on `day`: sorted, disjoint cases have rising last days. */
function firstCaseFrom(cases: CaseInput[], day: DayNumber): number {
  let lo = 0;
  let hi = cases.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const last = cases[mid].lastDay;
    if (last !== null && last < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What one case contributed in the period, per cost centre. */
interface CaseTrace {
  sickByCostCentre: Map<string, number>;
  firstCountedDay: DayNumber;
  firstCostCentre: string | null;
  lastCountedDay: DayNumber;
  lastCostCentre: string | null;
}

function traceCase(absence: CaseInput, segments: Segment[], period: MetricsPeriod): CaseTrace | null {
  const caseEnd = Math.min(absence.lastDay ?? period.end, period.end);
  if (absence.firstDay > caseEnd || caseEnd < period.start) return null;
  const trace: CaseTrace = { sickByCostCentre: new Map(), firstCountedDay: Infinity, firstCostCentre: null, lastCountedDay: -Infinity, lastCostCentre: null };
  const episodes = absence.episodes;
  for (let e = 0; e < episodes.length; e++) {
    const from = Math.max(episodes[e].from, period.start);
    const to = Math.min(e + 1 < episodes.length ? episodes[e + 1].from - 1 : caseEnd, caseEnd);
    if (from > to) continue;
    const fraction = episodes[e].fraction;
    for (let s = firstSegmentFrom(segments, from); s < segments.length && segments[s].from <= to; s++) {
      const segment = segments[s];
      const overlapFrom = Math.max(from, segment.from);
      const overlapTo = Math.min(to, segment.to);
      if (overlapFrom > overlapTo) continue;
      const weighted = (overlapTo - overlapFrom + 1) * segment.factor * fraction;
      trace.sickByCostCentre.set(segment.costCentre, (trace.sickByCostCentre.get(segment.costCentre) ?? 0) + weighted);
      if (overlapFrom < trace.firstCountedDay) {
        trace.firstCountedDay = overlapFrom;
        trace.firstCostCentre = segment.costCentre;
      }
      if (overlapTo > trace.lastCountedDay) {
        trace.lastCountedDay = overlapTo;
        trace.lastCostCentre = segment.costCentre;
      }
    }
  }
  return trace.firstCostCentre === null ? null : trace;
}

/**
 * All figures for one period: the department total (days on `scope` cost centres) and, on request,
 * per cost centre. Each day of an employee belongs to the cost centre of that day's terms. A case is
 * counted as a report on the cost centre of its first sick day, as closed on that of its last sick
 * day in the period, and in a band on every cost centre it had sick days on.
 */
export function computeAbsenceMetrics(employees: readonly EmployeeInput[], period: MetricsPeriod, options: MetricsOptions): MetricsResult {
  const metrics = new AbsenceMetricsAccumulator(period, options);
  for (const employee of employees) metrics.add(employee);
  return metrics.result();
}

/**
 * The same figures, employee by employee: a caller that has its people in parts (the central HR
 * consolidation reads a large organisation department by department) adds them as they come and keeps
 * no more than the sums. Adding the same employees in the same order gives exactly computeAbsenceMetrics.
 */
export class AbsenceMetricsAccumulator {
  private readonly total = new Accumulator();
  private readonly perCostCentre = new Map<string, Accumulator>();

  constructor(
    private readonly period: MetricsPeriod,
    private readonly options: MetricsOptions,
  ) {}

  private inScope(costCentre: string): boolean {
    return this.options.scope === null || this.options.scope.has(costCentre);
  }

  private accumulatorOf(costCentre: string): Accumulator {
    let acc = this.perCostCentre.get(costCentre);
    if (!acc) {
      acc = new Accumulator();
      this.perCostCentre.set(costCentre, acc);
    }
    return acc;
  }

  add(employee: EmployeeInput): void {
    const { period, options, total } = this;
    const wantCostCentres = options.perCostCentre === true;
    const segments = segmentsOf(employee, period.start, period.end);
    if (segments.length === 0) return;
    const employedOn = new Set<string>();
    let employedInScope = false;
    for (const segment of segments) {
      const days = segment.to - segment.from + 1;
      employedOn.add(segment.costCentre);
      if (this.inScope(segment.costCentre)) {
        employedInScope = true;
        total.availableDays += days * segment.factor;
        total.personDays += days;
      }
      if (wantCostCentres) {
        const acc = this.accumulatorOf(segment.costCentre);
        acc.availableDays += days * segment.factor;
        acc.personDays += days;
      }
    }
    const sickOn = new Set<string>();
    let sickInScope = false;
    const cases = employee.cases;
    for (let c = firstCaseFrom(cases, period.start); c < cases.length && cases[c].firstDay <= period.end; c++) {
      const absence = cases[c];
      const trace = traceCase(absence, segments, period);
      if (!trace) continue;
      const lengthUntil = Math.min(absence.lastDay ?? period.end, period.end);
      const band = bandOf(Math.min(lengthUntil - absence.firstDay + 1, MAX_CASE_DAYS), options.bands);
      const isReport = absence.firstDay >= period.start && absence.firstDay <= period.end;
      const isClosed = absence.lastDay !== null && absence.lastDay >= period.start && absence.lastDay <= period.end;
      const duration = absence.lastDay === null ? 0 : Math.min(absence.lastDay - absence.firstDay + 1, MAX_CASE_DAYS);

      let inScopeDays = 0;
      let touchesScope = false;
      for (const [costCentre, weighted] of trace.sickByCostCentre) {
        sickOn.add(costCentre);
        if (this.inScope(costCentre)) {
          inScopeDays += weighted;
          touchesScope = true;
        }
        if (wantCostCentres) {
          const acc = this.accumulatorOf(costCentre);
          acc.sickDays += weighted;
          acc.bandCases[band] += 1;
          acc.bandDays[band] += weighted;
        }
      }
      if (touchesScope) {
        sickInScope = true;
        total.sickDays += inScopeDays;
        total.bandCases[band] += 1;
        total.bandDays[band] += inScopeDays;
      }
      if (isReport && trace.firstCostCentre !== null) {
        if (this.inScope(trace.firstCostCentre)) total.reports += 1;
        if (wantCostCentres) this.accumulatorOf(trace.firstCostCentre).reports += 1;
      }
      if ((absence.lastDay === null || absence.lastDay > period.end) && trace.lastCountedDay === period.end && trace.lastCostCentre !== null) {
        if (this.inScope(trace.lastCostCentre)) total.openCases += 1;
        if (wantCostCentres) this.accumulatorOf(trace.lastCostCentre).openCases += 1;
      }
      if (isClosed && trace.lastCostCentre !== null) {
        if (this.inScope(trace.lastCostCentre)) {
          total.closedCases += 1;
          total.closedCaseDays += duration;
        }
        if (wantCostCentres) {
          const acc = this.accumulatorOf(trace.lastCostCentre);
          acc.closedCases += 1;
          acc.closedCaseDays += duration;
        }
      }
    }
    if (employedInScope) {
      total.employees += 1;
      if (sickInScope) total.employeesWithAbsence += 1;
    }
    if (wantCostCentres) {
      for (const costCentre of employedOn) {
        const acc = this.accumulatorOf(costCentre);
        acc.employees += 1;
        if (sickOn.has(costCentre)) acc.employeesWithAbsence += 1;
      }
    }
  }

  result(): MetricsResult {
    const costCentres = new Map<string, AbsenceFigures>();
    for (const [code, acc] of this.perCostCentre) costCentres.set(code, acc.figures(this.period));
    return { total: this.total.figures(this.period), costCentres };
  }
}

/** Figures of a cost centre nobody worked on in the period: zeros and empty ratios. */
export function emptyFigures(period: MetricsPeriod): AbsenceFigures {
  return new Accumulator().figures(period);
}
