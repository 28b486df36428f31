import type { Generated } from 'kysely';
import type {
  BottleneckCategory,
  BottleneckStatus,
  Confidentiality,
  EscalationTarget,
  LinkRelation,
  LinkType,
  Level,
  Resolution,
} from '../../../shared/domain/bottlenecks/types.ts';

export interface BottleneckTable {
  id: Generated<number>;
  /** KNP-YYYY-NNNN, numbered per year of signalling. */
  identifier: string;
  title: string;
  description: string;
  category: BottleneckCategory;
  impact: Level;
  urgency: Level;
  signalled_on: string;
  owner: string;
  status: BottleneckStatus;
  proposed_solution: string;
  decision: string;
  decision_date: string | null;
  escalated_to: EscalationTarget | null;
  escalated_department: string | null;
  confidentiality: Confidentiality;
  result: Resolution | null;
  end_date: string | null;
  archived_at: string | null;
  /** Of title, category and date signalled: recognises a re-imported row that has no identifier. */
  content_hash: string;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface BottleneckStatusChangeTable {
  id: Generated<number>;
  bottleneck_id: number;
  from_status: BottleneckStatus | null;
  to_status: BottleneckStatus;
  /** The day the change took effect (ISO date). */
  effective_date: string;
  /** When it was recorded. */
  at: string;
  actor: string;
  reason: string;
  escalated_to: EscalationTarget | null;
  escalated_department: string | null;
}

export interface BottleneckActionTable {
  id: Generated<number>;
  bottleneck_id: number;
  date: string;
  text: string;
  actor: string;
  created_at: string;
}

export interface BottleneckLinkTable {
  id: Generated<number>;
  bottleneck_id: number;
  link_type: LinkType;
  link_key: string;
  relation: LinkRelation | null;
  note: string;
  created_at: string;
  removed_at: string | null;
}

export interface BottleneckTables {
  bottleneck: BottleneckTable;
  bottleneck_status_change: BottleneckStatusChangeTable;
  bottleneck_action: BottleneckActionTable;
  bottleneck_link: BottleneckLinkTable;
}
