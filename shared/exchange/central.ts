import type { BandKey } from '../domain/absence/bands.ts';
import type { ForecastBasis, ForecastMethod } from '../domain/budget/forecast.ts';
import type { PackageKind } from './schema.ts';
import type { SuppressionReason } from './suppression.ts';

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
  /** How the department made the forecast; null for packages made before packages said so. */
  forecastMethod: ForecastMethod | null;
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
  /** What the department's forecasts rest on (basis.monthsBooked, basis.rhythmYear); null for older packages. */
  forecastBasis: ForecastBasis | null;
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

// ── Central HR ─────────────────────────────────────────────────────────────

/** A duration band of a group's absence: its cases and its share of the percentage. */
export interface HrBandFigures {
  key: BandKey;
  /** "kort", "middellang", "lang", "extra lang" */
  label: string;
  fromDays: number;
  toDays: number;
  cases: number;
  percentage: number | null;
  /** Why this band's figures would not leave the HR workbook; null = published. */
  suppressed: SuppressionReason | null;
}

/**
 * Absence figures of a group (organisation, department, cost centre), recomputed from the cases and
 * the staff terms with the departments' own formulas (shared/domain/absence/metrics.ts). Unrounded.
 */
export interface HrAbsenceFigures {
  percentage: number | null;
  frequency: number | null;
  reports: number;
  averageDurationDays: number | null;
  zeroAbsencePercentage: number | null;
  /** People employed at some time in the period: the group size for suppression. */
  employees: number;
  employeesWithAbsence: number;
  averageHeadcount: number;
  closedCases: number;
  openCases: number;
  sickDays: number;
  availableDays: number;
  bands: HrBandFigures[];
}

/** Formation against occupation on the reference date (the period end), as the department computes it. */
export interface HrFormationFigures {
  formationFte: number;
  occupiedFte: number;
  vacancyFte: number;
  overOccupationFte: number;
  occupancyPercent: number | null;
  /** People employed on the reference date: the group size for suppression. */
  headcount: number;
  unlinkedFte: number;
  positions: number;
}

export interface HrCostCentre {
  code: string;
  absence: HrAbsenceFigures;
  suppressed: SuppressionReason | null;
}

/** What a department's own package says about its absence, beside the recomputed figures. */
export interface HrReportedMetrics {
  percentage: number | null;
  reportFrequency: number | null;
  reports: number;
  averageDurationDays: number | null;
  zeroAbsencePercent: number | null;
}

export interface HrDepartment {
  code: string;
  name: string;
  packageId: number;
  sequence: number;
  createdAt: string;
  review: Review | null;
  /** Null when the package carried no absence cases (e.g. made by another system without them). */
  absence: HrAbsenceFigures | null;
  absenceSuppressed: SuppressionReason | null;
  reported: HrReportedMetrics | null;
  formation: HrFormationFigures;
  /** False when the department sent no formation: occupation is known, formation is not. */
  formationDelivered: boolean;
  formationSuppressed: SuppressionReason | null;
  costCentres: HrCostCentre[];
  /** Poortwachter steps overdue on `asOf`. */
  overdue: number;
  bottlenecks: number;
}

/** A Poortwachter step overdue on a day, in a timeline still running then. */
export interface HrOverdueMilestone {
  /** The department responsible now: where the person works on the as-of date. */
  department: string;
  /** The department whose package holds the case; another than `department` when the person moved there while ill. */
  registeredBy: string;
  caseId: string;
  personnelNumber: string;
  milestone: string;
  label: string;
  dueDate: string;
  completedOn: string | null;
  daysOverdue: number;
}

export interface HrConsolidation {
  period: string;
  periodStart: string;
  periodEnd: string;
  /** Formation and occupation are taken on this day. */
  referenceDate: string;
  /** Overdue Poortwachter steps are judged on this day. */
  asOf: string;
  minimumGroupSize: number;
  organisation: {
    absence: HrAbsenceFigures | null;
    absenceSuppressed: SuppressionReason | null;
    formation: HrFormationFigures;
    formationSuppressed: SuppressionReason | null;
    /** Departments whose absence counts in the organisation's figures. */
    absenceDepartments: number;
    /** Departments that sent their formation: the organisation's formation figures add these up. */
    formationDepartments: number;
  };
  departments: HrDepartment[];
  overdue: HrOverdueMilestone[];
  /**
   * Dutch remarks about the data (a person in two departments at once, a case continued across a
   * transfer, …), naming personnel numbers: for the HR workbook's own screens only. What leaves the
   * workbook is built from `transfers` (counts, see hr-export.ts).
   */
  notes: string[];
  /** People in two departments' packages whose spells overlap, and whose cases of both departments overlap (ill during a transfer). */
  transfers: { peopleInTwoDepartmentsAtOnce: number; peopleWithJoinedCases: number };
}
