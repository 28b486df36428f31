import { formatDate } from '../../../shared/format/nl.ts';
import { parseDate } from '../../../shared/import/values.ts';

/**
 * The arithmetic of the date field's calendar, on ISO dates (YYYY-MM-DD) in UTC so no time zone or
 * summer time moves a day. Weeks start on Monday, as in a Dutch calendar.
 */

function toUtc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day some months later or earlier; 31 January + 1 month is 28 (or 29) February. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const nextYear = Math.floor(index / 12);
  const nextMonth = (index % 12) + 1;
  const nextDay = Math.min(day, daysInMonth(nextYear, nextMonth));
  return `${String(nextYear).padStart(4, '0')}-${String(nextMonth).padStart(2, '0')}-${String(nextDay).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** Monday of the week of the date, and Sunday. */
export function startOfWeek(iso: string): string {
  return addDays(iso, -weekdayIndex(iso));
}

export function endOfWeek(iso: string): string {
  return addDays(iso, 6 - weekdayIndex(iso));
}

/**
 * The weeks of a month as rows of seven cells, Monday first: an ISO date for each day of the month,
 * null for the days before the 1st and after the last.
 */
export function monthGrid(year: number, month: number): Array<Array<string | null>> {
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const cells: Array<string | null> = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(addDays(first, day - 1));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Today on the user's own calendar (not UTC: just after midnight it is already tomorrow here). */
export function localTodayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** What the user typed in a date field: an ISO date, nothing, or the reason it is not a date. */
export type TypedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; reason: string };

/** Reads a date typed the Dutch way: 31-12-2026, 31/12/2026, 31.12.2026, 3-1-2027, and ISO 2026-12-31. */
export function readTypedDate(text: string): TypedDate {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parseDate(text);
  return parsed.ok ? { kind: 'date', iso: parsed.value } : { kind: 'invalid', reason: parsed.reason };
}

/** The text the field shows for a date picked in the calendar. */
export function typedText(iso: string): string {
  return formatDate(iso);
}

/** The day the calendar opens on: the typed date, else the fallback (e.g. today), clamped to a real day. */
export function calendarStart(text: string, fallbackIso: string): string {
  const typed = readTypedDate(text);
  return typed.kind === 'date' ? typed.iso : fallbackIso;
}

/** Where a key moves the calendar's focus (the APG date picker keys), or null for other keys. */
export function keyTarget(iso: string, key: string, shift: boolean): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(iso, -1);
    case 'ArrowRight':
      return addDays(iso, 1);
    case 'ArrowUp':
      return addDays(iso, -7);
    case 'ArrowDown':
      return addDays(iso, 7);
    case 'Home':
      return startOfWeek(iso);
    case 'End':
      return endOfWeek(iso);
    case 'PageUp':
      return addMonths(iso, shift ? -12 : -1);
    case 'PageDown':
      return addMonths(iso, shift ? 12 : 1);
    default:
      return null;
  }
}
