import { dbaFlags } from '../staff/hires.ts';
import { isOpenStatus } from './rules.ts';
import type { AssignmentKind, AssignmentMoney, AssignmentSignal, AssignmentStatus } from './types.ts';

/** A moment is overdue on a day when its due date has passed and no outcome was recorded by then. */
export function isMomentOverdue(moment: { dueDate: string; decidedOn: string | null }, asOf: string): boolean {
  return moment.dueDate < asOf && (moment.decidedOn === null || moment.decidedOn > asOf);
}

export interface SignalInput {
  kind: AssignmentKind;
  status: AssignmentStatus;
  startDate: string;
  endDate: string;
  agreedResult: string;
  formationPositionId: number | null;
}

/**
 * The signals of one assignment on a day (see AssignmentSignal). Over the ceiling counts whatever the
 * status; the rest only while the assignment is in preparation or running, except overdue moments, which
 * also count after completion (a discharge not yet granted) but not for a cancelled assignment.
 */
export function assignmentSignals(
  assignment: SignalInput,
  money: Pick<AssignmentMoney, 'ceilingCents' | 'usedCents' | 'ambiguousLines'>,
  moments: Array<{ dueDate: string; decidedOn: string | null }>,
  asOf: string,
  zzpFlagMonths: number,
): AssignmentSignal[] {
  const signals: AssignmentSignal[] = [];
  const open = isOpenStatus(assignment.status);
  if (money.usedCents > money.ceilingCents) signals.push('overCeiling');
  if (open && assignment.endDate < asOf) signals.push('pastEnd');
  if (assignment.status !== 'vervallen' && moments.some((m) => isMomentOverdue(m, asOf))) signals.push('momentOverdue');
  if (open) {
    const flags = dbaFlags(assignment, zzpFlagMonths);
    if (flags.includes('longAssignment')) signals.push('dbaLong');
    if (flags.includes('noAgreedResult')) signals.push('dbaNoResult');
    if (flags.includes('fillsPosition')) signals.push('dbaFillsPosition');
  }
  if (money.ambiguousLines > 0) signals.push('ambiguousLedger');
  return signals;
}

/** Dutch texts of the signals, complete without colour (overview, reports). */
export const SIGNAL_TEXTS: Record<AssignmentSignal, string> = {
  overCeiling: 'over het plafond',
  pastEnd: 'einddatum verstreken, nog niet afgerond',
  momentOverdue: 'beslismoment verlopen',
  dbaLong: 'ZZP langer dan de signaalgrens (Wet DBA)',
  dbaNoResult: 'ZZP zonder afgesproken resultaat (Wet DBA)',
  dbaFillsPosition: 'ZZP op een formatieplaats (Wet DBA)',
  ambiguousLedger: 'boekingen passen bij meer opdrachten',
};

/** Signals that ask the head to act now; the others ask for attention. */
export const ALERT_SIGNALS: readonly AssignmentSignal[] = ['overCeiling', 'momentOverdue'];
