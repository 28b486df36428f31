import type { ForecastMethod } from '../../../shared/domain/budget/forecast.ts';
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
  /** Finance packages: `{ personnelCosts, externalHire, bottlenecks, year, monthsBooked, rhythmYear }` (migration 14), so the consolidation need not parse the envelope. */
  extras_json: string | null;
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
  /** How the department made the forecast (migration 0013); null for packages from before packages said so. */
  forecast_method: ForecastMethod | null;
}

export interface CentralReviewTable {
  id: Generated<number>;
  package_id: number;
  status: 'reviewed' | 'question';
  note: string;
  at: string;
  actor: string;
}

/** What each current HR package says about itself (migration 0009): the basis and which sections it carried. */
export interface CentralHrBasisTable {
  package_id: number;
  period_start: string;
  period_end: string;
  reference_date: string;
  normal_week_hours: number;
  has_formation: number;
  has_absence: number;
  has_poortwachter: number;
  /** The department's own absence metrics as sent (shown beside the recomputed ones); null when absent. */
  reported_metrics_json: string | null;
}

export interface CentralHrStaffTable {
  id: Generated<number>;
  package_id: number;
  personnel_number: string;
  employment_start: string;
  employment_end: string | null;
}

export interface CentralHrTermsTable {
  id: Generated<number>;
  staff_id: number;
  valid_from: string;
  cost_centre: string;
  function_title: string;
  salary_scale: number | null;
  salary_step: number | null;
  hours_per_week: number;
  fte: number;
  contract_type: string;
  position_id: string | null;
}

export interface CentralHrPositionTable {
  id: Generated<number>;
  package_id: number;
  position_id: string;
  cost_centre: string;
  function_title: string;
  salary_scale: number | null;
  formation_fte: number;
  occupation_fte: number;
}

export interface CentralHrCaseTable {
  id: Generated<number>;
  package_id: number;
  case_id: string;
  personnel_number: string;
  first_day: string;
  last_sick_day: string | null;
  continues_case_id: string | null;
}

export interface CentralHrEpisodeTable {
  id: Generated<number>;
  case_row_id: number;
  from_date: string;
  percentage: number;
}

export interface CentralHrMilestoneTable {
  id: Generated<number>;
  package_id: number;
  case_id: string;
  personnel_number: string;
  milestone: string;
  label: string;
  due_date: string;
  completed_on: string | null;
  status: 'open' | 'done' | 'overdue';
}

export interface ConsolidationTables {
  central_hr_basis: CentralHrBasisTable;
  central_hr_staff: CentralHrStaffTable;
  central_hr_terms: CentralHrTermsTable;
  central_hr_position: CentralHrPositionTable;
  central_hr_case: CentralHrCaseTable;
  central_hr_episode: CentralHrEpisodeTable;
  central_hr_milestone: CentralHrMilestoneTable;
  central_department: CentralDepartmentTable;
  central_department_key: CentralDepartmentKeyTable;
  central_period: CentralPeriodTable;
  central_expected: CentralExpectedTable;
  central_package: CentralPackageTable;
  central_finance_line: CentralFinanceLineTable;
  central_review: CentralReviewTable;
}
