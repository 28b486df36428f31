import type { Migration } from './types.ts';

/**
 * Formation positions, the salary table and external hires (inhuur).
 *
 * - formation_position: a budgeted position (function, scale, FTE) on a cost centre from valid_from
 *   to valid_to (inclusive; NULL = open). Employees fill it through employee_terms.formation_position_id
 *   (migration 0003 could not reference this table; the staff service keeps that link valid).
 * - salary_table_entry: monthly salary in cents per scale and step, for a table valid from a date
 *   (usually 1 January; a collective raise in the year is a new table from its date).
 * - employee.organisation_start_date: the HR system's "datum in dienst" when it differs from the day the
 *   employee joined this department (a transfer from another department); start_date stays the day
 *   they count here, which is what headcount and absence need. NULL: the same as start_date.
 * - external_hire: agency staff, secondment or ZZP, paid per hour from a budget line (cost centre ×
 *   account of the year the hours fall in). Hours are per week. Soft-deleted: the history of hire
 *   costs matters. Kept apart from the staff tables so a later assignments register can absorb it.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'staff_formation_costs',
  sql: `
    ALTER TABLE employee ADD COLUMN organisation_start_date TEXT;

    CREATE TABLE formation_position (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      function_title TEXT NOT NULL,
      salary_scale INTEGER CHECK (salary_scale IS NULL OR salary_scale BETWEEN 1 AND 18),
      fte REAL NOT NULL CHECK (fte > 0 AND fte <= 100),
      cost_centre TEXT NOT NULL REFERENCES cost_centre (code),
      valid_from TEXT NOT NULL,
      valid_to TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX formation_position_cost_centre ON formation_position (cost_centre, valid_from);
    CREATE INDEX employee_terms_position ON employee_terms (formation_position_id);

    CREATE TABLE salary_table_entry (
      id INTEGER PRIMARY KEY,
      valid_from TEXT NOT NULL,
      scale INTEGER NOT NULL CHECK (scale BETWEEN 1 AND 18),
      step INTEGER NOT NULL CHECK (step BETWEEN 0 AND 30),
      monthly_cents INTEGER NOT NULL CHECK (monthly_cents > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (valid_from, scale, step)
    );

    CREATE TABLE external_hire (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('uitzendkracht', 'detachering', 'zzp', 'overig')),
      contractor TEXT NOT NULL,
      person_name TEXT NOT NULL DEFAULT '',
      assignment TEXT NOT NULL,
      agreed_result TEXT NOT NULL DEFAULT '',
      commissioner TEXT NOT NULL DEFAULT '',
      cost_centre TEXT NOT NULL REFERENCES cost_centre (code),
      account TEXT NOT NULL,
      hourly_rate_cents INTEGER NOT NULL CHECK (hourly_rate_cents >= 0),
      hours_per_week REAL NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      formation_position_id INTEGER REFERENCES formation_position (id),
      note TEXT NOT NULL DEFAULT '',
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date >= start_date)
    );
    CREATE INDEX external_hire_period ON external_hire (start_date, end_date);
  `,
};
