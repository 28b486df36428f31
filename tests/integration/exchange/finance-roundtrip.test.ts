import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralWorkbook, departmentWithBudget, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

describe('finance summaries from three departments into a central finance workbook', () => {
  const dir = tempDir('werkboek-exchange-');
  const inbox = path.join(dir, 'inbox');
  const departments: Record<string, DepartmentHandle> = {};
  let central: Awaited<ReturnType<typeof centralWorkbook>>;

  beforeAll(async () => {
    fs.mkdirSync(inbox);
    for (const d of DEPARTMENTS) departments[d.code] = await departmentWithBudget(dir, d.code, d.name, d.lines, d.ledger, undefined, d.settings);
    central = await centralWorkbook(dir, 'central-finance');
  });
  afterAll(() => {
    for (const d of Object.values(departments)) d.session.close();
    central.session.close();
  });

  it('gives each department workbook its own key when it is created, and a public key file', async () => {
    const fingerprints = new Set<string>();
    for (const d of Object.values(departments)) {
      const info = await d.client.exchange.keyInfo({});
      expect(info.usable).toBe(true);
      expect(info.key?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      fingerprints.add(info.key!.fingerprint);
      const keyFile = await d.client.exchange.publicKeyFile({ path: path.join(dir, `${d.code}.wbkey`) });
      const parsed = JSON.parse(fs.readFileSync(keyFile.path!, 'utf8'));
      expect(parsed).toMatchObject({ format: 'werkboek-public-key', department: { code: d.code }, fingerprint: info.key!.fingerprint, organisation: 'Gemeente Voorbeeld' });
      expect(parsed.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(JSON.stringify(parsed)).not.toMatch(/private/i);
    }
    expect(fingerprints.size).toBe(3);
  });

  it('exports a signed package and an XLSX, numbers them per period and logs every export', async () => {
    for (const d of Object.values(departments)) {
      const result = await d.client.exchange.export({ kind: 'finance-summary', period: '2027-q1', path: path.join(inbox, `${d.code}-q1.wbx`), xlsxPath: path.join(dir, `${d.code}-q1.xlsx`) });
      expect(result).toMatchObject({ kind: 'finance-summary', period: '2027-Q1', sequence: 1, sections: ['basis', 'costCentres', 'lines'] });
      expect(fs.existsSync(result.package.path!)).toBe(true);
      expect(fs.existsSync(result.xlsx!.path!)).toBe(true);
    }
    const or = JSON.parse(fs.readFileSync(path.join(inbox, 'OR-q1.wbx'), 'utf8'));
    expect(or).toMatchObject({ format: 'werkboek-wbx', formatVersion: 1, kind: 'finance-summary', organisation: 'Gemeente Voorbeeld', department: { code: 'OR', name: 'Openbare Ruimte' }, period: '2027-Q1', sequence: 1 });
    const huisvesting = or.payload.lines.find((l: { account: string }) => l.account === '4300');
    // Actuals until 31-03-2027: the booking of 02-04-2027 is left out.
    expect(huisvesting).toMatchObject({
      currentCents: 10_500_000,
      actualCents: 4_000_000,
      commitmentsCents: 200_000,
      forecastCents: 4_200_000,
      forecastMethod: 'manual',
      forecastOverridden: true,
      forecastNote: 'Alleen de lopende huur en het contract',
      varianceCents: 6_300_000,
      explanationRequired: true,
      explanation: 'Groot onderhoud uitgesteld naar 2028',
    });
    expect(or.payload.lines.find((l: { account: string }) => l.account === '4400')).toMatchObject({ forecastCents: 1_950_000, forecastMethod: 'expected' });
    // The ledger has a booking of April, but the package's actuals end with March: three months booked.
    expect(or.payload.basis).toMatchObject({ year: 2027, actualsUntil: '2027-03-31', monthsBooked: 3, rhythmYear: null });

    // The XLSX beside it holds the same lines; its totals row adds up the actuals (40.000 + 1.500).
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'OR-q1.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Pakket', 'Begroting']);
    const budget = book.getWorksheet('Begroting')!;
    expect(budget.rowCount).toBe(4);
    expect(budget.getRow(4).getCell(1).value).toBe('Totaal');
    expect(budget.getRow(4).getCell(9).value).toBe(41_500);
    expect(budget.getRow(2).getCell(15).value).toBe('Groot onderhoud uitgesteld naar 2028');

    const log = await departments.OR.client.exchange.exports({});
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'finance-summary', period: '2027-Q1', sequence: 1, fileName: 'OR-q1.wbx', xlsxFileName: 'OR-q1.xlsx' });
    const audit = await departments.OR.client.workbook.audit({ table: 'exchange_export' });
    expect(audit.entries.map((e) => e.action)).toEqual(['export']);
  });

  it('refuses packages of unknown departments until their key is registered or trusted', async () => {
    await central.client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') } });
    await central.client.central.registerDepartment({ code: 'BZ', key: { path: path.join(dir, 'BZ.wbkey') } });
    const first = await central.client.central.import({ sources: [{ folder: inbox }] });
    const byDept = Object.fromEntries(first.files.map((f) => [f.department, f]));
    expect(byDept.OR).toMatchObject({ outcome: 'imported', period: '2027-Q1', sequence: 1 });
    expect(byDept.BZ).toMatchObject({ outcome: 'imported' });
    const soFingerprint = (await departments.SO.client.exchange.keyInfo({})).key!.fingerprint;
    expect(byDept.SO).toMatchObject({ outcome: 'rejected', code: 'unknown-department' });
    expect(byDept.SO.reason).toContain(soFingerprint);
    expect(first.counts).toMatchObject({ imported: 2, rejected: 1 });

    // Trust is given for one fingerprint only: a different key would still be refused.
    const wrong = await central.client.central.import({ sources: [{ path: path.join(inbox, 'SO-q1.wbx') }], trust: [{ department: 'SO', fingerprint: 'f'.repeat(64) }] });
    expect(wrong.files[0]).toMatchObject({ outcome: 'rejected', code: 'unknown-department' });
    const trusted = await central.client.central.import({ sources: [{ path: path.join(inbox, 'SO-q1.wbx') }], trust: [{ department: 'SO', fingerprint: soFingerprint }] });
    expect(trusted.files[0]).toMatchObject({ outcome: 'imported', department: 'SO' });
    const so = (await central.client.central.departments({})).find((d) => d.code === 'SO')!;
    expect(so).toMatchObject({ name: 'Sociaal Domein', fingerprint: soFingerprint, keySource: 'first-import', expectedPeriods: ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'] });
  });

  it('consolidates budget, actuals, commitments and forecast per department and account, and flags unexplained variances', async () => {
    const f = await central.client.central.finance({ period: '2027-Q1' });
    expect(f.totals).toEqual({ primitiveCents: 14_500_000, revisionsCents: 500_000, currentCents: 15_000_000, actualCents: 5_484_567, commitmentsCents: 200_000, forecastCents: 9_425_000, varianceCents: 5_575_000 });
    expect(f.departments.map((d) => [d.code, d.currentCents, d.actualCents, d.forecastCents, d.varianceCents, d.explanationsMissing])).toEqual([
      ['BZ', -2_500_000, 100_000, -1_725_000, -775_000, 1],
      ['OR', 12_500_000, 4_150_000, 6_150_000, 6_350_000, 0],
      ['SO', 5_000_000, 1_234_567, 5_000_000, 0, 0],
    ]);
    const huisvesting = f.accounts.find((a) => a.account === '4300')!;
    expect(huisvesting).toMatchObject({ currentCents: 11_000_000, actualCents: 4_900_000 });
    expect(f.lines.filter((l) => l.explanationMissing).map((l) => `${l.department}/${l.costCentre}/${l.account}`)).toEqual(['BZ/BZ01/4300']);
    expect(f.explanationsMissing).toBe(1);
    // The review shows how each forecast was made, and on what the department's forecasts rest.
    expect(f.lines.map((l) => `${l.department}/${l.account}: ${l.forecastMethod}`)).toEqual(['BZ/4300: linear', 'BZ/8100: expected', 'OR/4300: manual', 'OR/4400: expected', 'SO/4700: expected']);
    expect(f.departments.find((d) => d.code === 'BZ')!.forecastBasis).toEqual({ year: 2027, monthsBooked: 3, rhythmYear: null });

    const report = await central.client.central.report({ period: '2027-Q1', asOf: '2027-04-10' });
    expect(report.finance).toMatchObject({ actualCents: 5_484_567, currentCents: 15_000_000, forecastCents: 9_425_000, explanationsMissing: 1, departmentsIncluded: 3 });
    expect(report.completeness).toMatchObject({ expected: 3, delivered: 3, missing: 0, pending: 0 });
  });

  it('treats an identical package as a duplicate, a higher sequence as superseding and a lower one as stale', async () => {
    const again = await central.client.central.import({ sources: [{ path: path.join(inbox, 'OR-q1.wbx') }] });
    expect(again.files[0]).toMatchObject({ outcome: 'duplicate', department: 'OR', sequence: 1 });

    // The head adds a commitment and sends the quarter again (sequence 2), then once more (sequence 3).
    const line = (await departments.OR.client.budget.summary({ year: 2027 })).lines.find((l) => l.account === '4400')!;
    await departments.OR.client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Boomkwekerij', amountCents: 100_000, date: '2027-03-15' });
    const v2 = await departments.OR.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-q1-v2.wbx') });
    const v3 = await departments.OR.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-q1-v3.wbx') });
    expect([v2.sequence, v3.sequence]).toEqual([2, 3]);

    const superseding = await central.client.central.import({ sources: [{ path: v3.package.path! }] });
    expect(superseding.files[0]).toMatchObject({ outcome: 'superseding', sequence: 3 });
    const stale = await central.client.central.import({ sources: [{ path: v2.package.path! }] });
    expect(stale.files[0]).toMatchObject({ outcome: 'stale', sequence: 2 });
    expect(stale.files[0].reason).toMatch(/volgnummer 2 is lager dan .* 3/);
    // A replay of the first version: identical to one in the history, so nothing changes.
    const replay = await central.client.central.import({ sources: [{ path: path.join(inbox, 'OR-q1.wbx') }] });
    expect(replay.files[0]).toMatchObject({ outcome: 'duplicate' });
    expect(replay.files[0].reason).toMatch(/vervangen/);

    const history = await central.client.central.packages({ department: 'OR', period: '2027-Q1' });
    expect(history.map((p) => [p.sequence, p.status])).toEqual([
      [3, 'current'],
      [1, 'superseded'],
    ]);
    expect(history[1].supersededBy).toBe(history[0].id);
    const f = await central.client.central.finance({ period: '2027-Q1' });
    expect(f.totals.commitmentsCents).toBe(300_000);
    const matrix = await central.client.central.completeness({ period: '2027-Q1', asOf: '2027-04-10' });
    expect(matrix.cells.find((c) => c.department === 'OR')).toMatchObject({ status: 'superseded', sequence: 3, versions: 2 });
  });

  it('lets the controller review a package or ask a question, audited, and starts over for a newer version', async () => {
    const f = await central.client.central.finance({ period: '2027-Q1' });
    const bz = f.departments.find((d) => d.code === 'BZ')!;
    await expect(central.client.central.review({ packageId: bz.packageId, status: 'question' })).rejects.toThrow(/toelichting nodig/);
    const question = await central.client.central.review({ packageId: bz.packageId, status: 'question', note: 'Waarom is huisvesting overschreden?' });
    expect(question).toMatchObject({ status: 'question', note: 'Waarom is huisvesting overschreden?' });
    const or = f.departments.find((d) => d.code === 'OR')!;
    await central.client.central.review({ packageId: or.packageId, status: 'reviewed' });
    const after = await central.client.central.finance({ period: '2027-Q1' });
    expect(after.departments.find((d) => d.code === 'BZ')!.review).toMatchObject({ status: 'question' });
    expect(after.departments.find((d) => d.code === 'OR')!.review).toMatchObject({ status: 'reviewed' });
    const audit = await central.client.workbook.audit({ table: 'central_review' });
    expect(audit.total).toBe(2);

    const old = (await central.client.central.packages({ department: 'OR', period: '2027-Q1' })).find((p) => p.status === 'superseded')!;
    await expect(central.client.central.review({ packageId: old.id, status: 'reviewed' })).rejects.toThrow(/vervangen/);
  });

  it('shows delivered, superseded, late, missing and pending in the completeness matrix', async () => {
    await central.client.central.savePeriod({ period: '2027-Q1', dueDate: '2027-04-15' });
    const matrix = await central.client.central.completeness({ asOf: '2027-07-20' });
    const status = (dept: string, period: string) => matrix.cells.find((c) => c.department === dept && c.period === period)?.status;
    expect(status('BZ', '2027-Q1')).toBe('delivered');
    expect(status('OR', '2027-Q1')).toBe('superseded');
    // Q2 was due on 15-07-2027 (period end + 15 days): missing by 20 July; Q3 is still open.
    expect(status('BZ', '2027-Q2')).toBe('missing');
    expect(status('BZ', '2027-Q3')).toBe('pending');
    expect(matrix.counts['2027-Q2']).toMatchObject({ expected: 3, missing: 3 });

    // A due date before the package was made turns the cell into "late".
    await central.client.central.savePeriod({ period: '2027-Q1', dueDate: '2020-01-01' });
    const late = await central.client.central.completeness({ asOf: '2027-07-20', period: '2027-Q1' });
    expect(late.cells.every((c) => c.status === 'late')).toBe(true);
    await central.client.central.savePeriod({ period: '2027-Q1', dueDate: '2027-04-15' });
  });

  it('exports the consolidation as XLSX', async () => {
    const out = path.join(dir, 'consolidatie.xlsx');
    const file = await central.client.central.exportXlsx({ period: '2027-Q1', path: out, asOf: '2027-04-10' });
    expect(file.path).toBe(out);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Overzicht', 'Volledigheid', 'Per afdeling', 'Per afdeling en rekening', 'Afwijkingen', 'Alle regels']);
    const perDept = book.getWorksheet('Per afdeling')!;
    const lastRow = perDept.getRow(perDept.rowCount);
    expect(lastRow.getCell(1).value).toBe('Totaal');
    // Column 7 is the actuals (afdeling, naam, volgnummer, primitief, wijzigingen, actueel, realisatie).
    expect(lastRow.getCell(7).value).toBeCloseTo(54_845.67, 2);
  });
});
