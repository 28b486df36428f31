import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations/index.ts';
import { oldSchemaWorkbook } from '../helpers/old-workbook.ts';
import { tempDir } from '../helpers/workbook.ts';
import { seededRandom } from './harness/child.ts';
import { crashSeed, runCrashScenario } from './harness/crash.ts';

const LEDGER_LINES = 20_000;

describe('crash safety of a migration', () => {
  it('leaves the old schema or the new one, never a mix, with all data intact, at 50 kills', async () => {
    const seed = crashSeed(20_270_102);
    const summary = await runCrashScenario(
      {
        name: `migration from schema 2 to ${LATEST_SCHEMA_VERSION} of a workbook with ${LEDGER_LINES} ledger lines`,
        kills: 50,
        async prepare(dir) {
          const file = path.join(dir, 'oud.werkboek');
          const db = oldSchemaWorkbook(file, 2);
          const random = seededRandom(seed);
          db.transaction(() => {
            const line = db.prepare(
              `INSERT INTO budget_line (year, cost_centre, account, account_name, kind, primitive_cents, actual_cents, expected_cents, created_at, updated_at)
               VALUES (2026, ?, ?, 'Rekening', 'lasten', ?, 0, 0, '2026-01-01', '2026-01-01')`,
            );
            const ids: number[] = [];
            for (const cc of ['OR01', 'OR02', 'OR03']) for (const account of ['4100', '4300', '4500', '4700']) ids.push(Number(line.run(cc, account, Math.floor(random() * 1e8)).lastInsertRowid));
            const ledger = db.prepare(
              `INSERT INTO ledger_line (row_key, year, period, booking_date, cost_centre, account, description, amount_cents, budget_line_id)
               SELECT ?, 2026, 3, '2026-03-15', cost_centre, account, ?, ?, id FROM budget_line WHERE id = ?`,
            );
            for (let i = 0; i < LEDGER_LINES; i += 1) ledger.run(`k${i}`, `Boeking ${i} “oud”`, Math.floor(random() * 1e6) - 1e5, ids[i % ids.length]);
            db.exec("UPDATE budget_line SET actual_cents = (SELECT sum(amount_cents) FROM ledger_line WHERE budget_line_id = budget_line.id)");
            const audit = db.prepare("INSERT INTO audit_log (at, actor, action, table_name, row_id, new_json) VALUES ('2026-02-01T00:00:00Z', 'hoofd', 'insert', 'budget_line', ?, '{}')");
            for (const id of ids) audit.run(String(id));
          })();
          db.pragma('wal_checkpoint(TRUNCATE)');
          db.close();
          return file;
        },
        childArgs: (workbook, dataDir) => ['open', dataDir, workbook],
        checkComplete(db) {
          expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
          expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'migrate'").get()).toEqual({ n: 1 });
          expect(db.prepare('SELECT count(*) AS n FROM ledger_line').get()).toEqual({ n: LEDGER_LINES });
          // The per-month actuals are built from the existing ledger by the migration itself.
          expect(db.prepare('SELECT sum(line_count) AS n, sum(amount_cents) AS cents FROM ledger_month').get()).toEqual(db.prepare('SELECT count(*) AS n, sum(amount_cents) AS cents FROM ledger_line').get());
        },
      },
      tempDir('werkboek-crash-'),
      seed,
    );
    console.info(`crash (migration): seed ${summary.seed}, ${summary.absent} kills left schema 2, ${summary.present} the migrated workbook; a full open takes ${Math.round(summary.durationMs)} ms`);
    expect(summary.absent).toBeGreaterThan(0);
  });
});
