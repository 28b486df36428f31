import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate, formatNumber } from '../../../shared/format/nl.ts';
import { addDays, maxDate } from '../../../shared/domain/staff/calendar.ts';
import { isEmployedOn, type Terms } from '../../../shared/domain/staff/terms.ts';
import { parseDate } from '../../../shared/import/values.ts';
import { DepartmentScope } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { applyTermsFrom, changeEmployeeRow, insertEmployee, latestTermsFrom, loadEmployees, type StoredEmployee } from './employees.ts';
import { loadPositions } from './formation.ts';
import { ROSTER_FIELDS } from './import-fields.ts';

const SCALE = /^(?:schaal\s*)?(\d{1,2})$/i;

/**
 * The staff roster of the HR system. Employees are matched on personnel number only. A row that
 * differs from the workbook changes it as of the reference date (peildatum; the import's option,
 * default the day of the import) or the row's own "ingangsdatum wijziging" when the file has one:
 * terms get a new row from that date, so the past stays as it was. People who move between this and
 * another department start or end here on that date too.
 */
class RosterImportRun implements ImportRun {
  private readonly employees = new Map<string, StoredEmployee>();
  private readonly seen = new Map<string, number>();
  /** Personnel numbers on a cost centre that is not registered yet: in the file, but not read. */
  private readonly waiting = new Set<string>();
  private readonly scope: DepartmentScope;
  private readonly positions;
  private readonly referenceDate: string;
  private termsChanged = 0;
  /** Rows whose position code names no position of this workbook (yet): kept, linked once the formation has it. */
  private unknownPositionCodes = 0;
  private transferredOut = 0;
  private transferredIn = 0;
  /**
   * Whether an earlier roster import filled the workbook: only then is a newcomer with an old start date
   * someone who moved here from another department (the first import, or staff typed in by hand, is not).
   */
  private readonly hadStaff: boolean;

  constructor(private readonly context: ImportRunContext) {
    const { wb, options } = context;
    for (const employee of loadEmployees(wb)) this.employees.set(employee.personnelNumber, employee);
    this.hadStaff =
      this.employees.size > 0 && wb.first(wb.db.selectFrom('import_batch').select('id').where('kind', '=', 'staff').where('id', '!=', context.batchId).limit(1)) !== undefined;
    this.scope = new DepartmentScope(wb);
    this.positions = new Map(loadPositions(wb).map((p) => [p.code, p]));
    this.referenceDate = referenceDateOption(options.referenceDate);
  }

  /** Every check that can reject a row comes before its first write: a rejected row leaves nothing behind. */
  row(reader: RowReader): RowOutcome {
    const personnelNumber = reader.required('personnelNumber');
    const costCentre = reader.required('costCentre').toUpperCase();
    const existing = this.employees.get(personnelNumber);
    const scope = this.scope.costCentre(costCentre);
    // Other departments' people are not ours to check, also when they appear twice (two appointments).
    // Someone of ours on a cost centre that looks like ours but is not registered waits until it is: not
    // moved out, not changed.
    if (scope === 'unregistered') {
      this.waiting.add(personnelNumber);
      return this.scope.outcome(scope, 0, costCentre);
    }
    if (scope === 'outside' && (!existing || this.seen.has(personnelNumber))) return { status: 'outside' };
    const ours = scope === 'ours';
    const earlier = this.seen.get(personnelNumber);
    if (earlier !== undefined) throw new RowRejection(`personeelsnummer ${personnelNumber} staat al op regel ${earlier}`, 'personnelNumber');
    this.seen.set(personnelNumber, reader.line);
    const startDate = reader.date('startDate');
    const endDate = reader.optionalDate('endDate');
    if (endDate !== null && endDate < startDate) {
      throw new RowRejection(`datum uit dienst ${formatDate(endDate)} ligt vóór datum in dienst ${formatDate(startDate)}`, 'endDate');
    }
    if (!ours) return this.transferOut(existing!, existing!.organisationStartDate !== null ? existing!.startDate : startDate, endDate, reader);

    const lastName = reader.required('lastName');
    const hours = reader.decimal('hoursPerWeek');
    if (hours <= 0) throw new RowRejection(`uren per week moeten meer dan 0 zijn (${formatNumber(hours, 2)})`, 'hoursPerWeek');
    if (hours > 40) throw new RowRejection(`${formatNumber(hours, 2)} uur per week is meer dan 40`, 'hoursPerWeek');
    const salaryScale = this.scale(reader);
    const salaryStep = reader.optionalInteger('salaryStep');
    if (salaryStep !== null && (salaryStep < 0 || salaryStep > 30)) throw new RowRejection(`trede ${salaryStep} bestaat niet (0 tot en met 30)`, 'salaryStep');
    const validFrom = reader.optionalDate('validFrom');
    const name = { firstName: reader.text('firstName'), infix: reader.text('infix'), lastName };
    const terms: Omit<Terms, 'validFrom'> = {
      functionTitle: reader.text('functionTitle'),
      salaryScale,
      salaryStep,
      hoursPerWeek: hours,
      costCentre,
      contractType: reader.text('contractType'),
      formationPositionId: null,
    };
    const { wb, fileName } = this.context;
    const note = `Personeelsbestand ${fileName}`;

    if (!existing) {
      // Someone new in a workbook that already has staff, employed before the reference date, joined
      // this department then (a transfer): they count here from that date, not from their "datum in dienst".
      const joined = validFrom ?? this.referenceDate;
      const transferIn = this.hadStaff && startDate < joined && (endDate === null || endDate >= joined);
      const departmentStart = transferIn ? joined : startDate;
      Object.assign(terms, this.placement(reader, costCentre, departmentStart, null));
      const id = insertEmployee(wb, { personnelNumber, ...name, startDate: departmentStart, endDate, organisationStartDate: transferIn ? startDate : null }, terms, transferIn ? `${note}: nieuw op de afdeling per ${formatDate(joined)}, in dienst sinds ${formatDate(startDate)}` : note);
      if (transferIn) this.transferredIn += 1;
      this.employees.set(personnelNumber, { id, personnelNumber, ...name, startDate: departmentStart, endDate, organisationStartDate: transferIn ? startDate : null, terms: [] });
      return { status: 'new' };
    }

    // For a transfer the file's "datum in dienst" is the organisation's; the department's own start stays.
    const fileStart = startDate;
    const departmentStart = existing.organisationStartDate !== null ? existing.startDate : fileStart;
    if (endDate !== null && endDate < departmentStart) {
      throw new RowRejection(`datum uit dienst ${formatDate(endDate)} ligt vóór ${formatDate(departmentStart)}, de dag waarop de medewerker op deze afdeling kwam`, 'endDate');
    }
    // A change takes effect on its own date, else on the reference date, within the employment.
    let effective = maxDate(validFrom ?? this.referenceDate, departmentStart);
    if (endDate !== null && effective > endDate) effective = endDate;
    const current = latestTermsFrom(existing, effective);
    Object.assign(terms, this.placement(reader, costCentre, effective, current !== null && current.costCentre === costCentre ? current : null));

    const dates = existing.organisationStartDate !== null ? { organisationStartDate: fileStart } : { startDate: fileStart };
    const employeeChanged = changeEmployeeRow(wb, existing, { ...name, ...dates, endDate }, note);
    const reloaded = employeeChanged ? loadEmployees(wb, [existing.id])[0] : existing;
    // A leaver's row describes their last terms: it corrects the terms in force then, instead of adding a change.
    const leftBeforeReference = endDate !== null && endDate < (validFrom ?? this.referenceDate);
    const termsResult =
      leftBeforeReference && current ? applyTermsFrom(wb, reloaded, current.validFrom < departmentStart ? departmentStart : current.validFrom, terms, note) : applyTermsFrom(wb, reloaded, effective, terms, note);
    if (termsResult !== 'unchanged') this.termsChanged += 1;
    this.employees.set(personnelNumber, loadEmployees(wb, [existing.id])[0]);
    return { status: employeeChanged || termsResult !== 'unchanged' ? 'updated' : 'duplicate' };
  }

  /**
   * Someone of ours now on another department's cost centre moved there: their employment in this
   * workbook ends the day before the change (nothing changes when it already ended by then).
   */
  private transferOut(existing: StoredEmployee, startDate: string, endDate: string | null, reader: RowReader): RowOutcome {
    const validFrom = reader.optionalDate('validFrom');
    let lastDay = addDays(maxDate(validFrom ?? this.referenceDate, startDate), -1);
    if (endDate !== null && endDate < lastDay) lastDay = endDate;
    if (lastDay < existing.startDate) return { status: 'outside' };
    if (existing.endDate !== null && existing.endDate <= lastDay) return { status: 'duplicate' };
    changeEmployeeRow(this.context.wb, existing, { endDate: lastDay }, `Overgegaan naar kostenplaats ${reader.text('costCentre').toUpperCase()} (andere afdeling) volgens ${this.context.fileName}`);
    this.transferredOut += 1;
    return { status: 'updated' };
  }

  private scale(reader: RowReader): number | null {
    if (!reader.has('salaryScale')) return null;
    const text = reader.text('salaryScale');
    const match = SCALE.exec(text);
    const scale = match ? Number(match[1]) : NaN;
    if (!(scale >= 1 && scale <= 18)) throw new RowRejection(`onbekende salarisschaal "${text}" (gemeentelijke schalen lopen van 1 tot en met 18)`, 'salaryScale');
    return scale;
  }

  /**
   * Which position the terms name. The file's "Formatieplaats" column, when it has one, is kept as the
   * code (staff/matching links by it, also once the formation list comes after the staff file); a code
   * of a position we have links it now. What the head chose (a link, or "fills no position") stays while
   * the employee stays on the cost centre (`current`) and the file says what it said before.
   */
  private placement(reader: RowReader, costCentre: string, date: string, current: Terms | null): Pick<Terms, 'formationPositionId' | 'noPosition' | 'positionCode'> {
    const keep = { formationPositionId: current?.formationPositionId ?? null, noPosition: current?.noPosition ?? false, positionCode: current?.positionCode ?? null };
    if (!reader.isMapped('formationPosition')) return keep;
    const code = reader.text('formationPosition').toUpperCase() || null;
    const position = code === null ? undefined : this.positions.get(code);
    if (code !== null && !position) this.unknownPositionCodes += 1;
    if (current && code === keep.positionCode) return keep;
    if (code === null || !position) return { formationPositionId: null, noPosition: false, positionCode: code };
    if (position.costCentre !== costCentre) throw new RowRejection(`formatieplaats ${code} hoort bij kostenplaats ${position.costCentre}, niet bij ${costCentre}`, 'formationPosition');
    if (position.validTo !== null && date > position.validTo) throw new RowRejection(`formatieplaats ${code} is vervallen per ${formatDate(position.validTo)}`, 'formationPosition');
    // Linked by this code before the code was kept (workbooks from before migration 0017): nothing changed.
    if (current && keep.positionCode === null && current.formationPositionId === position.id) return keep;
    return { formationPositionId: position.id, noPosition: false, positionCode: code };
  }

  finish(): Record<string, number> {
    // Employees of ours working on the reference date whom the file does not mention: reported, not changed,
    // because a partial export must not end anyone's employment.
    let notInFile = 0;
    for (const employee of this.employees.values()) {
      if (!this.seen.has(employee.personnelNumber) && !this.waiting.has(employee.personnelNumber) && isEmployedOn(employee, this.referenceDate)) notInFile += 1;
    }
    return { termsChanged: this.termsChanged, transferredIn: this.transferredIn, transferredOut: this.transferredOut, notInFile, positionCodesNotInFormation: this.unknownPositionCodes };
  }
}

export function referenceDateOption(raw: string | undefined, today = new Date().toISOString().slice(0, 10)): string {
  if (raw === undefined || raw.trim() === '') return today;
  const parsed = parseDate(raw);
  if (!parsed.ok) throw new ApiError('invalid_input', `Peildatum: ${parsed.reason}`);
  return parsed.value;
}

export const rosterImporter: ImporterDefinition = {
  kind: 'staff',
  title: 'Personeelsbestand',
  fields: ROSTER_FIELDS,
  amountFields: ['hoursPerWeek'],
  table: 'employee',
  workbookKinds: ['department'],
  options: ['referenceDate'],
  begin: (context) => new RosterImportRun(context),
};
