import type { Migration } from './types.ts';

/**
 * Exchange of signed summary packages (.wbx). Department side: the signing key and the export log.
 * Central side: registered departments and their keys, the delivery calendar, which department owes
 * which period, every imported package (superseded ones kept as history), the finance lines of each
 * package, and the controller's reviews.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'exchange',
  sql: `
    CREATE TABLE exchange_key (
      id INTEGER PRIMARY KEY,
      public_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL UNIQUE,
      protector TEXT NOT NULL,
      protected_private_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      retired_at TEXT
    );
    CREATE UNIQUE INDEX exchange_key_current ON exchange_key ((1)) WHERE retired_at IS NULL;

    CREATE TABLE exchange_export (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('finance-summary', 'hr-summary')),
      period TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      file_name TEXT NOT NULL,
      xlsx_file_name TEXT,
      payload_sha256 TEXT NOT NULL,
      package_sha256 TEXT NOT NULL,
      key_fingerprint TEXT NOT NULL,
      sections_json TEXT NOT NULL,
      UNIQUE (kind, period, sequence)
    );

    CREATE TABLE central_department (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE central_department_key (
      id INTEGER PRIMARY KEY,
      department_code TEXT NOT NULL REFERENCES central_department (code),
      public_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('key-file', 'first-import')),
      registered_at TEXT NOT NULL,
      registered_by TEXT NOT NULL,
      retired_at TEXT
    );
    CREATE UNIQUE INDEX central_department_key_current ON central_department_key (department_code) WHERE retired_at IS NULL;

    CREATE TABLE central_period (
      period TEXT PRIMARY KEY,
      due_date TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE central_expected (
      department_code TEXT NOT NULL REFERENCES central_department (code),
      period TEXT NOT NULL REFERENCES central_period (period),
      created_at TEXT NOT NULL,
      PRIMARY KEY (department_code, period)
    );

    CREATE TABLE central_package (
      id INTEGER PRIMARY KEY,
      department_code TEXT NOT NULL REFERENCES central_department (code),
      kind TEXT NOT NULL,
      period TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('current', 'superseded')),
      package_sha256 TEXT NOT NULL,
      payload_sha256 TEXT NOT NULL,
      key_fingerprint TEXT NOT NULL,
      created_at TEXT NOT NULL,
      app_version TEXT NOT NULL,
      format_version INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      superseded_by INTEGER REFERENCES central_package (id),
      envelope_json TEXT NOT NULL,
      UNIQUE (department_code, kind, period, sequence)
    );
    CREATE UNIQUE INDEX central_package_current ON central_package (department_code, kind, period) WHERE status = 'current';
    CREATE INDEX central_package_period ON central_package (period, status);

    CREATE TABLE central_finance_line (
      id INTEGER PRIMARY KEY,
      package_id INTEGER NOT NULL REFERENCES central_package (id),
      cost_centre TEXT NOT NULL,
      account TEXT NOT NULL,
      account_name TEXT NOT NULL,
      kind TEXT NOT NULL,
      taakveld TEXT,
      primitive_cents INTEGER NOT NULL,
      revisions_cents INTEGER NOT NULL,
      current_cents INTEGER NOT NULL,
      actual_cents INTEGER NOT NULL,
      commitments_cents INTEGER NOT NULL,
      forecast_cents INTEGER NOT NULL,
      variance_cents INTEGER NOT NULL,
      explanation TEXT,
      explanation_required INTEGER NOT NULL,
      forecast_note TEXT
    );
    CREATE INDEX central_finance_line_package ON central_finance_line (package_id);

    CREATE TABLE central_review (
      id INTEGER PRIMARY KEY,
      package_id INTEGER NOT NULL REFERENCES central_package (id),
      status TEXT NOT NULL CHECK (status IN ('reviewed', 'question')),
      note TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    );
    CREATE INDEX central_review_package ON central_review (package_id, id);
  `,
};
