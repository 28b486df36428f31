import fc from 'fast-check';
import { expect, it } from 'vitest';
import { computeAbsenceMetrics, type EmployeeInput, type MetricsPeriod } from '../../../shared/domain/absence/metrics.ts';

/**
 * The interval algorithm against the formulas of domain.md §4 applied literally, day by day, on
 * random staff: employment, contract changes, cost centre moves, cases with partial recoveries.
 */
const COST_CENTRES = ['OR01', 'OR02', 'SD01'];
const SCOPE = new Set(['OR01', 'OR02']);

function dayByDay(employees: EmployeeInput[], period: MetricsPeriod) {
  const totals = { open: 0, sick: 0, available: 0, personDays: 0, reports: 0, closed: 0, closedDays: 0, employees: 0, withAbsence: 0 };
  for (const e of employees) {
    const termsOn = (day: number) => [...e.terms].reverse().find((t) => t.from <= day) ?? e.terms[0];
    const employed = (day: number) => e.employment.some((j) => j.from <= day && (j.to === null || day <= j.to));
    const counted = (day: number) => employed(day) && e.terms.length > 0 && SCOPE.has(termsOn(day).costCentre);
    let employedInScope = false;
    let sickInScope = false;
    for (let day = period.start; day <= period.end; day++) {
      if (!counted(day)) continue;
      const pt = termsOn(day).factor;
      employedInScope = true;
      totals.available += pt;
      totals.personDays += 1;
      for (const c of e.cases) {
        if (day < c.firstDay || (c.lastDay !== null && day > c.lastDay)) continue;
        const episode = [...c.episodes].reverse().find((x) => x.from <= day)!;
        totals.sick += pt * episode.fraction;
        sickInScope = true;
      }
    }
    if (employedInScope) totals.employees += 1;
    if (sickInScope) totals.withAbsence += 1;
    for (const c of e.cases) {
      const end = Math.min(c.lastDay ?? period.end, period.end);
      const days: number[] = [];
      for (let day = Math.max(c.firstDay, period.start); day <= end; day++) if (employed(day) && e.terms.length > 0) days.push(day);
      if (days.length === 0) continue;
      if (c.firstDay >= period.start && c.firstDay <= period.end && SCOPE.has(termsOn(days[0]).costCentre)) totals.reports += 1;
      if ((c.lastDay === null || c.lastDay > period.end) && days[days.length - 1] === period.end && SCOPE.has(termsOn(period.end).costCentre)) totals.open += 1;
      if (c.lastDay !== null && c.lastDay >= period.start && c.lastDay <= period.end && SCOPE.has(termsOn(days[days.length - 1]).costCentre)) {
        totals.closed += 1;
        totals.closedDays += Math.min(c.lastDay - c.firstDay + 1, 730);
      }
    }
  }
  return totals;
}

const BASE = 20_000; // a day number in 2024

const employeeArb = fc
  .record({
    start: fc.integer({ min: 0, max: 150 }),
    length: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
    terms: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 200 }), hours: fc.constantFrom(18, 20.5, 24, 32, 36), cc: fc.constantFrom(...COST_CENTRES) }), { minLength: 1, maxLength: 4 }),
    cases: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 40 }),
        length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        changes: fc.array(fc.record({ offset: fc.integer({ min: 1, max: 50 }), pct: fc.integer({ min: 1, max: 100 }) }), { maxLength: 2 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ start, length, terms, cases }, ): EmployeeInput => {
    const from = BASE + start;
    const sortedTerms = [...new Map(terms.map((t) => [BASE + t.offset, t])).entries()].sort((a, b) => a[0] - b[0]).map(([day, t]) => ({ from: day, factor: t.hours / 36, costCentre: t.cc }));
    const built: EmployeeInput['cases'] = [];
    let cursor = from - 20;
    for (const [i, c] of cases.entries()) {
      const firstDay = cursor + c.gap + 1;
      const lastDay = c.length === null ? null : firstDay + c.length - 1;
      const episodes = [{ from: firstDay, fraction: 1 }];
      for (const change of [...c.changes].sort((a, b) => a.offset - b.offset)) {
        const day = firstDay + change.offset;
        if (day <= episodes[episodes.length - 1].from || (lastDay !== null && day > lastDay)) continue;
        episodes.push({ from: day, fraction: change.pct / 100 });
      }
      built.push({ id: i + 1, firstDay, lastDay, episodes });
      if (lastDay === null) break;
      cursor = lastDay;
    }
    return { id: 0, employment: [{ from, to: length === null ? null : from + length - 1 }], terms: sortedTerms, cases: built };
  });

it('agrees with a day-by-day computation of the formulas on random staff', () => {
  fc.assert(
    fc.property(fc.array(employeeArb, { maxLength: 6 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 120 }), (employees, startOffset, days) => {
      const period: MetricsPeriod = { start: BASE + startOffset, end: BASE + startOffset + days - 1, months: 1 };
      const expected = dayByDay(employees, period);
      const { total } = computeAbsenceMetrics(employees, period, { bands: { shortMax: 7, mediumMax: 42, longMax: 365 }, scope: SCOPE });
      expect(total.sickDays).toBeCloseTo(expected.sick, 8);
      expect(total.availableDays).toBeCloseTo(expected.available, 8);
      expect(total.personDays).toBe(expected.personDays);
      expect(total.reports).toBe(expected.reports);
      expect(total.closedCases).toBe(expected.closed);
      expect(total.closedCaseDays).toBe(expected.closedDays);
      expect(total.employees).toBe(expected.employees);
      expect(total.employeesWithAbsence).toBe(expected.withAbsence);
      expect(total.openCases).toBe(expected.open);
      const bandDays = total.bands.short.sickDays + total.bands.medium.sickDays + total.bands.long.sickDays + total.bands.extraLong.sickDays;
      expect(bandDays).toBeCloseTo(total.sickDays, 8);
    }),
    { numRuns: 300 },
  );
});
