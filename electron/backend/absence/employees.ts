import type { EmployeeOption } from '../../../shared/domain/absence/types.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * The absence area reads the staff tables directly (employee, employee_terms) and never writes them:
 * employees come from the staff area or the roster import.
 */

export interface EmployeeRow {
  id: number;
  personnel_number: string;
  first_name: string;
  infix: string;
  last_name: string;
  start_date: string;
  end_date: string | null;
}

/** "Thijs van den Berg" */
export function displayName(e: Pick<EmployeeRow, 'first_name' | 'infix' | 'last_name'>): string {
  return [e.first_name, e.infix, e.last_name].filter((part) => part && part.trim() !== '').join(' ');
}

export function employedOn(e: Pick<EmployeeRow, 'start_date' | 'end_date'>, day: string): boolean {
  return e.start_date <= day && (e.end_date === null || day <= e.end_date);
}

export function employmentText(e: Pick<EmployeeRow, 'start_date' | 'end_date'>): string {
  const nl = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  return e.end_date ? `in dienst van ${nl(e.start_date)} tot en met ${nl(e.end_date)}` : `in dienst sinds ${nl(e.start_date)}`;
}

export function getEmployee(wb: Workbook, id: number): EmployeeRow | undefined {
  return wb.first(wb.db.selectFrom('employee').select(['id', 'personnel_number', 'first_name', 'infix', 'last_name', 'start_date', 'end_date']).where('id', '=', id));
}

/** The cost centre of each employee on a day (the terms with the latest valid_from ≤ day, else the first terms). */
export function costCentresOn(wb: Workbook, day: string): Map<number, string> {
  const rows = wb.all(wb.db.selectFrom('employee_terms').select(['employee_id', 'valid_from', 'cost_centre']).orderBy('employee_id').orderBy('valid_from'));
  const result = new Map<number, string>();
  for (const row of rows) {
    if (!result.has(row.employee_id) || row.valid_from <= day) result.set(row.employee_id, row.cost_centre);
  }
  return result;
}

/** Employees to choose from when registering a sick report, sorted on surname (without tussenvoegsel). */
export function listEmployees(wb: Workbook, day: string): EmployeeOption[] {
  const rows = wb.all(wb.db.selectFrom('employee').select(['id', 'personnel_number', 'first_name', 'infix', 'last_name', 'start_date', 'end_date']));
  const costCentres = costCentresOn(wb, day);
  return rows
    .sort((a, b) => a.last_name.localeCompare(b.last_name, 'nl') || a.first_name.localeCompare(b.first_name, 'nl') || a.personnel_number.localeCompare(b.personnel_number))
    .map((e) => ({
      id: e.id,
      personnelNumber: e.personnel_number,
      name: displayName(e),
      costCentre: employedOn(e, day) ? (costCentres.get(e.id) ?? null) : null,
      startDate: e.start_date,
      endDate: e.end_date,
      employed: employedOn(e, day),
    }));
}
