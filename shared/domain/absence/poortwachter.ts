import { dayNumber, isoDay, type DayNumber } from './days.ts';

/**
 * The Poortwachter timeline (Wet verbetering poortwachter, domain.md §5). Day 1 is the first sick
 * day; "at the latest in week N" is due on first day + 7N − 1. Periods of sickness separated by fewer
 * than 28 days of recovery add up (art. 7:629 lid 10 BW): a relapse continues the old schedule, and
 * the deadlines move on by the days the employee was fit in between.
 */

export type MilestoneKey = 'sickReport' | 'problemAnalysis' | 'actionPlan' | 'notice42' | 'firstYearEvaluation' | 'wiaLetter' | 'finalEvaluation' | 'wiaApplication' | 'endOfWagePayment';
export type MilestoneActor = 'employer' | 'physician' | 'employerAndEmployee' | 'uwv' | 'employee' | 'none';

export interface MilestoneDef {
  key: MilestoneKey;
  week: number;
  label: string;
  actor: MilestoneActor;
  /** Nothing to do, only a date to know (the end of continued wage payment). */
  informational?: boolean;
}

export const MILESTONES: readonly MilestoneDef[] = [
  { key: 'sickReport', week: 1, label: 'Ziekmelding bij bedrijfsarts/arbodienst', actor: 'employer' },
  { key: 'problemAnalysis', week: 6, label: 'Probleemanalyse', actor: 'physician' },
  { key: 'actionPlan', week: 8, label: 'Plan van aanpak, casemanager benoemd', actor: 'employerAndEmployee' },
  { key: 'notice42', week: 42, label: '42e-weeksmelding aan UWV', actor: 'employer' },
  { key: 'firstYearEvaluation', week: 52, label: 'Eerstejaarsevaluatie', actor: 'employerAndEmployee' },
  { key: 'wiaLetter', week: 88, label: 'Brief van UWV over de WIA-aanvraag', actor: 'uwv' },
  { key: 'finalEvaluation', week: 91, label: 'Eindevaluatie re-integratie', actor: 'employerAndEmployee' },
  { key: 'wiaApplication', week: 93, label: 'WIA-aanvraag met re-integratieverslag', actor: 'employee' },
  { key: 'endOfWagePayment', week: 104, label: 'Einde loondoorbetaling (na 104 weken)', actor: 'none', informational: true },
];

/** The plan of action is evaluated (bijgesteld) at least every six weeks. */
export const EVALUATION_INTERVAL_DAYS = 42;
/** Fewer fit days than this between two periods of sickness: they add up. */
export const RELAPSE_GAP_DAYS = 28;
export const WAGE_PAYMENT_DAYS = 104 * 7;

export interface SicknessPeriod {
  caseId: number;
  firstDay: string;
  /** Last sick day, inclusive; null while still sick. */
  lastDay: string | null;
}

/** Days the employee was fit between two periods (0 when the second starts the day after the first ends). */
export function fitDaysBetween(earlier: SicknessPeriod, later: SicknessPeriod): number {
  if (earlier.lastDay === null) return -1;
  return dayNumber(later.firstDay) - dayNumber(earlier.lastDay) - 1;
}

/**
 * One employee's periods of sickness (any order) grouped into chains that share one timeline: a
 * period that starts fewer than 28 fit days after the previous one ends continues its chain.
 */
export function chainsOf<T extends SicknessPeriod>(periods: readonly T[]): T[][] {
  const sorted = [...periods].sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  const chains: T[][] = [];
  for (const period of sorted) {
    const current = chains[chains.length - 1];
    const previous = current?.[current.length - 1];
    if (previous && fitDaysBetween(previous, period) < RELAPSE_GAP_DAYS) current.push(period);
    else chains.push([period]);
  }
  return chains;
}

/**
 * The date of the k-th day of sickness of a chain (k ≥ 1), counting only sick days; null when the
 * chain ended (full recovery without relapse) before it reached k days.
 */
export function dayOfSickness(chain: readonly SicknessPeriod[], k: number): DayNumber | null {
  let remaining = k;
  for (const period of chain) {
    const first = dayNumber(period.firstDay);
    if (period.lastDay === null) return first + remaining - 1;
    const length = dayNumber(period.lastDay) - first + 1;
    if (remaining <= length) return first + remaining - 1;
    remaining -= length;
  }
  return null;
}

/** Due date of "at the latest in week N": the last day of the N-th week of sickness. */
export function weekDue(chain: readonly SicknessPeriod[], week: number): string | null {
  const day = dayOfSickness(chain, week * 7);
  return day === null ? null : isoDay(day);
}

export type MilestoneStatus = 'done' | 'overdue' | 'dueSoon' | 'planned' | 'notNeeded' | 'info';

export interface StepRecord {
  doneOn: string | null;
  note: string | null;
}

export interface ScheduledStep {
  /** Stored key: a milestone key, or "evaluation-N" for the N-th evaluation of the plan of action. */
  key: string;
  milestone: MilestoneKey | 'evaluation';
  /** For evaluations: 1, 2, … */
  sequence: number | null;
  /** Week of sickness it is due in; null for evaluations (every six weeks on the calendar). */
  week: number | null;
  label: string;
  actor: MilestoneActor;
  /** Null when the chain ended before the step fell due. */
  due: string | null;
  doneOn: string | null;
  note: string | null;
  status: MilestoneStatus;
  /** Days from today to the due date (negative = overdue). */
  daysLeft: number | null;
}

function statusOf(due: string | null, record: StepRecord | undefined, today: DayNumber, leadDays: number, informational: boolean): { status: MilestoneStatus; daysLeft: number | null } {
  const daysLeft = due === null ? null : dayNumber(due) - today;
  if (record?.doneOn) return { status: 'done', daysLeft };
  if (due === null || daysLeft === null) return { status: 'notNeeded', daysLeft };
  if (informational) return { status: daysLeft >= 0 && daysLeft <= leadDays ? 'dueSoon' : 'info', daysLeft };
  if (daysLeft < 0) return { status: 'overdue', daysLeft };
  if (daysLeft <= leadDays) return { status: 'dueSoon', daysLeft };
  return { status: 'planned', daysLeft };
}

/**
 * Every step of a chain's timeline with due date and status on `today`. `records` holds what was
 * registered as done (by step key). Evaluations of the plan of action are listed up to and including
 * the first one not yet done: each is due six weeks after the previous one (or after the plan).
 */
export function poortwachterSchedule(chain: readonly SicknessPeriod[], records: ReadonlyMap<string, StepRecord>, today: string, leadDays: number): ScheduledStep[] {
  const todayNumber = dayNumber(today);
  const steps: ScheduledStep[] = [];
  const last = chain[chain.length - 1];
  const chainEnd = last.lastDay === null ? Infinity : dayNumber(last.lastDay);
  const wageEnd = dayOfSickness(chain, WAGE_PAYMENT_DAYS);
  for (const def of MILESTONES) {
    const due = weekDue(chain, def.week);
    const record = records.get(def.key);
    steps.push({
      key: def.key,
      milestone: def.key,
      sequence: null,
      week: def.week,
      label: def.label,
      actor: def.actor,
      due,
      doneOn: record?.doneOn ?? null,
      note: record?.note ?? null,
      ...statusOf(due, record, todayNumber, leadDays, def.informational === true),
    });
    if (def.key === 'actionPlan' && due !== null) steps.push(...evaluations(due, records, chainEnd, wageEnd, todayNumber, leadDays));
  }
  return steps;
}

function evaluations(planDue: string, records: ReadonlyMap<string, StepRecord>, chainEnd: number, wageEnd: DayNumber | null, today: DayNumber, leadDays: number): ScheduledStep[] {
  const result: ScheduledStep[] = [];
  let base = dayNumber(records.get('actionPlan')?.doneOn ?? planDue);
  for (let sequence = 1; sequence < 100; sequence++) {
    const dueDay = base + EVALUATION_INTERVAL_DAYS;
    if (dueDay > chainEnd || (wageEnd !== null && dueDay > wageEnd)) break;
    const key = `evaluation-${sequence}`;
    const record = records.get(key);
    const due = isoDay(dueDay);
    result.push({
      key,
      milestone: 'evaluation',
      sequence,
      week: null,
      label: `Evaluatie plan van aanpak ${sequence}`,
      actor: 'employerAndEmployee',
      due,
      doneOn: record?.doneOn ?? null,
      note: record?.note ?? null,
      ...statusOf(due, record, today, leadDays, false),
    });
    if (!record?.doneOn) break;
    base = dayNumber(record.doneOn);
  }
  return result;
}

/** What a step was on a given day, in reports and packages. */
export type StepOnDay = 'done' | 'overdue' | 'open' | 'lapsed';

/**
 * The one rule for "overdue" that the department's quarterly report, its HR package (and the package's
 * readable XLSX) and the central HR consolidation share. On `day` a step is:
 * - done: registered as done on or before the day (a step done later was not done yet);
 * - lapsed: the timeline had ended before the day (last sick day before it: the person recovered) without
 *   the step, which fell due while they were sick: a missed step can no longer be taken after recovery;
 * - overdue: due before the day, in a timeline still running on it (sick that day, or the last sick day
 *   unknown or later);
 * - open: not due before the day.
 * Null for a step that fell due after the recovery (not needed) or has no due date.
 * `lastSickDay` is the last sick day of the chain's latest case as known at the time (null while sick).
 */
export function stepOnDay(step: { due: string | null; doneOn: string | null }, lastSickDay: string | null, day: string): StepOnDay | null {
  if (step.due === null) return null;
  if (step.doneOn !== null && step.doneOn <= day) return 'done';
  if (lastSickDay !== null && lastSickDay < day) return step.due <= lastSickDay ? 'lapsed' : null;
  return step.due < day ? 'overdue' : 'open';
}

/** Milestones that are only a date to know (the end of wage payment): never overdue, never in a package. */
export function isInformational(stepKey: string): boolean {
  return MILESTONES.some((m) => m.key === stepKey && m.informational === true);
}

/** Keys a user may register as done: the milestones that are not informational, and evaluations. */
export function isStepKey(key: string): boolean {
  if (/^evaluation-[1-9]\d?$/.test(key)) return true;
  return MILESTONES.some((m) => m.key === key && !m.informational);
}

/**
 * The codes under which Poortwachter steps travel in HR packages (docs/exchange-format.md): Dutch, in
 * capitals, stable across versions. Evaluations of the plan of action are EVALUATIE-1, EVALUATIE-2, ….
 */
export const MILESTONE_EXCHANGE_CODES: Record<MilestoneKey, string> = {
  sickReport: 'ZIEKMELDING',
  problemAnalysis: 'PROBLEEMANALYSE',
  actionPlan: 'PLAN-VAN-AANPAK',
  notice42: '42E-WEEKSMELDING',
  firstYearEvaluation: 'EERSTEJAARSEVALUATIE',
  wiaLetter: 'WIA-BRIEF-UWV',
  finalEvaluation: 'EINDEVALUATIE',
  wiaApplication: 'WIA-AANVRAAG',
  endOfWagePayment: 'EINDE-LOONDOORBETALING',
};

/** "problemAnalysis" → "PROBLEEMANALYSE", "evaluation-3" → "EVALUATIE-3". */
export function milestoneExchangeCode(stepKey: string): string {
  const evaluation = /^evaluation-(\d+)$/.exec(stepKey);
  if (evaluation) return `EVALUATIE-${evaluation[1]}`;
  const code = MILESTONE_EXCHANGE_CODES[stepKey as MilestoneKey];
  if (!code) throw new Error(`Unknown Poortwachter step ${stepKey}`);
  return code;
}
