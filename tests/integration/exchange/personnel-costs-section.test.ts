import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralWorkbook, createStaff, departmentWithBudget, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';

/**
 * The staff area's personnel cost forecast travels in the finance package as `personnelCosts`.
 *
 * OR01 has a salary budget of € 90.000,00 on account 4100 and bookings of € 12.000,00 (January),
 * € 8.000,00 (March) and € 7.000,00 (2 April). Scale 8 step 3 pays € 3.000,00 a month. Two employees
 * on OR01 all year: 36 hours (factor 1) and 18 hours (0.5). Per month, rounded to the cent:
 *   36 h: salary 3.000,00; IKB 17,05 % = 511,50; charges 33 % × 3.511,50 = 1.158,795 → 1.158,80; total 4.670,30
 *   18 h: salary 1.500,00; IKB 255,75; charges 33 % × 1.755,75 = 579,3975 → 579,40; total 2.335,15
 * Year: 12 × (4.670,30 + 2.335,15) = 12 × 7.005,45 = 84.065,40. Variance 90.000,00 − 84.065,40 = 5.934,60 (V).
 * Actuals in the first quarter: 12.000 + 8.000 = 20.000,00 (the April booking falls outside).
 */
describe('finance package: personnel costs from the staff area, into central finance', () => {
  const dir = tempDir('werkboek-personnel-costs-');
  let or: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;

  beforeAll(async () => {
    or = await departmentWithBudget(
      dir,
      'OR',
      'Openbare Ruimte',
      [
        { costCentre: 'OR01', account: '4100', accountName: 'Salarissen', primitiveCents: 9_000_000 },
        { costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', primitiveCents: 1_000_000 },
      ],
      [
        { date: '15-01-2027', costCentre: 'OR01', account: '4100', amount: '12.000,00' },
        { date: '25-03-2027', costCentre: 'OR01', account: '4100', amount: '8.000,00' },
        { date: '02-04-2027', costCentre: 'OR01', account: '4100', amount: '7.000,00' },
      ],
    );
    await or.client.salary.setEntry({ validFrom: '2027-01-01', scale: 8, step: 3, monthlyCents: 300_000 });
    await createStaff(or, [
      { personnelNumber: '100001', lastName: 'Jansen', hours: 36, costCentre: 'OR01' },
      { personnelNumber: '100002', lastName: 'de Vries', hours: 18, costCentre: 'OR01' },
    ]);
    central = await centralWorkbook(dir, 'central-finance');
  });
  afterAll(() => {
    or.session.close();
    central.session.close();
  });

  it('exports the forecast against the salary budget, with the first quarter’s actuals and no names', async () => {
    const result = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'inbox', 'OR-q1.wbx') });
    expect(result.sections).toEqual(['basis', 'costCentres', 'lines', 'personnelCosts']);
    const pkg = JSON.parse(fs.readFileSync(result.package.path!, 'utf8'));
    expect(pkg.payload.personnelCosts).toEqual({
      budgetCents: 9_000_000,
      actualCents: 2_000_000,
      forecastCents: 12 * (467_030 + 233_515),
      varianceCents: 9_000_000 - 8_406_540,
      byCostCentre: [{ costCentre: 'OR01', budgetCents: 9_000_000, forecastCents: 8_406_540, varianceCents: 593_460 }],
      note: 'Prognose 2027 op salarisrekening(en) 4100: eigen personeel € 84.065,40 (salaris, IKB 17,05 %, werkgeverslasten 33 %).',
    });
    // The same figure as the department's own Personeelskosten page.
    const forecast = await or.client.personnelCosts.forecast({ year: 2027 });
    expect(forecast.employeeTotal.totalCents).toBe(8_406_540);
    const text = fs.readFileSync(result.package.path!, 'utf8');
    for (const term of ['Jansen', 'Vries', '100001', '100002']) expect(text).not.toContain(term);
  });

  it('says when the salary table lacks an amount, instead of hiding the gap', async () => {
    await createStaff(or, [{ personnelNumber: '100003', lastName: 'Bakker', hours: 36, costCentre: 'OR01', start: '2027-12-01' }]);
    await or.client.staff.changeTerms({ employeeId: (await or.client.staff.employees({ date: '2027-12-01' })).find((e) => e.personnelNumber === '100003')!.id, validFrom: '2027-12-01', patch: { salaryStep: 9 } });
    const result = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-q1-v2.wbx') });
    const pkg = JSON.parse(fs.readFileSync(result.package.path!, 'utf8'));
    // Scale 8 step 9 has no amount: 31 December days counted at € 0.
    expect(pkg.payload.personnelCosts.note).toMatch(/voor 31 dag\(en\) ontbreekt een bedrag in de salaristabel \(geteld als € 0\)\.$/);
    expect(pkg.payload.personnelCosts.forecastCents).toBe(8_406_540);
  });

  it('arrives in the central finance consolidation and report per department', async () => {
    await central.client.central.import({ sources: [{ path: path.join(dir, 'inbox', 'OR-q1.wbx') }], trustNew: true });
    const consolidation = await central.client.central.finance({ period: '2027-Q1' });
    expect(consolidation.departments[0].personnelCosts).toEqual({ budgetCents: 9_000_000, forecastCents: 8_406_540, varianceCents: 593_460 });
    const report = (await central.client.central.report({ period: '2027-Q1' })) as { finance: { departments: Record<string, { personnelCosts: unknown }> } };
    expect(report.finance.departments.OR.personnelCosts).toEqual({ budgetCents: 9_000_000, forecastCents: 8_406_540, varianceCents: 593_460 });
  });
});
