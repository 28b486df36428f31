import type Database from 'better-sqlite3';
import type { SettingsPatch } from '../../shared/domain/settings.ts';
import path from 'node:path';
import { expect } from 'vitest';
import type { WerkboekClient } from '../../shared/api/index.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import type { Session } from '../../electron/backend/session.ts';
import { sample, writeTemp } from './workbook.ts';

export const ORGANISATION = 'Gemeente Voorbeeld';

export interface BudgetSpec {
  costCentre: string;
  account: string;
  accountName: string;
  kind?: 'lasten' | 'baten';
  primitiveCents: number;
  revisionCents?: number;
  commitmentCents?: number;
  expectedCents?: number;
  /** The head's own forecast of the line, with its note. */
  forecastOverrideCents?: number;
  forecastNote?: string;
  explanation?: string;
}

export interface DepartmentHandle {
  code: string;
  client: WerkboekClient;
  session: Session;
  file: string;
  dataDir: string;
}

/**
 * A department workbook on its own "laptop" (its own data folder, so its own key vault), with budget
 * lines, revisions, commitments and a small ledger whose totals a test can compute by hand.
 */
export async function departmentWithBudget(
  dir: string,
  code: string,
  name: string,
  lines: BudgetSpec[],
  ledger: Array<{ date: string; costCentre: string; account: string; amount: string }>,
  organisation = ORGANISATION,
  settings?: SettingsPatch,
): Promise<DepartmentHandle> {
  const dataDir = path.join(dir, `laptop-${code}`);
  const { client, session } = createLocalClient({ dataDir });
  const file = path.join(dir, `${code}.werkboek`);
  const costCentres = [...new Set(lines.map((l) => l.costCentre))].map((cc) => ({ code: cc, name: `Kostenplaats ${cc}`, taakveld: null }));
  await client.workbook.create({ path: file, kind: 'department', organisation, departmentCode: code, departmentName: name, fiscalYear: 2027, owner: `Hoofd ${code}`, costCentres });
  for (const spec of lines) {
    const line = await client.budget.createLine({ year: 2027, costCentre: spec.costCentre, account: spec.account, accountName: spec.accountName, kind: spec.kind ?? 'lasten', primitiveCents: spec.primitiveCents });
    if (spec.revisionCents) await client.budget.addRevision({ budgetLineId: line.id, date: '2027-02-01', amountCents: spec.revisionCents, reason: 'Raadsbesluit' });
    if (spec.commitmentCents) await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Leverancier BV', amountCents: spec.commitmentCents, date: '2027-03-01' });
    if (spec.expectedCents || spec.explanation || spec.forecastOverrideCents !== undefined) {
      await client.budget.updateLine({
        id: line.id,
        patch: {
          ...(spec.expectedCents ? { expectedCents: spec.expectedCents } : {}),
          ...(spec.explanation ? { explanation: spec.explanation } : {}),
          ...(spec.forecastOverrideCents !== undefined ? { forecastOverrideCents: spec.forecastOverrideCents, forecastNote: spec.forecastNote ?? null } : {}),
        },
      });
    }
  }
  if (settings) await client.workbook.updateSettings(settings);
  if (ledger.length > 0) {
    const csv = ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', ...ledger.map((l) => `${l.date};${l.costCentre};${l.account};Boeking;${l.amount}`)].join('\r\n');
    const input = writeTemp(dir, `ledger-${code}.csv`, csv);
    await client.import.commit({ kind: 'ledger', source: { path: input }, strict: true });
  }
  return { code, client, session, file, dataDir };
}

export async function centralWorkbook(dir: string, kind: 'central-finance' | 'central-hr', organisation = ORGANISATION) {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, `central-${kind}`) });
  const file = path.join(dir, `${kind}.werkboek`);
  await client.workbook.create({ path: file, kind, organisation, fiscalYear: 2027, owner: 'Concerncontrol' });
  return { client, session, file };
}

/** Inserts employees straight into the staff tables, for tests that only need people to exist (the privacy scan); createStaff goes through the staff API. */
export function insertEmployees(d: { session: Session }, costCentre: string, staff: Array<{ personnelNumber: string; first: string; infix: string; last: string; hours?: number }>): void {
  const sqlite = d.session.workbook!.sqlite;
  const now = new Date().toISOString();
  const employee = sqlite.prepare('INSERT INTO employee (personnel_number, first_name, infix, last_name, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)');
  const terms = sqlite.prepare(
    "INSERT INTO employee_terms (employee_id, valid_from, function_title, salary_scale, salary_step, hours_per_week, cost_centre, contract_type, created_at, updated_at) VALUES (?, '2020-01-01', 'Beleidsmedewerker', 10, 5, ?, ?, 'vast', ?, ?)",
  );
  for (const s of staff) {
    const id = Number(employee.run(s.personnelNumber, s.first, s.infix, s.last, '2020-01-01', now, now).lastInsertRowid);
    terms.run(id, s.hours ?? 36, costCentre, now, now);
  }
}

/** A department workbook with cost centres and no budget, on its own "laptop" (data folder, key vault). */
export async function hrDepartment(dir: string, code: string, name: string, costCentres: string[], organisation = ORGANISATION): Promise<DepartmentHandle> {
  const dataDir = path.join(dir, `laptop-${code}`);
  const { client, session } = createLocalClient({ dataDir });
  const file = path.join(dir, `${code}.werkboek`);
  await client.workbook.create({
    path: file,
    kind: 'department',
    organisation,
    departmentCode: code,
    departmentName: name,
    fiscalYear: 2027,
    owner: `Hoofd ${code}`,
    costCentres: costCentres.map((cc) => ({ code: cc, name: `Kostenplaats ${cc}`, taakveld: null })),
  });
  return { code, client, session, file, dataDir };
}

export interface StaffSpec {
  personnelNumber: string;
  lastName: string;
  hours: number;
  costCentre: string;
  start?: string;
  end?: string | null;
  positionId?: number | null;
}

/** Employees created through the staff API, as a head or the roster import would; returns their ids by personnel number. */
export async function createStaff(d: DepartmentHandle, staff: StaffSpec[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const s of staff) {
    const created = await d.client.staff.createEmployee({
      personnelNumber: s.personnelNumber,
      firstName: 'Test',
      infix: '',
      lastName: s.lastName,
      startDate: s.start ?? '2020-01-01',
      endDate: s.end ?? null,
      terms: { functionTitle: 'Medewerker', salaryScale: 8, salaryStep: 3, hoursPerWeek: s.hours, costCentre: s.costCentre, contractType: 'vast', formationPositionId: s.positionId ?? null },
    });
    ids.set(s.personnelNumber, created.id);
  }
  return ids;
}

/**
 * A department of the sample organisation (tests/fixtures/samples) with all of its own data: the
 * budget and ledger lines of its cost centres, its people from the roster (as of 1 January 2027) and
 * their absence. Enough for both a finance and an HR package of any quarter of 2027.
 */
export async function sampleDepartment(dir: string, code: 'BZ' | 'DV' | 'OR' | 'SD' | 'VH', name: string): Promise<DepartmentHandle> {
  const d = await hrDepartment(dir, code, name, [`${code}01`, `${code}02`, `${code}03`]);
  await d.client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') }, strict: true });
  await d.client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
  await d.client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' }, strict: true });
  await d.client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
  return d;
}

/**
 * A package in a central workbook is whole: its finance lines or its HR rows (basis, staff with terms,
 * positions, cases with percentages, Poortwachter steps) exactly as its stored envelope lists them, and
 * one audit row. Read straight from the SQLite file, so it also serves on a file a crash left behind.
 */
export function expectCentralPackageWhole(db: Database.Database, packageId: number): void {
  const row = db.prepare('SELECT kind, envelope_json FROM central_package WHERE id = ?').get(packageId) as { kind: string; envelope_json: string };
  const payload = (JSON.parse(row.envelope_json) as { payload: Record<string, unknown> }).payload;
  const count = (sql: string) => (db.prepare(sql).get(packageId) as { n: number }).n;
  const list = <T>(value: unknown) => (value ?? []) as T[];
  const audit = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import' AND table_name = 'central_package' AND row_id = ?").get(String(packageId)) as { n: number };
  const parts: Record<string, [number, number]> = { audit: [audit.n, 1] };
  if (row.kind === 'finance-summary') {
    parts.lines = [count('SELECT count(*) AS n FROM central_finance_line WHERE package_id = ?'), list(payload.lines).length];
  } else {
    const staff = list<{ terms: unknown[] }>(payload.staff);
    const cases = list<{ incapacity: unknown[] }>(payload.absenceCases);
    parts.basis = [count('SELECT count(*) AS n FROM central_hr_basis WHERE package_id = ?'), 1];
    parts.staff = [count('SELECT count(*) AS n FROM central_hr_staff WHERE package_id = ?'), staff.length];
    parts.terms = [count('SELECT count(*) AS n FROM central_hr_terms WHERE staff_id IN (SELECT id FROM central_hr_staff WHERE package_id = ?)'), staff.reduce((n, s) => n + s.terms.length, 0)];
    parts.cases = [count('SELECT count(*) AS n FROM central_hr_case WHERE package_id = ?'), cases.length];
    parts.episodes = [count('SELECT count(*) AS n FROM central_hr_episode WHERE case_row_id IN (SELECT id FROM central_hr_case WHERE package_id = ?)'), cases.reduce((n, c) => n + c.incapacity.length, 0)];
    parts.milestones = [count('SELECT count(*) AS n FROM central_hr_milestone WHERE package_id = ?'), list(payload.poortwachter).length];
    parts.positions = [count('SELECT count(*) AS n FROM central_hr_position WHERE package_id = ?'), list((payload.formation as { positions?: unknown[] } | undefined)?.positions).length];
  }
  const stored = Object.fromEntries(Object.entries(parts).map(([k, [actual]]) => [k, actual]));
  const listed = Object.fromEntries(Object.entries(parts).map(([k, [, expected]]) => [k, expected]));
  expect(stored, `package ${packageId} is not whole`).toEqual(listed);
}
