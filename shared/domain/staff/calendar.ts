/** Day arithmetic on ISO dates (YYYY-MM-DD) in UTC, so no time zone or daylight saving shifts a day. */

const DAY_MS = 86_400_000;

export function toDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isWeekday(iso: string): boolean {
  const day = weekday(iso);
  return day !== 0 && day !== 6;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Calls fn for each day from start to end inclusive. */
export function forEachDay(start: string, end: string, fn: (iso: string) => void): void {
  const last = toDayNumber(end);
  for (let day = toDayNumber(start); day <= last; day += 1) fn(fromDayNumber(day));
}

/** The same day n months later, clamped to the month's last day: 31-01 + 1 month = 28-02 (29-02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
