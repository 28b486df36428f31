import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { sample, tempDir, writeTemp } from '../helpers/workbook.ts';

describe('werkboek command line: staff import and report keys', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');
  const salaryTable = path.resolve(import.meta.dirname, '../fixtures/staff/salaristabel-2027.csv');

  it('imports the roster with the same JSON shape as the ledger import', () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    const ledger = werkboek(['import', file, '--kind', 'ledger', sample('grootboekmutaties-2027.csv'), '--json'], env);
    expect(ledger.status).toBe(0);
    const staff = werkboek(['import', file, '--kind', 'staff', sample('personeel-2027.csv'), '--option', 'referenceDate=2027-01-01', '--json'], env);
    expect(staff.stderr).toBe('');
    expect(staff.status).toBe(0);
    const json = staff.json<Record<string, unknown>>();
    expect(Object.keys(json).sort()).toEqual(Object.keys(ledger.json()).sort());
    expect(json).toMatchObject({ kind: 'staff', imported: 13, duplicates: 0, updated: 0, outsideDepartment: 47, rejected: [], rejectedCount: 0, dryRun: false, extra: { termsChanged: 0, transferredIn: 0, transferredOut: 0, notInFile: 0, positionCodesNotInFormation: 0 } });
    expect(json.mapping).toMatchObject({ personnelNumber: 'Personeelsnummer', lastName: 'Achternaam', infix: 'Tussenvoegsel', hoursPerWeek: 'Uren per week', costCentre: 'Kostenplaats' });
    const again = werkboek(['import', file, '--kind', 'staff', sample('personeel-2027.csv'), '--json'], env).json();
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 13 });
    expect(werkboek(['import', file, '--kind', 'salary-table', salaryTable, '--json'], env).json()).toMatchObject({ imported: 234, rejectedCount: 0 });
  });

  it('prints the rejected lines of a bad roster and exits 1 with --strict', () => {
    const bad = writeTemp(dir, 'fout.csv', 'Personeelsnummer;Achternaam;Uren per week;Datum in dienst;Kostenplaats\n600001;Bos;45;01-01-2027;OR01\n');
    const human = werkboek(['import', file, '--kind', 'staff', bad], env);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('regel 2, kolom Uren per week: 45,00 uur per week is meer dan 40');
    const strict = werkboek(['import', file, '--kind', 'staff', bad, '--strict'], env);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('regel 2, kolom Uren per week');
    const usage = werkboek(['import', file, '--kind', 'staff', bad, '--option', 'referenceDate'], env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--option verwacht sleutel=waarde');
    const unknown = werkboek(['import', file, '--kind', 'staff', bad, '--option', 'peildag=2027-01-01'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Onbekende optie peildag');
  });

  it('reports staff.headcount, staff.fte, formation.fte and formation.vacancyFte for a period, also per cost centre', () => {
    const result = werkboek(['report', file, '--json', '--period', '2027-Q2'], env);
    expect(result.status).toBe(0);
    const report = result.json<{ period: { end: string }; staff: Record<string, unknown>; formation: Record<string, unknown>; personnelCosts: Record<string, unknown> }>();
    expect(report.period.end).toBe('2027-06-30');
    // The 13 OR01 employees of the sample; their hours sum to 391 → 391 / 36 FTE.
    expect(report.staff).toMatchObject({ date: '2027-06-30', headcount: 13, averageHeadcount: 13, normalWeekHours: 36 });
    expect(report.staff.fte).toBeCloseTo(391 / 36, 4);
    expect(report.staff.costCentres).toMatchObject({ OR01: { headcount: 13 }, OR02: { headcount: 0, fte: 0 }, OR03: { headcount: 0 } });
    // No formation position yet: the formation figures are unknown (null, with the reason), nobody is over-occupation.
    expect(report.formation).toMatchObject({
      fte: null,
      fteReason: 'no-positions',
      vacancyFte: null,
      vacancyFteReason: 'no-positions',
      overOccupationFte: null,
      overOccupationFteReason: 'no-positions',
      occupancyPercent: null,
      unlinkedFte: report.staff.fte,
      withoutFormation: ['OR01'],
    });
    expect(report.personnelCosts).toMatchObject({ year: 2027, missingSalaryDays: 0 });
    expect(report.personnelCosts.forecastCents).toBeGreaterThan(0);
    const human = werkboek(['report', file, '--period', '2027-Q2'], env);
    expect(human.stdout).toContain('Personeel op 30-06-2027: 13 medewerkers, 10,86 fte');
    const month = werkboek(['report', file, '--json', '--period', '2027-04'], env).json<{ staff: { date: string } }>();
    expect(month.staff.date).toBe('2027-04-30');
  });
});
