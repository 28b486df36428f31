import type { Migration } from './types.ts';

/**
 * Employees and their terms over time. Terms (hours, scale, function, cost centre, position) change on a
 * date, so every past day can be computed: the terms valid on day d are the row with the latest
 * valid_from ≤ d. Employment itself runs from start_date to end_date (inclusive; NULL = still employed).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'staff_core',
  sql: `
    CREATE TABLE employee (
      id INTEGER PRIMARY KEY,
      personnel_number TEXT NOT NULL UNIQUE,
      first_name TEXT NOT NULL DEFAULT '',
      infix TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date IS NULL OR end_date >= start_date)
    );
    CREATE INDEX employee_last_name ON employee (last_name);

    CREATE TABLE employee_terms (
      id INTEGER PRIMARY KEY,
      employee_id INTEGER NOT NULL REFERENCES employee (id),
      valid_from TEXT NOT NULL,
      function_title TEXT NOT NULL DEFAULT '',
      salary_scale INTEGER CHECK (salary_scale IS NULL OR salary_scale BETWEEN 1 AND 18),
      salary_step INTEGER CHECK (salary_step IS NULL OR salary_step BETWEEN 0 AND 30),
      hours_per_week REAL NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 40),
      cost_centre TEXT NOT NULL,
      contract_type TEXT NOT NULL DEFAULT '',
      formation_position_id INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (employee_id, valid_from)
    );
    CREATE INDEX employee_terms_cost_centre ON employee_terms (cost_centre, valid_from);
  `,
};
