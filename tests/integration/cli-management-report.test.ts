import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { sample, tempDir, writeTemp } from '../helpers/workbook.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/bottlenecks/knelpunten-2027.csv');

describe('werkboek command line: bottleneck import and management report', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');

  it('imports a bottleneck list kept in Excel, once', () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    expect(werkboek(['import', file, '--kind', 'budget', sample('begroting-2027.csv')], env).status).toBe(0);
    const first = werkboek(['import', file, '--kind', 'bottlenecks', FIXTURE, '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.json()).toMatchObject({ kind: 'bottlenecks', imported: 5, duplicates: 0, rejectedCount: 0 });
    expect(werkboek(['import', file, '--kind', 'bottlenecks', FIXTURE, '--json'], env).json()).toMatchObject({ imported: 0, duplicates: 5 });

    const bad = writeTemp(dir, 'fout.csv', 'Titel;Categorie;Datum gesignaleerd\nKapotte bus;Vervoer;01-03-2027\n');
    const refused = werkboek(['import', file, '--kind', 'bottlenecks', bad, '--strict'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('regel 2, kolom Categorie: onbekende categorie "Vervoer"');
  });

  it('writes the quarterly report as PDF and XLSX without a window', async () => {
    const pdf = path.join(dir, 'q1.pdf');
    const xlsx = path.join(dir, 'q1.xlsx');
    const result = werkboek(['management-report', file, '--quarter', '2027-Q1', '--pdf', pdf, '--xlsx', xlsx], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Geschreven: ${pdf}`);
    expect(result.stdout).toContain(`Geschreven: ${xlsx}`);
    const pages = await pdfPages(fs.readFileSync(pdf));
    expect(pages[0]).toContain('Managementrapportage 1e kwartaal 2027');
    const all = pages.join('\n');
    expect(all).toContain('KNP-2027-0003');
    expect(all).toContain('Vacature handhaver al een half jaar open');
    // Owners are names: left out unless --names.
    expect(all).not.toContain('Teamleider');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Begroting', 'Knelpunten']);

    const named = path.join(dir, 'q1-namen.pdf');
    expect(werkboek(['management-report', file, '--quarter', '2027-Q1', '--pdf', named, '--names'], env).status).toBe(0);
    // Joined with spaces: a name may wrap within its table cell.
    expect((await pdfPages(fs.readFileSync(named))).join(' ').replace(/\s+/g, ' ')).toContain('Teamleider Toezicht');
  });

  it('says what is wrong with exit code 2 for usage and 1 for a refused input', () => {
    const noQuarter = werkboek(['management-report', file, '--pdf', path.join(dir, 'x.pdf')], env);
    expect(noQuarter.status).toBe(2);
    expect(noQuarter.stderr).toContain('--quarter ontbreekt');
    const badQuarter = werkboek(['management-report', file, '--quarter', '2027-13', '--pdf', path.join(dir, 'x.pdf')], env);
    expect(badQuarter.status).toBe(2);
    expect(badQuarter.stderr).toContain('JJJJ-Qn');
    const noPdf = werkboek(['management-report', file, '--quarter', '2027-Q1'], env);
    expect(noPdf.status).toBe(2);
    const notAWorkbook = writeTemp(dir, 'geen.werkboek', 'dit is geen werkboek');
    const refused = werkboek(['management-report', notAWorkbook, '--quarter', '2027-Q1', '--pdf', path.join(dir, 'x.pdf')], env);
    expect(refused.status).toBe(1);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
