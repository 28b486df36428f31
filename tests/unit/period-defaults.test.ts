import { describe, expect, it } from 'vitest';
import { defaultDayOf, defaultPeriodsOf, judgementDay, parsePeriod } from '../../shared/domain/period.ts';

const q1 = parsePeriod('2027-Q1')!;

describe('judgementDay: the day a report of a period judges what is overdue on', () => {
  it('is the period’s last day once it is over, and also before it began', () => {
    expect(judgementDay(q1, '2027-04-10')).toBe('2027-03-31');
    expect(judgementDay(q1, '2026-12-07')).toBe('2027-03-31');
    expect(judgementDay(q1, '2027-03-31')).toBe('2027-03-31');
  });

  it('is today while the period still runs: a step due next week is not late yet', () => {
    expect(judgementDay(q1, '2027-02-15')).toBe('2027-02-15');
    expect(judgementDay(q1, '2027-01-01')).toBe('2027-01-01');
  });
});

describe('defaultPeriodsOf: where pages and reports of a workbook’s year open', () => {
  it('a 2027 workbook in December 2026 opens on the latest period of 2027 with data, never on 2026', () => {
    expect(defaultPeriodsOf(2027, '2027-12-15', '2026-12-07')).toEqual({ month: '2027-12', quarter: '2027-Q4', year: '2027', day: '2027-12-31' });
    expect(defaultPeriodsOf(2027, '2027-03-10', '2026-12-07')).toEqual({ month: '2027-03', quarter: '2027-Q1', year: '2027', day: '2027-03-31' });
  });

  it('without data opens on the year’s first period when the year is still to come, its last when it is over', () => {
    expect(defaultPeriodsOf(2027, null, '2026-12-07')).toEqual({ month: '2027-01', quarter: '2027-Q1', year: '2027', day: '2027-01-01' });
    expect(defaultPeriodsOf(2027, null, '2028-02-01')).toEqual({ month: '2027-12', quarter: '2027-Q4', year: '2027', day: '2027-12-31' });
    // Data outside the year does not count.
    expect(defaultPeriodsOf(2027, '2026-11-30', '2026-12-07').quarter).toBe('2027-Q1');
  });

  it('while the year runs, opens on today’s period, or an earlier one with the latest data, never a later one', () => {
    expect(defaultPeriodsOf(2027, null, '2027-05-20')).toEqual({ month: '2027-05', quarter: '2027-Q2', year: '2027', day: '2027-05-20' });
    expect(defaultPeriodsOf(2027, '2027-02-28', '2027-05-20')).toMatchObject({ month: '2027-02', quarter: '2027-Q1', day: '2027-05-20' });
    expect(defaultPeriodsOf(2027, '2027-11-30', '2027-05-20')).toMatchObject({ month: '2027-05', quarter: '2027-Q2' });
  });

  it('a closed year opens on its latest data', () => {
    expect(defaultPeriodsOf(2026, '2026-10-03', '2027-03-01')).toEqual({ month: '2026-10', quarter: '2026-Q4', year: '2026', day: '2026-10-31' });
    expect(defaultDayOf(2026, '2026-06-10', '2027-03-01')).toBe('2026-06-30');
  });
});
