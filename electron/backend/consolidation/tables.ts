import type { Generated } from 'kysely';

export interface CentralDepartmentTable {
  code: string;
  name: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** A department's registered public keys; the current one has retired_at null. */
export interface CentralDepartmentKeyTable {
  id: Generated<number>;
  department_code: string;
  public_key: string;
  fingerprint: string;
  source: 'key-file' | 'first-import';
  registered_at: string;
  registered_by: string;
  retired_at: string | null;
}

/** The delivery calendar: each period departments report on, with its due date. */
export interface CentralPeriodTable {
  period: string;
  due_date: string;
  created_at: string;
  updated_at: string;
}

/** Which department owes which period. */
export interface CentralExpectedTable {
  department_code: string;
  period: string;
  created_at: string;
}

export interface CentralPackageTable {
  id: Generated<number>;
  department_code: string;
  kind: 'finance-summary' | 'hr-summary';
  period: string;
  sequence: number;
  status: 'current' | 'superseded';
  /** SHA-256 of the canonical signed bytes: identical packages have the same value. */
  package_sha256: string;
  payload_sha256: string;
  key_fingerprint: string;
  /** The department's createdAt (signed), used for lateness. */
  created_at: string;
  app_version: string;
  format_version: number;
  file_name: string;
  imported_at: string;
  imported_by: string;
  superseded_by: number | null;
  /** The package exactly as received, for history and re-verification. */
  envelope_json: string;
}

export interface CentralFinanceLineTable {
  id: Generated<number>;
  package_id: number;
  cost_centre: string;
  account: string;
  account_name: string;
  kind: string;
  taakveld: string | null;
  primitive_cents: number;
  revisions_cents: number;
  current_cents: number;
  actual_cents: number;
  commitments_cents: number;
  forecast_cents: number;
  variance_cents: number;
  explanation: string | null;
  explanation_required: number;
  forecast_note: string | null;
}

export interface CentralReviewTable {
  id: Generated<number>;
  package_id: number;
  status: 'reviewed' | 'question';
  note: string;
  at: string;
  actor: string;
}

export interface ConsolidationTables {
  central_department: CentralDepartmentTable;
  central_department_key: CentralDepartmentKeyTable;
  central_period: CentralPeriodTable;
  central_expected: CentralExpectedTable;
  central_package: CentralPackageTable;
  central_finance_line: CentralFinanceLineTable;
  central_review: CentralReviewTable;
}
