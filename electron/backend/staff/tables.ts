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
  created_at: string;
  updated_at: string;
}

export interface StaffTables {
  employee: EmployeeTable;
  employee_terms: EmployeeTermsTable;
}
