import { formatCentsPlain } from '../../../shared/format/nl.ts';
import { amountOrZero, DepartmentScope } from '../import/department-scope.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { nowIso } from '../workbook/workbook.ts';
import { AccountKinds, BudgetLineIndex, normaliseCode } from './budget-lines.ts';
import { BUDGET_FIELDS } from './import-fields.ts';

/** The current budget a row states, or primitive + revisions. */
function currentBudget(reader: RowReader): number {
  return reader.optionalAmount('current') ?? reader.amount('primitive') + (reader.optionalAmount('revisions') ?? 0);
}

class BudgetImportRun implements ImportRun {
  private readonly lines: BudgetLineIndex;
  private readonly scope: DepartmentScope;
  private readonly seen = new Map<string, number>();
  private revisionsAdded = 0;
  private readonly accounts = new Set<string>();

  constructor(private readonly context: ImportRunContext) {
    this.lines = new BudgetLineIndex(context.wb);
    this.scope = new DepartmentScope(context.wb);
  }

  row(reader: RowReader): RowOutcome {
    const { wb } = this.context;
    const costCentre = normaliseCode(reader.required('costCentre'));
    // Another department's line is counted, not checked: its amounts are not hers to fix.
    const scope = this.scope.costCentre(costCentre);
    if (scope !== 'ours') return this.scope.outcome(scope, amountOrZero(currentBudget, reader), costCentre);
    const account = normaliseCode(reader.required('account'));
    const year = reader.optionalInteger('year') ?? wb.meta.fiscal_year;
    const primitive = reader.amount('primitive');
    const current = reader.optionalAmount('current');
    let revisions = reader.optionalAmount('revisions');
    if (revisions === null) revisions = current === null ? 0 : current - primitive;
    if (current !== null && primitive + revisions !== current) {
      throw new RowRejection(
        `actuele begroting ${formatCentsPlain(current)} is niet gelijk aan primitieve begroting ${formatCentsPlain(primitive)} + wijzigingen ${formatCentsPlain(revisions)}`,
        'current',
      );
    }
    const currentCents = primitive + revisions;
    const key = `${year}|${costCentre}|${account}`;
    const earlierLine = this.seen.get(key);
    if (earlierLine !== undefined) {
      throw new RowRejection(`kostenplaats ${costCentre} met grootboekrekening ${account} (${year}) staat al op regel ${earlierLine}`, 'account');
    }
    this.seen.set(key, reader.line);
    this.accounts.add(`${year}|${account}`);

    const accountName = reader.text('accountName');
    const now = nowIso();
    const existingId = this.lines.find(year, costCentre, account);
    if (existingId === undefined) {
      const id = this.lines.ensure(year, costCentre, account, {
        accountName,
        kind: currentCents < 0 ? 'baten' : 'lasten',
        taakveld: reader.text('taakveld') || null,
        category: reader.text('category') || null,
      });
      wb.run(wb.db.updateTable('budget_line').set({ primitive_cents: primitive }).where('id', '=', id));
      this.addRevision(id, revisions);
      return { status: 'new', cents: currentCents };
    }

    const line = wb.first(wb.db.selectFrom('budget_line').selectAll().where('id', '=', existingId))!;
    const revisionTotal = wb.first(
      wb.db.selectFrom('budget_revision').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total')).where('budget_line_id', '=', existingId),
    )!.total;
    const revisionDelta = revisions - Number(revisionTotal);
    if (line.primitive_cents === primitive && revisionDelta === 0) return { status: 'duplicate', cents: currentCents };
    const patch = {
      primitive_cents: primitive,
      account_name: line.account_name || accountName,
      // A line created by the ledger import (no budget yet) takes its kind from the budget.
      kind: line.primitive_cents === 0 && revisionTotal === 0 ? (currentCents < 0 ? ('baten' as const) : ('lasten' as const)) : line.kind,
      updated_at: now,
    };
    wb.run(wb.db.updateTable('budget_line').set(patch).where('id', '=', existingId));
    wb.audit({
      action: 'update',
      table: 'budget_line',
      rowId: existingId,
      old: { primitive_cents: line.primitive_cents, revisions_cents: revisionTotal },
      new: { primitive_cents: primitive, revisions_cents: revisions },
      note: `Begroting bijgewerkt uit ${this.context.fileName}`,
    });
    this.addRevision(existingId, revisionDelta);
    return { status: 'updated', cents: currentCents };
  }

  private addRevision(budgetLineId: number, amount: number): void {
    if (amount === 0) return;
    const { wb, fileName } = this.context;
    const now = nowIso();
    wb.run(
      wb.db.insertInto('budget_revision').values({
        budget_line_id: budgetLineId,
        date: now.slice(0, 10),
        amount_cents: amount,
        reason: `Begrotingswijzigingen volgens ${fileName}`,
        decision_ref: null,
        created_at: now,
        updated_at: now,
      }),
    );
    this.revisionsAdded += 1;
  }

  /**
   * Lines the ledger import made earlier (no budget of their own) on an account this budget covers take the
   * kind the budget gives that account, as lines the ledger import makes after it do.
   */
  private alignUnbudgetedKinds(): number {
    const { wb, fileName } = this.context;
    if (this.accounts.size === 0) return 0;
    const kinds = AccountKinds.of(wb);
    const unbudgeted = wb.all(
      wb.db
        .selectFrom('budget_line as l')
        .select(['l.id', 'l.year', 'l.account', 'l.kind'])
        .where('l.primitive_cents', '=', 0)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('budget_revision as r').select('r.id').whereRef('r.budget_line_id', '=', 'l.id')))),
    );
    let changed = 0;
    for (const line of unbudgeted) {
      if (!this.accounts.has(`${line.year}|${line.account}`)) continue;
      const kind = kinds.kindOf(line.year, line.account);
      if (!kind || kind === line.kind) continue;
      wb.run(wb.db.updateTable('budget_line').set({ kind, updated_at: nowIso() }).where('id', '=', line.id));
      wb.audit({ action: 'update', table: 'budget_line', rowId: line.id, old: { kind: line.kind }, new: { kind }, note: `Soort van grootboekrekening ${line.account} overgenomen uit ${fileName}` });
      changed += 1;
    }
    return changed;
  }

  finish(): Record<string, number> {
    const kindsAligned = this.alignUnbudgetedKinds();
    return { budgetLinesCreated: this.lines.created, revisionsAdded: this.revisionsAdded, kindsAligned };
  }
}

export const budgetImporter: ImporterDefinition = {
  kind: 'budget',
  title: 'Begroting',
  fields: BUDGET_FIELDS,
  amountFields: ['primitive', 'revisions', 'current'],
  table: 'budget_line',
  workbookKinds: ['department'],
  begin: (context: ImportRunContext) => new BudgetImportRun(context),
};
