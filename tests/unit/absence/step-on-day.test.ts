import { describe, expect, it } from 'vitest';
import { stepOnDay } from '../../../shared/domain/absence/poortwachter.ts';

// The problem analysis of a case that began on 4 January 2027 is due on 14 February (week 6).
const analysis = { due: '2027-02-14', doneOn: null };

describe('stepOnDay: one rule for an overdue Poortwachter step on a day', () => {
  it('is overdue when due before the day, not done, and the person still sick on it', () => {
    expect(stepOnDay(analysis, null, '2027-03-31')).toBe('overdue');
    // Still sick on the day itself (the last sick day is the day): overdue.
    expect(stepOnDay(analysis, '2027-03-31', '2027-03-31')).toBe('overdue');
    // A recovery known for after the day does not change the day.
    expect(stepOnDay(analysis, '2027-05-01', '2027-03-31')).toBe('overdue');
  });

  it('is open on its due day and before it', () => {
    expect(stepOnDay(analysis, null, '2027-02-14')).toBe('open');
    expect(stepOnDay(analysis, null, '2027-01-31')).toBe('open');
  });

  it('is done when done on or before the day; done later, it was still late on the day', () => {
    expect(stepOnDay({ ...analysis, doneOn: '2027-03-31' }, null, '2027-03-31')).toBe('done');
    expect(stepOnDay({ ...analysis, doneOn: '2027-04-02' }, null, '2027-03-31')).toBe('overdue');
    // Done after a recovery (a late registration) still counts as done.
    expect(stepOnDay({ ...analysis, doneOn: '2027-03-20' }, '2027-03-10', '2027-03-31')).toBe('done');
  });

  it('lapses once the person recovered before the day: a missed step can no longer be taken, so it is not late', () => {
    expect(stepOnDay(analysis, '2027-03-10', '2027-03-31')).toBe('lapsed');
    expect(stepOnDay(analysis, '2027-02-14', '2027-03-31')).toBe('lapsed');
    // Due after the recovery: it never fell due.
    expect(stepOnDay(analysis, '2027-02-13', '2027-03-31')).toBeNull();
    expect(stepOnDay({ due: null, doneOn: null }, null, '2027-03-31')).toBeNull();
  });
});
