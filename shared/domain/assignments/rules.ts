import {
  ASSIGNMENT_KINDS,
  ASSIGNMENT_STATUSES,
  HIRE_KINDS,
  MOMENT_KINDS,
  MOMENT_OUTCOMES,
  OPEN_STATUSES,
  type AssignmentKind,
  type AssignmentStatus,
  type HireKind,
  type MomentKind,
  type MomentOutcome,
} from './types.ts';

/** Dutch labels, as the register, the reports and the import use them. */
export const KIND_LABELS: Record<AssignmentKind, string> = {
  zzp: 'ZZP',
  inhuurbureau: 'Inhuurbureau',
  detachering: 'Detachering',
  adviesbureau: 'Adviesbureau',
  project: 'Project',
  programma: 'Programma',
  gemeenschappelijke_regeling: 'Gemeenschappelijke regeling',
  agentschap: 'Agentschap',
  overig: 'Overig',
};

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  in_voorbereiding: 'In voorbereiding',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  vervallen: 'Vervallen',
};

export const MOMENT_LABELS: Record<MomentKind, string> = {
  start: 'Start',
  go_no_go: 'Go/no-go',
  tussenrapportage: 'Tussenrapportage',
  acceptatie: 'Acceptatie',
  decharge: 'Decharge',
};

export const OUTCOME_LABELS: Record<MomentOutcome, string> = {
  akkoord: 'Akkoord (go)',
  bijsturen: 'Akkoord met bijsturing',
  niet_akkoord: 'Niet akkoord (no-go)',
};

export function isHireKind(kind: AssignmentKind): kind is HireKind {
  return (HIRE_KINDS as readonly string[]).includes(kind);
}

export function isOpenStatus(status: AssignmentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Lower case, accents kept, every run of spaces one space: "  Randstad   INHOUSE " and "randstad inhouse" are one counterparty. */
export function normaliseCounterparty(name: string | null | undefined): string {
  return (name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** Compares values as people write them in Excel: case, accents, spaces, dots, hyphens and apostrophes do not matter. */
function key(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s._'’-]+/g, '');
}

function parser<T extends string>(values: readonly T[], synonyms: Record<string, T>): (raw: string) => T | null {
  const table = new Map<string, T>();
  for (const value of values) table.set(key(value), value);
  for (const [word, value] of Object.entries(synonyms)) table.set(key(word), value);
  return (raw) => table.get(key(raw)) ?? null;
}

export const parseKind = parser<AssignmentKind>(ASSIGNMENT_KINDS, {
  "ZZP'er": 'zzp',
  Zelfstandige: 'zzp',
  'Zelfstandige zonder personeel': 'zzp',
  Freelancer: 'zzp',
  'Self-employed': 'zzp',
  Uitzendbureau: 'inhuurbureau',
  Uitzendkracht: 'inhuurbureau',
  Bureau: 'inhuurbureau',
  Agency: 'inhuurbureau',
  'Agency staff': 'inhuurbureau',
  Secondment: 'detachering',
  Advies: 'adviesbureau',
  Adviseur: 'adviesbureau',
  Consultancy: 'adviesbureau',
  Programme: 'programma',
  Program: 'programma',
  'Gemeenschappelijke regeling': 'gemeenschappelijke_regeling',
  GR: 'gemeenschappelijke_regeling',
  'Joint arrangement': 'gemeenschappelijke_regeling',
  Other: 'overig',
  Anders: 'overig',
});

export const parseStatus = parser<AssignmentStatus>(ASSIGNMENT_STATUSES, {
  'In voorbereiding': 'in_voorbereiding',
  Voorbereiding: 'in_voorbereiding',
  Gepland: 'in_voorbereiding',
  Preparation: 'in_voorbereiding',
  Planned: 'in_voorbereiding',
  Actief: 'lopend',
  Loopt: 'lopend',
  'In uitvoering': 'lopend',
  Running: 'lopend',
  Active: 'lopend',
  Gereed: 'afgerond',
  Afgesloten: 'afgerond',
  Beëindigd: 'afgerond',
  Completed: 'afgerond',
  Closed: 'afgerond',
  Geannuleerd: 'vervallen',
  Ingetrokken: 'vervallen',
  Cancelled: 'vervallen',
  Canceled: 'vervallen',
});

export const parseMomentKind = parser<MomentKind>(MOMENT_KINDS, { 'Go/no-go': 'go_no_go', Tussenrapportage: 'tussenrapportage' });
export const parseOutcome = parser<MomentOutcome>(MOMENT_OUTCOMES, { Go: 'akkoord', 'No-go': 'niet_akkoord' });
