import type { Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import { parsePeriod, type Period } from '../../../shared/domain/period.ts';
import type { CentralDepartment, CentralPeriod } from '../../../shared/exchange/central.ts';
import { formatPeriod } from '../../../shared/format/nl.ts';
import { getSettings } from '../workbook/settings.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import type { CentralDepartmentKeyTable, CentralDepartmentTable } from './tables.ts';

export function requireCentral(wb: Workbook): void {
  wb.requireKind('central-hr', 'central-finance');
}

export function centralPackageKind(wb: Workbook): 'finance-summary' | 'hr-summary' {
  return wb.meta.kind === 'central-hr' ? 'hr-summary' : 'finance-summary';
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function defaultDueDate(wb: Workbook, period: Period): string {
  return addDays(period.end, getSettings(wb).deliveryDueDays);
}

function requirePeriod(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw new ApiError('invalid_input', `Periode "${code}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  return period;
}

// The lookups below run for every package a central import receives (hundreds in one batch), so they
// are prepared statements rather than kysely queries built and compiled each time.

export function listPeriods(wb: Workbook): CentralPeriod[] {
  return wb.statement('SELECT period, due_date AS dueDate FROM central_period ORDER BY period').all() as CentralPeriod[];
}

export function findDepartment(wb: Workbook, code: string): CentralDepartmentTable | undefined {
  return wb.statement('SELECT * FROM central_department WHERE code = ?').get(code) as CentralDepartmentTable | undefined;
}

/** Adds a period to the delivery calendar or changes its due date; audited. */
export function savePeriod(wb: Workbook, code: string, dueDate: string, expectFromAll: boolean): void {
  requireCentral(wb);
  const period = requirePeriod(code);
  const now = nowIso();
  wb.tx(() => {
    const old = wb.first(wb.db.selectFrom('central_period').selectAll().where('period', '=', period.code));
    if (old) {
      if (old.due_date === dueDate) return;
      wb.run(wb.db.updateTable('central_period').set({ due_date: dueDate, updated_at: now }).where('period', '=', period.code));
      wb.audit({ action: 'update', table: 'central_period', rowId: period.code, old: { dueDate: old.due_date }, new: { dueDate } });
      return;
    }
    wb.run(wb.db.insertInto('central_period').values({ period: period.code, due_date: dueDate, created_at: now, updated_at: now }));
    wb.audit({ action: 'insert', table: 'central_period', rowId: period.code, new: { period: period.code, dueDate } });
    if (expectFromAll) {
      for (const d of wb.all(wb.db.selectFrom('central_department').select('code').where('active', '=', 1))) {
        wb.run(wb.db.insertInto('central_expected').values({ department_code: d.code, period: period.code, created_at: now }).onConflict((oc) => oc.doNothing()));
      }
    }
  });
}

/** The periods a new central workbook expects: each month, quarter or the whole fiscal year, per the setting. */
export function seedCalendar(wb: Workbook): void {
  if (wb.meta.kind === 'department' || listPeriods(wb).length > 0) return;
  const year = wb.meta.fiscal_year;
  const kind = getSettings(wb).deliveryPeriodKind;
  const codes =
    kind === 'year' ? [String(year)] : kind === 'quarter' ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`) : Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  wb.tx(() => {
    for (const code of codes) savePeriod(wb, code, defaultDueDate(wb, requirePeriod(code)), false);
  });
}

export function listDepartments(wb: Workbook): CentralDepartment[] {
  requireCentral(wb);
  const departments = wb.all(wb.db.selectFrom('central_department').selectAll().orderBy('code'));
  const keys = new Map(wb.all(wb.db.selectFrom('central_department_key').selectAll().where('retired_at', 'is', null)).map((k) => [k.department_code, k]));
  const expected = wb.all(wb.db.selectFrom('central_expected').select(['department_code', 'period']).orderBy('period'));
  const counts = new Map(
    wb.all(wb.db.selectFrom('central_package').select(['department_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('department_code')).map((r) => [r.department_code, Number(r.n)]),
  );
  return departments.map((d) => {
    const key = keys.get(d.code);
    return {
      code: d.code,
      name: d.name,
      active: d.active === 1,
      fingerprint: key?.fingerprint ?? null,
      keySource: key?.source ?? null,
      keyRegisteredAt: key?.registered_at ?? null,
      expectedPeriods: expected.filter((e) => e.department_code === d.code).map((e) => e.period),
      packages: counts.get(d.code) ?? 0,
    };
  });
}

export function getDepartment(wb: Workbook, code: string): CentralDepartment {
  const found = listDepartments(wb).find((d) => d.code === code);
  if (!found) throw new ApiError('not_found', `Afdeling ${code} is niet geregistreerd in dit centrale werkboek.`);
  return found;
}

export function currentDepartmentKey(wb: Workbook, code: string): Selectable<CentralDepartmentKeyTable> | undefined {
  return wb.statement('SELECT * FROM central_department_key WHERE department_code = ? AND retired_at IS NULL').get(code) as Selectable<CentralDepartmentKeyTable> | undefined;
}

/** The other department whose current key this is, if any: each department has its own key. */
export function keyOwnerOtherThan(wb: Workbook, fingerprint: string, code: string): string | null {
  const row = wb.statement('SELECT department_code FROM central_department_key WHERE fingerprint = ? AND retired_at IS NULL AND department_code != ?').get(fingerprint, code) as
    | { department_code: string }
    | undefined;
  return row?.department_code ?? null;
}

/**
 * Registers a department with its public key, or replaces the key of a known one (the old key is
 * retired, kept as history, and packages signed with it are refused from now on). Runs inside the
 * caller's transaction when there is one.
 */
export function registerDepartment(
  wb: Workbook,
  input: { code: string; name?: string; publicKey: string; fingerprint: string; source: 'key-file' | 'first-import'; periods?: string[] },
): void {
  requireCentral(wb);
  // Here and not in the callers, so no way of registering (key file, first import) can skip it: one
  // department's key must not also sign for another, or its head could deliver in that one's name.
  const owner = keyOwnerOtherThan(wb, input.fingerprint, input.code);
  if (owner) throw new ApiError('conflict', `Deze sleutel is al geregistreerd voor afdeling ${owner}; elke afdeling heeft haar eigen sleutel.`);
  const now = nowIso();
  const calendar = listPeriods(wb).map((p) => p.period);
  const periods = input.periods ?? calendar;
  for (const p of periods) {
    if (!calendar.includes(p)) {
      throw new ApiError('invalid_input', `Periode ${p} (${formatPeriod(p)}) staat niet in de leveringskalender; voeg haar eerst toe met een uiterste datum.`);
    }
  }
  wb.tx(() => {
    const existing = findDepartment(wb, input.code);
    if (!existing) {
      const values = { code: input.code, name: input.name ?? '', active: 1, created_at: now, updated_at: now };
      wb.statement('INSERT INTO central_department (code, name, active, created_at, updated_at) VALUES (@code, @name, @active, @created_at, @updated_at)').run(values);
      wb.audit({ action: 'insert', table: 'central_department', rowId: input.code, new: values });
      const expect = wb.statement('INSERT INTO central_expected (department_code, period, created_at) VALUES (?, ?, ?)');
      for (const p of periods) expect.run(input.code, p, now);
    } else {
      if (input.name && input.name !== existing.name) {
        wb.run(wb.db.updateTable('central_department').set({ name: input.name, updated_at: now }).where('code', '=', input.code));
        wb.audit({ action: 'update', table: 'central_department', rowId: input.code, old: { name: existing.name }, new: { name: input.name } });
      }
      if (input.periods) setExpectedPeriods(wb, input.code, input.periods);
    }
    const oldKey = currentDepartmentKey(wb, input.code);
    if (oldKey?.fingerprint === input.fingerprint) return;
    if (oldKey) {
      wb.run(wb.db.updateTable('central_department_key').set({ retired_at: now }).where('id', '=', oldKey.id));
      wb.audit({ action: 'update', table: 'central_department_key', rowId: oldKey.id, old: { fingerprint: oldKey.fingerprint, retiredAt: null }, new: { retiredAt: now }, note: `Sleutel van afdeling ${input.code} vervangen` });
    }
    const keyValues = { department_code: input.code, public_key: input.publicKey, fingerprint: input.fingerprint, source: input.source, registered_at: now, registered_by: wb.actor, retired_at: null };
    const id = Number(
      wb
        .statement(
          'INSERT INTO central_department_key (department_code, public_key, fingerprint, source, registered_at, registered_by, retired_at) VALUES (@department_code, @public_key, @fingerprint, @source, @registered_at, @registered_by, @retired_at)',
        )
        .run(keyValues).lastInsertRowid,
    );
    wb.audit({
      action: 'insert',
      table: 'central_department_key',
      rowId: id,
      new: keyValues,
      note: input.source === 'first-import' ? `Sleutel van afdeling ${input.code} vertrouwd bij de eerste import, na bevestiging` : `Sleutel van afdeling ${input.code} geregistreerd uit een sleutelbestand`,
    });
  });
}

export function setExpectedPeriods(wb: Workbook, department: string, periods: string[]): void {
  requireCentral(wb);
  getDepartment(wb, department);
  const calendar = listPeriods(wb).map((p) => p.period);
  const unknown = periods.filter((p) => !calendar.includes(p));
  if (unknown.length > 0) throw new ApiError('invalid_input', `Periode ${unknown.join(', ')} staat niet in de leveringskalender; voeg haar eerst toe met een uiterste datum.`);
  const now = nowIso();
  wb.tx(() => {
    const old = wb.all(wb.db.selectFrom('central_expected').select('period').where('department_code', '=', department)).map((r) => r.period);
    const wanted = [...new Set(periods)].sort();
    if (old.slice().sort().join() === wanted.join()) return;
    wb.run(wb.db.deleteFrom('central_expected').where('department_code', '=', department));
    for (const p of wanted) wb.run(wb.db.insertInto('central_expected').values({ department_code: department, period: p, created_at: now }));
    wb.audit({ action: 'update', table: 'central_expected', rowId: department, old: { periods: old }, new: { periods: wanted } });
  });
}
