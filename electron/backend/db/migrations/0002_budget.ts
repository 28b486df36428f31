import type { Migration } from './types.ts';

/** Budget lines per year × cost centre × ledger account, their revisions and commitments, and the ledger. */
export const migration0002: Migration = {
  version: 2,
  name: 'budget',
  sql: `
    CREATE TABLE budget_line (
      id INTEGER PRIMARY KEY,
      year INTEGER NOT NULL,
      cost_centre TEXT NOT NULL REFERENCES cost_centre (code),
      account TEXT NOT NULL,
      account_name TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'lasten' CHECK (kind IN ('lasten', 'baten')),
      taakveld TEXT,
      category TEXT,
      primitive_cents INTEGER NOT NULL DEFAULT 0,
      actual_cents INTEGER NOT NULL DEFAULT 0,
      expected_cents INTEGER NOT NULL DEFAULT 0,
      forecast_override_cents INTEGER,
      forecast_note TEXT,
      explanation TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (year, cost_centre, account)
    );

    CREATE TABLE budget_revision (
      id INTEGER PRIMARY KEY,
      budget_line_id INTEGER NOT NULL REFERENCES budget_line (id),
      date TEXT NOT NULL,
      amount_cents INTEGER NOT NULL,
      reason TEXT NOT NULL,
      decision_ref TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX budget_revision_line ON budget_revision (budget_line_id);

    CREATE TABLE commitment (
      id INTEGER PRIMARY KEY,
      budget_line_id INTEGER NOT NULL REFERENCES budget_line (id),
      supplier TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      amount_cents INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'afgewikkeld', 'vervallen')),
      date TEXT NOT NULL,
      reference TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX commitment_line ON commitment (budget_line_id);

    CREATE TABLE ledger_line (
      id INTEGER PRIMARY KEY,
      row_key TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL,
      period INTEGER,
      booking_date TEXT NOT NULL,
      journal TEXT,
      document TEXT,
      cost_centre TEXT NOT NULL,
      account TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      amount_cents INTEGER NOT NULL,
      counterparty TEXT,
      budget_line_id INTEGER NOT NULL REFERENCES budget_line (id),
      import_batch_id INTEGER REFERENCES import_batch (id)
    );
    -- Actuals per budget line up to a date; cost centre and account filters go through budget lines.
    CREATE INDEX ledger_line_budget ON ledger_line (budget_line_id, booking_date, amount_cents);
    -- The actuals grid pages through one year sorted by date or by amount.
    CREATE INDEX ledger_line_year_date ON ledger_line (year, booking_date);
    CREATE INDEX ledger_line_year_amount ON ledger_line (year, amount_cents);
  `,
};
