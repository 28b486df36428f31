import type { LineFigures, Totals, VarianceThreshold } from './figures.ts';
import type { ForecastBasis } from './forecast.ts';

export type BudgetKind = 'lasten' | 'baten';

export interface BudgetLineView extends LineFigures {
  id: number;
  year: number;
  costCentre: string;
  account: string;
  accountName: string;
  kind: BudgetKind;
  taakveld: string | null;
  category: string | null;
  primitiveCents: number;
  revisionsCents: number;
  actualCents: number;
  commitmentsCents: number;
  expectedCents: number;
  forecastOverrideCents: number | null;
  forecastNote: string | null;
  explanation: string | null;
  updatedAt: string;
}

export interface BudgetSummary {
  year: number;
  years: number[];
  threshold: VarianceThreshold;
  /** What the forecasts rest on: months booked, and the year whose rhythm lines with history follow. */
  forecastBasis: ForecastBasis;
  lines: BudgetLineView[];
  byCostCentre: Totals[];
  byAccount: Totals[];
  byKind: Totals[];
  total: Totals;
}

export interface Revision {
  id: number;
  budgetLineId: number;
  costCentre: string;
  account: string;
  date: string;
  amountCents: number;
  reason: string;
  decisionRef: string | null;
}

export type CommitmentStatus = 'open' | 'afgewikkeld' | 'vervallen';

export interface Commitment {
  id: number;
  budgetLineId: number;
  costCentre: string;
  account: string;
  supplier: string;
  description: string;
  amountCents: number;
  status: CommitmentStatus;
  date: string;
  reference: string | null;
}

export interface LedgerRow {
  id: number;
  year: number;
  period: number | null;
  bookingDate: string;
  journal: string | null;
  document: string | null;
  costCentre: string;
  account: string;
  description: string;
  amountCents: number;
  counterparty: string | null;
}

export interface LedgerPage {
  rows: LedgerRow[];
  /** Rows matching the filter, for the grid's scrollbar. */
  total: number;
  /** Sum of the amounts matching the filter: the pinned totals row. */
  totalCents: number;
}
