import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { centralWorkbook, sampleDepartment } from '../../helpers/exchange.ts';
import { departmentWorkbook, sample, tempDir, writeTemp } from '../../helpers/workbook.ts';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** The sample ledger's header with two bookings of our own: 10-02-2027 and 14-05-2027 (OR01). */
function twoBookings(dir: string): string {
  const header = fs.readFileSync(sample('grootboekmutaties-2027.csv'), 'utf8').split(/\r?\n/)[0];
  const row = (date: string, period: number, doc: string) => `2027;${period};${date};MEM;${doc};OR01;Beheer;4300;Onderhoud;5.7;3.4;Onderhoud;1.250,00;Aannemer`;
  return writeTemp(dir, 'twee-boekingen.csv', [header, row('10-02-2027', 2, '20279000001'), row('14-05-2027', 5, '20279000002')].join('\r\n'));
}

async function workbook2027() {
  const wb = await departmentWorkbook();
  closers.push(() => wb.session.close());
  return wb;
}

describe('period defaults: pages and reports of a workbook open in its own year', () => {
  it('a new 2027 workbook in December 2026 opens on the first quarter of 2027, and its report warns that it is empty', async () => {
    const { client } = await workbook2027();
    expect(await client.report.periodDefaults({ today: '2026-12-07' })).toEqual({
      fiscalYear: 2027,
      latestData: null,
      month: '2027-01',
      quarter: '2027-Q1',
      year: '2027',
      day: '2027-01-01',
    });
    const data = await client.report.periodData({ period: '2027-Q1' });
    expect(data).toMatchObject({ period: '2027-Q1', empty: true, counts: { bookings: 0, budgetLines: 0, absenceCases: 0, bottlenecks: 0 } });
    expect(data.warning).toBe('1e kwartaal 2027 heeft geen gegevens in dit werkboek: geen begroting voor 2027, geen boekingen, geen verzuim en geen knelpunten. De rapportage toont alleen nullen.');
    // `werkboek report --json` carries the same warning under `warnings`.
    expect((await client.report.build({ period: '2027-Q1' })).warnings).toEqual([data.warning]);
  });

  it('opens on the latest period of the year with data; while the year runs, never on one after today', async () => {
    const { client, dir } = await workbook2027();
    await client.import.commit({ kind: 'ledger', source: { path: twoBookings(dir) } });
    expect(await client.report.periodDefaults({ today: '2026-12-07' })).toEqual({
      fiscalYear: 2027,
      latestData: '2027-05-14',
      month: '2027-05',
      quarter: '2027-Q2',
      year: '2027',
      day: '2027-05-31',
    });
    expect(await client.report.periodDefaults({ today: '2027-03-15' })).toMatchObject({ latestData: '2027-05-14', quarter: '2027-Q1', day: '2027-03-15' });
    expect(await client.report.periodDefaults({ today: '2028-01-20' })).toMatchObject({ quarter: '2027-Q2', day: '2027-05-31' });
  });

  it('says what is missing: no budget, no bookings in the period, or nothing at all', async () => {
    const { client, dir } = await workbook2027();
    await client.import.commit({ kind: 'ledger', source: { path: twoBookings(dir) } });
    const q2 = await client.report.periodData({ period: '2027-Q2' });
    expect(q2).toMatchObject({ empty: false, counts: { bookings: 1, budgetLines: 0 } });
    expect(q2.warning).toBe('Er is geen begroting voor 2027: de begrotingscijfers van 2e kwartaal 2027 zijn € 0.');
    expect((await client.report.periodData({ period: '2027-Q3' })).empty).toBe(true);

    await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') }, strict: true });
    expect(await client.report.periodData({ period: '2027-Q2' })).toMatchObject({ empty: false, warning: null });
    const q3 = await client.report.periodData({ period: '2027-Q3' });
    expect(q3).toMatchObject({ empty: false, counts: { bookings: 0 } });
    expect(q3.warning).toBe('Er zijn geen boekingen in 3e kwartaal 2027: de realisatie is € 0.');
    expect((await client.report.build({ period: '2027-Q2' })).warnings).toEqual([]);
  });

  it('speaks English when the window does', async () => {
    const { client } = await workbook2027();
    await client.workbook.setLanguage({ language: 'en' });
    expect((await client.report.periodData({ period: '2027-Q1' })).warning).toMatch(/^1e kwartaal 2027 has no data in this workbook: no budget for 2027/);
  });

  it('a central workbook opens on the latest period of its year that packages came in for, and warns for a period without any', async () => {
    const dir = tempDir();
    const central = await centralWorkbook(dir, 'central-finance');
    closers.push(() => central.session.close());
    expect(await central.client.report.periodDefaults({ today: '2026-12-07' })).toMatchObject({ fiscalYear: 2027, latestData: null, quarter: '2027-Q1' });
    const data = await central.client.report.periodData({ period: '2027-Q1' });
    expect(data).toMatchObject({ empty: true, counts: { packages: 0 }, warning: 'Er zijn nog geen pakketten ontvangen voor 1e kwartaal 2027.' });

    const d = await sampleDepartment(dir, 'OR', 'Openbare Ruimte');
    closers.push(() => d.session.close());
    const q2 = await d.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR-Q2.wbx') });
    await d.client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
    await central.client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') } });
    await central.client.central.import({ sources: [{ path: q2.package.path! }] });
    expect(await central.client.report.periodDefaults({ today: '2026-12-07' })).toMatchObject({ latestData: '2027-06-30', quarter: '2027-Q2', day: '2027-06-30' });
    expect(await central.client.report.periodData({ period: '2027-Q2' })).toMatchObject({ empty: false, counts: { packages: 1 }, warning: null });
  });
});

