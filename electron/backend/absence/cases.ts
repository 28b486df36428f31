import type { Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import { addDays, dayNumber } from '../../../shared/domain/absence/days.ts';
import { chainsOf, type SicknessPeriod } from '../../../shared/domain/absence/poortwachter.ts';
import { CaseProblem, checkCaseShape, checkNoOverlap, checkPercentage, type CaseDraft, type OtherCase } from '../../../shared/domain/absence/rules.ts';
import type { AbsenceCaseView, AbsenceKind, EpisodeView } from '../../../shared/domain/absence/types.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { displayName, employedOn, employmentText, getEmployee, type EmployeeRow } from './employees.ts';
import type { AbsenceCaseTable } from './tables.ts';

type CaseRow = Selectable<AbsenceCaseTable>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A broken case rule as the API's typed error, in a sentence for the user. */
export function toApiError(problem: CaseProblem): ApiError {
  return new ApiError(problem.kind === 'conflict' ? 'conflict' : 'invalid_input', `${capitalise(problem.message)}.`, { field: problem.field });
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CaseProblem) throw toApiError(error);
    throw error;
  }
}

// ── Reading ─────────────────────────────────────────────────────────────────

function caseRow(wb: Workbook, id: number): CaseRow {
  const row = wb.first(wb.db.selectFrom('absence_case').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `Verzuimgeval ${id} bestaat niet.`);
  return row;
}

function liveCaseRow(wb: Workbook, id: number): CaseRow {
  const row = caseRow(wb, id);
  if (row.deleted_at) throw new ApiError('conflict', `Verzuimgeval ${row.case_number} is verwijderd; herstel het eerst.`);
  return row;
}

function episodesOf(wb: Workbook, caseId: number) {
  return wb.all(wb.db.selectFrom('absence_episode').select(['id', 'from_date', 'percentage']).where('case_id', '=', caseId).orderBy('from_date'));
}

/** The other (not deleted) cases of an employee: what a case may not overlap. */
export function otherCasesOf(wb: Workbook, employeeId: number, exceptCaseId?: number): OtherCase[] {
  let query = wb.db
    .selectFrom('absence_case')
    .select(['case_number as caseNumber', 'first_day as firstDay', 'last_day as lastDay'])
    .where('employee_id', '=', employeeId)
    .where('deleted_at', 'is', null);
  if (exceptCaseId !== undefined) query = query.where('id', '!=', exceptCaseId);
  return wb.all(query.orderBy('first_day'));
}

/** Periods of sickness (not deleted, not pregnancy leave) per employee: the input of the 28-day rule. */
export function sicknessPeriods(wb: Workbook, employeeIds?: number[]): Map<number, Array<SicknessPeriod & { caseNumber: string }>> {
  let query = wb.db
    .selectFrom('absence_case')
    .select(['id', 'employee_id', 'case_number', 'first_day', 'last_day'])
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'sickness');
  if (employeeIds) query = query.where('employee_id', 'in', employeeIds.length > 0 ? employeeIds : [-1]);
  const result = new Map<number, Array<SicknessPeriod & { caseNumber: string }>>();
  for (const row of wb.all(query.orderBy('employee_id').orderBy('first_day'))) {
    const list = result.get(row.employee_id) ?? [];
    list.push({ caseId: row.id, caseNumber: row.case_number, firstDay: row.first_day, lastDay: row.last_day });
    result.set(row.employee_id, list);
  }
  return result;
}

function termsByEmployee(wb: Workbook, employeeIds: number[]): Map<number, Array<{ valid_from: string; cost_centre: string }>> {
  const result = new Map<number, Array<{ valid_from: string; cost_centre: string }>>();
  if (employeeIds.length === 0) return result;
  const rows = wb.all(
    wb.db.selectFrom('employee_terms').select(['employee_id', 'valid_from', 'cost_centre']).where('employee_id', 'in', employeeIds).orderBy('employee_id').orderBy('valid_from'),
  );
  for (const row of rows) {
    const list = result.get(row.employee_id) ?? [];
    list.push(row);
    result.set(row.employee_id, list);
  }
  return result;
}

export interface CaseFilter {
  id?: number;
  employeeId?: number;
  /** Only cases with a day in this year. */
  year?: number;
  status?: 'open' | 'closed' | 'all';
  includeDeleted?: boolean;
}

export function listCases(wb: Workbook, filter: CaseFilter, today: string): AbsenceCaseView[] {
  let query = wb.db
    .selectFrom('absence_case as c')
    .innerJoin('employee as e', 'e.id', 'c.employee_id')
    .selectAll('c')
    .select(['e.personnel_number', 'e.first_name', 'e.infix', 'e.last_name']);
  if (filter.id !== undefined) query = query.where('c.id', '=', filter.id);
  if (filter.employeeId !== undefined) query = query.where('c.employee_id', '=', filter.employeeId);
  if (!filter.includeDeleted) query = query.where('c.deleted_at', 'is', null);
  if (filter.status === 'open') query = query.where('c.last_day', 'is', null);
  if (filter.status === 'closed') query = query.where('c.last_day', 'is not', null);
  if (filter.year !== undefined) {
    const start = `${filter.year}-01-01`;
    const end = `${filter.year}-12-31`;
    query = query.where('c.first_day', '<=', end).where((eb) => eb.or([eb('c.last_day', 'is', null), eb('c.last_day', '>=', start)]));
  }
  const rows = wb.all(query.orderBy('c.first_day', 'desc').orderBy('c.id', 'desc'));
  if (rows.length === 0) return [];
  const caseIds = rows.map((r) => r.id);
  const employeeIds = [...new Set(rows.map((r) => r.employee_id))];
  const episodes = new Map<number, Array<{ id: number; from_date: string; percentage: number }>>();
  for (const chunk of chunks(caseIds, 500)) {
    for (const e of wb.all(wb.db.selectFrom('absence_episode').select(['id', 'case_id', 'from_date', 'percentage']).where('case_id', 'in', chunk).orderBy('from_date'))) {
      const list = episodes.get(e.case_id) ?? [];
      list.push(e);
      episodes.set(e.case_id, list);
    }
  }
  const terms = termsByEmployee(wb, employeeIds);
  const relapseOf = new Map<number, string>();
  for (const periods of sicknessPeriods(wb, employeeIds).values()) {
    for (const chain of chainsOf(periods)) {
      for (let i = 1; i < chain.length; i++) relapseOf.set(chain[i].caseId, chain[i - 1].caseNumber);
    }
  }
  return rows.map((row) => {
    const costCentreTerms = terms.get(row.employee_id) ?? [];
    let costCentre: string | null = costCentreTerms[0]?.cost_centre ?? null;
    for (const t of costCentreTerms) if (t.valid_from <= row.first_day) costCentre = t.cost_centre;
    const caseEpisodes = episodes.get(row.id) ?? [];
    const episodeViews: EpisodeView[] = caseEpisodes.map((e, i) => ({
      id: e.id,
      from: e.from_date,
      to: i + 1 < caseEpisodes.length ? addDays(caseEpisodes[i + 1].from_date, -1) : row.last_day,
      percentage: e.percentage,
    }));
    const inForce = [...caseEpisodes].reverse().find((e) => e.from_date <= (row.last_day ?? today)) ?? caseEpisodes[0];
    const until = row.last_day ?? today;
    return {
      id: row.id,
      caseNumber: row.case_number,
      employeeId: row.employee_id,
      personnelNumber: row.personnel_number,
      employeeName: displayName(row),
      costCentre,
      kind: row.kind,
      firstDay: row.first_day,
      lastDay: row.last_day,
      recoveredOn: row.last_day === null ? null : addDays(row.last_day, 1),
      open: row.last_day === null,
      currentPercentage: inForce?.percentage ?? 0,
      episodes: episodeViews,
      durationDays: Math.max(0, dayNumber(until) - dayNumber(row.first_day) + 1),
      expectedRecovery: row.expected_recovery,
      safetyNet: row.safety_net === 1,
      occupationalAccident: row.occupational_accident === 1,
      liableThirdParty: row.liable_third_party === 1,
      note: row.note,
      relapseOf: relapseOf.get(row.id) ?? null,
      imported: row.import_batch_id !== null,
      deletedAt: row.deleted_at,
      updatedAt: row.updated_at,
    };
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export function getCase(wb: Workbook, id: number, today: string): AbsenceCaseView {
  const [view] = listCases(wb, { id, includeDeleted: true }, today);
  if (!view) throw new ApiError('not_found', `Verzuimgeval ${id} bestaat niet.`);
  return view;
}

// ── Checks shared with the importer ────────────────────────────────────────

/** The first sick day must fall within the employment. */
export function checkEmployment(employee: EmployeeRow, firstDay: string): void {
  if (!employedOn(employee, firstDay)) {
    throw new CaseProblem('firstDay', `eerste ziektedag ${formatDate(firstDay)} valt buiten het dienstverband van ${employee.personnel_number} (${employmentText(employee)})`);
  }
}

export function checkCaseNumberFree(wb: Workbook, caseNumber: string, exceptCaseId?: number): void {
  let query = wb.db.selectFrom('absence_case').select('id').where('case_number', '=', caseNumber).where('deleted_at', 'is', null);
  if (exceptCaseId !== undefined) query = query.where('id', '!=', exceptCaseId);
  if (wb.first(query)) throw new CaseProblem('caseNumber', `verzuimgeval ${caseNumber} bestaat al`, 'conflict');
}

/** WB<year>-00001, … for cases registered in Werkboek: never the HR system's own numbers. */
export function nextCaseNumber(wb: Workbook, year: string): string {
  const prefix = `WB${year}-`;
  const rows = wb.all(wb.db.selectFrom('absence_case').select('case_number').where('case_number', 'like', `${prefix}%`));
  const highest = rows.reduce((max, r) => Math.max(max, Number(r.case_number.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(highest + 1).padStart(5, '0')}`;
}

// ── Changing ───────────────────────────────────────────────────────────────

export interface RegisterInput {
  employeeId: number;
  firstDay: string;
  percentage: number;
  caseNumber?: string | null;
  kind: AbsenceKind;
  expectedRecovery?: string | null;
  safetyNet: boolean;
  occupationalAccident: boolean;
  liableThirdParty: boolean;
  note?: string | null;
}

/** A sick report (ziekmelding): a new open case from the first sick day. */
export function registerCase(wb: Workbook, input: RegisterInput, today: string): AbsenceCaseView {
  wb.requireKind('department');
  const employee = getEmployee(wb, input.employeeId);
  if (!employee) throw new ApiError('not_found', `Medewerker ${input.employeeId} bestaat niet in dit werkboek.`);
  const id = guarded(() => {
    checkEmployment(employee, input.firstDay);
    const draft: CaseDraft = { firstDay: input.firstDay, lastDay: null, episodes: [{ from: input.firstDay, percentage: input.percentage }] };
    checkCaseShape(draft);
    checkNoOverlap(draft, otherCasesOf(wb, employee.id));
    const caseNumber = input.caseNumber?.trim() || nextCaseNumber(wb, input.firstDay.slice(0, 4));
    checkCaseNumberFree(wb, caseNumber);
    const now = nowIso();
    return wb.tx(() => {
      const values = {
        case_number: caseNumber,
        employee_id: employee.id,
        kind: input.kind,
        first_day: input.firstDay,
        last_day: null,
        expected_recovery: input.expectedRecovery ?? null,
        safety_net: input.safetyNet ? 1 : 0,
        occupational_accident: input.occupationalAccident ? 1 : 0,
        liable_third_party: input.liableThirdParty ? 1 : 0,
        note: input.note?.trim() || null,
        import_batch_id: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      const caseId = Number(wb.run(wb.db.insertInto('absence_case').values(values)).lastInsertRowid);
      wb.audit({ action: 'insert', table: 'absence_case', rowId: caseId, new: values, note: `Ziekmelding ${caseNumber}` });
      insertEpisode(wb, caseId, input.firstDay, input.percentage, now);
      return caseId;
    });
  });
  return getCase(wb, id, today);
}

function insertEpisode(wb: Workbook, caseId: number, from: string, percentage: number, now = nowIso()): number {
  const values = { case_id: caseId, from_date: from, percentage, created_at: now, updated_at: now };
  const id = Number(wb.run(wb.db.insertInto('absence_episode').values(values)).lastInsertRowid);
  wb.audit({ action: 'insert', table: 'absence_episode', rowId: id, new: values });
  return id;
}

function draftOf(row: CaseRow, episodes: Array<{ from_date: string; percentage: number }>): CaseDraft {
  return { firstDay: row.first_day, lastDay: row.last_day, episodes: episodes.map((e) => ({ from: e.from_date, percentage: e.percentage })) };
}

/**
 * A (partial) recovery or relapse within the case: the percentage of incapacity from a date on.
 * On a date that already has a percentage, that percentage is corrected.
 */
export function changePercentage(wb: Workbook, input: { caseId: number; from: string; percentage: number }, today: string): AbsenceCaseView {
  const row = liveCaseRow(wb, input.caseId);
  if (row.kind !== 'sickness') throw new ApiError('invalid_input', `Verzuimgeval ${row.case_number} is zwangerschaps- of bevallingsverlof; daar hoort geen percentage arbeidsongeschiktheid bij.`);
  const episodes = episodesOf(wb, row.id);
  guarded(() => {
    checkPercentage(input.percentage);
    if (input.from < row.first_day) throw new CaseProblem('from', `wijziging per ${formatDate(input.from)} ligt vóór de eerste ziektedag ${formatDate(row.first_day)}`);
    if (row.last_day !== null && input.from > row.last_day) {
      throw new CaseProblem('from', `wijziging per ${formatDate(input.from)} ligt na de laatste ziektedag ${formatDate(row.last_day)} (hersteld per ${formatDate(addDays(row.last_day, 1))})`);
    }
  });
  const existing = episodes.find((e) => e.from_date === input.from);
  const inForce = [...episodes].reverse().find((e) => e.from_date < input.from);
  if (existing?.percentage === input.percentage) return getCase(wb, row.id, today);
  if (!existing && inForce?.percentage === input.percentage) {
    throw new ApiError('invalid_input', `Per ${formatDate(input.from)} is ${row.case_number} al ${formatPercentage(input.percentage)} arbeidsongeschikt.`);
  }
  wb.tx(() => {
    const now = nowIso();
    if (existing) {
      wb.run(wb.db.updateTable('absence_episode').set({ percentage: input.percentage, updated_at: now }).where('id', '=', existing.id));
      wb.audit({ action: 'update', table: 'absence_episode', rowId: existing.id, old: { percentage: existing.percentage }, new: { percentage: input.percentage } });
    } else {
      insertEpisode(wb, row.id, input.from, input.percentage, now);
    }
    touch(wb, row.id, now);
  });
  return getCase(wb, row.id, today);
}

function formatPercentage(value: number): string {
  return `${String(value).replace('.', ',')} %`;
}

function touch(wb: Workbook, caseId: number, now = nowIso()): void {
  wb.run(wb.db.updateTable('absence_case').set({ updated_at: now }).where('id', '=', caseId));
}

/** Undo of a percentage change registered by mistake; the first percentage belongs to the sick report itself. */
export function removeEpisode(wb: Workbook, episodeId: number, today: string): AbsenceCaseView {
  const episode = wb.first(wb.db.selectFrom('absence_episode').selectAll().where('id', '=', episodeId));
  if (!episode) throw new ApiError('not_found', `Wijziging ${episodeId} bestaat niet.`);
  const row = liveCaseRow(wb, episode.case_id);
  if (episode.from_date === row.first_day) {
    throw new ApiError('invalid_input', `Het percentage per de eerste ziektedag hoort bij de ziekmelding van ${row.case_number}; wijzig het percentage of verwijder het verzuimgeval.`);
  }
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('absence_episode').where('id', '=', episodeId));
    wb.audit({ action: 'delete', table: 'absence_episode', rowId: episodeId, old: episode });
    touch(wb, row.id);
  });
  return getCase(wb, row.id, today);
}

/** Full recovery (hersteldmelding): `recoveredOn` is the first day fully fit; the day before is the last sick day. */
export function recoverCase(wb: Workbook, input: { caseId: number; recoveredOn: string }, today: string): AbsenceCaseView {
  const row = liveCaseRow(wb, input.caseId);
  if (row.last_day !== null) {
    throw new ApiError('conflict', `Verzuimgeval ${row.case_number} is al hersteld per ${formatDate(addDays(row.last_day, 1))}. Wijzig die datum in de tabel, of heropen het geval.`);
  }
  setLastDay(wb, row, addDays(input.recoveredOn, -1), `Hersteldmelding ${row.case_number}`);
  return getCase(wb, row.id, today);
}

/** Undo of a recovery: the case is open again (as long as no later case of the employee is in the way). */
export function reopenCase(wb: Workbook, caseId: number, today: string): AbsenceCaseView {
  const row = liveCaseRow(wb, caseId);
  if (row.last_day === null) return getCase(wb, caseId, today);
  setLastDay(wb, row, null, `Verzuimgeval ${row.case_number} heropend`);
  return getCase(wb, row.id, today);
}

function setLastDay(wb: Workbook, row: CaseRow, lastDay: string | null, note: string): void {
  const episodes = episodesOf(wb, row.id);
  guarded(() => {
    if (lastDay !== null && lastDay < row.first_day) {
      throw new CaseProblem('lastDay', `hersteld per ${formatDate(addDays(lastDay, 1))} moet na de eerste ziektedag ${formatDate(row.first_day)} liggen`);
    }
    const lastEpisode = episodes[episodes.length - 1];
    if (lastDay !== null && lastEpisode && lastEpisode.from_date > lastDay) {
      throw new CaseProblem('lastDay', `hersteld per ${formatDate(addDays(lastDay, 1))} ligt niet na de wijziging naar ${formatPercentage(lastEpisode.percentage)} per ${formatDate(lastEpisode.from_date)}; verwijder die wijziging eerst`);
    }
    checkCaseShape({ ...draftOf(row, episodes), lastDay });
    checkNoOverlap({ firstDay: row.first_day, lastDay }, otherCasesOf(wb, row.employee_id, row.id));
  });
  wb.tx(() => {
    wb.run(wb.db.updateTable('absence_case').set({ last_day: lastDay, updated_at: nowIso() }).where('id', '=', row.id));
    wb.audit({ action: 'update', table: 'absence_case', rowId: row.id, old: { last_day: row.last_day }, new: { last_day: lastDay }, note });
  });
}

export interface CasePatch {
  caseNumber?: string;
  firstDay?: string;
  recoveredOn?: string | null;
  kind?: AbsenceKind;
  expectedRecovery?: string | null;
  safetyNet?: boolean;
  occupationalAccident?: boolean;
  liableThirdParty?: boolean;
  note?: string | null;
}

/** Corrections of a case (a wrong date, a flag, the note); each change is audited with old → new. */
export function updateCase(wb: Workbook, id: number, patch: CasePatch, today: string): AbsenceCaseView {
  const row = liveCaseRow(wb, id);
  const episodes = episodesOf(wb, row.id);
  const changes: Partial<CaseRow> = {};
  const old: Partial<CaseRow> = {};
  const set = <K extends keyof CaseRow>(column: K, value: CaseRow[K] | undefined) => {
    if (value === undefined || row[column] === value) return;
    old[column] = row[column];
    changes[column] = value;
  };
  set('case_number', patch.caseNumber?.trim());
  set('first_day', patch.firstDay);
  set('last_day', patch.recoveredOn === undefined ? undefined : patch.recoveredOn === null ? null : addDays(patch.recoveredOn, -1));
  set('kind', patch.kind);
  set('expected_recovery', patch.expectedRecovery);
  set('safety_net', patch.safetyNet === undefined ? undefined : patch.safetyNet ? 1 : 0);
  set('occupational_accident', patch.occupationalAccident === undefined ? undefined : patch.occupationalAccident ? 1 : 0);
  set('liable_third_party', patch.liableThirdParty === undefined ? undefined : patch.liableThirdParty ? 1 : 0);
  set('note', patch.note === undefined ? undefined : patch.note?.trim() || null);
  if (Object.keys(changes).length === 0) return getCase(wb, id, today);

  const firstDay = changes.first_day ?? row.first_day;
  const lastDay = 'last_day' in changes ? (changes.last_day ?? null) : row.last_day;
  const movedEpisodes = episodes.map((e, i) => ({ from: i === 0 ? firstDay : e.from_date, percentage: e.percentage }));
  guarded(() => {
    if (changes.case_number !== undefined) {
      if (changes.case_number === '') throw new CaseProblem('caseNumber', 'het nummer van het verzuimgeval ontbreekt');
      checkCaseNumberFree(wb, changes.case_number, row.id);
    }
    if (changes.first_day !== undefined) checkEmployment(getEmployee(wb, row.employee_id)!, firstDay);
    if (lastDay !== null && lastDay < firstDay) {
      throw new CaseProblem('lastDay', `hersteld per ${formatDate(addDays(lastDay, 1))} moet na de eerste ziektedag ${formatDate(firstDay)} liggen`);
    }
    checkCaseShape({ firstDay, lastDay, episodes: movedEpisodes });
    checkNoOverlap({ firstDay, lastDay }, otherCasesOf(wb, row.employee_id, row.id));
  });
  wb.tx(() => {
    const now = nowIso();
    wb.run(wb.db.updateTable('absence_case').set({ ...changes, updated_at: now }).where('id', '=', id));
    if (changes.first_day !== undefined && episodes[0]) {
      // The first percentage starts on the first sick day, so it moves along.
      wb.run(wb.db.updateTable('absence_episode').set({ from_date: firstDay, updated_at: now }).where('id', '=', episodes[0].id));
      wb.audit({ action: 'update', table: 'absence_episode', rowId: episodes[0].id, old: { from_date: episodes[0].from_date }, new: { from_date: firstDay } });
    }
    wb.audit({ action: 'update', table: 'absence_case', rowId: id, old, new: changes });
  });
  return getCase(wb, id, today);
}

/** A case registered by mistake: deleted softly (HR may need to see it was there), restorable. */
export function deleteCase(wb: Workbook, id: number, today: string): AbsenceCaseView {
  const row = caseRow(wb, id);
  if (row.deleted_at) return getCase(wb, id, today);
  const now = nowIso();
  wb.tx(() => {
    wb.run(wb.db.updateTable('absence_case').set({ deleted_at: now, updated_at: now }).where('id', '=', id));
    wb.audit({ action: 'delete', table: 'absence_case', rowId: id, old: { deleted_at: null }, new: { deleted_at: now }, note: `Verzuimgeval ${row.case_number} verwijderd` });
  });
  return getCase(wb, id, today);
}

export function restoreCase(wb: Workbook, id: number, today: string): AbsenceCaseView {
  const row = caseRow(wb, id);
  if (!row.deleted_at) return getCase(wb, id, today);
  guarded(() => {
    checkCaseNumberFree(wb, row.case_number, row.id);
    checkNoOverlap({ firstDay: row.first_day, lastDay: row.last_day }, otherCasesOf(wb, row.employee_id, row.id));
  });
  wb.tx(() => {
    wb.run(wb.db.updateTable('absence_case').set({ deleted_at: null, updated_at: nowIso() }).where('id', '=', id));
    wb.audit({ action: 'restore', table: 'absence_case', rowId: id, old: { deleted_at: row.deleted_at }, new: { deleted_at: null }, note: `Verzuimgeval ${row.case_number} hersteld` });
  });
  return getCase(wb, id, today);
}
