import { sql } from 'kysely';
import { ApiError } from '../../../shared/api/errors.ts';
import type { LedgerColumn } from '../../../shared/api/budget.ts';
import { addToTotals, emptyTotals, lineFigures, type Totals, type VarianceThreshold } from '../../../shared/domain/budget/figures.ts';
import { clampMonths, type ForecastBasis } from '../../../shared/domain/budget/forecast.ts';
import type { BudgetLineView, BudgetSummary, Commitment, CommitmentStatus, LedgerPage, Revision } from '../../../shared/domain/budget/types.ts';
import { nowIso, type Workbook } from '../workbook/workbook.ts';
import { getSettings } from '../workbook/settings.ts';
import type { BudgetLineTable } from './tables.ts';
import type { Selectable } from 'kysely';
import type { TableExport } from '../../../shared/api/workbook.ts';
import { localToday } from '../../../shared/domain/absence/days.ts';
import { formatDate } from '../../../shared/format/nl.ts';
import { exportTable, MAX_EXPORT_ROWS, tooManyRows } from '../workbook/table-export.ts';
import { tr } from '../words.ts';

type LineRow = Selectable<BudgetLineTable> & { revisions_cents: number; commitments_cents: number; actual_until_cents?: number };

export function thresholdOf(wb: Workbook): VarianceThreshold {
  const settings = getSettings(wb);
  return { amountCents: settings.varianceThresholdCents, percent: settings.varianceThresholdPercent, rule: settings.varianceThresholdRule };
}

/** Index of a booking month ('jjjj-mm') in `year`: 1 = January … 12 = December; earlier 0, later 12. */
function monthIndex(month: string, year: number): number {
  return clampMonths((Number(month.slice(0, 4)) - year) * 12 + Number(month.slice(5, 7)));
}

/**
 * Months of `year` the ledger is booked through: the latest booking month of the year's lines, and no later
 * than `until` (the end of a report's period) when given. Booked months are the department's, not a line's:
 * a line without bookings in a month the ledger covers has simply spent nothing then.
 */
export function monthsBooked(wb: Workbook, year: number, until?: string): number {
  let query = wb.db
    .selectFrom('ledger_month as m')
    .innerJoin('budget_line as l', 'l.id', 'm.budget_line_id')
    .select((eb) => eb.fn.max('m.month').as('latest'))
    .where('l.year', '=', year);
  if (until) query = query.where('m.month', '<=', until.slice(0, 7));
  const latest = wb.first(query)?.latest as string | null | undefined;
  if (!latest) return 0;
  const booked = monthIndex(latest, year);
  return until ? Math.min(booked, monthIndex(until.slice(0, 7), year)) : booked;
}

/**
 * Last year's actuals per line ("cost centre|account") and month, when the ledger of `year − 1` is complete
 * (bookings in its January and its December): the history a line's own rhythm is read from.
 */
function lastYearRhythm(wb: Workbook, year: number): { year: number; byLine: Map<string, number[]> } | null {
  const previous = year - 1;
  const span = wb.first(
    wb.db
      .selectFrom('ledger_month as m')
      .innerJoin('budget_line as l', 'l.id', 'm.budget_line_id')
      .select((eb) => [eb.fn.min('m.month').as('first'), eb.fn.max('m.month').as('last')])
      .where('l.year', '=', previous),
  );
  if (!span?.first || !span.last || String(span.first) > `${previous}-01` || String(span.last) < `${previous}-12`) return null;
  const rows = wb.all(
    wb.db
      .selectFrom('ledger_month as m')
      .innerJoin('budget_line as l', 'l.id', 'm.budget_line_id')
      .select((eb) => ['l.cost_centre', 'l.account', 'm.month', eb.fn.sum<number>('m.amount_cents').as('cents')])
      .where('l.year', '=', previous)
      .groupBy(['l.cost_centre', 'l.account', 'm.month']),
  );
  const byLine = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.cost_centre}|${row.account}`;
    const months = byLine.get(key) ?? new Array<number>(12).fill(0);
    months[Math.max(1, monthIndex(row.month, previous)) - 1] += Number(row.cents);
    byLine.set(key, months);
  }
  return { year: previous, byLine };
}

interface ForecastContext {
  basis: ForecastBasis;
  rhythm: Map<string, number[]> | null;
}

function forecastContext(wb: Workbook, year: number, until?: string): ForecastContext {
  const rhythm = lastYearRhythm(wb, year);
  return { basis: { year, monthsBooked: monthsBooked(wb, year, until), rhythmYear: rhythm?.year ?? null }, rhythm: rhythm?.byLine ?? null };
}

/** What the forecasts of a year rest on (months booked, the year whose rhythm applies). */
export function forecastBasis(wb: Workbook, year: number, until?: string): ForecastBasis {
  return forecastContext(wb, year, until).basis;
}

function toView(row: LineRow, threshold: VarianceThreshold, context: ForecastContext): BudgetLineView {
  const actualCents = row.actual_until_cents ?? row.actual_cents;
  const inputs = {
    primitiveCents: row.primitive_cents,
    revisionsCents: Number(row.revisions_cents),
    actualCents: Number(actualCents),
    commitmentsCents: Number(row.commitments_cents),
    expectedCents: row.expected_cents,
    forecastOverrideCents: row.forecast_override_cents,
    explanation: row.explanation,
    monthsBooked: context.basis.monthsBooked,
    lastYearByMonth: context.rhythm?.get(`${row.cost_centre}|${row.account}`) ?? null,
  };
  return {
    id: row.id,
    year: row.year,
    costCentre: row.cost_centre,
    account: row.account,
    accountName: row.account_name,
    kind: row.kind,
    taakveld: row.taakveld,
    category: row.category,
    ...inputs,
    forecastNote: row.forecast_note,
    updatedAt: row.updated_at,
    ...lineFigures(inputs, threshold),
  };
}

function lineQuery(wb: Workbook, until?: string) {
  let query = wb.db
    .selectFrom('budget_line as l')
    .selectAll('l')
    .select((eb) => [
      eb.fn
        .coalesce(eb.selectFrom('budget_revision as r').select((e) => e.fn.sum<number>('r.amount_cents').as('s')).whereRef('r.budget_line_id', '=', 'l.id'), eb.lit(0))
        .as('revisions_cents'),
      eb.fn
        .coalesce(
          eb
            .selectFrom('commitment as c')
            .select((e) => e.fn.sum<number>('c.amount_cents').as('s'))
            .whereRef('c.budget_line_id', '=', 'l.id')
            .where('c.status', '=', 'open'),
          eb.lit(0),
        )
        .as('commitments_cents'),
    ]);
  if (until) {
    query = query.select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('ledger_line as g')
            .select((e) => e.fn.sum<number>('g.amount_cents').as('s'))
            .whereRef('g.budget_line_id', '=', 'l.id')
            .where('g.booking_date', '<=', until),
          eb.lit(0),
        )
        .as('actual_until_cents'),
    ) as typeof query;
  }
  return query;
}

export function getLine(wb: Workbook, id: number): BudgetLineView {
  const row = wb.first(lineQuery(wb).where('l.id', '=', id)) as LineRow | undefined;
  if (!row) throw new ApiError('not_found', `Begrotingsregel ${id} bestaat niet.`);
  return toView(row, thresholdOf(wb), forecastContext(wb, row.year));
}

export function budgetYears(wb: Workbook): number[] {
  const years = wb.all(wb.db.selectFrom('budget_line').select('year').distinct().orderBy('year')).map((r) => r.year);
  if (!years.includes(wb.meta.fiscal_year)) years.push(wb.meta.fiscal_year);
  return years.sort((a, b) => a - b);
}

export function summary(wb: Workbook, year = wb.meta.fiscal_year, until?: string): BudgetSummary {
  const threshold = thresholdOf(wb);
  const rows = wb.all(lineQuery(wb, until).where('l.year', '=', year).orderBy('l.cost_centre').orderBy('l.account')) as LineRow[];
  const context = forecastContext(wb, year, until);
  const lines = rows.map((r) => toView(r, threshold, context));
  const costCentreNames = new Map(wb.all(wb.db.selectFrom('cost_centre').select(['code', 'name'])).map((c) => [c.code, c.name]));
  const byCostCentre = new Map<string, Totals>();
  const byAccount = new Map<string, Totals>();
  const byKind = new Map<string, Totals>();
  const total = emptyTotals('totaal', 'Totaal');
  for (const line of lines) {
    const cc = byCostCentre.get(line.costCentre) ?? emptyTotals(line.costCentre, costCentreNames.get(line.costCentre) || line.costCentre);
    byCostCentre.set(line.costCentre, cc);
    const account = byAccount.get(line.account) ?? emptyTotals(line.account, line.accountName || line.account);
    byAccount.set(line.account, account);
    const kind = byKind.get(line.kind) ?? emptyTotals(line.kind, line.kind === 'lasten' ? 'Lasten' : 'Baten');
    byKind.set(line.kind, kind);
    for (const totals of [cc, account, kind, total]) addToTotals(totals, line);
  }
  return {
    year,
    years: budgetYears(wb),
    threshold,
    forecastBasis: context.basis,
    lines,
    byCostCentre: [...byCostCentre.values()],
    byAccount: [...byAccount.values()].sort((a, b) => a.key.localeCompare(b.key)),
    byKind: [...byKind.values()],
    total,
  };
}

function requireDepartmentCostCentre(wb: Workbook, costCentre: string): void {
  if (!wb.departmentCostCentres().includes(costCentre)) {
    throw new ApiError('invalid_input', `Kostenplaats ${costCentre} hoort niet bij deze afdeling (${wb.departmentCostCentres().join(', ')}).`);
  }
}

export function createLine(wb: Workbook, input: { year: number; costCentre: string; account: string; accountName: string; kind: 'lasten' | 'baten'; primitiveCents: number }): BudgetLineView {
  requireDepartmentCostCentre(wb, input.costCentre);
  const exists = wb.first(wb.db.selectFrom('budget_line').select('id').where('year', '=', input.year).where('cost_centre', '=', input.costCentre).where('account', '=', input.account));
  if (exists) throw new ApiError('conflict', `Er is al een begrotingsregel voor kostenplaats ${input.costCentre} en grootboekrekening ${input.account} in ${input.year}.`);
  const now = nowIso();
  const id = wb.tx(() => {
    const values = {
      year: input.year,
      cost_centre: input.costCentre,
      account: input.account,
      account_name: input.accountName,
      kind: input.kind,
      primitive_cents: input.primitiveCents,
      actual_cents: 0,
      expected_cents: 0,
      created_at: now,
      updated_at: now,
    };
    const newId = Number(wb.run(wb.db.insertInto('budget_line').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'budget_line', rowId: newId, new: values });
    return newId;
  });
  return getLine(wb, id);
}

const linePatchColumns = {
  accountName: 'account_name',
  kind: 'kind',
  primitiveCents: 'primitive_cents',
  expectedCents: 'expected_cents',
  forecastOverrideCents: 'forecast_override_cents',
  forecastNote: 'forecast_note',
  explanation: 'explanation',
} as const;

/** Applies a camelCase patch to a row's columns, writing one audit row with only what changed. */
export function updateRow<T extends Record<string, unknown>>(
  wb: Workbook,
  table: 'budget_line' | 'budget_revision' | 'commitment',
  id: number,
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  label: string,
): void {
  const current = wb.first(wb.db.selectFrom(table).selectAll().where('id', '=', id)) as T | undefined;
  if (!current) throw new ApiError('not_found', `${label} ${id} bestaat niet.`);
  const old: Record<string, unknown> = {};
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    if (current[column] !== value) {
      old[column] = current[column];
      changes[column] = value;
    }
  }
  if (Object.keys(changes).length === 0) return;
  wb.tx(() => {
    wb.run(wb.db.updateTable(table).set({ ...changes, updated_at: nowIso() } as never).where('id', '=', id));
    wb.audit({ action: 'update', table, rowId: id, old, new: changes });
  });
}

export function updateLine(wb: Workbook, id: number, patch: Record<string, unknown>): BudgetLineView {
  updateRow(wb, 'budget_line', id, patch, linePatchColumns, 'Begrotingsregel');
  return getLine(wb, id);
}

export function deleteLine(wb: Workbook, id: number): void {
  const line = getLine(wb, id);
  const counts = wb.first(
    wb.db
      .selectNoFrom((eb) => [
        eb.selectFrom('ledger_line').select((e) => e.fn.countAll<number>().as('n')).where('budget_line_id', '=', id).as('ledger'),
        eb.selectFrom('budget_revision').select((e) => e.fn.countAll<number>().as('n')).where('budget_line_id', '=', id).as('revisions'),
        eb.selectFrom('commitment').select((e) => e.fn.countAll<number>().as('n')).where('budget_line_id', '=', id).as('commitments'),
      ]),
  )!;
  if (Number(counts.ledger) + Number(counts.revisions) + Number(counts.commitments) > 0) {
    throw new ApiError(
      'conflict',
      `Begrotingsregel ${line.costCentre}/${line.account} heeft ${counts.ledger} boekingen, ${counts.revisions} wijzigingen en ${counts.commitments} verplichtingen en kan daarom niet worden verwijderd. Zet de begroting op nul als de regel vervalt.`,
    );
  }
  wb.tx(() => {
    const old = wb.first(wb.db.selectFrom('budget_line').selectAll().where('id', '=', id));
    wb.run(wb.db.deleteFrom('budget_line').where('id', '=', id));
    wb.audit({ action: 'delete', table: 'budget_line', rowId: id, old });
  });
}

// ── Revisions ──────────────────────────────────────────────────────────────

function revisionQuery(wb: Workbook) {
  return wb.db
    .selectFrom('budget_revision as r')
    .innerJoin('budget_line as l', 'l.id', 'r.budget_line_id')
    .select(['r.id', 'r.budget_line_id', 'l.cost_centre', 'l.account', 'r.date', 'r.amount_cents', 'r.reason', 'r.decision_ref', 'l.year']);
}

type RevisionRow = { id: number; budget_line_id: number; cost_centre: string; account: string; date: string; amount_cents: number; reason: string; decision_ref: string | null };

function toRevision(r: RevisionRow): Revision {
  return { id: r.id, budgetLineId: r.budget_line_id, costCentre: r.cost_centre, account: r.account, date: r.date, amountCents: r.amount_cents, reason: r.reason, decisionRef: r.decision_ref };
}

export function listRevisions(wb: Workbook, filter: { year?: number; budgetLineId?: number }): Revision[] {
  let query = revisionQuery(wb);
  if (filter.year !== undefined) query = query.where('l.year', '=', filter.year);
  if (filter.budgetLineId !== undefined) query = query.where('r.budget_line_id', '=', filter.budgetLineId);
  return wb.all(query.orderBy('r.date').orderBy('r.id')).map(toRevision);
}

function getRevision(wb: Workbook, id: number): Revision {
  const row = wb.first(revisionQuery(wb).where('r.id', '=', id));
  if (!row) throw new ApiError('not_found', `Begrotingswijziging ${id} bestaat niet.`);
  return toRevision(row);
}

export function addRevision(wb: Workbook, input: { budgetLineId: number; date: string; amountCents: number; reason: string; decisionRef: string | null }): Revision {
  getLine(wb, input.budgetLineId);
  const now = nowIso();
  const id = wb.tx(() => {
    const values = { budget_line_id: input.budgetLineId, date: input.date, amount_cents: input.amountCents, reason: input.reason, decision_ref: input.decisionRef, created_at: now, updated_at: now };
    const newId = Number(wb.run(wb.db.insertInto('budget_revision').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'budget_revision', rowId: newId, new: values });
    return newId;
  });
  return getRevision(wb, id);
}

export function updateRevision(wb: Workbook, id: number, patch: Record<string, unknown>): Revision {
  updateRow(wb, 'budget_revision', id, patch, { date: 'date', amountCents: 'amount_cents', reason: 'reason', decisionRef: 'decision_ref' }, 'Begrotingswijziging');
  return getRevision(wb, id);
}

export function deleteRevision(wb: Workbook, id: number): void {
  getRevision(wb, id);
  wb.tx(() => {
    const old = wb.first(wb.db.selectFrom('budget_revision').selectAll().where('id', '=', id));
    wb.run(wb.db.deleteFrom('budget_revision').where('id', '=', id));
    wb.audit({ action: 'delete', table: 'budget_revision', rowId: id, old });
  });
}

// ── Commitments ────────────────────────────────────────────────────────────

function commitmentQuery(wb: Workbook) {
  return wb.db
    .selectFrom('commitment as c')
    .innerJoin('budget_line as l', 'l.id', 'c.budget_line_id')
    .select(['c.id', 'c.budget_line_id', 'l.cost_centre', 'l.account', 'c.supplier', 'c.description', 'c.amount_cents', 'c.status', 'c.date', 'c.reference']);
}

type CommitmentRow = { id: number; budget_line_id: number; cost_centre: string; account: string; supplier: string; description: string; amount_cents: number; status: CommitmentStatus; date: string; reference: string | null };

function toCommitment(c: CommitmentRow): Commitment {
  return { id: c.id, budgetLineId: c.budget_line_id, costCentre: c.cost_centre, account: c.account, supplier: c.supplier, description: c.description, amountCents: c.amount_cents, status: c.status, date: c.date, reference: c.reference };
}

export function listCommitments(wb: Workbook, filter: { year?: number; budgetLineId?: number }): Commitment[] {
  let query = commitmentQuery(wb);
  if (filter.year !== undefined) query = query.where('l.year', '=', filter.year);
  if (filter.budgetLineId !== undefined) query = query.where('c.budget_line_id', '=', filter.budgetLineId);
  return wb.all(query.orderBy('c.date').orderBy('c.id')).map(toCommitment);
}

function getCommitment(wb: Workbook, id: number): Commitment {
  const row = wb.first(commitmentQuery(wb).where('c.id', '=', id));
  if (!row) throw new ApiError('not_found', `Verplichting ${id} bestaat niet.`);
  return toCommitment(row);
}

export function addCommitment(
  wb: Workbook,
  input: { budgetLineId: number; supplier: string; description: string; amountCents: number; date: string; status: CommitmentStatus; reference: string | null },
): Commitment {
  getLine(wb, input.budgetLineId);
  const now = nowIso();
  const id = wb.tx(() => {
    const values = {
      budget_line_id: input.budgetLineId,
      supplier: input.supplier,
      description: input.description,
      amount_cents: input.amountCents,
      date: input.date,
      status: input.status,
      reference: input.reference,
      created_at: now,
      updated_at: now,
    };
    const newId = Number(wb.run(wb.db.insertInto('commitment').values(values)).lastInsertRowid);
    wb.audit({ action: 'insert', table: 'commitment', rowId: newId, new: values });
    return newId;
  });
  return getCommitment(wb, id);
}

export function updateCommitment(wb: Workbook, id: number, patch: Record<string, unknown>): Commitment {
  updateRow(
    wb,
    'commitment',
    id,
    patch,
    { supplier: 'supplier', description: 'description', amountCents: 'amount_cents', date: 'date', status: 'status', reference: 'reference' },
    'Verplichting',
  );
  return getCommitment(wb, id);
}

/** Removes a commitment (the undo of a paste that added it); one that something links to stays. */
export function deleteCommitment(wb: Workbook, id: number): void {
  const commitment = getCommitment(wb, id);
  try {
    wb.tx(() => {
      const old = wb.first(wb.db.selectFrom('commitment').selectAll().where('id', '=', id));
      wb.run(wb.db.deleteFrom('commitment').where('id', '=', id));
      wb.audit({ action: 'delete', table: 'commitment', rowId: id, old });
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    throw new ApiError('conflict', `De verplichting van ${commitment.supplier} is intussen gekoppeld (aan een opdracht) en blijft daarom staan.`);
  }
}

/** The budget line of a year for a cost centre and account, as a grid row names it. */
export function lineIdFor(wb: Workbook, year: number, costCentre: string, account: string): number {
  const line = wb.first(wb.db.selectFrom('budget_line').select('id').where('year', '=', year).where('cost_centre', '=', costCentre).where('account', '=', account));
  if (!line) {
    throw new ApiError('not_found', `Er is geen begrotingsregel voor kostenplaats ${costCentre} en grootboekrekening ${account} in ${year}; voeg die eerst toe op de pagina Begroting.`, { field: 'account' });
  }
  return line.id;
}

/** A commitment added from a grid row (a paste): its budget line found by cost centre and account. */
export function addCommitmentRow(
  wb: Workbook,
  year: number,
  row: { costCentre: string; account: string; supplier: string; description: string; amountCents: number; date: string; status: CommitmentStatus; reference: string | null },
): Commitment {
  const { costCentre, account, ...fields } = row;
  return addCommitment(wb, { budgetLineId: lineIdFor(wb, year, costCentre, account), ...fields });
}

/** A budget line added from a grid row (a paste): created, then given the amounts and texts the row has. */
export function createLineRow(wb: Workbook, year: number, row: Record<string, unknown> & { costCentre: string; account: string; accountName: string; kind: 'lasten' | 'baten'; primitiveCents: number }): BudgetLineView {
  const { costCentre, account, accountName, kind, primitiveCents, ...rest } = row;
  const line = createLine(wb, { year, costCentre, account, accountName, kind, primitiveCents });
  return Object.keys(rest).length > 0 ? updateLine(wb, line.id, rest) : line;
}

// ── Ledger (actuals) ───────────────────────────────────────────────────────

const ledgerColumnSql: Record<LedgerColumn, string> = {
  bookingDate: 'booking_date',
  year: 'year',
  period: 'period',
  journal: 'journal',
  document: 'document',
  costCentre: 'cost_centre',
  account: 'account',
  description: 'description',
  amountCents: 'amount_cents',
  counterparty: 'counterparty',
};

export interface LedgerQuery {
  offset: number;
  limit: number;
  sort: Array<{ column: LedgerColumn; direction: 'asc' | 'desc' }>;
  filter: {
    year?: number;
    costCentre?: string;
    account?: string;
    budgetLineId?: number;
    text?: string;
    dateFrom?: string;
    dateTo?: string;
    amountMinCents?: number;
    amountMaxCents?: number;
  };
}

/** The ids of the budget lines a filter's year, cost centre and account select. */
function filteredBudgetLines(wb: Workbook, filter: LedgerQuery['filter']) {
  let lines = wb.db.selectFrom('budget_line').select('id');
  if (filter.costCentre) lines = lines.where('cost_centre', '=', filter.costCentre.toUpperCase());
  if (filter.account) lines = lines.where('account', '=', filter.account.toUpperCase());
  if (filter.year !== undefined) lines = lines.where('year', '=', filter.year);
  return lines;
}

function ledgerWhere(wb: Workbook, filter: LedgerQuery['filter']) {
  let query = wb.db.selectFrom('ledger_line');
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  // Through the budget lines, so the (budget_line_id, …) index serves the filter.
  if (filter.costCentre || filter.account) query = query.where('budget_line_id', 'in', filteredBudgetLines(wb, filter));
  if (filter.budgetLineId !== undefined) query = query.where('budget_line_id', '=', filter.budgetLineId);
  if (filter.dateFrom) query = query.where('booking_date', '>=', filter.dateFrom);
  if (filter.dateTo) query = query.where('booking_date', '<=', filter.dateTo);
  if (filter.amountMinCents !== undefined) query = query.where('amount_cents', '>=', filter.amountMinCents);
  if (filter.amountMaxCents !== undefined) query = query.where('amount_cents', '<=', filter.amountMaxCents);
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`description`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`counterparty`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`document`, 'like', sql`${pattern} ESCAPE '\\'`),
      ]),
    );
  }
  return query;
}

/**
 * Count and total of the lines a filter selects. A filter on year, cost centre, account or budget line
 * only (the grid as it opens) is answered from the per-month totals the import keeps; text, date and
 * amount filters count the lines themselves.
 */
function ledgerAggregate(wb: Workbook, filter: LedgerQuery['filter'], lines: ReturnType<typeof ledgerWhere>): { n: number; total: number } {
  const byLinesOnly = !filter.text && !filter.dateFrom && !filter.dateTo && filter.amountMinCents === undefined && filter.amountMaxCents === undefined;
  if (byLinesOnly) {
    let query = wb.db
      .selectFrom('ledger_month')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('line_count'), eb.lit(0)).as('n'), eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total')])
      .where('budget_line_id', 'in', filteredBudgetLines(wb, filter));
    if (filter.budgetLineId !== undefined) query = query.where('budget_line_id', '=', filter.budgetLineId);
    const row = wb.first(query)!;
    return { n: Number(row.n), total: Number(row.total) };
  }
  const row = wb.first(lines.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total')]))!;
  return { n: Number(row.n), total: Number(row.total) };
}

const LEDGER_EXPORT_TYPES: Record<LedgerColumn, TableExport['columns'][number]['type']> = {
  bookingDate: 'date',
  year: 'integer',
  period: 'integer',
  journal: 'text',
  document: 'text',
  costCentre: 'text',
  account: 'text',
  description: 'text',
  amountCents: 'money',
  counterparty: 'text',
};

/** The ledger as the grid selects it (filter and sort), every line, to XLSX: the grid itself holds only the blocks in view. */
export async function exportLedger(
  wb: Workbook,
  request: { title: string; columns: Array<{ field: LedgerColumn; title: string }>; sort: LedgerQuery['sort']; filter: LedgerQuery['filter']; path?: string },
): Promise<{ name: string; path: string | null; contentBase64: string | null }> {
  const first = ledgerPage(wb, { offset: 0, limit: 1, sort: request.sort, filter: request.filter });
  if (first.total > MAX_EXPORT_ROWS) {
    throw new ApiError('invalid_input', tooManyRows(request.title, first.total));
  }
  const rows: Array<Array<string | number | null>> = [];
  for (let offset = 0; offset < first.total; offset += 5000) {
    for (const line of ledgerPage(wb, { offset, limit: 5000, sort: request.sort, filter: request.filter }).rows) {
      rows.push(request.columns.map((c) => (line as unknown as Record<string, string | number | null>)[c.field] ?? null));
    }
  }
  const columns = request.columns.map((c) => ({ title: c.title, type: LEDGER_EXPORT_TYPES[c.field] }));
  return exportTable(wb, { title: request.title, note: ledgerFilterNote(request.filter), columns, rows, path: request.path }, localToday());
}

/** The filter under the export's title, as the reader of the file needs it: which lines these are. */
function ledgerFilterNote(filter: LedgerQuery['filter']): string | undefined {
  const parts = [
    filter.year !== undefined ? tr('grid.file.year', { year: filter.year }) : null,
    filter.costCentre ? tr('grid.file.costCentre', { code: filter.costCentre }) : null,
    filter.account ? tr('grid.file.account', { code: filter.account }) : null,
    filter.text ? tr('grid.file.text', { text: filter.text }) : null,
    filter.dateFrom ? tr('grid.file.dateFrom', { date: formatDate(filter.dateFrom) }) : null,
    filter.dateTo ? tr('grid.file.dateTo', { date: formatDate(filter.dateTo) }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function ledgerPage(wb: Workbook, request: LedgerQuery): LedgerPage {
  const base = ledgerWhere(wb, request.filter);
  const aggregate = ledgerAggregate(wb, request.filter, base);
  let query = base.select([
    'id',
    'year',
    'period',
    'booking_date as bookingDate',
    'journal',
    'document',
    'cost_centre as costCentre',
    'account',
    'description',
    'amount_cents as amountCents',
    'counterparty',
  ]);
  for (const sort of request.sort) query = query.orderBy(sql.ref(ledgerColumnSql[sort.column]), sort.direction);
  query = query.orderBy('id').limit(request.limit).offset(request.offset);
  return { rows: wb.all(query), total: aggregate.n, totalCents: aggregate.total };
}
