import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { sample, tempDir } from '../helpers/workbook.ts';

/** A period without data is said before its report is made: `warnings` in the JSON and "Let op:" on stderr. */
describe('werkboek command line: reports of a period without data warn', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');

  it('report --json of an empty quarter keeps every key and adds warnings; management-report says so on stderr and still writes', () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);

    const empty = werkboek(['report', file, '--period', '2027-Q1', '--json'], env);
    expect(empty.status).toBe(0);
    const report = empty.json<Record<string, unknown> & { warnings: string[]; poortwachter: { asOf: string }; assignments: { asOf: string } }>();
    expect(report.warnings).toEqual([
      '1e kwartaal 2027 heeft geen gegevens in dit werkboek: geen begroting voor 2027, geen boekingen, geen verzuim en geen knelpunten. De rapportage toont alleen nullen.',
    ]);
    for (const key of ['workbook', 'period', 'budget', 'absence', 'poortwachter', 'assignments']) expect(report).toHaveProperty(key);
    // A quarter judges overdue steps and decision moments on its last day (it has not begun yet here).
    expect(report.poortwachter.asOf).toBe('2027-03-31');
    expect(report.assignments.asOf).toBe('2027-03-31');
    expect(empty.stderr).toContain('Let op: 1e kwartaal 2027 heeft geen gegevens');

    const pdf = path.join(dir, 'q1.pdf');
    const made = werkboek(['management-report', file, '--quarter', '2027-Q1', '--pdf', pdf], env);
    expect(made.status).toBe(0);
    expect(made.stderr).toContain('Let op: 1e kwartaal 2027 heeft geen gegevens in dit werkboek');
    expect(fs.existsSync(pdf)).toBe(true);
  });

  it('with a budget but no bookings the report names what is missing, and the human output says it first', () => {
    expect(werkboek(['import', file, '--kind', 'budget', sample('begroting-2027.csv')], env).status).toBe(0);
    const json = werkboek(['report', file, '--period', '2027-Q1', '--json'], env);
    expect(json.json<{ warnings: string[] }>().warnings).toEqual(['Er zijn geen boekingen in 1e kwartaal 2027: de realisatie is € 0.']);
    const human = werkboek(['report', file, '--period', '2027-Q1'], env);
    expect(human.status).toBe(0);
    expect(human.stderr).toContain('Let op: Er zijn geen boekingen in 1e kwartaal 2027');
    // A quarter with data is made without a word on stderr.
    const made = werkboek(['management-report', file, '--quarter', '2027-Q1', '--pdf', path.join(dir, 'q1-budget.pdf')], env);
    expect(made.stderr).toBe('');
  });
});
