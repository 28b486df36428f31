/**
 * Parsing of values as Dutch finance and HR systems write them. Pure functions: the importers,
 * the grid editors and the paste handler all use these, so "1.234,56-" means the same everywhere.
 */

export type DecimalMark = ',' | '.';
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * "€ 1.234,56-", "(1.234,56)", "-1234.56", "1 234,56", "EUR 12" → integer cents.
 * The decimal mark is decided per file (see {@link detectDecimalMark}), never per value, so that
 * "3.456" in a Dutch file is three thousand four hundred fifty-six euros, as the file means it.
 */
const PLAIN_DUTCH_AMOUNT = /^(-?)(\d{1,3}(?:\.\d{3})*|\d+),(\d\d)$/;

export interface AmountOptions {
  /**
   * The file's decimal mark was not decided by any value (nor chosen by the user): "12,500" may then be
   * twelve thousand five hundred (English grouping) as well as 12,50, and is refused rather than guessed.
   */
  markUndecided?: boolean;
}

/** One to three digits, the mark, three digits: "12,500" is 12.500 with a thousands comma or 12,50 with a decimal comma. */
function ambiguousReadings(intPart: string, fraction: string, negative: boolean): [string, string] | null {
  if (fraction.length !== 3 || !/^[1-9]\d{0,2}$/.test(intPart)) return null;
  const sign = negative ? '-' : '';
  const decimals = fraction.endsWith('0') ? fraction.slice(0, 2) : fraction;
  return [`${sign}${intPart}.${fraction}`, `${sign}${intPart},${decimals}`];
}

const CURRENCY_AT_START = /^(€|EUR)/i;
const CURRENCY_AT_END = /(€|EUR)$/i;

/**
 * Takes the currency and the sign off an amount as accounting exports write them: "(1.234,56)",
 * "€ (1.234,56)", "(€ 1.234,56)", "(1.234,56) €", "1.234,56-", "€ -1.234,56", "-€ 1.234,56". Parentheses
 * and a minus both say "negative"; together they still do ("(-5)" is -5, never +5). Null for an empty value.
 */
function accountingSign(compact: string): { text: string; negative: boolean } | null {
  if (compact === '') return null;
  let negative = false;
  let text = compact.replace(CURRENCY_AT_START, '').replace(CURRENCY_AT_END, '');
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).replace(CURRENCY_AT_START, '').replace(CURRENCY_AT_END, '');
  }
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = true;
    text = text.slice(0, -1);
  }
  // "-€ 12" and "€ 12-" leave the currency between the sign and the digits.
  text = text.replace(CURRENCY_AT_START, '').replace(CURRENCY_AT_END, '');
  return { text, negative };
}

export function parseAmountCents(raw: string, decimalMark: DecimalMark = ',', options: AmountOptions = {}): Parsed<number> {
  // Fast path for the common "1.234,56" / "-12,30": a million-line import parses one per line.
  if (decimalMark === ',') {
    const plain = PLAIN_DUTCH_AMOUNT.exec(raw);
    const digits = plain ? plain[2].replace(/\./g, '') : '';
    if (plain && digits.length <= 13) {
      const cents = Number(digits) * 100 + Number(plain[3]);
      return ok(plain[1] && cents !== 0 ? -cents : cents);
    }
  }
  const signed = accountingSign(raw.replace(SPACES, ''));
  if (signed === null) return fail('bedrag ontbreekt');
  let { text } = signed;
  const { negative } = signed;
  if (text === '') return fail(`"${raw.trim()}" is geen bedrag`);
  // Words ("n.v.t.", "zie noot") are no amount: no advice about separators that would not be true for them.
  if (!/^[\d.,]+$/.test(text)) return fail(`"${raw.trim()}" is geen bedrag`);
  const thousands = decimalMark === ',' ? '.' : ',';
  const parts = text.split(decimalMark);
  if (parts.length > 2) return fail(`"${raw.trim()}" is geen bedrag (meer dan één decimaalteken "${decimalMark}")`);
  const [intPartRaw, fraction = ''] = parts;
  if (fraction.includes(thousands)) return fail(`"${raw.trim()}" is geen bedrag (scheidingsteken na het decimaalteken)`);
  let intPart = intPartRaw;
  if (intPart.includes(thousands)) {
    const groups = intPart.split(thousands);
    const valid = /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    if (!valid) {
      return fail(`"${raw.trim()}" is geen bedrag (duizendtallen "${thousands}" staan niet per drie cijfers; decimaalteken is "${decimalMark}")`);
    }
    intPart = groups.join('');
  }
  if (intPart === '' && fraction === '') return fail(`"${raw.trim()}" is geen bedrag`);
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fraction)) return fail(`"${raw.trim()}" is geen bedrag`);
  const readings = options.markUndecided && intPart === intPartRaw ? ambiguousReadings(intPart, fraction, negative) : null;
  if (readings) {
    return fail(`"${raw.trim()}" is niet eenduidig: is dit ${readings[0]} of ${readings[1]}? Het decimaalteken van het bestand staat niet vast; kies het bij de import (Decimaalteken, in de CLI --decimal-mark)`);
  }
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) {
    return fail(`"${raw.trim()}" heeft meer dan twee decimalen`);
  }
  if (intPart.length > 13) return fail(`"${raw.trim()}" is te groot voor een bedrag`);
  const cents = Number(intPart || '0') * 100 + Number((fraction + '00').slice(0, 2));
  return ok(negative && cents !== 0 ? -cents : cents);
}

export interface DecimalMarkDecision {
  mark: DecimalMark;
  /** Unambiguous values voted, and one mark had more votes. */
  decided: boolean;
  /** When not decided: the first value that the mark would read one way and a thousands separator another ("12,500"). */
  ambiguous: string | null;
}

/** The value without spaces, currency and sign, split at the mark when it occurs once. */
function splitAtMark(raw: string): { text: string; lastComma: number; lastPoint: number } {
  const text = raw.replace(SPACES, '').replace(/[()€+-]|EUR/gi, '');
  return { text, lastComma: text.lastIndexOf(','), lastPoint: text.lastIndexOf('.') };
}

function isAmbiguousUnder(raw: string, mark: DecimalMark): boolean {
  const { text } = splitAtMark(raw);
  const groups = text.split(mark);
  return groups.length === 2 && !text.includes(mark === ',' ? '.' : ',') && ambiguousReadings(groups[0], groups[1], false) !== null;
}

/**
 * Decides the decimal mark of a file from many of its values. Values like "1.234" or "12,500" are
 * ambiguous and do not vote ("0,500" and "1234,500" do: no thousands grouping writes them); when
 * nothing decides, the Dutch comma is assumed and `decided` is false.
 */
export function decideDecimalMark(samples: Iterable<string>): DecimalMarkDecision {
  let comma = 0;
  let point = 0;
  const values: string[] = [];
  for (const raw of samples) {
    const { text, lastComma, lastPoint } = splitAtMark(raw);
    if (!text) continue;
    values.push(raw);
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma += 1;
      else point += 1;
    } else if (lastComma >= 0) {
      const groups = text.split(',');
      if (groups.length > 2) point += 1;
      else if (!ambiguousReadings(groups[0], groups[1], false)) comma += 1;
    } else if (lastPoint >= 0) {
      const groups = text.split('.');
      if (groups.length > 2) comma += 1;
      else if (!ambiguousReadings(groups[0], groups[1], false)) point += 1;
    }
  }
  const mark: DecimalMark = point > comma ? '.' : ',';
  const decided = comma !== point;
  return { mark, decided, ambiguous: decided ? null : (values.find((v) => isAmbiguousUnder(v, mark)) ?? null) };
}

export function detectDecimalMark(samples: Iterable<string>): DecimalMark {
  return decideDecimalMark(samples).mark;
}

/**
 * A spreadsheet's numeric cell is a number, not text: no decimal mark applies. Rounded half away from zero
 * to cents after rounding to 15 significant digits, as Excel shows it (1.005 → 1,01, not 1,00).
 */
export function centsFromNumber(value: number): Parsed<number> {
  if (!Number.isFinite(value)) return fail(`${value} is geen bedrag`);
  const cents = Math.round(Number((Math.abs(value) * 100).toPrecision(15)));
  if (cents >= 1e15) return fail(`${value} is te groot voor een bedrag`);
  return ok(value < 0 && cents !== 0 ? -cents : cents);
}

/** A number that is not money (hours, FTE, percentages): "20,5", "20.5", "36". */
export function parseDecimal(raw: string, decimalMark: DecimalMark = ','): Parsed<number> {
  const text = raw.replace(SPACES, '').replace(/%$/, '');
  if (text === '') return fail('waarde ontbreekt');
  const normalised = decimalMark === ',' ? text.replace(',', '.') : text;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return fail(`"${raw.trim()}" is geen getal`);
  return ok(Number(normalised));
}

/** Accepts both marks when the value itself is unambiguous: for people typing in a grid. */
export function parseUserAmountCents(raw: string): Parsed<number> {
  const text = raw.trim();
  const onlyPoint = /^[^,]*\.\d{1,2}[-)]?$/.test(text.replace(/\s/g, '')) && !/\.\d{3}/.test(text);
  return parseAmountCents(text, onlyPoint ? '.' : ',');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1];
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function checkedDate(year: number, month: number, day: number, raw: string): Parsed<string> {
  if (year < 1900 || year > 2200) return fail(`"${raw}" heeft een onwaarschijnlijk jaar`);
  if (month < 1 || month > 12) return fail(`"${raw}" heeft geen geldige maand`);
  if (day < 1 || day > daysInMonth(year, month)) return fail(`"${raw}" bestaat niet als datum`);
  return ok(isoDate(year, month, day));
}

export interface DateOptions {
  /**
   * Read "31-12-27" with a two-digit year as a spreadsheet does: 00–29 is 2000–2029, 30–99 is 1930–1999
   * (Excel's and LibreOffice's default). For cells copied from a spreadsheet, where that rule made the date.
   */
  twoDigitYears?: boolean;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const twoDigits = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * The common case of a ledger line, "31-12-2026" exactly, read without patterns: a million-line import
 * reads a million dates. Null for anything else (or a date that does not exist), which the full reading
 * below then handles, with its messages.
 */
function dutchDateFast(text: string): string | null {
  if (text.length !== 10 || text.charCodeAt(2) !== 45 || text.charCodeAt(5) !== 45) return null;
  for (const at of [0, 1, 3, 4, 6, 7, 8, 9]) if (!isDigit(text.charCodeAt(at))) return null;
  const day = twoDigits(text, 0);
  const month = twoDigits(text, 3);
  const year = twoDigits(text, 6) * 100 + twoDigits(text, 8);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
}

/**
 * "31-12-2026", "1-2-2027", "31/12/2026", "31.12.2026", "2026-12-31", "20261231" → ISO.
 * Day-month order is Dutch unless a profile says otherwise; a two-digit year is refused because it is
 * ambiguous, unless `twoDigitYears` says to read it as a spreadsheet does.
 */
export function parseDate(raw: string, order: DateOrder = 'dmy', options: DateOptions = {}): Parsed<string> {
  const fast = order === 'dmy' ? dutchDateFast(raw) : null;
  if (fast !== null) return ok(fast);
  const text = raw.trim();
  if (text === '') return fail('datum ontbreekt');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return checkedDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return checkedDate(Number(compact[1]), Number(compact[2]), Number(compact[3]), text);
  const parts = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/.exec(text);
  if (!parts) return fail(`"${text}" is geen datum (verwacht dd-mm-jjjj)`);
  const [a, b, c] = [parts[1], parts[2], parts[3]];
  if (a.length === 4) return checkedDate(Number(a), Number(b), Number(c), text);
  let year = Number(c);
  if (c.length === 2 && options.twoDigitYears) year += year < 30 ? 2000 : 1900;
  else if (c.length !== 4) return fail(`"${text}" heeft geen jaar van vier cijfers`);
  if (order === 'mdy') return checkedDate(year, Number(a), Number(b), text);
  const result = checkedDate(year, Number(b), Number(a), text);
  if (!result.ok && Number(b) > 12 && Number(a) <= 12) {
    return fail(`"${text}" is geen geldige datum dd-mm-jjjj (maand ${b} bestaat niet; staat de maand voorop?)`);
  }
  return result;
}

export function parseInteger(raw: string): Parsed<number> {
  const text = raw.trim();
  if (!/^-?\d+$/.test(text)) return fail(`"${text}" is geen geheel getal`);
  return ok(Number(text));
}
