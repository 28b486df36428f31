import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { werkboek } from '../helpers/cli.ts';
import { insertEmployees } from '../helpers/employees.ts';
import { readStored, sample, tempDir } from '../helpers/workbook.ts';

const CONTRACT_KEYS = ['year', 'budgetLines', 'commitmentsCarried', 'assignmentsRunning', 'bottlenecksOpen', 'absenceCasesOpen'];

describe('werkboek year open', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');
  const stored = () =>
    readStored(file, (db) => ({
      meta: db.prepare('SELECT fiscal_year FROM workbook_meta').get(),
      lines: db.prepare('SELECT COUNT(*) AS n FROM budget_line WHERE year = 2028').get(),
      commitments: db.prepare('SELECT COUNT(*) AS n FROM commitment').get(),
      audit: db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
    }));

  it('previews 2028 with --dry-run --json under the contract keys, and writes nothing', async () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    expect(werkboek(['import', file, '--kind', 'budget', sample('begroting-2027.csv'), '--json'], env).status).toBe(0);
    const { client, session } = createLocalClient({ dataDir: env.WERKBOEK_DATA_DIR, rememberRecent: false });
    await client.workbook.open({ path: file, readOnly: false });
    const [line] = (await client.budget.summary({ year: 2027 })).lines;
    await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Groenbedrijf BV', amountCents: 4_500_00, date: '2027-11-01', reference: 'INK-77' });
    await client.assignments.create({
      kind: 'project',
      title: 'Herinrichting Marktplein',
      contractor: 'Projectteam',
      ceilingCents: 10_000_00,
      startDate: '2027-06-01',
      endDate: '2028-06-30',
      status: 'lopend',
      budgetLines: [{ costCentre: line.costCentre, account: line.account }],
    });
    await client.bottlenecks.create({ title: 'Te weinig toezicht', category: 'formatie', signalledOn: '2027-10-01' });
    const ids = insertEmployees(session, [{ personnelNumber: '100001', firstName: 'Ayla', lastName: 'Jansen', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR01' }] }]);
    await client.absence.register({ today: '2027-12-20', employeeId: ids.get('100001')!, firstDay: '2027-12-01' });
    session.close();
    const lines2027 = readStored(file, (db) => (db.prepare('SELECT COUNT(*) AS n FROM budget_line WHERE year = 2027').get() as { n: number }).n);
    const before = stored();

    const result = werkboek(['year', 'open', file, '--year', '2028', '--budget', 'copy', '--dry-run', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = result.json();
    expect(Object.keys(json).slice(0, 6)).toEqual(CONTRACT_KEYS);
    expect(json).toMatchObject({ year: 2028, budgetLines: lines2027, commitmentsCarried: 1, assignmentsRunning: 1, bottlenecksOpen: 1, absenceCasesOpen: 1, dryRun: true, changed: false });
    expect(stored()).toEqual(before);

    const text = werkboek(['year', 'open', file, '--year', '2028', '--dry-run'], env);
    expect(text.stdout).toContain('Proef (niets gewijzigd): boekjaar 2028 openen na 2027.');
    expect(text.stdout).toContain('Open verplichtingen overgenomen: 1 (€ 4.500,00 openstaand)');
  });

  it('opens 2028 for real, and a second run changes nothing', () => {
    const result = werkboek(['year', 'open', file, '--year', '2028', '--budget', 'copy', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.json()).toMatchObject({ year: 2028, commitmentsCarried: 1, assignmentsRunning: 1, bottlenecksOpen: 1, absenceCasesOpen: 1, changed: true });
    const after = stored();
    expect(after.meta).toEqual({ fiscal_year: 2028 });

    const again = werkboek(['year', 'open', file, '--year', '2028', '--budget', 'copy'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Boekjaar 2028 is al geopend in dit werkboek; er is niets gewijzigd.');
    // Only the automatic backup on open is new; no row of the workbook changed.
    expect(stored()).toEqual(after);

    const report = werkboek(['report', file, '--period', '2028-Q1', '--json'], env);
    expect(report.status).toBe(0);
    expect(report.json()).toMatchObject({ workbook: { fiscalYear: 2028 }, carriedOver: { year: 2028, fromYear: 2027, absenceCases: 1, assignments: 1, commitments: 1, commitmentsCents: 4_500_00 } });
  });

  it('refuses a year after next year and a year before the oldest, in Dutch, with exit code 1', () => {
    const far = werkboek(['year', 'open', file, '--year', '2030', '--dry-run', '--json'], env);
    expect(far.status).toBe(1);
    expect(far.stderr).toContain('Boekjaar 2030 ligt meer dan een jaar na het huidige boekjaar (2028)');
    const early = werkboek(['year', 'open', file, '--year', '2020'], env);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('vóór het oudste boekjaar in dit werkboek (2027)');
    const bad = werkboek(['year', 'open', file, '--year', '2029', '--budget', 'half'], env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--budget moet zero');
  });
});
