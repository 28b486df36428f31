import { ApiError } from '../../../shared/api/errors.ts';
import { addFigures, explanationRequired } from '../../../shared/domain/budget/figures.ts';
import type { ForecastMethod } from '../../../shared/domain/budget/forecast.ts';
import type { ConsolidatedDepartment, ConsolidatedFinanceLine, FinanceConsolidation, FinanceFigures, Review } from '../../../shared/exchange/central.ts';
import type { FinancePayload } from '../../../shared/exchange/schema.ts';
import { thresholdOf } from '../budget/service.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { latestReviews } from './completeness.ts';

function zero(): FinanceFigures {
  return { primitiveCents: 0, revisionsCents: 0, currentCents: 0, actualCents: 0, commitmentsCents: 0, forecastCents: 0, varianceCents: 0 };
}

function figuresOf(source: FinanceFigures): FinanceFigures {
  const f = zero();
  addFigures(f, source);
  return f;
}

/** One consolidated line as SQLite sends it: department, the six texts, seven figures, two texts, the department's flag, the forecast method. */
type LineTuple = [string, string, string, string, string, string | null, number, number, number, number, number, number, number, string | null, string | null, number, ForecastMethod | null];

const LINE_COLUMNS = [
  'p.department_code',
  'l.cost_centre',
  'l.account',
  'l.account_name',
  'l.kind',
  'l.taakveld',
  'l.primitive_cents',
  'l.revisions_cents',
  'l.current_cents',
  'l.actual_cents',
  'l.commitments_cents',
  'l.forecast_cents',
  'l.variance_cents',
  'l.explanation',
  'l.forecast_note',
  'l.explanation_required',
  'l.forecast_method',
];
const CURRENT_LINES = "FROM central_finance_line AS l JOIN central_package AS p ON p.id = l.package_id WHERE p.kind = 'finance-summary' AND p.period = ? AND p.status = 'current'";

/** Every line of the period's current packages, as arrays (see SqlRunner.tuples); the caller sorts them. */
function currentLines(wb: Workbook, period: string): LineTuple[] {
  return wb.tuples<LineTuple>({ columns: LINE_COLUMNS, from: CURRENT_LINES }, period);
}

function consolidatedLine(tuple: LineTuple, threshold: ReturnType<typeof thresholdOf>): ConsolidatedFinanceLine {
  const [department, costCentre, account, accountName, kind, taakveld, primitiveCents, revisionsCents, currentCents, actualCents, commitmentsCents, forecastCents, varianceCents, explanation, forecastNote, requiredByDepartment, forecastMethod] = tuple;
  const required = requiredByDepartment === 1 || explanationRequired(varianceCents, currentCents, threshold);
  return {
    department,
    costCentre,
    account,
    accountName,
    kind,
    taakveld,
    primitiveCents,
    revisionsCents,
    currentCents,
    actualCents,
    commitmentsCents,
    forecastCents,
    varianceCents,
    explanation,
    forecastNote,
    forecastMethod,
    explanationRequired: required,
    explanationMissing: required && !(explanation ?? '').trim(),
  };
}

/** Lines of a page of the streamed consolidation (see financeLinePages). */
const PAGE_LINES = 5000;

/**
 * The period's consolidated lines in pages, in the order of department, cost centre and account (SQLite's
 * order of their codes), for writing files of any size: each page is fetched whole, so no query stays
 * open between pages and other calls can use the workbook meanwhile, and only one page is in memory.
 */
export function* financeLinePages(wb: Workbook, period: string, pageSize = PAGE_LINES): Generator<ConsolidatedFinanceLine[]> {
  const threshold = thresholdOf(wb);
  const columns = LINE_COLUMNS.join(', ');
  const first = wb.sqlite.prepare(`SELECT ${columns}, l.id ${CURRENT_LINES} ORDER BY 1, 2, 3, l.id LIMIT ?`).raw(true);
  const next = wb.sqlite.prepare(`SELECT ${columns}, l.id ${CURRENT_LINES} AND (p.department_code, l.cost_centre, l.account, l.id) > (?, ?, ?, ?) ORDER BY 1, 2, 3, l.id LIMIT ?`).raw(true);
  let after: unknown[] | null = null;
  for (;;) {
    const rows = (after ? next.all(period, ...after, pageSize) : first.all(period, pageSize)) as Array<[...LineTuple, number]>;
    if (rows.length === 0) return;
    const width = LINE_COLUMNS.length;
    yield rows.map((row) => consolidatedLine(row.slice(0, width) as LineTuple, threshold));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = [last[0], last[1], last[2], last[width]];
  }
}

/** Totals per department, per department × account and per account, added line by line. */
class FinanceTotals {
  readonly totals = zero();
  explanationsMissing = 0;
  private readonly departmentAccounts = new Map<string, FinanceConsolidation['departmentAccounts'][number]>();
  private readonly accounts = new Map<string, FinanceConsolidation['accounts'][number]>();
  readonly perDepartment = new Map<string, { figures: FinanceFigures; missing: number }>();

  add(line: ConsolidatedFinanceLine): void {
    addFigures(this.totals, line);
    if (line.explanationMissing) this.explanationsMissing += 1;
    const dKey = `${line.department}|${line.account}`;
    const da = this.departmentAccounts.get(dKey) ?? { department: line.department, account: line.account, accountName: line.accountName, explanationsMissing: 0, ...zero() };
    addFigures(da, line);
    if (line.explanationMissing) da.explanationsMissing += 1;
    this.departmentAccounts.set(dKey, da);
    const acc = this.accounts.get(line.account) ?? { account: line.account, accountName: line.accountName, ...zero() };
    addFigures(acc, line);
    this.accounts.set(line.account, acc);
    const dep = this.perDepartment.get(line.department) ?? { figures: zero(), missing: 0 };
    addFigures(dep.figures, line);
    if (line.explanationMissing) dep.missing += 1;
    this.perDepartment.set(line.department, dep);
  }

  departmentAccountRows(): FinanceConsolidation['departmentAccounts'] {
    return [...this.departmentAccounts.values()].sort((a, b) => a.department.localeCompare(b.department) || a.account.localeCompare(b.account));
  }

  accountRows(): FinanceConsolidation['accounts'] {
    return [...this.accounts.values()].sort((a, b) => a.account.localeCompare(b.account));
  }
}

/** The period's current finance packages; `departments` gives each with its figures once the lines are added up. */
function consolidatedDepartments(wb: Workbook, period: string): { packages: number[]; departments(totals: FinanceTotals): ConsolidatedDepartment[] } {
  const packages = wb.all(
    wb.db
      .selectFrom('central_package as p')
      .innerJoin('central_department as d', 'd.code', 'p.department_code')
      // Only these small parts of the payload are needed, kept beside the package at its import (migration
      // 14): the stored envelope, megabytes of JSON, is not parsed on every consolidation.
      .select(['p.id', 'p.department_code', 'p.sequence', 'p.created_at', 'd.name', 'p.extras_json'])
      .where('p.kind', '=', 'finance-summary')
      .where('p.period', '=', period)
      .where('p.status', '=', 'current')
      .orderBy('p.department_code'),
  );
  return {
    packages: packages.map((p) => p.id),
    departments(sums: FinanceTotals) {
      const reviews = latestReviews(
        wb,
        packages.map((p) => p.id),
      );
      return packages.map((p) => {
        const payload = JSON.parse(p.extras_json ?? '{}') as Pick<FinancePayload, 'personnelCosts' | 'externalHire'> & { bottlenecks: number | null; year: number; monthsBooked: number | null; rhythmYear: number | null };
        const dep = sums.perDepartment.get(p.department_code) ?? { figures: zero(), missing: 0 };
        return {
          code: p.department_code,
          name: p.name,
          packageId: p.id,
          sequence: p.sequence,
          createdAt: p.created_at,
          ...figuresOf(dep.figures),
          explanationsMissing: dep.missing,
          review: reviews.get(p.id) ?? null,
          forecastBasis: payload.monthsBooked === null || payload.monthsBooked === undefined ? null : { year: payload.year, monthsBooked: payload.monthsBooked, rhythmYear: payload.rhythmYear ?? null },
          personnelCosts: payload.personnelCosts ? { budgetCents: payload.personnelCosts.budgetCents, forecastCents: payload.personnelCosts.forecastCents, varianceCents: payload.personnelCosts.varianceCents } : null,
          externalHire: payload.externalHire ? { actualCents: payload.externalHire.actualCents, forecastCents: payload.externalHire.forecastCents, assignments: payload.externalHire.assignments } : null,
          bottlenecks: payload.bottlenecks ?? 0,
        };
      });
    },
  };
}

/**
 * Finance consolidation of one period from the current package of each department: totals, per
 * department, per department × account, per account, and every line with its explanation. A line
 * is flagged when its variance needs an explanation, by the department's threshold or by this
 * central workbook's own reporting threshold, and has none. Packages are cumulative snapshots, so
 * only packages of exactly this period count (quarters are never added up).
 */
export function financeConsolidation(wb: Workbook, period: string): FinanceConsolidation {
  wb.requireKind('central-finance');
  const threshold = thresholdOf(wb);
  const found = consolidatedDepartments(wb, period);
  const rows = found.packages.length ? currentLines(wb, period) : [];
  const lines = rows.map((row) => consolidatedLine(row, threshold));
  lines.sort((a, b) => a.department.localeCompare(b.department) || a.costCentre.localeCompare(b.costCentre) || a.account.localeCompare(b.account));
  const sums = new FinanceTotals();
  for (const line of lines) sums.add(line);
  return {
    period,
    totals: sums.totals,
    explanationsMissing: sums.explanationsMissing,
    departments: found.departments(sums),
    departmentAccounts: sums.departmentAccountRows(),
    accounts: sums.accountRows(),
    lines,
  };
}

/**
 * The same consolidation without its lines, added up page by page (see financeLinePages), so memory does
 * not grow with the number of lines: for the consolidated XLSX, which then streams the lines itself.
 */
export function financeSummary(wb: Workbook, period: string): Omit<FinanceConsolidation, 'lines'> {
  wb.requireKind('central-finance');
  const found = consolidatedDepartments(wb, period);
  const sums = new FinanceTotals();
  if (found.packages.length > 0) for (const page of financeLinePages(wb, period)) for (const line of page) sums.add(line);
  return {
    period,
    totals: sums.totals,
    explanationsMissing: sums.explanationsMissing,
    departments: found.departments(sums),
    departmentAccounts: sums.departmentAccountRows(),
    accounts: sums.accountRows(),
  };
}

/** The controller marks a department's package as reviewed, or asks a question with a note; audited, kept as history. */
export function reviewPackage(wb: Workbook, input: { packageId: number; status: 'reviewed' | 'question'; note: string }): Review {
  wb.requireKind('central-finance', 'central-hr');
  const pkg = wb.first(wb.db.selectFrom('central_package').select(['id', 'status', 'department_code', 'period', 'sequence']).where('id', '=', input.packageId));
  if (!pkg) throw new ApiError('not_found', `Pakket ${input.packageId} bestaat niet in dit werkboek.`);
  if (pkg.status !== 'current') {
    throw new ApiError('conflict', `Pakket ${pkg.department_code} ${pkg.period} volgnummer ${pkg.sequence} is vervangen door een nieuwere versie; beoordeel de huidige versie.`);
  }
  const values = { package_id: pkg.id, status: input.status, note: input.note, at: nowIso(), actor: wb.actor };
  const id = wb.tx(() => {
    const newId = Number(wb.run(wb.db.insertInto('central_review').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'central_review', rowId: newId, new: { ...values, department: pkg.department_code, period: pkg.period, sequence: pkg.sequence } });
    return newId;
  });
  return { id, packageId: pkg.id, status: input.status, note: input.note, at: values.at, actor: values.actor };
}
