import crypto from 'node:crypto';
import { amountOrZero, DepartmentScope } from '../import/department-scope.ts';
import { DeferredIndexes } from '../db/deferred-indexes.ts';
import type { ImporterDefinition, ImportRun, ImportRunContext, RowOutcome } from '../import/importer.ts';
import { RowRejection, type RowReader } from '../import/row-reader.ts';
import { BudgetLineIndex, normaliseCode } from './budget-lines.ts';
import { LEDGER_FIELDS } from './import-fields.ts';
import { LedgerTotals } from './ledger-totals.ts';

/**
 * After this many new lines, and at least as many as the ledger held before, the ledger's secondary
 * indexes are built once at the end instead of row by row (db/deferred-indexes.ts): a first import of a
 * year's export, or one larger than what is there. Below it, index upkeep costs less than a rebuild.
 */
const BULK_AFTER_LINES = 5_000;

const CREDIT = /^(c|cr|credit|af)$/i;
const DEBIT = /^(d|db|debet|debit|bij)$/i;

function signedAmount(reader: RowReader): number {
  if (reader.isMapped('amount') && reader.has('amount')) {
    const cents = reader.amount('amount');
    if (!reader.isMapped('debitCredit')) return cents;
    const sign = reader.text('debitCredit');
    if (CREDIT.test(sign)) return -Math.abs(cents);
    if (DEBIT.test(sign)) return Math.abs(cents);
    throw new RowRejection(`debet/credit-teken "${sign}" is niet D of C`, 'debitCredit');
  }
  if (reader.isMapped('debit') || reader.isMapped('credit')) {
    if (!reader.has('debit') && !reader.has('credit')) throw new RowRejection('debet en credit zijn allebei leeg', 'debit');
    return (reader.optionalAmount('debit') ?? 0) - (reader.optionalAmount('credit') ?? 0);
  }
  return reader.amount('amount');
}

class LedgerImportRun implements ImportRun {
  private readonly lines: BudgetLineIndex;
  private readonly departmentCostCentres: Set<string>;
  private readonly scope: DepartmentScope;
  private readonly totals = new LedgerTotals();
  private occurrencesRecorded = 0;
  private readonly indexes: DeferredIndexes;
  private readonly bulkAfter: number;
  private inserted = 0;
  private readonly insert;
  private readonly batchOfKey;
  private readonly getOccurrence;
  private readonly setOccurrence;

  constructor(private readonly context: ImportRunContext) {
    const { wb } = context;
    this.lines = new BudgetLineIndex(wb);
    this.departmentCostCentres = new Set(wb.departmentCostCentres());
    this.scope = new DepartmentScope(wb);
    this.indexes = new DeferredIndexes(wb.sqlite, 'ledger_line');
    // The highest id is a cheap upper bound of the lines already there (a count would read the whole table).
    const existing = (wb.sqlite.prepare('SELECT max(id) FROM ledger_line').pluck().get() as number | null) ?? 0;
    this.bulkAfter = Math.max(BULK_AFTER_LINES, existing);
    this.insert = wb.sqlite.prepare(
      `INSERT INTO ledger_line (row_key, year, period, booking_date, journal, document, cost_centre, account, description, amount_cents, counterparty, budget_line_id, import_batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (row_key) DO NOTHING`,
    );
    this.batchOfKey = wb.sqlite.prepare('SELECT import_batch_id AS batch FROM ledger_line WHERE row_key = ?');
    wb.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS ledger_import_occurrence (hash TEXT PRIMARY KEY, next INTEGER NOT NULL)');
    wb.sqlite.exec('DELETE FROM temp.ledger_import_occurrence');
    this.getOccurrence = wb.sqlite.prepare('SELECT next FROM temp.ledger_import_occurrence WHERE hash = ?');
    this.setOccurrence = wb.sqlite.prepare('INSERT INTO temp.ledger_import_occurrence (hash, next) VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET next = excluded.next');
  }

  row(reader: RowReader): RowOutcome {
    const costCentre = normaliseCode(reader.required('costCentre'));
    // Another department's booking is counted, not checked: its date or amount is not hers to fix.
    if (!this.departmentCostCentres.has(costCentre)) {
      const scope = this.scope.costCentre(costCentre);
      if (scope !== 'ours') return this.scope.outcome(scope, amountOrZero(signedAmount, reader), costCentre, scope === 'unregistered' ? reader.text('costCentreName') : undefined);
    }
    const account = normaliseCode(reader.required('account'));
    const bookingDate = reader.date('bookingDate');
    const cents = signedAmount(reader);
    const year = reader.optionalInteger('year') ?? Number(bookingDate.slice(0, 4));
    const period = reader.optionalInteger('period');
    if (period !== null && (period < 0 || period > 16)) throw new RowRejection(`periode ${period} ligt niet tussen 0 en 16`, 'period');

    const journal = reader.text('journal') || null;
    const document = reader.text('document') || null;
    const description = reader.text('description');
    const counterparty = reader.text('counterparty') || null;
    const budgetLineId =
      this.lines.find(year, costCentre, account) ??
      this.lines.ensure(year, costCentre, account, {
        accountName: reader.text('accountName'),
        taakveld: reader.text('taakveld') || null,
        category: reader.text('category') || null,
      });
    // Identical content = the same booking: a re-import of the same (or an overlapping) export adds nothing.
    // 72 bits of SHA-1 over the whole line, after the document number (or date): exports come in document
    // order, so keys arrive nearly sorted and the unique index grows at its end instead of at random places.
    // (One template string rather than an array joined: the same text, one allocation fewer per line.)
    const digest = crypto.hash('sha1', `${year}\u001f${period ?? ''}\u001f${bookingDate}\u001f${journal ?? ''}\u001f${document ?? ''}\u001f${costCentre}\u001f${account}\u001f${description}\u001f${cents}\u001f${counterparty ?? ''}`, 'base64url');
    const hash = `${document ?? bookingDate}:${digest.slice(0, 12)}`;
    let occurrence = this.occurrencesRecorded > 0 ? ((this.getOccurrence.get(hash) as { next: number } | undefined)?.next ?? 0) : 0;
    for (;;) {
      const key = occurrence === 0 ? hash : `${hash}#${occurrence}`;
      const info = this.insert.run(key, year, period, bookingDate, journal, document, costCentre, account, description, cents, counterparty, budgetLineId, this.context.batchId);
      if (info.changes === 1) {
        this.totals.add(budgetLineId, bookingDate, cents);
        this.inserted += 1;
        if (this.inserted === this.bulkAfter) this.indexes.drop();
        return { status: 'new', cents };
      }
      const existing = this.batchOfKey.get(key) as { batch: number | null };
      if (existing.batch === this.context.batchId) {
        // The same line twice in this file: two real bookings, so the second gets its own key.
        occurrence += 1;
        continue;
      }
      this.setOccurrence.run(hash, occurrence + 1);
      this.occurrencesRecorded += 1;
      return { status: 'duplicate', cents };
    }
  }

  finish(): Record<string, number> {
    this.indexes.restore();
    this.totals.write(this.context.wb.sqlite);
    this.context.wb.sqlite.exec('DELETE FROM temp.ledger_import_occurrence');
    return { budgetLinesCreated: this.lines.created };
  }
}

export const ledgerImporter: ImporterDefinition = {
  kind: 'ledger',
  title: 'Grootboekmutaties',
  fields: LEDGER_FIELDS,
  requiredAlternatives: [['amount'], ['debit'], ['credit']],
  amountFields: ['amount', 'debit', 'credit'],
  table: 'ledger_line',
  workbookKinds: ['department'],
  begin: (context) => new LedgerImportRun(context),
};
