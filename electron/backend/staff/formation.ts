import { ApiError } from '../../../shared/api/errors.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { daysInMonth } from '../../../shared/domain/staff/calendar.ts';
import { occupationOn, type FormationPosition } from '../../../shared/domain/staff/formation.ts';
import type { OccupationMonth, OccupationView, PositionView } from '../../../shared/domain/staff/types.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { isEmployedOn } from '../../../shared/domain/staff/terms.ts';
import { latestTermsFrom, loadEmployees, StaffRules, updateTermsRow, type StoredTerms } from './employees.ts';
import { loadHires } from './hires/service.ts';
import { defaultDate, staffSettings } from './settings.ts';

type PositionRow = { id: number; code: string; function_title: string; salary_scale: number | null; fte: number; cost_centre: string; valid_from: string; valid_to: string | null; note: string };

function toPosition(row: PositionRow): FormationPosition & { note: string } {
  return {
    id: row.id,
    code: row.code,
    functionTitle: row.function_title,
    salaryScale: row.salary_scale,
    fte: row.fte,
    costCentre: row.cost_centre,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    note: row.note,
  };
}

export function loadPositions(wb: Workbook): Array<FormationPosition & { note: string }> {
  return wb.all(wb.db.selectFrom('formation_position').selectAll().orderBy('cost_centre').orderBy('code')).map(toPosition);
}

export function occupation(wb: Workbook, date = defaultDate(wb)): OccupationView {
  const { normalWeekHours } = staffSettings(wb);
  const result = occupationOn(date, loadPositions(wb), loadEmployees(wb), normalWeekHours, loadHires(wb));
  const names = new Map(wb.all(wb.db.selectFrom('cost_centre').select(['code', 'name'])).map((c) => [c.code, c.name]));
  return { ...result, costCentres: result.costCentres.map((c) => ({ ...c, name: names.get(c.costCentre) ?? '' })) };
}

export function listPositions(wb: Workbook, date = defaultDate(wb)): PositionView[] {
  const positions = loadPositions(wb);
  const { normalWeekHours } = staffSettings(wb);
  const result = occupationOn(date, positions, loadEmployees(wb), normalWeekHours, loadHires(wb));
  const byId = new Map(result.positions.map((p) => [p.positionId, p]));
  return positions.map((p) => {
    const occ = byId.get(p.id) ?? null;
    return { ...p, occupation: occ, status: occ ? occ.status : 'notValid' };
  });
}

function positionView(wb: Workbook, id: number, date?: string): PositionView {
  const view = listPositions(wb, date).find((p) => p.id === id);
  if (!view) throw new ApiError('not_found', `Formatieplaats ${id} bestaat niet.`);
  return view;
}

/** Month-end figures for a year: the formation-vs-occupation line municipal interim reports show. */
export function timeline(wb: Workbook, year = wb.meta.fiscal_year): OccupationMonth[] {
  const positions = loadPositions(wb);
  const employees = loadEmployees(wb);
  const hires = loadHires(wb);
  const { normalWeekHours } = staffSettings(wb);
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const date = `${month}-${String(daysInMonth(year, i + 1)).padStart(2, '0')}`;
    return { month, date, total: occupationOn(date, positions, employees, normalWeekHours, hires).total };
  });
}

interface PositionInput {
  code: string;
  functionTitle: string;
  salaryScale: number | null;
  fte: number;
  costCentre: string;
  validFrom: string;
  validTo: string | null;
  note: string;
}

function checkPosition(wb: Workbook, input: PositionInput, id?: number): void {
  new StaffRules(wb).costCentre(input.costCentre);
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw new ApiError('invalid_input', `Einddatum (${formatDate(input.validTo)}) ligt vóór de begindatum (${formatDate(input.validFrom)}) van de formatieplaats.`, { field: 'validTo' });
  }
  const other = wb.first(wb.db.selectFrom('formation_position').select('id').where('code', '=', input.code));
  if (other && other.id !== id) throw new ApiError('conflict', `Er is al een formatieplaats met code ${input.code}.`, { field: 'code' });
}

const columns = {
  code: 'code',
  functionTitle: 'function_title',
  salaryScale: 'salary_scale',
  fte: 'fte',
  costCentre: 'cost_centre',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  note: 'note',
} as const;

function toColumns(input: Partial<PositionInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) out[columns[key as keyof PositionInput]] = value;
  return out;
}

/**
 * One position as a list gives it (the formation import): a new code is inserted, a known code gets
 * the values that changed, with the same checks as the form. Runs inside the caller's transaction.
 */
export function writePosition(wb: Workbook, input: PositionInput, note: string): 'new' | 'updated' | 'duplicate' {
  const row = wb.first(wb.db.selectFrom('formation_position').selectAll().where('code', '=', input.code));
  if (!row) {
    checkPosition(wb, input);
    const now = nowIso();
    const values = { ...(toColumns(input) as Omit<PositionRow, 'id'>), created_at: now, updated_at: now };
    const id = Number(wb.run(wb.db.insertInto('formation_position').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'formation_position', rowId: id, new: values, note });
    return 'new';
  }
  const current = toPosition(row);
  checkPosition(wb, input, row.id);
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  const currentColumns = toColumns(current);
  for (const [column, value] of Object.entries(toColumns(input))) {
    if (currentColumns[column] !== value) {
      old[column] = currentColumns[column];
      changes[column] = value;
    }
  }
  if (Object.keys(changes).length === 0) return 'duplicate';
  if ('cost_centre' in changes && linkedTerms(wb, row.id).length > 0) {
    throw new ApiError('conflict', `Formatieplaats ${current.code} is gekoppeld aan medewerkers op kostenplaats ${current.costCentre}; maak een nieuwe formatieplaats op de andere kostenplaats.`);
  }
  wb.run(wb.db.updateTable('formation_position').set({ ...changes, updated_at: nowIso() }).where('id', '=', row.id));
  wb.audit({ action: 'update', table: 'formation_position', rowId: row.id, old, new: changes, note });
  return 'updated';
}

/** `date`: the day the returned occupation is for (default: today within the fiscal year). */
export function createPosition(wb: Workbook, input: PositionInput, date?: string): PositionView {
  wb.requireKind('department');
  checkPosition(wb, input);
  const now = nowIso();
  const id = wb.tx(() => {
    const values = { ...(toColumns(input) as Omit<PositionRow, 'id'>), created_at: now, updated_at: now };
    const newId = Number(wb.run(wb.db.insertInto('formation_position').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'formation_position', rowId: newId, new: values });
    return newId;
  });
  return positionView(wb, id, date);
}

/** Terms rows that point to a position, for the checks that keep those links valid. */
function linkedTerms(wb: Workbook, positionId: number) {
  return wb.all(
    wb.db
      .selectFrom('employee_terms as t')
      .innerJoin('employee as e', 'e.id', 't.employee_id')
      .select(['t.id', 't.valid_from', 't.cost_centre', 'e.personnel_number'])
      .where('t.formation_position_id', '=', positionId),
  );
}

export function updatePosition(wb: Workbook, id: number, patch: Partial<PositionInput>, date?: string): PositionView {
  wb.requireKind('department');
  const row = wb.first(wb.db.selectFrom('formation_position').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `Formatieplaats ${id} bestaat niet.`);
  const current = toPosition(row);
  const next: PositionInput = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  checkPosition(wb, next, id);
  if (next.costCentre !== current.costCentre) {
    const linked = linkedTerms(wb, id);
    if (linked.length > 0) {
      throw new ApiError('conflict', `Formatieplaats ${current.code} is gekoppeld aan medewerker(s) ${[...new Set(linked.map((l) => l.personnel_number))].join(', ')} op kostenplaats ${current.costCentre}; maak een nieuwe formatieplaats op de andere kostenplaats.`);
    }
  }
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  const currentColumns = toColumns(current);
  for (const [column, value] of Object.entries(toColumns(patch))) {
    if (currentColumns[column] !== value) {
      old[column] = currentColumns[column];
      changes[column] = value;
    }
  }
  if (Object.keys(changes).length > 0) {
    wb.tx(() => {
      wb.run(wb.db.updateTable('formation_position').set({ ...changes, updated_at: nowIso() }).where('id', '=', id));
      wb.audit({ action: 'update', table: 'formation_position', rowId: id, old, new: changes });
    });
  }
  return positionView(wb, id, date);
}

export function deletePosition(wb: Workbook, id: number): void {
  wb.requireKind('department');
  const row = wb.first(wb.db.selectFrom('formation_position').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `Formatieplaats ${id} bestaat niet.`);
  const linked = linkedTerms(wb, id);
  const hires = wb.all(wb.db.selectFrom('assignment').select('id').where('formation_position_id', '=', id).where('deleted_at', 'is', null));
  if (linked.length > 0 || hires.length > 0) {
    throw new ApiError(
      'conflict',
      `Formatieplaats ${row.code} is gekoppeld aan ${linked.length} arbeidsvoorwaarden en ${hires.length} inhuur en kan daarom niet worden verwijderd. Geef een einddatum op als de plaats vervalt.`,
    );
  }
  wb.tx(() => {
    wb.run(wb.db.deleteFrom('formation_position').where('id', '=', id));
    wb.audit({ action: 'delete', table: 'formation_position', rowId: id, old: row });
  });
}

export type MatchChoice = { kind: 'position'; positionId: number } | { kind: 'none' } | { kind: 'auto' };

const MATCH_NOTES: Record<MatchChoice['kind'], string> = {
  position: 'Formatieplaats gekoppeld',
  none: 'Op geen formatieplaats',
  auto: 'Formatieplaats weer volgens functie en kostenplaats',
};

/**
 * The head's correction of a match (staff/matching): the terms row in force on `date` and every later
 * row on the same cost centre get the chosen position, "no position", or neither (matched by function
 * title again). Earlier terms keep what they had: a correction is about now, not about the past.
 */
export function setPositionMatch(wb: Workbook, employeeId: number, date: string, choice: MatchChoice): OccupationView {
  wb.requireKind('department');
  const [employee] = loadEmployees(wb, [employeeId]);
  if (!employee) throw new ApiError('not_found', `Medewerker ${employeeId} bestaat niet.`);
  const first = latestTermsFrom(employee, date);
  if (!first || !isEmployedOn(employee, date)) throw new ApiError('invalid_input', `Medewerker ${employee.personnelNumber} is op ${formatDate(date)} niet in dienst.`);
  const affected: StoredTerms[] = [];
  for (const row of employee.terms) {
    if (row.validFrom < first.validFrom) continue;
    if (row.costCentre !== first.costCentre) break;
    affected.push(row);
  }
  if (choice.kind === 'position') new StaffRules(wb).position(choice.positionId, first.costCentre, first.validFrom);
  wb.tx(() => {
    for (const row of affected) {
      const { id: _id, validFrom: _from, ...old } = row;
      updateTermsRow(wb, row, { ...old, formationPositionId: choice.kind === 'position' ? choice.positionId : null, noPosition: choice.kind === 'none' }, MATCH_NOTES[choice.kind]);
    }
  });
  return occupation(wb, date);
}
