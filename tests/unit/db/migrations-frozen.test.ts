import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/backend/db/migrations/index.ts';

/**
 * A migration that shipped is frozen: workbooks already migrated past it never run it again, so an
 * edit reaches new workbooks only and the two drift apart. The schema changes through a new migration.
 * Each shipped file is pinned by the SHA-256 of its text (line endings normalised, so a Windows
 * checkout hashes the same). A new migration is added here in the commit that ships it.
 */
const SHIPPED: Record<string, string> = {
  '0001_workbook.ts': '8d4f49dd4f268fc8c8848d3017e0e5ba5729689c29956430dbcfc9bb655db955',
  '0002_budget.ts': '5af1428291592f61bc991037bf6cd013496aa9d9ab99c3ccf079f3087527e9b2',
  '0003_staff_core.ts': 'fa7185df5b42abfdf941423f0f031a585f7488b3c2961b50583a111990e19a26',
  '0004_staff_formation_costs.ts': '94289a6cca9d46c002849d2641d42db2db034f462eb6442c1b96b62250690955',
  '0005_absence.ts': '0d8e83f0eabb41c1bc343a49461e90071bd366fcb13879b0b1a2b6bc1d3d1071',
  '0006_bottlenecks.ts': '9c0d40e8a9044444be90b7eaa96e1ecd10a4de3848b67f9c14cfb331ffb7ac1b',
  '0007_exchange.ts': 'a673dcf1743f9bf8611eddf5e8d2d08031e6ed1f9e45584f1252a606334c266e',
  '0008_reliability.ts': '239c532a7d950a0ffec07f94de3cd819cd8bc4865231c161555331d92bb6ce0f',
  '0009_central_hr.ts': 'df40dc048c77a4545d0ffa6c7ce927712d91f3ad954f1baa68cab52595205c38',
  '0010_assignments.ts': 'efb6a01e4ae04531c835c838f7c4cfe247094ed0f2316c1af2454fdd9b0df8f2',
  '0011_ledger_month.ts': 'bc958c5d04187061d932194600d7f62f30f75fab6779d277d09bc268b8615472',
  '0012_central_key_fingerprint.ts': 'e6aa96752a3ff8266e570f64ecd07750925c734425cb4568aacf633723e6c7be',
  '0013_finance_forecast_method.ts': '45e6dd3cd684b6b2cadf01cc4da498f21ac58bc8c26f218a57230a1665f73ec4',
  '0014_central_package_extras.ts': '94621823b95bef57a58feaf7e06931115a2a3f6ea18387bf7d909316ade45b35',
  '0015_position_match.ts': '0bd629d6f1fb2cbb0313a56a1461bec5a233cd040b73bf5e811bced2a64f208a',
  '0016_workbook_years.ts': 'eceafdb98a339250dfe7d3f20cd226d405d0b320bd5e8c635ab22b5f2b5f164d',
  '0017_terms_position_code.ts': '0ecf79b5ed593c8f2a1b94c11ef7d383e6fce68806da2e4a1e4a1bfc661aa2b5',
};

const dir = path.resolve(import.meta.dirname, '../../../electron/backend/db/migrations');
const migrationFiles = fs.readdirSync(dir).filter((name) => /^\d{4}_.+\.ts$/.test(name)).sort();

function sha256(file: string): string {
  const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n');
  return crypto.createHash('sha256').update(text).digest('hex');
}

describe('shipped migrations are frozen', () => {
  it.each(Object.keys(SHIPPED))('%s is unchanged', (file) => {
    expect(fs.existsSync(path.join(dir, file)), `${file} was shipped and must not be removed or renamed`).toBe(true);
    expect(sha256(file), `${file} changed after it shipped: undo the edit and write a new migration instead`).toBe(SHIPPED[file]);
  });

  it('pins every migration file (a new one is added to SHIPPED in the commit that ships it)', () => {
    const unpinned = migrationFiles.filter((file) => !(file in SHIPPED)).map((file) => `'${file}': '${sha256(file)}'`);
    expect(unpinned, 'add these lines to SHIPPED in tests/unit/db/migrations-frozen.test.ts').toEqual([]);
  });

  it('lists every migration file in the index, in file order, with the version of its name', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrationFiles.map((file) => Number(file.slice(0, 4))));
    expect(migrations.map((m, i) => i + 1)).toEqual(migrations.map((m) => m.version));
  });
});
