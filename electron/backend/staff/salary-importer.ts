import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { isoDate, parseDate } from '../../../shared/import/values.ts';
import { amountOrZero, DepartmentScope } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome, WideLayout } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { SALARY_TABLE_FIELDS } from './import-fields.ts';
import { writeEntry } from './salary-table.ts';

const SCALE = /^(?:schaal\s*)?(\d{1,2})$/i;
/** A step column of the cao's table: "3", "Trede 3", "tr. 3", "T3", "Periodiek 3", "Step 3". */
const STEP_COLUMN = /^(?:(?:trede|tr\.?|t|periodiek|step)\s*)?(\d{1,2})$/i;

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/**
 * "per 1 juli 2027", "m.i.v. 01-07-2027", "met ingang van 1 januari 2027", "Ingangsdatum: 1-7-2027", "geldig vanaf …";
 * also "Ingangsdatum" beside a date cell of an XLSX sheet, which reads as 2027-07-01.
 */
/** A date cell of an XLSX title block reads as ISO; quoted back to the user it is written as dd-mm-jjjj. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const TITLE_DATE = new RegExp(
  `(?:\\bper|\\bm\\.?\\s?i\\.?\\s?v\\.?|met ingang van|ingangsdatum:?|geldig (?:vanaf|per|met ingang van))\\s+(\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS.join('|')})\\s+\\d{4})`,
  'i',
);

/** The date a title block gives the table ("Salaristabel CAO Gemeenten per 1 juli 2027"), or null. */
export function dateInTitle(lines: string[]): { date: string; line: string } | null {
  for (const line of lines) {
    const match = TITLE_DATE.exec(line);
    if (!match) continue;
    const words = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(match[1]);
    const parsed = words ? { ok: true as const, value: isoDate(Number(words[3]), MONTHS.indexOf(words[2].toLowerCase()) + 1, Number(words[1])) } : parseDate(match[1]);
    if (parsed.ok && parseDate(parsed.value).ok) return { date: parsed.value, line };
  }
  return null;
}

function monthly(reader: RowReader): number {
  return reader.amount('monthly');
}

const range = (noun: string, keys: string[]) => (keys.length === 1 ? `${noun} ${keys[0]}` : `${noun} ${keys[0]} tot en met ${keys[keys.length - 1]}`);
const twoDigits = (key: string) => key.replace(/^0(\d)$/, '$1');

export const SALARY_WIDE_LAYOUT: WideLayout = {
  rowField: 'scale',
  columnField: 'step',
  valueField: 'monthly',
  columnKey: (header) => {
    const key = STEP_COLUMN.exec(header)?.[1];
    return key === undefined ? null : twoDigits(key);
  },
  describe: (keys) => `Tabel zoals de cao hem publiceert: schalen als regels, treden als kolommen (${range('trede', keys)}); elk bedrag is één regel van de salaristabel.`,
};

/** "Schaal 3", "Salarisschaal 3", "Scale 3"; a bare "3" only above a column of steps headed "Trede". */
const SCALE_COLUMN = /^(?:(?:salaris)?schaal|scale)\s*(\d{1,2})$/i;

/** The same table turned a quarter: steps as rows, scales as columns ("Trede;Schaal 1;Schaal 2;…"). */
export const SALARY_TURNED_LAYOUT: WideLayout = {
  rowField: 'step',
  columnField: 'scale',
  valueField: 'monthly',
  columnKey: (header, rowFieldNamed) => {
    const key = SCALE_COLUMN.exec(header)?.[1] ?? (rowFieldNamed ? /^(\d{1,2})$/.exec(header)?.[1] : undefined);
    return key === undefined ? null : twoDigits(key);
  },
  describe: (keys) => `Tabel met treden als regels en schalen als kolommen (${range('schaal', keys)}); elk bedrag is één regel van de salaristabel.`,
};

/**
 * A salary table (scale × step → monthly amount), one row per scale and step or as the cao publishes it
 * (scales as rows, steps as columns). The table's date is the row's "ingangsdatum", else 1 January of the
 * row's year, else the import's `validFrom` option, else the date the title above the table gives ("per
 * 1 juli 2027"), else 1 January of the fiscal year.
 */
class SalaryTableImportRun implements ImportRun {
  private readonly seen = new Map<string, number>();
  private readonly defaultValidFrom: string;
  private readonly titleDate: { date: string; line: string } | null;
  private titleDateUsed = false;
  private readonly dates = new Set<string>();
  private readonly scope: DepartmentScope;

  constructor(private readonly context: ImportRunContext) {
    this.scope = new DepartmentScope(context.wb);
    const option = context.options.validFrom;
    this.titleDate = null;
    if (option !== undefined && option.trim() !== '') {
      const parsed = parseDate(option);
      if (!parsed.ok) throw new ApiError('invalid_input', `Ingangsdatum: ${parsed.reason}`);
      this.defaultValidFrom = parsed.value;
    } else {
      this.titleDate = dateInTitle(context.titleLines);
      this.defaultValidFrom = this.titleDate?.date ?? `${context.wb.meta.fiscal_year}-01-01`;
    }
  }

  private scale(reader: RowReader): number {
    const text = reader.required('scale');
    const match = SCALE.exec(text);
    const scale = match ? Number(match[1]) : NaN;
    if (!match) throw new RowRejection(`"${text}" is geen salarisschaal (een getal van 1 tot en met 18, of "schaal 10")`, 'scale');
    if (scale < 1 || scale > 18) throw new RowRejection(`schaal ${scale} bestaat niet (1 tot en met 18)`, 'scale');
    return scale;
  }

  /** "3", or as the rows of a turned table may write it: "trede 3", "tr. 3", "periodiek 3". */
  private step(reader: RowReader): number {
    const text = reader.required('step');
    const match = STEP_COLUMN.exec(text);
    if (!match) throw new RowRejection(`"${text}" is geen trede (een getal van 0 tot en met 30, of "trede 3")`, 'step');
    return Number(match[1]);
  }

  row(reader: RowReader): RowOutcome {
    // A file with tables per department (or cost centre): the other departments' rows are counted, not read.
    const scope = this.scope.ofRow(reader);
    if (scope === 'outside' || scope === 'unregistered') return this.scope.outcome(scope, amountOrZero(monthly, reader), reader.text('costCentre').toUpperCase());
    const scale = this.scale(reader);
    const step = this.step(reader);
    if (step < 0 || step > 30) throw new RowRejection(`trede ${step} bestaat niet (0 tot en met 30)`, 'step');
    const amount = reader.tryAmount('monthly');
    if (!amount.ok) throw new RowRejection(amount.reason === 'ontbreekt' ? `bedrag van schaal ${scale} trede ${step} ontbreekt` : `bedrag van schaal ${scale} trede ${step}: ${amount.reason}`, 'monthly');
    const cents = amount.value;
    if (cents <= 0) throw new RowRejection('bedrag per maand moet meer dan nul zijn', 'monthly');
    const year = reader.optionalInteger('year');
    if (year !== null && (year < 1990 || year > 2200)) throw new RowRejection(`jaar ${year} is niet aannemelijk`, 'year');
    const ownDate = reader.optionalDate('validFrom') ?? (year !== null ? `${year}-01-01` : null);
    const validFrom = ownDate ?? this.defaultValidFrom;
    if (ownDate === null && this.titleDate !== null) this.titleDateUsed = true;
    const key = `${validFrom}|${scale}|${step}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) throw new RowRejection(`schaal ${scale} trede ${step} (per ${formatDate(validFrom)}) staat al op regel ${earlier}`, 'step');
    this.seen.set(key, reader.line);
    this.dates.add(validFrom);
    const outcome = writeEntry(this.context.wb, validFrom, scale, step, cents, `Salaristabel uit ${this.context.fileName}`);
    return { status: outcome === 'deleted' ? 'updated' : outcome, cents };
  }

  finish(): Record<string, number> {
    return { tables: this.dates.size };
  }

  notes(): string[] {
    if (!this.titleDateUsed || this.titleDate === null) return [];
    return [`Ingangsdatum ${formatDate(this.titleDate.date)} uit de titel boven de tabel ("${this.titleDate.line.replace(ISO_DATE, (iso) => formatDate(iso))}"); een andere datum kiest u bij Ingangsdatum van de tabel.`];
  }
}

export const salaryTableImporter: ImporterDefinition = {
  kind: 'salary-table',
  title: 'Salaristabel',
  fields: SALARY_TABLE_FIELDS,
  amountFields: ['monthly'],
  table: 'salary_table_entry',
  workbookKinds: ['department', 'central-hr'],
  options: ['validFrom'],
  wideLayouts: [SALARY_WIDE_LAYOUT, SALARY_TURNED_LAYOUT],
  begin: (context) => new SalaryTableImportRun(context),
};
