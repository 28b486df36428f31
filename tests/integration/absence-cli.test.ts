import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { addDays, localToday } from '../../shared/domain/absence/days.ts';
import { werkboek } from '../helpers/cli.ts';
import { insertEmployees, sampleRoster } from '../helpers/employees.ts';
import { sample, tempDir } from '../helpers/workbook.ts';

describe('werkboek command line: absence import, report keys and purge', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');
  const today = localToday();

  it('imports the absence list with the same JSON shape as the ledger import', async () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    // Employees come from the staff area; here they are written straight into the workbook.
    const { client, session } = createLocalClient({ dataDir: env.WERKBOEK_DATA_DIR, rememberRecent: false });
    await client.workbook.open({ path: file, readOnly: false });
    const ids = insertEmployees(session, sampleRoster());
    // A case running now (of a BZ01 employee, so the department's 2027 figures stay those of the sample):
    // first sick day 43 days ago, so weeks 1 and 6 are overdue and week 8 is due in 12 days.
    await client.absence.register({ employeeId: ids.get('100091')!, firstDay: addDays(today, -43), caseNumber: 'NU-1' });
    session.close();

    const result = werkboek(['import', file, '--kind', 'absence', sample('verzuim-2027.csv'), '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = result.json<Record<string, unknown>>();
    expect(json).toMatchObject({ kind: 'absence', imported: 73, duplicates: 0, updated: 0, outsideDepartment: 0, rejectedCount: 4, totalCents: 0, extra: { casesNew: 65, casesRejected: 4 } });
    expect(Object.keys(json).sort()).toEqual(['batchId', 'dialect', 'dryRun', 'duplicates', 'extra', 'file', 'imported', 'kind', 'mapping', 'outsideDepartment', 'outsideDepartmentCents', 'rejected', 'rejectedCount', 'skipped', 'totalCents', 'unregistered', 'unregisteredCostCentres', 'updated']);
    expect((json.rejected as Array<{ line: number; column: string }>)[0]).toMatchObject({ line: 18, column: 'Ingangsdatum' });

    const strict = werkboek(['import', file, '--kind', 'absence', sample('verzuim-2027.csv'), '--strict'], env);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('regel 18, kolom Ingangsdatum');
  });

  it('reports the absence figures and the Poortwachter lists under their stable keys', () => {
    const result = werkboek(['report', file, '--json', '--period', '2027'], env);
    expect(result.status).toBe(0);
    const report = result.json<{ absence: Record<string, unknown> & { costCentres: Record<string, Record<string, unknown>>; durationBands: Record<string, Record<string, number>> }; poortwachter: Record<string, Array<Record<string, unknown>>> & { asOf: string } }>();
    // Hand-computed from the sample in absence-import.test.ts.
    expect(report.absence.percentage).toBe(8.79);
    expect(report.absence.frequency).toBe(1.08);
    expect(report.absence.reports).toBe(14);
    expect(report.absence.averageDurationDays).toBe(35.5);
    expect(report.absence.zeroAbsencePercentage).toBe(30.77);
    expect(report.absence.durationBands).toEqual({
      short: { from: 1, to: 7, cases: 3, percentage: expect.any(Number) },
      medium: { from: 8, to: 42, cases: 8, percentage: expect.any(Number) },
      long: { from: 43, to: 365, cases: 3, percentage: expect.any(Number) },
      extraLong: { from: 366, to: 730, cases: 0, percentage: 0 },
    });
    expect(Object.keys(report.absence.costCentres)).toEqual(['OR01', 'OR02', 'OR03']);
    expect(report.absence.costCentres.OR01).toMatchObject({ name: '', percentage: 8.79, reports: 14 });
    expect(report.absence.costCentres.OR02).toMatchObject({ percentage: null, reports: 0, employees: 0 });

    // A report of a period judges the Poortwachter steps on the period's last day (2027 has not begun yet, or is over) …
    expect(report.poortwachter.asOf).toBe(today >= '2027-01-01' && today < '2027-12-31' ? today : '2027-12-31');
    // … and a period still running on today, today: the case NU-1 began 43 days ago.
    type Poortwachter = { poortwachter: Record<string, Array<Record<string, unknown>>> & { asOf: string } };
    const running = werkboek(['report', file, '--json', '--period', today.slice(0, 4)], env).json<Poortwachter>();
    expect(running.poortwachter.asOf).toBe(today);
    const overdue = running.poortwachter.overdue.filter((i) => i.caseNumber === 'NU-1');
    expect(overdue.map((i) => [i.step, i.due, i.daysLeft])).toEqual([
      ['sickReport', addDays(today, -37), -37],
      ['problemAnalysis', addDays(today, -2), -2],
    ]);
    const due = running.poortwachter.dueNext28Days.filter((i) => i.caseNumber === 'NU-1');
    expect(due.map((i) => [i.step, i.due, i.daysLeft])).toEqual([['actionPlan', addDays(today, 12), 12]]);
    expect(due[0]).toMatchObject({ personnelNumber: '100091', label: 'Plan van aanpak, casemanager benoemd' });
  });

  it('reports a quarter with its own figures', () => {
    const q = werkboek(['report', file, '--json', '--period', '2027-Q1'], env).json<{ absence: { reports: number; frequency: number } }>();
    // First days in Q1 2027 for OR employees: V2027-00026, -00030, -00036, -00067.
    expect(q.absence.reports).toBe(4);
    expect(q.absence.frequency).toBeCloseTo((4 / 13) * 4, 2);
  });

  it('purges cases past the retention period, logged, and refuses a bad date', () => {
    expect(werkboek(['absence', 'purge', file, '--today', '31-12-2029'], env).status).toBe(2);
    const dry = werkboek(['absence', 'purge', file, '--today', '2030-01-01', '--dry-run', '--json'], env);
    expect(dry.status).toBe(0);
    // Every closed 2027 case ended before 1 January 2028; the four open ones and today's case stay.
    expect(dry.json()).toMatchObject({ dryRun: true, cutoff: '2028-01-01', retentionMonths: 24, cases: 61 });
    const done = werkboek(['absence', 'purge', file, '--today', '2030-01-01'], env);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('Vernietigd: 61 verzuimgevallen met een laatste ziektedag vóór 01-01-2028 (bewaartermijn 24 maanden)');
    const report = werkboek(['report', file, '--json', '--period', '2027'], env).json<{ absence: { reports: number; closedCases: number } }>();
    expect(report.absence.closedCases).toBe(0);
  });
});
