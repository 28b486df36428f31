import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { tempDir } from '../helpers/workbook.ts';
import { exportHrPackages, hrDepartments } from './exchange/hr-fixtures.ts';

/** What P&O scripts against: `central create --kind hr`, `central import`, `central report --json`, `central export --xlsx`. */
describe('werkboek central … for central HR', () => {
  const dir = tempDir('werkboek-cli-hr-');
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const inbox = path.join(dir, 'inbox');
  const central = path.join(dir, 'po.werkboek');

  beforeAll(async () => {
    const departments = await hrDepartments(dir);
    try {
      await exportHrPackages(inbox, [departments.or, departments.bz, departments.so]);
      // A finance package in the same folder does not belong in central HR.
      await departments.or.client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', kind: 'lasten', primitiveCents: 100_000 });
      await departments.or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(inbox, 'OR-financien-2027-Q1.wbx') });
    } finally {
      for (const d of Object.values(departments)) d.session.close();
    }
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports the folder; the finance package is rejected and the exit code says so', () => {
    expect(werkboek(['central', 'create', central, '--kind', 'hr', '--org', 'Gemeente Voorbeeld', '--year', '2027'], env).status).toBe(0);
    const imported = werkboek(['central', 'import', central, inbox, '--trust-new', '--json'], env);
    expect(imported.status).toBe(1);
    const result = imported.json<{ files: Array<{ file: string; outcome: string; code: string | null }>; counts: Record<string, number> }>();
    expect(result.counts).toMatchObject({ imported: 3, rejected: 1 });
    expect(result.files.find((f) => f.file.endsWith('OR-financien-2027-Q1.wbx'))).toMatchObject({ outcome: 'rejected', code: 'wrong-kind' });
    // Again: the HR packages are duplicates, the finance one is still refused.
    expect(werkboek(['central', 'import', central, inbox, '--json'], env).status).toBe(1);
  });

  it('central report --json has completeness, the organisation’s absence, formation and overdue Poortwachter steps, suppressed where < 5', () => {
    const run = werkboek(['central', 'report', central, '--period', '2027-Q1', '--as-of', '2027-04-10', '--json'], env);
    expect(run.status).toBe(0);
    const report = run.json<Record<string, any>>();
    expect(report.completeness).toMatchObject({ expected: 3, delivered: 3, received: 3 });
    // Organisation: 121.5 / 1139 weighted days; 4 reports on 13.66 people a quarter × 4; 25 / 3 days; 9 of 14 without absence.
    expect(report.absence).toMatchObject({ percentage: 10.67, frequency: 1.17, reports: 4, averageDurationDays: 8.3, zeroAbsencePercentage: 64.29 });
    expect(Object.keys(report.absence.departments)).toEqual(['BZ', 'OR', 'SO']);
    expect(report.absence.departments.OR).toMatchObject({ percentage: 5.13, suppressed: null });
    expect(report.absence.departments.BZ).toMatchObject({ percentage: null, suppressed: 'small', marker: '< 5' });
    expect(report.formation).toMatchObject({ fte: 9, occupiedFte: 8.5, vacancyFte: 1.5, overOccupationFte: 1 });
    // SO's absence is suppressed (complementary), so its steps are one marker entry; BZ ("< 5") gets one too.
    expect(report.poortwachter.overdue.map((o: { department: string; milestone: string | null; marker: string | null }) => `${o.department} ${o.milestone ?? o.marker}`)).toEqual(['OR ZIEKMELDING', 'BZ < 5', 'SO x']);
    expect(run.stdout).not.toMatch(/100002|300001/);
  });

  it('prints the figures for people, with the marker instead of a small group’s figures', () => {
    const run = werkboek(['central', 'report', central, '--period', '2027-Q1', '--as-of', '2027-04-10'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Organisatie (3 afdelingen): verzuim 10,67 %, meldingsfrequentie 1,17, 4 ziekmeldingen, gemiddelde duur 8,3 dagen, nulverzuim 64,29 %');
    expect(run.stdout).toMatch(/ {2}BZ {7}< 5 \(weggelaten\)/);
    expect(run.stdout).toMatch(/ {2}SO {7}x \(weggelaten\)/);
    expect(run.stdout).toContain('Poortwachter: 3 stap(pen) te laat op 10-04-2027');
    expect(run.stdout).toMatch(/ {2}SO {7}x \(weggelaten zodat/);
    expect(run.stdout).not.toMatch(/PLAN-VAN-AANPAK|Plan van aanpak|27-12-2026|104 dagen/);
    expect(run.stdout).toContain('minder dan 5 medewerkers');
  });

  it('central export writes the consolidated XLSX with the HR sheets', async () => {
    const out = path.join(dir, 'hr-q1.xlsx');
    const run = werkboek(['central', 'export', central, '--period', '2027-Q1', '--as-of', '2027-04-10', '--xlsx', out], env);
    expect(run.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toContain('Verzuim per afdeling');
    const sheet = book.getWorksheet('Verzuim per afdeling')!;
    const bz = (sheet.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'BZ')!;
    expect(bz).toContain('< 5');
  });
});
