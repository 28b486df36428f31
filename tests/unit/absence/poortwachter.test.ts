import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/absence/days.ts';
import { chainsOf, poortwachterSchedule, weekDue, type SicknessPeriod, type StepRecord } from '../../../shared/domain/absence/poortwachter.ts';

const open = (firstDay: string, caseId = 1): SicknessPeriod => ({ caseId, firstDay, lastDay: null });
const closed = (firstDay: string, lastDay: string, caseId = 1): SicknessPeriod => ({ caseId, firstDay, lastDay });

/** An independent computation with the platform's calendar: first day + 7N − 1 days. */
function byDateApi(firstDay: string, week: number): string {
  const date = new Date(`${firstDay}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7 * week - 1);
  return date.toISOString().slice(0, 10);
}

describe('due dates: week N is due on first day + 7N − 1', () => {
  it('Monday 4 January 2027: week 6 ends Sunday 14 February 2027 (domain.md)', () => {
    expect(weekDue([open('2027-01-04')], 6)).toBe('2027-02-14');
    expect(weekDue([open('2027-01-04')], 1)).toBe('2027-01-10');
    expect(weekDue([open('2027-01-04')], 8)).toBe('2027-02-28');
  });

  it('crosses the year end: week 52 of 4 January 2027 is 2 January 2028, week 104 is 31 December 2028 (a leap year in between)', () => {
    expect(weekDue([open('2027-01-04')], 52)).toBe('2028-01-02');
    expect(weekDue([open('2027-01-04')], 104)).toBe('2028-12-31');
  });

  it('a sick report on 22 November 2027 has its problem analysis due on 2 January 2028', () => {
    expect(weekDue([open('2027-11-22')], 6)).toBe('2028-01-02');
  });

  it('counts 29 February 2028: a first day of 19 January 2028 has week 6 due on 29 February and week 8 on 14 March', () => {
    expect(weekDue([open('2028-01-19')], 6)).toBe('2028-02-29');
    expect(weekDue([open('2028-01-19')], 8)).toBe('2028-03-14');
  });

  it('a first day on Tuesday 29 February 2028 has its 42nd week end on Monday 18 December 2028 and week 104 on Monday 25 February 2030', () => {
    expect(weekDue([open('2028-02-29')], 42)).toBe('2028-12-18');
    expect(weekDue([open('2028-02-29')], 104)).toBe('2030-02-25');
  });

  it('agrees with the platform calendar for every week of every first day over four years', () => {
    for (let day = 0; day < 4 * 366; day += 3) {
      const first = addDays('2026-12-01', day);
      for (const week of [1, 6, 8, 42, 52, 88, 91, 93, 104]) expect(weekDue([open(first)], week)).toBe(byDateApi(first, week));
    }
  });
});

describe('the 28-day rule: a relapse continues the old timeline', () => {
  // Sick 4–31 January 2027 (28 days).
  const first = closed('2027-01-04', '2027-01-31', 1);

  it('joins a relapse after 14 fit days and moves the deadlines on by those days', () => {
    const relapse = open('2027-02-15', 2);
    expect(chainsOf([first, relapse])).toEqual([[first, relapse]]);
    // Day 42 of sickness: 28 days in January, then day 29 is 15 February → day 42 is 28 February.
    expect(weekDue([first, relapse], 6)).toBe('2027-02-28');
  });

  it('joins a relapse after 27 fit days', () => {
    const relapse = open('2027-02-28', 2);
    expect(chainsOf([first, relapse])).toHaveLength(1);
    expect(weekDue([first, relapse], 6)).toBe('2027-03-13');
  });

  it('starts a new timeline after 28 fit days', () => {
    const later = open('2027-03-01', 2);
    expect(chainsOf([first, later])).toEqual([[first], [later]]);
    expect(weekDue([later], 6)).toBe('2027-04-11');
  });

  it('chains across the year end, in any input order', () => {
    const december = closed('2027-12-01', '2027-12-20', 1);
    const january = closed('2028-01-10', '2028-02-15', 2);
    const march = open('2028-03-10', 3);
    expect(chainsOf([march, december, january]).map((c) => c.map((p) => p.caseId))).toEqual([[1, 2, 3]]);
  });

  it('has no due date for a step the chain never reached', () => {
    expect(weekDue([first], 6)).toBeNull();
  });
});

describe('the schedule with statuses on a given day', () => {
  const chain = [open('2027-01-04')];
  const none = new Map<string, StepRecord>();

  it('lists every milestone with due date and status, and the first evaluation after the plan', () => {
    const steps = poortwachterSchedule(chain, none, '2027-02-20', 28);
    const byKey = Object.fromEntries(steps.map((s) => [s.key, s]));
    expect(byKey.sickReport).toMatchObject({ due: '2027-01-10', status: 'overdue', daysLeft: -41 });
    expect(byKey.problemAnalysis).toMatchObject({ due: '2027-02-14', status: 'overdue', daysLeft: -6 });
    expect(byKey.actionPlan).toMatchObject({ due: '2027-02-28', status: 'dueSoon', daysLeft: 8 });
    expect(byKey['evaluation-1']).toMatchObject({ due: '2027-04-11', status: 'planned' });
    expect(byKey.notice42).toMatchObject({ due: addDays('2027-01-04', 293), status: 'planned' });
    expect(byKey.endOfWagePayment).toMatchObject({ due: '2028-12-31', status: 'info' });
    expect(steps.map((s) => s.key)).toEqual(['sickReport', 'problemAnalysis', 'actionPlan', 'evaluation-1', 'notice42', 'firstYearEvaluation', 'wiaLetter', 'finalEvaluation', 'wiaApplication', 'endOfWagePayment']);
  });

  it('marks registered steps done and plans the next evaluation six weeks after the last one', () => {
    const records = new Map<string, StepRecord>([
      ['sickReport', { doneOn: '2027-01-05', note: null }],
      ['actionPlan', { doneOn: '2027-02-25', note: 'casemanager: P&O' }],
      ['evaluation-1', { doneOn: '2027-04-01', note: null }],
    ]);
    const steps = poortwachterSchedule(chain, records, '2027-04-20', 28);
    const byKey = Object.fromEntries(steps.map((s) => [s.key, s]));
    expect(byKey.sickReport.status).toBe('done');
    expect(byKey.actionPlan).toMatchObject({ status: 'done', note: 'casemanager: P&O' });
    // The plan was made on 25 February: evaluation 1 due 8 April (done 1 April), evaluation 2 due 13 May.
    expect(byKey['evaluation-1']).toMatchObject({ due: '2027-04-08', status: 'done' });
    expect(byKey['evaluation-2']).toMatchObject({ due: '2027-05-13', status: 'dueSoon', daysLeft: 23 });
    expect(byKey['evaluation-3']).toBeUndefined();
  });

  it('a recovery ends the timeline: later steps are not needed', () => {
    const steps = poortwachterSchedule([closed('2027-01-04', '2027-02-20')], none, '2027-03-01', 28);
    const byKey = Object.fromEntries(steps.map((s) => [s.key, s]));
    expect(byKey.problemAnalysis.status).toBe('overdue');
    expect(byKey.actionPlan).toMatchObject({ due: null, status: 'notNeeded' });
    expect(byKey.notice42.status).toBe('notNeeded');
    expect(byKey['evaluation-1']).toBeUndefined();
  });

  it('uses the lead time for "due soon"', () => {
    const steps = poortwachterSchedule(chain, none, '2027-01-20', 7);
    expect(steps.find((s) => s.key === 'problemAnalysis')!.status).toBe('planned');
    const wider = poortwachterSchedule(chain, none, '2027-01-20', 28);
    expect(wider.find((s) => s.key === 'problemAnalysis')!.status).toBe('dueSoon');
  });
});
