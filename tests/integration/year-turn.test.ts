import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertEmployees } from '../helpers/employees.ts';
import { readStored, sessionsClosedAfterEach } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

const line = (year: number, costCentre: string, account: string, primitiveCents: number, kind: 'lasten' | 'baten' = 'lasten') => ({
  year,
  costCentre,
  account,
  accountName: account === '4300' ? 'Huisvesting' : account === '8100' ? 'Leges' : 'Inhuur',
  kind,
  primitiveCents,
});

/** A department workbook of 2027 with one of every kind of thing that goes on (or not) into 2028. */
async function workbookOf2027() {
  const w = await workbook();
  const { client, session } = w;
  const housing = await client.budget.createLine(line(2027, 'OR01', '4300', 100_000_00));
  await client.budget.addRevision({ budgetLineId: housing.id, date: '2027-06-01', amountCents: 20_000_00, reason: 'Voorjaarsnota', decisionRef: null });
  const hire = await client.budget.createLine(line(2027, 'OR01', '4200', 50_000_00));
  await client.budget.createLine(line(2027, 'OR02', '8100', -30_000_00, 'baten'));
  const open = await client.budget.addCommitment({ budgetLineId: housing.id, supplier: 'Schoonmaak BV', description: 'Schoonmaak 2027-2028', amountCents: 12_500_00, date: '2027-09-01', reference: 'INK-2027-0042' });
  const settled = await client.budget.addCommitment({ budgetLineId: housing.id, supplier: 'Verhuizer BV', amountCents: 3_000_00, date: '2027-02-01' });
  await client.budget.updateCommitment({ id: settled.id, patch: { status: 'afgewikkeld' } });
  const hireCommitment = await client.budget.addCommitment({ budgetLineId: hire.id, supplier: "ZZP'er J. de Jong", amountCents: 8_000_00, date: '2027-10-01' });

  const running = await client.assignments.create({
    kind: 'zzp',
    title: 'Inspectieplan bruggen',
    contractor: 'J. de Jong',
    counterparty: "ZZP'er J. de Jong",
    agreedResult: 'Inspectieplan opgeleverd',
    ceilingCents: 30_000_00,
    startDate: '2027-09-01',
    endDate: '2028-03-31',
    status: 'lopend',
    budgetLines: [{ costCentre: 'OR01', account: '4200' }],
  });
  await client.assignments.addMoment({ id: running.id, kind: 'go_no_go', dueDate: '2028-01-15' });
  await client.assignments.linkCommitment({ id: running.id, commitmentId: hireCommitment.id });
  await client.assignments.create({
    kind: 'project',
    title: 'Herinrichting Marktplein',
    contractor: 'Projectteam',
    ceilingCents: 10_000_00,
    startDate: '2027-01-01',
    endDate: '2027-11-30',
    status: 'lopend',
    budgetLines: [{ costCentre: 'OR01', account: '4200' }],
  });

  await client.bottlenecks.create({ title: 'Te weinig toezicht', category: 'formatie', signalledOn: '2027-10-01' });
  const solved = await client.bottlenecks.create({ title: 'Printer kapot', category: 'ict', signalledOn: '2027-03-01' });
  await client.bottlenecks.changeStatus({ id: solved.id, status: 'opgelost', reason: 'Nieuwe printer', decision: 'Nieuwe printer aangeschaft', decisionDate: '2027-04-01', date: '2027-04-01' });

  const ids = insertEmployees(session, [
    { personnelNumber: '100001', firstName: 'Ayla', lastName: 'Jansen', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR01' }] },
    { personnelNumber: '100002', firstName: 'Bram', lastName: 'de Vries', start: '2021-01-01', terms: [{ from: '2021-01-01', hours: 36, costCentre: 'OR02' }] },
  ]);
  const sick = await client.absence.register({ today: '2027-12-20', employeeId: ids.get('100001')!, firstDay: '2027-11-15' });
  const recovered = await client.absence.register({ today: '2027-12-20', employeeId: ids.get('100002')!, firstDay: '2027-03-01' });
  await client.absence.recover({ today: '2027-12-20', caseId: recovered.id, recoveredOn: '2027-03-10' });
  return { ...w, housing, open, settled, hireCommitment, running, sick };
}

describe('the year turn (Nieuw boekjaar openen)', () => {
  it('previews 2028 without writing anything: every kind of carried item counted', async () => {
    const { client, file, open, hireCommitment } = await workbookOf2027();
    const before = readStored(file, (db) => db.prepare('SELECT (SELECT COUNT(*) FROM budget_line) AS l, (SELECT COUNT(*) FROM commitment) AS c, (SELECT COUNT(*) FROM audit_log) AS a').get());

    const preview = await client.workbook.previewYear({ year: 2028, budget: 'copy' });
    expect(preview).toMatchObject({
      year: 2028,
      budgetLines: 3,
      commitmentsCarried: 2,
      assignmentsRunning: 1,
      bottlenecksOpen: 1,
      absenceCasesOpen: 1,
      previousYear: 2027,
      budgetLinesNew: 3,
      budgetLinesExisting: 0,
      budgetLasten: 170_000_00,
      budgetBaten: -30_000_00,
      commitmentsCarriedCents: 20_500_00,
      decisionMomentsOpen: 1,
      employeesInService: 2,
      alreadyOpen: false,
      dryRun: true,
      changed: false,
    });
    expect(preview.commitments.map((c) => c.originalId)).toEqual([open.id, hireCommitment.id]);
    expect(preview.assignments.map((a) => a.title)).toEqual(['Inspectieplan bruggen']);
    expect(preview.absenceCases.map((c) => c.employee)).toEqual(['Ayla Jansen']);
    expect((await client.workbook.previewYear({ year: 2028, budget: 'zero' })).budgetLasten).toBe(0);

    expect(readStored(file, (db) => db.prepare('SELECT (SELECT COUNT(*) FROM budget_line) AS l, (SELECT COUNT(*) FROM commitment) AS c, (SELECT COUNT(*) FROM audit_log) AS a').get())).toEqual(before);
    expect((await client.workbook.info({}))!.fiscalYear).toBe(2027);
  });

  it('opens 2028: lines copied, open commitments carried with a reference to the original, the rest runs on; audited in words', async () => {
    const { client, file, open, hireCommitment, running, sick } = await workbookOf2027();
    const result = await client.workbook.openYear({ year: 2028, budget: 'copy' });
    expect(result).toMatchObject({ year: 2028, budgetLines: 3, commitmentsCarried: 2, assignmentsRunning: 1, bottlenecksOpen: 1, absenceCasesOpen: 1, changed: true, dryRun: false });

    expect((await client.workbook.info({}))!.fiscalYear).toBe(2028);
    const lines = (await client.budget.summary({})).lines;
    expect(lines.map((l) => [l.year, l.costCentre, l.account, l.primitiveCents, l.kind])).toEqual([
      [2028, 'OR01', '4200', 50_000_00, 'lasten'],
      [2028, 'OR01', '4300', 120_000_00, 'lasten'],
      [2028, 'OR02', '8100', -30_000_00, 'baten'],
    ]);
    const carried = await client.budget.commitments({ year: 2028 });
    expect(carried.map((c) => [c.supplier, c.amountCents, c.status, c.reference, c.date])).toEqual([
      ['Schoonmaak BV', 12_500_00, 'open', 'INK-2027-0042', '2027-09-01'],
      ["ZZP'er J. de Jong", 8_000_00, 'open', null, '2027-10-01'],
    ]);
    const stored = readStored(file, (db) => db.prepare('SELECT carried_from_id FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id WHERE l.year = 2028 ORDER BY c.id').all());
    expect(stored).toEqual([{ carried_from_id: open.id }, { carried_from_id: hireCommitment.id }]);
    // The year before keeps its figures: the originals stay open there.
    expect((await client.budget.commitments({ year: 2027 })).filter((c) => c.status === 'open')).toHaveLength(2);
    expect((await client.budget.summary({ year: 2027 })).lines.find((l) => l.account === '4300')!.commitmentsCents).toBe(12_500_00);

    // The assignment runs on, its moment open, its commitment counted once (the carried one, still linked).
    const assignment = await client.assignments.get({ id: running.id });
    expect(assignment.moments.filter((m) => m.outcome === null).map((m) => m.dueDate)).toEqual(['2028-01-15']);
    expect(assignment.commitmentsCents).toBe(8_000_00);
    expect((await client.assignments.list({ year: 2028, hireOnly: false, includeDeleted: false })).map((a) => a.title)).toContain('Inspectieplan bruggen');
    expect((await client.absence.cases({ today: '2028-01-10' })).filter((c) => c.id === sick.id)).toHaveLength(1);

    const { entries } = await client.workbook.audit({ limit: 5, offset: 0, table: 'workbook_year' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'open-year', rowId: '2028' });
    expect(entries[0].note).toContain('Boekjaar 2028 geopend na 2027');
    expect(JSON.parse(entries[0].newJson!)).toMatchObject({ fiscal_year: 2028, budget_source: 'copy', commitments_carried: 2, absence_cases_open: 1 });
  });

  it('opens with budget lines at zero, keeps lines of a begroting imported before, and adds a line for a carried commitment', async () => {
    const { client } = await workbookOf2027();
    await client.budget.createLine(line(2028, 'OR01', '4300', 99_000_00));
    const result = await client.workbook.openYear({ year: 2028, budget: 'zero' });
    expect(result).toMatchObject({ budgetLines: 3, budgetLinesNew: 2, budgetLinesExisting: 1 });
    const lines = (await client.budget.summary({ year: 2028 })).lines;
    expect(lines.map((l) => [l.account, l.primitiveCents])).toEqual([
      ['4200', 0],
      ['4300', 99_000_00],
      ['8100', 0],
    ]);
  });

  it('opening a year twice changes nothing, and the current year again is a no-op', async () => {
    const { client, file } = await workbookOf2027();
    await client.workbook.openYear({ year: 2028, budget: 'copy' });
    const snapshot = () =>
      readStored(file, (db) => ({
        lines: db.prepare('SELECT * FROM budget_line ORDER BY id').all(),
        commitments: db.prepare('SELECT * FROM commitment ORDER BY id').all(),
        years: db.prepare('SELECT * FROM workbook_year ORDER BY year').all(),
        audit: db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
        meta: db.prepare('SELECT fiscal_year FROM workbook_meta').get(),
      }));
    const after = snapshot();
    const again = await client.workbook.openYear({ year: 2028, budget: 'copy' });
    expect(again).toMatchObject({ year: 2028, alreadyOpen: true, changed: false, budgetLines: 3, commitmentsCarried: 2 });
    expect(await client.workbook.openYear({ year: 2027, budget: 'zero' })).toMatchObject({ alreadyOpen: true, changed: false });
    expect(snapshot()).toEqual(after);
    expect((await client.workbook.years({})).map((y) => [y.year, y.current])).toEqual([
      [2027, false],
      [2028, true],
    ]);
  });

  it('refuses a year before the oldest or after next year, with the reason, and writes nothing', async () => {
    const { client, file } = await workbookOf2027();
    await expect(client.workbook.openYear({ year: 2026, budget: 'zero' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('vóór het oudste boekjaar in dit werkboek (2027)') });
    await expect(client.workbook.previewYear({ year: 2029, budget: 'zero' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('alleen 2028 kan nu worden geopend') });
    await expect(client.workbook.openYear({ year: 2029, budget: 'zero' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(readStored(file, (db) => db.prepare('SELECT year FROM workbook_year').all())).toEqual([{ year: 2027 }]);
    expect((await client.workbook.info({}))!.fiscalYear).toBe(2027);
  });

  it('leaves a Poortwachter timeline across 31 December unchanged: week 6 in 2027, week 8 and later in 2028 and after', async () => {
    const { client, sick } = await workbookOf2027();
    const today = '2028-01-05';
    const [before] = await client.absence.poortwachter({ caseId: sick.id, today });
    await client.workbook.openYear({ year: 2028, budget: 'zero' });
    const [after] = await client.absence.poortwachter({ caseId: sick.id, today });
    expect(after).toEqual(before);
    const due = Object.fromEntries(after.steps.filter((s) => s.week !== null).map((s) => [s.key, s.due]));
    // Day 1 is 15-11-2027; "at the latest in week N" is the last day of week N of sickness.
    expect(due).toMatchObject({ problemAnalysis: '2027-12-26', actionPlan: '2028-01-09', notice42: '2028-09-03', endOfWagePayment: '2029-11-11' });
    expect(after.firstDay).toBe('2027-11-15');
  });

  it('carries into a year whose year before is closed, and keeps the closed year as it was', async () => {
    const { client } = await workbookOf2027();
    await client.workbook.closeYear({ year: 2027, note: 'Jaarrekening' });
    const result = await client.workbook.openYear({ year: 2028, budget: 'copy' });
    expect(result).toMatchObject({ changed: true, commitmentsCarried: 2, budgetLines: 3 });
    expect((await client.budget.commitments({ year: 2027 })).filter((c) => c.status === 'open')).toHaveLength(2);
  });
});

describe('reports and packages after the turn (issue 20 item 2)', () => {
  it('the report of 2028-Q1 counts the cases, Poortwachter steps, assignments and commitments that carried over', async () => {
    const { client } = await workbookOf2027();
    await client.workbook.openYear({ year: 2028, budget: 'copy' });
    const report = (await client.report.build({ period: '2028-Q1' })) as Record<string, any>;
    // Steps of the case begun 15-11-2027 due in Q1 2028: plan van aanpak (week 8, 09-01-2028) and the first evaluation (20-02-2028).
    expect(report.carriedOver).toEqual({ year: 2028, fromYear: 2027, openedAt: expect.any(String), absenceCases: 1, poortwachterSteps: 2, assignments: 1, commitments: 2, commitmentsCents: 20_500_00 });
    expect(report.absence.openCases).toBe(1);
    expect(report.poortwachter.overdue.map((s: { due: string }) => s.due)).toContain('2028-01-09');
    expect(report.assignments.open).toBe(1);
    // In Q2 the assignment has ended (31-03-2028); the case still runs.
    expect(((await client.report.build({ period: '2028-Q2' })) as Record<string, any>).carriedOver).toMatchObject({ absenceCases: 1, assignments: 0 });
    // The year the workbook was made for has nothing carried over into it.
    expect(((await client.report.build({ period: '2027-Q4' })) as Record<string, any>).carriedOver).toMatchObject({ year: 2027, fromYear: null, absenceCases: 0, assignments: 0, commitments: 0 });
  });

  it('the HR package of 2028-Q1 carries the case that began in 2027, with its Poortwachter steps', async () => {
    const { client, dir } = await workbookOf2027();
    await client.workbook.openYear({ year: 2028, budget: 'zero' });
    await client.exchange.createKey({});
    const file = path.join(dir, 'OR-hr-2028-Q1.wbx');
    await client.exchange.export({ kind: 'hr-summary', period: '2028-Q1', path: file });
    const payload = JSON.parse(fs.readFileSync(file, 'utf8')).payload;
    expect(payload.absenceCases).toEqual([expect.objectContaining({ personnelNumber: '100001', firstDay: '2027-11-15', lastSickDay: null })]);
    expect(payload.poortwachter.filter((s: { dueDate: string }) => s.dueDate >= '2028-01-01' && s.dueDate <= '2028-03-31').map((s: { milestone: string }) => s.milestone)).toEqual(['PLAN-VAN-AANPAK', 'EVALUATIE-1']);
  });
});

describe('a central HR workbook of 2027 after a department turned the year (issue 20 item 2)', () => {
  it('adds 2028-Q1 to its calendar, imports the 2028 package with the case from 2027, and shows both years in the completeness matrix', async () => {
    const { client, dir } = await workbookOf2027();
    await client.exchange.createKey({});
    await client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
    await client.exchange.export({ kind: 'hr-summary', period: '2027-Q4', path: path.join(dir, 'OR-2027-Q4.wbx') });
    await client.workbook.openYear({ year: 2028, budget: 'zero' });
    await client.exchange.export({ kind: 'hr-summary', period: '2028-Q1', path: path.join(dir, 'OR-2028-Q1.wbx') });

    const { centralWorkbook } = await import('../helpers/exchange.ts');
    const central = await centralWorkbook(dir, 'central-hr');
    try {
      await central.client.central.savePeriod({ period: '2028-Q1', dueDate: '2028-04-30' });
      await central.client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') } });
      const result = await central.client.central.import({ sources: [{ path: path.join(dir, 'OR-2027-Q4.wbx') }, { path: path.join(dir, 'OR-2028-Q1.wbx') }] });
      expect(result.counts).toMatchObject({ imported: 2, rejected: 0 });
      const matrix = await central.client.central.completeness({ asOf: '2028-04-15' });
      expect(matrix.periods.map((p) => p.period)).toEqual(expect.arrayContaining(['2027-Q4', '2028-Q1']));
      expect(matrix.cells.filter((c) => c.department === 'OR' && (c.period === '2027-Q4' || c.period === '2028-Q1')).map((c) => [c.period, c.status])).toEqual([
        ['2027-Q4', 'delivered'],
        ['2028-Q1', 'delivered'],
      ]);
      const hr = await central.client.central.hr({ period: '2028-Q1', asOf: '2028-03-31' });
      // The case begun in 2027 counts in 2028-Q1: its plan of action (due 09-01-2028) is overdue there.
      expect(JSON.stringify(hr)).toContain('2028-01-09');
    } finally {
      central.session.close();
    }
  });
});
