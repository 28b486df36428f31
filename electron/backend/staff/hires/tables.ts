import type { Generated } from 'kysely';
import type { HireKind } from '../../../../shared/domain/staff/hires.ts';

/** External hire (inhuur derden): paid per hour from a budget line; soft-deleted. */
export interface ExternalHireTable {
  id: Generated<number>;
  kind: HireKind;
  /** Agency, secondment partner or the ZZP'er's company. */
  contractor: string;
  /** The person doing the work, where known. */
  person_name: string;
  assignment: string;
  agreed_result: string;
  /** Opdrachtgever: who steers the assignment. */
  commissioner: string;
  cost_centre: string;
  account: string;
  hourly_rate_cents: number;
  hours_per_week: number;
  start_date: string;
  /** Last day, inclusive. */
  end_date: string;
  formation_position_id: number | null;
  note: string;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HireTables {
  external_hire: ExternalHireTable;
}
