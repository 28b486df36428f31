import { allocate, type Allocation, type MatchableAssignment, type MatchableEntry } from '../../../shared/domain/assignments/money.ts';
import { normaliseCounterparty } from '../../../shared/domain/assignments/rules.ts';
import type { Workbook } from '../workbook/workbook.ts';

export interface LedgerEntry extends MatchableEntry {
  description: string;
  document: string | null;
  year: number;
}

export interface CommitmentEntry extends MatchableEntry {
  description: string;
  status: 'open' | 'afgewikkeld' | 'vervallen';
}

export interface MoneyAllocation {
  ledger: Allocation<LedgerEntry>;
  commitments: Allocation<CommitmentEntry>;
}

/**
 * Runs the actuals rule (shared/domain/assignments/money.ts) over the workbook: the ledger lines on the
 * assignments' budget lines within their periods, the open commitments on those lines, and whatever was
 * linked by hand. `assignments` must be every assignment that is not deleted, because whether a line is
 * ambiguous depends on all of them; `until` leaves out bookings after that date (a report period's end).
 */
export function allocateMoney(wb: Workbook, assignments: MatchableAssignment[], until?: string): Map<number, MoneyAllocation> {
  const lineIds = new Map<string, number[]>();
  for (const line of wb.all(wb.db.selectFrom('budget_line').select(['id', 'cost_centre', 'account']))) {
    const key = `${line.cost_centre}|${line.account}`;
    lineIds.set(key, [...(lineIds.get(key) ?? []), line.id]);
  }
  // Per budget line: the widest window any assignment on it needs, and the counterparties it looks for.
  const windows = new Map<number, { from: string; to: string; counterparties: Set<string> }>();
  for (const a of assignments) {
    const counterparty = normaliseCounterparty(a.counterparty);
    if (counterparty === '') continue;
    for (const ref of a.budgetLines) {
      for (const id of lineIds.get(`${ref.costCentre}|${ref.account}`) ?? []) {
        const w = windows.get(id) ?? { from: a.startDate, to: a.endDate, counterparties: new Set<string>() };
        if (a.startDate < w.from) w.from = a.startDate;
        if (a.endDate > w.to) w.to = a.endDate;
        w.counterparties.add(counterparty);
        windows.set(id, w);
      }
    }
  }

  const ledger = new Map<number, LedgerEntry>();
  const addLedger = (r: LedgerRow) => ledger.set(r.id, toLedgerEntry(r));
  const candidates = wb.statement(
    `SELECT g.id, g.booking_date, g.year, l.cost_centre, l.account, g.description, g.document, g.counterparty, g.amount_cents
       FROM ledger_line g JOIN budget_line l ON l.id = g.budget_line_id
      WHERE g.budget_line_id = ? AND g.booking_date BETWEEN ? AND ? AND g.counterparty IS NOT NULL`,
  );
  for (const [id, w] of windows) {
    const to = until && until < w.to ? until : w.to;
    if (to < w.from) continue;
    for (const row of candidates.all(id, w.from, to) as LedgerRow[]) {
      if (w.counterparties.has(normaliseCounterparty(row.counterparty))) addLedger(row);
    }
  }
  const ledgerLinks = new Map<number, number>();
  const linked = wb.statement(
    `SELECT k.assignment_id, g.id, g.booking_date, g.year, l.cost_centre, l.account, g.description, g.document, g.counterparty, g.amount_cents
       FROM assignment_ledger_link k JOIN ledger_line g ON g.id = k.ledger_line_id JOIN budget_line l ON l.id = g.budget_line_id`,
  );
  for (const row of linked.all() as Array<LedgerRow & { assignment_id: number }>) {
    if (until && row.booking_date > until) continue;
    ledgerLinks.set(row.id, row.assignment_id);
    addLedger(row);
  }

  const commitments = new Map<number, CommitmentEntry>();
  const commitmentRows = wb.statement(
    `SELECT c.id, c.date, l.cost_centre, l.account, c.supplier, c.description, c.amount_cents, c.status, k.assignment_id AS linked_to
       FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id LEFT JOIN assignment_commitment_link k ON k.commitment_id = c.id
      WHERE (c.status = 'open' OR k.assignment_id IS NOT NULL)
        -- carried into the next year (workbook/year-turn.ts): it counts once, as the carried commitment
        AND NOT EXISTS (SELECT 1 FROM commitment n WHERE n.carried_from_id = c.id)`,
  );
  const commitmentLinks = new Map<number, number>();
  for (const row of commitmentRows.all() as CommitmentRow[]) {
    if (row.linked_to !== null) commitmentLinks.set(row.id, row.linked_to);
    commitments.set(row.id, {
      id: row.id,
      date: row.date,
      costCentre: row.cost_centre,
      account: row.account,
      counterparty: row.supplier,
      amountCents: row.amount_cents,
      description: row.description,
      status: row.status,
    });
  }

  const ledgerAllocation = allocate(assignments, ledger.values(), ledgerLinks);
  const commitmentAllocation = allocate(assignments, commitments.values(), commitmentLinks);
  return new Map(assignments.map((a) => [a.id, { ledger: ledgerAllocation.get(a.id)!, commitments: commitmentAllocation.get(a.id)! }]));
}

interface LedgerRow {
  id: number;
  booking_date: string;
  year: number;
  cost_centre: string;
  account: string;
  description: string;
  document: string | null;
  counterparty: string | null;
  amount_cents: number;
}

interface CommitmentRow {
  id: number;
  date: string;
  cost_centre: string;
  account: string;
  supplier: string;
  description: string;
  amount_cents: number;
  status: 'open' | 'afgewikkeld' | 'vervallen';
  linked_to: number | null;
}

function toLedgerEntry(r: LedgerRow): LedgerEntry {
  return { id: r.id, date: r.booking_date, year: r.year, costCentre: r.cost_centre, account: r.account, description: r.description, document: r.document, counterparty: r.counterparty, amountCents: r.amount_cents };
}

/** Actuals count every counted line; commitments only the open ones (as on the budget page). */
export function totals(allocation: MoneyAllocation): { actualsCents: number; commitmentsCents: number; ledgerLines: number; ambiguousLines: number } {
  return {
    actualsCents: allocation.ledger.counted.reduce((s, c) => s + c.entry.amountCents, 0),
    commitmentsCents: allocation.commitments.counted.filter((c) => c.entry.status === 'open').reduce((s, c) => s + c.entry.amountCents, 0),
    ledgerLines: allocation.ledger.counted.length,
    ambiguousLines: allocation.ledger.ambiguous.length,
  };
}
