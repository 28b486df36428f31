/**
 * The assignments register (opdrachten): everything a department steers as commissioner rather than as
 * line manager, from a ZZP'er to a joint arrangement with another municipality. External hire (inhuur)
 * is the assignments of the kinds ZZP, inhuurbureau and detachering. See docs/assignments.md.
 */

import type { FigureGapCode } from '../setup/types.ts';

export const ASSIGNMENT_KINDS = ['zzp', 'inhuurbureau', 'detachering', 'adviesbureau', 'project', 'programma', 'gemeenschappelijke_regeling', 'agentschap', 'overig'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** The kinds that are external hire (inhuur derden): they may carry an hourly rate, hours per week and a formation position. */
export const HIRE_KINDS = ['zzp', 'inhuurbureau', 'detachering'] as const satisfies readonly AssignmentKind[];
export type HireKind = (typeof HIRE_KINDS)[number];

export const ASSIGNMENT_STATUSES = ['in_voorbereiding', 'lopend', 'afgerond', 'vervallen'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Statuses of an assignment that still runs: the ones signals are about. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['in_voorbereiding', 'lopend'];

/** Decision moments (sturen op momenten), in the order they usually come. */
export const MOMENT_KINDS = ['start', 'go_no_go', 'tussenrapportage', 'acceptatie', 'decharge'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

/** What was decided at a moment: go / accepted (akkoord), go with adjustments (bijsturen), no-go / rejected (niet akkoord). */
export const MOMENT_OUTCOMES = ['akkoord', 'bijsturen', 'niet_akkoord'] as const;
export type MomentOutcome = (typeof MOMENT_OUTCOMES)[number];

/** For links to other departments, as bottlenecks have them: does the assignment depend on that department, or affect it? */
export const LINK_RELATIONS = ['hangt_af_van', 'raakt'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/**
 * Signals of one assignment:
 * - overCeiling: actuals + open commitments exceed the ceiling;
 * - pastEnd: past its end date and still in preparation or running;
 * - momentOverdue: a decision moment past its due date without an outcome;
 * - dbaLong / dbaNoResult / dbaFillsPosition: a ZZP assignment that runs the set number of months or
 *   longer, has no agreed result, or fills a formation position (Wet DBA, false self-employment);
 * - ambiguousLedger: ledger lines that fit this and another assignment by the rule, so they count for neither.
 */
export const SIGNALS = ['overCeiling', 'pastEnd', 'momentOverdue', 'dbaLong', 'dbaNoResult', 'dbaFillsPosition', 'ambiguousLedger'] as const;
export type AssignmentSignal = (typeof SIGNALS)[number];

export interface BudgetLineRef {
  costCentre: string;
  account: string;
}

/** The fields a head keeps of an assignment. */
export interface AssignmentFields {
  code: string;
  title: string;
  kind: AssignmentKind;
  /** Who does the work: a company, another municipality, a project team; for a ZZP'er a person (personal data). */
  contractor: string;
  /** The counterparty (Relatie) as the ledger names it; ledger lines are matched on it. */
  counterparty: string;
  /** The person doing the work where known (hire kinds): personal data, never sent to finance. */
  personName: string;
  /** Ambtelijk opdrachtgever. */
  officialCommissioner: string;
  /** Bestuurlijk opdrachtgever (portefeuillehouder). */
  administrativeCommissioner: string;
  agreedResult: string;
  acceptanceCriteria: string;
  ceilingCents: number;
  startDate: string;
  /** Last day, inclusive. */
  endDate: string;
  status: AssignmentStatus;
  /** Hire kinds only. */
  hourlyRateCents: number | null;
  hoursPerWeek: number | null;
  formationPositionId: number | null;
  note: string;
}

/** Ceiling, actuals and commitments of one assignment. */
export interface AssignmentMoney {
  ceilingCents: number;
  actualsCents: number;
  commitmentsCents: number;
  /** actuals + open commitments */
  usedCents: number;
  /** used / ceiling × 100; null for a ceiling of 0. */
  usedPercent: number | null;
  remainingCents: number;
  /** Ledger lines counted (by rule and by hand). */
  ledgerLines: number;
  ambiguousLines: number;
}

export interface AssignmentRow extends AssignmentFields, AssignmentMoney {
  id: number;
  /** The budget lines that pay it; the first is its main line (where its ceiling is shown on the budget page). */
  budgetLines: BudgetLineRef[];
  signals: AssignmentSignal[];
  /** Open decision moments past their due date. */
  overdueMoments: number;
  /** The next open decision moment, if any. */
  nextMoment: { kind: MomentKind; dueDate: string } | null;
  formationPositionCode: string | null;
  /** Hire kinds: the expected cost in the requested year and over the whole assignment (rate × hours, or the ceiling spread over its working days). */
  hire: { year: number; hoursInYear: number | null; costInYearCents: number; totalCostCents: number } | null;
  deleted: boolean;
  updatedAt: string;
}

export interface DecisionMoment {
  id: number;
  kind: MomentKind;
  dueDate: string;
  outcome: MomentOutcome | null;
  decidedOn: string | null;
  note: string;
  /** Past its due date without an outcome, on the day asked. */
  overdue: boolean;
}

export interface LogEntry {
  id: number;
  date: string;
  text: string;
  actor: string;
  createdAt: string;
}

/** How a ledger line or commitment came to count for an assignment. */
export type MatchKind = 'rule' | 'hand' | 'ambiguous';

export interface AssignmentLedgerLine {
  id: number;
  bookingDate: string;
  costCentre: string;
  account: string;
  description: string;
  document: string | null;
  counterparty: string | null;
  amountCents: number;
  match: MatchKind;
  /** For an ambiguous line: the other assignments it fits. */
  alsoFits: string[];
}

export interface AssignmentCommitment {
  id: number;
  date: string;
  costCentre: string;
  account: string;
  supplier: string;
  description: string;
  amountCents: number;
  status: 'open' | 'afgewikkeld' | 'vervallen';
  match: MatchKind;
  alsoFits: string[];
}

export interface DepartmentLink {
  id: number;
  departmentCode: string;
  relation: LinkRelation;
  note: string;
  createdAt: string;
  removedAt: string | null;
}

export interface AssignmentDetail extends AssignmentRow {
  moments: DecisionMoment[];
  log: LogEntry[];
  ledger: AssignmentLedgerLine[];
  commitments: AssignmentCommitment[];
  departmentLinks: DepartmentLink[];
  /** Bottlenecks whose links name this assignment (by code, or by id for links made to the former external hire). */
  bottlenecks: Array<{ id: number; identifier: string; title: string; status: string }>;
  /** Wet DBA: the number of months from which a ZZP assignment is flagged (setting zzpFlagMonths). */
  zzpFlagMonths: number;
  asOf: string;
}

/** A ledger line that may be linked by hand. */
export interface LedgerCandidate {
  id: number;
  bookingDate: string;
  costCentre: string;
  account: string;
  description: string;
  counterparty: string | null;
  amountCents: number;
  /** Code of the assignment it counts for now, if any. */
  countsFor: string | null;
}

/** Per budget line of a year: how much of it is committed to assignments. */
export interface BudgetLineAssignments {
  budgetLineId: number | null;
  costCentre: string;
  account: string;
  accountName: string;
  currentCents: number;
  /** Ceilings of the assignments with this as main line, for the part of their period in the year. */
  committedCents: number;
  /** Actuals of assignments on this line in the year. */
  actualsCents: number;
  /** Current budget − committed. */
  freeCents: number;
  committedPercent: number | null;
  assignments: string[];
}

export const BENCHMARK_INDICATORS = ['verzuimpercentage', 'bezettingsgraad', 'inhuurpercentage'] as const;
export type BenchmarkIndicator = (typeof BENCHMARK_INDICATORS)[number];

/** A reference figure (benchmark) the head compares the department with. */
export interface Benchmark {
  id: number;
  indicator: BenchmarkIndicator;
  /** The group it describes, e.g. "Gemeenten" or "Openbaar bestuur". */
  referenceGroup: string;
  /** Percent, e.g. 6.5 for 6,5 %. */
  value: number;
  year: number;
  source: string;
}

/** The overview's assignments section (key "assignments"). */
export interface AssignmentsOverviewData {
  asOf: string;
  counts: { open: number; overCeiling: number; overdueMoments: number; pastEnd: number; dba: number };
  /** Open assignments and any with a signal: signalled first, then by end date. */
  items: Array<{ id: number; code: string; title: string; kind: AssignmentKind; status: AssignmentStatus; endDate: string; ceilingCents: number; usedCents: number; usedPercent: number | null; signals: AssignmentSignal[] }>;
  overdueMoments: Array<{ assignmentId: number; code: string; title: string; kind: MomentKind; dueDate: string }>;
}

/** The overview's benchmarks section (key "benchmarks"): the department's own figures beside the reference figures. */
export interface BenchmarksOverviewData {
  date: string;
  from: string;
  /** `gap`: why `own` is null while a first step is missing (no absence list, positions or salary table). */
  indicators: Array<{ indicator: BenchmarkIndicator; own: number | null; gap: FigureGapCode | null; references: Benchmark[] }>;
}
