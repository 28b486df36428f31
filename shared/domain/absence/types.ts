import type { FigureGapCode } from '../setup/types.ts';
import type { BandKey } from './bands.ts';
import type { AbsenceFigures } from './metrics.ts';
import type { ScheduledStep } from './poortwachter.ts';
import type { DurationBands } from './settings.ts';

export type AbsenceKind = 'sickness' | 'pregnancy_leave';

export interface EmployeeOption {
  id: number;
  personnelNumber: string;
  /** "Thijs van den Berg" */
  name: string;
  /** Cost centre on the reference day (null when not employed then). */
  costCentre: string | null;
  startDate: string;
  endDate: string | null;
  employed: boolean;
}

export interface EpisodeView {
  id: number;
  from: string;
  /** Last day of this percentage; null while it still holds in an open case. */
  to: string | null;
  percentage: number;
}

export interface AbsenceCaseView {
  id: number;
  caseNumber: string;
  employeeId: number;
  personnelNumber: string;
  employeeName: string;
  /** Cost centre on the first sick day. */
  costCentre: string | null;
  kind: AbsenceKind;
  firstDay: string;
  /** Last sick day (inclusive); null while open. */
  lastDay: string | null;
  /** First day fully fit again: the day after the last sick day. */
  recoveredOn: string | null;
  open: boolean;
  /** The percentage of incapacity now (or on the last sick day of a closed case). */
  currentPercentage: number;
  episodes: EpisodeView[];
  /** Calendar days from the first day up to the last sick day, or up to today while open. */
  durationDays: number;
  expectedRecovery: string | null;
  safetyNet: boolean;
  occupationalAccident: boolean;
  liableThirdParty: boolean;
  note: string | null;
  /** The earlier case whose Poortwachter timeline this one continues (relapse within 28 days). */
  relapseOf: string | null;
  imported: boolean;
  deletedAt: string | null;
  updatedAt: string;
}

export interface CostCentreFigures {
  code: string;
  name: string;
  figures: AbsenceFigures;
}

export interface AbsenceMetricsView {
  period: { code: string; start: string; end: string; months: number; days: number };
  department: AbsenceFigures;
  costCentres: CostCentreFigures[];
  bands: DurationBands;
  bandRanges: Record<BandKey, { from: number; to: number }>;
  /** True when the period ends after today: open cases are counted up to the end of the period. */
  extendsBeyondToday: boolean;
  /** Cases of the department still open at the end of the period. */
  openCases: number;
  /** Why the period's figures cannot be computed (no absence known for its days), or null. */
  gap: FigureGapCode | null;
}

export interface TrendMonth {
  /** "2027-04" */
  month: string;
  /** Null for months that have not started yet. */
  percentage: number | null;
  frequency: number | null;
  reports: number | null;
  /** The same month a year earlier. */
  lastYearPercentage: number | null;
}

export interface AbsenceTrend {
  year: number;
  months: TrendMonth[];
  /** Why the year's months are empty (no absence known), or null. */
  gap: FigureGapCode | null;
  /** Why the year before stays empty: no absence known that far back. */
  lastYearGap: FigureGapCode | null;
}

export interface PoortwachterCaseView {
  /** The latest case of the chain: steps registered here apply to the whole chain. */
  caseId: number;
  caseNumber: string;
  /** All cases of the chain, oldest first (more than one after a relapse within 28 days). */
  caseNumbers: string[];
  caseIds: number[];
  employeeId: number;
  personnelNumber: string;
  employeeName: string;
  /** First sick day of the chain: day 1 of the timeline. */
  firstDay: string;
  open: boolean;
  sickDaysSoFar: number;
  steps: ScheduledStep[];
}

export interface AttentionItem {
  caseId: number;
  caseNumber: string;
  personnelNumber: string;
  employeeName: string;
  step: string;
  label: string;
  due: string;
  daysLeft: number;
}

export interface PoortwachterAttention {
  today: string;
  leadDays: number;
  overdue: AttentionItem[];
  dueSoon: AttentionItem[];
}

export interface PurgeResult {
  dryRun: boolean;
  /** Cases whose last sick day lies before this date are purged. */
  cutoff: string;
  retentionMonths: number;
  cases: number;
  episodes: number;
  steps: number;
}
