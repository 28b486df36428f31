import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralWorkbook, createStaff, hrDepartment, sampleDepartment, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';

/**
 * One truth per figure (issue 14): the Poortwachter steps overdue in a quarter are the same number in the
 * department's quarterly report (the management report and `werkboek report`), in its HR package's readable
 * XLSX and in the central HR consolidation of that quarter, through a signed package and a central import.
 * All three judge on the quarter's last day (these 2027 quarters have not begun on the machine's calendar, or
 * are over), by one rule: a step of a timeline whose person recovered before that day is not late.
 */

async function sheetRows(file: string, sheetName: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet(sheetName);
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

interface Counts {
  managementReport: number;
  report: number;
  packageXlsx: number;
  central: number;
}

async function countsFor(dir: string, d: DepartmentHandle, central: Awaited<ReturnType<typeof centralWorkbook>>, quarter: string): Promise<Counts> {
  const mrPath = path.join(dir, `${d.code}-${quarter}-rapportage.xlsx`);
  await d.client.managementReport.write({ quarter, xlsxPath: mrPath });
  const mr = await sheetRows(mrPath, 'Poortwachter');
  const lateRow = mr.find((r) => r[0] === 'Stappen te laat');
  const report = (await d.client.report.build({ period: quarter })) as { poortwachter: { overdue: unknown[] } };
  const pkgPath = path.join(dir, `${d.code}-${quarter}.wbx`);
  const xlsxPath = path.join(dir, `${d.code}-${quarter}.xlsx`);
  await d.client.exchange.export({ kind: 'hr-summary', period: quarter, path: pkgPath, xlsxPath });
  const steps = await sheetRows(xlsxPath, 'Poortwachter');
  const imported = await central.client.central.import({ sources: [{ path: pkgPath }], trustNew: true });
  expect(imported.files[0].outcome).toMatch(/imported|superseding/);
  const hr = await central.client.central.hr({ period: quarter });
  return {
    managementReport: Number(lateRow?.[1] ?? 0),
    report: report.poortwachter.overdue.length,
    packageXlsx: steps.filter((r) => r[5] === 'te laat').length,
    central: hr.overdue.filter((o) => o.department === d.code).length,
  };
}

describe('overdue Poortwachter steps of a quarter: one number in the report, the package and the central consolidation', () => {
  const dir = tempDir('werkboek-one-truth-');
  let handmade: DepartmentHandle;
  let sample: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;

  beforeAll(async () => {
    // Hand-made, first quarter of 2027 (ends 31 March), nothing registered as done unless said:
    //   500001 sick from 4 Jan, still sick: sick report (10 Jan), problem analysis (14 Feb), plan of action
    //          (28 Feb) overdue → 3; the first evaluation (11 Apr) is not due yet.
    //   500002 sick 4 Jan – 10 Mar, recovered: the same three steps lapsed, none late.
    //   500003 sick from 1 Feb, last sick day 31 March (the quarter's last day: still sick that day):
    //          sick report (7 Feb), problem analysis (14 Mar) and plan of action (28 Mar) overdue → 3.
    //   500004 sick from 4 Jan, still sick; sick report done 5 Jan, problem analysis done 2 Apr (after the
    //          quarter): the analysis is overdue on 31 March, and so is the plan of action → 2.
    //   Overdue on 31 March: 3 + 0 + 3 + 2 = 8.
    handmade = await hrDepartment(dir, 'HM', 'Handgemaakt', ['HM01']);
    const ids = await createStaff(
      handmade,
      ['500001', '500002', '500003', '500004', '500005'].map((personnelNumber) => ({ personnelNumber, lastName: 'Jansen', hours: 36, costCentre: 'HM01' })),
    );
    const today = '2027-04-20';
    await handmade.client.absence.register({ employeeId: ids.get('500001')!, firstDay: '2027-01-04', today });
    const recovered = await handmade.client.absence.register({ employeeId: ids.get('500002')!, firstDay: '2027-01-04', today });
    await handmade.client.absence.recover({ caseId: recovered.id, recoveredOn: '2027-03-11', today });
    const boundary = await handmade.client.absence.register({ employeeId: ids.get('500003')!, firstDay: '2027-02-01', today });
    await handmade.client.absence.recover({ caseId: boundary.id, recoveredOn: '2027-04-01', today });
    const late = await handmade.client.absence.register({ employeeId: ids.get('500004')!, firstDay: '2027-01-04', today });
    await handmade.client.absence.setStep({ caseId: late.id, step: 'sickReport', doneOn: '2027-01-05', today });
    await handmade.client.absence.setStep({ caseId: late.id, step: 'problemAnalysis', doneOn: '2027-04-02', today });
    sample = await sampleDepartment(dir, 'OR', 'Openbare Ruimte');
    central = await centralWorkbook(dir, 'central-hr');
  }, 180_000);
  afterAll(() => {
    handmade?.session.close();
    sample?.session.close();
    central?.session.close();
  });

  it('counts the same steps, computed by hand, in all of them, leaving out the cases that recovered', async () => {
    const counts = await countsFor(dir, handmade, central, '2027-Q1');
    expect(counts).toEqual({ managementReport: 8, report: 8, packageXlsx: 8, central: 8 });
    // The central list says which, judged on 31 March.
    const hr = await central.client.central.hr({ period: '2027-Q1' });
    expect(hr.overdue.filter((o) => o.department === 'HM').map((o) => [o.personnelNumber, o.milestone, o.dueDate, o.daysOverdue])).toEqual([
      ['500001', 'ZIEKMELDING', '2027-01-10', 80],
      ['500003', 'ZIEKMELDING', '2027-02-07', 52],
      ['500001', 'PROBLEEMANALYSE', '2027-02-14', 45],
      ['500004', 'PROBLEEMANALYSE', '2027-02-14', 45],
      ['500001', 'PLAN-VAN-AANPAK', '2027-02-28', 31],
      ['500004', 'PLAN-VAN-AANPAK', '2027-02-28', 31],
      ['500003', 'PROBLEEMANALYSE', '2027-03-14', 17],
      ['500003', 'PLAN-VAN-AANPAK', '2027-03-28', 3],
    ]);
  });

  it('agrees for every quarter of the sample department, whose absence list has cases that recovered with steps undone', async () => {
    const perQuarter: number[] = [];
    for (const quarter of ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']) {
      const counts = await countsFor(dir, sample, central, quarter);
      expect(counts, quarter).toEqual({ managementReport: counts.central, report: counts.central, packageXlsx: counts.central, central: counts.central });
      perQuarter.push(counts.central);
    }
    // Before the shared rule the first quarter read 2 in the management report, 4 in the package and 0 centrally.
    expect(perQuarter).toEqual([2, 4, 0, 3]);
  }, 180_000);
});
