import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAO_ENTRIES, caoAmount, caoMaxStep, caoSalaryTableCsv, caoSalaryTableXlsx } from '../helpers/cao-salary-table.ts';
import { werkboek } from '../helpers/cli.ts';
import { sessionsClosedAfterEach, tempDir, writeTemp } from '../helpers/workbook.ts';

/**
 * The salary table as the cao publishes it: one row per scale, one column per step, one monthly amount
 * per cell, with or without a title block above the header. Generated here (amounts are fictitious).
 */
const { workbook } = sessionsClosedAfterEach();

/** Scale s, step t: 2.000 + 150 per scale + 60 per step, in cents. Scale 1 has steps 0–3 only. */
const amount = (scale: number, step: number) => (2_000 + 150 * scale + 60 * step) * 100;
const dutch = (cents: number) => `${Math.floor(cents / 100).toLocaleString('nl-NL')},${String(cents % 100).padStart(2, '0')}`;
const steps = [0, 1, 2, 3, 4, 5];
const stepsOf = (scale: number) => (scale === 1 ? steps.slice(0, 4) : steps);

function caoCsv(header: string[], withTitle: boolean): string {
  const lines = withTitle
    ? ['Salaristabel CAO Gemeenten;;;;;;', 'Bedragen per maand, per 1 juli 2027;;;;;;', ';;;;;;', header.join(';')]
    : [header.join(';')];
  for (const scale of [1, 2, 3]) {
    const cells = steps.map((step) => (stepsOf(scale).includes(step) ? `€ ${dutch(amount(scale, step))}` : ''));
    lines.push([`schaal ${scale}`, ...cells].join(';'));
  }
  return lines.join('\r\n');
}

describe('the salary table in the layout the cao publishes (scales as rows, steps as columns)', () => {
  it('reads the whole published table from XLSX and from a Windows-1252 CSV saved by Excel: 18 scales, trede 0 to 12, title block and footnote', async () => {
    const { client, dir } = await workbook();
    const xlsx = path.join(dir, 'Salaristabel cao Gemeenten 2027.xlsx');
    fs.writeFileSync(xlsx, await caoSalaryTableXlsx());
    const preview = await client.import.preview({ kind: 'salary-table', source: { path: xlsx }, previewRows: 3 });
    expect(preview).toMatchObject({ missingFields: [], imported: CAO_ENTRIES, rejectedCount: 0, totalRows: CAO_ENTRIES, dialect: { format: 'xlsx', headerLine: 4 } });
    expect(preview.mapping.scale).toBe('Schaal');
    expect(preview.notes).toEqual([
      'Tabel zoals de cao hem publiceert: schalen als regels, treden als kolommen (trede 0 tot en met 12); elk bedrag is één regel van de salaristabel.',
      'Ingangsdatum 01-07-2027 uit de titel boven de tabel ("Bedragen per maand, per 1 juli 2027 (na de loonsverhoging van 3 %)"); een andere datum kiest u bij Ingangsdatum van de tabel.',
    ]);
    // The footnote is not data: skipped and listed, never rejected.
    expect(preview.skipped).toEqual([{ line: 24, reason: 'regel met één waarde (titel- of voetregel) overgeslagen' }]);
    // Amounts from numeric cells are shown as amounts: "2.216,65", never the bare number "2216,65".
    expect(preview.rows.slice(0, 2)).toEqual([
      { line: 5, status: 'new', values: { scale: '1', step: '0', monthly: '2.150,00' } },
      { line: 5, status: 'new', values: { scale: '1', step: '1', monthly: '2.216,65' } },
    ]);

    const result = await client.import.commit({ kind: 'salary-table', source: { path: xlsx } });
    expect(result).toMatchObject({ imported: CAO_ENTRIES, rejectedCount: 0, extra: { tables: 1 } });
    expect(await client.salary.tables({})).toEqual([{ validFrom: '2027-07-01', entries: CAO_ENTRIES, scales: 18 }]);
    const entries = await client.salary.entries({ validFrom: '2027-07-01' });
    for (const [scale, step] of [[1, 0], [1, 6], [8, 12], [18, 12]]) expect(entries.find((e) => e.scale === scale && e.step === step)?.monthlyCents, `schaal ${scale} trede ${step}`).toBe(caoAmount(scale, step));
    expect(entries.filter((e) => e.scale === 1).map((e) => e.step)).toEqual([0, 1, 2, 3, 4, 5, 6].slice(0, caoMaxStep(1) + 1));

    // The same table as Excel saves it as CSV: every amount the same, so nothing changes.
    const csv = writeTemp(dir, 'Salaristabel cao Gemeenten 2027.csv', '');
    fs.writeFileSync(csv, caoSalaryTableCsv());
    const again = await client.import.commit({ kind: 'salary-table', source: { path: csv } });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: CAO_ENTRIES, rejectedCount: 0, dialect: { format: 'csv', encoding: 'windows-1252', delimiter: ';', headerLine: 4, decimalMark: ',' } });
    expect(again.skipped.map((s) => s.reason)).toEqual(['regel met één waarde (titel- of voetregel) overgeslagen']);
  });

  it('names the published table’s own column in a refusal from XLSX and CSV alike', async () => {
    const { client, dir } = await workbook();
    const replace = { '3:4': 'n.v.t.', '9:2': '-12,00' };
    const xlsx = path.join(dir, 'tabel.xlsx');
    fs.writeFileSync(xlsx, await caoSalaryTableXlsx({ title: false, replace }));
    const csv = path.join(dir, 'tabel.csv');
    fs.writeFileSync(csv, caoSalaryTableCsv({ title: false, replace }));
    const fromXlsx = await client.import.preview({ kind: 'salary-table', source: { path: xlsx } });
    expect(fromXlsx.rejected).toEqual([
      { line: 4, column: 'trede 4', reason: 'bedrag van schaal 3 trede 4: "n.v.t." is geen bedrag' },
      { line: 10, column: 'trede 2', reason: 'bedrag per maand moet meer dan nul zijn' },
    ]);
    expect(fromXlsx).toMatchObject({ imported: CAO_ENTRIES - 2, dialect: { headerLine: 1 } });
    const fromCsv = await client.import.preview({ kind: 'salary-table', source: { path: csv } });
    expect(fromCsv.rejected).toEqual([
      { line: 4, column: 'Trede 4', reason: 'bedrag van schaal 3 trede 4: "n.v.t." is geen bedrag' },
      { line: 10, column: 'Trede 2', reason: 'bedrag per maand moet meer dan nul zijn' },
    ]);
    // Without a title, the table is of 1 January of the fiscal year, and nothing says otherwise.
    expect(fromCsv.notes).toHaveLength(1);
  });

  it('reads it with a title block above the header, taking the table’s date from the title', async () => {
    const { client, dir } = await workbook();
    const input = writeTemp(dir, 'cao-salaristabel.csv', caoCsv(['Schaal', ...steps.map((s) => `Trede ${s}`)], true));
    const preview = await client.import.preview({ kind: 'salary-table', source: { path: input }, previewRows: 50 });
    expect(preview).toMatchObject({ missingFields: [], imported: 4 + 6 + 6, rejectedCount: 0, totalRows: 16, dialect: { headerLine: 4 } });
    expect(preview.layout).toMatchObject({ rowField: 'scale', columnField: 'step', valueField: 'monthly' });
    expect(preview.notes).toEqual([
      'Tabel zoals de cao hem publiceert: schalen als regels, treden als kolommen (trede 0 tot en met 5); elk bedrag is één regel van de salaristabel.',
      'Ingangsdatum 01-07-2027 uit de titel boven de tabel ("Bedragen per maand, per 1 juli 2027"); een andere datum kiest u bij Ingangsdatum van de tabel.',
    ]);
    expect(preview.mapping.scale).toBe('Schaal');
    expect(preview.rows.slice(0, 2)).toEqual([
      { line: 5, status: 'new', values: { scale: 'schaal 1', step: '0', monthly: '€ 2.150,00' } },
      { line: 5, status: 'new', values: { scale: 'schaal 1', step: '1', monthly: '€ 2.210,00' } },
    ]);

    const result = await client.import.commit({ kind: 'salary-table', source: { path: input } });
    expect(result).toMatchObject({ imported: 16, extra: { tables: 1 } });
    expect(await client.salary.tables({})).toEqual([{ validFrom: '2027-07-01', entries: 16, scales: 3 }]);
    const entries = await client.salary.entries({ validFrom: '2027-07-01' });
    expect(entries.find((e) => e.scale === 3 && e.step === 5)?.monthlyCents).toBe(amount(3, 5));
    expect(entries.some((e) => e.scale === 1 && e.step === 4)).toBe(false);
    // The same table again changes nothing; an option date wins over the title's.
    expect(await client.import.commit({ kind: 'salary-table', source: { path: input } })).toMatchObject({ imported: 0, duplicates: 16 });
    const optioned = await client.import.preview({ kind: 'salary-table', source: { path: input }, options: { validFrom: '01-01-2028' } });
    expect(optioned).toMatchObject({ imported: 16 });
    expect(optioned.notes).toHaveLength(1);
  });

  it('reads it without a title block, with an empty corner and bare step numbers, from an XLSX sheet', async () => {
    const { client, dir } = await workbook();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Salaristabel');
    sheet.addRow(['', ...steps]);
    for (const scale of [1, 2, 3]) sheet.addRow([scale, ...steps.map((step) => (stepsOf(scale).includes(step) ? amount(scale, step) / 100 : null))]);
    const input = path.join(dir, 'cao.xlsx');
    await book.xlsx.writeFile(input);
    const result = await client.import.commit({ kind: 'salary-table', source: { path: input } });
    expect(result).toMatchObject({ imported: 16, rejectedCount: 0, dialect: { format: 'xlsx', headerLine: 1 } });
    expect(result.mapping.scale).toBe('Schaal');
    // Without a date in the file or a title, the table is of 1 January of the fiscal year.
    const entries = await client.salary.entries({ validFrom: '2027-01-01' });
    expect(entries).toHaveLength(16);
    expect(entries.find((e) => e.scale === 2 && e.step === 4)?.monthlyCents).toBe(amount(2, 4));
  });

  it('reads the table turned a quarter (steps as rows, scales as columns) from XLSX and CSV as the same table', async () => {
    const { client, dir } = await workbook();
    const xlsx = path.join(dir, 'gedraaid.xlsx');
    fs.writeFileSync(xlsx, await caoSalaryTableXlsx({ turned: true }));
    const preview = await client.import.preview({ kind: 'salary-table', source: { path: xlsx }, previewRows: 2 });
    expect(preview).toMatchObject({ missingFields: [], imported: CAO_ENTRIES, rejectedCount: 0, dialect: { headerLine: 4 } });
    expect(preview.layout).toMatchObject({ rowField: 'step', columnField: 'scale', valueField: 'monthly' });
    expect(preview.notes?.[0]).toBe('Tabel met treden als regels en schalen als kolommen (schaal 1 tot en met 18); elk bedrag is één regel van de salaristabel.');
    expect(preview.mapping.step).toBe('Trede');
    expect(preview.rows).toEqual([
      { line: 5, status: 'new', values: { step: '0', scale: '1', monthly: '2.150,00' } },
      { line: 5, status: 'new', values: { step: '0', scale: '2', monthly: '2.345,00' } },
    ]);
    expect(await client.import.commit({ kind: 'salary-table', source: { path: xlsx } })).toMatchObject({ imported: CAO_ENTRIES });
    // The usual layout of the same table changes nothing: every scale × step was read the right way round.
    const usual = path.join(dir, 'gewoon.csv');
    fs.writeFileSync(usual, caoSalaryTableCsv());
    expect(await client.import.commit({ kind: 'salary-table', source: { path: usual } })).toMatchObject({ imported: 0, updated: 0, duplicates: CAO_ENTRIES });

    const csv = path.join(dir, 'gedraaid.csv');
    fs.writeFileSync(csv, caoSalaryTableCsv({ turned: true, replace: { '2:3': 'n.v.t.' } }));
    const turned = await client.import.preview({ kind: 'salary-table', source: { path: csv } });
    expect(turned).toMatchObject({ duplicates: CAO_ENTRIES - 1, rejected: [{ line: 8, column: 'Schaal 2', reason: 'bedrag van schaal 2 trede 3: "n.v.t." is geen bedrag' }] });
  });

  it('takes the table’s date from a date cell beside "Ingangsdatum" in the title block of an XLSX sheet', async () => {
    const { client, dir } = await workbook();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Tabel');
    sheet.addRow(['Salaristabel gemeenten']);
    sheet.addRow(['Ingangsdatum', new Date(Date.UTC(2027, 6, 1))]).getCell(2).numFmt = 'dd-mm-yyyy';
    sheet.addRow([]);
    sheet.addRow(['Schaal', 'Trede 0', 'Trede 1', 'Trede 2']);
    sheet.addRow([5, 2600, 2680.5, 2761.25]);
    const input = path.join(dir, 'tabel-met-datumcel.xlsx');
    await book.xlsx.writeFile(input);
    const result = await client.import.commit({ kind: 'salary-table', source: { path: input } });
    expect(result).toMatchObject({ imported: 3, rejectedCount: 0, dialect: { headerLine: 4 } });
    // The title is quoted as the user reads it, the date cell as dd-mm-jjjj.
    expect(result.notes?.[1]).toMatch(/^Ingangsdatum 01-07-2027 uit de titel boven de tabel \("Ingangsdatum 01-07-2027"\);/);
    expect((await client.salary.entries({ validFrom: '2027-07-01' })).map((e) => e.monthlyCents)).toEqual([260000, 268050, 276125]);
  });

  it('names the file’s own column in every message, and rejects a cell without taking the rest of its row', async () => {
    const { client, dir } = await workbook();
    const text = [
      'Schaal/trede;T0;T1;T2;T3',
      '1;2.150,00;2.210,00;twee;2.330,00',
      '19;3.000,00;3.100,00;3.200,00;3.300,00',
      'Schaal/trede;T0;T1;T2;T3',
      '2;2.300,00;-5,00;2.420,00;',
      '1;2.150,00;;;',
      '3;x;2.480,00;y;',
    ].join('\r\n');
    const result = await client.import.commit({ kind: 'salary-table', source: { path: writeTemp(dir, 'cao-fouten.csv', text) } });
    expect(result.rejected).toEqual([
      { line: 2, column: 'T2', reason: 'bedrag van schaal 1 trede 2: "twee" is geen bedrag' },
      // A line is refused once, however many of its cells are wrong, as every importer refuses a row once.
      { line: 3, column: 'Schaal/trede', reason: 'schaal 19 bestaat niet (1 tot en met 18)' },
      { line: 5, column: 'T1', reason: 'bedrag per maand moet meer dan nul zijn' },
      { line: 6, column: 'T0', reason: 'schaal 1 trede 0 (per 01-01-2027) staat al op regel 2' },
      { line: 7, column: 'T0', reason: 'bedrag van schaal 3 trede 0: "x" is geen bedrag; T2: bedrag van schaal 3 trede 2: "y" is geen bedrag' },
    ]);
    // Every row has one outcome: 6 cells imported, 5 lines refused.
    expect(result).toMatchObject({ imported: 3 + 2 + 1, rejectedCount: 5, skipped: [{ line: 4, reason: 'herhaalde kopregel overgeslagen' }] });
    for (const issue of result.rejected) expect(issue.reason).not.toMatch(/monthly|scale|step/);
  });

  it('keeps reading one row per scale and step, where a wrong amount names the file’s column', async () => {
    const { client, dir } = await workbook();
    const text = ['Salarisschaal;Trede;Maandsalaris', '8;0;3.100,00', '8;1;abc', 'schaal 9;0;3.400,00'].join('\n');
    const result = await client.import.commit({ kind: 'salary-table', source: { path: writeTemp(dir, 'lang.csv', text) } });
    expect(result.layout).toBeUndefined();
    expect(result).toMatchObject({ imported: 2, rejected: [{ line: 3, column: 'Maandsalaris', reason: 'bedrag van schaal 8 trede 1: "abc" is geen bedrag' }] });
  });

  it('says in the command line how it read the table', () => {
    const dir = tempDir();
    const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
    const file = path.join(dir, 'or.werkboek');
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01'], env).status).toBe(0);
    const input = writeTemp(dir, 'cao.csv', caoCsv(['Schaal', ...steps.map(String)], true));
    const human = werkboek(['import', file, '--kind', 'salary-table', input, '--dry-run'], env);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('schalen als regels, treden als kolommen (trede 0 tot en met 5)');
    expect(human.stdout).toContain('Ingangsdatum 01-07-2027 uit de titel boven de tabel');
    const json = werkboek(['import', file, '--kind', 'salary-table', input, '--json'], env).json();
    expect(json).toMatchObject({ imported: 16, layout: { rowField: 'scale', columnField: 'step', valueField: 'monthly' }, notes: expect.arrayContaining([expect.stringContaining('per 1 juli 2027')]) });
  });
});
