import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '../../../electron/backend/local-client.ts';
import { createStaff, hrDepartment } from '../../helpers/exchange.ts';
import { werkboek } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { exportHrPackages, movedWhileIll, MOVER } from './hr-fixtures.ts';

/**
 * Two departments of five people each in 2027-Q1 (nothing suppressed, so every published list is as
 * full as it gets). 471147 works at AA until 20 February and at BB from 15 February (both packages hold
 * 15–20 February), and is ill across the move: AA registered a case from 10 February that it never
 * closed (the person left), BB one from 15 February to 5 March. Central counts one person and one case,
 * and notes it: inside the HR workbook by personnel number, outside it as a count. 410001 at AA is ill
 * from 4 January and not recovered.
 */
async function transferWhileIll(dir: string) {
  const aa = await hrDepartment(dir, 'AA', 'Afdeling A', ['AA01']);
  const aaIds = await createStaff(aa, [
    ...['410001', '410002', '410003', '410004'].map((personnelNumber) => ({ personnelNumber, lastName: 'Jansen', hours: 36, costCentre: 'AA01' })),
    { personnelNumber: MOVER, lastName: 'Verhuizer', hours: 36, costCentre: 'AA01', end: '2027-02-20' },
  ]);
  await aa.client.absence.register({ employeeId: aaIds.get(MOVER)!, firstDay: '2027-02-10', today: '2027-02-20' });
  // A colleague at AA, ill since January and not recovered: the overdue Poortwachter list has something to show.
  await aa.client.absence.register({ employeeId: aaIds.get('410001')!, firstDay: '2027-01-04', today: '2027-02-20' });
  const bb = await hrDepartment(dir, 'BB', 'Afdeling B', ['BB01']);
  const bbIds = await createStaff(bb, [
    ...['420001', '420002', '420003', '420004'].map((personnelNumber) => ({ personnelNumber, lastName: 'de Vries', hours: 36, costCentre: 'BB01' })),
    { personnelNumber: MOVER, lastName: 'Verhuizer', hours: 36, costCentre: 'BB01', start: '2027-02-15' },
  ]);
  const ill = await bb.client.absence.register({ employeeId: bbIds.get(MOVER)!, firstDay: '2027-02-15', today: '2027-04-05' });
  await bb.client.absence.recover({ caseId: ill.id, recoveredOn: '2027-03-06', today: '2027-04-05' });
  return { aa, bb };
}

async function xlsxText(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const texts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  return texts.join('\n');
}

describe('central HR: someone ill during a transfer between two departments', () => {
  const dir = tempDir('werkboek-hr-transfer-');
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const inbox = path.join(dir, 'inbox');
  const central = path.join(dir, 'po.werkboek');

  beforeAll(async () => {
    const { aa, bb } = await transferWhileIll(dir);
    try {
      await exportHrPackages(inbox, [aa, bb]);
    } finally {
      aa.session.close();
      bb.session.close();
    }
    expect(werkboek(['central', 'create', central, '--kind', 'hr', '--org', 'Gemeente Voorbeeld', '--year', '2027'], env).status).toBe(0);
    const imported = werkboek(['central', 'import', central, inbox, '--trust-new', '--json'], env);
    expect(imported.json<{ counts: Record<string, number> }>().counts).toMatchObject({ imported: 2, rejected: 0 });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('both packages carry the person and a case (the fixture is what it says)', () => {
    for (const code of ['AA', 'BB']) {
      const payload = JSON.parse(fs.readFileSync(path.join(inbox, `${code}-hr-2027-Q1.wbx`), 'utf8')).payload;
      expect(payload.staff.map((s: { personnelNumber: string }) => s.personnelNumber)).toContain(MOVER);
      expect(payload.absenceCases.map((c: { personnelNumber: string }) => c.personnelNumber)).toContain(MOVER);
    }
  });

  it('inside the HR workbook the notes name the personnel number, so P&O can check the person', async () => {
    const { client, session } = createLocalClient({ dataDir: env.WERKBOEK_DATA_DIR });
    try {
      await client.workbook.open({ path: central, readOnly: true });
      const hr = await client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
      expect(hr.organisation.absence).toMatchObject({ employees: 9, reports: 2 });
      expect(hr.transfers).toEqual({ peopleInTwoDepartmentsAtOnce: 1, peopleWithJoinedCases: 1 });
      expect(hr.notes).toEqual([expect.stringContaining(`Personeelsnummer ${MOVER} staat tegelijk bij AA en BB in dienst`), expect.stringContaining(`Personeelsnummer ${MOVER}: 1 verzuimgeval(len) van twee afdelingen overlappen`)]);
    } finally {
      session.close();
    }
  });

  it('central report --json says how many, under five as "< 5", and the personnel number appears nowhere', () => {
    const run = werkboek(['central', 'report', central, '--period', '2027-Q1', '--as-of', '2027-04-10', '--json'], env);
    expect(run.status).toBe(0);
    const report = run.json<Record<string, any>>();
    expect(report.notes).toEqual([
      '< 5 personen tegelijk in dienst bij twee afdelingen; voor de organisatie telt elke dag één keer.',
      'Bij < 5 personen overlappen verzuimgevallen van twee afdelingen (bijvoorbeeld ziek tijdens een overplaatsing); voor de organisatie telt dat als één geval.',
    ]);
    // The scan can find things: the colleague's steps are listed with the case number. The mover's case at
    // AA was never closed, but BB registered the same sickness and closed it: AA's steps are not overdue.
    expect(report.poortwachter.overdue.map((o: { department: string; milestone: string; caseId: string }) => `${o.department} ${o.milestone} ${o.caseId}`)).toEqual([
      'AA ZIEKMELDING WB2027-00002',
      'AA PROBLEEMANALYSE WB2027-00002',
      'AA PLAN-VAN-AANPAK WB2027-00002',
    ]);
    expect(run.stdout).not.toContain(MOVER);
    expect(run.stderr).not.toContain(MOVER);
  });

  it('the printed report and the consolidated XLSX do not name the person either', async () => {
    const printed = werkboek(['central', 'report', central, '--period', '2027-Q1', '--as-of', '2027-04-10'], env);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('Poortwachter: 3 stap(pen) te laat');
    expect(printed.stdout + printed.stderr).not.toContain(MOVER);
    const out = path.join(dir, 'hr-q1.xlsx');
    const exported = werkboek(['central', 'export', central, '--period', '2027-Q1', '--as-of', '2027-04-10', '--xlsx', out], env);
    expect(exported.status).toBe(0);
    expect(exported.stdout + exported.stderr).not.toContain(MOVER);
    const text = await xlsxText(out);
    expect(text).toContain('Verzuimpercentage organisatie');
    expect(text).toContain('Ziekmelding bij bedrijfsarts/arbodienst');
    expect(text).not.toContain(MOVER);
  });
});

describe('central HR: someone who moves while ill, and the new department did not register the sickness', () => {
  const dir = tempDir('werkboek-hr-transfer-open-');

  it('lists the overdue steps once, at the department where the person works now, saying who registered the case', async () => {
    const { aa, cc } = await movedWhileIll(dir);
    const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
    try {
      const inbox = path.join(dir, 'inbox');
      await exportHrPackages(inbox, [aa, cc]);
      await client.workbook.create({ path: path.join(dir, 'po.werkboek'), kind: 'central-hr', organisation: 'Gemeente Voorbeeld', fiscalYear: 2027, owner: 'P&O' });
      expect((await client.central.import({ sources: [{ folder: inbox }], trustNew: true })).counts.imported).toBe(2);

      const hr = await client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
      expect(hr.overdue.length).toBeGreaterThan(0);
      expect(hr.overdue.every((o) => o.department === 'CC' && o.registeredBy === 'AA' && o.personnelNumber === MOVER)).toBe(true);
      expect(new Set(hr.overdue.map((o) => o.milestone)).size).toBe(hr.overdue.length);
      expect(hr.departments.map((d) => [d.code, d.overdue])).toEqual([
        ['AA', 0],
        ['CC', hr.overdue.length],
      ]);
      // Before the move the steps were AA's own.
      const before = await client.central.hr({ period: '2027-Q1', asOf: '2027-02-20' });
      expect(before.overdue.length).toBeGreaterThan(0);
      expect(before.overdue.every((o) => o.department === 'AA' && o.registeredBy === 'AA')).toBe(true);
    } finally {
      session.close();
      aa.session.close();
      cc.session.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
