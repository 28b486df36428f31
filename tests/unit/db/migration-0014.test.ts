import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/backend/db/migrations/index.ts';

describe('migration 14: the small parts of finance packages beside them', () => {
  it('takes personnel costs, external hire, the number of bottlenecks and the forecast basis out of the packages already held', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    for (const migration of migrations.filter((m) => m.version <= 13)) db.exec(migration.sql);
    const insert = db.prepare(
      `INSERT INTO central_package (department_code, kind, period, sequence, status, package_sha256, payload_sha256, key_fingerprint, created_at, app_version, format_version, file_name, imported_at, imported_by, superseded_by, envelope_json)
       VALUES (?, ?, '2027-Q1', 1, 'current', ?, 'p', 'k', '2027-04-01', '0.1.0', 1, 'x.wbx', '2027-04-02', 'test', NULL, ?)`,
    );
    const personnelCosts = { budgetCents: 100, forecastCents: 90, varianceCents: 10, byCostCentre: [] };
    insert.run('OR', 'finance-summary', 'a', JSON.stringify({ payload: { basis: { year: 2027, monthsBooked: 3, rhythmYear: 2026 }, lines: [{ x: 1 }], personnelCosts, bottlenecks: [{}, {}] } }, null, 2));
    insert.run('BZ', 'finance-summary', 'b', JSON.stringify({ payload: { basis: { year: 2027 }, lines: [] } }));
    insert.run('HR', 'hr-summary', 'c', JSON.stringify({ payload: { staff: [] } }));
    db.exec(migrations.find((m) => m.version === 14)!.sql);
    const extras = db.prepare('SELECT department_code, extras_json FROM central_package ORDER BY id').all() as Array<{ department_code: string; extras_json: string | null }>;
    expect(extras.map((e) => [e.department_code, e.extras_json === null ? null : JSON.parse(e.extras_json)])).toEqual([
      ['OR', { personnelCosts, externalHire: null, bottlenecks: 2, year: 2027, monthsBooked: 3, rhythmYear: 2026 }],
      ['BZ', { personnelCosts: null, externalHire: null, bottlenecks: null, year: 2027, monthsBooked: null, rhythmYear: null }],
      ['HR', null],
    ]);
  });
});
