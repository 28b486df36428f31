import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysInclusive, isoDay } from '../../../shared/domain/absence/days.ts';
import { CaseProblem, checkCaseShape, findOverlap, medicalTermsIn } from '../../../shared/domain/absence/rules.ts';
import { monthsBefore } from '../../../electron/backend/absence/retention.ts';

describe('day numbers', () => {
  it('match the platform calendar, leap days included', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2027-12-31', '2028-02-29', '2028-03-01', '2100-03-01']) {
      expect(dayNumber(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      expect(isoDay(dayNumber(iso))).toBe(iso);
    }
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysInclusive('2027-04-01', '2027-04-30')).toBe(30);
  });
});

describe('case rules', () => {
  it('refuses an end before the start and a percentage outside 1–100', () => {
    expect(() => checkCaseShape({ firstDay: '2027-04-10', lastDay: '2027-04-09', episodes: [{ from: '2027-04-10', percentage: 100 }] })).toThrow(CaseProblem);
    expect(() => checkCaseShape({ firstDay: '2027-04-10', lastDay: null, episodes: [{ from: '2027-04-10', percentage: 0 }] })).toThrow(/ligt niet tussen 1 en 100/);
    expect(() => checkCaseShape({ firstDay: '2027-04-10', lastDay: null, episodes: [{ from: '2027-04-10', percentage: 100.5 }] })).toThrow(/ligt niet tussen 1 en 100/);
    expect(() => checkCaseShape({ firstDay: '2027-04-10', lastDay: '2027-04-20', episodes: [{ from: '2027-04-10', percentage: 100 }, { from: '2027-04-21', percentage: 50 }] })).toThrow(/na de laatste ziektedag/);
    expect(() => checkCaseShape({ firstDay: '2027-04-10', lastDay: '2027-04-10', episodes: [{ from: '2027-04-10', percentage: 37.5 }] })).not.toThrow();
  });

  it('finds overlaps, an open case running on indefinitely, and none for adjacent cases', () => {
    const others = [
      { caseNumber: 'A', firstDay: '2027-01-01', lastDay: '2027-01-31' },
      { caseNumber: 'B', firstDay: '2027-03-01', lastDay: null },
    ];
    expect(findOverlap({ firstDay: '2027-02-01', lastDay: '2027-02-28' }, others)).toBeNull();
    expect(findOverlap({ firstDay: '2027-01-31', lastDay: '2027-02-05' }, others)?.caseNumber).toBe('A');
    expect(findOverlap({ firstDay: '2028-06-01', lastDay: '2028-06-02' }, others)?.caseNumber).toBe('B');
    expect(findOverlap({ firstDay: '2027-02-10', lastDay: null }, others)?.caseNumber).toBe('B');
  });

  it('notices medical words in a note', () => {
    expect(medicalTermsIn('Heeft griep en rugklachten')).toEqual(['griep', 'rugklachten', 'klachten']);
    expect(medicalTermsIn('Gebeld, komt dinsdag langs')).toEqual([]);
  });
});

describe('retention cutoff', () => {
  it('goes back whole months, clamped to the end of a shorter month', () => {
    expect(monthsBefore('2027-06-15', 24)).toBe('2025-06-15');
    expect(monthsBefore('2027-05-31', 3)).toBe('2027-02-28');
    expect(monthsBefore('2028-05-31', 3)).toBe('2028-02-29');
    expect(monthsBefore('2027-01-10', 1)).toBe('2026-12-10');
  });
});
