import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISATION, writePackages } from '../../../bench/packages.ts';
import { hrConsolidation } from '../../../electron/backend/consolidation/hr.ts';
import { createLocalClient } from '../../../electron/backend/local-client.ts';
import { tempDir } from '../../helpers/workbook.ts';

/**
 * The HR consolidation reads a large organisation department by department, a batch at a time, so its
 * memory does not grow with the number of departments. Its figures must be exactly those of reading
 * every department at once (the way it worked before): a generated organisation of 300 departments with
 * transfers (people in two departments, ill across the move, registered by one or both), overdue
 * Poortwachter steps that count at the new department, departments without absence cases, formation.
 */
describe('central HR consolidation of 300 departments, batch by batch', () => {
  const dir = tempDir('werkboek-hr-batches-');
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data'), rememberRecent: false });

  beforeAll(async () => {
    writePackages(path.join(dir, 'inbox'), 'hr-summary', 300, { staff: 12, organisation: true });
    await client.workbook.create({ path: path.join(dir, 'po.werkboek'), kind: 'central-hr', organisation: ORGANISATION, fiscalYear: 2027, owner: 'Test' });
    const imported = await client.central.import({ sources: [{ folder: path.join(dir, 'inbox') }], trustNew: true, trust: [] });
    expect(imported.counts).toMatchObject({ imported: 300, rejected: 0 });
  }, 300_000);
  afterAll(() => {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives exactly the figures of all departments at once, for any batch size', () => {
    const all = hrConsolidation(session.workbook!, '2027-Q2', '2027-07-15', { departmentsPerBatch: 300 });
    // The organisation is what it says: transfers joined, steps moved, departments without absence.
    expect(all.transfers).toEqual({ peopleInTwoDepartmentsAtOnce: 60, peopleWithJoinedCases: 30 });
    expect(all.overdue.filter((o) => o.department !== o.registeredBy).length).toBeGreaterThan(0);
    expect(all.departments.filter((d) => d.absence === null).length).toBeGreaterThan(0);
    // Every person once in the organisation, however many departments list them.
    const people = session.workbook!.sqlite
      .prepare(
        `SELECT count(DISTINCT s.personnel_number) FROM central_hr_staff s JOIN central_hr_basis b ON b.package_id = s.package_id
         WHERE b.has_absence = 1 AND s.employment_start <= '2027-06-30' AND (s.employment_end IS NULL OR s.employment_end >= '2027-04-01')`,
      )
      .pluck()
      .get() as number;
    expect(people).toBeGreaterThan(3000);
    expect(all.organisation.absence?.employees).toBe(people);
    for (const departmentsPerBatch of [1, 7, 20]) {
      expect(hrConsolidation(session.workbook!, '2027-Q2', '2027-07-15', { departmentsPerBatch }), `batches of ${departmentsPerBatch}`).toEqual(all);
    }
  });

  it('is what the API answers', async () => {
    expect(await client.central.hr({ period: '2027-Q2', asOf: '2027-07-15' })).toEqual(hrConsolidation(session.workbook!, '2027-Q2', '2027-07-15', { departmentsPerBatch: 300 }));
  });
});
