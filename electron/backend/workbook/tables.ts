import type { Generated } from 'kysely';

export interface WorkbookMetaTable {
  id: number;
  workbook_id: string;
  kind: 'department' | 'central-hr' | 'central-finance';
  organisation: string;
  department_code: string | null;
  department_name: string | null;
  fiscal_year: number;
  owner: string;
  created_at: string;
  created_by_app: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface CostCentreTable {
  code: string;
  name: string;
  taakveld: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  table_name: string;
  row_id: string | null;
  old_json: string | null;
  new_json: string | null;
  note: string | null;
}

export interface ImportProfileTable {
  source_key: string;
  kind: string;
  profile_json: string;
  updated_at: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  imported_at: string;
  actor: string;
  result_json: string;
}

/** A year made read-only by the year-end close (migration 0008); triggers refuse changes to its data. */
export interface ClosedYearTable {
  year: number;
  closed_at: string;
  closed_by: string;
  note: string | null;
}

/** A fiscal year opened in the workbook (migration 0016); workbook_meta.fiscal_year is the current one. */
export interface WorkbookYearTable {
  year: number;
  opened_at: string;
  opened_by: string;
  from_year: number | null;
  budget_source: 'zero' | 'copy' | null;
}

export interface WorkbookTables {
  workbook_meta: WorkbookMetaTable;
  setting: SettingTable;
  cost_centre: CostCentreTable;
  audit_log: AuditLogTable;
  import_profile: ImportProfileTable;
  import_batch: ImportBatchTable;
  closed_year: ClosedYearTable;
  workbook_year: WorkbookYearTable;
}
