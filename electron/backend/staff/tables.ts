import type { Generated } from 'kysely';

export interface EmployeeTable {
  id: Generated<number>;
  personnel_number: string;
  first_name: string;
  /** tussenvoegsel: van, van der, de, ten … — sort on last_name without it. */
  infix: string;
  last_name: string;
  start_date: string;
  /** Last day of employment, inclusive; null while employed. */
  end_date: string | null;
  /** Migration 0004: the organisation's "datum in dienst" of someone who joined this department later (else null). */
  organisation_start_date: string | null;
  created_at: string;
  updated_at: string;
}

/** Terms valid from valid_from until the next row of the same employee. */
export interface EmployeeTermsTable {
  id: Generated<number>;
  employee_id: number;
  valid_from: string;
  function_title: string;
  salary_scale: number | null;
  salary_step: number | null;
  hours_per_week: number;
  cost_centre: string;
  contract_type: string;
  formation_position_id: number | null;
  /** Migration 0015: 1 = the head said this employee fills no position (matching leaves them out). */
  no_position: Generated<number>;
  /** Migration 0017: the position code the staff file gave (upper case), whether or not a position has it yet. */
  position_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffTables extends FormationTables {
  employee: EmployeeTable;
  employee_terms: EmployeeTermsTable;
}

/** A budgeted position (formatieplaats) from valid_from to valid_to (inclusive; null = open). */
export interface FormationPositionTable {
  id: Generated<number>;
  code: string;
  function_title: string;
  salary_scale: number | null;
  fte: number;
  cost_centre: string;
  valid_from: string;
  valid_to: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

/** Monthly salary per scale and step of the salary table valid from valid_from. */
export interface SalaryTableEntryTable {
  id: Generated<number>;
  valid_from: string;
  scale: number;
  step: number;
  monthly_cents: number;
  created_at: string;
  updated_at: string;
}

export interface FormationTables {
  formation_position: FormationPositionTable;
  salary_table_entry: SalaryTableEntryTable;
}
