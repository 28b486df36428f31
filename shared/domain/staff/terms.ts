import type { NameParts } from './names.ts';

/** The terms of employment from a date on (arbeidsvoorwaarden): valid until the next change. */
export interface Terms {
  validFrom: string;
  functionTitle: string;
  salaryScale: number | null;
  salaryStep: number | null;
  hoursPerWeek: number;
  costCentre: string;
  contractType: string;
  formationPositionId: number | null;
  /**
   * The head said this employee fills no formation position (a trainee, someone above the formation),
   * so matching by function title leaves them out. Absent = false.
   */
  noPosition?: boolean;
  /**
   * The position code the staff file gives (upper case), also when no position has that code yet:
   * matching links the employee to it once it exists. Absent = null.
   */
  positionCode?: string | null;
}

/** An employee with the whole history of their terms, sorted by validFrom. */
export interface EmployeeHistory extends NameParts {
  id: number;
  personnelNumber: string;
  startDate: string;
  /** Last day of employment, inclusive; null while employed. */
  endDate: string | null;
  terms: Terms[];
}

export function isEmployedOn(employee: Pick<EmployeeHistory, 'startDate' | 'endDate'>, date: string): boolean {
  return employee.startDate <= date && (employee.endDate === null || date <= employee.endDate);
}

/**
 * The terms that apply on a day: the change with the latest validFrom on or before it, and only
 * while the employee is employed. Terms must be sorted by validFrom.
 */
export function termsOn(employee: EmployeeHistory, date: string): Terms | null {
  if (!isEmployedOn(employee, date)) return null;
  let found: Terms | null = null;
  for (const terms of employee.terms) {
    if (terms.validFrom <= date) found = terms;
    else break;
  }
  return found;
}

/** FTE = contract hours per week / the normal week (36 in the CAO Gemeenten). */
export function fteOf(hoursPerWeek: number, normalWeekHours: number): number {
  if (!(normalWeekHours > 0)) throw new Error('normal week must be positive');
  return hoursPerWeek / normalWeekHours;
}

/** FTE figures are shown with two decimals but kept with four, so sums of many employees stay exact enough. */
export function roundFte(value: number): number {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The fields that make a terms row different from another (validFrom aside). */
export function sameTerms(a: Omit<Terms, 'validFrom'>, b: Omit<Terms, 'validFrom'>): boolean {
  return (
    a.functionTitle === b.functionTitle &&
    a.salaryScale === b.salaryScale &&
    a.salaryStep === b.salaryStep &&
    Math.abs(a.hoursPerWeek - b.hoursPerWeek) < 1e-9 &&
    a.costCentre === b.costCentre &&
    a.contractType === b.contractType &&
    a.formationPositionId === b.formationPositionId &&
    (a.noPosition ?? false) === (b.noPosition ?? false) &&
    (a.positionCode ?? null) === (b.positionCode ?? null)
  );
}
