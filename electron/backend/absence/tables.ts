import type { Generated } from 'kysely';

export type AbsenceKind = 'sickness' | 'pregnancy_leave';

export interface AbsenceCaseTable {
  id: Generated<number>;
  /** As in the HR system's file (e.g. V2027-00012), or WB<year>-<n> for a case registered in Werkboek. */
  case_number: string;
  employee_id: number;
  /** Pregnancy and maternity leave is not absence: kept, but left out of every metric and the Poortwachter timeline. */
  kind: AbsenceKind;
  first_day: string;
  /** Last sick day, inclusive; null while the case is open. Full recovery is the day after. */
  last_day: string | null;
  expected_recovery: string | null;
  /** vangnetregeling (safety-net scheme) applies. */
  safety_net: number;
  occupational_accident: number;
  liable_third_party: number;
  /** Free text; the UI warns that medical information does not belong here. */
  note: string | null;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AbsenceEpisodeTable {
  id: Generated<number>;
  case_id: number;
  /** This percentage of incapacity holds from this day until the next episode or the case's last day. */
  from_date: string;
  percentage: number;
  created_at: string;
  updated_at: string;
}

export interface PoortwachterStepTable {
  id: Generated<number>;
  case_id: number;
  /** A milestone key (problemAnalysis, notice42, …) or evaluation-N. */
  step: string;
  done_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface AbsenceTables {
  absence_case: AbsenceCaseTable;
  absence_episode: AbsenceEpisodeTable;
  poortwachter_step: PoortwachterStepTable;
}
