import type { Migration } from './types.ts';

/** The workbook itself: what kind it is, whose it is, settings, cost centres, audit trail, import bookkeeping. */
export const migration0001: Migration = {
  version: 1,
  name: 'workbook',
  sql: `
    CREATE TABLE workbook_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      workbook_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('department', 'central-hr', 'central-finance')),
      organisation TEXT NOT NULL,
      department_code TEXT,
      department_name TEXT,
      fiscal_year INTEGER NOT NULL,
      owner TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by_app TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE cost_centre (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      taakveld TEXT,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      table_name TEXT NOT NULL,
      row_id TEXT,
      old_json TEXT,
      new_json TEXT,
      note TEXT
    );
    CREATE INDEX audit_log_table_row ON audit_log (table_name, row_id);

    CREATE TABLE import_profile (
      source_key TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      profile_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE import_batch (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      result_json TEXT NOT NULL
    );
  `,
};
