import { describe, expect, it } from 'vitest';
import { defaultCentralPeriod } from '../../../renderer/src/areas/consolidation/default-period.ts';
import type { PeriodDefaults } from '../../../shared/api/report.ts';

const calendar = ['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2027-06', '2027'];
const defaults = (latestData: string | null, day: string): PeriodDefaults => ({ fiscalYear: 2027, latestData, month: day.slice(0, 7), quarter: '', year: '2027', day });

describe('the period a central workbook’s review pages open on', () => {
  it('is the quarter of the workbook’s year that the latest packages were for', () => {
    expect(defaultCentralPeriod(calendar, defaults('2027-06-30', '2027-06-30'))).toBe('2027-Q2');
  });

  it('without packages: the period holding the default day of the workbook’s year, never one of the year before', () => {
    expect(defaultCentralPeriod(calendar, defaults(null, '2027-01-01'))).toBe('2027-Q1');
    expect(defaultCentralPeriod(['2026-Q4', '2027-Q1'], defaults(null, '2027-01-01'))).toBe('2027-Q1');
  });

  it('packages for a month the calendar does not hold fall to the quarter holding that month', () => {
    expect(defaultCentralPeriod(['2027-Q1', '2027-Q2', '2027-Q3'], defaults('2027-05-31', '2027-05-31'))).toBe('2027-Q2');
  });

  it('before the defaults are known: the calendar’s first period', () => {
    expect(defaultCentralPeriod(calendar, undefined)).toBe('2026-Q4');
  });
});
