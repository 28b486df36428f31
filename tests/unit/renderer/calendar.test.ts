import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarStart, endOfWeek, keyTarget, localTodayIso, monthGrid, readTypedDate, startOfWeek, typedText, weekdayIndex } from '../../../renderer/src/components/calendar.ts';

describe('the date field reads what people type', () => {
  it('takes Dutch dates with dashes, slashes and dots, one-digit days and months, and ISO', () => {
    expect(readTypedDate('31-12-2026')).toEqual({ kind: 'date', iso: '2026-12-31' });
    expect(readTypedDate('31/12/2026')).toEqual({ kind: 'date', iso: '2026-12-31' });
    expect(readTypedDate('31.12.2026')).toEqual({ kind: 'date', iso: '2026-12-31' });
    expect(readTypedDate(' 3-1-2027 ')).toEqual({ kind: 'date', iso: '2027-01-03' });
    expect(readTypedDate('2027-01-03')).toEqual({ kind: 'date', iso: '2027-01-03' });
  });

  it('reads day before month: 02-03-2027 is 2 March, never 3 February', () => {
    expect(readTypedDate('02-03-2027')).toEqual({ kind: 'date', iso: '2027-03-02' });
  });

  it('says why a text is not a date, in Dutch', () => {
    expect(readTypedDate('')).toEqual({ kind: 'empty' });
    expect(readTypedDate('31-02-2027')).toMatchObject({ kind: 'invalid' });
    expect(readTypedDate('12-31-2027')).toEqual({ kind: 'invalid', reason: expect.stringContaining('maand 31 bestaat niet') });
    expect(readTypedDate('1-1-27')).toEqual({ kind: 'invalid', reason: expect.stringContaining('jaar van vier cijfers') });
    expect(readTypedDate('morgen')).toEqual({ kind: 'invalid', reason: expect.stringContaining('dd-mm-jjjj') });
    expect(readTypedDate('29-02-2027').kind).toBe('invalid');
    expect(readTypedDate('29-02-2028')).toEqual({ kind: 'date', iso: '2028-02-29' });
  });

  it('writes a picked date back as dd-mm-jjjj', () => {
    expect(typedText('2027-01-03')).toBe('03-01-2027');
  });

  it('opens the calendar on the typed date, or on the fallback while the box holds no date', () => {
    expect(calendarStart('15-06-2027', '2026-12-07')).toBe('2027-06-15');
    expect(calendarStart('', '2026-12-07')).toBe('2026-12-07');
    expect(calendarStart('15-13-2027', '2026-12-07')).toBe('2026-12-07');
  });

  it('takes today from the local calendar, not UTC', () => {
    expect(localTodayIso(new Date(2027, 0, 1, 0, 30))).toBe('2027-01-01');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    // The last Sunday of March (summer time) is an ordinary day here.
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('adds months and keeps the day within the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonths('2027-05-31', -12)).toBe('2026-05-31');
  });

  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2027-01-04')).toBe(0); // a Monday
    expect(weekdayIndex('2027-01-03')).toBe(6); // a Sunday
    expect(startOfWeek('2027-01-07')).toBe('2027-01-04');
    expect(endOfWeek('2027-01-07')).toBe('2027-01-10');
  });

  it('lays out a month in weeks of seven, Monday first, with blanks outside the month', () => {
    const february = monthGrid(2027, 2);
    expect(february.every((week) => week.length === 7)).toBe(true);
    expect(february[0]).toEqual(['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07']);
    expect(february).toHaveLength(4);
    const january = monthGrid(2027, 1); // 1 January 2027 is a Friday
    expect(january[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(january.flat().filter(Boolean)).toHaveLength(31);
    expect(january.at(-1)!.at(-1)).toBe('2027-01-31');
  });

  it('moves the focus as the date picker keys say', () => {
    expect(keyTarget('2027-01-07', 'ArrowLeft', false)).toBe('2027-01-06');
    expect(keyTarget('2027-01-07', 'ArrowRight', false)).toBe('2027-01-08');
    expect(keyTarget('2027-01-07', 'ArrowUp', false)).toBe('2026-12-31');
    expect(keyTarget('2027-01-07', 'ArrowDown', false)).toBe('2027-01-14');
    expect(keyTarget('2027-01-07', 'Home', false)).toBe('2027-01-04');
    expect(keyTarget('2027-01-07', 'End', false)).toBe('2027-01-10');
    expect(keyTarget('2027-01-31', 'PageDown', false)).toBe('2027-02-28');
    expect(keyTarget('2027-01-07', 'PageUp', true)).toBe('2026-01-07');
    expect(keyTarget('2027-01-07', 'a', false)).toBeNull();
  });
});

describe('no browser date pickers', () => {
  it('the renderer has no <input type="date"> anywhere (they follow the browser language, not the app)', () => {
    const root = path.resolve(import.meta.dirname, '../../../renderer/src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && /type=["'{]+(date|month|datetime-local|week|time)["'}]/.test(fs.readFileSync(full, 'utf8'))) offenders.push(path.relative(root, full));
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
