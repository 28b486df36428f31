import DatabaseConstructor from 'better-sqlite3';
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/exchange/types.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { centralWorkbook, expectCentralPackageWhole, sampleDepartment, type DepartmentHandle } from '../helpers/exchange.ts';
import { tempDir } from '../helpers/workbook.ts';
import { crashSeed, runCrashScenario } from './harness/crash.ts';
import { fingerprint, highestRowids } from './harness/fingerprint.ts';

/**
 * Crash safety of a central import of many packages: five department workbooks of the sample
 * organisation (made once) send finance and HR packages for every quarter of 2027, two versions each.
 * The central workbook already holds the first quarter (earlier data); the batch holds 40 packages
 * (quarters 2–4, which supersede each other, and the first quarter again, which must come back as
 * duplicates) and two bad files. Each package commits in its own transaction, so after a kill any
 * number of them may be there, but each one whole, in the order the import applies them, with the
 * earlier data untouched; and running the batch again completes it.
 */
const DEPARTMENTS = [
  ['BZ', 'Burgerzaken'],
  ['DV', 'Dienstverlening'],
  ['OR', 'Openbare Ruimte'],
  ['SD', 'Sociaal Domein'],
  ['VH', 'Veiligheid en Handhaving'],
] as const;
const QUARTERS = ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'];
const KINDS = { finance: { kind: 'finance-summary', central: 'central-finance' }, hr: { kind: 'hr-summary', central: 'central-hr' } } as const;
type Base = keyof typeof KINDS;

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('crash safety of a central import of many packages', () => {
  const root = tempDir('werkboek-crash-central-');
  const departments: DepartmentHandle[] = [];
  const prepared = {} as Record<Base, { workbook: string; batch: string; files: number }>;

  beforeAll(async () => {
    for (const [code, name] of DEPARTMENTS) departments.push(await sampleDepartment(root, code, name));
    for (const base of Object.keys(KINDS) as Base[]) {
      const { kind, central } = KINDS[base];
      const earlier = path.join(root, `${base}-eerder`);
      const batch = path.join(root, `${base}-partij`);
      fs.mkdirSync(earlier);
      fs.mkdirSync(batch);
      for (const d of departments) {
        for (const quarter of QUARTERS) {
          for (const version of [1, 2]) {
            const name = `${d.code}-${base}-${quarter}-v${version}.wbx`;
            await d.client.exchange.export({ kind, period: quarter, path: path.join(quarter === '2027-Q1' ? earlier : batch, name) });
            if (quarter === '2027-Q1') fs.copyFileSync(path.join(earlier, name), path.join(batch, name));
          }
        }
      }
      // Two bad files: a package cut off, and one of the other kind.
      const sample = fs.readFileSync(path.join(batch, 'OR-' + base + '-2027-Q2-v1.wbx'), 'utf8');
      fs.writeFileSync(path.join(batch, 'kapot.wbx'), sample.slice(0, sample.length / 2));
      const other = base === 'finance' ? 'hr' : 'finance';
      await departments[0].client.exchange.export({ kind: KINDS[other].kind, period: '2027-Q2', path: path.join(batch, `verkeerd-soort.wbx`) });

      const c = await centralWorkbook(path.join(root, base), central);
      for (const d of departments) {
        const key = path.join(root, `${d.code}.wbkey`);
        if (!fs.existsSync(key)) await d.client.exchange.publicKeyFile({ path: key });
        await c.client.central.registerDepartment({ code: d.code, key: { path: key } });
      }
      const first = await c.client.central.import({ sources: [{ folder: earlier }] });
      expect(first.counts).toMatchObject({ imported: 5, superseding: 5, rejected: 0 });
      const current = first.files.find((f) => f.outcome === 'superseding')!;
      await c.client.central.review({ packageId: current.packageId!, status: 'question', note: 'Klopt de prognose?' });
      c.session.close();
      prepared[base] = { workbook: c.file, batch, files: fs.readdirSync(batch).length };
    }
  }, 600_000);
  afterAll(() => {
    for (const d of departments) d.session.close();
  });

  describe.each(Object.keys(KINDS) as Base[])('%s packages', (base) => {
    it('leaves every package whole or absent, earlier data intact, and a second run completes the batch, at 50 kills', async () => {
      const { workbook, batch, files } = prepared[base];
      expect(files).toBe(42);
      const seed = crashSeed(20_270_103);
      let earlierRows: Record<string, number> = {};
      let earlierState: Record<string, string> = {};
      let applyOrder: string[] = [];

      /** The packages the batch added, in the order they were written (ids rise with each transaction). */
      const added = (db: Database.Database) =>
        (db.prepare('SELECT id, package_sha256 AS sha FROM central_package WHERE id > ? ORDER BY id').all(earlierRows.central_package) as Array<{ id: number; sha: string }>);

      /** Any state a kill may leave: whole packages, a prefix of the import's order, nothing else changed. */
      function checkState(db: Database.Database, committed: number | null) {
        expect(fingerprint(db, { upTo: earlierRows, ignoreColumns: { audit_log: ['note'] } }), 'earlier data changed').toEqual(earlierState);
        const packages = added(db);
        expect(packages.map((p) => p.sha), 'not a prefix of the order the import applies').toEqual(applyOrder.slice(0, packages.length));
        if (committed !== null) expect(packages.length, 'packages present ≠ package transactions committed before the kill').toBe(committed);
        for (const p of packages) expectCentralPackageWhole(db, p.id);
        // No rows outside a whole package: every table holds exactly what its packages list.
        expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'import' AND table_name = 'central_package'")).toBe(count(db, 'SELECT count(*) AS n FROM central_package'));
        const rows = (table: string, owner: string) => count(db, `SELECT count(*) AS n FROM ${table} WHERE ${owner} NOT IN (SELECT id FROM central_package)`);
        expect([rows('central_finance_line', 'package_id'), rows('central_hr_basis', 'package_id'), rows('central_hr_staff', 'package_id'), rows('central_hr_case', 'package_id'), rows('central_hr_milestone', 'package_id'), rows('central_hr_position', 'package_id')]).toEqual([0, 0, 0, 0, 0, 0]);
        expect(count(db, 'SELECT count(*) AS n FROM central_hr_terms WHERE staff_id NOT IN (SELECT id FROM central_hr_staff)') + count(db, 'SELECT count(*) AS n FROM central_hr_episode WHERE case_row_id NOT IN (SELECT id FROM central_hr_case)')).toBe(0);
        // One current version per department and period, the highest present; older ones point to their successor.
        expect(
          db
            .prepare(
              `SELECT department_code, period FROM central_package p GROUP BY department_code, kind, period
               HAVING sum(status = 'current') != 1 OR max(sequence) != max(CASE WHEN status = 'current' THEN sequence END)`,
            )
            .all(),
        ).toEqual([]);
        expect(count(db, "SELECT count(*) AS n FROM central_package p WHERE status = 'superseded' AND NOT EXISTS (SELECT 1 FROM central_package q WHERE q.id = p.superseded_by AND q.sequence > p.sequence)")).toBe(0);
      }

      const summary = await runCrashScenario(
        {
          name: `central import of ${files} ${base} files`,
          kills: 50,
          async prepare(dir) {
            const file = path.join(dir, 'centraal.werkboek');
            fs.copyFileSync(workbook, file);
            const db = new DatabaseConstructor(file, { readonly: true });
            try {
              earlierRows = highestRowids(db);
              earlierState = fingerprint(db, { ignoreColumns: { audit_log: ['note'] } });
            } finally {
              db.close();
            }
            return file;
          },
          childArgs: (work, dataDir) => ['central-import', dataDir, work, batch],
          // The audit row of an import carries its moment inside its JSON.
          ignoreColumns: { audit_log: ['note', 'new_json'] },
          checkComplete(db) {
            const packages = db.prepare('SELECT id, package_sha256 AS sha FROM central_package ORDER BY id').all() as Array<{ id: number; sha: string }>;
            expect(packages).toHaveLength(40);
            // The first 10 are the earlier data (the first quarter); the batch added the rest in this order.
            applyOrder = packages.slice(10).map((p) => p.sha);
            for (const p of packages) expectCentralPackageWhole(db, p.id);
          },
          checkPartial: checkState,
          async resume(work, dataDir) {
            const { client, session } = createLocalClient({ dataDir, holder: 'crash test' });
            try {
              await client.workbook.open({ path: work });
              const result = await client.central.import({ sources: [{ folder: batch }] });
              const outcomes = new Map(result.files.map((f) => [path.basename(f.file), f.outcome]));
              for (const [name, outcome] of outcomes) {
                const allowed: ImportOutcome[] = name === 'kapot.wbx' || name === 'verkeerd-soort.wbx' ? ['rejected'] : ['imported', 'superseding', 'duplicate'];
                expect(allowed, `${name}: ${outcome}`).toContain(outcome);
              }
            } finally {
              session.close();
            }
          },
        },
        tempDir('werkboek-crash-'),
        seed,
      );
      console.info(
        `crash (central ${base} import): seed ${summary.seed}, ${summary.absent} kills left no package of the batch, ${summary.partial} some whole packages, ${summary.present} all; ${summary.insideTransaction} aimed inside a package's transaction; a full run takes ${Math.round(summary.durationMs)} ms`,
      );
      expect(summary.partial).toBeGreaterThanOrEqual(10);
      expect(summary.insideTransaction).toBeGreaterThanOrEqual(10);
    });
  });
});
