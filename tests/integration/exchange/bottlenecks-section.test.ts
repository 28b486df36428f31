import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentWithBudget, insertEmployees, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

function payloadOf(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')).payload;
}

describe('bottlenecks escalated to the receiver travel in the package', () => {
  const dir = tempDir('werkboek-knelpunt-pakket-');
  let or: DepartmentHandle;

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, DEPARTMENTS[0].ledger);
    const c = or.client.bottlenecks;
    const money = await c.create({ title: 'Tekort op onderhoud bruggen', category: 'budget', signalledOn: '2027-04-02', proposedSolution: 'Budgetverschuiving van 4300 naar 4600' });
    await c.changeStatus({ id: money.id, status: 'geescaleerd', reason: 'Boven mandaat', escalatedTo: 'financien', date: '2027-05-10' });
    await c.addLink({ id: money.id, linkType: 'department', linkKey: 'BZ', relation: 'raakt' });
    const people = await c.create({ title: 'Vacature toezichthouder', category: 'formatie', signalledOn: '2027-04-03' });
    await c.changeStatus({ id: people.id, status: 'geescaleerd', reason: 'Werving loopt vast', escalatedTo: 'hr', date: '2027-05-11' });
    const secret = await c.create({ title: 'Integriteitskwestie inkoop', category: 'werkproces', signalledOn: '2027-04-04', confidentiality: 'vertrouwelijk' });
    await c.changeStatus({ id: secret.id, status: 'geescaleerd', reason: 'Naar control', escalatedTo: 'financien', date: '2027-05-12' });
    const later = await c.create({ title: 'Escalatie na het kwartaal', category: 'budget', signalledOn: '2027-04-05' });
    await c.changeStatus({ id: later.id, status: 'geescaleerd', reason: 'Later', escalatedTo: 'financien', date: '2027-07-02' });
  });
  afterAll(() => or.session.close());

  it('sends finance the cases escalated to finance by the period end, confidential ones without their text', async () => {
    const result = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR.wbx') });
    const bottlenecks = payloadOf(result.package.path!).bottlenecks as Array<Record<string, unknown>>;
    expect(bottlenecks.map((b) => b.title)).toEqual(['Tekort op onderhoud bruggen', '(vertrouwelijk)']);
    expect(bottlenecks[0]).toMatchObject({ status: 'Geëscaleerd', startDate: '2027-04-02', escalatedOn: '2027-05-10', summary: 'Budgetverschuiving van 4300 naar 4600', otherDepartments: ['BZ'] });
    expect(bottlenecks[1].summary).toBe('');
  });

  it('refuses a finance package whose bottleneck text names an employee', async () => {
    insertEmployees(or, 'OR01', [{ personnelNumber: '100777', first: 'Karin', infix: '', last: 'Jansen' }]);
    const list = await or.client.bottlenecks.list({});
    const money = list.find((b) => b.title === 'Tekort op onderhoud bruggen')!;
    await or.client.bottlenecks.update({ id: money.id, patch: { proposedSolution: 'Overleg met Karin Jansen over verschuiving' } });
    await expect(or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR-2.wbx') })).rejects.toThrow(/naam van een medewerker/);
  });
});
