import type Database from 'better-sqlite3';

interface MonthTotal {
  budgetLineId: number;
  month: string;
  lines: number;
  cents: number;
}

/**
 * The ledger lines an import adds, summed per budget line and booking month in memory, and written
 * once at the end of the import's transaction into budget_line.actual_cents and ledger_month, so those
 * always agree with the ledger itself.
 */
export class LedgerTotals {
  /** Keyed by budget line and month as one number (line × 10⁶ + yyyymm): no key string per ledger line. */
  private readonly months = new Map<number, MonthTotal>();

  /** `bookingDate` is ISO (yyyy-mm-dd). */
  add(budgetLineId: number, bookingDate: string, cents: number): void {
    const yearMonth = (bookingDate.charCodeAt(0) - 48) * 100_000 + (bookingDate.charCodeAt(1) - 48) * 10_000 + (bookingDate.charCodeAt(2) - 48) * 1000 + (bookingDate.charCodeAt(3) - 48) * 100 + (bookingDate.charCodeAt(5) - 48) * 10 + (bookingDate.charCodeAt(6) - 48);
    const key = budgetLineId * 1_000_000 + yearMonth;
    const total = this.months.get(key);
    if (total) {
      total.lines += 1;
      total.cents += cents;
    } else {
      this.months.set(key, { budgetLineId, month: bookingDate.slice(0, 7), lines: 1, cents });
    }
  }

  write(sqlite: Database.Database): void {
    const perLine = new Map<number, number>();
    const upsertMonth = sqlite.prepare(
      `INSERT INTO ledger_month (budget_line_id, month, line_count, amount_cents) VALUES (?, ?, ?, ?)
       ON CONFLICT (budget_line_id, month) DO UPDATE SET line_count = line_count + excluded.line_count, amount_cents = amount_cents + excluded.amount_cents`,
    );
    for (const total of this.months.values()) {
      upsertMonth.run(total.budgetLineId, total.month, total.lines, total.cents);
      perLine.set(total.budgetLineId, (perLine.get(total.budgetLineId) ?? 0) + total.cents);
    }
    const addActual = sqlite.prepare('UPDATE budget_line SET actual_cents = actual_cents + ? WHERE id = ?');
    for (const [id, cents] of perLine) addActual.run(cents, id);
    this.months.clear();
  }
}
