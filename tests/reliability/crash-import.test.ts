import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentWorkbook, sample, tempDir } from '../helpers/workbook.ts';
import { crashSeed, runCrashScenario } from './harness/crash.ts';
import { dutchLedger } from './harness/generate.ts';

const ROWS = 12_000;

describe('crash safety of an import', () => {
  it('leaves the whole ledger import or none of it, with earlier data intact, at 50 kills', async () => {
    const seed = crashSeed(20_270_101);
    const summary = await runCrashScenario(
      {
        name: `ledger import of ${ROWS} rows`,
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
          fs.writeFileSync(path.join(dir, 'groot.csv'), dutchLedger(ROWS, seed, 'CRASH').text);
          return file;
        },
        childArgs: (workbook, dataDir) => ['import', dataDir, workbook, 'ledger', path.join(path.dirname(workbook), 'groot.csv')],
        checkComplete(db) {
          const batch = db.prepare("SELECT max(id) AS id FROM import_batch WHERE file_name = 'groot.csv'").get() as { id: number };
          expect((db.prepare('SELECT count(*) AS n FROM ledger_line WHERE import_batch_id = ?').get(batch.id) as { n: number }).n).toBe(ROWS);
          // actual_cents is kept by the import in the same transaction: it must equal the ledger's sum per line.
          expect(db.prepare('SELECT count(*) AS n FROM budget_line l WHERE actual_cents != (SELECT coalesce(sum(amount_cents), 0) FROM ledger_line g WHERE g.budget_line_id = l.id)').get()).toEqual({ n: 0 });
        },
      },
      tempDir('werkboek-crash-'),
      seed,
    );
    console.info(`crash (ledger import): seed ${summary.seed}, ${summary.absent} kills left no import, ${summary.present} the whole import; ${summary.insideTransaction} aimed inside the transaction; a full run takes ${Math.round(summary.durationMs)} ms`);
    expect(summary.insideTransaction).toBeGreaterThanOrEqual(15);
    expect(summary.absent).toBeGreaterThan(0);
  });
});
