import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { parseDate } from '../../../shared/import/values.ts';
import { amountOrZero, DepartmentScope } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { SALARY_TABLE_FIELDS } from './import-fields.ts';
import { writeEntry } from './salary-table.ts';

/**
 * A salary table (scale × step → monthly amount). The table's date is the row's "ingangsdatum", else
 * 1 January of the row's year, else the import's `validFrom` option, else 1 January of the fiscal year.
 */
function monthly(reader: RowReader): number {
  return reader.amount('monthly');
}

class SalaryTableImportRun implements ImportRun {
  private readonly seen = new Map<string, number>();
  private readonly defaultValidFrom: string;
  private readonly dates = new Set<string>();
  private readonly scope: DepartmentScope;

  constructor(private readonly context: ImportRunContext) {
    this.scope = new DepartmentScope(context.wb);
    const option = context.options.validFrom;
    if (option !== undefined && option.trim() !== '') {
      const parsed = parseDate(option);
      if (!parsed.ok) throw new ApiError('invalid_input', `Ingangsdatum: ${parsed.reason}`);
      this.defaultValidFrom = parsed.value;
    } else this.defaultValidFrom = `${context.wb.meta.fiscal_year}-01-01`;
  }

  row(reader: RowReader): RowOutcome {
    // A file with tables per department (or cost centre): the other departments' rows are counted, not read.
    const scope = this.scope.ofRow(reader);
    if (scope === 'outside' || scope === 'unregistered') return this.scope.outcome(scope, amountOrZero(monthly, reader), reader.text('costCentre').toUpperCase());
    const scale = reader.integer('scale');
    if (scale < 1 || scale > 18) throw new RowRejection(`schaal ${scale} bestaat niet (1 tot en met 18)`, 'scale');
    const step = reader.integer('step');
    if (step < 0 || step > 30) throw new RowRejection(`trede ${step} bestaat niet (0 tot en met 30)`, 'step');
    const cents = reader.amount('monthly');
    if (cents <= 0) throw new RowRejection('bedrag per maand moet meer dan nul zijn', 'monthly');
    const year = reader.optionalInteger('year');
    if (year !== null && (year < 1990 || year > 2200)) throw new RowRejection(`jaar ${year} is niet aannemelijk`, 'year');
    const validFrom = reader.optionalDate('validFrom') ?? (year !== null ? `${year}-01-01` : this.defaultValidFrom);
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
}

export const salaryTableImporter: ImporterDefinition = {
  kind: 'salary-table',
  title: 'Salaristabel',
  fields: SALARY_TABLE_FIELDS,
  amountFields: ['monthly'],
  table: 'salary_table_entry',
  workbookKinds: ['department', 'central-hr'],
  options: ['validFrom'],
  begin: (context) => new SalaryTableImportRun(context),
};
