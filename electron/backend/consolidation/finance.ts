import { sql } from 'kysely';
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

/** Every line of the period's current packages, as arrays (see SqlRunner.tuples); the caller sorts them. */
function currentLines(wb: Workbook, period: string): LineTuple[] {
  return wb.tuples<LineTuple>(
    {
      columns: [
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
      ],
      from: "FROM central_finance_line AS l JOIN central_package AS p ON p.id = l.package_id WHERE p.kind = 'finance-summary' AND p.period = ? AND p.status = 'current'",
    },
    period,
  );
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
  const packages = wb.all(
    wb.db
      .selectFrom('central_package as p')
      .innerJoin('central_department as d', 'd.code', 'p.department_code')
      .select(['p.id', 'p.department_code', 'p.sequence', 'p.created_at', 'd.name'])
      // Only these small parts of the payload are needed: SQLite picks them out of the stored envelope,
      // so megabytes of JSON are not handed to JavaScript and parsed there on every consolidation.
      .select(
        sql<string>`json_object('personnelCosts', json_extract(p.envelope_json, '$.payload.personnelCosts'), 'externalHire', json_extract(p.envelope_json, '$.payload.externalHire'), 'bottlenecks', json_array_length(p.envelope_json, '$.payload.bottlenecks'), 'year', json_extract(p.envelope_json, '$.payload.basis.year'), 'monthsBooked', json_extract(p.envelope_json, '$.payload.basis.monthsBooked'), 'rhythmYear', json_extract(p.envelope_json, '$.payload.basis.rhythmYear'))`.as(
          'extras_json',
        ),
      )
      .where('p.kind', '=', 'finance-summary')
      .where('p.period', '=', period)
      .where('p.status', '=', 'current')
      .orderBy('p.department_code'),
  );
  const reviews = latestReviews(
    wb,
    packages.map((p) => p.id),
  );
  const rows = packages.length ? currentLines(wb, period) : [];
  const lines = rows.map(([department, costCentre, account, accountName, kind, taakveld, primitiveCents, revisionsCents, currentCents, actualCents, commitmentsCents, forecastCents, varianceCents, explanation, forecastNote, requiredByDepartment, forecastMethod]): ConsolidatedFinanceLine => {
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
  });
  lines.sort((a, b) => a.department.localeCompare(b.department) || a.costCentre.localeCompare(b.costCentre) || a.account.localeCompare(b.account));

  const totals = zero();
  const departmentAccounts = new Map<string, FinanceConsolidation['departmentAccounts'][number]>();
  const accounts = new Map<string, FinanceConsolidation['accounts'][number]>();
  const perDepartment = new Map<string, { figures: FinanceFigures; missing: number }>();
  for (const line of lines) {
    addFigures(totals, line);
    const dKey = `${line.department}|${line.account}`;
    const da = departmentAccounts.get(dKey) ?? { department: line.department, account: line.account, accountName: line.accountName, explanationsMissing: 0, ...zero() };
    addFigures(da, line);
    if (line.explanationMissing) da.explanationsMissing += 1;
    departmentAccounts.set(dKey, da);
    const acc = accounts.get(line.account) ?? { account: line.account, accountName: line.accountName, ...zero() };
    addFigures(acc, line);
    accounts.set(line.account, acc);
    const dep = perDepartment.get(line.department) ?? { figures: zero(), missing: 0 };
    addFigures(dep.figures, line);
    if (line.explanationMissing) dep.missing += 1;
    perDepartment.set(line.department, dep);
  }
  const departments: ConsolidatedDepartment[] = packages.map((p) => {
    const payload = JSON.parse(p.extras_json) as Pick<FinancePayload, 'personnelCosts' | 'externalHire'> & { bottlenecks: number | null; year: number; monthsBooked: number | null; rhythmYear: number | null };
    const dep = perDepartment.get(p.department_code) ?? { figures: zero(), missing: 0 };
    return {
      code: p.department_code,
      name: p.name,
      packageId: p.id,
      sequence: p.sequence,
      createdAt: p.created_at,
      ...figuresOf(dep.figures),
      explanationsMissing: dep.missing,
      review: reviews.get(p.id) ?? null,
      forecastBasis: payload.monthsBooked === null ? null : { year: payload.year, monthsBooked: payload.monthsBooked, rhythmYear: payload.rhythmYear },
      personnelCosts: payload.personnelCosts ? { budgetCents: payload.personnelCosts.budgetCents, forecastCents: payload.personnelCosts.forecastCents, varianceCents: payload.personnelCosts.varianceCents } : null,
      externalHire: payload.externalHire ? { actualCents: payload.externalHire.actualCents, forecastCents: payload.externalHire.forecastCents, assignments: payload.externalHire.assignments } : null,
      bottlenecks: payload.bottlenecks ?? 0,
    };
  });
  return {
    period,
    totals,
    explanationsMissing: lines.filter((l) => l.explanationMissing).length,
    departments,
    departmentAccounts: [...departmentAccounts.values()].sort((a, b) => a.department.localeCompare(b.department) || a.account.localeCompare(b.account)),
    accounts: [...accounts.values()].sort((a, b) => a.account.localeCompare(b.account)),
    lines,
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
