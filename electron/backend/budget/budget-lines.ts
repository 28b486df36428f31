import { nowIso, type Workbook } from '../workbook/workbook.ts';

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Budget lines by "year|cost centre|account" for the department, created on demand: actuals on an
 * account without a budget still belong in the workbook, as a line with a budget of zero.
 */
export class BudgetLineIndex {
  private readonly ids = new Map<string, number>();
  created = 0;

  constructor(private readonly wb: Workbook) {
    const rows = wb.all(wb.db.selectFrom('budget_line').select(['id', 'year', 'cost_centre', 'account']));
    for (const row of rows) this.ids.set(`${row.year}|${row.cost_centre}|${row.account}`, row.id);
  }

  find(year: number, costCentre: string, account: string): number | undefined {
    return this.ids.get(`${year}|${costCentre}|${account}`);
  }

  ensure(year: number, costCentre: string, account: string, details: { accountName?: string; kind?: 'lasten' | 'baten'; taakveld?: string | null; category?: string | null }): number {
    const key = `${year}|${costCentre}|${account}`;
    const existing = this.ids.get(key);
    if (existing !== undefined) return existing;
    const now = nowIso();
    const id = Number(
      this.wb.run(
        this.wb.db.insertInto('budget_line').values({
          year,
          cost_centre: costCentre,
          account,
          account_name: details.accountName ?? '',
          kind: details.kind ?? 'lasten',
          taakveld: details.taakveld ?? null,
          category: details.category ?? null,
          primitive_cents: 0,
          actual_cents: 0,
          expected_cents: 0,
          created_at: now,
          updated_at: now,
        }),
      ).lastInsertRowid,
    );
    this.ids.set(key, id);
    this.created += 1;
    return id;
  }
}
