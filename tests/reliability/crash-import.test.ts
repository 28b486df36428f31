import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { departmentWorkbook, sample, tempDir } from '../helpers/workbook.ts';
import { crashSeed, runCrashScenario } from './harness/crash.ts';
import { dutchBudget, dutchLedger } from './harness/generate.ts';

/**
 * Every importer whose crash safety is tested: one entry each. `generate` writes a large file in the
 * importer's real dialect (big enough that the kills land inside its transaction); `complete` checks
 * the state after an uninterrupted import. Areas add theirs (roster, absence, salary table, bottlenecks).
 */
interface CrashImportTarget {
  kind: string;
  rows: number;
  generate(rows: number, seed: number): string;
  complete(db: Database.Database, batchId: number, rows: number): void;
}

const count = (db: Database.Database, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

const CRASH_IMPORTS: CrashImportTarget[] = [
  {
    kind: 'ledger',
    rows: 10_000,
    generate: (rows, seed) => dutchLedger(rows, seed, 'CRASH').text,
    complete(db, batchId, rows) {
      expect(count(db, 'SELECT count(*) AS n FROM ledger_line WHERE import_batch_id = ?', batchId)).toBe(rows);
      // actual_cents is kept by the import in the same transaction: it must equal the ledger's sum per line.
      expect(count(db, 'SELECT count(*) AS n FROM budget_line l WHERE actual_cents != (SELECT coalesce(sum(amount_cents), 0) FROM ledger_line g WHERE g.budget_line_id = l.id)')).toBe(0);
      // So is ledger_month: every (budget line, month) total equals its lines, and none is missing.
      expect(count(db, 'SELECT count(*) AS n FROM ledger_month m WHERE amount_cents != (SELECT sum(amount_cents) FROM ledger_line g WHERE g.budget_line_id = m.budget_line_id AND substr(g.booking_date, 1, 7) = m.month) OR line_count != (SELECT count(*) FROM ledger_line g WHERE g.budget_line_id = m.budget_line_id AND substr(g.booking_date, 1, 7) = m.month)')).toBe(0);
      expect(count(db, 'SELECT coalesce(sum(line_count), 0) AS n FROM ledger_month')).toBe(count(db, 'SELECT count(*) AS n FROM ledger_line'));
    },
  },
  {
    kind: 'budget',
    rows: 4_000,
    generate: (rows, seed) => dutchBudget(rows, seed).text,
    complete(db, _batchId, rows) {
      expect(count(db, "SELECT count(*) AS n FROM budget_line WHERE CAST(account AS INTEGER) >= 60000")).toBe(rows);
    },
  },
];

describe.each(CRASH_IMPORTS)('crash safety of the $kind import', (target) => {
  it(`leaves the whole import of ${target.rows} rows or none of it, with earlier data intact, at 50 kills`, async () => {
    const seed = crashSeed(20_270_101);
    const input = `groot-${target.kind}.csv`;
    const summary = await runCrashScenario(
      {
        name: `${target.kind} import of ${target.rows} rows`,
        kills: 50,
        async prepare(dir) {
          // Earlier data: the sample budget and ledger, a revision, a commitment and a setting.
          const { client, session, file } = await departmentWorkbook(dir);
          await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
          await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
          const line = (await client.budget.summary({})).lines[0];
          await client.budget.addRevision({ budgetLineId: line.id, date: '2027-05-01', amountCents: 123_45, reason: 'Burap 1', decisionRef: null });
          await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Leverancier BV', amountCents: 9_999_00, date: '2027-04-01' });
          await client.workbook.updateSettings({ varianceThresholdCents: 1_000_000 });
          session.close();
          fs.writeFileSync(path.join(dir, input), target.generate(target.rows, seed));
          return file;
        },
        childArgs: (workbook, dataDir) => ['import', dataDir, workbook, target.kind, path.join(path.dirname(workbook), input)],
        checkComplete(db) {
          const batch = db.prepare('SELECT max(id) AS id FROM import_batch WHERE file_name = ?').get(input) as { id: number };
          target.complete(db, batch.id, target.rows);
        },
      },
      tempDir('werkboek-crash-'),
      seed,
    );
    console.info(
      `crash (${target.kind} import): seed ${summary.seed}, ${summary.absent} kills left no import, ${summary.present} the whole import; ${summary.insideTransaction} aimed inside the transaction; a full run takes ${Math.round(summary.durationMs)} ms`,
    );
    expect(summary.insideTransaction).toBeGreaterThanOrEqual(15);
    expect(summary.absent).toBeGreaterThan(0);
  });
});
