import { ApiError } from '../../../shared/api/errors.ts';
import type { WorkbookYear, YearBudgetSource, YearTurnResult } from '../../../shared/domain/workbook/types.ts';
import { displayName } from '../../../shared/domain/staff/names.ts';
import { nowIso, type Workbook } from './workbook.ts';

/**
 * The year turn ("Nieuw boekjaar openen"): the workbook goes on into the next fiscal year. What is dated
 * already (staff, terms, formation, absence cases and their Poortwachter timeline, assignments and their
 * decision moments, bottlenecks) simply runs on; what belongs to one year is made for the new one:
 * budget lines (at zero or with last year's current budget) and the open commitments, carried with their
 * open amount and a reference to the original. The original stays untouched in its year, so that year's
 * figures (and a closed year) never move. One transaction, one audit entry.
 */

/** The years of the workbook: opened ones, those its budget or ledger holds, and the current one. */
export function workbookYears(wb: Workbook): WorkbookYear[] {
  const opened = new Map(wb.all(wb.db.selectFrom('workbook_year').selectAll()).map((y) => [y.year, y]));
  const closed = new Set(wb.all(wb.db.selectFrom('closed_year').select('year')).map((y) => y.year));
  const years = new Set<number>([wb.meta.fiscal_year, ...opened.keys(), ...closed]);
  for (const row of wb.statement('SELECT DISTINCT year FROM budget_line UNION SELECT DISTINCT year FROM ledger_line').all() as Array<{ year: number }>) years.add(row.year);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({ year, current: year === wb.meta.fiscal_year, closed: closed.has(year), openedAt: opened.get(year)?.opened_at ?? null, openedBy: opened.get(year)?.opened_by ?? null }));
}

function refuse(wb: Workbook, year: number): void {
  const current = wb.meta.fiscal_year;
  const oldest = workbookYears(wb)[0].year;
  if (year < oldest) {
    throw new ApiError('invalid_input', `Boekjaar ${year} ligt vóór het oudste boekjaar in dit werkboek (${oldest}); een eerder jaar kan niet worden geopend.`, { field: 'year' });
  }
  if (year > current + 1) {
    throw new ApiError(
      'invalid_input',
      `Boekjaar ${year} ligt meer dan een jaar na het huidige boekjaar (${current}); alleen ${current + 1} kan nu worden geopend. Open de jaren één voor één.`,
      { field: 'year' },
    );
  }
}

interface LineSource {
  id: number;
  cost_centre: string;
  account: string;
  account_name: string;
  kind: 'lasten' | 'baten';
  taakveld: string | null;
  category: string | null;
  current_cents: number;
}

interface OpenCommitment {
  id: number;
  supplier: string;
  description: string;
  reference: string | null;
  amount_cents: number;
  date: string;
  status: string;
  cost_centre: string;
  account: string;
  linked_to: number | null;
}

/** What opening `year` would do (or, for a year already open, what it holds): the preview and the run share it. */
function plan(wb: Workbook, year: number, budget: YearBudgetSource) {
  const from = year - 1;
  const existing = new Set(
    wb.all(wb.db.selectFrom('budget_line').select(['cost_centre', 'account']).where('year', '=', year)).map((l) => `${l.cost_centre}|${l.account}`),
  );
  const sources = wb
    .statement(
      `SELECT l.id, l.cost_centre, l.account, l.account_name, l.kind, l.taakveld, l.category,
              l.primitive_cents + COALESCE((SELECT SUM(r.amount_cents) FROM budget_revision r WHERE r.budget_line_id = l.id), 0) AS current_cents
         FROM budget_line l WHERE l.year = ? ORDER BY l.cost_centre, l.account`,
    )
    .all(from) as LineSource[];
  const newLines = sources.filter((l) => !existing.has(`${l.cost_centre}|${l.account}`));
  // Open commitments of the year before that have not been carried yet; their open amount goes on.
  const commitments = wb
    .statement(
      `SELECT c.id, c.supplier, c.description, c.reference, c.amount_cents, c.date, c.status, l.cost_centre, l.account, k.assignment_id AS linked_to
         FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id
         LEFT JOIN assignment_commitment_link k ON k.commitment_id = c.id
        WHERE l.year = ? AND c.status = 'open' AND c.amount_cents <> 0
          AND NOT EXISTS (SELECT 1 FROM commitment n WHERE n.carried_from_id = c.id)
        ORDER BY c.date, c.id`,
    )
    .all(from) as OpenCommitment[];
  const planned = new Set([...existing, ...newLines.map((l) => `${l.cost_centre}|${l.account}`)]);
  const extraLines = new Set(commitments.map((c) => `${c.cost_centre}|${c.account}`).filter((key) => !planned.has(key)));
  return { from, existing, newLines, commitments, extraLines, budget };
}

function counts(wb: Workbook, year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const one = (sql: string, ...params: unknown[]) => Number((wb.statement(sql).get(...params) as { n: number }).n);
  const assignments = wb
    .statement(
      `SELECT a.id, a.code, a.title, a.end_date,
              (SELECT COUNT(*) FROM assignment_moment m WHERE m.assignment_id = a.id AND m.outcome IS NULL) AS open_moments,
              (SELECT MIN(m.due_date) FROM assignment_moment m WHERE m.assignment_id = a.id AND m.outcome IS NULL) AS next_due
         FROM assignment a
        WHERE a.deleted_at IS NULL AND a.status IN ('in_voorbereiding', 'lopend') AND a.end_date >= ? AND a.start_date <= ?
        ORDER BY a.end_date, a.code`,
    )
    .all(start, end) as Array<{ id: number; code: string; title: string; end_date: string; open_moments: number; next_due: string | null }>;
  const bottlenecks = wb
    .statement(`SELECT id, identifier, title, status FROM bottleneck WHERE status IN ('open', 'in_behandeling', 'geescaleerd') ORDER BY identifier`)
    .all() as Array<{ id: number; identifier: string; title: string; status: string }>;
  const cases = wb
    .statement(
      `SELECT c.id, c.case_number, c.first_day, e.first_name, e.infix, e.last_name
         FROM absence_case c JOIN employee e ON e.id = c.employee_id
        WHERE c.deleted_at IS NULL AND c.first_day <= ? AND (c.last_day IS NULL OR c.last_day >= ?)
        ORDER BY c.first_day, c.case_number`,
    )
    .all(end, start) as Array<{ id: number; case_number: string; first_day: string; first_name: string; infix: string; last_name: string }>;
  return {
    assignments: assignments.map((a) => ({ id: a.id, code: a.code, title: a.title, endDate: a.end_date, openMoments: Number(a.open_moments), nextMomentDue: a.next_due })),
    bottlenecks,
    absenceCases: cases.map((c) => ({ id: c.id, caseNumber: c.case_number, employee: displayName({ firstName: c.first_name, infix: c.infix, lastName: c.last_name }), firstDay: c.first_day })),
    employeesInService: one('SELECT COUNT(*) AS n FROM employee WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)', end, start),
    formationPositions: one('SELECT COUNT(*) AS n FROM formation_position WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)', end, start),
  };
}

function budgetTotals(wb: Workbook, year: number): { lasten: number; baten: number; lines: number } {
  const row = wb
    .statement(
      `SELECT COUNT(*) AS lines,
              COALESCE(SUM(CASE WHEN primitive_cents > 0 THEN primitive_cents ELSE 0 END), 0) AS lasten,
              COALESCE(SUM(CASE WHEN primitive_cents < 0 THEN primitive_cents ELSE 0 END), 0) AS baten
         FROM budget_line WHERE year = ?`,
    )
    .get(year) as { lines: number; lasten: number; baten: number };
  return { lines: Number(row.lines), lasten: Number(row.lasten), baten: Number(row.baten) };
}

/**
 * Opens `year` (or previews it with `dryRun`): only the year after the current one changes anything; the
 * current year or an earlier one of the workbook is "already open" (nothing changes, so a second run is
 * harmless); a year before the oldest or more than one ahead is refused with the reason.
 */
export function openYear(wb: Workbook, input: { year: number; budget: YearBudgetSource; dryRun: boolean }): YearTurnResult {
  wb.requireKind('department');
  const { year, budget, dryRun } = input;
  refuse(wb, year);
  const previousYear = wb.meta.fiscal_year;
  const alreadyOpen = year <= previousYear;
  if (!dryRun && !alreadyOpen) wb.requireWritable();

  if (alreadyOpen) {
    const totals = budgetTotals(wb, year);
    const carried = wb
      .statement(
        `SELECT o.id AS originalId, c.supplier, c.description, c.reference, l.cost_centre AS costCentre, l.account, c.amount_cents AS amountCents, o.date
           FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id JOIN commitment o ON o.id = c.carried_from_id
          WHERE l.year = ? ORDER BY o.date, o.id`,
      )
      .all(year) as YearTurnResult['commitments'];
    return result(wb, year, previousYear, budget, { budgetLinesNew: 0, budgetLinesExisting: totals.lines, totals, commitments: carried, alreadyOpen, dryRun, changed: false });
  }

  const p = plan(wb, year, budget);
  const commitments = p.commitments.map((c) => ({
    originalId: c.id,
    supplier: c.supplier,
    description: c.description,
    reference: c.reference,
    costCentre: c.cost_centre,
    account: c.account,
    amountCents: c.amount_cents,
    date: c.date,
  }));
  const budgetLinesNew = p.newLines.length + p.extraLines.size;
  if (dryRun) {
    const existing = budgetTotals(wb, year);
    const copied = budget === 'copy' ? p.newLines.map((l) => l.current_cents) : [];
    const totals = {
      lines: existing.lines + budgetLinesNew,
      lasten: existing.lasten + copied.filter((c) => c > 0).reduce((s, c) => s + c, 0),
      baten: existing.baten + copied.filter((c) => c < 0).reduce((s, c) => s + c, 0),
    };
    return result(wb, year, previousYear, budget, { budgetLinesNew, budgetLinesExisting: p.existing.size, totals, commitments, alreadyOpen, dryRun, changed: false });
  }

  wb.tx(() => {
    const now = nowIso();
    const insertLine = wb.statement(
      `INSERT INTO budget_line (year, cost_centre, account, account_name, kind, taakveld, category, primitive_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const l of p.newLines) insertLine.run(year, l.cost_centre, l.account, l.account_name, l.kind, l.taakveld, l.category, budget === 'copy' ? l.current_cents : 0, now, now);
    const sourceLine = new Map(p.commitments.map((c) => [`${c.cost_centre}|${c.account}`, c]));
    for (const key of p.extraLines) {
      const c = sourceLine.get(key)!;
      const from = wb.statement('SELECT account_name, kind, taakveld, category FROM budget_line WHERE year = ? AND cost_centre = ? AND account = ?').get(p.from, c.cost_centre, c.account) as
        | { account_name: string; kind: string; taakveld: string | null; category: string | null }
        | undefined;
      insertLine.run(year, c.cost_centre, c.account, from?.account_name ?? '', from?.kind ?? 'lasten', from?.taakveld ?? null, from?.category ?? null, 0, now, now);
    }
    const lineId = wb.statement('SELECT id FROM budget_line WHERE year = ? AND cost_centre = ? AND account = ?');
    const insertCommitment = wb.statement(
      `INSERT INTO commitment (budget_line_id, supplier, description, amount_cents, status, date, reference, carried_from_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    );
    const link = wb.statement('INSERT INTO assignment_commitment_link (assignment_id, commitment_id, actor, created_at) VALUES (?, ?, ?, ?)');
    for (const c of p.commitments) {
      const target = (lineId.get(year, c.cost_centre, c.account) as { id: number }).id;
      const id = Number(insertCommitment.run(target, c.supplier, c.description, c.amount_cents, c.date, c.reference, c.id, now, now).lastInsertRowid);
      wb.audit({
        action: 'insert',
        table: 'commitment',
        rowId: id,
        new: { cost_centre: c.cost_centre, account: c.account, supplier: c.supplier, amount_cents: c.amount_cents, date: c.date, reference: c.reference },
        note: `Open verplichting overgenomen uit ${p.from} met het openstaande bedrag`,
      });
      // A commitment linked to an assignment by hand stays linked in the new year.
      if (c.linked_to !== null) link.run(c.linked_to, id, wb.actor, now);
    }
    wb.run(wb.db.insertInto('workbook_year').values({ year, opened_at: now, opened_by: wb.actor, from_year: p.from, budget_source: budget }));
    wb.run(wb.db.updateTable('workbook_meta').set({ fiscal_year: year, updated_at: now }).where('id', '=', 1));
    const c = counts(wb, year);
    wb.audit({
      action: 'open-year',
      table: 'workbook_year',
      rowId: year,
      new: {
        fiscal_year: year,
        from_year: previousYear,
        budget_source: budget,
        budget_lines_new: budgetLinesNew,
        commitments_carried: p.commitments.length,
        assignments_running: c.assignments.length,
        bottlenecks_open: c.bottlenecks.length,
        absence_cases_open: c.absenceCases.length,
      },
      note: `Boekjaar ${year} geopend na ${previousYear}: ${budgetLinesNew} ${budgetLinesNew === 1 ? 'begrotingsregel' : 'begrotingsregels'} ${budget === 'copy' ? `met de actuele begroting ${p.from}` : 'op nul'}, ${p.commitments.length} open ${p.commitments.length === 1 ? 'verplichting' : 'verplichtingen'} overgenomen`,
    });
  });
  wb.meta = { ...wb.meta, fiscal_year: year };
  return result(wb, year, previousYear, budget, { budgetLinesNew, budgetLinesExisting: p.existing.size, totals: budgetTotals(wb, year), commitments, alreadyOpen, dryRun, changed: true });
}

function result(
  wb: Workbook,
  year: number,
  previousYear: number,
  budget: YearBudgetSource,
  r: { budgetLinesNew: number; budgetLinesExisting: number; totals: { lines: number; lasten: number; baten: number }; commitments: YearTurnResult['commitments']; alreadyOpen: boolean; dryRun: boolean; changed: boolean },
): YearTurnResult {
  const c = counts(wb, year);
  return {
    year,
    budgetLines: r.totals.lines,
    commitmentsCarried: r.commitments.length,
    assignmentsRunning: c.assignments.length,
    bottlenecksOpen: c.bottlenecks.length,
    absenceCasesOpen: c.absenceCases.length,
    previousYear,
    budget,
    budgetLinesNew: r.budgetLinesNew,
    budgetLinesExisting: r.budgetLinesExisting,
    budgetLasten: r.totals.lasten,
    budgetBaten: r.totals.baten,
    commitmentsCarriedCents: r.commitments.reduce((s, x) => s + x.amountCents, 0),
    decisionMomentsOpen: c.assignments.reduce((s, a) => s + a.openMoments, 0),
    employeesInService: c.employeesInService,
    formationPositions: c.formationPositions,
    alreadyOpen: r.alreadyOpen,
    dryRun: r.dryRun,
    changed: r.changed,
    commitments: r.commitments,
    assignments: c.assignments,
    bottlenecks: c.bottlenecks,
    absenceCases: c.absenceCases,
  };
}

/**
 * `werkboek report --period` in a year the workbook went on into: what carried over from the years before
 * and still ran in the period — absence cases begun before the year and not ended before the period, the
 * Poortwachter steps of their timelines falling due in the period, assignments begun before the year and
 * running in the period, and the commitments carried at the turn.
 */
export function carriedOver(wb: Workbook, period: { start: string; end: string }, poortwachterDue: (today: string) => Array<{ firstDay: string; caseIds: number[]; steps: Array<{ due: string | null }> }>) {
  const year = Number(period.start.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const opened = wb.first(wb.db.selectFrom('workbook_year').selectAll().where('year', '=', year));
  const cases = wb
    .statement(`SELECT id FROM absence_case WHERE deleted_at IS NULL AND first_day < ? AND (last_day IS NULL OR last_day >= ?)`)
    .all(yearStart, period.start) as Array<{ id: number }>;
  const caseIds = new Set(cases.map((c) => c.id));
  const steps = poortwachterDue(period.end)
    .filter((chain) => chain.firstDay < yearStart && chain.caseIds.some((id) => caseIds.has(id)))
    .flatMap((chain) => chain.steps)
    .filter((s) => s.due !== null && s.due >= period.start && s.due <= period.end).length;
  const assignments = Number(
    (
      wb
        .statement(`SELECT COUNT(*) AS n FROM assignment WHERE deleted_at IS NULL AND status <> 'vervallen' AND start_date < ? AND end_date >= ?`)
        .get(yearStart, period.start) as { n: number }
    ).n,
  );
  const commitments = wb
    .statement(
      `SELECT COUNT(*) AS n, COALESCE(SUM(c.amount_cents), 0) AS cents FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id WHERE l.year = ? AND c.carried_from_id IS NOT NULL`,
    )
    .get(year) as { n: number; cents: number };
  return {
    year,
    fromYear: opened?.from_year ?? null,
    openedAt: opened?.opened_at ?? null,
    absenceCases: caseIds.size,
    poortwachterSteps: steps,
    assignments,
    commitments: Number(commitments.n),
    commitmentsCents: Number(commitments.cents),
  };
}
