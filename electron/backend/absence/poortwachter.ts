import { ApiError } from '../../../shared/api/errors.ts';
import { dayNumber } from '../../../shared/domain/absence/days.ts';
import { chainsOf, isStepKey, poortwachterSchedule, type SicknessPeriod, type StepRecord } from '../../../shared/domain/absence/poortwachter.ts';
import type { AttentionItem, PoortwachterAttention, PoortwachterCaseView } from '../../../shared/domain/absence/types.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { getSettings } from '../workbook/settings.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { sicknessPeriods } from './cases.ts';
import { displayName } from './employees.ts';

type Period = SicknessPeriod & { caseNumber: string };
export type Chain = Period[];

/**
 * Steps are stored on the case where they were registered; a chain (cases joined by the 28-day rule)
 * shares them, so a problem analysis made in the first period still counts after a relapse.
 */
export function recordsOf(wb: Workbook, chains: Chain[]): Map<Chain, Map<string, StepRecord>> {
  const chainOfCase = new Map<number, Chain>();
  for (const chain of chains) for (const p of chain) chainOfCase.set(p.caseId, chain);
  const positionInChain = new Map<number, number>();
  for (const chain of chains) chain.forEach((p, i) => positionInChain.set(p.caseId, i));
  const result = new Map<Chain, Map<string, StepRecord>>(chains.map((c) => [c, new Map()]));
  const ids = [...chainOfCase.keys()];
  const rows = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...wb.all(wb.db.selectFrom('poortwachter_step').select(['case_id', 'step', 'done_on', 'note']).where('case_id', 'in', ids.slice(i, i + 500))));
  }
  // One row per case and step; when two cases of a chain both hold a step, the later case wins.
  rows.sort((a, b) => positionInChain.get(a.case_id)! - positionInChain.get(b.case_id)!);
  for (const row of rows) result.get(chainOfCase.get(row.case_id)!)!.set(row.step, { doneOn: row.done_on, note: row.note });
  return result;
}

interface EmployeeInfo {
  personnel_number: string;
  first_name: string;
  infix: string;
  last_name: string;
}

function employeesById(wb: Workbook, ids: number[]): Map<number, EmployeeInfo> {
  if (ids.length === 0) return new Map();
  const rows = wb.all(wb.db.selectFrom('employee').select(['id', 'personnel_number', 'first_name', 'infix', 'last_name']).where('id', 'in', ids));
  return new Map(rows.map((r) => [r.id, r]));
}

function chainView(chain: Chain, employeeId: number, employee: EmployeeInfo, records: Map<string, StepRecord>, today: string, leadDays: number): PoortwachterCaseView {
  const last = chain[chain.length - 1];
  let sickDays = 0;
  for (const p of chain) {
    const end = p.lastDay === null ? today : p.lastDay < today ? p.lastDay : today;
    if (p.firstDay <= end) sickDays += dayNumber(end) - dayNumber(p.firstDay) + 1;
  }
  return {
    caseId: last.caseId,
    caseNumber: last.caseNumber,
    caseNumbers: chain.map((p) => p.caseNumber),
    caseIds: chain.map((p) => p.caseId),
    employeeId,
    personnelNumber: employee.personnel_number,
    employeeName: displayName(employee),
    firstDay: chain[0].firstDay,
    open: last.lastDay === null,
    sickDaysSoFar: sickDays,
    steps: poortwachterSchedule(chain, records, today, leadDays),
  };
}

function leadDaysOf(wb: Workbook): number {
  return getSettings(wb).poortwachterLeadDays;
}

/** Timelines of all chains (or only those still open), the most urgent first. */
export function poortwachterCases(wb: Workbook, options: { today: string; openOnly: boolean; caseId?: number }): PoortwachterCaseView[] {
  wb.requireKind('department');
  const leadDays = leadDaysOf(wb);
  let employeeFilter: number[] | undefined;
  if (options.caseId !== undefined) {
    const row = wb.first(wb.db.selectFrom('absence_case').select(['employee_id', 'kind', 'deleted_at', 'case_number']).where('id', '=', options.caseId));
    if (!row) throw new ApiError('not_found', `Verzuimgeval ${options.caseId} bestaat niet.`);
    if (row.kind !== 'sickness') throw new ApiError('invalid_input', `Verzuimgeval ${row.case_number} is zwangerschaps- of bevallingsverlof; daarvoor geldt de Wet verbetering poortwachter niet.`);
    if (row.deleted_at) throw new ApiError('conflict', `Verzuimgeval ${row.case_number} is verwijderd.`);
    employeeFilter = [row.employee_id];
  }
  const periods = sicknessPeriods(wb, employeeFilter);
  const chains: Array<{ employeeId: number; chain: Chain }> = [];
  for (const [employeeId, list] of periods) {
    for (const chain of chainsOf(list)) {
      if (options.caseId !== undefined && !chain.some((p) => p.caseId === options.caseId)) continue;
      if (options.openOnly && chain[chain.length - 1].lastDay !== null) continue;
      chains.push({ employeeId, chain });
    }
  }
  const records = recordsOf(wb, chains.map((c) => c.chain));
  const employees = employeesById(wb, [...new Set(chains.map((c) => c.employeeId))]);
  const views = chains.map(({ employeeId, chain }) => chainView(chain, employeeId, employees.get(employeeId)!, records.get(chain)!, options.today, leadDays));
  const urgency = (v: PoortwachterCaseView) => Math.min(...v.steps.filter((s) => s.status === 'overdue' || s.status === 'dueSoon').map((s) => s.daysLeft ?? Infinity), Infinity);
  return views.sort((a, b) => urgency(a) - urgency(b) || b.firstDay.localeCompare(a.firstDay));
}

export function poortwachterOfCase(wb: Workbook, caseId: number, today: string): PoortwachterCaseView {
  const [view] = poortwachterCases(wb, { today, openOnly: false, caseId });
  return view;
}

/**
 * What needs the head's attention: steps overdue in cases still open, and steps due within the lead
 * time (informational dates such as the end of wage payment included, never as overdue).
 */
export function poortwachterAttention(wb: Workbook, today: string, leadDays = leadDaysOf(wb)): PoortwachterAttention {
  const views = poortwachterCases(wb, { today, openOnly: true });
  const overdue: AttentionItem[] = [];
  const dueSoon: AttentionItem[] = [];
  for (const view of views) {
    for (const step of view.steps) {
      if (step.due === null || step.daysLeft === null || step.status === 'done' || step.status === 'notNeeded') continue;
      const item = { caseId: view.caseId, caseNumber: view.caseNumber, personnelNumber: view.personnelNumber, employeeName: view.employeeName, step: step.key, label: step.label, due: step.due, daysLeft: step.daysLeft };
      if (step.status === 'overdue') overdue.push(item);
      else if (step.daysLeft >= 0 && step.daysLeft <= leadDays) dueSoon.push(item);
    }
  }
  const byDue = (a: AttentionItem, b: AttentionItem) => a.due.localeCompare(b.due) || a.caseNumber.localeCompare(b.caseNumber);
  return { today, leadDays, overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}

/**
 * Registers a step as done (with the date and an optional note), or clears it when `doneOn` and
 * `note` are both empty. The step is stored on the chain's latest case.
 */
export function setStep(wb: Workbook, input: { caseId: number; step: string; doneOn: string | null; note: string | null }, today: string): PoortwachterCaseView {
  if (!isStepKey(input.step)) throw new ApiError('invalid_input', `"${input.step}" is geen Poortwachter-stap die je kunt afvinken.`);
  const view = poortwachterOfCase(wb, input.caseId, today);
  const listed = view.steps.find((s) => s.key === input.step);
  if (!listed) throw new ApiError('invalid_input', `Stap "${input.step}" hoort (nog) niet bij de tijdlijn van ${view.caseNumber}: registreer eerst de vorige evaluatie.`);
  if (input.doneOn !== null && input.doneOn < view.firstDay) {
    throw new ApiError('invalid_input', `${listed.label}: ${formatDate(input.doneOn)} ligt vóór de eerste ziektedag ${formatDate(view.firstDay)}.`);
  }
  const note = input.note?.trim() || null;
  const existing = wb.all(wb.db.selectFrom('poortwachter_step').selectAll().where('case_id', 'in', view.caseIds).where('step', '=', input.step));
  wb.tx(() => {
    const now = nowIso();
    for (const row of existing) {
      if (row.case_id === view.caseId) continue;
      wb.run(wb.db.deleteFrom('poortwachter_step').where('id', '=', row.id));
      wb.audit({ action: 'delete', table: 'poortwachter_step', rowId: row.id, old: row, note: `Verplaatst naar ${view.caseNumber}` });
    }
    const own = existing.find((r) => r.case_id === view.caseId);
    if (input.doneOn === null && note === null) {
      if (own) {
        wb.run(wb.db.deleteFrom('poortwachter_step').where('id', '=', own.id));
        wb.audit({ action: 'delete', table: 'poortwachter_step', rowId: own.id, old: own, note: `${listed.label} (${view.caseNumber}) niet meer gedaan` });
      }
      return;
    }
    if (own) {
      if (own.done_on === input.doneOn && own.note === note) return;
      wb.run(wb.db.updateTable('poortwachter_step').set({ done_on: input.doneOn, note, updated_at: now }).where('id', '=', own.id));
      wb.audit({ action: 'update', table: 'poortwachter_step', rowId: own.id, old: { done_on: own.done_on, note: own.note }, new: { done_on: input.doneOn, note } });
    } else {
      const values = { case_id: view.caseId, step: input.step, done_on: input.doneOn, note, created_at: now, updated_at: now };
      const id = Number(wb.run(wb.db.insertInto('poortwachter_step').values(values)).lastInsertRowid);
      wb.audit({ action: 'insert', table: 'poortwachter_step', rowId: id, new: values, note: `${listed.label} (${view.caseNumber})` });
    }
  });
  return poortwachterOfCase(wb, view.caseId, today);
}
