import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPackageSection } from '../../../electron/backend/exchange/sections.ts';
import { centralWorkbook, departmentWithBudget, insertEmployees, testStaffSection, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

describe('HR summaries: refused until the staff area provides its section, then verified and imported into central HR', () => {
  const dir = tempDir('werkboek-hr-');
  const inbox = path.join(dir, 'inbox');
  let or: DepartmentHandle;
  let so: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;
  let unregister: (() => void) | undefined;

  beforeAll(async () => {
    fs.mkdirSync(inbox);
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, []);
    so = await departmentWithBudget(dir, 'SO', 'Sociaal Domein', DEPARTMENTS[2].lines, []);
    insertEmployees(or, 'OR01', [
      { personnelNumber: '200001', first: 'Anna', infix: '', last: 'Jansen' },
      { personnelNumber: '200002', first: 'Bram', infix: 'de', last: 'Boer', hours: 18 },
    ]);
    insertEmployees(so, 'SO01', [{ personnelNumber: '300001', first: 'Cor', infix: '', last: 'Smit', hours: 32 }]);
    central = await centralWorkbook(dir, 'central-hr');
  });
  afterAll(() => {
    unregister?.();
    or.session.close();
    so.session.close();
    central.session.close();
  });

  it('does not make an HR package without the staff section (no invented HR figures)', async () => {
    const sections = await or.client.exchange.sections({});
    expect(sections['hr-summary']).toMatchObject({ ready: false, required: ['basis', 'staff'] });
    expect(sections['finance-summary'].ready).toBe(true);
    await expect(or.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(inbox, 'x.wbx') })).rejects.toThrow(/nog niet worden gemaakt.*staff/);
    expect(fs.existsSync(path.join(inbox, 'x.wbx'))).toBe(false);
  });

  it('with a staff section, exports personnel numbers and terms but no names', async () => {
    unregister = registerPackageSection(testStaffSection);
    const result = await or.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(inbox, 'OR-hr.wbx') });
    expect(result.sections).toEqual(['basis', 'staff']);
    const pkg = JSON.parse(fs.readFileSync(result.package.path!, 'utf8'));
    expect(pkg.payload.basis).toEqual({ periodStart: '2027-01-01', periodEnd: '2027-03-31', referenceDate: '2027-03-31', normalWeekHours: 36 });
    expect(pkg.payload.staff.map((s: { personnelNumber: string; terms: Array<{ fte: number }> }) => [s.personnelNumber, s.terms[0].fte])).toEqual([
      ['200001', 1],
      ['200002', 0.5],
    ]);
    const text = fs.readFileSync(result.package.path!, 'utf8');
    for (const name of ['Anna', 'Jansen', 'Bram', 'Boer']) expect(text).not.toContain(name);
    await so.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(inbox, 'SO-hr.wbx') });
  });

  it('imports into central HR with the same verification, outcomes and completeness as finance', async () => {
    await or.client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
    await central.client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') }, periods: ['2027-Q1', '2027-Q2'] });
    const result = await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true });
    expect(result.files.map((f) => [path.basename(f.file), f.outcome])).toEqual([
      ['OR-hr.wbx', 'imported'],
      ['SO-hr.wbx', 'imported'],
    ]);
    const again = await central.client.central.import({ sources: [{ folder: inbox }] });
    expect(again.counts).toMatchObject({ duplicate: 2, imported: 0 });
    const matrix = await central.client.central.completeness({ asOf: '2027-07-20' });
    const cell = (d: string, p: string) => matrix.cells.find((c) => c.department === d && c.period === p)?.status;
    expect([cell('OR', '2027-Q1'), cell('SO', '2027-Q1'), cell('OR', '2027-Q2'), cell('OR', '2027-Q3'), cell('SO', '2027-Q3')]).toEqual(['delivered', 'delivered', 'missing', undefined, 'pending']);
    const report = await central.client.central.report({ period: '2027-Q1', asOf: '2027-04-10' });
    expect(report.completeness).toMatchObject({ expected: 2, delivered: 2 });
    expect(report).not.toHaveProperty('finance');
    await expect(central.client.central.finance({ period: '2027-Q1' })).rejects.toThrow(/centraal financieel werkboek/);
  });
});
