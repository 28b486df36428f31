import type { Migration } from './types.ts';

/**
 * The central HR workbook keeps the content of each imported HR package in tables, so the
 * consolidation recomputes the organisation's figures from the staff terms and the absence cases
 * (never from the departments' percentages). Rows belong to one package; a superseded package keeps
 * its rows as history and drops out of the figures because only current packages are read.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'central_hr',
  sql: `
    CREATE TABLE central_hr_basis (
      package_id INTEGER PRIMARY KEY REFERENCES central_package (id),
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      reference_date TEXT NOT NULL,
      normal_week_hours REAL NOT NULL,
      has_formation INTEGER NOT NULL,
      has_absence INTEGER NOT NULL,
      has_poortwachter INTEGER NOT NULL,
      reported_metrics_json TEXT
    );

    CREATE TABLE central_hr_staff (
      id INTEGER PRIMARY KEY,
      package_id INTEGER NOT NULL REFERENCES central_package (id),
      personnel_number TEXT NOT NULL,
      employment_start TEXT NOT NULL,
      employment_end TEXT,
      UNIQUE (package_id, personnel_number)
    );

    CREATE TABLE central_hr_terms (
      id INTEGER PRIMARY KEY,
      staff_id INTEGER NOT NULL REFERENCES central_hr_staff (id),
      valid_from TEXT NOT NULL,
      cost_centre TEXT NOT NULL,
      function_title TEXT NOT NULL,
      salary_scale INTEGER,
      salary_step INTEGER,
      hours_per_week REAL NOT NULL,
      fte REAL NOT NULL,
      contract_type TEXT NOT NULL,
      position_id TEXT
    );
    CREATE INDEX central_hr_staff_package ON central_hr_staff (package_id);
    CREATE INDEX central_hr_terms_staff ON central_hr_terms (staff_id, valid_from);

    CREATE TABLE central_hr_position (
      id INTEGER PRIMARY KEY,
      package_id INTEGER NOT NULL REFERENCES central_package (id),
      position_id TEXT NOT NULL,
      cost_centre TEXT NOT NULL,
      function_title TEXT NOT NULL,
      salary_scale INTEGER,
      formation_fte REAL NOT NULL,
      occupation_fte REAL NOT NULL
    );
    CREATE INDEX central_hr_position_package ON central_hr_position (package_id);

    CREATE TABLE central_hr_case (
      id INTEGER PRIMARY KEY,
      package_id INTEGER NOT NULL REFERENCES central_package (id),
      case_id TEXT NOT NULL,
      personnel_number TEXT NOT NULL,
      first_day TEXT NOT NULL,
      last_sick_day TEXT,
      continues_case_id TEXT,
      UNIQUE (package_id, case_id)
    );

    CREATE TABLE central_hr_episode (
      id INTEGER PRIMARY KEY,
      case_row_id INTEGER NOT NULL REFERENCES central_hr_case (id),
      from_date TEXT NOT NULL,
      percentage REAL NOT NULL
    );
    CREATE INDEX central_hr_episode_case ON central_hr_episode (case_row_id, from_date);

    CREATE TABLE central_hr_milestone (
      id INTEGER PRIMARY KEY,
      package_id INTEGER NOT NULL REFERENCES central_package (id),
      case_id TEXT NOT NULL,
      personnel_number TEXT NOT NULL,
      milestone TEXT NOT NULL,
      label TEXT NOT NULL,
      due_date TEXT NOT NULL,
      completed_on TEXT,
      status TEXT NOT NULL CHECK (status IN ('open', 'done', 'overdue'))
    );
    CREATE INDEX central_hr_milestone_package ON central_hr_milestone (package_id, due_date);
  `,
};
