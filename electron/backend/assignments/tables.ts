import type { Generated } from 'kysely';
import type { AssignmentKind, AssignmentStatus, BenchmarkIndicator, LinkRelation, MomentKind, MomentOutcome } from '../../../shared/domain/assignments/types.ts';

/** The assignments register (migration 0010); see docs/assignments.md. */
export interface AssignmentTable {
  id: Generated<number>;
  code: string;
  title: string;
  kind: AssignmentKind;
  contractor: string;
  /** The ledger's Relatie: ledger lines and commitments are matched on it. */
  counterparty: string;
  /** Personal data: never leaves the workbook for finance. */
  person_name: string;
  official_commissioner: string;
  administrative_commissioner: string;
  agreed_result: string;
  acceptance_criteria: string;
  ceiling_cents: number;
  start_date: string;
  end_date: string;
  status: AssignmentStatus;
  hourly_rate_cents: number | null;
  hours_per_week: number | null;
  formation_position_id: number | null;
  note: string;
  import_batch_id: number | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssignmentBudgetLineTable {
  id: Generated<number>;
  assignment_id: number;
  cost_centre: string;
  account: string;
  /** 0 is the main line. */
  position: number;
}

export interface AssignmentMomentTable {
  id: Generated<number>;
  assignment_id: number;
  kind: MomentKind;
  due_date: string;
  outcome: MomentOutcome | null;
  decided_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface AssignmentLogTable {
  id: Generated<number>;
  assignment_id: number;
  date: string;
  text: string;
  actor: string;
  created_at: string;
}

export interface AssignmentLedgerLinkTable {
  id: Generated<number>;
  assignment_id: number;
  ledger_line_id: number;
  actor: string;
  created_at: string;
}

export interface AssignmentCommitmentLinkTable {
  id: Generated<number>;
  assignment_id: number;
  commitment_id: number;
  actor: string;
  created_at: string;
}

export interface AssignmentDepartmentLinkTable {
  id: Generated<number>;
  assignment_id: number;
  department_code: string;
  relation: LinkRelation;
  note: string;
  created_at: string;
  removed_at: string | null;
}

export interface BenchmarkTable {
  id: Generated<number>;
  indicator: BenchmarkIndicator;
  reference_group: string;
  value: number;
  year: number;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface AssignmentTables {
  assignment: AssignmentTable;
  assignment_budget_line: AssignmentBudgetLineTable;
  assignment_moment: AssignmentMomentTable;
  assignment_log: AssignmentLogTable;
  assignment_ledger_link: AssignmentLedgerLinkTable;
  assignment_commitment_link: AssignmentCommitmentLinkTable;
  assignment_department_link: AssignmentDepartmentLinkTable;
  benchmark: BenchmarkTable;
}
