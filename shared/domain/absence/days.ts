/**
 * Calendar days as integers (days since 1970-01-01), so interval arithmetic over thousands of
 * employees and years is plain integer maths. Conversions follow the proleptic Gregorian calendar
 * (Howard Hinnant's civil-from-days algorithms) and never touch time zones.
 */
export type DayNumber = number;

/** "2027-04-01" → day number. The string must be a valid ISO date (the API and importers check that). */
export function dayNumber(iso: string): DayNumber {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number → "2027-04-01". */
export function isoDay(day: DayNumber): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ISO date plus (or minus) a number of days. */
export function addDays(iso: string, days: number): string {
  return isoDay(dayNumber(iso) + days);
}

/** Inclusive count of days from `from` to `to` (1 when equal). */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Today's date on this machine's calendar (local time, not UTC: a Dutch user's "today"). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
