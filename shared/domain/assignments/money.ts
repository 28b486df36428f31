import { daysBetweenInclusive } from '../period.ts';
import { maxDate, minDate } from '../staff/calendar.ts';
import { normaliseCounterparty } from './rules.ts';
import type { AssignmentMoney, BudgetLineRef } from './types.ts';

/**
 * The actuals rule (docs/assignments.md): a ledger line counts for an assignment when it is booked on one
 * of the assignment's budget lines (cost centre × ledger account, any year), its counterparty (Relatie)
 * equals the assignment's counterparty without regard to case and spacing, and its booking date lies
 * within the assignment's period. The same rule decides which commitments (by supplier and date) count.
 *
 * Exactly one owner per entry:
 * - an entry linked by hand counts for that assignment only, whatever the rule says;
 * - an entry that fits one assignment by the rule counts for it;
 * - an entry that fits two or more assignments by the rule counts for none of them: it is listed on each
 *   as ambiguous until the head links it by hand. Guessing would move money between ceilings unseen.
 */

export interface MatchableAssignment {
  id: number;
  code: string;
  counterparty: string;
  startDate: string;
  endDate: string;
  budgetLines: BudgetLineRef[];
}

/** A ledger line or a commitment, reduced to what the rule reads. */
export interface MatchableEntry {
  id: number;
  date: string;
  costCentre: string;
  account: string;
  counterparty: string | null;
  amountCents: number;
}

export interface Allocation<E extends MatchableEntry = MatchableEntry> {
  counted: Array<{ entry: E; match: 'rule' | 'hand' }>;
  ambiguous: Array<{ entry: E; alsoFits: string[] }>;
}

export function fitsByRule(assignment: MatchableAssignment, entry: MatchableEntry): boolean {
  const counterparty = normaliseCounterparty(assignment.counterparty);
  if (counterparty === '' || normaliseCounterparty(entry.counterparty) !== counterparty) return false;
  if (entry.date < assignment.startDate || entry.date > assignment.endDate) return false;
  return assignment.budgetLines.some((line) => line.costCentre === entry.costCentre && line.account === entry.account);
}

/** Allocates entries to assignments; `handLinks` maps an entry id to the assignment id it was linked to by hand. */
export function allocate<E extends MatchableEntry>(assignments: MatchableAssignment[], entries: Iterable<E>, handLinks: ReadonlyMap<number, number>): Map<number, Allocation<E>> {
  const result = new Map<number, Allocation<E>>(assignments.map((a) => [a.id, { counted: [], ambiguous: [] }]));
  // Index assignments by budget line and counterparty, so a large ledger is one pass.
  const index = new Map<string, MatchableAssignment[]>();
  for (const a of assignments) {
    const counterparty = normaliseCounterparty(a.counterparty);
    if (counterparty === '') continue;
    for (const line of a.budgetLines) {
      const k = `${line.costCentre}|${line.account}|${counterparty}`;
      const list = index.get(k) ?? [];
      if (!list.includes(a)) list.push(a);
      index.set(k, list);
    }
  }
  for (const entry of entries) {
    const linked = handLinks.get(entry.id);
    if (linked !== undefined) {
      result.get(linked)?.counted.push({ entry, match: 'hand' });
      continue;
    }
    const candidates = index.get(`${entry.costCentre}|${entry.account}|${normaliseCounterparty(entry.counterparty)}`) ?? [];
    const fits = candidates.filter((a) => entry.date >= a.startDate && entry.date <= a.endDate);
    if (fits.length === 1) result.get(fits[0].id)!.counted.push({ entry, match: 'rule' });
    else if (fits.length > 1) {
      for (const a of fits) result.get(a.id)!.ambiguous.push({ entry, alsoFits: fits.filter((o) => o !== a).map((o) => o.code) });
    }
  }
  return result;
}

export function sumCents(entries: Array<{ entry: { amountCents: number } }>): number {
  return entries.reduce((sum, e) => sum + e.entry.amountCents, 0);
}

/** Ceiling against actuals and open commitments. */
export function moneyFigures(ceilingCents: number, actualsCents: number, commitmentsCents: number, ledgerLines = 0, ambiguousLines = 0): AssignmentMoney {
  const usedCents = actualsCents + commitmentsCents;
  return {
    ceilingCents,
    actualsCents,
    commitmentsCents,
    usedCents,
    usedPercent: ceilingCents === 0 ? null : Math.round((usedCents / ceilingCents) * 10_000) / 100,
    remainingCents: ceilingCents - usedCents,
    ledgerLines,
    ambiguousLines,
  };
}

/**
 * The part of a ceiling that falls in a year, pro rata by calendar days of the assignment's period: an
 * assignment from 1 July 2027 to 30 June 2028 commits half its ceiling (184 of 366 days) to 2027.
 */
export function ceilingPartInYear(ceilingCents: number, startDate: string, endDate: string, year: number): number {
  const from = maxDate(startDate, `${year}-01-01`);
  const to = minDate(endDate, `${year}-12-31`);
  if (to < from) return 0;
  const total = daysBetweenInclusive(startDate, endDate);
  return Math.round((ceilingCents * daysBetweenInclusive(from, to)) / total);
}
