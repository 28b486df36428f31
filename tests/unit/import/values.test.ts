import { describe, expect, it } from 'vitest';
import { centsFromNumber, decideDecimalMark, detectDecimalMark, parseAmountCents, parseDate, parseDecimal, parseUserAmountCents } from '../../../shared/import/values.ts';

const cents = (raw: string, mark: ',' | '.' = ',') => {
  const result = parseAmountCents(raw, mark);
  return result.ok ? result.value : result.reason;
};

describe('parseAmountCents', () => {
  it('reads Dutch amounts in all the forms finance systems write', () => {
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('1234,56')).toBe(123456);
    expect(cents('-1.234,56')).toBe(-123456);
    expect(cents('1.234,56-')).toBe(-123456);
    expect(cents('(1.234,56)')).toBe(-123456);
    expect(cents('€ 1.234,56')).toBe(123456);
    expect(cents('€\u00a0-12,5')).toBe(-1250);
    expect(cents('EUR 12')).toBe(1200);
    expect(cents('1 234 567,89'.replace(/ /g, '.'))).toBe(123456789);
    expect(cents('0,00')).toBe(0);
    expect(cents('-0,00')).toBe(0);
    expect(cents(',5')).toBe(50);
  });

  it('reads amounts with a decimal point when the file uses one', () => {
    expect(cents('1,234.56', '.')).toBe(123456);
    expect(cents('-1234.5', '.')).toBe(-123450);
    expect(cents('(12.00)', '.')).toBe(-1200);
  });

  it('keeps "3.456" a thousands number in a Dutch file', () => {
    expect(cents('3.456')).toBe(345600);
  });

  it('refuses what is not an amount, with the reason', () => {
    expect(cents('abc')).toMatch(/geen bedrag/);
    expect(cents('')).toMatch(/ontbreekt/);
    expect(cents('1.23,45')).toMatch(/duizendtallen/);
    expect(cents('12,345')).toMatch(/meer dan twee decimalen/);
    expect(cents('1,2,3')).toMatch(/meer dan één decimaalteken/);
    expect(cents('12,30')).toBe(1230);
    expect(cents('12,300')).toBe(1230);
  });

  it('reads parentheses as negative, also with a minus inside them', () => {
    expect(cents('(5)')).toBe(-500);
    expect(cents('(-5)')).toBe(-500);
    expect(cents('(5-)')).toBe(-500);
    expect(cents('(-1.234,56)')).toBe(-123456);
    expect(cents('(--5)')).toMatch(/geen bedrag/);
  });
});

describe('amounts in accounting notation', () => {
  it('reads a negative in parentheses with the currency sign before, inside or after them', () => {
    expect(cents('(1.234,56)')).toBe(-123456);
    expect(cents('€ (1.234,56)')).toBe(-123456);
    expect(cents('(€ 1.234,56)')).toBe(-123456);
    expect(cents('(1.234,56) €')).toBe(-123456);
    expect(cents('(1.234,56 €)')).toBe(-123456);
    expect(cents('EUR (1.234,56)')).toBe(-123456);
    expect(cents('€\u00a0(12,50)')).toBe(-1250);
    expect(cents('€ (1,234.56)', '.')).toBe(-123456);
  });

  it('reads a trailing minus and a sign after the currency sign', () => {
    expect(cents('1.234,56-')).toBe(-123456);
    expect(cents('€ 1.234,56-')).toBe(-123456);
    expect(cents('1.234,56- €')).toBe(-123456);
    expect(cents('€ -1.234,56')).toBe(-123456);
    expect(cents('€-1.234,56')).toBe(-123456);
    expect(cents('-€ 1.234,56')).toBe(-123456);
    expect(cents('€ +1.234,56')).toBe(123456);
    expect(cents('1.234,56 EUR')).toBe(123456);
  });

  it('still refuses what is not one amount', () => {
    expect(cents('€')).toMatch(/geen bedrag/);
    expect(cents('()')).toMatch(/geen bedrag/);
    expect(cents('€ (--5)')).toMatch(/geen bedrag/);
    expect(cents('(1.234,56')).toMatch(/geen bedrag/);
    // Words get no advice about separators, which would not be true for them.
    expect(cents('n.v.t.')).toBe('"n.v.t." is geen bedrag');
    expect(cents('€ 1.2a4,00')).toBe('"€ 1.2a4,00" is geen bedrag');
    expect(cents('1.23,00')).toMatch(/duizendtallen "\." staan niet per drie cijfers/);
    expect(cents('- -5')).toMatch(/geen bedrag/);
  });

  it('decides the decimal mark from such values too', () => {
    expect(decideDecimalMark(['€ (1.234,56)', '(€ 12,50)', '7,25-'])).toMatchObject({ mark: ',', decided: true });
    expect(decideDecimalMark(['€ (1,234.56)', '(€ 12.50)'])).toMatchObject({ mark: '.', decided: true });
  });
});

describe('amounts whose decimal mark is not decided', () => {
  const undecided = (raw: string) => {
    const result = parseAmountCents(raw, ',', { markUndecided: true });
    return result.ok ? result.value : result.reason;
  };

  it('refuses three digits after the assumed mark, asking which reading is meant', () => {
    expect(undecided('12,500')).toBe('"12,500" is niet eenduidig: is dit 12.500 of 12,50? Het decimaalteken van het bestand staat niet vast; kies het bij de import (Decimaalteken, in de CLI --decimal-mark)');
    expect(undecided('250,000')).toMatch(/is dit 250\.000 of 250,00\?/);
    expect(undecided('-3,000')).toMatch(/is dit -3\.000 of -3,00\?/);
    expect(undecided('7,500-')).toMatch(/is dit -7\.500 of -7,50\?/);
    expect(undecided('€ 12,345')).toMatch(/is dit 12\.345 of 12,345\?/);
  });

  it('reads values that have only one reading as before', () => {
    expect(undecided('12,50')).toBe(1250);
    expect(undecided('0,500')).toBe(50);
    expect(undecided('1234,500')).toBe(123450);
    expect(undecided('1.250,500')).toBe(125050);
    expect(undecided('3.456')).toBe(345600);
    expect(undecided('12')).toBe(1200);
    // Decided files read them as their mark says.
    expect(cents('12,500')).toBe(1250);
    expect(cents('12,500', '.')).toBe(1250000);
  });
});

describe('decideDecimalMark', () => {
  it('says whether unambiguous values decided the mark, and which value left it open', () => {
    expect(decideDecimalMark(['12,500', '250,000', '7,500', '-3,000'])).toEqual({ mark: ',', decided: false, ambiguous: '12,500' });
    expect(decideDecimalMark(['12,500', '3,50'])).toEqual({ mark: ',', decided: true, ambiguous: null });
    expect(decideDecimalMark(['12,500', '1,234.56'])).toEqual({ mark: '.', decided: true, ambiguous: null });
    expect(decideDecimalMark(['12', '1.234'])).toEqual({ mark: ',', decided: false, ambiguous: null });
    expect(decideDecimalMark(['0,500', '1234,500'])).toEqual({ mark: ',', decided: true, ambiguous: null });
  });
});

describe('detectDecimalMark', () => {
  it('decides per file from unambiguous values', () => {
    expect(detectDecimalMark(['106,53', '4.881,95', '-139,82'])).toBe(',');
    expect(detectDecimalMark(['106.53', '4,881.95', '-139.82'])).toBe('.');
    expect(detectDecimalMark(['1.234', '5.678'])).toBe(',');
    expect(detectDecimalMark(['1,234,567'])).toBe('.');
    expect(detectDecimalMark([])).toBe(',');
  });
});

describe('parseDate', () => {
  const date = (raw: string, order: 'dmy' | 'mdy' = 'dmy') => {
    const result = parseDate(raw, order);
    return result.ok ? result.value : result.reason;
  };
  it('reads Dutch and ISO dates', () => {
    expect(date('31-12-2026')).toBe('2026-12-31');
    expect(date('1-2-2027')).toBe('2027-02-01');
    expect(date('31/12/2026')).toBe('2026-12-31');
    expect(date('31.12.2026')).toBe('2026-12-31');
    expect(date('2026-12-31')).toBe('2026-12-31');
    expect(date('20261231')).toBe('2026-12-31');
    expect(date('29-02-2028')).toBe('2028-02-29');
  });
  it('refuses impossible and ambiguous dates', () => {
    expect(date('29-02-2027')).toMatch(/bestaat niet/);
    expect(date('12-31-2026')).toMatch(/maand 31 bestaat niet/);
    expect(date('31-12-26')).toMatch(/jaar van vier cijfers/);
    expect(date('gisteren')).toMatch(/geen datum/);
  });
  it('follows an explicit month-first profile', () => {
    expect(date('12-31-2026', 'mdy')).toBe('2026-12-31');
  });
  it('reads a two-digit year as a spreadsheet does, when asked (cells copied from Excel)', () => {
    const copied = (raw: string) => {
      const result = parseDate(raw, 'dmy', { twoDigitYears: true });
      return result.ok ? result.value : result.reason;
    };
    expect(copied('31-12-27')).toBe('2027-12-31');
    expect(copied('1-2-29')).toBe('2029-02-01');
    expect(copied('1-2-30')).toBe('1930-02-01');
    expect(copied('31-12-2027')).toBe('2027-12-31');
    expect(copied('29-02-27')).toMatch(/bestaat niet/);
    expect(copied('31-12-027')).toMatch(/jaar van vier cijfers/);
  });
  it('reads dd-mm-jjjj the quick way exactly as the full way, valid or not', () => {
    // A leading space takes the full way (the quick one only reads exactly ten characters).
    for (const year of ['0999', '1899', '1900', '2000', '2024', '2027', '2100', '2200', '2201']) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const raw = `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
          expect(parseDate(raw), raw).toEqual(parseDate(` ${raw}`));
        }
      }
    }
  });
});

describe('parseDecimal and parseUserAmountCents', () => {
  it('reads hours like 20,5', () => {
    expect(parseDecimal('20,5')).toEqual({ ok: true, value: 20.5 });
    expect(parseDecimal('36')).toEqual({ ok: true, value: 36 });
    expect(parseDecimal('x').ok).toBe(false);
  });
  it('accepts what a person types in a grid in either notation when unambiguous', () => {
    expect(parseUserAmountCents('1234.5')).toEqual({ ok: true, value: 123450 });
    expect(parseUserAmountCents('1.234,5')).toEqual({ ok: true, value: 123450 });
    expect(parseUserAmountCents('1.234')).toEqual({ ok: true, value: 123400 });
    expect(parseUserAmountCents('12,5')).toEqual({ ok: true, value: 1250 });
  });
});

describe('centsFromNumber', () => {
  it('rounds a spreadsheet number to cents as Excel shows it, half away from zero', () => {
    const cents = (value: number) => {
      const result = centsFromNumber(value);
      return result.ok ? result.value : result.reason;
    };
    expect(cents(12.345)).toBe(1235);
    expect(cents(1.005)).toBe(101);
    expect(cents(-1.005)).toBe(-101);
    expect(cents(1234.5)).toBe(123450);
    expect(cents(0.1 + 0.2)).toBe(30);
    expect(cents(-0.001)).toBe(0);
    expect(cents(Number.NaN)).toMatch(/geen bedrag/);
    expect(cents(1e14)).toMatch(/te groot/);
  });
});
