import { looksLikeFormula } from '../../../shared/format/spreadsheet-cell.ts';
import { decideDecimalMark, parseAmountCents, parseDate, parseDecimal, parseInteger, type DecimalMark, type Parsed } from '../../../shared/import/values.ts';

/**
 * What a grid column holds, for reading pasted text into it and writing it out on copy. The readers
 * are the importers' own (shared/import/values.ts): "1.234,56", "€ -1.234,56", "(1.234,56)" and
 * "31-12-2027" mean the same in a pasted block as in an imported file.
 */
export type CellKind =
  | { type: 'text'; nullable?: boolean }
  /** A code such as a cost centre or account: written in capitals, as the backend stores it. */
  | { type: 'code' }
  | { type: 'money'; nullable?: boolean }
  | { type: 'decimal'; nullable?: boolean; percent?: boolean }
  | { type: 'integer'; nullable?: boolean }
  | { type: 'date'; nullable?: boolean }
  | { type: 'boolean' }
  | { type: 'choice'; options: Array<{ value: string; label: string }>; nullable?: boolean }
  /** A column with its own reading (an assignment's budget lines "OR01/4200, OR02/4310"). */
  | { type: 'custom'; read(text: string): Parsed<unknown> };

/** How the amounts of one pasted block are read: decided once for the block, as an import decides it per file. */
export interface BlockReading {
  decimalMark: DecimalMark;
  markUndecided: boolean;
}

export const DUTCH_READING: BlockReading = { decimalMark: ',', markUndecided: false };

const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** The decimal mark of a block, from all its amounts and numbers together (never per cell). */
export function decideBlockReading(texts: Iterable<string>): BlockReading {
  const decision = decideDecimalMark(texts);
  return { decimalMark: decision.mark, markUndecided: !decision.decided };
}

const TRUE_WORDS = new Set(['ja', 'j', 'waar', 'true', 'yes', 'y', '1', 'x', '✓', 'wel']);
const FALSE_WORDS = new Set(['nee', 'n', 'onwaar', 'false', 'no', '0', '', 'niet']);

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads one pasted cell into the value the column's field holds; the reason is Dutch, for the user. */
export function readCell(raw: string, kind: CellKind, reading: BlockReading = DUTCH_READING): Parsed<unknown> {
  // "'=SOM(…)" is how a spreadsheet (and Werkboek's copy) writes text that looks like a formula: the text is what follows.
  const text = raw.trim().replace(/^'(?=.)/, (quote) => (looksLikeFormula(raw.trim().slice(1)) ? '' : quote));
  if (kind.type === 'custom') return kind.read(text);
  if (text === '' && kind.type !== 'boolean' && kind.type !== 'text') {
    return 'nullable' in kind && kind.nullable ? ok(null) : fail('waarde ontbreekt');
  }
  switch (kind.type) {
    case 'text':
      return text === '' && kind.nullable ? ok(null) : ok(text);
    case 'code':
      return ok(text.toUpperCase());
    case 'money':
      return parseAmountCents(text, reading.decimalMark, { markUndecided: reading.markUndecided });
    case 'decimal': {
      const parsed = parseDecimal(kind.percent ? text.replace(/\s*%$/, '') : text, reading.decimalMark);
      return parsed;
    }
    case 'integer':
      return parseInteger(text);
    case 'date':
      return parseDate(text, 'dmy', { twoDigitYears: true });
    case 'boolean': {
      const word = normalise(text);
      if (TRUE_WORDS.has(word)) return ok(true);
      if (FALSE_WORDS.has(word)) return ok(false);
      return fail(`"${text}" is geen ja of nee`);
    }
    case 'choice': {
      const word = normalise(text);
      const found = kind.options.find((o) => normalise(o.value) === word || normalise(o.label) === word);
      if (found) return ok(found.value);
      return fail(`"${text}" is geen van: ${kind.options.map((o) => o.label).join(', ')}`);
    }
  }
}

/** Texts of a block that vote on its decimal mark: those pasted into amount and number columns. */
export function votesOnMark(kind: CellKind): boolean {
  return kind.type === 'money' || kind.type === 'decimal';
}
