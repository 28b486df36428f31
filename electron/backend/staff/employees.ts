import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { displayName, sortName, compareNames } from '../../../shared/domain/staff/names.ts';
import { fteOf, roundFte, sameTerms, termsOn, type EmployeeHistory, type Terms } from '../../../shared/domain/staff/terms.ts';
import type { EmployeeDetail, EmployeeView, TermsView } from '../../../shared/domain/staff/types.ts';
import { addDays } from '../../../shared/domain/staff/calendar.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { defaultDate, staffSettings } from './settings.ts';

/** Terms as stored, with their row id. */
export type StoredTerms = Terms & { id: number };
export type StoredEmployee = EmployeeHistory & { terms: StoredTerms[]; organisationStartDate: string | null };

export function loadEmployees(wb: Workbook, ids?: number[]): StoredEmployee[] {
  let employeeQuery = wb.db.selectFrom('employee').selectAll();
  let termsQuery = wb.db.selectFrom('employee_terms').selectAll();
  if (ids) {
    if (ids.length === 0) return [];
    employeeQuery = employeeQuery.where('id', 'in', ids);
    termsQuery = termsQuery.where('employee_id', 'in', ids);
  }
  const employees = new Map<number, StoredEmployee>();
  for (const e of wb.all(employeeQuery.orderBy('id'))) {
    employees.set(e.id, {
      id: e.id,
      personnelNumber: e.personnel_number,
      firstName: e.first_name,
      infix: e.infix,
      lastName: e.last_name,
      startDate: e.start_date,
      endDate: e.end_date,
      organisationStartDate: e.organisation_start_date,
      terms: [],
    });
  }
  for (const t of wb.all(termsQuery.orderBy('employee_id').orderBy('valid_from'))) {
    employees.get(t.employee_id)?.terms.push({
      id: t.id,
      validFrom: t.valid_from,
      functionTitle: t.function_title,
      salaryScale: t.salary_scale,
      salaryStep: t.salary_step,
      hoursPerWeek: t.hours_per_week,
      costCentre: t.cost_centre,
      contractType: t.contract_type,
      formationPositionId: t.formation_position_id,
      noPosition: t.no_position === 1,
      positionCode: t.position_code,
    });
  }
  return [...employees.values()];
}

function loadEmployee(wb: Workbook, id: number): StoredEmployee {
  const [employee] = loadEmployees(wb, [id]);
  if (!employee) throw new ApiError('not_found', `Medewerker ${id} bestaat niet.`);
  return employee;
}

export function positionCodes(wb: Workbook): Map<number, string> {
  return new Map(wb.all(wb.db.selectFrom('formation_position').select(['id', 'code'])).map((p) => [p.id, p.code]));
}

function termsView(employee: StoredEmployee, index: number, normalWeekHours: number, codes: Map<number, string>): TermsView {
  const terms = employee.terms[index];
  const next = employee.terms[index + 1];
  const { id, ...rest } = terms;
  return {
    id,
    ...rest,
    validTo: next ? addDays(next.validFrom, -1) : null,
    fte: roundFte(fteOf(terms.hoursPerWeek, normalWeekHours)),
    formationPositionCode: terms.formationPositionId === null ? null : (codes.get(terms.formationPositionId) ?? null),
  };
}

export function employeeView(employee: StoredEmployee, date: string, normalWeekHours: number, codes: Map<number, string>): EmployeeView {
  const status = date < employee.startDate ? 'future' : employee.endDate !== null && date > employee.endDate ? 'left' : 'employed';
  const current = termsOn(employee, date);
  let index = current ? employee.terms.indexOf(current as StoredTerms) : -1;
  // Someone not employed on the date is shown with the terms nearest to it.
  if (index < 0 && employee.terms.length > 0) {
    if (status === 'future') index = 0;
    else {
      const last = employee.endDate ?? date;
      index = employee.terms.reduce((found, t, i) => (t.validFrom <= last ? i : found), 0);
    }
  }
  return {
    id: employee.id,
    personnelNumber: employee.personnelNumber,
    firstName: employee.firstName,
    infix: employee.infix,
    lastName: employee.lastName,
    displayName: displayName(employee),
    sortName: sortName(employee),
    startDate: employee.startDate,
    endDate: employee.endDate,
    organisationStartDate: employee.organisationStartDate,
    date,
    status,
    terms: index >= 0 ? termsView(employee, index, normalWeekHours, codes) : null,
    fte: current ? roundFte(fteOf(current.hoursPerWeek, normalWeekHours)) : 0,
  };
}

export function listEmployees(wb: Workbook, input: { date?: string; includeInactive: boolean }): EmployeeView[] {
  const date = input.date ?? defaultDate(wb);
  const { normalWeekHours } = staffSettings(wb);
  const codes = positionCodes(wb);
  return loadEmployees(wb)
    .sort(compareNames)
    .map((e) => employeeView(e, date, normalWeekHours, codes))
    .filter((v) => input.includeInactive || v.status === 'employed');
}

export function employeeDetail(wb: Workbook, id: number, date?: string): EmployeeDetail {
  const employee = loadEmployee(wb, id);
  const { normalWeekHours } = staffSettings(wb);
  const codes = positionCodes(wb);
  return {
    ...employeeView(employee, date ?? defaultDate(wb), normalWeekHours, codes),
    history: employee.terms.map((_, i) => termsView(employee, i, normalWeekHours, codes)),
  };
}

// ── Validation shared by the forms, the API and the roster import ─────────

export class StaffRules {
  private readonly costCentres: Set<string>;
  private positions: Map<number, { code: string; cost_centre: string; valid_from: string; valid_to: string | null }> | null = null;

  constructor(private readonly wb: Workbook) {
    this.costCentres = new Set(wb.departmentCostCentres());
  }

  isDepartmentCostCentre(code: string): boolean {
    return this.costCentres.has(code);
  }

  costCentre(code: string): void {
    if (!this.costCentres.has(code)) {
      throw new ApiError('invalid_input', `Kostenplaats ${code} hoort niet bij deze afdeling (${[...this.costCentres].join(', ')}).`);
    }
  }

  positionById(id: number) {
    if (!this.positions) {
      this.positions = new Map(this.wb.all(this.wb.db.selectFrom('formation_position').select(['id', 'code', 'cost_centre', 'valid_from', 'valid_to'])).map((p) => [p.id, p]));
    }
    return this.positions.get(id);
  }

  /** A position must exist, lie on the employee's cost centre and not have ended before the terms start. */
  position(id: number | null, costCentre: string, validFrom: string): void {
    if (id === null) return;
    const position = this.positionById(id);
    if (!position) throw new ApiError('invalid_input', `Formatieplaats ${id} bestaat niet.`);
    if (position.cost_centre !== costCentre) {
      throw new ApiError('invalid_input', `Formatieplaats ${position.code} hoort bij kostenplaats ${position.cost_centre}, niet bij ${costCentre}.`);
    }
    // A position set up later than the terms start is fine: before its start the employee counts as unlinked.
    if (position.valid_to !== null && validFrom > position.valid_to) {
      throw new ApiError('invalid_input', `Formatieplaats ${position.code} is vervallen per ${formatDate(position.valid_to)}; kies een formatieplaats die op ${formatDate(validFrom)} nog bestaat.`);
    }
  }

  employmentDates(startDate: string, endDate: string | null): void {
    if (endDate !== null && endDate < startDate) {
      throw new ApiError('invalid_input', `Datum uit dienst (${formatDate(endDate)}) ligt vóór de datum in dienst (${formatDate(startDate)}).`);
    }
  }

  personnelNumberFree(personnelNumber: string, exceptId?: number): void {
    const other = this.wb.first(this.wb.db.selectFrom('employee').select(['id', 'first_name', 'infix', 'last_name']).where('personnel_number', '=', personnelNumber));
    if (other && other.id !== exceptId) {
      throw new ApiError('conflict', `Personeelsnummer ${personnelNumber} is al in gebruik (${displayName({ firstName: other.first_name, infix: other.infix, lastName: other.last_name })}).`);
    }
  }
}

// ── Mutations ──────────────────────────────────────────────────────────────

function termsColumns(terms: Omit<Terms, 'validFrom'>) {
  return {
    function_title: terms.functionTitle,
    salary_scale: terms.salaryScale,
    salary_step: terms.salaryStep,
    hours_per_week: terms.hoursPerWeek,
    cost_centre: terms.costCentre,
    contract_type: terms.contractType,
    formation_position_id: terms.formationPositionId,
    no_position: terms.noPosition ? 1 : 0,
    position_code: terms.positionCode ?? null,
  };
}

export function insertEmployee(
  wb: Workbook,
  input: { personnelNumber: string; firstName: string; infix: string; lastName: string; startDate: string; endDate: string | null; organisationStartDate?: string | null },
  terms: Omit<Terms, 'validFrom'>,
  note?: string,
): number {
  const now = nowIso();
  const values = {
    personnel_number: input.personnelNumber,
    first_name: input.firstName,
    infix: input.infix,
    last_name: input.lastName,
    start_date: input.startDate,
    end_date: input.endDate,
    organisation_start_date: input.organisationStartDate ?? null,
    created_at: now,
    updated_at: now,
  };
  const id = Number(wb.run(wb.db.insertInto('employee').values(values)).lastInsertRowid);
  wb.audit({ action: 'insert', table: 'employee', rowId: id, new: values, note });
  insertTerms(wb, id, input.startDate, terms, note);
  return id;
}

export function insertTerms(wb: Workbook, employeeId: number, validFrom: string, terms: Omit<Terms, 'validFrom'>, note?: string): number {
  const now = nowIso();
  const values = { employee_id: employeeId, valid_from: validFrom, ...termsColumns(terms), created_at: now, updated_at: now };
  const id = Number(wb.run(wb.db.insertInto('employee_terms').values(values)).lastInsertRowid);
  wb.audit({ action: 'insert', table: 'employee_terms', rowId: id, new: values, note });
  return id;
}

export function updateTermsRow(wb: Workbook, row: StoredTerms, terms: Omit<Terms, 'validFrom'>, note?: string): void {
  const { id: _id, validFrom: _from, ...old } = row;
  if (sameTerms(old, terms)) return;
  wb.run(wb.db.updateTable('employee_terms').set({ ...termsColumns(terms), updated_at: nowIso() }).where('id', '=', row.id));
  wb.audit({ action: 'update', table: 'employee_terms', rowId: row.id, old: termsColumns(old), new: termsColumns(terms), note });
}

/** The terms row in force on a date regardless of employment (the first row for a date before all rows). */
export function latestTermsFrom(employee: StoredEmployee, date: string): StoredTerms | null {
  let found: StoredTerms | null = null;
  for (const terms of employee.terms) {
    if (terms.validFrom <= date) found = terms;
    else break;
  }
  return found;
}

/**
 * Applies terms from a date: corrects the row of that date when there is one, otherwise adds a
 * change that runs until the next existing change. Returns what happened.
 */
export function applyTermsFrom(wb: Workbook, employee: StoredEmployee, validFrom: string, terms: Omit<Terms, 'validFrom'>, note?: string): 'unchanged' | 'corrected' | 'added' {
  const base = latestTermsFrom(employee, validFrom);
  if (base && sameTerms(base, terms)) return 'unchanged';
  if (base && base.validFrom === validFrom) {
    updateTermsRow(wb, base, terms, note);
    return 'corrected';
  }
  insertTerms(wb, employee.id, validFrom, terms, note);
  return 'added';
}

function normaliseTerms(rules: StaffRules, terms: Omit<Terms, 'validFrom'>, validFrom: string): Omit<Terms, 'validFrom'> {
  rules.costCentre(terms.costCentre);
  rules.position(terms.formationPositionId, terms.costCentre, validFrom);
  return terms;
}

export function createEmployee(
  wb: Workbook,
  input: { personnelNumber: string; firstName: string; infix: string; lastName: string; startDate: string; endDate: string | null; terms: Omit<Terms, 'validFrom'> },
): EmployeeDetail {
  wb.requireKind('department');
  const rules = new StaffRules(wb);
  rules.employmentDates(input.startDate, input.endDate);
  rules.personnelNumberFree(input.personnelNumber);
  const terms = normaliseTerms(rules, input.terms, input.startDate);
  const id = wb.tx(() => insertEmployee(wb, input, terms));
  return employeeDetail(wb, id);
}

const employeeColumns = {
  personnelNumber: 'personnel_number',
  firstName: 'first_name',
  infix: 'infix',
  lastName: 'last_name',
  startDate: 'start_date',
  endDate: 'end_date',
  organisationStartDate: 'organisation_start_date',
} as const;

export function updateEmployee(
  wb: Workbook,
  id: number,
  patch: Partial<{ personnelNumber: string; firstName: string; infix: string; lastName: string; startDate: string; endDate: string | null }>,
  note?: string,
): EmployeeDetail {
  wb.requireKind('department');
  const employee = loadEmployee(wb, id);
  const rules = new StaffRules(wb);
  const next = { ...employee, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as StoredEmployee;
  rules.employmentDates(next.startDate, next.endDate);
  if (patch.personnelNumber !== undefined && patch.personnelNumber !== employee.personnelNumber) rules.personnelNumberFree(patch.personnelNumber, id);
  wb.tx(() => changeEmployeeRow(wb, employee, patch, note));
  return employeeDetail(wb, id);
}

/** Writes the changed employee columns (with audit); keeps the first terms row no later than the start. */
export function changeEmployeeRow(wb: Workbook, employee: StoredEmployee, patch: Partial<Record<keyof typeof employeeColumns, string | null>>, note?: string): boolean {
  const current: Record<string, unknown> = {
    personnel_number: employee.personnelNumber,
    first_name: employee.firstName,
    infix: employee.infix,
    last_name: employee.lastName,
    start_date: employee.startDate,
    end_date: employee.endDate,
    organisation_start_date: employee.organisationStartDate,
  };
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = employeeColumns[key as keyof typeof employeeColumns];
    if (current[column] !== value) {
      old[column] = current[column];
      changes[column] = value;
    }
  }
  if (Object.keys(changes).length === 0) return false;
  wb.run(wb.db.updateTable('employee').set({ ...changes, updated_at: nowIso() }).where('id', '=', employee.id));
  wb.audit({ action: 'update', table: 'employee', rowId: employee.id, old, new: changes, note });
  const newStart = changes.start_date as string | undefined;
  const first = employee.terms[0];
  // Terms must cover every employed day: an earlier start takes the first terms along.
  if (newStart && first && first.validFrom > newStart) {
    wb.run(wb.db.updateTable('employee_terms').set({ valid_from: newStart, updated_at: nowIso() }).where('id', '=', first.id));
    wb.audit({ action: 'update', table: 'employee_terms', rowId: first.id, old: { valid_from: first.validFrom }, new: { valid_from: newStart }, note: note ?? 'Eerdere datum in dienst' });
  }
  return true;
}

export function changeTerms(wb: Workbook, employeeId: number, validFrom: string, patch: Partial<Omit<Terms, 'validFrom'>>): EmployeeDetail {
  wb.requireKind('department');
  const employee = loadEmployee(wb, employeeId);
  if (validFrom < employee.startDate) {
    throw new ApiError('invalid_input', `Een wijziging kan niet ingaan vóór de datum in dienst (${formatDate(employee.startDate)}).`);
  }
  if (employee.endDate !== null && validFrom > employee.endDate) {
    throw new ApiError('invalid_input', `Een wijziging kan niet ingaan na de datum uit dienst (${formatDate(employee.endDate)}).`);
  }
  const base = latestTermsFrom(employee, validFrom) ?? employee.terms[0];
  if (!base) throw new ApiError('conflict', `Medewerker ${employee.personnelNumber} heeft geen arbeidsvoorwaarden om te wijzigen.`);
  const { id: _id, validFrom: _from, ...baseTerms } = base;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = { ...baseTerms, ...defined } as Omit<Terms, 'validFrom'>;
  // Moving to another cost centre leaves a position of the old one, unless a new position is given.
  if (patch.formationPositionId === undefined && next.costCentre !== baseTerms.costCentre) {
    next.formationPositionId = null;
    next.noPosition = false;
    next.positionCode = null;
  }
  // A position given is a position filled.
  if (next.formationPositionId !== null) next.noPosition = false;
  normaliseTerms(new StaffRules(wb), next, validFrom);
  wb.tx(() => applyTermsFrom(wb, employee, validFrom, next));
  return employeeDetail(wb, employeeId, validFrom);
}

export function deleteTerms(wb: Workbook, termsId: number): EmployeeDetail {
  wb.requireKind('department');
  const row = wb.first(wb.db.selectFrom('employee_terms').selectAll().where('id', '=', termsId));
  if (!row) throw new ApiError('not_found', `Wijziging ${termsId} bestaat niet.`);
  const employee = loadEmployee(wb, row.employee_id);
  if (employee.terms[0]?.id === termsId) {
    throw new ApiError('conflict', 'De eerste arbeidsvoorwaarden van een medewerker kunnen niet worden verwijderd; wijzig ze, of pas de datum in dienst aan.');
  }
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('employee_terms').where('id', '=', termsId));
    wb.audit({ action: 'delete', table: 'employee_terms', rowId: termsId, old: row, note: `Wijziging per ${formatDate(row.valid_from)} verwijderd` });
  });
  return employeeDetail(wb, employee.id);
}
