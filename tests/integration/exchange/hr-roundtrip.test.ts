import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/exchange/canonical.ts';
import type { HrConsolidation } from '../../../shared/exchange/central.ts';
import { centralWorkbook, hrDepartment, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { exportHrPackages, hrDepartments } from './hr-fixtures.ts';

const NAMES = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Meijer', 'Mulder', 'de Boer', 'Dekker', 'Brouwer', 'Hoekstra', 'Peters'];
const PERSONNEL_NUMBERS = ['100001', '100002', '100003', '100004', '100005', '100006', '200001', '200002', '200003', '200004', '300001', '300002', '300003', '300004'];

/** Every text of every cell of an XLSX file. */
async function xlsxTexts(bytes: Buffer): Promise<{ sheets: Map<string, unknown[][]>; all: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  const texts: string[] = [];
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(values);
      texts.push(values.map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))).join('|'));
    });
    sheets.set(sheet.name, rows);
  });
  return { sheets, all: texts.join('\n') };
}

describe('HR round trip: three department workbooks → signed HR packages → central HR consolidation', () => {
  const dir = tempDir('werkboek-hr-roundtrip-');
  const inbox = path.join(dir, 'inbox');
  let departments: { or: DepartmentHandle; bz: DepartmentHandle; so: DepartmentHandle };
  let central: Awaited<ReturnType<typeof centralWorkbook>>;
  let files: Record<string, string>;

  beforeAll(async () => {
    departments = await hrDepartments(dir);
    files = await exportHrPackages(inbox, [departments.or, departments.bz, departments.so]);
    central = await centralWorkbook(dir, 'central-hr');
  }, 60_000);
  afterAll(() => {
    for (const d of Object.values(departments ?? {})) d.session.close();
    central?.session.close();
  });

  it('the department sends personnel numbers, terms, cases with percentages, Poortwachter steps and its own figures, but no names and no notes', async () => {
    const pkg = JSON.parse(fs.readFileSync(files.OR, 'utf8'));
    expect(Object.keys(pkg.payload)).toEqual(['basis', 'staff', 'formation', 'absenceCases', 'poortwachter', 'absenceMetrics']);
    expect(pkg.payload.basis).toEqual({ periodStart: '2027-01-01', periodEnd: '2027-03-31', referenceDate: '2027-03-31', normalWeekHours: 36 });
    expect(pkg.payload.staff.map((s: { personnelNumber: string }) => s.personnelNumber)).toEqual(['100001', '100002', '100003', '100004', '100005', '100006']);
    expect(pkg.payload.staff[1]).toEqual({
      personnelNumber: '100002',
      employmentStart: '2020-01-01',
      employmentEnd: null,
      terms: [{ validFrom: '2020-01-01', costCentre: 'OR01', functionTitle: 'Medewerker', salaryScale: 8, salaryStep: 3, hoursPerWeek: 18, fte: 0.5, contractType: 'vast', positionId: 'OR-BEL' }],
    });
    expect(pkg.payload.staff[5]).toMatchObject({ personnelNumber: '100006', employmentEnd: '2027-02-14' });
    expect(pkg.payload.formation.positions).toEqual([
      { positionId: 'OR-BEL', costCentre: 'OR01', functionTitle: 'Beleidsmedewerker', salaryScale: 10, formationFte: 3, occupationFte: 1.5 },
      { positionId: 'OR-UITV', costCentre: 'OR02', functionTitle: 'Uitvoerder', salaryScale: 8, formationFte: 2, occupationFte: 3 },
    ]);
    expect(pkg.payload.absenceCases.map((c: Record<string, unknown>) => ({ ...c, caseId: undefined }))).toEqual([
      { caseId: undefined, personnelNumber: '100001', firstDay: '2027-01-04', lastSickDay: '2027-01-13', incapacity: [{ from: '2027-01-04', percentage: 100 }], continuesCaseId: null },
      {
        caseId: undefined,
        personnelNumber: '100002',
        firstDay: '2027-03-01',
        lastSickDay: null,
        incapacity: [
          { from: '2027-03-01', percentage: 100 },
          { from: '2027-03-16', percentage: 50 },
        ],
        continuesCaseId: null,
      },
    ]);
    // Status on the period's last day: the sick report of 100002 (due 7 March) is overdue; the problem analysis (11 April) open.
    const steps = pkg.payload.poortwachter.filter((m: { personnelNumber: string }) => m.personnelNumber === '100002');
    expect(steps.slice(0, 2).map((m: Record<string, unknown>) => [m.milestone, m.dueDate, m.status])).toEqual([
      ['ZIEKMELDING', '2027-03-07', 'overdue'],
      ['PROBLEEMANALYSE', '2027-04-11', 'open'],
    ]);
    // The department's own percentage: 21.5 / 419.
    expect(pkg.payload.absenceMetrics).toMatchObject({ percentage: 5.13, reports: 2, averageDurationDays: 10 });

    const so = JSON.parse(fs.readFileSync(files.SO, 'utf8'));
    expect(Object.keys(so.payload)).not.toContain('formation');
    expect(so.payload.poortwachter.filter((m: { status: string }) => m.status === 'done').map((m: { milestone: string }) => m.milestone)).toEqual(['ZIEKMELDING', 'PROBLEEMANALYSE']);
    for (const file of Object.values(files)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const name of NAMES) expect(text).not.toContain(name);
    }
  });

  it('refuses an HR summary about nobody, and says what is missing', async () => {
    const empty = await hrDepartment(path.join(dir, 'empty'), 'VH', 'Vastgoed', ['VH01']);
    try {
      await expect(empty.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(dir, 'empty', 'VH.wbx') })).rejects.toMatchObject({
        code: 'conflict',
        message: 'De HR-samenvatting mist medewerkers (niemand is in dienst in de periode: importeer het personeelsbestand of voer medewerkers in) voor 2027-Q1; vul die eerst in het werkboek in.',
      });
      expect(fs.existsSync(path.join(dir, 'empty', 'VH.wbx'))).toBe(false);
    } finally {
      empty.session.close();
    }
  });

  it('imports into central HR with the same verification, outcomes and completeness as finance', async () => {
    const result = await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true });
    expect(result.files.map((f) => [path.basename(f.file), f.outcome])).toEqual([
      ['BZ-hr-2027-Q1.wbx', 'imported'],
      ['OR-hr-2027-Q1.wbx', 'imported'],
      ['SO-hr-2027-Q1.wbx', 'imported'],
    ]);
    const again = await central.client.central.import({ sources: [{ folder: inbox }] });
    expect(again.counts).toMatchObject({ duplicate: 3, imported: 0 });
    const matrix = await central.client.central.completeness({ asOf: '2027-07-20' });
    const cell = (d: string, p: string) => matrix.cells.find((c) => c.department === d && c.period === p)?.status;
    expect([cell('OR', '2027-Q1'), cell('BZ', '2027-Q1'), cell('SO', '2027-Q2')]).toEqual(['delivered', 'delivered', 'missing']);
    await expect(central.client.central.finance({ period: '2027-Q1' })).rejects.toThrow(/centraal financieel werkboek/);
  });

  it('recomputes the organisation’s absence from the days, not from the departments’ percentages', async () => {
    const hr = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
    const org = hr.organisation.absence!;
    // sick 21.5 + 5 + 95 = 121.5 weighted days; available 419 + 360 + 360 = 1139.
    expect(org.sickDays).toBeCloseTo(121.5, 9);
    expect(org.availableDays).toBeCloseTo(1139, 9);
    expect(org.percentage).toBeCloseTo((121.5 / 1139) * 100, 9);
    const meanOfPercentages = ((21.5 / 419) * 100 + (5 / 360) * 100 + (95 / 360) * 100) / 3;
    expect(Math.abs(org.percentage! - meanOfPercentages)).toBeGreaterThan(0.3);
    // 4 reports; 1229 person-days / 90 days = 13.6556 people on average; × 12 / 3 months.
    expect(org.reports).toBe(4);
    expect(org.averageHeadcount).toBeCloseTo(1229 / 90, 9);
    expect(org.frequency).toBeCloseTo(4 / (1229 / 90) * 4, 9);
    // Closed in the quarter: 10 + 5 + 10 days over three cases.
    expect(org.averageDurationDays).toBeCloseTo(25 / 3, 9);
    // 100006 counts once: 14 people, 5 of them sick.
    expect(org.employees).toBe(14);
    expect(org.zeroAbsencePercentage).toBeCloseTo((9 / 14) * 100, 9);
    expect(org.bands.map((b) => [b.key, b.cases, b.suppressed])).toEqual([
      ['short', 1, 'small'],
      ['medium', 3, 'small'],
      ['long', 1, 'small'],
      ['extraLong', 0, null],
    ]);

    const dept = (code: string) => hr.departments.find((d) => d.code === code)!;
    expect(dept('OR').absence).toMatchObject({ reports: 2, employees: 6, employeesWithAbsence: 2 });
    expect(dept('OR').absence!.percentage).toBeCloseTo((21.5 / 419) * 100, 9);
    expect(dept('BZ').absence!.percentage).toBeCloseTo((5 / 360) * 100, 9);
    expect(dept('SO').absence!.percentage).toBeCloseTo((95 / 360) * 100, 9);
    // What the department reported itself, beside it.
    expect(dept('OR').reported).toMatchObject({ percentage: 5.13, reports: 2 });
    expect(dept('OR').costCentres.map((c) => [c.code, c.absence.employees, c.suppressed])).toEqual([
      ['OR01', 3, 'small'],
      ['OR02', 3, 'small'],
    ]);
  });

  it('marks the figures of groups under five people: BZ (4) itself, and SO too, or BZ would follow from the total', async () => {
    const hr = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
    expect(hr.organisation.absenceSuppressed).toBeNull();
    expect(hr.departments.map((d) => [d.code, d.absence!.employees, d.absenceSuppressed])).toEqual([
      ['BZ', 4, 'small'],
      ['OR', 6, null],
      ['SO', 5, 'complementary'],
    ]);
  });

  it('compares formation with occupation on the period’s last day, per department and for the organisation', async () => {
    const hr: HrConsolidation = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
    const dept = (code: string) => hr.departments.find((d) => d.code === code)!;
    // OR: OR01 3.0 against 1.5 (1.5 vacant), OR02 2.0 against 3.0 (1.0 over): not netted.
    expect(dept('OR').formation).toEqual({ formationFte: 5, occupiedFte: 4.5, vacancyFte: 1.5, overOccupationFte: 1, occupancyPercent: 90, headcount: 5, unlinkedFte: 0, positions: 2 });
    expect(dept('BZ').formation).toMatchObject({ formationFte: 4, occupiedFte: 4, vacancyFte: 0, overOccupationFte: 0, headcount: 4, unlinkedFte: 4 });
    expect(dept('SO')).toMatchObject({ formationDelivered: false, formation: { formationFte: 0, occupiedFte: 4.5, headcount: 5, occupancyPercent: null } });
    // The organisation adds the departments that sent a formation: 5 + 4 fte against 4.5 + 4.
    expect(hr.organisation.formation).toMatchObject({ formationFte: 9, occupiedFte: 8.5, vacancyFte: 1.5, overOccupationFte: 1, headcount: 9, occupancyPercent: 94.44 });
    expect(hr.organisation.formationDepartments).toBe(2);
    expect(hr.departments.map((d) => [d.code, d.formationSuppressed])).toEqual([
      ['BZ', 'small'],
      ['OR', 'complementary'],
      ['SO', null],
    ]);
  });

  it('lists every Poortwachter step overdue on a day, across departments, in timelines still running', async () => {
    const hr = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
    expect(hr.overdue.map((o) => [o.department, o.personnelNumber, o.milestone, o.dueDate, o.daysOverdue])).toEqual([
      ['SO', '300001', 'PLAN-VAN-AANPAK', '2026-12-27', 104],
      ['SO', '300001', 'EVALUATIE-1', '2027-02-07', 62],
      ['OR', '100002', 'ZIEKMELDING', '2027-03-07', 34],
    ]);
    expect(hr.departments.map((d) => [d.code, d.overdue])).toEqual([
      ['BZ', 0],
      ['OR', 1],
      ['SO', 2],
    ]);
    // A day later the problem analysis of 100002 (due 11 April) is overdue too.
    const later = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-12' });
    expect(later.overdue.map((o) => o.milestone)).toContain('PROBLEEMANALYSE');
  });

  it('central report --json: published figures, the "< 5" marker and the reason, and no personnel numbers', async () => {
    const report = (await central.client.central.report({ period: '2027-Q1', asOf: '2027-04-10' })) as Record<string, any>;
    expect(report.completeness).toMatchObject({ expected: 3, delivered: 3 });
    expect(report.absence).toMatchObject({ percentage: 10.67, frequency: 1.17, reports: 4, averageDurationDays: 8.3, zeroAbsencePercentage: 64.29, employees: 14, departmentsIncluded: 3, suppressed: null });
    expect(report.absence.durationBands.medium).toEqual({ label: 'middellang', from: 8, to: 42, cases: null, percentage: null, suppressed: 'small', marker: '< 5' });
    expect(report.absence.departments.OR).toMatchObject({ name: 'Openbare Ruimte', sequence: 1, percentage: 5.13, frequency: 1.55, reports: 2, employees: 6, suppressed: null, marker: null });
    expect(report.absence.departments.BZ).toMatchObject({ suppressed: 'small', marker: '< 5', percentage: null, frequency: null, reports: null, employees: null, zeroAbsencePercentage: null });
    expect(report.absence.departments.SO).toMatchObject({ suppressed: 'complementary', marker: 'x', percentage: null, reports: null });
    expect(report.absence.departments.OR.costCentres.OR01).toMatchObject({ suppressed: 'small', marker: '< 5', percentage: null });
    expect(report.formation).toMatchObject({ date: '2027-03-31', fte: 9, occupiedFte: 8.5, vacancyFte: 1.5, overOccupationFte: 1, occupancyPercent: 94.44, headcount: 9, departmentsIncluded: 2 });
    expect(report.formation.departments.BZ).toMatchObject({ fte: 4, occupiedFte: null, headcount: null, marker: '< 5' });
    expect(report.formation.departments.SO).toMatchObject({ delivered: false, fte: null, occupiedFte: 4.5, headcount: 5 });
    // SO's absence is hidden ("x"), so its two overdue steps are too: one marker entry for SO, as for BZ
    // (which has none: a marker whether or not, or its absence of steps would show). The total stays.
    const hidden = { caseId: null, milestone: null, label: null, dueDate: null, daysOverdue: null };
    expect(report.poortwachter).toMatchObject({ overdueCount: 3, suppressed: null, marker: null });
    expect(report.poortwachter.overdue).toEqual([
      { department: 'OR', caseId: expect.stringMatching(/^WB2027-/), milestone: 'ZIEKMELDING', label: 'Ziekmelding bij bedrijfsarts/arbodienst', dueDate: '2027-03-07', daysOverdue: 34, suppressed: null, marker: null, reason: null },
      { department: 'BZ', ...hidden, suppressed: 'small', marker: '< 5', reason: 'minder dan 5 medewerkers' },
      { department: 'SO', ...hidden, suppressed: 'complementary', marker: 'x', reason: 'weggelaten zodat een kleinere groep niet uit het totaal is terug te rekenen' },
    ]);
    // SO's case ids and due dates appear nowhere in the report.
    const hr = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
    for (const o of hr.overdue.filter((x) => x.department === 'SO')) {
      expect(JSON.stringify(report)).not.toContain(o.caseId);
      expect(JSON.stringify(report)).not.toContain(o.dueDate);
    }
    expect(report.suppression).toMatchObject({ minimumGroupSize: 5, markers: { small: '< 5', complementary: 'x' } });
    expect(report.suppression.note).toMatch(/minder dan 5 medewerkers/);
    const text = JSON.stringify(report);
    for (const number of PERSONNEL_NUMBERS) expect(text).not.toContain(number);
    // The raw figure of BZ (1.39 %) appears nowhere.
    expect(text).not.toMatch(/1\.38|1\.39/);
  });

  it('the consolidated XLSX shows "< 5" where a group is too small, says why, and holds no personnel numbers', async () => {
    const file = await central.client.central.exportXlsx({ period: '2027-Q1', asOf: '2027-04-10' });
    const { sheets, all } = await xlsxTexts(Buffer.from(file.contentBase64!, 'base64'));
    expect([...sheets.keys()]).toEqual(['Overzicht', 'Volledigheid', 'Verzuim per afdeling', 'Verzuim per kostenplaats', 'Duurklassen', 'Formatie en bezetting', 'Poortwachter te laat']);
    const perDepartment = sheets.get('Verzuim per afdeling')!;
    const header = perDepartment[0] as string[];
    const row = (group: string) => perDepartment.find((r) => r[0] === group)!;
    const col = (name: string) => header.indexOf(name);
    expect(row('Organisatie')[col('Verzuim (%)')]).toBe(10.67);
    expect(row('OR')[col('Verzuim (%)')]).toBe(5.13);
    expect(row('BZ')[col('Verzuim (%)')]).toBe('< 5');
    expect(row('BZ')[col('Ziekmeldingen')]).toBe('< 5');
    expect(row('BZ')[col('Weggelaten')]).toBe('minder dan 5 medewerkers');
    expect(row('SO')[col('Verzuim (%)')]).toBe('x');
    expect(all).toMatch(/zijn weggelaten \("< 5"\)/);
    const overdue = sheets.get('Poortwachter te laat')!;
    // The step in words (no stored code such as ZIEKMELDING), and a marker where a department's absence is left out.
    expect(overdue[0]).toEqual(['Afdeling', 'Stap', 'Aantal te laat']);
    expect(overdue.slice(1, 4).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['BZ', expect.stringMatching(/^\(weggelaten: /), '< 5'],
      ['OR', 'Ziekmelding bij bedrijfsarts/arbodienst', 1],
      ['SO', expect.stringMatching(/^\(weggelaten: /), 'x'],
    ]);
    for (const number of PERSONNEL_NUMBERS) expect(all).not.toContain(number);
  });

  it('refuses a package from another system whose cases overlap, before anything is written', async () => {
    // Signed correctly by a department's (new) key, but one person's two cases overlap: central could not count their days once.
    const pkg = JSON.parse(fs.readFileSync(files.OR, 'utf8'));
    pkg.department = { code: 'VT', name: 'Vreemd Systeem' };
    pkg.payload.absenceCases[0].personnelNumber = '100002';
    pkg.payload.absenceCases[0].lastSickDay = '2027-03-05';
    pkg.payload.poortwachter = [];
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const { signature: _signature, ...unsigned } = pkg;
    unsigned.publicKey = Buffer.from(crypto.createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    unsigned.payloadSha256 = crypto.createHash('sha256').update(canonicalJson(unsigned.payload)).digest('hex');
    const signed = { ...unsigned, signature: crypto.sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64') };
    const file = path.join(dir, 'VT-hr.wbx');
    fs.writeFileSync(file, JSON.stringify(signed));
    const result = await central.client.central.import({ sources: [{ path: file }], trustNew: true });
    expect(result.files[0]).toMatchObject({ outcome: 'rejected', code: 'schema' });
    expect(result.files[0].reason).toMatch(/VT-hr\.wbx: het pakket is niet volgens het pakketformaat/);
    expect(result.files[0].detail).toMatch(/absenceCases\.1\.firstDay: verzuimgeval .* overlapt met verzuimgeval .* van dezelfde medewerker/);
    expect((await central.client.central.departments({})).map((d) => d.code)).not.toContain('VT');
  });

  it('reports a period without HR packages as empty, not as zero absence', async () => {
    const report = (await central.client.central.report({ period: '2027-Q2', asOf: '2027-07-20' })) as Record<string, any>;
    expect(report.completeness).toMatchObject({ expected: 3, missing: 3 });
    expect(report.absence).toMatchObject({ percentage: null, reports: null, departmentsIncluded: 0, departments: {} });
    expect(report.poortwachter).toMatchObject({ overdueCount: 0, overdue: [] });
    const file = await central.client.central.exportXlsx({ period: '2027-Q2', asOf: '2027-07-20' });
    expect((await xlsxTexts(Buffer.from(file.contentBase64!, 'base64'))).sheets.get('Overzicht')!.flat()).toContain('geen verzuimgegevens');
  });

  it('a newer version of a package replaces the old one in the figures without counting anyone twice', async () => {
    const v2 = await departments.or.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(dir, 'OR-hr-2027-Q1-v2.wbx') });
    expect(v2.sequence).toBe(2);
    const result = await central.client.central.import({ sources: [{ path: v2.package.path! }] });
    expect(result.files[0].outcome).toBe('superseding');
    const hr = await central.client.central.hr({ period: '2027-Q1', asOf: '2027-04-10' });
    expect(hr.departments.find((d) => d.code === 'OR')!.sequence).toBe(2);
    expect(hr.organisation.absence!.availableDays).toBeCloseTo(1139, 9);
    expect(hr.organisation.absence!.employees).toBe(14);
    expect(hr.overdue).toHaveLength(3);
  });
});
