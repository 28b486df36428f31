import { describe, expect, it } from 'vitest';
import { compareWithBudget, costParts, forecastEmployee, SalaryTables, sumParts } from '../../../shared/domain/staff/costs.ts';
import type { EmployeeHistory, Terms } from '../../../shared/domain/staff/terms.ts';

const rates = { normalWeekHours: 36, ikbPercent: 17.05, employerChargesPercent: 33 };

// Scale 10 steps 4 and 5 in 2027, and a collective raise of 3 % from 1 July 2027.
const tables = new SalaryTables([
  { validFrom: '2027-01-01', scale: 10, step: 4, monthlyCents: 400_000 },
  { validFrom: '2027-01-01', scale: 10, step: 5, monthlyCents: 420_000 },
  { validFrom: '2027-07-01', scale: 10, step: 4, monthlyCents: 412_000 },
  { validFrom: '2027-07-01', scale: 10, step: 5, monthlyCents: 432_600 },
]);

function terms(validFrom: string, hoursPerWeek: number, extra: Partial<Terms> = {}): Terms {
  return { validFrom, functionTitle: 'Beleidsmedewerker', salaryScale: 10, salaryStep: 4, hoursPerWeek, costCentre: 'OR01', contractType: 'Vast', formationPositionId: null, ...extra };
}

function employee(startDate: string, endDate: string | null, history: Terms[]): EmployeeHistory {
  return { id: 7, personnelNumber: '100007', firstName: 'Ümit', infix: 'van der', lastName: 'Meer', startDate, endDate, terms: history };
}

const flat = new SalaryTables([{ validFrom: '2027-01-01', scale: 10, step: 4, monthlyCents: 400_000 }]);

describe('cost parts', () => {
  it('adds IKB on salary and employer charges on salary + IKB', () => {
    // € 4.000: IKB 17,05 % = € 682,00; charges 33 % of € 4.682,00 = € 1.545,06.
    expect(costParts(400_000, rates)).toEqual({ salaryCents: 400_000, ikbCents: 68_200, chargesCents: 154_506, totalCents: 622_706 });
  });
});

describe('personnel cost forecast of one employee', () => {
  it('is 12 × monthly × part-time factor for a whole year of unchanged terms', () => {
    const result = forecastEmployee(employee('2020-01-01', null, [terms('2020-01-01', 27)]), 2027, flat, rates);
    expect(result.months).toHaveLength(12);
    const total = sumParts(result.months);
    expect(total.salaryCents).toBe(12 * 300_000);
    expect(total.ikbCents).toBe(12 * 51_150);
    expect(total.chargesCents).toBe(12 * Math.round(351_150 * 0.33));
    expect(result.averageFte).toBeCloseTo(0.75, 10);
    expect(result.missing).toEqual([]);
  });

  it('handles a change of hours from 1 July and a leaver on 31 October, by hand', () => {
    // Jan–Jun 36 h: 6 × € 4.000; Jul–Oct 18 h: 4 × € 2.000; Nov–Dec nothing.
    const result = forecastEmployee(employee('2020-01-01', '2027-10-31', [terms('2020-01-01', 36), terms('2027-07-01', 18)]), 2027, flat, rates);
    expect(result.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.months.map((m) => m.salaryCents)).toEqual([400_000, 400_000, 400_000, 400_000, 400_000, 400_000, 200_000, 200_000, 200_000, 200_000]);
    const total = sumParts(result.months);
    expect(total).toEqual({
      salaryCents: 3_200_000,
      ikbCents: 6 * 68_200 + 4 * 34_100,
      chargesCents: 6 * 154_506 + 4 * 77_253,
      totalCents: 3_200_000 + 545_600 + 1_236_048,
    });
  });

  it('counts calendar days when terms change in the middle of a month', () => {
    // From 16 March (31 days) 18 h: 15 days at 1.0 and 16 days at 0.5 → € 4.000 × 23 / 31 = € 2.967,74.
    const result = forecastEmployee(employee('2020-01-01', null, [terms('2020-01-01', 36), terms('2027-03-16', 18)]), 2027, flat, rates);
    expect(result.months.find((m) => m.month === 3)!.salaryCents).toBe(296_774);
    // A starter on 15 February (28 days), 36 h: 14 / 28 of a month.
    const starter = forecastEmployee(employee('2027-02-15', null, [terms('2027-02-15', 36)]), 2027, flat, rates);
    expect(starter.months[0]).toMatchObject({ month: 2, salaryCents: 200_000 });
  });

  it('uses the salary table of each day and puts each day on that day’s cost centre', () => {
    const result = forecastEmployee(employee('2020-01-01', null, [terms('2020-01-01', 36), terms('2027-10-01', 36, { costCentre: 'OR02', salaryStep: 5 })]), 2027, tables, rates);
    const june = result.months.find((m) => m.month === 6)!;
    const july = result.months.find((m) => m.month === 7)!;
    expect(june.salaryCents).toBe(400_000);
    expect(july.salaryCents).toBe(412_000);
    const october = result.months.filter((m) => m.month === 10);
    expect(october).toHaveLength(1);
    expect(october[0]).toMatchObject({ costCentre: 'OR02', salaryCents: 432_600 });
    expect(sumParts(result.months.filter((m) => m.costCentre === 'OR01')).salaryCents).toBe(6 * 400_000 + 3 * 412_000);
  });

  it('reports the days it could not price instead of guessing', () => {
    const result = forecastEmployee(employee('2020-01-01', null, [terms('2020-01-01', 36, { salaryStep: 9 }), terms('2027-12-01', 36)]), 2027, flat, rates);
    expect(result.missing).toEqual([
      { employeeId: 7, personnelNumber: '100007', name: 'Ümit van der Meer', salaryScale: 10, salaryStep: 9, tableValidFrom: '2027-01-01', from: '2027-01-01', to: '2027-11-30', days: 334 },
    ]);
    expect(sumParts(result.months).salaryCents).toBe(400_000);
    expect(result.months.filter((m) => m.month < 12).every((m) => m.salaryCents === 0 && m.costCentre === 'OR01')).toBe(true);
  });
});

describe('forecast beside the budget', () => {
  const lines = [
    { costCentre: 'OR01', account: '4100', accountName: 'Salarissen en sociale lasten', currentCents: 10_000_000, actualCents: 2_000_000 },
    { costCentre: 'OR01', account: '4200', accountName: 'Inhuur derden', currentCents: 500_000, actualCents: 0 },
    { costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', currentCents: 77_000, actualCents: 0 },
    { costCentre: 'OR02', account: '4100', accountName: 'Salarissen en sociale lasten', currentCents: 1_000_000, actualCents: 0 },
  ];

  it('groups salary and hire accounts per cost centre, hire paid from the salary budget included', () => {
    const rows = compareWithBudget(
      [
        { costCentre: 'OR01', account: '4100', employeeCents: 9_000_000, hireCents: 0 },
        { costCentre: 'OR01', account: '4100', employeeCents: 0, hireCents: 1_500_000 },
        { costCentre: 'OR01', account: '4200', employeeCents: 0, hireCents: 400_000 },
        { costCentre: 'OR01', account: '4700', employeeCents: 0, hireCents: 10_000 },
      ],
      lines,
      { salary: ['4100'], hire: ['4200'] },
    );
    expect(rows.map((r) => [r.costCentre, r.group, r.accounts.join('+'), r.budgetCents, r.forecastCents, r.varianceCents, r.varianceLabel])).toEqual([
      ['OR01', 'salaries', '4100', 10_000_000, 10_500_000, -500_000, 'N'],
      ['OR01', 'hire', '4200', 500_000, 400_000, 100_000, 'V'],
      ['OR01', 'other', '4700', 0, 10_000, -10_000, 'N'],
      ['OR02', 'salaries', '4100', 1_000_000, 0, 1_000_000, 'V'],
    ]);
    expect(rows[0]).toMatchObject({ employeeCents: 9_000_000, hireCents: 1_500_000, actualCents: 2_000_000 });
  });

  it('adds several salary accounts together', () => {
    const rows = compareWithBudget([], [...lines, { costCentre: 'OR01', account: '4110', accountName: 'Overige personeelskosten', currentCents: 300_000, actualCents: 0 }], { salary: ['4100', '4110'], hire: [] });
    expect(rows[0]).toMatchObject({ costCentre: 'OR01', group: 'salaries', accounts: ['4100', '4110'], budgetCents: 10_300_000 });
    expect(rows.map((r) => r.group)).toEqual(['salaries', 'salaries']);
  });
});
