import type { PackageKind } from './schema.ts';

export interface CentralDepartment {
  code: string;
  name: string;
  active: boolean;
  /** Current key; null only for a department registered without one (never happens through the API). */
  fingerprint: string | null;
  keySource: 'key-file' | 'first-import' | null;
  keyRegisteredAt: string | null;
  expectedPeriods: string[];
  /** Packages received (all versions). */
  packages: number;
}

export interface CentralPeriod {
  period: string;
  dueDate: string;
}

/**
 * A cell of the completeness matrix (department × period):
 * - `pending`    expected, nothing received, the due date has not passed (nog niet ontvangen);
 * - `missing`    expected, nothing received, the due date has passed (ontbreekt);
 * - `late`       received, but the first version was made after the due date (te laat);
 * - `superseded` received on time, and replaced since by a newer version (vervangen);
 * - `delivered`  received on time, one version (geleverd).
 */
export type DeliveryStatus = 'delivered' | 'superseded' | 'late' | 'missing' | 'pending';
export const DELIVERY_STATUSES: DeliveryStatus[] = ['delivered', 'superseded', 'late', 'missing', 'pending'];

export type ReviewStatus = 'reviewed' | 'question';

export interface Review {
  id: number;
  packageId: number;
  status: ReviewStatus;
  note: string;
  at: string;
  actor: string;
}

export interface CompletenessCell {
  department: string;
  period: string;
  status: DeliveryStatus;
  dueDate: string | null;
  /** Current package, if any. */
  packageId: number | null;
  sequence: number | null;
  versions: number;
  createdAt: string | null;
  firstCreatedAt: string | null;
  importedAt: string | null;
  /** Latest review of the current package. */
  review: Review | null;
}

export interface Completeness {
  kind: PackageKind;
  asOf: string;
  periods: CentralPeriod[];
  departments: Array<{ code: string; name: string }>;
  cells: CompletenessCell[];
  /** Per period: how many cells have each status, and how many are expected. */
  counts: Record<string, Record<DeliveryStatus, number> & { expected: number }>;
}

export interface CentralPackage {
  id: number;
  department: string;
  kind: PackageKind;
  period: string;
  sequence: number;
  status: 'current' | 'superseded';
  createdAt: string;
  importedAt: string;
  importedBy: string;
  fileName: string;
  keyFingerprint: string;
  payloadSha256: string;
  supersededBy: number | null;
  review: Review | null;
}

export interface FinanceFigures {
  primitiveCents: number;
  revisionsCents: number;
  currentCents: number;
  actualCents: number;
  commitmentsCents: number;
  forecastCents: number;
  varianceCents: number;
}

export interface ConsolidatedFinanceLine extends FinanceFigures {
  department: string;
  costCentre: string;
  account: string;
  accountName: string;
  kind: string;
  taakveld: string | null;
  explanation: string | null;
  forecastNote: string | null;
  /** Required by the department's own threshold or by the central workbook's. */
  explanationRequired: boolean;
  /** Required, and no explanation given: the flag a controller follows up. */
  explanationMissing: boolean;
}

export interface ConsolidatedDepartment extends FinanceFigures {
  code: string;
  name: string;
  packageId: number;
  sequence: number;
  createdAt: string;
  explanationsMissing: number;
  review: Review | null;
  personnelCosts: { budgetCents: number; forecastCents: number; varianceCents: number } | null;
  externalHire: { actualCents: number; forecastCents: number; assignments: number } | null;
  bottlenecks: number;
}

export interface FinanceConsolidation {
  period: string;
  totals: FinanceFigures;
  explanationsMissing: number;
  departments: ConsolidatedDepartment[];
  /** Per department × ledger account (cost centres of a department added up). */
  departmentAccounts: Array<FinanceFigures & { department: string; account: string; accountName: string; explanationsMissing: number }>;
  accounts: Array<FinanceFigures & { account: string; accountName: string }>;
  lines: ConsolidatedFinanceLine[];
}
