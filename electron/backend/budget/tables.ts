import type { ColumnType, Generated } from 'kysely';

export interface BudgetLineTable {
  id: Generated<number>;
  year: number;
  cost_centre: string;
  account: string;
  account_name: string;
  kind: 'lasten' | 'baten';
  taakveld: string | null;
  category: string | null;
  primitive_cents: number;
  /** Sum of this line's ledger lines, kept by the ledger import in the same transaction. */
  actual_cents: number;
  expected_cents: number;
  forecast_override_cents: number | null;
  forecast_note: string | null;
  explanation: string | null;
  created_at: string;
  updated_at: string;
}

export interface BudgetRevisionTable {
  id: Generated<number>;
  budget_line_id: number;
  date: string;
  amount_cents: number;
  reason: string;
  decision_ref: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommitmentTable {
  id: Generated<number>;
  budget_line_id: number;
  supplier: string;
  description: string;
  amount_cents: number;
  status: 'open' | 'afgewikkeld' | 'vervallen';
  date: string;
  reference: string | null;
  /** The commitment of the year before that this one carries on (migration 0016). */
  carried_from_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
  updated_at: string;
}

export interface LedgerLineTable {
  id: Generated<number>;
  row_key: string;
  year: number;
  period: number | null;
  booking_date: string;
  journal: string | null;
  document: string | null;
  cost_centre: string;
  account: string;
  description: string;
  amount_cents: number;
  counterparty: string | null;
  budget_line_id: number;
  import_batch_id: number | null;
}

/** Actuals per budget line and booking month ('jjjj-mm'), kept by the ledger import. */
export interface LedgerMonthTable {
  budget_line_id: number;
  month: string;
  line_count: number;
  amount_cents: number;
}

export interface BudgetTables {
  budget_line: BudgetLineTable;
  budget_revision: BudgetRevisionTable;
  commitment: CommitmentTable;
  ledger_line: LedgerLineTable;
  ledger_month: LedgerMonthTable;
}
