import type { Migration } from './types.ts';

/**
 * Absence: cases (verzuimgevallen) per employee with their episodes (percentage of incapacity from a
 * date; a partial recovery is a new episode with a lower percentage) and the Poortwachter steps
 * registered as done. By law (AVG) there is no column for a diagnosis, the nature or cause of the
 * illness or any other medical detail. Cases are deleted softly (deleted_at) because HR needs their
 * history; they are destroyed only by the logged retention purge (hence ON DELETE CASCADE).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'absence',
  sql: `
    CREATE TABLE absence_case (
      id INTEGER PRIMARY KEY,
      case_number TEXT NOT NULL,
      employee_id INTEGER NOT NULL REFERENCES employee (id),
      kind TEXT NOT NULL DEFAULT 'sickness' CHECK (kind IN ('sickness', 'pregnancy_leave')),
      first_day TEXT NOT NULL,
      last_day TEXT,
      expected_recovery TEXT,
      safety_net INTEGER NOT NULL DEFAULT 0 CHECK (safety_net IN (0, 1)),
      occupational_accident INTEGER NOT NULL DEFAULT 0 CHECK (occupational_accident IN (0, 1)),
      liable_third_party INTEGER NOT NULL DEFAULT 0 CHECK (liable_third_party IN (0, 1)),
      note TEXT,
      import_batch_id INTEGER REFERENCES import_batch (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (last_day IS NULL OR last_day >= first_day)
    );
    CREATE UNIQUE INDEX absence_case_number ON absence_case (case_number) WHERE deleted_at IS NULL;
    CREATE INDEX absence_case_employee ON absence_case (employee_id, first_day);
    CREATE INDEX absence_case_last_day ON absence_case (last_day);

    CREATE TABLE absence_episode (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES absence_case (id) ON DELETE CASCADE,
      from_date TEXT NOT NULL,
      percentage REAL NOT NULL CHECK (percentage >= 1 AND percentage <= 100),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (case_id, from_date)
    );

    CREATE TABLE poortwachter_step (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES absence_case (id) ON DELETE CASCADE,
      step TEXT NOT NULL,
      done_on TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (case_id, step)
    );
  `,
};
