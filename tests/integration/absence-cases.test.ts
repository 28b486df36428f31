import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import type { WerkboekClient } from '../../shared/api/index.ts';
import type { Session } from '../../electron/backend/session.ts';
import { insertEmployees } from '../helpers/employees.ts';
import { departmentWorkbook } from '../helpers/workbook.ts';

let client: WerkboekClient;
let session: Session;
let ids: Map<string, number>;
const TODAY = '2027-06-15';

beforeEach(async () => {
  ({ client, session } = await departmentWorkbook());
  ids = insertEmployees(session, [
    { personnelNumber: '1001', firstName: 'Anna', lastName: 'Jansen', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR01' }] },
    { personnelNumber: '1002', firstName: 'Bram', infix: 'de', lastName: 'Vries', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 18, costCentre: 'OR02' }] },
    { personnelNumber: '1003', firstName: 'Cas', lastName: 'Bakker', start: '2027-04-16', terms: [{ from: '2027-04-16', hours: 36, costCentre: 'OR01' }] },
  ]);
});
afterEach(() => session.close());

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

function auditRows(table: string) {
  const wb = session.workbook!;
  return wb.all(wb.db.selectFrom('audit_log').selectAll().where('table_name', '=', table).orderBy('id'));
}

describe('sick report, partial recovery, recovery', () => {
  it('registers each step, shows the case as it stands and audits every change', async () => {
    const anna = ids.get('1001')!;
    const reported = await client.absence.register({ employeeId: anna, firstDay: '2027-04-01', today: '2027-04-05' });
    expect(reported).toMatchObject({ caseNumber: 'WB2027-00001', employeeName: 'Anna Jansen', personnelNumber: '1001', costCentre: 'OR01', open: true, currentPercentage: 100, durationDays: 5 });

    const partial = await client.absence.changePercentage({ caseId: reported.id, from: '2027-04-11', percentage: 50, today: '2027-04-20' });
    expect(partial.episodes.map((e) => [e.from, e.to, e.percentage])).toEqual([
      ['2027-04-01', '2027-04-10', 100],
      ['2027-04-11', null, 50],
    ]);
    expect(partial.currentPercentage).toBe(50);

    const recovered = await client.absence.recover({ caseId: reported.id, recoveredOn: '2027-05-01' });
    expect(recovered).toMatchObject({ open: false, lastDay: '2027-04-30', recoveredOn: '2027-05-01', durationDays: 30 });
    expect(recovered.episodes[1].to).toBe('2027-04-30');

    // April: 10 days × 100 % + 20 days × 50 % = 20 of 30 days for Anna; Bram (18 h) and Cas (from 16 April) are never sick: 20 / (30 + 15 + 15).
    const april = await client.absence.metrics({ period: '2027-04', today: TODAY });
    expect(april.department.percentage).toBeCloseTo((20 / (30 + 15 + 15)) * 100, 6);
    expect(april.department.reports).toBe(1);
    expect(april.department.averageDurationDays).toBe(30);

    expect(auditRows('absence_case').map((r) => r.action)).toEqual(['insert', 'update']);
    expect(auditRows('absence_episode').map((r) => r.action)).toEqual(['insert', 'insert']);
    expect(JSON.parse(auditRows('absence_case')[1].new_json!)).toEqual({ last_day: '2027-04-30' });
  });

  it('undoes mistakes: a percentage change is removed, a recovery reopened, a case deleted and restored', async () => {
    const anna = ids.get('1001')!;
    const c = await client.absence.register({ employeeId: anna, firstDay: '2027-04-01' });
    const partial = await client.absence.changePercentage({ caseId: c.id, from: '2027-04-11', percentage: 50 });
    const undone = await client.absence.removePercentageChange({ episodeId: partial.episodes[1].id });
    expect(undone.episodes).toHaveLength(1);
    await client.absence.recover({ caseId: c.id, recoveredOn: '2027-04-20' });
    expect((await client.absence.reopen({ caseId: c.id })).open).toBe(true);
    const deleted = await client.absence.deleteCase({ id: c.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await client.absence.cases({})).toHaveLength(0);
    expect((await client.absence.metrics({ period: '2027-04' })).department.reports).toBe(0);
    expect((await client.absence.restoreCase({ id: c.id })).deletedAt).toBeNull();
    expect(auditRows('absence_case').map((r) => r.action)).toEqual(['insert', 'update', 'update', 'delete', 'restore']);
    expect(auditRows('absence_episode').map((r) => r.action)).toEqual(['insert', 'insert', 'delete']);
    // The first percentage belongs to the sick report itself.
    const error = await rejection(client.absence.removePercentageChange({ episodeId: undone.episodes[0].id }));
    expect(error.message).toContain('hoort bij de ziekmelding');
  });

  it('corrects the first day with the first percentage, and the flags and note', async () => {
    const c = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-04-03', percentage: 80, note: 'Gebeld op maandag' });
    const corrected = await client.absence.updateCase({ id: c.id, patch: { firstDay: '2027-04-01', safetyNet: true, note: 'Gebeld op vrijdag' } });
    expect(corrected).toMatchObject({ firstDay: '2027-04-01', safetyNet: true, note: 'Gebeld op vrijdag' });
    expect(corrected.episodes.map((e) => [e.from, e.percentage])).toEqual([['2027-04-01', 80]]);
    const audit = auditRows('absence_case').at(-1)!;
    expect(JSON.parse(audit.old_json!)).toEqual({ first_day: '2027-04-03', safety_net: 0, note: 'Gebeld op maandag' });
    expect(auditRows('absence_episode').map((r) => [r.action, r.new_json])).toEqual([
      ['insert', expect.stringContaining('"from_date":"2027-04-03"')],
      ['update', '{"from_date":"2027-04-01"}'],
    ]);
  });
});

describe('bad input is refused with a reason and nothing is written', () => {
  it('refuses an overlapping case of the same employee', async () => {
    const anna = ids.get('1001')!;
    await client.absence.register({ employeeId: anna, firstDay: '2027-04-01', caseNumber: 'V1' });
    const error = await rejection(client.absence.register({ employeeId: anna, firstDay: '2027-05-01', caseNumber: 'V2' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('01-05-2027 tot nu overlapt met verzuimgeval V1 (01-04-2027 nog open) van dezelfde medewerker.');
    expect(await client.absence.cases({})).toHaveLength(1);
  });

  it('refuses a first day outside the employment, a recovery before the first day, a percentage outside 1–100', async () => {
    const cas = ids.get('1003')!;
    const outside = await rejection(client.absence.register({ employeeId: cas, firstDay: '2027-04-10' }));
    expect(outside.message).toContain('valt buiten het dienstverband van 1003 (in dienst sinds 16-04-2027)');
    const c = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-04-10' });
    const early = await rejection(client.absence.recover({ caseId: c.id, recoveredOn: '2027-04-10' }));
    expect(early.message).toBe('Hersteld per 10-04-2027 moet na de eerste ziektedag 10-04-2027 liggen.');
    const tooHigh = await rejection(client.absence.changePercentage({ caseId: c.id, from: '2027-04-12', percentage: 120 }));
    expect(tooHigh.code).toBe('invalid_input');
    const before = await rejection(client.absence.changePercentage({ caseId: c.id, from: '2027-04-01', percentage: 50 }));
    expect(before.message).toContain('ligt vóór de eerste ziektedag');
    expect((await client.absence.case({ id: c.id })).episodes).toHaveLength(1);
    expect(auditRows('absence_episode')).toHaveLength(1);
  });

  it('refuses to reopen a case when a later case of the employee is in the way', async () => {
    const anna = ids.get('1001')!;
    const first = await client.absence.register({ employeeId: anna, firstDay: '2027-04-01', caseNumber: 'V1' });
    await client.absence.recover({ caseId: first.id, recoveredOn: '2027-04-05' });
    await client.absence.register({ employeeId: anna, firstDay: '2027-05-01', caseNumber: 'V2' });
    const error = await rejection(client.absence.reopen({ caseId: first.id }));
    expect(error.message).toContain('overlapt met verzuimgeval V2');
    expect((await client.absence.case({ id: first.id })).open).toBe(false);
  });

  it('has no field for a diagnosis: the API refuses unknown fields', async () => {
    const error = await rejection(client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-04-01', diagnosis: 'griep' } as never));
    expect(error.code).toBe('invalid_input');
    const wb = session.workbook!;
    const columns = wb.sqlite.prepare("SELECT name FROM pragma_table_info('absence_case') UNION ALL SELECT name FROM pragma_table_info('absence_episode') UNION ALL SELECT name FROM pragma_table_info('poortwachter_step')").all() as Array<{ name: string }>;
    expect(columns.map((c) => c.name).filter((n) => /diagnos|medic|illness|ziekte|cause|oorzaak/i.test(n))).toEqual([]);
  });
});

describe('metrics through the API', () => {
  it('computes the April example of domain.md per department and per cost centre', async () => {
    // A (Anna, 36 h, OR01) sick 1–10 April at 100 %; B (Bram, 18 h, OR02) sick all April at 50 %.
    const a = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-04-01' });
    await client.absence.recover({ caseId: a.id, recoveredOn: '2027-04-11' });
    await client.absence.register({ employeeId: ids.get('1002')!, firstDay: '2027-04-01', percentage: 50 });
    // Cas joins on 16 April (36 h, OR01) and is not sick: 15 days at 1,0 more employed days.
    const april = await client.absence.metrics({ period: '2027-04', today: TODAY });
    expect(april.department.sickDays).toBeCloseTo(17.5, 10);
    expect(april.department.availableDays).toBeCloseTo(45 + 15, 10);
    expect(april.department.reports).toBe(2);
    expect(april.department.employees).toBe(3);
    expect(april.department.zeroAbsencePercentage).toBeCloseTo(100 / 3, 10);
    // Average headcount (30 + 30 + 15) / 30 = 2,5: 2 / 2,5 × 12 = 9,6 reports per employee per year.
    expect(april.department.frequency).toBeCloseTo(9.6, 10);
    const or01 = april.costCentres.find((c) => c.code === 'OR01')!.figures;
    const or02 = april.costCentres.find((c) => c.code === 'OR02')!.figures;
    const or03 = april.costCentres.find((c) => c.code === 'OR03')!.figures;
    expect(or01.percentage).toBeCloseTo((10 / 45) * 100, 10);
    expect(or02.percentage).toBeCloseTo(50, 10);
    expect(or03.percentage).toBeNull();
    expect(april.bandRanges.long).toEqual({ from: 43, to: 365 });
  });

  it('leaves pregnancy and maternity leave out of every figure', async () => {
    await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-04-01', kind: 'pregnancy_leave' });
    const april = await client.absence.metrics({ period: '2027-04' });
    expect(april.department.sickDays).toBe(0);
    expect(april.department.reports).toBe(0);
    expect(april.department.zeroAbsencePercentage).toBe(100);
    expect((await client.absence.poortwachter({ openOnly: true })).length).toBe(0);
  });

  it('uses the duration bands setting', async () => {
    const a = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-04-01' });
    await client.absence.recover({ caseId: a.id, recoveredOn: '2027-04-11' });
    expect((await client.absence.metrics({ period: '2027-04' })).department.bands.medium.cases).toBe(1);
    await client.workbook.updateSettings({ absenceDurationBands: { shortMax: 14, mediumMax: 91, longMax: 365 } });
    expect((await client.absence.metrics({ period: '2027-04' })).department.bands.short.cases).toBe(1);
    const error = await rejection(client.workbook.updateSettings({ absenceDurationBands: { shortMax: 50, mediumMax: 42, longMax: 365 } }));
    expect(error.message).toContain('moeten oplopen');
  });

  it('gives a monthly trend beside last year, empty for months not begun', async () => {
    const last = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2026-03-01' });
    await client.absence.recover({ caseId: last.id, recoveredOn: '2026-03-11' });
    await client.absence.register({ employeeId: ids.get('1002')!, firstDay: '2027-02-01', percentage: 50 });
    const trend = await client.absence.trend({ year: 2027, today: '2027-05-20' });
    expect(trend.months).toHaveLength(12);
    const march = trend.months[2];
    // March 2026: Anna 10 of 31 days; Bram (18 h) not sick: 10 / (31 + 15,5).
    expect(march.lastYearPercentage).toBeCloseTo((10 / 46.5) * 100, 10);
    // March 2027: Bram at 50 % all month, 18 h: 7,75 / 46,5.
    expect(march.percentage).toBeCloseTo((7.75 / 46.5) * 100, 10);
    expect(trend.months[1].reports).toBe(1);
    expect(trend.months[4].percentage).not.toBeNull();
    expect(trend.months[5]).toMatchObject({ month: '2027-06', percentage: null, reports: null });
  });
});

describe('Poortwachter', () => {
  it('lists milestones per case, marks steps done, and shows what is overdue and due soon', async () => {
    const c = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-01-04', caseNumber: 'V1' });
    const [timeline] = await client.absence.poortwachter({ caseId: c.id, today: '2027-02-20' });
    expect(timeline.steps.find((s) => s.key === 'problemAnalysis')).toMatchObject({ due: '2027-02-14', status: 'overdue' });
    let attention = await client.absence.attention({ today: '2027-02-20' });
    expect(attention.leadDays).toBe(28);
    expect(attention.overdue.map((i) => i.step)).toEqual(['sickReport', 'problemAnalysis']);
    expect(attention.dueSoon.map((i) => [i.step, i.due, i.daysLeft])).toEqual([['actionPlan', '2027-02-28', 8]]);

    const updated = await client.absence.setStep({ caseId: c.id, step: 'problemAnalysis', doneOn: '2027-02-12', note: 'via arbodienst', today: '2027-02-20' });
    expect(updated.steps.find((s) => s.key === 'problemAnalysis')).toMatchObject({ status: 'done', doneOn: '2027-02-12', note: 'via arbodienst' });
    attention = await client.absence.attention({ today: '2027-02-20' });
    expect(attention.overdue.map((i) => i.step)).toEqual(['sickReport']);

    // Undo: clearing the step.
    const cleared = await client.absence.setStep({ caseId: c.id, step: 'problemAnalysis', doneOn: null, note: null, today: '2027-02-20' });
    expect(cleared.steps.find((s) => s.key === 'problemAnalysis')!.status).toBe('overdue');
    expect(auditRows('poortwachter_step').map((r) => r.action)).toEqual(['insert', 'delete']);

    // Recovery ends the timeline: nothing is listed any more.
    await client.absence.recover({ caseId: c.id, recoveredOn: '2027-02-21' });
    attention = await client.absence.attention({ today: '2027-02-22' });
    expect(attention.overdue).toEqual([]);
    expect(attention.dueSoon).toEqual([]);
  });

  it('continues the timeline after a relapse within 28 days, keeping the steps done before it', async () => {
    const anna = ids.get('1001')!;
    const first = await client.absence.register({ employeeId: anna, firstDay: '2027-01-04', caseNumber: 'V1' });
    await client.absence.setStep({ caseId: first.id, step: 'sickReport', doneOn: '2027-01-05', note: null });
    await client.absence.recover({ caseId: first.id, recoveredOn: '2027-02-01' });
    const relapse = await client.absence.register({ employeeId: anna, firstDay: '2027-02-15', caseNumber: 'V2' });
    expect(relapse.relapseOf).toBe('V1');
    const [chain] = await client.absence.poortwachter({ caseId: relapse.id, today: '2027-02-20' });
    expect(chain).toMatchObject({ caseNumbers: ['V1', 'V2'], firstDay: '2027-01-04', caseId: relapse.id, sickDaysSoFar: 28 + 6 });
    expect(chain.steps.find((s) => s.key === 'sickReport')!.status).toBe('done');
    // 28 sick days in January, then day 29 on 15 February: day 42 falls on 28 February.
    expect(chain.steps.find((s) => s.key === 'problemAnalysis')!.due).toBe('2027-02-28');
    // The metrics still count the relapse as a new report.
    expect((await client.absence.metrics({ period: '2027-02' })).department.reports).toBe(1);
    expect((await client.absence.metrics({ period: '2027-Q1' })).department.reports).toBe(2);
  });

  it('refuses a step that is not on the timeline, and a done date before the first sick day', async () => {
    const c = await client.absence.register({ employeeId: ids.get('1001')!, firstDay: '2027-01-04' });
    expect((await rejection(client.absence.setStep({ caseId: c.id, step: 'diagnose', doneOn: '2027-01-05' }))).code).toBe('invalid_input');
    expect((await rejection(client.absence.setStep({ caseId: c.id, step: 'evaluation-2', doneOn: '2027-04-01' }))).message).toContain('registreer eerst de vorige evaluatie');
    expect((await rejection(client.absence.setStep({ caseId: c.id, step: 'endOfWagePayment', doneOn: '2027-04-01' }))).code).toBe('invalid_input');
    expect((await rejection(client.absence.setStep({ caseId: c.id, step: 'sickReport', doneOn: '2027-01-01' }))).message).toContain('vóór de eerste ziektedag');
  });
});

describe('retention', () => {
  it('destroys closed cases older than the retention period, blanks their audit values and logs the purge', async () => {
    const anna = ids.get('1001')!;
    const old = await client.absence.register({ employeeId: anna, firstDay: '2024-03-01', caseNumber: 'OLD', note: 'oud' });
    await client.absence.recover({ caseId: old.id, recoveredOn: '2024-03-10' });
    await client.absence.setStep({ caseId: old.id, step: 'sickReport', doneOn: '2024-03-02', note: null });
    const recent = await client.absence.register({ employeeId: anna, firstDay: '2026-01-05', caseNumber: 'RECENT' });
    await client.absence.recover({ caseId: recent.id, recoveredOn: '2026-01-08' });
    await client.absence.register({ employeeId: ids.get('1002')!, firstDay: '2023-01-02', caseNumber: 'OPEN' });

    // 24 months before 15 June 2027 is 15 June 2025: only OLD (last sick day 9 March 2024) goes.
    const dry = await client.absence.purge({ today: TODAY, dryRun: true });
    expect(dry).toEqual({ dryRun: true, cutoff: '2025-06-15', retentionMonths: 24, cases: 1, episodes: 1, steps: 1 });
    expect(await client.absence.cases({ includeDeleted: true })).toHaveLength(3);

    const done = await client.absence.purge({ today: TODAY, dryRun: false });
    expect(done.cases).toBe(1);
    expect((await client.absence.cases({ includeDeleted: true })).map((c) => c.caseNumber).sort()).toEqual(['OPEN', 'RECENT']);
    const wb = session.workbook!;
    const leftovers = wb.all(wb.db.selectFrom('audit_log').selectAll().where('row_id', '=', String(old.id)).where('table_name', '=', 'absence_case'));
    expect(leftovers.length).toBeGreaterThan(0);
    expect(leftovers.every((r) => r.old_json === null && r.new_json === null)).toBe(true);
    const purge = wb.first(wb.db.selectFrom('audit_log').selectAll().where('action', '=', 'purge'))!;
    expect(JSON.parse(purge.new_json!)).toEqual({ cutoff: '2025-06-15', retentionMonths: 24, cases: 1, episodes: 1, steps: 1 });
    expect(purge.note).toContain('bewaartermijn 24 maanden');
  });
});
