import { ApiError } from '../../../../shared/api/errors.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { dbaFlags, hireCostBetween, type ExternalHire, type HireKind } from '../../../../shared/domain/staff/hires.ts';
import type { HireView } from '../../../../shared/domain/staff/types.ts';
import { nowIso, type Workbook } from '../../workbook/workbook.ts';
import { staffSettings } from '../settings.ts';
import type { ExternalHireTable } from './tables.ts';
import type { Selectable } from 'kysely';

/**
 * External hire (inhuur derden). Its own module on purpose: the assignments register of a later issue
 * will take these rows over, and nothing outside this folder reads the table directly.
 */

type Row = Selectable<ExternalHireTable>;

function toHire(row: Row): ExternalHire {
  return {
    id: row.id,
    kind: row.kind,
    contractor: row.contractor,
    personName: row.person_name,
    assignment: row.assignment,
    agreedResult: row.agreed_result,
    commissioner: row.commissioner,
    costCentre: row.cost_centre,
    account: row.account,
    hourlyRateCents: row.hourly_rate_cents,
    hoursPerWeek: row.hours_per_week,
    startDate: row.start_date,
    endDate: row.end_date,
    formationPositionId: row.formation_position_id,
    note: row.note,
  };
}

/** Hires not deleted, overlapping the span (or all of them). */
export function loadHires(wb: Workbook, span?: { start: string; end: string }): ExternalHire[] {
  let query = wb.db.selectFrom('external_hire').selectAll().where('deleted_at', 'is', null);
  if (span) query = query.where('start_date', '<=', span.end).where('end_date', '>=', span.start);
  return wb.all(query.orderBy('start_date').orderBy('id')).map(toHire);
}

function view(wb: Workbook, row: Row, year: number, codes: Map<number, string>, flagMonths: number): HireView {
  const hire = toHire(row);
  const inYear = hireCostBetween(hire, `${year}-01-01`, `${year}-12-31`);
  const whole = hireCostBetween(hire, hire.startDate, hire.endDate);
  return {
    ...hire,
    formationPositionCode: hire.formationPositionId === null ? null : (codes.get(hire.formationPositionId) ?? null),
    year,
    hoursInYear: Math.round(inYear.hours * 100) / 100,
    costInYearCents: inYear.cents,
    totalHours: Math.round(whole.hours * 100) / 100,
    totalCostCents: whole.cents,
    dbaFlags: dbaFlags(hire, flagMonths),
    deleted: row.deleted_at !== null,
  };
}

function positionCodes(wb: Workbook): Map<number, string> {
  return new Map(wb.all(wb.db.selectFrom('formation_position').select(['id', 'code'])).map((p) => [p.id, p.code]));
}

export function listHires(wb: Workbook, input: { year?: number; includeDeleted: boolean }): HireView[] {
  const year = input.year ?? wb.meta.fiscal_year;
  let query = wb.db.selectFrom('external_hire').selectAll();
  if (!input.includeDeleted) query = query.where('deleted_at', 'is', null);
  const codes = positionCodes(wb);
  const { zzpFlagMonths } = staffSettings(wb);
  return wb.all(query.orderBy('start_date').orderBy('id')).map((row) => view(wb, row, year, codes, zzpFlagMonths));
}

function getHire(wb: Workbook, id: number): HireView {
  const row = wb.first(wb.db.selectFrom('external_hire').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `Inhuur ${id} bestaat niet.`);
  return view(wb, row, wb.meta.fiscal_year, positionCodes(wb), staffSettings(wb).zzpFlagMonths);
}

export interface HireInput {
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

const columns: Record<keyof HireInput, keyof Row> = {
  kind: 'kind',
  contractor: 'contractor',
  personName: 'person_name',
  assignment: 'assignment',
  agreedResult: 'agreed_result',
  commissioner: 'commissioner',
  costCentre: 'cost_centre',
  account: 'account',
  hourlyRateCents: 'hourly_rate_cents',
  hoursPerWeek: 'hours_per_week',
  startDate: 'start_date',
  endDate: 'end_date',
  formationPositionId: 'formation_position_id',
  note: 'note',
};

function toColumns(input: Partial<HireInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) out[columns[key as keyof HireInput]] = value;
  return out;
}

function check(wb: Workbook, hire: HireInput): void {
  if (!wb.departmentCostCentres().includes(hire.costCentre)) {
    throw new ApiError('invalid_input', `Kostenplaats ${hire.costCentre} hoort niet bij deze afdeling (${wb.departmentCostCentres().join(', ')}).`);
  }
  if (hire.endDate < hire.startDate) {
    throw new ApiError('invalid_input', `Einddatum (${formatDate(hire.endDate)}) ligt vóór de begindatum (${formatDate(hire.startDate)}) van de inhuur.`);
  }
  if (hire.formationPositionId !== null) {
    const position = wb.first(wb.db.selectFrom('formation_position').select(['id', 'cost_centre', 'code']).where('id', '=', hire.formationPositionId));
    if (!position) throw new ApiError('invalid_input', `Formatieplaats ${hire.formationPositionId} bestaat niet.`);
  }
}

export function createHire(wb: Workbook, input: HireInput): HireView {
  wb.requireKind('department');
  check(wb, input);
  const now = nowIso();
  const id = wb.tx(() => {
    const values = { ...(toColumns(input) as Omit<Row, 'id' | 'deleted_at' | 'created_at' | 'updated_at'>), deleted_at: null, created_at: now, updated_at: now };
    const newId = Number(wb.run(wb.db.insertInto('external_hire').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'external_hire', rowId: newId, new: values });
    return newId;
  });
  return getHire(wb, id);
}

export function updateHire(wb: Workbook, id: number, patch: Partial<HireInput>): HireView {
  wb.requireKind('department');
  const row = wb.first(wb.db.selectFrom('external_hire').selectAll().where('id', '=', id));
  if (!row || row.deleted_at !== null) throw new ApiError('not_found', `Inhuur ${id} bestaat niet (meer).`);
  const current = toHire(row);
  const { id: _id, ...currentInput } = current;
  const next: HireInput = { ...currentInput, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  check(wb, next);
  const currentColumns = toColumns(currentInput);
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(toColumns(patch))) {
    if (currentColumns[column] !== value) {
      old[column] = currentColumns[column];
      changes[column] = value;
    }
  }
  if (Object.keys(changes).length > 0) {
    wb.tx(() => {
      wb.run(wb.db.updateTable('external_hire').set({ ...changes, updated_at: nowIso() }).where('id', '=', id));
      wb.audit({ action: 'update', table: 'external_hire', rowId: id, old, new: changes });
    });
  }
  return getHire(wb, id);
}

export function deleteHire(wb: Workbook, id: number): void {
  wb.requireKind('department');
  const row = wb.first(wb.db.selectFrom('external_hire').selectAll().where('id', '=', id));
  if (!row || row.deleted_at !== null) throw new ApiError('not_found', `Inhuur ${id} bestaat niet (meer).`);
  const now = nowIso();
  wb.tx(() => {
    wb.run(wb.db.updateTable('external_hire').set({ deleted_at: now, updated_at: now }).where('id', '=', id));
    wb.audit({ action: 'delete', table: 'external_hire', rowId: id, old: row, note: 'Inhuur verwijderd (blijft bewaard als verwijderd)' });
  });
}
