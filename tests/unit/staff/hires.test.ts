import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/domain/staff/calendar.ts';
import { dbaFlags, hireCostBetween, workingDays } from '../../../shared/domain/staff/hires.ts';

describe('external hire cost', () => {
  it('counts working days Monday to Friday', () => {
    // March 2027: 1 March is a Monday; 31 days, 23 working days.
    expect(workingDays('2027-03-01', '2027-03-31')).toBe(23);
    expect(workingDays('2027-03-06', '2027-03-07')).toBe(0);
    expect(workingDays('2027-03-08', '2027-03-01')).toBe(0);
  });

  it('is rate × hours per week × working days / 5, within the hire’s own period', () => {
    const hire = { startDate: '2027-03-15', endDate: '2027-06-30', hoursPerWeek: 24, hourlyRateCents: 9_500 };
    // 15–31 March: 13 working days → 24 × 13 / 5 = 62,4 hours × € 95 = € 5.928,00.
    expect(hireCostBetween(hire, '2027-03-01', '2027-03-31')).toEqual({ hours: 62.4, cents: 592_800 });
    expect(hireCostBetween(hire, '2027-07-01', '2027-07-31')).toEqual({ hours: 0, cents: 0 });
  });

  it('spreads the ceiling over the working days when the assignment states no rate or hours', () => {
    // 1–31 March 2027: 23 working days; March 1–12: 10 of them → 10/23 of € 2.300.
    const hire = { startDate: '2027-03-01', endDate: '2027-03-31', hoursPerWeek: null, hourlyRateCents: null, ceilingCents: 230_000 };
    expect(hireCostBetween(hire, '2027-03-01', '2027-03-12')).toEqual({ hours: null, cents: 100_000 });
    expect(hireCostBetween(hire, '2027-01-01', '2027-12-31')).toEqual({ hours: null, cents: 230_000 });
    // Hours but no rate: the hours still count (for FTE), the money comes from the ceiling.
    expect(hireCostBetween({ ...hire, hoursPerWeek: 20 }, '2027-03-01', '2027-03-12')).toEqual({ hours: 40, cents: 100_000 });
  });
});

describe('Wet DBA flags for ZZP assignments', () => {
  const zzp = { kind: 'zzp' as const, startDate: '2027-01-01', endDate: '2027-12-31', formationPositionId: null, agreedResult: 'Inspectieplan opgeleverd' };
  it('flags a ZZP assignment of the set number of months or longer, one without an agreed result, and one that fills a position', () => {
    expect(dbaFlags(zzp, 12)).toEqual(['longAssignment']);
    expect(dbaFlags({ ...zzp, endDate: '2027-12-30' }, 12)).toEqual([]);
    expect(dbaFlags({ ...zzp, endDate: '2027-12-30' }, 6)).toEqual(['longAssignment']);
    expect(dbaFlags({ ...zzp, endDate: '2027-06-30', formationPositionId: 4 }, 12)).toEqual(['fillsPosition']);
    expect(dbaFlags({ ...zzp, endDate: '2027-06-30', agreedResult: '  ' }, 12)).toEqual(['noAgreedResult']);
    expect(dbaFlags({ ...zzp, kind: 'inhuurbureau', agreedResult: '' }, 12)).toEqual([]);
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});
