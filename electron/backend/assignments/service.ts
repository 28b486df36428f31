import type { Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import type { AssignmentPatch } from '../../../shared/api/assignments.ts';
import { localToday } from '../../../shared/domain/absence/days.ts';
import { addDays } from '../../../shared/domain/staff/calendar.ts';
import { judgementDay, type Period } from '../../../shared/domain/period.ts';
import { hireCostBetween } from '../../../shared/domain/staff/hires.ts';
import { moneyFigures } from '../../../shared/domain/assignments/money.ts';
import { isHireKind, KIND_LABELS, MOMENT_LABELS, OUTCOME_LABELS, STATUS_LABELS } from '../../../shared/domain/assignments/rules.ts';
import { assignmentSignals, isMomentOverdue } from '../../../shared/domain/assignments/signals.ts';
import type {
  AssignmentDetail,
  AssignmentFields,
  AssignmentRow,
  AssignmentStatus,
  BudgetLineRef,
  DecisionMoment,
  LinkRelation,
  MomentKind,
  MomentOutcome,
} from '../../../shared/domain/assignments/types.ts';
import { formatCents, formatDate } from '../../../shared/format/nl.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { staffSettings } from '../staff/settings.ts';
import { allocateMoney, totals, type MoneyAllocation } from './money.ts';
import type { AssignmentTable } from './tables.ts';

type Row = Selectable<AssignmentTable>;

export function today(): string {
  return localToday();
}

export interface LoadedAssignment extends AssignmentFields {
  id: number;
  budgetLines: BudgetLineRef[];
  deleted: boolean;
  updatedAt: string;
}

function toFields(row: Row): AssignmentFields {
  return {
    code: row.code,
    title: row.title,
    kind: row.kind,
    contractor: row.contractor,
    counterparty: row.counterparty,
    personName: row.person_name,
    officialCommissioner: row.official_commissioner,
    administrativeCommissioner: row.administrative_commissioner,
    agreedResult: row.agreed_result,
    acceptanceCriteria: row.acceptance_criteria,
    ceilingCents: row.ceiling_cents,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    hourlyRateCents: row.hourly_rate_cents,
    hoursPerWeek: row.hours_per_week,
    formationPositionId: row.formation_position_id,
    note: row.note,
  };
}

const COLUMNS: Record<keyof AssignmentFields, keyof Row> = {
  code: 'code',
  title: 'title',
  kind: 'kind',
  contractor: 'contractor',
  counterparty: 'counterparty',
  personName: 'person_name',
  officialCommissioner: 'official_commissioner',
  administrativeCommissioner: 'administrative_commissioner',
  agreedResult: 'agreed_result',
  acceptanceCriteria: 'acceptance_criteria',
  ceilingCents: 'ceiling_cents',
  startDate: 'start_date',
  endDate: 'end_date',
  status: 'status',
  hourlyRateCents: 'hourly_rate_cents',
  hoursPerWeek: 'hours_per_week',
  formationPositionId: 'formation_position_id',
  note: 'note',
};

function toColumns(fields: Partial<AssignmentFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof AssignmentFields];
    if (column && value !== undefined) out[column] = value;
  }
  return out;
}

/** Every assignment with its budget lines (main line first). */
export function loadAssignments(wb: Workbook, options: { includeDeleted?: boolean } = {}): LoadedAssignment[] {
  let query = wb.db.selectFrom('assignment').selectAll();
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  const rows = wb.all(query.orderBy('start_date').orderBy('code'));
  const lines = new Map<number, BudgetLineRef[]>();
  for (const l of wb.all(wb.db.selectFrom('assignment_budget_line').select(['assignment_id', 'cost_centre', 'account']).orderBy('assignment_id').orderBy('position'))) {
    lines.set(l.assignment_id, [...(lines.get(l.assignment_id) ?? []), { costCentre: l.cost_centre, account: l.account }]);
  }
  return rows.map((row) => ({ id: row.id, ...toFields(row), budgetLines: lines.get(row.id) ?? [], deleted: row.deleted_at !== null, updatedAt: row.updated_at }));
}

function requireRow(wb: Workbook, id: number): Row {
  const row = wb.first(wb.db.selectFrom('assignment').selectAll().where('id', '=', id));
  if (!row || row.deleted_at !== null) throw new ApiError('not_found', `Opdracht ${id} bestaat niet (meer).`);
  return row;
}

interface MomentRow {
  id: number;
  assignment_id: number;
  kind: MomentKind;
  due_date: string;
  outcome: MomentOutcome | null;
  decided_on: string | null;
  note: string;
}

function loadMoments(wb: Workbook, assignmentId?: number): MomentRow[] {
  let query = wb.db.selectFrom('assignment_moment').select(['id', 'assignment_id', 'kind', 'due_date', 'outcome', 'decided_on', 'note']);
  if (assignmentId !== undefined) query = query.where('assignment_id', '=', assignmentId);
  return wb.all(query.orderBy('due_date').orderBy('id'));
}

export interface Evaluated {
  assignment: LoadedAssignment;
  allocation: MoneyAllocation;
  row: AssignmentRow;
  moments: DecisionMoment[];
}

/**
 * The register's figures for a set of assignments: money (bookings up to `until`, default all), signals
 * and moments on `asOf`, hire cost in `year`. Ambiguity is judged against every assignment not deleted.
 */
export function evaluate(wb: Workbook, options: { asOf: string; year?: number; until?: string; includeDeleted?: boolean; ids?: number[] }): Evaluated[] {
  const all = loadAssignments(wb, { includeDeleted: options.includeDeleted });
  const live = all.filter((a) => !a.deleted);
  const allocations = allocateMoney(wb, live, options.until);
  const { zzpFlagMonths } = staffSettings(wb);
  const year = options.year ?? wb.meta.fiscal_year;
  const momentsOf = new Map<number, MomentRow[]>();
  for (const m of loadMoments(wb)) momentsOf.set(m.assignment_id, [...(momentsOf.get(m.assignment_id) ?? []), m]);
  const positionCodes = new Map(wb.all(wb.db.selectFrom('formation_position').select(['id', 'code'])).map((p) => [p.id, p.code]));
  const wanted = options.ids ? new Set(options.ids) : null;
  const empty: MoneyAllocation = { ledger: { counted: [], ambiguous: [] }, commitments: { counted: [], ambiguous: [] } };
  return all
    .filter((a) => !wanted || wanted.has(a.id))
    .map((a) => {
      const allocation = allocations.get(a.id) ?? empty;
      const t = totals(allocation);
      const money = moneyFigures(a.ceilingCents, t.actualsCents, t.commitmentsCents, t.ledgerLines, t.ambiguousLines);
      const moments: DecisionMoment[] = (momentsOf.get(a.id) ?? []).map((m) => ({
        id: m.id,
        kind: m.kind,
        dueDate: m.due_date,
        outcome: m.outcome,
        decidedOn: m.decided_on,
        note: m.note,
        overdue: a.status !== 'vervallen' && isMomentOverdue({ dueDate: m.due_date, decidedOn: m.decided_on }, options.asOf),
      }));
      const next = moments.find((m) => m.outcome === null);
      let hire: AssignmentRow['hire'] = null;
      if (isHireKind(a.kind)) {
        const inYear = hireCostBetween(a, `${year}-01-01`, `${year}-12-31`);
        const whole = hireCostBetween(a, a.startDate, a.endDate);
        hire = { year, hoursInYear: inYear.hours === null ? null : Math.round(inYear.hours * 100) / 100, costInYearCents: inYear.cents, totalCostCents: whole.cents };
      }
      const row: AssignmentRow = {
        ...a,
        ...money,
        signals: a.deleted ? [] : assignmentSignals(a, money, moments, options.asOf, zzpFlagMonths),
        overdueMoments: moments.filter((m) => m.overdue).length,
        nextMoment: next ? { kind: next.kind, dueDate: next.dueDate } : null,
        formationPositionCode: a.formationPositionId === null ? null : (positionCodes.get(a.formationPositionId) ?? null),
        hire,
      };
      return { assignment: a, allocation, row, moments };
    });
}

export function listAssignments(
  wb: Workbook,
  input: { year?: number; status?: AssignmentStatus[]; kind?: string[]; hireOnly: boolean; includeDeleted: boolean; asOf?: string },
): AssignmentRow[] {
  wb.requireKind('department');
  return evaluate(wb, { asOf: input.asOf ?? today(), year: input.year, includeDeleted: input.includeDeleted })
    .map((e) => e.row)
    .filter((r) => (!input.status || input.status.includes(r.status)) && (!input.kind || input.kind.includes(r.kind)) && (!input.hireOnly || isHireKind(r.kind)));
}

function bottlenecksNaming(wb: Workbook, id: number, code: string): AssignmentDetail['bottlenecks'] {
  // Links of type external_hire name an assignment by its code, or by its id (links made before the
  // external hires moved into the register, which kept their ids).
  const rows = wb.all(
    wb.db
      .selectFrom('bottleneck_link as k')
      .innerJoin('bottleneck as b', 'b.id', 'k.bottleneck_id')
      .select(['b.id', 'b.identifier', 'b.title', 'b.status', 'k.link_key'])
      .where('k.link_type', '=', 'external_hire')
      .where('k.removed_at', 'is', null)
      .orderBy('b.identifier'),
  );
  const seen = new Set<number>();
  const result: AssignmentDetail['bottlenecks'] = [];
  for (const r of rows) {
    const key = r.link_key.trim().toUpperCase();
    if ((key === code || key === String(id)) && !seen.has(r.id)) {
      seen.add(r.id);
      result.push({ id: r.id, identifier: r.identifier, title: r.title, status: r.status });
    }
  }
  return result;
}

/** A bottleneck link of type external_hire (a code, or an id of the former external hire) as a readable label, or null. */
export function assignmentLinkLabel(wb: Workbook, key: string): string | null {
  const trimmed = key.trim().toUpperCase();
  const byCode = wb.first(wb.db.selectFrom('assignment').select(['code', 'title', 'kind']).where('code', '=', trimmed));
  const row = byCode ?? (/^\d+$/.test(trimmed) ? wb.first(wb.db.selectFrom('assignment').select(['code', 'title', 'kind']).where('id', '=', Number(trimmed))) : undefined);
  return row ? `${row.code} ${row.title} (${KIND_LABELS[row.kind]})` : null;
}

export function getAssignment(wb: Workbook, id: number, asOf = today()): AssignmentDetail {
  wb.requireKind('department');
  requireRow(wb, id);
  const [evaluated] = evaluate(wb, { asOf, ids: [id] });
  const { row, allocation, moments } = evaluated;
  const log = wb
    .all(wb.db.selectFrom('assignment_log').selectAll().where('assignment_id', '=', id).orderBy('date').orderBy('id'))
    .map((l) => ({ id: l.id, date: l.date, text: l.text, actor: l.actor, createdAt: l.created_at }));
  const ledger: AssignmentDetail['ledger'] = [
    ...allocation.ledger.counted.map(({ entry, match }) => ({ ...ledgerView(entry), match, alsoFits: [] })),
    ...allocation.ledger.ambiguous.map(({ entry, alsoFits }) => ({ ...ledgerView(entry), match: 'ambiguous' as const, alsoFits })),
  ].sort((a, b) => a.bookingDate.localeCompare(b.bookingDate) || a.id - b.id);
  const commitments: AssignmentDetail['commitments'] = [
    ...allocation.commitments.counted.map(({ entry, match }) => ({ ...commitmentView(entry), match, alsoFits: [] })),
    ...allocation.commitments.ambiguous.map(({ entry, alsoFits }) => ({ ...commitmentView(entry), match: 'ambiguous' as const, alsoFits })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const departmentLinks = wb
    .all(wb.db.selectFrom('assignment_department_link').selectAll().where('assignment_id', '=', id).orderBy('id'))
    .map((l) => ({ id: l.id, departmentCode: l.department_code, relation: l.relation, note: l.note, createdAt: l.created_at, removedAt: l.removed_at }));
  return {
    ...row,
    moments,
    log,
    ledger,
    commitments,
    departmentLinks,
    bottlenecks: bottlenecksNaming(wb, id, row.code),
    zzpFlagMonths: staffSettings(wb).zzpFlagMonths,
    asOf,
  };
}

function ledgerView(e: import('./money.ts').LedgerEntry) {
  return { id: e.id, bookingDate: e.date, costCentre: e.costCentre, account: e.account, description: e.description, document: e.document, counterparty: e.counterparty, amountCents: e.amountCents };
}

function commitmentView(e: import('./money.ts').CommitmentEntry) {
  return { id: e.id, date: e.date, costCentre: e.costCentre, account: e.account, supplier: e.counterparty ?? '', description: e.description, amountCents: e.amountCents, status: e.status };
}

// ── Validation ─────────────────────────────────────────────────────────────

/** The checks every way in (form, grid, import) applies; messages are Dutch and say what to do. */
export class AssignmentRules {
  private readonly costCentres: string[];
  private readonly departmentCode: string;

  constructor(private readonly wb: Workbook) {
    this.costCentres = wb.departmentCostCentres();
    this.departmentCode = wb.meta.department_code ?? '';
  }

  budgetLine(line: BudgetLineRef): string | null {
    if (!this.costCentres.includes(line.costCentre)) {
      return `begrotingsregel ${line.costCentre}/${line.account} hoort niet bij deze afdeling: kostenplaats ${line.costCentre} is geen kostenplaats van ${this.departmentCode} (${this.costCentres.join(', ')})`;
    }
    return null;
  }

  /** Null when the fields are consistent, else the first problem. */
  fields(fields: AssignmentFields): { reason: string; field: keyof AssignmentFields } | null {
    if (fields.endDate < fields.startDate) {
      return { field: 'endDate', reason: `einddatum ${formatDate(fields.endDate)} ligt vóór de begindatum ${formatDate(fields.startDate)}` };
    }
    if (!isHireKind(fields.kind)) {
      if (fields.hourlyRateCents !== null) return { field: 'hourlyRateCents', reason: `een uurtarief hoort alleen bij ZZP, inhuurbureau of detachering, niet bij ${KIND_LABELS[fields.kind].toLowerCase()}` };
      if (fields.hoursPerWeek !== null) return { field: 'hoursPerWeek', reason: `uren per week horen alleen bij ZZP, inhuurbureau of detachering, niet bij ${KIND_LABELS[fields.kind].toLowerCase()}` };
      if (fields.formationPositionId !== null) return { field: 'formationPositionId', reason: 'alleen inhuur (ZZP, inhuurbureau, detachering) kan op een formatieplaats staan' };
    }
    if (fields.formationPositionId !== null && !this.wb.first(this.wb.db.selectFrom('formation_position').select('id').where('id', '=', fields.formationPositionId))) {
      return { field: 'formationPositionId', reason: `formatieplaats ${fields.formationPositionId} bestaat niet` };
    }
    return null;
  }

  codeTaken(code: string, exceptId?: number): boolean {
    let query = this.wb.db.selectFrom('assignment').select('id').where('code', '=', code);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    return this.wb.first(query) !== undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkBudgetLines(rules: AssignmentRules, lines: BudgetLineRef[]): void {
  const seen = new Set<string>();
  for (const line of lines) {
    const problem = rules.budgetLine(line);
    if (problem) throw new ApiError('invalid_input', `${capitalise(problem)}.`);
    const key = `${line.costCentre}/${line.account}`;
    if (seen.has(key)) throw new ApiError('invalid_input', `Begrotingsregel ${key} staat twee keer in de lijst.`);
    seen.add(key);
  }
}

function checkFields(rules: AssignmentRules, fields: AssignmentFields): void {
  const problem = rules.fields(fields);
  if (problem) throw new ApiError('invalid_input', `Opdracht ${fields.code}: ${problem.reason}.`, { field: problem.field });
}

/** The next free OPD-<year>-<nnn>: numbers are never reused, also not after a deletion. */
export function nextCode(wb: Workbook, year: number): string {
  const prefix = `OPD-${year}-`;
  const codes = wb.all(wb.db.selectFrom('assignment').select('code').where('code', 'like', `${prefix}%`)).map((r) => Number(r.code.slice(prefix.length)));
  const next = Math.max(0, ...codes.filter(Number.isInteger)) + 1;
  return `${prefix}${String(next).padStart(3, '0')}`;
}

// ── Mutations ──────────────────────────────────────────────────────────────

export function writeLog(wb: Workbook, assignmentId: number, date: string, text: string): void {
  const values = { assignment_id: assignmentId, date, text, actor: wb.actor, created_at: nowIso() };
  const logId = Number(wb.run(wb.db.insertInto('assignment_log').values(values)).lastInsertRowid);
  wb.audit({ action: 'insert', table: 'assignment_log', rowId: logId, new: values });
}

function insertBudgetLines(wb: Workbook, assignmentId: number, lines: BudgetLineRef[]): void {
  lines.forEach((line, position) => {
    wb.run(wb.db.insertInto('assignment_budget_line').values({ assignment_id: assignmentId, cost_centre: line.costCentre, account: line.account, position }));
  });
}

/** Start on the start date, interim report halfway, acceptance on the end date, discharge a month after. */
export function standardMoments(startDate: string, endDate: string): Array<{ kind: MomentKind; dueDate: string }> {
  const days = Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000);
  return [
    { kind: 'start', dueDate: startDate },
    { kind: 'tussenrapportage', dueDate: addDays(startDate, Math.floor(days / 2)) },
    { kind: 'acceptatie', dueDate: endDate },
    { kind: 'decharge', dueDate: addDays(endDate, 30) },
  ];
}

export interface NewAssignment extends Omit<AssignmentFields, 'code'> {
  code?: string;
  budgetLines: BudgetLineRef[];
  standardMoments: boolean;
}

/**
 * Writes one assignment with its budget lines (and optionally the standard moments) inside the caller's
 * transaction; validates first, so nothing is written for bad input. Returns the new id.
 */
export function insertAssignment(wb: Workbook, input: NewAssignment, options: { batchId?: number; logText: string }): number {
  const rules = new AssignmentRules(wb);
  const { budgetLines: _lines, standardMoments: _moments, code: requestedCode, ...rest } = input;
  const code = requestedCode ?? nextCode(wb, Number(input.startDate.slice(0, 4)));
  const fields: AssignmentFields = { ...rest, code };
  checkBudgetLines(rules, input.budgetLines);
  checkFields(rules, fields);
  if (rules.codeTaken(code)) throw new ApiError('conflict', `Er is al een opdracht met code ${code}.`);
  const now = nowIso();
  return wb.tx(() => {
    const values = { ...(toColumns(fields) as Omit<Row, 'id' | 'import_batch_id' | 'deleted_at' | 'created_at' | 'updated_at'>), import_batch_id: options.batchId ?? null, deleted_at: null, created_at: now, updated_at: now };
    const id = Number(wb.run(wb.db.insertInto('assignment').values(values)).lastInsertRowid);
    insertBudgetLines(wb, id, input.budgetLines);
    wb.audit({ action: 'insert', table: 'assignment', rowId: id, new: { ...values, budgetLines: input.budgetLines } });
    if (input.standardMoments) {
      for (const m of standardMoments(input.startDate, input.endDate)) {
        wb.run(wb.db.insertInto('assignment_moment').values({ assignment_id: id, kind: m.kind, due_date: m.dueDate, outcome: null, decided_on: null, note: '', created_at: now, updated_at: now }));
      }
    }
    writeLog(wb, id, today(), options.logText);
    return id;
  });
}

export function createAssignment(wb: Workbook, input: NewAssignment): AssignmentDetail {
  wb.requireKind('department');
  const id = insertAssignment(wb, input, { logText: 'Opdracht vastgelegd.' });
  return getAssignment(wb, id);
}

export function updateAssignment(wb: Workbook, id: number, patch: AssignmentPatch): AssignmentRow {
  wb.requireKind('department');
  const row = requireRow(wb, id);
  const current = toFields(row);
  const next: AssignmentFields = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const rules = new AssignmentRules(wb);
  checkFields(rules, next);
  if (next.code !== current.code && rules.codeTaken(next.code, id)) throw new ApiError('conflict', `Er is al een opdracht met code ${next.code}.`);
  const currentColumns = toColumns(current);
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(toColumns(patch as Partial<AssignmentFields>))) {
    if (currentColumns[column] !== value) {
      old[column] = currentColumns[column];
      changes[column] = value;
    }
  }
  if (Object.keys(changes).length > 0) {
    wb.tx(() => {
      wb.run(wb.db.updateTable('assignment').set({ ...changes, updated_at: nowIso() }).where('id', '=', id));
      wb.audit({ action: 'update', table: 'assignment', rowId: id, old, new: changes });
      // The log tells the story of the assignment: status and ceiling changes belong in it.
      const notes: string[] = [];
      if ('status' in changes) notes.push(`Status ${STATUS_LABELS[current.status]} → ${STATUS_LABELS[next.status]}.`);
      if ('ceiling_cents' in changes) notes.push(`Plafond ${formatCents(current.ceilingCents)} → ${formatCents(next.ceilingCents)}.`);
      if ('end_date' in changes) notes.push(`Einddatum ${formatDate(current.endDate)} → ${formatDate(next.endDate)}.`);
      if (notes.length > 0) writeLog(wb, id, today(), notes.join(' '));
    });
  }
  return evaluate(wb, { asOf: today(), ids: [id] })[0].row;
}

export function deleteAssignment(wb: Workbook, id: number): void {
  wb.requireKind('department');
  const row = requireRow(wb, id);
  const now = nowIso();
  wb.tx(() => {
    wb.run(wb.db.updateTable('assignment').set({ deleted_at: now, updated_at: now }).where('id', '=', id));
    wb.audit({ action: 'delete', table: 'assignment', rowId: id, old: row, note: `Opdracht ${row.code} verwijderd (blijft bewaard als verwijderd)` });
  });
}

export function setBudgetLines(wb: Workbook, id: number, lines: BudgetLineRef[]): AssignmentDetail {
  wb.requireKind('department');
  const row = requireRow(wb, id);
  checkBudgetLines(new AssignmentRules(wb), lines);
  const old = wb.all(wb.db.selectFrom('assignment_budget_line').select(['cost_centre', 'account', 'position']).where('assignment_id', '=', id).orderBy('position'));
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('assignment_budget_line').where('assignment_id', '=', id));
    insertBudgetLines(wb, id, lines);
    wb.audit({ action: 'update', table: 'assignment_budget_line', rowId: id, old: old.map((l) => ({ costCentre: l.cost_centre, account: l.account })), new: lines, note: `Begrotingsregels van opdracht ${row.code}` });
    writeLog(wb, id, today(), `Betaald uit ${lines.map((l) => `${l.costCentre}/${l.account}`).join(', ')}.`);
  });
  return getAssignment(wb, id);
}

// ── Decision moments and the log ───────────────────────────────────────────

function requireMoment(wb: Workbook, momentId: number) {
  const moment = wb.first(wb.db.selectFrom('assignment_moment').selectAll().where('id', '=', momentId));
  if (!moment) throw new ApiError('not_found', `Beslismoment ${momentId} bestaat niet.`);
  requireRow(wb, moment.assignment_id);
  return moment;
}

export function addMoment(wb: Workbook, input: { id: number; kind: MomentKind; dueDate: string; note: string }): AssignmentDetail {
  wb.requireKind('department');
  requireRow(wb, input.id);
  const now = nowIso();
  wb.tx(() => {
    const values = { assignment_id: input.id, kind: input.kind, due_date: input.dueDate, outcome: null, decided_on: null, note: input.note, created_at: now, updated_at: now };
    const momentId = Number(wb.run(wb.db.insertInto('assignment_moment').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'assignment_moment', rowId: momentId, new: values });
  });
  return getAssignment(wb, input.id);
}

export function updateMoment(wb: Workbook, momentId: number, patch: { dueDate?: string; outcome?: MomentOutcome | null; decidedOn?: string | null; note?: string }): AssignmentDetail {
  wb.requireKind('department');
  const moment = requireMoment(wb, momentId);
  const outcome = patch.outcome === undefined ? moment.outcome : patch.outcome;
  if (outcome === null && patch.decidedOn) {
    throw new ApiError('invalid_input', 'Een datum van besluit hoort bij een uitkomst: kies ook de uitkomst (akkoord, bijsturen of niet akkoord).');
  }
  // Recording an outcome without a date means it was decided today; clearing the outcome clears the date.
  const decidedOn = outcome === null ? null : (patch.decidedOn ?? moment.decided_on ?? today());
  const next = { due_date: patch.dueDate ?? moment.due_date, outcome, decided_on: decidedOn, note: patch.note ?? moment.note };
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (moment[key as keyof typeof next] !== value) {
      old[key] = moment[key as keyof typeof next];
      changes[key] = value;
    }
  }
  if (Object.keys(changes).length > 0) {
    wb.tx(() => {
      wb.run(wb.db.updateTable('assignment_moment').set({ ...changes, updated_at: nowIso() }).where('id', '=', momentId));
      wb.audit({ action: 'update', table: 'assignment_moment', rowId: momentId, old, new: changes });
      if ('outcome' in changes && outcome !== null) {
        writeLog(wb, moment.assignment_id, decidedOn!, `${MOMENT_LABELS[moment.kind]}: ${OUTCOME_LABELS[outcome].toLowerCase()}${next.note ? ` — ${next.note}` : ''}.`);
      }
    });
  }
  return getAssignment(wb, moment.assignment_id);
}

export function deleteMoment(wb: Workbook, momentId: number): AssignmentDetail {
  wb.requireKind('department');
  const moment = requireMoment(wb, momentId);
  if (moment.outcome !== null) {
    throw new ApiError('conflict', `Over dit beslismoment (${MOMENT_LABELS[moment.kind]}, ${formatDate(moment.due_date)}) is al besloten; een genomen besluit blijft bewaard.`);
  }
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('assignment_moment').where('id', '=', momentId));
    wb.audit({ action: 'delete', table: 'assignment_moment', rowId: momentId, old: moment });
  });
  return getAssignment(wb, moment.assignment_id);
}

export function addLog(wb: Workbook, input: { id: number; date: string; text: string }): AssignmentDetail {
  wb.requireKind('department');
  requireRow(wb, input.id);
  wb.tx(() => writeLog(wb, input.id, input.date, input.text));
  return getAssignment(wb, input.id);
}

// ── Links by hand and to other departments ─────────────────────────────────

export function linkLedgerLine(wb: Workbook, id: number, ledgerLineId: number): AssignmentDetail {
  wb.requireKind('department');
  const row = requireRow(wb, id);
  const line = wb.first(wb.db.selectFrom('ledger_line').select(['id', 'booking_date', 'amount_cents', 'description']).where('id', '=', ledgerLineId));
  if (!line) throw new ApiError('not_found', `Boeking ${ledgerLineId} bestaat niet.`);
  const existing = wb.first(
    wb.db.selectFrom('assignment_ledger_link as k').innerJoin('assignment as a', 'a.id', 'k.assignment_id').select(['k.assignment_id', 'a.code']).where('k.ledger_line_id', '=', ledgerLineId),
  );
  if (existing?.assignment_id === id) return getAssignment(wb, id);
  if (existing) throw new ApiError('conflict', `Deze boeking is al met de hand gekoppeld aan opdracht ${existing.code}; ontkoppel haar daar eerst.`);
  wb.tx(() => {
    const values = { assignment_id: id, ledger_line_id: ledgerLineId, actor: wb.actor, created_at: nowIso() };
    const linkId = Number(wb.run(wb.db.insertInto('assignment_ledger_link').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'assignment_ledger_link', rowId: linkId, new: values, note: `Boeking van ${formatDate(line.booking_date)} (${formatCents(line.amount_cents)}) gekoppeld aan ${row.code}` });
  });
  return getAssignment(wb, id);
}

export function unlinkLedgerLine(wb: Workbook, id: number, ledgerLineId: number): AssignmentDetail {
  wb.requireKind('department');
  requireRow(wb, id);
  const link = wb.first(wb.db.selectFrom('assignment_ledger_link').selectAll().where('ledger_line_id', '=', ledgerLineId).where('assignment_id', '=', id));
  if (!link) throw new ApiError('not_found', `Boeking ${ledgerLineId} is niet met de hand aan deze opdracht gekoppeld.`);
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('assignment_ledger_link').where('id', '=', link.id));
    wb.audit({ action: 'delete', table: 'assignment_ledger_link', rowId: link.id, old: link });
  });
  return getAssignment(wb, id);
}

export function linkCommitment(wb: Workbook, id: number, commitmentId: number): AssignmentDetail {
  wb.requireKind('department');
  const row = requireRow(wb, id);
  const commitment = wb.first(wb.db.selectFrom('commitment').select(['id', 'supplier', 'amount_cents']).where('id', '=', commitmentId));
  if (!commitment) throw new ApiError('not_found', `Verplichting ${commitmentId} bestaat niet.`);
  const existing = wb.first(
    wb.db.selectFrom('assignment_commitment_link as k').innerJoin('assignment as a', 'a.id', 'k.assignment_id').select(['k.assignment_id', 'a.code']).where('k.commitment_id', '=', commitmentId),
  );
  if (existing?.assignment_id === id) return getAssignment(wb, id);
  if (existing) throw new ApiError('conflict', `Deze verplichting is al gekoppeld aan opdracht ${existing.code}; ontkoppel haar daar eerst.`);
  wb.tx(() => {
    const values = { assignment_id: id, commitment_id: commitmentId, actor: wb.actor, created_at: nowIso() };
    const linkId = Number(wb.run(wb.db.insertInto('assignment_commitment_link').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'assignment_commitment_link', rowId: linkId, new: values, note: `Verplichting ${commitment.supplier} (${formatCents(commitment.amount_cents)}) gekoppeld aan ${row.code}` });
  });
  return getAssignment(wb, id);
}

export function unlinkCommitment(wb: Workbook, id: number, commitmentId: number): AssignmentDetail {
  wb.requireKind('department');
  requireRow(wb, id);
  const link = wb.first(wb.db.selectFrom('assignment_commitment_link').selectAll().where('commitment_id', '=', commitmentId).where('assignment_id', '=', id));
  if (!link) throw new ApiError('not_found', `Verplichting ${commitmentId} is niet met de hand aan deze opdracht gekoppeld.`);
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('assignment_commitment_link').where('id', '=', link.id));
    wb.audit({ action: 'delete', table: 'assignment_commitment_link', rowId: link.id, old: link });
  });
  return getAssignment(wb, id);
}

export function ledgerCandidates(wb: Workbook, id: number, text: string, limit: number) {
  wb.requireKind('department');
  requireRow(wb, id);
  const all = evaluate(wb, { asOf: today() });
  const evaluated = all.find((e) => e.assignment.id === id)!;
  const counted = new Set(evaluated.allocation.ledger.counted.map((c) => c.entry.id));
  const refs = evaluated.assignment.budgetLines;
  if (refs.length === 0) return [];
  let query = wb.db
    .selectFrom('ledger_line as g')
    .innerJoin('budget_line as l', 'l.id', 'g.budget_line_id')
    .leftJoin('assignment_ledger_link as k', 'k.ledger_line_id', 'g.id')
    .leftJoin('assignment as a', 'a.id', 'k.assignment_id')
    .select(['g.id', 'g.booking_date', 'l.cost_centre', 'l.account', 'g.description', 'g.counterparty', 'g.amount_cents', 'a.code as linked_code'])
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('l.cost_centre', '=', r.costCentre), eb('l.account', '=', r.account)]))));
  if (text) {
    const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('g.description', 'like', like), eb('g.counterparty', 'like', like), eb('g.document', 'like', like)]));
  }
  const rows = wb.all(query.orderBy('g.booking_date').orderBy('g.id').limit(limit + counted.size));
  // Lines counted for another assignment by the rule are shown with that code too.
  const countsFor = new Map<number, string>();
  for (const e of all) for (const c of e.allocation.ledger.counted) countsFor.set(c.entry.id, e.row.code);
  return rows
    .filter((r) => !counted.has(r.id))
    .slice(0, limit)
    .map((r) => ({
      id: r.id,
      bookingDate: r.booking_date,
      costCentre: r.cost_centre,
      account: r.account,
      description: r.description,
      counterparty: r.counterparty,
      amountCents: r.amount_cents,
      countsFor: r.linked_code ?? countsFor.get(r.id) ?? null,
    }));
}

export function addDepartmentLink(wb: Workbook, input: { id: number; departmentCode: string; relation: LinkRelation; note: string }): AssignmentDetail {
  wb.requireKind('department');
  const row = requireRow(wb, input.id);
  const code = input.departmentCode.toUpperCase();
  if (code === wb.meta.department_code) throw new ApiError('invalid_input', `${code} is de eigen afdeling.`);
  const existing = wb.first(
    wb.db.selectFrom('assignment_department_link').select('id').where('assignment_id', '=', input.id).where('department_code', '=', code).where('removed_at', 'is', null),
  );
  if (existing) throw new ApiError('conflict', `${row.code} noemt afdeling ${code} al.`);
  wb.tx(() => {
    const values = { assignment_id: input.id, department_code: code, relation: input.relation, note: input.note, created_at: nowIso(), removed_at: null };
    const linkId = Number(wb.run(wb.db.insertInto('assignment_department_link').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'assignment_department_link', rowId: linkId, new: values });
  });
  return getAssignment(wb, input.id);
}

export function removeDepartmentLink(wb: Workbook, id: number, linkId: number): AssignmentDetail {
  wb.requireKind('department');
  requireRow(wb, id);
  const link = wb.first(wb.db.selectFrom('assignment_department_link').selectAll().where('id', '=', linkId).where('assignment_id', '=', id));
  if (!link) throw new ApiError('not_found', `Verwijzing ${linkId} hoort niet bij opdracht ${id}.`);
  if (link.removed_at) return getAssignment(wb, id);
  const removedAt = nowIso();
  wb.tx(() => {
    wb.run(wb.db.updateTable('assignment_department_link').set({ removed_at: removedAt }).where('id', '=', linkId));
    wb.audit({ action: 'update', table: 'assignment_department_link', rowId: linkId, old: { removed_at: null }, new: { removed_at: removedAt } });
  });
  return getAssignment(wb, id);
}

/**
 * The day a period's report judges decision moments on: its last day, or today while it still runs
 * (`judgementDay`, as Poortwachter steps are judged).
 */
export function asOfFor(period: Pick<Period, 'start' | 'end'>): string {
  return judgementDay(period, today());
}
