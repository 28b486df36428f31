import { nowIso, type Workbook } from '../workbook/workbook.ts';

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

type Kind = 'lasten' | 'baten';

/**
 * The kind (baten/lasten) of each ledger account as the budget has it: the kind of the account's budgeted
 * lines (any cost centre) of that year, else of any year; where the lines of one account disagree, the kind
 * most of them have. Lines without a budget of their own say nothing about their account.
 */
export class AccountKinds {
  private readonly byYear = new Map<string, Kind>();
  private readonly anyYear = new Map<string, Kind>();

  constructor(rows: Array<{ year: number; account: string; kind: Kind }>) {
    const votes = new Map<string, { lasten: number; baten: number }>();
    const vote = (key: string, kind: Kind) => {
      const v = votes.get(key) ?? { lasten: 0, baten: 0 };
      v[kind] += 1;
      votes.set(key, v);
    };
    for (const row of rows) {
      vote(`${row.year}|${row.account}`, row.kind);
      vote(row.account, row.kind);
    }
    for (const [key, v] of votes) (key.includes('|') ? this.byYear : this.anyYear).set(key, v.baten > v.lasten ? 'baten' : 'lasten');
  }

  static of(wb: Workbook): AccountKinds {
    return new AccountKinds(
      wb.all(
        wb.db
          .selectFrom('budget_line as l')
          .select(['l.year', 'l.account', 'l.kind'])
          .where((eb) => eb.or([eb('l.primitive_cents', '!=', 0), eb.exists(eb.selectFrom('budget_revision as r').select('r.id').whereRef('r.budget_line_id', '=', 'l.id'))])),
      ),
    );
  }

  kindOf(year: number, account: string): Kind | undefined {
    return this.byYear.get(`${year}|${account}`) ?? this.anyYear.get(account);
  }
}

/**
 * Budget lines by "year|cost centre|account" for the department, created on demand: actuals on an
 * account without a budget still belong in the workbook, as a line with a budget of zero, of the kind
 * its account has in the budget (lasten when the budget does not know the account).
 */
export class BudgetLineIndex {
  private readonly ids = new Map<string, number>();
  private kinds: AccountKinds | undefined;
  created = 0;

  constructor(private readonly wb: Workbook) {
    const rows = wb.all(wb.db.selectFrom('budget_line').select(['id', 'year', 'cost_centre', 'account']));
    for (const row of rows) this.ids.set(`${row.year}|${row.cost_centre}|${row.account}`, row.id);
  }

  private kindOf(year: number, account: string): Kind {
    this.kinds ??= AccountKinds.of(this.wb);
    return this.kinds.kindOf(year, account) ?? 'lasten';
  }

  find(year: number, costCentre: string, account: string): number | undefined {
    return this.ids.get(`${year}|${costCentre}|${account}`);
  }

  ensure(year: number, costCentre: string, account: string, details: { accountName?: string; kind?: Kind; taakveld?: string | null; category?: string | null }): number {
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
          kind: details.kind ?? this.kindOf(year, account),
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
