import type { Migration } from './types.ts';

/**
 * The year turn: a department workbook goes on into the next fiscal year instead of being remade.
 * - workbook_year: the years opened in this workbook (the one it was made for, then each "Nieuw boekjaar
 *   openen"); workbook_meta.fiscal_year stays the current year, so everything that reads it follows the turn.
 * - commitment.carried_from_id: an open commitment carried into the new year points to the original in the
 *   year before, which stays as it was (that year may be closed, and its figures must not move).
 */
export const migration0016: Migration = {
  version: 16,
  name: 'workbook_years',
  sql: `
    CREATE TABLE workbook_year (
      year INTEGER PRIMARY KEY,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      from_year INTEGER,
      budget_source TEXT CHECK (budget_source IS NULL OR budget_source IN ('zero', 'copy'))
    );
    INSERT INTO workbook_year (year, opened_at, opened_by) SELECT fiscal_year, created_at, owner FROM workbook_meta;

    ALTER TABLE commitment ADD COLUMN carried_from_id INTEGER REFERENCES commitment (id);
    CREATE UNIQUE INDEX commitment_carried_from ON commitment (carried_from_id) WHERE carried_from_id IS NOT NULL;
  `,
};
