import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../shared/domain/workbook/audit-text.ts';
import { nl } from '../../shared/i18n/nl.ts';
import { wordsFrom } from '../../shared/i18n/translate.ts';
import { departmentWithBudget } from '../helpers/exchange.ts';
import { departmentWorkbook, tempDir } from '../helpers/workbook.ts';

async function readSheet(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets[0];
}

/** "Exporteren naar Excel" of a grid: typed cells Excel calculates with, and no text that runs as a formula. */
describe('grid export to XLSX', () => {
  const table = {
    title: 'Verplichtingen',
    columns: [
      { title: 'Leverancier', type: 'text' as const },
      { title: 'Bedrag', type: 'money' as const },
      { title: 'Datum', type: 'date' as const },
      { title: 'Gebruikt', type: 'percent' as const },
      { title: 'Fte', type: 'number' as const },
    ],
    rows: [
      ['Groen BV', 123456, '2027-12-31', 95.5, 0.8],
      ['=HYPERLINK("http://x","klik")', -50, null, null, null],
      ['-12,50', 0, '2027-01-01', 0, 1],
      ['@SOM(A1)', null, null, null, null],
      ['+cmd|\' /C calc\'!A0', null, null, null, null],
      ['\tHYPERLINK', null, null, null, null],
      ['bel\u0007', null, null, null, null],
    ],
  };

  it('writes amounts in euros, dates as dates and percentages as fractions, with the headers, and neutralises formula text', async () => {
    const { client } = await departmentWorkbook();
    const file = await client.workbook.exportTable(table);
    expect(file.name).toBe('verplichtingen.xlsx');
    expect(file.path).toBeNull();
    const sheet = await readSheet(Buffer.from(file.contentBase64!, 'base64'));
    expect(sheet.name).toBe('Verplichtingen');
    expect(sheet.getCell('A1').value).toBe('Verplichtingen');
    expect(String(sheet.getCell('A2').value)).toMatch(/^Gemeente Voorbeeld · OR Openbare Ruimte · geëxporteerd op \d\d-\d\d-\d{4}$/);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Leverancier', 'Bedrag', 'Datum', 'Gebruikt', 'Fte']);
    expect(sheet.getCell('B5').value).toBe(1234.56);
    // The euro format of every amount Werkboek writes; Excel shows it in the reader's own notation (€ 1.234,56).
    expect(sheet.getCell('B5').numFmt).toBe('€ #,##0.00;[Red]€ -#,##0.00');
    expect(sheet.getCell('C5').value).toEqual(new Date('2027-12-31T00:00:00Z'));
    expect(sheet.getCell('C5').numFmt).toBe('dd-mm-yyyy');
    expect(sheet.getCell('D5').value).toBe(0.955);
    expect(sheet.getCell('D5').numFmt).toBe('0.0%');
    expect(sheet.getCell('E5').value).toBe(0.8);
    expect(sheet.getCell('E5').numFmt).toBe('#,##0.00##');
    expect(sheet.getCell('A6').value).toBe('\'=HYPERLINK("http://x","klik")');
    expect(sheet.getCell('B6').value).toBe(-0.5);
    expect(sheet.getCell('C6').value).toBeNull();
    // A number written as text keeps its sign: it is no formula.
    expect(sheet.getCell('A7').value).toBe('-12,50');
    // Every way a spreadsheet starts a formula, and a code point XML cannot hold, go through the same safe writer as every XLSX.
    expect(['A8', 'A9', 'A10', 'A11'].map((a) => sheet.getCell(a).value)).toEqual(['\'@SOM(A1)', '\'+cmd|\' /C calc\'!A0', '\'\tHYPERLINK', 'bel\uFFFD']);
    expect(sheet.autoFilter).toBeTruthy();
    // Who exported what is on record (the register can hold names).
    const audit = await client.workbook.audit({});
    expect(audit.entries[0]).toMatchObject({ action: 'export', tableName: 'grid_export' });
    const words = describeAuditEntry(audit.entries[0], wordsFrom(nl));
    expect(words).toMatchObject({ what: 'Tabel naar Excel geëxporteerd', subject: 'Verplichtingen', summary: 'Titel: Verplichtingen; Bestand: verplichtingen.xlsx; Aantal regels: 7' });
  });

  it('writes the export’s own words in the window’s language', async () => {
    const { client } = await departmentWorkbook();
    await client.workbook.setLanguage({ language: 'en' });
    const file = await client.workbook.exportTable({ ...table, title: 'Commitments' });
    const sheet = await readSheet(Buffer.from(file.contentBase64!, 'base64'));
    expect(String(sheet.getCell('A2').value)).toMatch(/ · exported on \d\d-\d\d-\d{4}$/);
  });

  it('writes to the path the user chose, in one go', async () => {
    const { client } = await departmentWorkbook();
    const dir = tempDir();
    const target = path.join(dir, 'mijn export.xlsx');
    const file = await client.workbook.exportTable({ ...table, path: target });
    expect(file).toEqual({ name: 'mijn export.xlsx', path: target, contentBase64: null });
    const sheet = await readSheet(fs.readFileSync(target));
    expect(sheet.getCell('B5').value).toBe(1234.56);
    expect(fs.readdirSync(dir)).toEqual(['mijn export.xlsx']);
  });

  it('exports every ledger line the grid’s filter and sort select, not only the blocks in view', async () => {
    const dir = tempDir();
    const department = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', [{ costCentre: 'OR01', account: '4300', accountName: 'Onderhoud', primitiveCents: 1_000_000 }, { costCentre: 'OR02', account: '4300', accountName: 'Onderhoud', primitiveCents: 1 }], [
      { date: '2027-02-01', costCentre: 'OR01', account: '4300', amount: '100,00' },
      { date: '2027-03-01', costCentre: 'OR01', account: '4300', amount: '2.500,00' },
      { date: '2027-04-01', costCentre: 'OR02', account: '4300', amount: '999,00' },
      { date: '2027-05-01', costCentre: 'OR01', account: '4300', amount: '-40,00' },
    ]);
    const file = await department.client.budget.exportLedger({
      title: 'Realisatie',
      columns: [
        { field: 'bookingDate', title: 'Boekdatum' },
        { field: 'amountCents', title: 'Bedrag' },
        { field: 'costCentre', title: 'Kostenplaats' },
      ],
      sort: [{ column: 'amountCents', direction: 'desc' }],
      filter: { year: 2027, costCentre: 'OR01' },
    });
    const sheet = await readSheet(Buffer.from(file.contentBase64!, 'base64'));
    // The reader of the file sees which lines these are.
    expect(String(sheet.getCell('A2').value)).toMatch(/ · geëxporteerd op \d\d-\d\d-\d{4} · boekjaar 2027, kostenplaats OR01$/);
    const rows = [5, 6, 7, 8].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value, sheet.getCell(r, 3).value]);
    expect(rows).toEqual([
      [new Date('2027-03-01T00:00:00Z'), 2500, 'OR01'],
      [new Date('2027-02-01T00:00:00Z'), 100, 'OR01'],
      [new Date('2027-05-01T00:00:00Z'), -40, 'OR01'],
      [null, null, null],
    ]);
    department.session.close();
  });
});
