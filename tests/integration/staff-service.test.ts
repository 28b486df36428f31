import { describe, expect, it } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { sessionsClosedAfterEach } from '../helpers/workbook.ts';
import path from 'node:path';

const { sessions, workbook } = sessionsClosedAfterEach();

const baseTerms = { functionTitle: 'Beleidsmedewerker', salaryScale: 10, salaryStep: 4, hoursPerWeek: 36, costCentre: 'OR01', contractType: 'Vast', formationPositionId: null };

async function auditCount(client: Awaited<ReturnType<typeof workbook>>['client'], table: string): Promise<number> {
  return (await client.workbook.audit({ limit: 1000, offset: 0, table })).total;
}

describe('employees with a history of terms', () => {
  it('creates an employee, changes terms from a date, corrects and removes a change, and audits each step', async () => {
    const { client } = await workbook();
    const created = await client.staff.createEmployee({ personnelNumber: '500001', firstName: 'Thijs', infix: 'van den', lastName: 'Berg', startDate: '2020-03-01', terms: baseTerms });
    expect(created).toMatchObject({ displayName: 'Thijs van den Berg', sortName: 'Berg, Thijs van den', endDate: null, history: [{ validFrom: '2020-03-01', validTo: null, hoursPerWeek: 36, fte: 1 }] });

    const changed = await client.staff.changeTerms({ employeeId: created.id, validFrom: '2027-04-01', patch: { hoursPerWeek: 18 } });
    expect(changed.history.map((t) => [t.validFrom, t.validTo, t.hoursPerWeek, t.salaryScale])).toEqual([
      ['2020-03-01', '2027-03-31', 36, 10],
      ['2027-04-01', null, 18, 10],
    ]);
    expect((await client.staff.employee({ id: created.id, date: '2027-03-31' })).fte).toBe(1);
    expect((await client.staff.employee({ id: created.id, date: '2027-04-01' })).fte).toBe(0.5);

    // The same date again corrects that change instead of adding one.
    const corrected = await client.staff.changeTerms({ employeeId: created.id, validFrom: '2027-04-01', patch: { hoursPerWeek: 24 } });
    expect(corrected.history.map((t) => t.hoursPerWeek)).toEqual([36, 24]);
    // A change inserted before a later one runs until that later change.
    const inserted = await client.staff.changeTerms({ employeeId: created.id, validFrom: '2027-02-01', patch: { salaryStep: 5 } });
    expect(inserted.history.map((t) => [t.validFrom, t.validTo, t.hoursPerWeek, t.salaryStep])).toEqual([
      ['2020-03-01', '2027-01-31', 36, 4],
      ['2027-02-01', '2027-03-31', 36, 5],
      ['2027-04-01', null, 24, 4],
    ]);
    const afterDelete = await client.staff.deleteTerms({ id: inserted.history[1].id });
    expect(afterDelete.history).toHaveLength(2);
    await expect(client.staff.deleteTerms({ id: afterDelete.history[0].id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('eerste arbeidsvoorwaarden') });

    const ended = await client.staff.updateEmployee({ id: created.id, patch: { endDate: '2027-10-31' } });
    expect(ended.endDate).toBe('2027-10-31');
    expect((await client.staff.employees({ date: '2027-11-01' })).map((e) => e.id)).toEqual([]);
    expect((await client.staff.employees({ date: '2027-11-01', includeInactive: true }))[0]).toMatchObject({ status: 'left', fte: 0 });

    expect(await auditCount(client, 'employee')).toBe(2);
    expect(await auditCount(client, 'employee_terms')).toBe(5);
  });

  it('refuses what cannot be true, with a Dutch message', async () => {
    const { client } = await workbook();
    await expect(client.staff.createEmployee({ personnelNumber: '1', firstName: '', infix: '', lastName: 'Jansen', startDate: '2027-01-01', terms: { ...baseTerms, hoursPerWeek: 41 } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Meer dan 40 uur per week'),
    });
    await expect(client.staff.createEmployee({ personnelNumber: '1', firstName: '', infix: '', lastName: 'Jansen', startDate: '2027-01-01', endDate: '2026-12-31', terms: baseTerms })).rejects.toMatchObject({
      message: 'Datum uit dienst (31-12-2026) ligt vóór de datum in dienst (01-01-2027).',
    });
    await expect(client.staff.createEmployee({ personnelNumber: '1', firstName: '', infix: '', lastName: 'Jansen', startDate: '2027-01-01', terms: { ...baseTerms, costCentre: 'BZ01' } })).rejects.toMatchObject({
      message: expect.stringContaining('Kostenplaats BZ01 hoort niet bij deze afdeling'),
    });
    const jansen = await client.staff.createEmployee({ personnelNumber: '1', firstName: 'Jan', infix: '', lastName: 'Jansen', startDate: '2027-01-01', terms: baseTerms });
    await expect(client.staff.createEmployee({ personnelNumber: '1', firstName: '', infix: '', lastName: 'Pietersen', startDate: '2027-01-01', terms: baseTerms })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Personeelsnummer 1 is al in gebruik (Jan Jansen).',
    });
    await expect(client.staff.changeTerms({ employeeId: jansen.id, validFrom: '2026-12-01', patch: { hoursPerWeek: 20 } })).rejects.toMatchObject({
      message: 'Een wijziging kan niet ingaan vóór de datum in dienst (01-01-2027).',
    });
    await expect(client.staff.changeTerms({ employeeId: jansen.id, validFrom: '2027-02-01', patch: { hoursPerWeek: 0 } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('moves the first terms along when the start date is corrected to an earlier day', async () => {
    const { client } = await workbook();
    const e = await client.staff.createEmployee({ personnelNumber: '2', firstName: 'Eva', infix: '', lastName: 'Smit', startDate: '2027-03-01', terms: baseTerms });
    const earlier = await client.staff.updateEmployee({ id: e.id, patch: { startDate: '2027-01-15' } });
    expect(earlier.history[0].validFrom).toBe('2027-01-15');
    expect((await client.staff.employee({ id: e.id, date: '2027-02-01' })).fte).toBe(1);
  });

  it('refuses changes in a read-only workbook', async () => {
    const { client, file, session, dir } = await workbook();
    await client.staff.createEmployee({ personnelNumber: '3', firstName: '', infix: '', lastName: 'Bos', startDate: '2027-01-01', terms: baseTerms });
    session.close();
    const other = createLocalClient({ dataDir: path.join(dir, 'data2') });
    sessions.push(other.session);
    await other.client.workbook.open({ path: file, readOnly: true });
    const [bos] = await other.client.staff.employees({ date: '2027-02-01' });
    await expect(other.client.staff.changeTerms({ employeeId: bos.id, validFrom: '2027-02-01', patch: { hoursPerWeek: 20 } })).rejects.toMatchObject({ code: 'read_only' });
  });
});

describe('formation and occupation', () => {
  it('shows formation against occupation per position and cost centre around a change of hours', async () => {
    const { client } = await workbook();
    const handhaver = await client.formation.createPosition({ code: 'or-hh-1', functionTitle: 'Handhaver', salaryScale: 7, fte: 2, costCentre: 'OR01', validFrom: '2027-01-01' });
    expect(handhaver.code).toBe('OR-HH-1');
    await client.formation.createPosition({ code: 'OR-GR-1', functionTitle: 'Medewerker groen', salaryScale: 5, fte: 1, costCentre: 'OR02', validFrom: '2027-01-01', validTo: '2027-06-30' });
    const a = await client.staff.createEmployee({ personnelNumber: '10', firstName: 'Anna', infix: '', lastName: 'Visser', startDate: '2020-01-01', terms: { ...baseTerms, formationPositionId: handhaver.id } });
    await client.staff.createEmployee({ personnelNumber: '11', firstName: 'Bram', infix: '', lastName: 'Bakker', startDate: '2020-01-01', terms: { ...baseTerms, hoursPerWeek: 27, formationPositionId: handhaver.id } });
    await client.staff.createEmployee({ personnelNumber: '12', firstName: 'Chris', infix: '', lastName: 'Mulder', startDate: '2027-02-01', terms: { ...baseTerms, costCentre: 'OR02', hoursPerWeek: 36 } });
    await client.staff.changeTerms({ employeeId: a.id, validFrom: '2027-04-01', patch: { hoursPerWeek: 18 } });

    const march = await client.formation.occupation({ date: '2027-03-31' });
    expect(march.positions.find((p) => p.code === 'OR-HH-1')).toMatchObject({ formationFte: 2, occupiedFte: 1.75, vacancyFte: 0.25, status: 'partlyVacant' });
    expect(march.costCentres.map((c) => [c.costCentre, c.name, c.formationFte, c.occupiedFte, c.vacancyFte, c.overOccupationFte, c.unlinkedFte])).toEqual([
      ['OR01', 'Beheer', 2, 1.75, 0.25, 0, 0],
      ['OR02', 'Groen', 1, 1, 0, 0, 1],
    ]);
    const april = await client.formation.occupation({ date: '2027-04-01' });
    expect(april.positions.find((p) => p.code === 'OR-HH-1')).toMatchObject({ occupiedFte: 1.25, vacancyFte: 0.75 });
    // After the OR02 position ends its occupant is over-occupation.
    const july = await client.formation.occupation({ date: '2027-07-01' });
    expect(july.costCentres.find((c) => c.costCentre === 'OR02')).toMatchObject({ formationFte: 0, occupiedFte: 1, overOccupationFte: 1, occupancyPercent: null });
    expect(july.total).toMatchObject({ formationFte: 2, occupiedFte: 2.25, vacancyFte: 0.75, overOccupationFte: 1 });

    const timeline = await client.formation.timeline({ year: 2027 });
    expect(timeline.map((m) => m.date).slice(0, 3)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(timeline.map((m) => m.total.occupiedFte).slice(0, 4)).toEqual([1.75, 2.75, 2.75, 2.25]);

    const positions = await client.formation.positions({ date: '2027-07-01' });
    expect(positions.map((p) => [p.code, p.status])).toEqual([
      ['OR-HH-1', 'partlyVacant'],
      ['OR-GR-1', 'notValid'],
    ]);
  });

  it('keeps the links between employees and positions valid', async () => {
    const { client } = await workbook();
    const position = await client.formation.createPosition({ code: 'OR-TL', functionTitle: 'Teamleider', salaryScale: 11, fte: 1, costCentre: 'OR01', validFrom: '2027-01-01' });
    await expect(client.formation.createPosition({ code: 'OR-TL', functionTitle: 'Teamleider', fte: 1, costCentre: 'OR01', validFrom: '2027-01-01' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(client.staff.createEmployee({ personnelNumber: '20', firstName: '', infix: '', lastName: 'Peters', startDate: '2027-01-01', terms: { ...baseTerms, costCentre: 'OR02', formationPositionId: position.id } })).rejects.toMatchObject({
      message: 'Formatieplaats OR-TL hoort bij kostenplaats OR01, niet bij OR02.',
    });
    const e = await client.staff.createEmployee({ personnelNumber: '20', firstName: '', infix: '', lastName: 'Peters', startDate: '2027-01-01', terms: { ...baseTerms, formationPositionId: position.id } });
    expect(e.terms?.formationPositionCode).toBe('OR-TL');
    await expect(client.formation.deletePosition({ id: position.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Geef een einddatum op') });
    await expect(client.formation.updatePosition({ id: position.id, patch: { costCentre: 'OR02' } })).rejects.toMatchObject({ code: 'conflict' });
    // Moving the employee to another cost centre drops the link to the old cost centre's position.
    const moved = await client.staff.changeTerms({ employeeId: e.id, validFrom: '2027-06-01', patch: { costCentre: 'OR02' } });
    expect(moved.history.map((t) => [t.costCentre, t.formationPositionCode])).toEqual([
      ['OR01', 'OR-TL'],
      ['OR02', null],
    ]);
    const updated = await client.formation.updatePosition({ id: position.id, patch: { fte: 1.5, validTo: '2027-12-31' } });
    expect(updated).toMatchObject({ fte: 1.5, validTo: '2027-12-31' });
    const later = await client.staff.createEmployee({ personnelNumber: '21', firstName: '', infix: '', lastName: 'Smit', startDate: '2027-01-01', terms: baseTerms });
    await expect(client.staff.changeTerms({ employeeId: later.id, validFrom: '2028-01-02', patch: { formationPositionId: position.id } })).rejects.toMatchObject({
      message: 'Formatieplaats OR-TL is vervallen per 31-12-2027; kies een formatieplaats die op 02-01-2028 nog bestaat.',
    });
    expect(await auditCount(client, 'formation_position')).toBe(2);
  });
});

describe('salary table, external hire and the personnel cost forecast', () => {
  async function setUp() {
    const wb = await workbook();
    const { client } = wb;
    await client.workbook.updateSettings({ ikbPercent: 17.05, employerChargesPercent: 33, personnelSalaryAccounts: ['4100'], personnelHireAccounts: ['4200'] });
    await client.salary.setEntry({ validFrom: '2027-01-01', scale: 10, step: 4, monthlyCents: 400_000 });
    await client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4100', accountName: 'Salarissen en sociale lasten', kind: 'lasten', primitiveCents: 10_000_000 });
    await client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4200', accountName: 'Inhuur derden', kind: 'lasten', primitiveCents: 4_000_000 });
    // 36 h, from 1 July 18 h, leaves 31 October.
    const e = await client.staff.createEmployee({ personnelNumber: '30', firstName: 'Ümit', infix: 'van der', lastName: 'Meer', startDate: '2015-01-01', endDate: '2027-10-31', terms: baseTerms });
    await client.staff.changeTerms({ employeeId: e.id, validFrom: '2027-07-01', patch: { hoursPerWeek: 18 } });
    // 24 h a week at € 95 from 15 March to 30 June 2027: external hire is an assignment of a hire kind.
    const hire = await client.assignments.create({
      kind: 'inhuurbureau',
      contractor: 'Randstad',
      personName: 'P. Tijdelijk',
      title: 'Toezicht openbare ruimte',
      agreedResult: 'Vacature Handhaver overbrugd',
      officialCommissioner: 'Teamleider Beheer',
      budgetLines: [{ costCentre: 'OR01', account: '4200' }],
      ceilingCents: 3_556_800,
      status: 'lopend',
      hourlyRateCents: 9_500,
      hoursPerWeek: 24,
      startDate: '2027-03-15',
      endDate: '2027-06-30',
    });
    return { ...wb, employeeId: e.id, hireId: hire.id };
  }

  it('forecasts salary, IKB, employer charges and hire, and puts them beside the budget lines (by hand)', async () => {
    const { client } = await setUp();
    const forecast = await client.personnelCosts.forecast({ year: 2027 });
    // Salary: 6 × € 4.000 + 4 × € 2.000 = € 32.000; IKB 6 × € 682 + 4 × € 341; charges 33 % of salary + IKB per month.
    expect(forecast.employeeTotal).toEqual({ salaryCents: 3_200_000, ikbCents: 545_600, chargesCents: 1_236_048, totalCents: 4_981_648 });
    // Working days: March 15–31: 13, April 22, May 21, June 22 → 374,4 hours × € 95.
    expect(forecast.hires).toEqual([expect.objectContaining({ hours: 374.4, cents: 3_556_800, costCentre: 'OR01', account: '4200' })]);
    expect(forecast.months.map((m) => m.hireCents)).toEqual([0, 0, 592_800, 1_003_200, 957_600, 1_003_200, 0, 0, 0, 0, 0, 0]);
    expect(forecast.months[10]).toMatchObject({ salaryCents: 0, employeeCents: 0 });
    expect(forecast.totalCents).toBe(4_981_648 + 3_556_800);
    expect(forecast.inhuurPercent).toBeCloseTo((3_556_800 / (4_981_648 + 3_556_800)) * 100, 2);
    expect(forecast.budget.map((r) => [r.costCentre, r.group, r.budgetCents, r.forecastCents, r.varianceCents, r.varianceLabel])).toEqual([
      ['OR01', 'salaries', 10_000_000, 4_981_648, 5_018_352, 'V'],
      ['OR01', 'hire', 4_000_000, 3_556_800, 443_200, 'V'],
    ]);
    expect(forecast.employees).toEqual([expect.objectContaining({ personnelNumber: '30', displayName: 'Ümit van der Meer', costCentres: ['OR01'], salaryCents: 3_200_000 })]);
    expect(forecast.missing).toEqual([]);
  });

  it('follows the settings, a collective raise and a missing salary step', async () => {
    const { client, employeeId } = await setUp();
    // A 2 % raise from 1 July: € 4.080 instead of € 4.000 for July–October (at half time: € 2.040).
    const raised = await client.salary.copyTable({ fromValidFrom: '2027-01-01', toValidFrom: '2027-07-01', raisePercent: 2 });
    expect(raised).toEqual({ validFrom: '2027-07-01', entries: 1, scales: 1 });
    await client.workbook.updateSettings({ ikbPercent: 0, employerChargesPercent: 0 });
    let forecast = await client.personnelCosts.forecast({});
    expect(forecast.employeeTotal).toEqual({ salaryCents: 6 * 400_000 + 4 * 204_000, ikbCents: 0, chargesCents: 0, totalCents: 3_216_000 });
    // A step the table lacks is reported, not guessed.
    await client.staff.changeTerms({ employeeId, validFrom: '2027-10-01', patch: { salaryStep: 9 } });
    forecast = await client.personnelCosts.forecast({});
    expect(forecast.missing).toEqual([expect.objectContaining({ personnelNumber: '30', salaryScale: 10, salaryStep: 9, tableValidFrom: '2027-07-01', from: '2027-10-01', to: '2027-10-31', days: 31 })]);
    await expect(client.salary.copyTable({ fromValidFrom: '2027-01-01', toValidFrom: '2027-07-01', raisePercent: 1 })).rejects.toMatchObject({ code: 'conflict' });
    await client.salary.deleteTable({ validFrom: '2027-07-01' });
    expect(await client.salary.tables({})).toEqual([{ validFrom: '2027-01-01', entries: 1, scales: 1 }]);
    // A normal week of 40 hours makes 36 hours 0,9 FTE.
    await client.workbook.updateSettings({ normalWeekHours: 40 });
    expect((await client.staff.employee({ id: employeeId, date: '2027-03-01' })).fte).toBe(0.9);
    await expect(client.workbook.updateSettings({ normalWeekHours: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('keeps external hires (assignments of hire kinds) with their cost, flags long ZZP assignments, and deletes softly', async () => {
    const { client, hireId } = await setUp();
    const zzp = await client.assignments.create({
      kind: 'zzp',
      code: 'OPD-2027-020',
      contractor: 'J. de Jong Advies',
      title: 'Inspectieplan bruggen',
      agreedResult: 'Inspectieplan vastgesteld',
      budgetLines: [{ costCentre: 'OR01', account: '4100' }],
      ceilingCents: 5_000_000,
      status: 'lopend',
      hourlyRateCents: 11_000,
      hoursPerWeek: 16,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    expect(zzp.signals).toEqual(['dbaLong']);
    const shorter = await client.assignments.update({ id: zzp.id, patch: { endDate: '2027-06-30' } });
    expect(shorter.signals).toEqual([]);
    await expect(client.assignments.update({ id: zzp.id, patch: { endDate: '2026-12-31' } })).rejects.toMatchObject({ message: 'Opdracht OPD-2027-020: einddatum 31-12-2026 ligt vóór de begindatum 01-01-2027.' });
    // A hire paid from the salary budget (vacancy budget) counts with the salaries.
    const forecast = await client.personnelCosts.forecast({});
    expect(forecast.budget.find((r) => r.group === 'salaries')?.hireCents).toBe(shorter.hire!.costInYearCents);
    await client.assignments.delete({ id: hireId });
    expect((await client.assignments.list({ hireOnly: true })).map((h) => h.id)).toEqual([zzp.id]);
    expect((await client.assignments.list({ hireOnly: true, includeDeleted: true })).find((h) => h.id === hireId)?.deleted).toBe(true);
    expect(await auditCount(client, 'assignment')).toBe(4);
  });

  it('reports staff, formation and cost figures for a period', async () => {
    const { client } = await setUp();
    await client.formation.createPosition({ code: 'OR-BM', functionTitle: 'Beleidsmedewerker', salaryScale: 10, fte: 1, costCentre: 'OR01', validFrom: '2027-01-01' });
    const q3 = (await client.report.build({ period: '2027-Q3' })) as Record<string, Record<string, unknown>>;
    expect(q3.staff).toMatchObject({ date: '2027-09-30', headcount: 1, fte: 0.5, averageHeadcount: 1, averageFte: 0.5, costCentres: { OR01: { headcount: 1, fte: 0.5 }, OR02: { headcount: 0, fte: 0 } } });
    expect(q3.formation).toMatchObject({ date: '2027-09-30', fte: 1, occupiedFte: 0.5, vacancyFte: 0.5, overOccupationFte: 0, occupancyPercent: 50, costCentres: { OR01: { fte: 1, occupiedFte: 0.5, vacancyFte: 0.5 } } });
    expect(q3.personnelCosts).toMatchObject({ year: 2027, forecastCents: 4_981_648 + 3_556_800, externalHireCents: 3_556_800, budgetCents: 14_000_000 });
    // July–September: 3 × (€ 2.000 + € 341 + € 772,53), no hire.
    expect(q3.personnelCosts.periodForecastCents).toBe(3 * (200_000 + 34_100 + 77_253));
    const q4 = (await client.report.build({ period: '2027-Q4' })) as Record<string, Record<string, unknown>>;
    expect(q4.staff).toMatchObject({ headcount: 0, fte: 0 });
    // One month of 92 days employed: October.
    expect(q4.staff.averageFte).toBeCloseTo((31 * 0.5) / 92, 4);
    const q2 = (await client.report.build({ period: '2027-Q2' })) as Record<string, Record<string, unknown>>;
    expect(q2.externalHire).toMatchObject({ active: 1, periodCents: 1_003_200 + 957_600 + 1_003_200 });
  });
});
