import { HIRE_KINDS, type HireKind } from '../assignments/types.ts';
import { addDays, addMonths, forEachDay, isWeekday, maxDate, minDate } from './calendar.ts';

/**
 * External hire (inhuur derden): the assignments of the kinds ZZP, inhuurbureau and detachering in the
 * assignments register (shared/domain/assignments). The staff area reads them for the personnel cost
 * forecast, formation ("hire beside occupation") and its report keys.
 *
 * Cost in a span: with an hourly rate and hours per week, rate × hours per week × working days (Monday–
 * Friday) in the span / 5; public holidays are not subtracted (the forecast errs on the safe side by about
 * 2 %). Without them (an assignment imported from a list that only has a ceiling), the ceiling spread
 * evenly over the working days of the assignment's period.
 */
export { HIRE_KINDS, type HireKind };

export interface ExternalHire {
  id: number;
  code: string;
  kind: HireKind;
  contractor: string;
  personName: string;
  /** What the assignment is (its title in the register). */
  assignment: string;
  agreedResult: string;
  commissioner: string;
  /** The assignment's main budget line. */
  costCentre: string;
  account: string;
  hourlyRateCents: number | null;
  hoursPerWeek: number | null;
  ceilingCents: number;
  startDate: string;
  endDate: string;
  formationPositionId: number | null;
  note: string;
}

export interface HireCost {
  /** Null when the hire has no hours per week (its cost is then the ceiling spread over its working days). */
  hours: number | null;
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

type CostInput = Pick<ExternalHire, 'startDate' | 'endDate' | 'hoursPerWeek' | 'hourlyRateCents'> & { ceilingCents?: number };

/** Hours and cost of a hire between two dates (inclusive), limited to the hire's own period. */
export function hireCostBetween(hire: CostInput, start: string, end: string): HireCost {
  const from = maxDate(start, hire.startDate);
  const to = minDate(end, hire.endDate);
  if (to < from) return { hours: hire.hoursPerWeek === null ? null : 0, cents: 0 };
  if (hire.hoursPerWeek !== null && hire.hourlyRateCents !== null) {
    const hours = (hire.hoursPerWeek * workingDays(from, to)) / 5;
    return { hours, cents: Math.round(hours * hire.hourlyRateCents) };
  }
  const total = workingDays(hire.startDate, hire.endDate);
  const cents = total === 0 ? 0 : Math.round(((hire.ceilingCents ?? 0) * workingDays(from, to)) / total);
  return { hours: hire.hoursPerWeek === null ? null : (hire.hoursPerWeek * workingDays(from, to)) / 5, cents };
}

export function isHireActiveOn(hire: Pick<ExternalHire, 'startDate' | 'endDate'>, date: string): boolean {
  return hire.startDate <= date && date <= hire.endDate;
}

export type DbaFlag = 'longAssignment' | 'noAgreedResult' | 'fillsPosition';

/**
 * Wet DBA (schijnzelfstandigheid): a ZZP assignment that runs long, that has no agreed result (the
 * tax authority reads that as being hired for time, not for a result), or that fills a formation
 * position (regular line work) deserves a look. Only ZZP assignments are flagged: agency staff and
 * secondments are employed by the agency or the lending employer.
 */
export function dbaFlags(hire: { kind: string; startDate: string; endDate: string; formationPositionId: number | null; agreedResult: string }, flagMonths: number): DbaFlag[] {
  if (hire.kind !== 'zzp') return [];
  const flags: DbaFlag[] = [];
  // Exactly N months (1 January – 31 December for 12) counts as N months.
  if (hire.endDate >= addDays(addMonths(hire.startDate, flagMonths), -1)) flags.push('longAssignment');
  if (hire.agreedResult.trim() === '') flags.push('noAgreedResult');
  if (hire.formationPositionId !== null) flags.push('fillsPosition');
  return flags;
}
