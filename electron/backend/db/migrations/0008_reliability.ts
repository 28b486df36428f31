import type { Migration } from './types.ts';

const CLOSED = (yearExpr: string) => `EXISTS (SELECT 1 FROM closed_year WHERE year = ${yearExpr})`;
const LINE_YEAR = (idExpr: string) => `(SELECT year FROM budget_line WHERE id = ${idExpr})`;
// The message is a marker the backend turns into a Dutch sentence (see workbook/year-close.ts).
const RAISE = (yearExpr: string) => `SELECT RAISE(ABORT, 'WERKBOEK_JAAR_AFGESLOTEN:' || ${yearExpr});`;

function guard(table: string, yearOfNew: string, yearOfOld: string): string {
  return `
    CREATE TRIGGER ${table}_closed_year_insert BEFORE INSERT ON ${table}
      WHEN ${CLOSED(yearOfNew)} BEGIN ${RAISE(yearOfNew)} END;
    CREATE TRIGGER ${table}_closed_year_update_old BEFORE UPDATE ON ${table}
      WHEN ${CLOSED(yearOfOld)} BEGIN ${RAISE(yearOfOld)} END;
    CREATE TRIGGER ${table}_closed_year_update_new BEFORE UPDATE ON ${table}
      WHEN ${CLOSED(yearOfNew)} BEGIN ${RAISE(yearOfNew)} END;
    CREATE TRIGGER ${table}_closed_year_delete BEFORE DELETE ON ${table}
      WHEN ${CLOSED(yearOfOld)} BEGIN ${RAISE(yearOfOld)} END;`;
}

/**
 * Year-end close: a closed year is read-only in the database itself, so every path (screens,
 * imports, the CLI, future code) is refused alike. Budget lines and the ledger carry their year;
 * revisions and commitments take the year of their budget line.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'reliability',
  sql: `
    CREATE TABLE closed_year (
      year INTEGER PRIMARY KEY,
      closed_at TEXT NOT NULL,
      closed_by TEXT NOT NULL,
      note TEXT
    );
    ${guard('budget_line', 'NEW.year', 'OLD.year')}
    ${guard('ledger_line', 'NEW.year', 'OLD.year')}
    ${guard('budget_revision', LINE_YEAR('NEW.budget_line_id'), LINE_YEAR('OLD.budget_line_id'))}
    ${guard('commitment', LINE_YEAR('NEW.budget_line_id'), LINE_YEAR('OLD.budget_line_id'))}
  `,
};
