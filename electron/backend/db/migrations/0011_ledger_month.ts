import type { Migration } from './types.ts';

/**
 * Actuals per budget line and booking month, kept by the ledger import in the same transaction as the
 * lines themselves (as budget_line.actual_cents is). The overview's month trend and the actuals grid's
 * unfiltered count and total read these few rows instead of summing a million ledger lines on opening.
 * A closed year is read-only here as well.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'ledger_month',
  sql: `
    CREATE TABLE ledger_month (
      budget_line_id INTEGER NOT NULL REFERENCES budget_line (id),
      month TEXT NOT NULL,
      line_count INTEGER NOT NULL,
      amount_cents INTEGER NOT NULL,
      PRIMARY KEY (budget_line_id, month)
    );

    INSERT INTO ledger_month (budget_line_id, month, line_count, amount_cents)
      SELECT budget_line_id, substr(booking_date, 1, 7), count(*), sum(amount_cents)
      FROM ledger_line GROUP BY budget_line_id, substr(booking_date, 1, 7);

    CREATE TRIGGER ledger_month_closed_year_insert BEFORE INSERT ON ledger_month
      WHEN EXISTS (SELECT 1 FROM closed_year WHERE year = (SELECT year FROM budget_line WHERE id = NEW.budget_line_id))
      BEGIN SELECT RAISE(ABORT, 'WERKBOEK_JAAR_AFGESLOTEN:' || (SELECT year FROM budget_line WHERE id = NEW.budget_line_id)); END;
    CREATE TRIGGER ledger_month_closed_year_update BEFORE UPDATE ON ledger_month
      WHEN EXISTS (SELECT 1 FROM closed_year WHERE year = (SELECT year FROM budget_line WHERE id = OLD.budget_line_id))
      BEGIN SELECT RAISE(ABORT, 'WERKBOEK_JAAR_AFGESLOTEN:' || (SELECT year FROM budget_line WHERE id = OLD.budget_line_id)); END;
    CREATE TRIGGER ledger_month_closed_year_delete BEFORE DELETE ON ledger_month
      WHEN EXISTS (SELECT 1 FROM closed_year WHERE year = (SELECT year FROM budget_line WHERE id = OLD.budget_line_id))
      BEGIN SELECT RAISE(ABORT, 'WERKBOEK_JAAR_AFGESLOTEN:' || (SELECT year FROM budget_line WHERE id = OLD.budget_line_id)); END;
  `,
};
