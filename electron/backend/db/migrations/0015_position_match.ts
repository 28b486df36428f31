import type { Migration } from './types.ts';

/**
 * Employees are matched to formation positions by function title and cost centre when their terms
 * name no position (staff/matching). The head can correct a match: linking to another position uses
 * formation_position_id as before; "fills no position" (a trainee, someone above the formation) needs
 * its own mark, or matching would put the employee back on a position.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'position_match',
  sql: `
    ALTER TABLE employee_terms ADD COLUMN no_position INTEGER NOT NULL DEFAULT 0 CHECK (no_position IN (0, 1));
  `,
};
