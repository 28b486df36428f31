import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { sample, sampleLedgerTotals, tempDir, writeTemp } from '../helpers/workbook.ts';

describe('werkboek command line: create, import, report', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');

  it('creates a department workbook', () => {
    const result = werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('imports budget and ledger with the JSON shape scripts rely on', () => {
    const budget = werkboek(['import', file, '--kind', 'budget', sample('begroting-2027.csv'), '--json'], env);
    expect(budget.status).toBe(0);
    expect(budget.json()).toMatchObject({ imported: 9, duplicates: 0, outsideDepartment: 36, rejected: [] });
    const ledger = werkboek(['import', file, '--kind', 'ledger', sample('grootboekmutaties-2027.csv'), '--json'], env);
    expect(ledger.status).toBe(0);
    const expected = sampleLedgerTotals('OR');
    const json = ledger.json<{ imported: number; duplicates: number; outsideDepartment: number; rejected: unknown[]; totalCents: number }>();
    expect(json).toMatchObject({ imported: expected.count, duplicates: 0, outsideDepartment: 2000 - expected.count, rejected: [], totalCents: expected.cents });
    const again = werkboek(['import', file, '--kind', 'ledger', sample('grootboekmutaties-2027.csv'), '--json'], env).json();
    expect(again).toMatchObject({ imported: 0, duplicates: expected.count, totalCents: 0 });
  });

  it('maps columns given with --map and reports rejected lines', () => {
    const input = writeTemp(dir, 'eigen.csv', 'Dag;Plek;Rek;Euro\n01-01-2027;OR01;4999;5,00\n02-01-2027;OR01;4999;x\n');
    const result = werkboek(['import', file, '--kind', 'ledger', input, '--map', 'bookingDate=Dag', '--map', 'costCentre=Plek', '--map', 'account=Rek', '--map', 'amount=Euro', '--json'], env);
    expect(result.status).toBe(0);
    expect(result.json()).toMatchObject({ imported: 1, rejected: [{ line: 3, column: 'Euro', reason: 'Euro: "x" is geen bedrag' }], totalCents: 500 });
  });

  it('reports budget figures in total and per cost centre', () => {
    const result = werkboek(['report', file, '--json'], env);
    expect(result.status).toBe(0);
    const report = result.json<{ budget: Record<string, unknown> & { costCentres: Record<string, Record<string, number>> } }>();
    const expected = sampleLedgerTotals('OR');
    expect(report.budget.actualCents).toBe(expected.cents + 500);
    expect(report.budget.currentCents).toBeTypeOf('number');
    expect(report.budget.forecastCents).toBeTypeOf('number');
    expect(report.budget.commitmentsCents).toBe(0);
    const perCc = Object.values(report.budget.costCentres);
    expect(perCc.reduce((s, cc) => s + cc.actualCents, 0)).toBe(report.budget.actualCents);
    expect(Object.keys(report.budget.costCentres).sort()).toEqual(['OR01', 'OR02', 'OR03']);
    for (const cc of perCc) expect(Object.keys(cc)).toEqual(expect.arrayContaining(['currentCents', 'actualCents', 'forecastCents', 'commitmentsCents']));
  });

  it('exits non-zero with a clear message on bad input', () => {
    const notWorkbook = werkboek(['report', sample('begroting-2027.csv'), '--json'], env);
    expect(notWorkbook.status).toBe(1);
    expect(notWorkbook.stderr).toMatch(/geen Werkboek-bestand/);
    const missing = werkboek(['import', file, '--kind', 'ledger', path.join(dir, 'bestaat-niet.csv')], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/bestaat niet/);
    const kind = werkboek(['import', file, '--kind', 'onzin', sample('begroting-2027.csv')], env);
    expect(kind.status).toBe(1);
    expect(kind.stderr).toMatch(/Onbekend soort import "onzin"/);
    const usage = werkboek(['create', path.join(dir, 'x.werkboek'), '--org', 'X'], env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--department ontbreekt|--year ontbreekt/);
    const unknown = werkboek(['vliegen'], env);
    expect(unknown.status).toBe(2);
  });
});
