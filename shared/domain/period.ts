import { isoDate } from '../import/values.ts';

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  /** As written: "2027", "2027-Q2", "2027-04". */
  code: string;
  kind: PeriodKind;
  year: number;
  /** First and last day, ISO, inclusive. */
  start: string;
  end: string;
  months: number;
  days: number;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function daysBetweenInclusive(startIso: string, endIso: string): number {
  return Math.round((Date.parse(`${endIso}T00:00:00Z`) - Date.parse(`${startIso}T00:00:00Z`)) / 86_400_000) + 1;
}

function make(code: string, kind: PeriodKind, year: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  const start = isoDate(year, firstMonth, 1);
  const end = isoDate(year, lastMonth, lastDay(year, lastMonth));
  return { code, kind, year, start, end, months, days: daysBetweenInclusive(start, end) };
}

/** "2027" | "2027-Q2" | "2027-04" → Period, or null when it is none of these. */
export function parsePeriod(code: string): Period | null {
  const text = code.trim().toUpperCase();
  let match = /^(\d{4})$/.exec(text);
  if (match) return make(text, 'year', Number(match[1]), 1, 12);
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) return make(text, 'quarter', Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 3);
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (match) return make(text, 'month', Number(match[1]), Number(match[2]), 1);
  return null;
}

export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/i;

/** The months of a period as "YYYY-MM", for trends. */
export function monthsOf(period: Period): string[] {
  const first = Number(period.start.slice(5, 7));
  return Array.from({ length: period.months }, (_, i) => `${period.year}-${String(first + i).padStart(2, '0')}`);
}

/**
 * The day a report of a period judges what is overdue on (Poortwachter steps, decision moments): the
 * period's last day; while the period is still running, today, so a step due next week is not "late" yet.
 * A period that has not begun (a report made ahead, or a workbook of next year) is judged on its last day.
 */
export function judgementDay(period: Pick<Period, 'start' | 'end'>, today: string): string {
  return today >= period.start && today < period.end ? today : period.end;
}

function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The day pages of a workbook open on for its year: today while the year runs; otherwise the last day of
 * the latest month of that year with data, or — without data — the year's first day (a year still to come)
 * or its last (a year gone by). Never a day outside the year.
 */
export function defaultDayOf(year: number, latestData: string | null, today: string): string {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (today >= start && today <= end) return today;
  if (latestData && latestData >= start && latestData <= end) return parsePeriod(latestData.slice(0, 7))!.end;
  return today < start ? start : end;
}

/**
 * The month, quarter and year a page or report of a workbook opens on: the latest of its year that has
 * data (no later than today while the year runs), else today's while the year runs, else the year's first
 * (a year still to come) or last (a year gone by). Never a period outside the year.
 */
export function defaultPeriodsOf(year: number, latestData: string | null, today: string): { month: string; quarter: string; year: string; day: string } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const inYear = today >= start && today <= end;
  let day: string;
  if (latestData && latestData >= start && latestData <= end) day = inYear && latestData > today ? today : latestData;
  else day = inYear ? today : today < start ? start : end;
  return { month: day.slice(0, 7), quarter: quarterOf(day), year: String(year), day: defaultDayOf(year, latestData, today) };
}
