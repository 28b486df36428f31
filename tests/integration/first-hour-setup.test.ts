import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormationOverviewData, AbsenceOverviewData } from '../../shared/domain/overview/types.ts';
import type { BenchmarksOverviewData } from '../../shared/domain/assignments/types.ts';
import { readStored, sample, sessionsClosedAfterEach, writeTemp } from '../helpers/workbook.ts';

/**
 * The first hour of a new 2027 workbook with the shared samples: the set-up checklist follows what
 * is in the workbook, and no figure pretends to know what a missing step would tell it.
 */

const { workbook } = sessionsClosedAfterEach();
const SALARY_TABLE = path.resolve(import.meta.dirname, '../fixtures/staff/salaristabel-2027.csv');
const FORMATION = path.resolve(import.meta.dirname, '../fixtures/staff/formatie-2027.csv');

async function withSamples() {
  const wb = await workbook();
  const { client } = wb;
  await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
  await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
  await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
  await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
  await client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
  return wb;
}

const section = <T,>(sections: Array<{ key: string; data: unknown; highlights: Array<{ text: string }> }>, key: string) => {
  const found = sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found as { key: string; data: T; highlights: Array<{ text: string }> };
};

describe('the set-up checklist', () => {
  it('starts with every step to do, budget first', async () => {
    const { client } = await workbook();
    const checklist = await client.setup.checklist({ asOf: '2027-03-01' });
    expect(checklist.steps.map((s) => [s.key, s.state, s.count])).toEqual([
      ['budget', 'notStarted', 0],
      ['ledger', 'notStarted', 0],
      ['staff', 'notStarted', 0],
      ['formation', 'notStarted', 0],
      ['salaryTable', 'notStarted', 0],
      ['absence', 'notStarted', 0],
      ['assignments', 'notStarted', 0],
    ]);
    expect(checklist).toMatchObject({ next: 'budget', allStarted: false, dismissed: false });
  });

  it('follows the samples: done with counts and dates, the ledger booked on lines without budget needs attention, positions and salary table come next', async () => {
    const { client } = await withSamples();
    const checklist = await client.setup.checklist({ asOf: '2027-03-01' });
    const byKey = Object.fromEntries(checklist.steps.map((s) => [s.key, s]));
    expect(byKey.budget).toMatchObject({ state: 'done', count: 9, attention: null });
    expect(byKey.budget.lastChange).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // OR02 and OR03 have bookings but no budget in the sample.
    expect(byKey.ledger).toMatchObject({ state: 'attention', attention: 'ledgerWithoutBudget' });
    expect(byKey.ledger.attentionCount).toBeGreaterThan(0);
    expect(byKey.ledger.attentionCents).not.toBe(0);
    expect(byKey.staff).toMatchObject({ state: 'done', count: 13 });
    expect(byKey.formation).toMatchObject({ state: 'notStarted', count: 0, lastChange: null });
    expect(byKey.salaryTable).toMatchObject({ state: 'notStarted', count: 0 });
    expect(byKey.absence).toMatchObject({ state: 'done' });
    expect(byKey.assignments).toMatchObject({ state: 'done', count: 5 });
    expect(checklist.next).toBe('formation');

    // Positions for some functions: the formation step is done, and says who fills no position.
    for (const [code, fn, fte] of [
      ['OR-HH-1', 'Handhaver (boa)', 2],
      ['OR-HH-2', 'Handhaver (boa)', 2],
      ['OR-BM', 'Beleidsmedewerker', 2],
      ['OR-JU', 'Jurist', 2],
    ] as const) {
      await client.formation.createPosition({ code, functionTitle: fn, fte, costCentre: 'OR01', validFrom: '2027-01-01' });
    }
    const later = await client.setup.checklist({ asOf: '2027-03-01' });
    const formation = later.steps.find((s) => s.key === 'formation')!;
    // Medewerker Burgerzaken ×2, Senior beleidsadviseur, Senior medewerker Burgerzaken, Vergunningverlener: no position of their function.
    expect(formation).toMatchObject({ state: 'attention', count: 4, attention: 'employeesUnplaced', attentionCount: 5 });
    expect(later.next).toBe('salaryTable');

    await client.import.commit({ kind: 'salary-table', source: { path: SALARY_TABLE } });
    expect((await client.setup.checklist({ asOf: '2027-03-01' })).steps.find((s) => s.key === 'salaryTable')).toMatchObject({ state: 'done', count: 234, attention: null });
  });

  it('is closed by the head and opened again, and remembers that in the workbook', async () => {
    const { client, file } = await workbook();
    expect(await client.setup.dismiss({ dismissed: true })).toMatchObject({ dismissed: true, next: 'budget' });
    expect(readStored(file, (db) => db.prepare("SELECT value_json FROM setting WHERE key = 'setupChecklistDismissed'").get())).toEqual({ value_json: 'true' });
    expect((await client.setup.checklist({})).dismissed).toBe(true);
    expect((await client.setup.dismiss({ dismissed: false })).dismissed).toBe(false);
  });
});

describe('honest figures in the first hour', () => {
  it('calls nobody "boventallig" and shows no € 0 personnel costs before positions and a salary table exist', async () => {
    const { client } = await withSamples();
    const overview = await client.overview.get({ asOf: '2027-06-30' });
    const formation = section<FormationOverviewData>(overview.sections, 'formation');
    expect(formation.highlights).toEqual([]);
    expect(formation.data.total).toMatchObject({ formationFte: null, overOccupationFte: null, vacancyFte: null, occupancyPercent: null, formationGap: 'no-positions', headcount: 13 });
    expect(formation.data.withoutFormation).toEqual(['OR01']);
    expect(JSON.stringify(overview)).not.toContain('boventallig');

    const forecast = await client.personnelCosts.forecast({ year: 2027 });
    expect(forecast).toMatchObject({ gap: 'no-salary-table', inhuurPercent: null });
    expect(forecast.hireCents).toBeGreaterThan(0);

    const benchmarks = section<BenchmarksOverviewData>(overview.sections, 'benchmarks');
    expect(benchmarks.data.indicators.map((i) => [i.indicator, i.own, i.gap])).toEqual([
      ['verzuimpercentage', expect.any(Number), null],
      ['bezettingsgraad', null, 'no-positions'],
      ['inhuurpercentage', null, 'no-salary-table'],
    ]);

    const report = await client.report.build({ period: '2027-Q2' });
    expect(report.formation).toMatchObject({ fte: null, fteReason: 'no-positions', overOccupationFte: null, overOccupationFteReason: 'no-positions', occupiedFte: expect.closeTo(391 / 36, 3) });
    expect((report.formation as { costCentres: Record<string, unknown> }).costCentres.OR02).toMatchObject({ fte: null, fteReason: 'no-positions', occupiedFte: 0 });
    expect(report.personnelCosts).toMatchObject({
      forecastCents: null,
      forecastCentsReason: 'no-salary-table',
      employeeCents: null,
      varianceCents: null,
      varianceCentsReason: 'no-salary-table',
      inhuurPercent: null,
      inhuurPercentReason: 'no-salary-table',
      externalHireCents: expect.any(Number),
      budgetCents: expect.any(Number),
    });

    // With positions and the salary table the same figures are computed, without reasons.
    await client.formation.createPosition({ code: 'OR-HH', functionTitle: 'Handhaver (boa)', fte: 4, costCentre: 'OR01', validFrom: '2027-01-01' });
    await client.import.commit({ kind: 'salary-table', source: { path: SALARY_TABLE } });
    const after = await client.report.build({ period: '2027-Q2' });
    expect(after.formation).toMatchObject({ fte: 4, occupancyPercent: expect.any(Number) });
    expect(after.formation).not.toHaveProperty('fteReason');
    expect((after.personnelCosts as { forecastCents: number }).forecastCents).toBeGreaterThan(0);
    expect(after.personnelCosts).not.toHaveProperty('forecastCentsReason');
    expect((after.personnelCosts as { inhuurPercent: number }).inhuurPercent).toBeGreaterThan(0);
    expect((after.personnelCosts as { inhuurPercent: number }).inhuurPercent).toBeLessThan(100);
  });

  it('gives no absence figure of last year when the workbook has none, and none at all before an absence list', async () => {
    const { client } = await workbook();
    await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
    const before = section<AbsenceOverviewData>((await client.overview.get({ asOf: '2027-06-30' })).sections, 'absence').data;
    expect(before.yearToDate).toMatchObject({ percentage: null, reports: null, gap: 'no-absence-list' });
    const beforeReport = await client.report.build({ period: '2027-Q2' });
    expect(beforeReport.absence).toMatchObject({ percentage: null, percentageReason: 'no-absence-list', zeroAbsencePercentage: null });

    await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
    const data = section<AbsenceOverviewData>((await client.overview.get({ asOf: '2027-06-30' })).sections, 'absence').data;
    expect(data.yearToDate.gap).toBeNull();
    expect(data.yearToDate.percentage).toBeGreaterThan(0);
    // The list holds 2027 only: 2026 is unknown, not 0,00 %.
    expect(data.yearToDate.previousYear).toMatchObject({ percentage: null, gap: 'no-absence-last-year' });
    expect(data.lastQuarter.previousYear).toMatchObject({ percentage: null, gap: 'no-absence-last-year' });
    expect(data.trend.lastYearGap).toBe('no-absence-last-year');
    expect(data.trend.months.every((m) => m.lastYearPercentage === null)).toBe(true);
    const metrics2026 = await client.absence.metrics({ period: '2026-Q2', today: '2027-06-30' });
    expect(metrics2026.gap).toBe('no-absence-last-year');

    // A case the head registers by hand in 2026 says absence of 2026 is kept in this workbook.
    const employee = (await client.staff.employees({ date: '2026-03-01' }))[0];
    await client.absence.register({ today: '2027-06-30', employeeId: employee.id, firstDay: '2026-03-01', caseNumber: 'V-HAND' });
    const later = section<AbsenceOverviewData>((await client.overview.get({ asOf: '2027-06-30' })).sections, 'absence').data;
    expect(later.yearToDate.previousYear.gap).toBeNull();
    expect(later.yearToDate.previousYear.percentage).toBeGreaterThan(0);
    expect(later.trend.lastYearGap).toBeNull();
  });
});

describe('matching employees to positions, and correcting a match', () => {
  it('matches by function and cost centre, lets the head correct it, and keeps the correction through a new staff file', async () => {
    const { client } = await withSamples();
    const hh = await client.formation.createPosition({ code: 'OR-HH', functionTitle: 'Handhaver (BOA)', fte: 3, costCentre: 'OR01', validFrom: '2027-01-01' });
    const bm = await client.formation.createPosition({ code: 'OR-BM', functionTitle: 'Beleidsmedewerker', fte: 2, costCentre: 'OR01', validFrom: '2027-01-01' });
    const date = '2027-03-01';
    let occupation = await client.formation.occupation({ date });
    const onHh = occupation.positions.find((p) => p.code === 'OR-HH')!;
    // The four handhavers of the sample (28 + 18 + 36 + 24 hours) on the one position of their function.
    expect(onHh.occupants.map((o) => [o.personnelNumber, o.match])).toEqual([
      ['100182', 'matched'],
      ['100294', 'matched'],
      ['100357', 'matched'],
      ['100406', 'matched'],
    ]);
    expect(onHh).toMatchObject({ occupiedFte: expect.closeTo(106 / 36, 3), status: 'partlyVacant' });
    const lotte = occupation.positions.find((p) => p.code === 'OR-BM')!.occupants.find((o) => o.personnelNumber === '100252')!;

    // Lotte de Boer is a trainee above the formation: on no position.
    occupation = await client.formation.setMatch({ employeeId: lotte.employeeId, date, match: { kind: 'none' } });
    expect(occupation.positions.find((p) => p.code === 'OR-BM')!.occupants.map((o) => o.personnelNumber)).toEqual(['100399']);
    expect(occupation.unplaced.find((u) => u.personnelNumber === '100252')).toMatchObject({ kind: 'none' });
    // A jurist works as a handhaver: linked by the head to OR-HH.
    const jurist = occupation.unplaced.find((u) => u.personnelNumber === '100112')!;
    occupation = await client.formation.setMatch({ employeeId: jurist.employeeId, date, match: { kind: 'position', positionId: hh.id } });
    expect(occupation.positions.find((p) => p.code === 'OR-HH')!.occupants.find((o) => o.personnelNumber === '100112')).toMatchObject({ match: 'linked' });

    // The same staff file again, from a later date: the corrections stay.
    const again = await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-04-01' } });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 13 });
    occupation = await client.formation.occupation({ date: '2027-05-01' });
    expect(occupation.unplaced.find((u) => u.personnelNumber === '100252')).toMatchObject({ kind: 'none' });
    expect(occupation.positions.find((p) => p.code === 'OR-HH')!.occupants.find((o) => o.personnelNumber === '100112')).toMatchObject({ match: 'linked' });

    // Back to matching by function: Lotte is on OR-BM again.
    occupation = await client.formation.setMatch({ employeeId: lotte.employeeId, date, match: { kind: 'auto' } });
    expect(occupation.positions.find((p) => p.positionId === bm.id)!.occupants.map((o) => o.personnelNumber).sort()).toEqual(['100252', '100399']);

    // Each correction is in the audit log; a position of another cost centre is refused.
    const notes = (await client.workbook.audit({ limit: 100, offset: 0, table: 'employee_terms' })).entries.map((e) => e.note);
    expect(notes.filter((n) => n === 'Op geen formatieplaats' || n === 'Formatieplaats gekoppeld' || n === 'Formatieplaats weer volgens functie en kostenplaats')).toHaveLength(3);
    const other = await client.formation.createPosition({ code: 'OR-GR', functionTitle: 'Medewerker groen', fte: 1, costCentre: 'OR02', validFrom: '2027-01-01' });
    await expect(client.formation.setMatch({ employeeId: lotte.employeeId, date, match: { kind: 'position', positionId: other.id } })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('hoort bij kostenplaats OR02') });
  });
});

describe('matching by the staff file’s position code', () => {
  /** The sample staff file with a "Formatieplaats" column, filled for three people of OR01. */
  function staffWithCodes(dir: string): string {
    const codes: Record<string, string> = { '100007': 'OR01-TL-01', '100112': 'OR01-XX-99', '100182': 'or01-hh-01' };
    const [header, ...rows] = fs.readFileSync(sample('personeel-2027.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    return writeTemp(dir, 'personeel-met-formatieplaats.csv', [`${header};Formatieplaats`, ...rows.map((r) => `${r};${codes[r.split(';')[0]] ?? ''}`)].join('\r\n') + '\r\n');
  }

  it('keeps codes of a staff file read before the formation list, puts people on those positions once it comes, and names a code the formation lacks', async () => {
    const { client, dir } = await workbook();
    const file = staffWithCodes(dir);
    // Before any position exists the codes are not refused: they wait for the formation.
    const first = await client.import.commit({ kind: 'staff', source: { path: file }, options: { referenceDate: '2027-01-01' } });
    expect(first).toMatchObject({ imported: 13, rejectedCount: 0 });
    expect(first.extra).toMatchObject({ positionCodesNotInFormation: 3 });
    await client.import.commit({ kind: 'formation', source: { path: FORMATION } });

    const date = '2027-06-30';
    let occupation = await client.formation.occupation({ date });
    const at = (code: string) => occupation.positions.find((p) => p.code === code)!;
    // Ümit's function title has no position; the file puts her on the Teamleider position, and the code decides.
    expect(at('OR01-TL-01').occupants.map((o) => [o.personnelNumber, o.match])).toEqual([['100007', 'linked']]);
    expect(at('OR01-HH-01').occupants.find((o) => o.personnelNumber === '100182')).toMatchObject({ match: 'linked' });
    expect(at('OR01-HH-01').occupants.filter((o) => o.match === 'matched').map((o) => o.personnelNumber)).toEqual(['100294', '100357', '100406']);
    // A code the formation does not have: not guessed by function, but said.
    expect(occupation.unplaced.map((u) => [u.personnelNumber, u.kind, u.unknownCode])).toEqual([['100112', 'unmatched', 'OR01-XX-99']]);
    expect(at('OR01-JU-01').occupants.map((o) => o.personnelNumber)).toEqual(['100364']);
    expect(at('OR01-JU-01').status).toBe('partlyVacant');

    // The same file again: nothing changes, and the code still missing is counted again.
    const again = await client.import.commit({ kind: 'staff', source: { path: file }, options: { referenceDate: '2027-04-01' } });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 13 });
    expect(again.extra).toMatchObject({ positionCodesNotInFormation: 1 });

    // The head puts Sanne on the jurists' position; the same file from a later date keeps that.
    const sanne = occupation.unplaced[0];
    await client.formation.setMatch({ employeeId: sanne.employeeId, date, match: { kind: 'position', positionId: at('OR01-JU-01').positionId } });
    expect(await client.import.commit({ kind: 'staff', source: { path: file }, options: { referenceDate: '2027-07-01' } })).toMatchObject({ updated: 0, duplicates: 13 });
    occupation = await client.formation.occupation({ date: '2027-08-01' });
    expect(at('OR01-JU-01').occupants.map((o) => [o.personnelNumber, o.match])).toEqual([
      ['100112', 'linked'],
      ['100364', 'matched'],
    ]);
    expect(occupation.unplaced).toEqual([]);
  });
});

describe('the formation import', () => {
  it('reads a formation list kept in Excel once, leaves other departments’ positions out, and puts the sample staff on them by function', async () => {
    const { client, dir } = await withSamples();
    const first = await client.import.commit({ kind: 'formation', source: { path: FORMATION } });
    expect(first).toMatchObject({ imported: 9, outsideDepartment: 2, rejectedCount: 0, updated: 0 });
    expect(await client.import.commit({ kind: 'formation', source: { path: FORMATION } })).toMatchObject({ imported: 0, duplicates: 9 });
    const positions = await client.formation.positions({ date: '2027-06-30' });
    expect(positions.find((p) => p.code === 'OR03-PL-01')).toMatchObject({ validFrom: '2027-03-01', validTo: '2028-12-31', fte: 0.89, note: 'Tijdelijk; herinrichting Marktplein' });
    const occupation = await client.formation.occupation({ date: '2027-06-30' });
    // OR01: 12 fte of positions for 10,86 fte of people: nobody over-occupation, the Teamleider position vacant.
    expect(occupation.costCentres.find((c) => c.costCentre === 'OR01')).toMatchObject({ formationFte: 12, overOccupationFte: 0 });
    expect(occupation.positions.filter((p) => p.status === 'overOccupied')).toEqual([]);
    expect(occupation.positions.find((p) => p.code === 'OR01-TL-01')).toMatchObject({ status: 'vacant', occupants: [] });
    expect(occupation.positions.find((p) => p.code === 'OR01-JU-01')).toMatchObject({ status: 'filled', occupiedFte: 2 });
    // The one function without a position in the list.
    expect(occupation.unplaced.map((u) => [u.personnelNumber, u.functionTitle, u.kind])).toEqual([['100007', 'Senior medewerker Burgerzaken', 'unmatched']]);
    const checklist = await client.setup.checklist({ asOf: '2027-06-30' });
    expect(checklist.steps.find((s) => s.key === 'formation')).toMatchObject({ state: 'attention', count: 9, attention: 'employeesUnplaced', attentionCount: 1 });

    // A changed list updates by code; a row that would move a position linked to people to another cost centre is refused.
    const handhaver = occupation.positions.find((p) => p.code === 'OR01-HH-01')!;
    await client.formation.setMatch({ employeeId: handhaver.occupants[0].employeeId, date: '2027-06-30', match: { kind: 'position', positionId: handhaver.positionId } });
    const changed = writeTemp(
      dir,
      'formatie-gewijzigd.csv',
      'Formatieplaats;Functie;Schaal;Formatie (fte);Kostenplaats\r\nOR01-JU-01;Jurist;10;3,00;OR01\r\nOR01-HH-01;Handhaver (boa);7;3,00;OR02\r\n',
    );
    const second = await client.import.commit({ kind: 'formation', source: { path: changed } });
    expect(second).toMatchObject({ imported: 0, updated: 1, rejectedCount: 1 });
    expect(second.rejected[0]).toMatchObject({ line: 3, reason: expect.stringContaining('gekoppeld aan medewerkers op kostenplaats OR01') });
    expect((await client.formation.positions({ date: '2027-06-30' })).find((p) => p.code === 'OR01-JU-01')?.fte).toBe(3);
  });
});
