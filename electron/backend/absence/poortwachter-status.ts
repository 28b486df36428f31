import { chainsOf, isInformational, poortwachterSchedule, stepOnDay, type ScheduledStep, type StepRecord } from '../../../shared/domain/absence/poortwachter.ts';
import type { AttentionItem } from '../../../shared/domain/absence/types.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { sicknessPeriods } from './cases.ts';
import { displayName } from './employees.ts';
import { recordsOf, type Chain } from './poortwachter.ts';

/** One Poortwachter chain as it stood at the end of a day. */
export interface ChainOnDay {
  /** The chain's latest case that had begun by the day: the Poortwachter page opens the chain from it. */
  caseId: number;
  caseNumber: string;
  employeeId: number;
  personnelNumber: string;
  employeeName: string;
  firstDay: string;
  /** The day the chain is seen on. */
  day: string;
  /** Last sick day of its latest case as known on the day: null when still sick after it. */
  lastSickDay: string | null;
  /** Still sick on the day (its last sick day is the day or later). */
  running: boolean;
  steps: ScheduledStep[];
}

/**
 * The chain as known at the end of `day`: cases that began later are left out, a case that ended
 * after the day is still running. Only a prefix of a chain can be cut off this way, so the grouping
 * by the 28-day rule is the same as on the full chain.
 */
function chainOn(chain: Chain, day: string): Chain {
  return chain.filter((p) => p.firstDay <= day).map((p) => (p.lastDay !== null && p.lastDay > day ? { ...p, lastDay: null } : p));
}

/** Steps registered as done after the day were not done yet on it. */
function recordsOn(records: ReadonlyMap<string, StepRecord>, day: string): Map<string, StepRecord> {
  const result = new Map<string, StepRecord>();
  for (const [key, record] of records) if (record.doneOn !== null && record.doneOn <= day) result.set(key, record);
  return result;
}

/**
 * Every Poortwachter chain that had begun by `day`, with its timeline as it stood at the end of that
 * day: for a quarter's end in the management report, or an earlier date chosen on the overview. Steps
 * are looked up on the full chain (they are stored on its latest case, which may have begun later).
 */
export function poortwachterChainsOn(wb: Workbook, day: string, leadDays: number): ChainOnDay[] {
  const periods = sicknessPeriods(wb);
  const full: Array<{ employeeId: number; chain: Chain }> = [];
  for (const [employeeId, list] of periods) for (const chain of chainsOf(list)) full.push({ employeeId, chain });
  const records = recordsOf(
    wb,
    full.map((c) => c.chain),
  );
  const ids = [...new Set(full.map((c) => c.employeeId))];
  const employees = new Map(
    ids.length === 0 ? [] : wb.all(wb.db.selectFrom('employee').select(['id', 'personnel_number', 'first_name', 'infix', 'last_name']).where('id', 'in', ids)).map((e) => [e.id, e]),
  );
  const result: ChainOnDay[] = [];
  for (const { employeeId, chain } of full) {
    const known = chainOn(chain, day);
    if (known.length === 0) continue;
    const last = known[known.length - 1];
    const employee = employees.get(employeeId)!;
    result.push({
      caseId: last.caseId,
      caseNumber: last.caseNumber,
      employeeId,
      personnelNumber: employee.personnel_number,
      employeeName: displayName(employee),
      firstDay: known[0].firstDay,
      day,
      lastSickDay: last.lastDay,
      running: last.lastDay === null || last.lastDay >= day,
      steps: poortwachterSchedule(known, recordsOn(records.get(chain)!, day), day, leadDays),
    });
  }
  return result;
}

/**
 * Overdue steps (the shared rule `stepOnDay`: also what the HR package and the central consolidation
 * count) and steps due within the lead time in chains still running on the day, as they stood.
 */
export function attentionOn(chains: ChainOnDay[], leadDays: number): { overdue: AttentionItem[]; dueSoon: AttentionItem[] } {
  const overdue: AttentionItem[] = [];
  const dueSoon: AttentionItem[] = [];
  for (const chain of chains) {
    for (const step of chain.steps) {
      if (step.due === null || step.daysLeft === null) continue;
      const state = stepOnDay(step, chain.lastSickDay, chain.day);
      if (state !== 'overdue' && state !== 'open') continue;
      const item: AttentionItem = {
        caseId: chain.caseId,
        caseNumber: chain.caseNumber,
        personnelNumber: chain.personnelNumber,
        employeeName: chain.employeeName,
        step: step.key,
        label: step.label,
        due: step.due,
        daysLeft: step.daysLeft,
      };
      // The end of wage payment is a date to know, never a step that is late.
      if (state === 'overdue' && !isInformational(step.key)) overdue.push(item);
      else if (step.daysLeft >= 0 && step.daysLeft <= leadDays) dueSoon.push(item);
    }
  }
  const byDue = (a: AttentionItem, b: AttentionItem) => a.due.localeCompare(b.due) || a.caseNumber.localeCompare(b.caseNumber);
  return { overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}
