import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate, formatNumber } from '../../../shared/format/nl.ts';
import { parseDate } from '../../../shared/import/values.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { writePosition } from './formation.ts';
import { FORMATION_FIELDS } from './import-fields.ts';

const SCALE = /^(?:schaal\s*)?(\d{1,2})$/i;

/**
 * Formation positions from a list kept in Excel (code, function, scale, FTE, cost centre, dates): the
 * first step of the formation, and a correction later. A position is known by its code: a known code
 * with other values is updated, an unchanged one is a duplicate. Positions on other departments' cost
 * centres are not ours. A position without a start date starts on the import's `validFrom` option,
 * else on 1 January of the fiscal year.
 */
class FormationImportRun implements ImportRun {
  private readonly seen = new Map<string, number>();
  private readonly ours: Set<string>;
  private readonly defaultValidFrom: string;

  constructor(private readonly context: ImportRunContext) {
    this.ours = new Set(context.wb.departmentCostCentres());
    const option = context.options.validFrom;
    if (option !== undefined && option.trim() !== '') {
      const parsed = parseDate(option);
      if (!parsed.ok) throw new ApiError('invalid_input', `Geldig vanaf: ${parsed.reason}`);
      this.defaultValidFrom = parsed.value;
    } else this.defaultValidFrom = `${context.wb.meta.fiscal_year}-01-01`;
  }

  row(reader: RowReader): RowOutcome {
    const costCentre = reader.required('costCentre').toUpperCase();
    if (!this.ours.has(costCentre)) return { status: 'outside' };
    const code = reader.required('code').toUpperCase();
    if (code.length > 30) throw new RowRejection(`code "${code}" is langer dan 30 tekens`, 'code');
    const earlier = this.seen.get(code);
    if (earlier !== undefined) throw new RowRejection(`formatieplaats ${code} staat al op regel ${earlier}`, 'code');
    this.seen.set(code, reader.line);
    const functionTitle = reader.required('functionTitle');
    const fte = reader.decimal('fte');
    if (!(fte > 0)) throw new RowRejection(`formatie moet meer dan 0 fte zijn (${formatNumber(fte, 2)})`, 'fte');
    if (fte > 100) throw new RowRejection(`${formatNumber(fte, 2)} fte is te groot voor één formatieplaats`, 'fte');
    const salaryScale = this.scale(reader);
    const validFrom = reader.optionalDate('validFrom') ?? this.defaultValidFrom;
    const validTo = reader.optionalDate('validTo');
    if (validTo !== null && validTo < validFrom) throw new RowRejection(`geldig tot en met ${formatDate(validTo)} ligt vóór geldig vanaf ${formatDate(validFrom)}`, 'validTo');
    try {
      const outcome = writePosition(this.context.wb, { code, functionTitle, salaryScale, fte, costCentre, validFrom, validTo, note: reader.text('note') }, `Formatieplaatsen uit ${this.context.fileName}`);
      return { status: outcome };
    } catch (e) {
      // The checks that need the workbook (a position linked to people cannot move to another cost centre).
      if (e instanceof ApiError) throw new RowRejection(e.message.replace(/\.$/, ''), 'costCentre');
      throw e;
    }
  }

  private scale(reader: RowReader): number | null {
    if (!reader.has('salaryScale')) return null;
    const text = reader.text('salaryScale');
    const match = SCALE.exec(text);
    const scale = match ? Number(match[1]) : NaN;
    if (!(scale >= 1 && scale <= 18)) throw new RowRejection(`onbekende salarisschaal "${text}" (gemeentelijke schalen lopen van 1 tot en met 18)`, 'salaryScale');
    return scale;
  }

  finish(): Record<string, number> {
    return {};
  }
}

export const formationImporter: ImporterDefinition = {
  kind: 'formation',
  title: 'Formatieplaatsen',
  fields: FORMATION_FIELDS,
  amountFields: ['fte'],
  table: 'formation_position',
  workbookKinds: ['department'],
  options: ['validFrom'],
  begin: (context) => new FormationImportRun(context),
};
