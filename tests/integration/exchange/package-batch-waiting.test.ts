import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORGANISATION, writePackages } from '../../../bench/packages.ts';
import { importPackages } from '../../../electron/backend/consolidation/import.ts';
import { createLocalClient } from '../../../electron/backend/local-client.ts';
import { tempDir } from '../../helpers/workbook.ts';

/**
 * A central import verifies every file first and applies the valid ones in order of department, period
 * and sequence. The verified packages wait in memory up to a budget and on disk beyond it, so a folder
 * of 1.000 departments takes no more memory than one of 100. What is stored must not depend on where
 * they waited.
 */
describe('verified packages waiting on disk', () => {
  const dir = tempDir('werkboek-batch-waiting-');
  const inbox = path.join(dir, 'inbox');
  writePackages(inbox, 'hr-summary', 40, { staff: 12, organisation: true, secondVersionOf: 3 });
  const sessions: Array<{ close(): void }> = [];
  afterAll(() => {
    for (const s of sessions) s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function importInto(name: string, pendingInMemoryBytes?: number) {
    const { client, session } = createLocalClient({ dataDir: path.join(dir, `data-${name}`), rememberRecent: false });
    sessions.push(session);
    const file = path.join(dir, `${name}.werkboek`);
    await client.workbook.create({ path: file, kind: 'central-hr', organisation: ORGANISATION, fiscalYear: 2027, owner: 'Test' });
    const request = { sources: [{ folder: inbox }], trust: [], trustNew: true };
    const result = await importPackages(session.workbook!, request, undefined, pendingInMemoryBytes === undefined ? undefined : { pendingInMemoryBytes });
    return { result, file, client };
  }

  /** The stored packages and their rows, without the moment of import. */
  function stored(file: string) {
    const db = new Database(file, { readonly: true });
    try {
      return {
        packages: db.prepare('SELECT id, department_code, period, sequence, status, package_sha256, payload_sha256, key_fingerprint, file_name, superseded_by, envelope_json FROM central_package ORDER BY id').all(),
        staff: db.prepare('SELECT package_id, personnel_number, employment_start, employment_end FROM central_hr_staff ORDER BY id').all(),
        cases: db.prepare('SELECT package_id, case_id, first_day, last_sick_day FROM central_hr_case ORDER BY id').all(),
        milestones: db.prepare('SELECT package_id, case_id, milestone, due_date, completed_on FROM central_hr_milestone ORDER BY id').all(),
      };
    } finally {
      db.close();
    }
  }

  it('stores exactly what waiting in memory stores, in the same order: a correction sorted before its first version still supersedes it', async () => {
    const memory = await importInto('geheugen');
    const disk = await importInto('schijf', 0);
    expect(disk.result).toEqual(memory.result);
    expect(memory.result.counts).toMatchObject({ imported: 40, superseding: 1, rejected: 0 });
    const byFile = new Map(memory.result.files.map((f) => [path.basename(f.file), f.outcome]));
    expect([byFile.get('D003-2027-Q2-v2.wbx'), byFile.get('D003-2027-Q2.wbx')]).toEqual(['superseding', 'imported']);
    expect(stored(disk.file)).toEqual(stored(memory.file));
    expect(await disk.client.central.hr({ period: '2027-Q2', asOf: '2027-07-15' })).toEqual(await memory.client.central.hr({ period: '2027-Q2', asOf: '2027-07-15' }));
  });
});
