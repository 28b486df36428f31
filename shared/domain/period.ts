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
