import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSections, registerPackageSection, type PackageSection } from '../../../electron/backend/exchange/sections.ts';
import { centralWorkbook, departmentWithBudget, insertEmployees, type DepartmentHandle } from '../../helpers/exchange.ts';
import { sample, tempDir } from '../../helpers/workbook.ts';

/**
 * An HR package needs the staff area's `staff` section. Where the staff area does not register one (this
 * test does not depend on it), a minimal stand-in with the personnel numbers and terms of the employees.
 */
const staffStandIn: PackageSection = {
  kind: 'hr-summary',
  key: 'staff',
  area: 'test',
  build(wb) {
    return wb.all(wb.db.selectFrom('employee').selectAll().orderBy('personnel_number')).map((e) => ({
      personnelNumber: e.personnel_number,
      employmentStart: e.start_date,
      employmentEnd: e.end_date,
      terms: wb.all(wb.db.selectFrom('employee_terms').selectAll().where('employee_id', '=', e.id).orderBy('valid_from')).map((t) => ({
        validFrom: t.valid_from,
        costCentre: t.cost_centre,
        functionTitle: t.function_title,
        salaryScale: t.salary_scale,
        salaryStep: t.salary_step,
        hoursPerWeek: t.hours_per_week,
        fte: 1,
        contractType: t.contract_type,
        positionId: null,
      })),
    }));
  },
};

function payloadOf(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')).payload;
}

describe('assignments in the finance summary: kind, code, ceiling and amounts, never a ZZP’er’s name', () => {
  const dir = tempDir('werkboek-opdrachten-pakket-');
  let or: DepartmentHandle;

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', [{ costCentre: 'OR01', account: '4200', accountName: 'Inhuur derden', primitiveCents: 2_000_000 }, { costCentre: 'OR02', account: '4200', accountName: 'Inhuur derden', primitiveCents: 3_000_000 }, { costCentre: 'OR03', account: '4700', accountName: 'Advies', primitiveCents: 1_000_000 }], []);
    await or.client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
    await or.client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
  });
  afterAll(() => or.session.close());

  it('sends the assignments and the external hire totals, with the ZZP contractor left out', async () => {
    const result = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-q1.wbx'), xlsxPath: path.join(dir, 'OR-q1.xlsx') });
    // No department names another, so no links; other areas' sections (personnel costs) may come along.
    expect(result.sections).toEqual(expect.arrayContaining(['basis', 'costCentres', 'lines', 'externalHire', 'assignments']));
    expect(result.sections).not.toContain('links');
    const payload = payloadOf(result.package.path!);
    const assignments = payload.assignments as Array<Record<string, unknown>>;
    const mine = await or.client.assignments.list({});
    expect(assignments.map((a) => [a.code, a.kind, a.contractor, a.ceilingCents])).toEqual([
      ['OPD-2027-001', 'zzp', null, 300_000],
      ['OPD-2027-003', 'gemeenschappelijke_regeling', 'Gemeente Nabijstad', 1_000_000],
      ['OPD-2027-005', 'detachering', 'Gemeente Nabijstad', 800_000],
      ['OPD-2027-002', 'inhuurbureau', 'Randstad Inhouse', 1_500_000],
      ['OPD-2027-004', 'project', 'Projectteam Herinrichting Marktplein', 2_500_000],
    ]);
    // Actuals up to 31 March: never more than the register's actuals to date, the same for assignments ended by then.
    const detachering = assignments.find((a) => a.code === 'OPD-2027-005')!;
    expect(detachering.actualCents).toBe(mine.find((a) => a.code === 'OPD-2027-005')!.actualsCents);
    const hire = payload.externalHire as Record<string, unknown> & { byKind: Array<{ kind: string; assignments: number; actualCents: number }> };
    expect(hire.assignments).toBe(3);
    expect(hire.byKind.map((k) => [k.kind, k.assignments])).toEqual([
      ['detachering', 1],
      ['uitzendkracht', 1],
      ['zzp', 1],
    ]);
    const hireCodes = ['OPD-2027-001', 'OPD-2027-002', 'OPD-2027-005'];
    expect(hire.actualCents).toBe(assignments.filter((a) => hireCodes.includes(a.code as string)).reduce((s, a) => s + (a.actualCents as number), 0));
    // The hire account 4200 of OR01 and OR02 pays for hire.
    expect(hire.budgetCents).toBe(5_000_000);
    const text = fs.readFileSync(result.package.path!, 'utf8');
    expect(text).not.toContain('de Jong');
    expect(text).not.toContain("ZZP'er");

    // The readable copy has a sheet of assignments whose totals row adds up the ceilings (€ 61.000).
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'OR-q1.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Pakket', 'Begroting', 'Inhuur', 'Opdrachten']));
    const sheet = book.getWorksheet('Opdrachten')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('OPD-2027-001');
    expect(sheet.getRow(2).getCell(4).value ?? null).toBeNull();
    expect(sheet.getRow(7).getCell(1).value).toBe('Totaal');
    expect(sheet.getRow(7).getCell(9).value).toBe(61_000);
  });

  it('arrives in the central finance consolidation with its hire totals and escalated bottlenecks', async () => {
    const escalated = await or.client.bottlenecks.create({ title: 'Tekort op inhuurbudget', category: 'budget', signalledOn: '2027-02-01' });
    await or.client.bottlenecks.changeStatus({ id: escalated.id, status: 'geescaleerd', reason: 'Dekking nodig', escalatedTo: 'financien', date: '2027-03-01' });
    const inbox = path.join(dir, 'centraal-in');
    await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(inbox, 'OR-q1.wbx') });
    const payload = payloadOf(path.join(inbox, 'OR-q1.wbx')) as { externalHire: { actualCents: number; forecastCents: number; assignments: number }; bottlenecks: unknown[] };
    expect(payload.bottlenecks).toHaveLength(1);

    const central = await centralWorkbook(dir, 'central-finance');
    try {
      expect((await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true })).counts.imported).toBe(1);
      const [department] = (await central.client.central.finance({ period: '2027-Q1' })).departments;
      expect(department.externalHire).toEqual({ actualCents: payload.externalHire.actualCents, forecastCents: payload.externalHire.forecastCents, assignments: 3 });
      expect(department.bottlenecks).toBe(1);
    } finally {
      central.session.close();
    }
  });

  it('refuses the package when a text names a ZZP’er, and says where', async () => {
    const line = (await or.client.budget.summary({})).lines.find((l) => l.costCentre === 'OR01' && l.account === '4200')!;
    await or.client.budget.updateLine({ id: line.id, patch: { explanation: 'Meer uren van J. de Jong voor de brugleuningen' } });
    await expect(or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-q1-2.wbx') })).rejects.toThrow(/toelichting bij OR01\/4200 \(naam van een ZZP'er\)/);
    expect(fs.existsSync(path.join(dir, 'OR-q1-2.wbx'))).toBe(false);
    await or.client.budget.updateLine({ id: line.id, patch: { explanation: 'Meer uren van de ZZP-inspecteur' } });
    // The person doing the work for an agency is personal data as well.
    const agency = (await or.client.assignments.list({})).find((a) => a.code === 'OPD-2027-002')!;
    await or.client.assignments.update({ id: agency.id, patch: { personName: 'Piet Tijdelijk' } });
    await or.client.budget.updateLine({ id: line.id, patch: { explanation: 'Piet Tijdelijk werkte door in april' } });
    await expect(or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-q1-3.wbx') })).rejects.toThrow(/naam van een ingehuurde persoon/);
  });
});

describe('links across departments: three departments signal the same dependency, central sees it once', () => {
  const dir = tempDir('werkboek-gedeeld-');
  const inbox = path.join(dir, 'inbox');
  const departments: DepartmentHandle[] = [];
  let finance: Awaited<ReturnType<typeof centralWorkbook>>;
  let hr: Awaited<ReturnType<typeof centralWorkbook>>;
  let unregister: (() => void) | undefined;

  beforeAll(async () => {
    fs.mkdirSync(inbox);
    for (const [code, name] of [
      ['OR', 'Openbare Ruimte'],
      ['BZ', 'Burgerzaken'],
      ['SO', 'Sociaal Domein'],
    ]) {
      departments.push(await departmentWithBudget(dir, code, name, [{ costCentre: `${code}01`, account: '4300', accountName: 'Huisvesting', primitiveCents: 100_000 }], []));
    }
    const [or, bz, so] = departments;
    // OR: a bottleneck that depends on ICT and affects BZ; a closed one that named ICT; a confidential one.
    const storing = await or.client.bottlenecks.create({ title: 'Storingen zaaksysteem', category: 'ict', signalledOn: '2027-02-01' });
    await or.client.bottlenecks.addLink({ id: storing.id, linkType: 'department', linkKey: 'ICT', relation: 'hangt_af_van' });
    await or.client.bottlenecks.addLink({ id: storing.id, linkType: 'department', linkKey: 'BZ', relation: 'raakt' });
    const solved = await or.client.bottlenecks.create({ title: 'Printers', category: 'ict', signalledOn: '2027-01-05' });
    await or.client.bottlenecks.addLink({ id: solved.id, linkType: 'department', linkKey: 'ICT', relation: 'hangt_af_van' });
    await or.client.bottlenecks.changeStatus({ id: solved.id, status: 'opgelost', reason: 'Vervangen', decision: 'Nieuwe printers', date: '2027-02-15' });
    const secret = await or.client.bottlenecks.create({ title: 'Datalek melding', category: 'ict', signalledOn: '2027-02-10', confidentiality: 'vertrouwelijk' });
    await or.client.bottlenecks.addLink({ id: secret.id, linkType: 'department', linkKey: 'ICT', relation: 'hangt_af_van' });
    // BZ: an assignment that depends on ICT.
    const koppeling = await bz.client.assignments.create({
      code: 'BZ-PRJ-1',
      kind: 'project',
      title: 'Koppeling zaaksysteem',
      contractor: 'Projectteam BZ',
      ceilingCents: 500_000,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      status: 'lopend',
      budgetLines: [{ costCentre: 'BZ01', account: '4300' }],
    });
    await bz.client.assignments.addDepartmentLink({ id: koppeling.id, departmentCode: 'ICT', relation: 'hangt_af_van' });
    // SO: a bottleneck that depends on ICT.
    const so1 = await so.client.bottlenecks.create({ title: 'Zaaksysteem traag', category: 'ict', signalledOn: '2027-03-01' });
    await so.client.bottlenecks.addLink({ id: so1.id, linkType: 'department', linkKey: 'ICT', relation: 'hangt_af_van' });

    if (!registeredSections('hr-summary').includes('staff')) unregister = registerPackageSection(staffStandIn);
    departments.forEach((d, i) => insertEmployees(d, `${d.code}01`, [{ personnelNumber: `90000${i}`, first: 'Sam', infix: '', last: `Medewerker${d.code}` }]));
    for (const d of departments) {
      await d.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(inbox, `${d.code}-financien.wbx`) });
      await d.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(inbox, `${d.code}-hr.wbx`) });
    }
    finance = await centralWorkbook(dir, 'central-finance');
    hr = await centralWorkbook(dir, 'central-hr');
  });
  afterAll(() => {
    unregister?.();
    for (const d of departments) d.session.close();
    finance?.session.close();
    hr?.session.close();
  });

  it('carries codes, titles and the departments named in both package kinds, open items only', async () => {
    const links = payloadOf(path.join(inbox, 'OR-financien.wbx')).links;
    expect(links).toEqual([
      { source: 'bottleneck', id: 'KNP-2027-0001', title: 'Storingen zaaksysteem', type: 'ICT', status: 'Open', departments: [{ code: 'ICT', relation: 'hangt_af_van' }, { code: 'BZ', relation: 'raakt' }] },
      { source: 'bottleneck', id: 'KNP-2027-0003', title: '(vertrouwelijk)', type: 'ICT', status: 'Open', departments: [{ code: 'ICT', relation: 'hangt_af_van' }] },
    ]);
    expect(payloadOf(path.join(inbox, 'OR-hr.wbx')).links).toEqual(links);
    expect(payloadOf(path.join(inbox, 'BZ-financien.wbx')).links).toEqual([
      { source: 'assignment', id: 'BZ-PRJ-1', title: 'Koppeling zaaksysteem', type: 'Project', status: 'Lopend', departments: [{ code: 'ICT', relation: 'hangt_af_van' }] },
    ]);
  });

  it('shows central finance and central HR the department three others depend on, once', async () => {
    for (const central of [finance, hr]) {
      const imported = await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true });
      expect(imported.counts.imported).toBe(3);
      const shared = await central.client.sharedLinks.list({});
      expect(shared.packages.map((p) => [p.department, p.period, p.items])).toEqual([
        ['BZ', '2027-Q1', 1],
        ['OR', '2027-Q1', 2],
        ['SO', '2027-Q1', 1],
      ]);
      expect(shared.groups.map((g) => [g.department, g.namedBy, g.items.map((i) => `${i.fromDepartment} ${i.id}`)])).toEqual([
        ['ICT', ['BZ', 'OR', 'SO'], ['BZ BZ-PRJ-1', 'OR KNP-2027-0001', 'OR KNP-2027-0003', 'SO KNP-2027-0001']],
        ['BZ', ['OR'], ['OR KNP-2027-0001']],
      ]);
      expect(shared.groups[1].name).toBe('Burgerzaken');
      expect((await central.client.sharedLinks.list({ period: '2027-Q2' })).groups).toEqual([]);
    }
  });
});
