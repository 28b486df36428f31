import { formatCentsPlain } from '../../../shared/format/nl.ts';
import type { FieldSpec } from '../../../shared/import/types.ts';
import { centsFromNumber, parseAmountCents, parseDate, parseDecimal, parseInteger, type DateOrder, type DecimalMark, type Parsed } from '../../../shared/import/values.ts';

/** Thrown by an importer for one row; the pipeline records it with the line and the file's column name. */
export class RowRejection extends Error {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
  }
}

/**
 * Typed access to one record by field key. One instance is reused for every record of a file, so a
 * million-line import allocates nothing per row here.
 */
export class RowReader {
  line = 0;
  private cells: string[] = [];
  private numbers: Array<number | undefined> | undefined;

  constructor(
    private readonly indexes: Record<string, number>,
    private readonly columnNames: Record<string, string>,
    private readonly fields: Map<string, FieldSpec>,
    readonly decimalMark: DecimalMark,
    readonly dateOrder: DateOrder,
    /** Neither the file's values nor the user decided the decimal mark: amounts that read two ways are refused. */
    readonly decimalMarkUndecided = false,
  ) {}

  /** `numbers`: an XLSX row's numeric cells, read as numbers rather than through the file's decimal mark. */
  reset(line: number, cells: string[], numbers?: Array<number | undefined>): this {
    this.line = line;
    this.cells = cells;
    this.numbers = numbers;
    return this;
  }

  private number(field: string): number | undefined {
    const index = this.indexes[field];
    return this.numbers === undefined || index === undefined ? undefined : this.numbers[index];
  }

  /** The file's own column name for a field, for messages. */
  column(field: string): string | undefined {
    return this.columnNames[field];
  }

  /** For a matrix layout: the column a field's value comes from changes from record to record. */
  setColumn(field: string, name: string): void {
    this.columnNames[field] = name;
  }

  isMapped(field: string): boolean {
    return field in this.indexes;
  }

  text(field: string): string {
    const index = this.indexes[field];
    if (index === undefined) return '';
    const value = this.cells[index];
    if (value === undefined) return '';
    // Most cells begin and end with a visible ASCII character: nothing to trim, so no copy per cell.
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? value : value.trim();
  }

  has(field: string): boolean {
    return this.text(field) !== '';
  }

  /** How messages name a field: as the file's column does, else by the field's Dutch label (never its key). */
  label(field: string): string {
    return this.columnNames[field] ?? this.fields.get(field)?.label ?? field;
  }

  required(field: string): string {
    const value = this.text(field);
    if (value === '') throw new RowRejection(`${this.label(field)} ontbreekt`, field);
    return value;
  }

  private parse<T>(field: string, parsed: Parsed<T>): T {
    if (!parsed.ok) throw new RowRejection(`${this.label(field)}: ${parsed.reason}`, field);
    return parsed.value;
  }

  amount(field: string): number {
    const number = this.number(field);
    if (number !== undefined) return this.parse(field, centsFromNumber(number));
    return this.parse(field, parseAmountCents(this.required(field), this.decimalMark, { markUndecided: this.decimalMarkUndecided }));
  }

  /** The amount, or why it is not one (without the column's name): for importers that say more than the column. */
  tryAmount(field: string): Parsed<number> {
    const number = this.number(field);
    if (number !== undefined) return centsFromNumber(number);
    const text = this.text(field);
    if (text === '') return { ok: false, reason: 'ontbreekt' };
    return parseAmountCents(text, this.decimalMark, { markUndecided: this.decimalMarkUndecided });
  }

  optionalAmount(field: string): number | null {
    return this.has(field) ? this.amount(field) : null;
  }

  date(field: string): string {
    return this.parse(field, parseDate(this.required(field), this.dateOrder));
  }

  optionalDate(field: string): string | null {
    return this.has(field) ? this.date(field) : null;
  }

  integer(field: string): number {
    const number = this.number(field);
    if (number !== undefined) return this.parse(field, Number.isInteger(number) ? { ok: true, value: number } : { ok: false, reason: `"${this.text(field)}" is geen geheel getal` });
    return this.parse(field, parseInteger(this.required(field)));
  }

  optionalInteger(field: string): number | null {
    return this.has(field) ? this.integer(field) : null;
  }

  decimal(field: string): number {
    const number = this.number(field);
    if (number !== undefined) return number;
    return this.parse(field, parseDecimal(this.required(field), this.decimalMark));
  }

  optionalDecimal(field: string): number | null {
    return this.has(field) ? this.decimal(field) : null;
  }

  /** The mapped values of this record by field key: for the preview table. */
  values(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const field of Object.keys(this.indexes)) {
      // An amount from a numeric XLSX cell is shown as a Dutch amount ("2.582,20"), not as the bare number ("2582,2").
      const number = this.fields.get(field)?.type === 'amount' ? this.number(field) : undefined;
      const cents = number === undefined ? null : centsFromNumber(number);
      values[field] = cents?.ok ? formatCentsPlain(cents.value) : this.text(field);
    }
    return values;
  }
}
