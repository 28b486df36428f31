import { addDays, addMonths, forEachDay, isWeekday, maxDate, minDate } from './calendar.ts';

/**
 * External hire (inhuur derden). Kept in its own module: a later assignments register will absorb it.
 * Hours are per week (as hire contracts state them); cost in a span = hourly rate × hours per week ×
 * working days (Monday–Friday) in the span / 5. Public holidays are not subtracted: the forecast errs
 * on the safe side by about 2 %.
 */
export const HIRE_KINDS = ['uitzendkracht', 'detachering', 'zzp', 'overig'] as const;
export type HireKind = (typeof HIRE_KINDS)[number];

export const HIRE_KIND_LABELS: Record<HireKind, string> = {
  uitzendkracht: 'Uitzendkracht',
  detachering: 'Detachering',
  zzp: "ZZP'er",
  overig: 'Overig',
};

export interface ExternalHire {
  id: number;
  kind: HireKind;
  contractor: string;
  personName: string;
  assignment: string;
  agreedResult: string;
  commissioner: string;
  costCentre: string;
  account: string;
  hourlyRateCents: number;
  hoursPerWeek: number;
  startDate: string;
  endDate: string;
  formationPositionId: number | null;
  note: string;
}

export interface HireCost {
  hours: number;
  cents: number;
}

/** Working days (Monday–Friday) from start to end inclusive. */
export function workingDays(start: string, end: string): number {
  if (end < start) return 0;
  let count = 0;
  forEachDay(start, end, (day) => {
    if (isWeekday(day)) count += 1;
  });
  return count;
}

/** Hours and cost of a hire between two dates (inclusive), limited to the hire's own period. */
export function hireCostBetween(hire: Pick<ExternalHire, 'startDate' | 'endDate' | 'hoursPerWeek' | 'hourlyRateCents'>, start: string, end: string): HireCost {
  const from = maxDate(start, hire.startDate);
  const to = minDate(end, hire.endDate);
  if (to < from) return { hours: 0, cents: 0 };
  const hours = (hire.hoursPerWeek * workingDays(from, to)) / 5;
  return { hours, cents: Math.round(hours * hire.hourlyRateCents) };
}

export function isHireActiveOn(hire: Pick<ExternalHire, 'startDate' | 'endDate'>, date: string): boolean {
  return hire.startDate <= date && date <= hire.endDate;
}

export type DbaFlag = 'longAssignment' | 'fillsPosition';

/**
 * Wet DBA (schijnzelfstandigheid): a ZZP assignment that runs long, or that fills a formation position
 * (regular line work), deserves a look. Only ZZP assignments are flagged: agency staff and secondments
 * are employed by the agency or the lending employer.
 */
export function dbaFlags(hire: Pick<ExternalHire, 'kind' | 'startDate' | 'endDate' | 'formationPositionId'>, flagMonths: number): DbaFlag[] {
  if (hire.kind !== 'zzp') return [];
  const flags: DbaFlag[] = [];
  // Exactly N months (1 January – 31 December for 12) counts as N months.
  if (hire.endDate >= addDays(addMonths(hire.startDate, flagMonths), -1)) flags.push('longAssignment');
  if (hire.formationPositionId !== null) flags.push('fillsPosition');
  return flags;
}
