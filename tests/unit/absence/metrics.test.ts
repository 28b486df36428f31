import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { computeAbsenceMetrics, type EmployeeInput, type MetricsOptions, type MetricsPeriod } from '../../../shared/domain/absence/metrics.ts';

const d = dayNumber;
const NORMAL_WEEK = 36;
const bands = { shortMax: 7, mediumMax: 42, longMax: 365 };
const APRIL: MetricsPeriod = { start: d('2027-04-01'), end: d('2027-04-30'), months: 1 };
const MARCH: MetricsPeriod = { start: d('2027-03-01'), end: d('2027-03-31'), months: 1 };
const Q2: MetricsPeriod = { start: d('2027-04-01'), end: d('2027-06-30'), months: 3 };

let nextCase = 1;
/** A case from ISO dates: 100 % from the first day, then [from, percentage] changes (a change on the first day replaces the 100 %). */
function sick(firstDay: string, lastDay: string | null, ...changes: Array<[string, number]>) {
  const episodes = [{ from: d(firstDay), fraction: 1 }];
  for (const [from, pct] of changes) {
    if (d(from) === episodes[episodes.length - 1].from) episodes.pop();
    episodes.push({ from: d(from), fraction: pct / 100 });
  }
  return { id: nextCase++, firstDay: d(firstDay), lastDay: lastDay === null ? null : d(lastDay), episodes };
}

function employee(id: number, options: { hours?: number; from?: string; to?: string | null; costCentre?: string; terms?: Array<[string, number, string]>; cases?: ReturnType<typeof sick>[] }): EmployeeInput {
  const terms = options.terms ?? [['2000-01-01', options.hours ?? 36, options.costCentre ?? 'OR01']];
  return {
    id,
    employment: [{ from: d(options.from ?? '2000-01-01'), to: options.to ? d(options.to) : null }],
    terms: terms.map(([from, hours, costCentre]) => ({ from: d(from), factor: hours / NORMAL_WEEK, costCentre })),
    cases: options.cases ?? [],
  };
}

const options: MetricsOptions = { bands, scope: new Set(['OR01', 'OR02', 'OR03']), perCostCentre: true };

describe('verzuimpercentage, meldingsfrequentie, nulverzuim: the April example of domain.md', () => {
  // A works 36 h and is sick 10 days at 100 %; B works 18 h and is sick all month at 50 %.
  const people = [
    employee(1, { hours: 36, cases: [sick('2027-04-01', '2027-04-10')] }),
    employee(2, { hours: 18, cases: [sick('2027-04-01', null, ['2027-04-01', 50])] }),
  ];
  const { total } = computeAbsenceMetrics(people, APRIL, options);

  it('weighs calendar days by part-time factor and incapacity: 17,5 / 45 = 38,89 %', () => {
    expect(total.sickDays).toBeCloseTo(17.5, 10);
    expect(total.availableDays).toBeCloseTo(45, 10);
    expect(total.percentage).toBeCloseTo(38.888_889, 5);
  });

  it('puts the report frequency on a year basis: 2 reports / 2 employees × 12 = 12,0', () => {
    expect(total.reports).toBe(2);
    expect(total.averageHeadcount).toBe(2);
    expect(total.frequency).toBeCloseTo(12, 10);
  });

  it('has no one without absence: nulverzuim 0 %', () => {
    expect(total.employees).toBe(2);
    expect(total.employeesWithAbsence).toBe(2);
    expect(total.zeroAbsencePercentage).toBe(0);
  });

  it('averages only the case closed in April (A, 10 days) and classifies both cases as medium', () => {
    expect(total.closedCases).toBe(1);
    expect(total.averageDurationDays).toBe(10);
    expect(total.bands.medium.cases).toBe(2);
    expect(total.bands.short.cases).toBe(0);
    // The bands split the percentage: all 38,89 % is medium absence here.
    expect(total.bands.medium.percentage).toBeCloseTo(38.888_889, 5);
  });
});

describe('partial recovery', () => {
  it('counts the days after a change to 50 % at half weight, and is no new report', () => {
    const people = [employee(1, { cases: [sick('2027-04-01', '2027-04-30', ['2027-04-11', 50])] })];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    // 10 days × 1 + 20 days × 0,5 = 20 of 30
    expect(total.sickDays).toBeCloseTo(20, 10);
    expect(total.percentage).toBeCloseTo((20 / 30) * 100, 10);
    expect(total.reports).toBe(1);
  });

  it('combines part-time and partial incapacity: 18 h at 50 % for 20 days = 5 weighted days', () => {
    const people = [employee(1, { hours: 18, cases: [sick('2027-04-11', '2027-04-30', ['2027-04-11', 50])] })];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    expect(total.sickDays).toBeCloseTo(5, 10);
    expect(total.availableDays).toBeCloseTo(15, 10);
    expect(total.percentage).toBeCloseTo(33.333_333, 5);
  });
});

describe('a case spanning the period boundary (25 March – 5 April, 12 days)', () => {
  const people = () => [employee(1, { cases: [sick('2027-03-25', '2027-04-05')] }), employee(2, {})];

  it('in March: 7 sick days, one report, not closed, short so far (7 days up to the end of March)', () => {
    const { total } = computeAbsenceMetrics(people(), MARCH, options);
    expect(total.sickDays).toBe(7);
    expect(total.availableDays).toBe(62);
    expect(total.reports).toBe(1);
    expect(total.closedCases).toBe(0);
    expect(total.averageDurationDays).toBeNull();
    expect(total.bands.short.cases).toBe(1);
    expect(total.zeroAbsencePercentage).toBe(50);
    expect(total.openCases).toBe(1);
  });

  it('in April: 5 sick days, no report, closed with its whole length of 12 days, medium', () => {
    const { total } = computeAbsenceMetrics(people(), APRIL, options);
    expect(total.sickDays).toBe(5);
    expect(total.percentage).toBeCloseTo((5 / 60) * 100, 10);
    expect(total.reports).toBe(0);
    expect(total.frequency).toBe(0);
    expect(total.closedCases).toBe(1);
    expect(total.averageDurationDays).toBe(12);
    expect(total.bands.medium.cases).toBe(1);
    expect(total.bands.short.cases).toBe(0);
    expect(total.openCases).toBe(0);
  });

  it('an open case runs to the end of the period', () => {
    const { total } = computeAbsenceMetrics([employee(1, { cases: [sick('2027-03-25', null)] })], APRIL, options);
    expect(total.sickDays).toBe(30);
    expect(total.percentage).toBe(100);
    expect(total.closedCases).toBe(0);
    expect(total.openCases).toBe(1);
    // 7 days in March + 30 in April = 37 days: still medium at the end of April.
    expect(total.bands.medium.cases).toBe(1);
  });

  it('caps the length of a long case at 730 days', () => {
    const { total } = computeAbsenceMetrics([employee(1, { cases: [sick('2025-01-01', '2027-04-10')] })], APRIL, options);
    expect(total.closedCases).toBe(1);
    expect(total.averageDurationDays).toBe(730);
    expect(total.bands.extraLong.cases).toBe(1);
  });
});

describe('someone who joins or leaves mid-period', () => {
  it('counts a joiner only from the first day of employment', () => {
    // Joins 16 April (15 days in April), sick 20–24 April; a colleague works all month and is not sick.
    const people = [employee(1, { from: '2027-04-16', cases: [sick('2027-04-20', '2027-04-24')] }), employee(2, {})];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    expect(total.availableDays).toBe(45);
    expect(total.sickDays).toBe(5);
    expect(total.percentage).toBeCloseTo((5 / 45) * 100, 10);
    // Average headcount 45 person-days / 30 days = 1,5; 1 report → 1 / 1,5 × 12 = 8 per year.
    expect(total.averageHeadcount).toBe(1.5);
    expect(total.frequency).toBeCloseTo(8, 10);
    expect(total.employees).toBe(2);
    expect(total.zeroAbsencePercentage).toBe(50);
  });

  it('counts a leaver only up to the last day of employment, even while still sick', () => {
    // Leaves 10 April, sick from 8 April (open): 3 sick days of 10 employed days.
    const people = [employee(1, { to: '2027-04-10', cases: [sick('2027-04-08', null)] })];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    expect(total.availableDays).toBe(10);
    expect(total.sickDays).toBe(3);
    expect(total.percentage).toBe(30);
    expect(total.averageHeadcount).toBeCloseTo(10 / 30, 10);
  });

  it('leaves out someone not employed in the period at all', () => {
    const people = [employee(1, { to: '2027-03-31', cases: [sick('2027-03-20', null)] }), employee(2, {})];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    expect(total.employees).toBe(1);
    expect(total.sickDays).toBe(0);
    expect(total.zeroAbsencePercentage).toBe(100);
  });
});

describe('terms and cost centres day by day', () => {
  it('weighs days by the hours of that day when the contract changes mid-period', () => {
    const people = [employee(1, { terms: [['2000-01-01', 36, 'OR01'], ['2027-04-16', 18, 'OR01']], cases: [sick('2027-04-01', '2027-04-30')] })];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    // 15 days × 1 + 15 days × 0,5
    expect(total.sickDays).toBeCloseTo(22.5, 10);
    expect(total.availableDays).toBeCloseTo(22.5, 10);
    expect(total.percentage).toBeCloseTo(100, 10);
  });

  it('puts each day on the cost centre of that day, the report on the first day and the closure on the last', () => {
    // OR01 until 15 April, OR02 from 16 April; sick 10–20 April.
    const people = [employee(1, { terms: [['2000-01-01', 36, 'OR01'], ['2027-04-16', 36, 'OR02']], cases: [sick('2027-04-10', '2027-04-20')] })];
    const { total, costCentres } = computeAbsenceMetrics(people, APRIL, options);
    const or01 = costCentres.get('OR01')!;
    const or02 = costCentres.get('OR02')!;
    expect(or01.sickDays).toBe(6);
    expect(or01.availableDays).toBe(15);
    expect(or02.sickDays).toBe(5);
    expect(or02.availableDays).toBe(15);
    expect(or01.reports).toBe(1);
    expect(or02.reports).toBe(0);
    expect(or01.closedCases).toBe(0);
    expect(or02.closedCases).toBe(1);
    expect(or02.averageDurationDays).toBe(11);
    // The employee counts on both cost centres, once for the department.
    expect(or01.employees).toBe(1);
    expect(or02.employees).toBe(1);
    expect(total.employees).toBe(1);
    expect(total.sickDays).toBe(11);
    expect(total.reports).toBe(1);
    expect(total.closedCases).toBe(1);
    expect(total.bands.medium.cases).toBe(1);
  });

  it('leaves days on another department’s cost centre out of the department total', () => {
    const people = [employee(1, { terms: [['2000-01-01', 36, 'OR01'], ['2027-04-16', 36, 'SD01']], cases: [sick('2027-04-10', '2027-04-20')] })];
    const { total, costCentres } = computeAbsenceMetrics(people, APRIL, options);
    expect(total.sickDays).toBe(6);
    expect(total.availableDays).toBe(15);
    expect(total.reports).toBe(1);
    expect(total.closedCases).toBe(0);
    expect(costCentres.get('SD01')!.closedCases).toBe(1);
  });

  it('uses the first terms for days before the terms history starts', () => {
    const people = [employee(1, { terms: [['2027-04-11', 18, 'OR01']], cases: [sick('2027-04-01', '2027-04-10')] })];
    const { total } = computeAbsenceMetrics(people, APRIL, options);
    expect(total.sickDays).toBe(5);
    expect(total.availableDays).toBe(15);
  });
});

describe('periods longer than a month', () => {
  it('puts a quarter’s frequency on a year basis with × 4', () => {
    const people = [employee(1, { cases: [sick('2027-04-05', '2027-04-06'), sick('2027-05-10', '2027-05-12')] }), employee(2, {})];
    const { total } = computeAbsenceMetrics(people, Q2, options);
    expect(total.reports).toBe(2);
    expect(total.averageHeadcount).toBe(2);
    expect(total.frequency).toBeCloseTo(4, 10);
    expect(total.sickDays).toBe(5);
    expect(total.closedCases).toBe(2);
    expect(total.averageDurationDays).toBe(2.5);
    expect(total.bands.short.cases).toBe(2);
  });

  it('classifies with other band bounds from the settings (1–14 / 15–91 / 92–365)', () => {
    const people = [employee(1, { cases: [sick('2027-04-01', '2027-04-10'), sick('2027-05-01', '2027-06-30')] })];
    const standard = computeAbsenceMetrics(people, Q2, options).total;
    expect([standard.bands.medium.cases, standard.bands.long.cases]).toEqual([1, 1]);
    const other = computeAbsenceMetrics(people, Q2, { ...options, bands: { shortMax: 14, mediumMax: 91, longMax: 365 } }).total;
    expect([other.bands.short.cases, other.bands.medium.cases, other.bands.long.cases]).toEqual([1, 1, 0]);
    expect(other.bands.short.sickDays + other.bands.medium.sickDays).toBeCloseTo(other.sickDays, 10);
  });
});

it('returns empty ratios, not zero or NaN, when nobody was employed', () => {
  const { total } = computeAbsenceMetrics([], APRIL, options);
  expect(total.percentage).toBeNull();
  expect(total.frequency).toBeNull();
  expect(total.averageDurationDays).toBeNull();
  expect(total.zeroAbsencePercentage).toBeNull();
});
