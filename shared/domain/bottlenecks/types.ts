/** The bottleneck register (knelpunten), modelled as cases (zaken): see docs/bottlenecks.md. */

export const CATEGORIES = ['budget', 'formatie', 'verzuim', 'werkproces', 'ict', 'samenwerking', 'opdrachtnemer'] as const;
export type BottleneckCategory = (typeof CATEGORIES)[number];

export const STATUSES = ['open', 'in_behandeling', 'geescaleerd', 'opgelost', 'vervallen'] as const;
export type BottleneckStatus = (typeof STATUSES)[number];

/** Statuses of a case that is still running: these show on the overview. */
export const ACTIVE_STATUSES: readonly BottleneckStatus[] = ['open', 'in_behandeling', 'geescaleerd'];

export const LEVELS = ['laag', 'middel', 'hoog'] as const;
export type Level = (typeof LEVELS)[number];

export const ESCALATION_TARGETS = ['directeur', 'hr', 'financien', 'afdeling'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export type Resolution = 'opgelost' | 'vervallen';

/** Vertrouwelijkheidaanduiding, from open to most restricted. */
export const CONFIDENTIALITY_LEVELS = ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const LINK_TYPES = ['budget_line', 'employee', 'formation_position', 'external_hire', 'department'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** For links to other departments (domain §8): does this bottleneck depend on it, or affect it? */
export const LINK_RELATIONS = ['hangt_af_van', 'raakt'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export interface BottleneckRow {
  id: number;
  identifier: string;
  title: string;
  category: BottleneckCategory;
  impact: Level;
  urgency: Level;
  /** 1 (low) … 9 (high): impact × urgency, for sorting. */
  priority: number;
  signalledOn: string;
  owner: string;
  status: BottleneckStatus;
  escalatedTo: EscalationTarget | null;
  escalatedDepartment: string | null;
  confidentiality: Confidentiality;
  result: Resolution | null;
  endDate: string | null;
  decisionDate: string | null;
  archived: boolean;
  updatedAt: string;
}

export interface Bottleneck extends BottleneckRow {
  description: string;
  proposedSolution: string;
  decision: string;
  archivedAt: string | null;
  createdAt: string;
}

export interface StatusChange {
  id: number;
  fromStatus: BottleneckStatus | null;
  toStatus: BottleneckStatus;
  /** The day the change took effect. */
  date: string;
  /** When it was recorded. */
  at: string;
  actor: string;
  reason: string;
  escalatedTo: EscalationTarget | null;
  escalatedDepartment: string | null;
}

export interface ActionEntry {
  id: number;
  date: string;
  text: string;
  actor: string;
  createdAt: string;
}

export interface BottleneckLink {
  id: number;
  linkType: LinkType;
  linkKey: string;
  relation: LinkRelation | null;
  note: string;
  /** A readable description where Werkboek knows the target (a budget line's cost centre and account). */
  label: string | null;
  createdAt: string;
  removedAt: string | null;
}

export interface BottleneckDetail extends Bottleneck {
  history: StatusChange[];
  actions: ActionEntry[];
  links: BottleneckLink[];
  /** The statuses this case may move to now. */
  allowedTransitions: BottleneckStatus[];
}

export interface BottleneckCounts {
  byStatus: Record<BottleneckStatus, number>;
  byCategory: Record<BottleneckCategory, number>;
}
