import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCents, formatDate, formatPercent, formatPeriod } from '../../shared/format/nl.ts';
import { parsePeriod } from '../../shared/domain/period.ts';
import { APP_VERSION } from '../../shared/version.ts';

describe('Dutch formats', () => {
  it('formats money, dates, percentages and periods as Dutch readers expect', () => {
    expect(formatCents(123456)).toBe('€ 1.234,56');
    expect(formatCents(-123456)).toBe('€ -1.234,56');
    expect(formatCents(123456, { whole: true })).toBe('€ 1.235');
    expect(formatDate('2026-12-31')).toBe('31-12-2026');
    expect(formatPercent(38.8889)).toBe('38,9 %');
    expect(formatPeriod('2027-Q2')).toBe('2e kwartaal 2027');
    expect(formatPeriod('2027-04')).toBe('april 2027');
  });
});

describe('parsePeriod', () => {
  it('knows years, quarters and months with their first and last day', () => {
    expect(parsePeriod('2027')).toMatchObject({ kind: 'year', start: '2027-01-01', end: '2027-12-31', months: 12, days: 365 });
    expect(parsePeriod('2028-Q1')).toMatchObject({ kind: 'quarter', start: '2028-01-01', end: '2028-03-31', months: 3, days: 91 });
    expect(parsePeriod('2027-02')).toMatchObject({ kind: 'month', start: '2027-02-01', end: '2027-02-28', days: 28 });
    expect(parsePeriod('2027-13')).toBeNull();
    expect(parsePeriod('27-Q1')).toBeNull();
  });
});

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(APP_VERSION).toBe(pkg.version);
  });
});
