import {
  CATEGORIES,
  CONFIDENTIALITY_LEVELS,
  ESCALATION_TARGETS,
  LEVELS,
  STATUSES,
  type BottleneckCategory,
  type BottleneckStatus,
  type Confidentiality,
  type EscalationTarget,
  type Level,
} from './types.ts';

/** Dutch labels, as the register, the report and the import use them. */
export const CATEGORY_LABELS: Record<BottleneckCategory, string> = {
  budget: 'Budget',
  formatie: 'Formatie',
  verzuim: 'Verzuim',
  werkproces: 'Werkproces',
  ict: 'ICT',
  samenwerking: 'Samenwerking met andere afdelingen',
  opdrachtnemer: 'Opdrachtnemer',
};

export const STATUS_LABELS: Record<BottleneckStatus, string> = {
  open: 'Open',
  in_behandeling: 'In behandeling',
  geescaleerd: 'Geëscaleerd',
  opgelost: 'Opgelost',
  vervallen: 'Vervallen',
};

export const LEVEL_LABELS: Record<Level, string> = { laag: 'Laag', middel: 'Middel', hoog: 'Hoog' };

export const ESCALATION_LABELS: Record<EscalationTarget, string> = {
  directeur: 'Directeur',
  hr: 'HR (P&O)',
  financien: 'Financiën (control)',
  afdeling: 'Andere afdeling',
};

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  openbaar: 'Openbaar',
  beperkt_openbaar: 'Beperkt openbaar',
  intern: 'Intern',
  zaakvertrouwelijk: 'Zaakvertrouwelijk',
  vertrouwelijk: 'Vertrouwelijk',
  confidentieel: 'Confidentieel',
  geheim: 'Geheim',
  zeer_geheim: 'Zeer geheim',
};

/**
 * Which status a case may move to. A closed case (opgelost, vervallen) can be reopened to "in
 * behandeling" with a reason: its history keeps the earlier end. Escalating again (to someone else)
 * is a change of status too, so it is recorded with who and why.
 */
export const TRANSITIONS: Record<BottleneckStatus, readonly BottleneckStatus[]> = {
  open: ['in_behandeling', 'geescaleerd', 'opgelost', 'vervallen'],
  in_behandeling: ['open', 'geescaleerd', 'opgelost', 'vervallen'],
  geescaleerd: ['in_behandeling', 'geescaleerd', 'opgelost', 'vervallen'],
  opgelost: ['in_behandeling'],
  vervallen: ['in_behandeling'],
};

export function canTransition(from: BottleneckStatus, to: BottleneckStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isClosed(status: BottleneckStatus): boolean {
  return status === 'opgelost' || status === 'vervallen';
}

const LEVEL_WEIGHT: Record<Level, number> = { laag: 1, middel: 2, hoog: 3 };

/** Impact × urgency, 1 … 9: a high-impact, urgent bottleneck comes first. */
export function priority(impact: Level, urgency: Level): number {
  return LEVEL_WEIGHT[impact] * LEVEL_WEIGHT[urgency];
}

/** The most restricted level that still goes into a management report with its title. */
export const REPORTABLE_CONFIDENTIALITY: Confidentiality = 'intern';

export function isReportable(level: Confidentiality): boolean {
  return CONFIDENTIALITY_LEVELS.indexOf(level) <= CONFIDENTIALITY_LEVELS.indexOf(REPORTABLE_CONFIDENTIALITY);
}

/** "KNP-2027-0007" for the 7th bottleneck signalled in 2027. */
export function formatIdentifier(year: number, sequence: number): string {
  return `KNP-${year}-${String(sequence).padStart(4, '0')}`;
}

export const IDENTIFIER_PATTERN = /^KNP-(\d{4})-(\d{4,})$/;

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function lookup<T extends string>(values: readonly T[], labels: Record<T, string>, synonyms: Record<string, T>): (text: string) => T | null {
  const table = new Map<string, T>();
  for (const value of values) {
    table.set(normalise(value), value);
    table.set(normalise(labels[value]), value);
  }
  for (const [synonym, value] of Object.entries(synonyms)) table.set(normalise(synonym), value);
  return (text) => table.get(normalise(text)) ?? null;
}

/** Words people write in their own Excel lists, Dutch and English, mapped to our codes. */
export const parseCategory = lookup(CATEGORIES, CATEGORY_LABELS, {
  financien: 'budget',
  financieel: 'budget',
  geld: 'budget',
  begroting: 'budget',
  finance: 'budget',
  bezetting: 'formatie',
  personeel: 'formatie',
  formation: 'formatie',
  staffing: 'formatie',
  ziekteverzuim: 'verzuim',
  absence: 'verzuim',
  proces: 'werkproces',
  werkprocessen: 'werkproces',
  process: 'werkproces',
  'work process': 'werkproces',
  automatisering: 'ict',
  it: 'ict',
  samenwerking: 'samenwerking',
  'andere afdeling': 'samenwerking',
  'andere afdelingen': 'samenwerking',
  collaboration: 'samenwerking',
  leverancier: 'opdrachtnemer',
  inhuur: 'opdrachtnemer',
  contractor: 'opdrachtnemer',
  supplier: 'opdrachtnemer',
});

export const parseStatus = lookup(STATUSES, STATUS_LABELS, {
  nieuw: 'open',
  new: 'open',
  'in behandeling': 'in_behandeling',
  lopend: 'in_behandeling',
  'in progress': 'in_behandeling',
  geescaleerd: 'geescaleerd',
  escalated: 'geescaleerd',
  afgerond: 'opgelost',
  gesloten: 'opgelost',
  resolved: 'opgelost',
  solved: 'opgelost',
  closed: 'opgelost',
  'niet meer van toepassing': 'vervallen',
  cancelled: 'vervallen',
  withdrawn: 'vervallen',
});

export const parseLevel = lookup(LEVELS, LEVEL_LABELS, { l: 'laag', m: 'middel', h: 'hoog', gemiddeld: 'middel', low: 'laag', medium: 'middel', high: 'hoog', '1': 'laag', '2': 'middel', '3': 'hoog' });

export const parseEscalationTarget = lookup(ESCALATION_TARGETS, ESCALATION_LABELS, {
  director: 'directeur',
  directie: 'directeur',
  'p&o': 'hr',
  po: 'hr',
  personeelszaken: 'hr',
  financien: 'financien',
  control: 'financien',
  finance: 'financien',
  financial: 'financien',
  department: 'afdeling',
});

export const parseConfidentiality = lookup(CONFIDENTIALITY_LEVELS, CONFIDENTIALITY_LABELS, { public: 'openbaar', internal: 'intern', confidential: 'vertrouwelijk', secret: 'geheim' });
