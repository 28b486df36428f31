import { SETUP_STEPS, type SetupAttention, type SetupChecklist, type SetupStep, type SetupStepKey } from '../../../shared/domain/setup/types.ts';
import { personnelCostForecast } from '../staff/costs.ts';
import { occupation } from '../staff/formation.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * The set-up checklist of a department workbook: per first step, whether it has been done (with a
 * count and the date of the last change), and what in it keeps figures from being right. Read from
 * the data itself, so a step done by hand (positions typed in, a salary table entered) counts too.
 */

interface StepFacts {
  count: number;
  lastChange: string | null;
  attention?: { kind: SetupAttention; count: number; cents?: number } | null;
  /** Done although the count is 0 (an absence list imported that held nobody of ours). */
  doneWithoutRows?: boolean;
}

const latest = (...dates: Array<string | null | undefined>): string | null => dates.filter((d): d is string => !!d).sort().pop() ?? null;

function lastImport(wb: Workbook, kind: string): string | null {
  return wb.first(wb.db.selectFrom('import_batch').select((eb) => eb.fn.max('imported_at').as('at')).where('kind', '=', kind))?.at ?? null;
}

function budgetFacts(wb: Workbook, year: number): { budget: StepFacts; ledger: StepFacts } {
  // A line has a budget when its primitive budget or a revision says so; the ledger import makes lines without one.
  const lines = wb.all(
    wb.db
      .selectFrom('budget_line as l')
      .select((eb) => [
        'l.id',
        'l.primitive_cents',
        'l.created_at',
        eb.exists(eb.selectFrom('budget_revision as r').select('r.id').whereRef('r.budget_line_id', '=', 'l.id').where('r.amount_cents', '!=', 0)).as('revised'),
      ])
      .where('l.year', '=', year),
  );
  const withBudget = lines.filter((l) => l.primitive_cents !== 0 || Boolean(l.revised));
  const withoutBudget = new Set(lines.filter((l) => l.primitive_cents === 0 && !l.revised).map((l) => l.id));
  const ledger = wb.first(
    wb.db
      .selectFrom('ledger_line')
      .select((eb) => [eb.fn.countAll<number>().as('n')])
      .where('year', '=', year),
  );
  let unbudgetedLines = 0;
  let unbudgetedCents = 0;
  if (withoutBudget.size > 0) {
    for (const row of wb.all(
      wb.db
        .selectFrom('ledger_line')
        .select((eb) => ['budget_line_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_cents').as('cents')])
        .where('year', '=', year)
        .groupBy('budget_line_id'),
    )) {
      if (!withoutBudget.has(row.budget_line_id)) continue;
      unbudgetedLines += Number(row.n);
      unbudgetedCents += Number(row.cents);
    }
  }
  return {
    budget: { count: withBudget.length, lastChange: latest(lastImport(wb, 'budget'), ...withBudget.map((l) => l.created_at)) },
    ledger: {
      count: Number(ledger?.n ?? 0),
      lastChange: lastImport(wb, 'ledger'),
      attention: unbudgetedLines > 0 && withBudget.length > 0 ? { kind: 'ledgerWithoutBudget', count: unbudgetedLines, cents: unbudgetedCents } : null,
    },
  };
}

function tableFacts(wb: Workbook, table: 'employee' | 'formation_position' | 'salary_table_entry' | 'absence_case' | 'assignment', importKind: string | null): StepFacts {
  let query = wb.db.selectFrom(table).select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')]);
  if (table === 'absence_case' || table === 'assignment') query = query.where('deleted_at', 'is', null);
  const row = wb.first(query);
  return { count: Number(row?.n ?? 0), lastChange: latest(row?.at as string | null, importKind ? lastImport(wb, importKind) : null) };
}

/** The day the checklist judges "working today" on: the overview's date, within the fiscal year. */
function dayInYear(year: number, asOf: string): string {
  if (asOf < `${year}-01-01`) return `${year}-01-01`;
  if (asOf > `${year}-12-31`) return `${year}-12-31`;
  return asOf;
}

export function setupChecklist(wb: Workbook, asOf: string): SetupChecklist {
  wb.requireKind('department');
  const year = wb.meta.fiscal_year;
  const { budget, ledger } = budgetFacts(wb, year);
  const staff = tableFacts(wb, 'employee', 'staff');
  const formation = tableFacts(wb, 'formation_position', null);
  const salaryTable = tableFacts(wb, 'salary_table_entry', 'salary-table');
  const absence = tableFacts(wb, 'absence_case', 'absence');
  absence.doneWithoutRows = lastImport(wb, 'absence') !== null;
  const assignments = tableFacts(wb, 'assignment', 'assignments');

  if (staff.count > 0 && formation.count > 0) {
    const unplaced = occupation(wb, dayInYear(year, asOf)).unplaced.filter((u) => u.kind === 'unmatched').length;
    if (unplaced > 0) formation.attention = { kind: 'employeesUnplaced', count: unplaced };
  }
  if (staff.count > 0 && salaryTable.count > 0) {
    const missing = new Set(personnelCostForecast(wb, year).missing.map((m) => m.employeeId)).size;
    if (missing > 0) salaryTable.attention = { kind: 'salaryMissing', count: missing };
  }

  const facts: Record<SetupStepKey, StepFacts> = { budget, ledger, staff, formation, salaryTable, absence, assignments };
  const steps: SetupStep[] = SETUP_STEPS.map((key) => {
    const f = facts[key];
    const started = f.count > 0 || f.doneWithoutRows === true;
    return {
      key,
      state: !started ? 'notStarted' : f.attention ? 'attention' : 'done',
      count: f.count,
      lastChange: started ? f.lastChange : null,
      attention: f.attention?.kind ?? null,
      attentionCount: f.attention?.count ?? 0,
      attentionCents: f.attention?.cents ?? 0,
    };
  });
  const next = steps.find((s) => s.state === 'notStarted') ?? steps.find((s) => s.state === 'attention') ?? null;
  return { steps, next: next?.key ?? null, allStarted: steps.every((s) => s.state !== 'notStarted'), dismissed: getSettings(wb).setupChecklistDismissed };
}
