import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, sampleLedgerTotals, writeTemp, sessionsClosedAfterEach, readStored } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

function win1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '€') bytes.push(0x80);
    else if (code < 256) bytes.push(code);
    else throw new Error(`not in windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}

function countRows(file: string, table: string): number {
  return readStored(file, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

describe('ledger and budget import of the samples', () => {
  it('imports only the department’s cost centres, with totals that match the file', async () => {
    const { client } = await workbook();
    const expected = sampleLedgerTotals('OR');
    const budget = await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
    expect(budget.imported).toBe(9);
    expect(budget.outsideDepartment).toBe(36);
    expect(budget.rejected).toEqual([]);
    const ledger = await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    expect(ledger).toMatchObject({ imported: expected.count, duplicates: 0, outsideDepartment: 2000 - expected.count, rejected: [], totalCents: expected.cents });
    expect(ledger.dialect).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerLine: 1, decimalMark: ',' });

    const summary = await client.budget.summary({});
    expect(summary.total.actualCents).toBe(expected.cents);
    expect(summary.total.currentCents).toBe(budget.totalCents);
    const or01 = summary.byCostCentre.find((c) => c.key === 'OR01')!;
    const lines = summary.lines.filter((l) => l.costCentre === 'OR01');
    expect(or01.actualCents).toBe(lines.reduce((s, l) => s + l.actualCents, 0));
    // Baten (income) lines come in as negative budgets.
    expect(summary.lines.find((l) => l.account === '8100')?.kind).toBe('baten');
  });

  it('gives a line the ledger creates the kind its account has in the budget, whichever file comes first', async () => {
    const kinds = (lines: Array<{ costCentre: string; account: string; kind: string }>, account: string) =>
      Object.fromEntries(lines.filter((l) => l.account === account).map((l) => [l.costCentre, l.kind]));
    const budgetFirst = (await workbook()).client;
    await budgetFirst.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
    await budgetFirst.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    // OR02 and OR03 have actuals on 8100 (income) but no budget: the account is baten in the budget of OR01.
    expect(kinds((await budgetFirst.budget.summary({})).lines, '8100')).toEqual({ OR01: 'baten', OR02: 'baten', OR03: 'baten' });
    expect(kinds((await budgetFirst.budget.summary({})).lines, '4200')).toEqual({ OR01: 'lasten', OR02: 'lasten', OR03: 'lasten' });

    const ledgerFirst = (await workbook()).client;
    await ledgerFirst.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    // Before any budget the account is unknown: lasten.
    expect(kinds((await ledgerFirst.budget.summary({})).lines, '8100')).toEqual({ OR01: 'lasten', OR02: 'lasten', OR03: 'lasten' });
    const budget = await ledgerFirst.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
    expect(budget.extra).toMatchObject({ kindsAligned: 2 });
    expect(kinds((await ledgerFirst.budget.summary({})).lines, '8100')).toEqual({ OR01: 'baten', OR02: 'baten', OR03: 'baten' });
  });

  it('adds nothing when the same file is imported again', async () => {
    const { client, file } = await workbook();
    await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    const before = countRows(file, 'ledger_line');
    const again = await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(before);
    expect(countRows(file, 'ledger_line')).toBe(before);
    const budgetAgain = await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
    const budgetThird = await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
    expect(budgetAgain.imported + budgetAgain.updated).toBe(9);
    expect(budgetThird).toMatchObject({ imported: 0, updated: 0, duplicates: 9 });
  });

  it('writes nothing in a preview, and the preview promises exactly what the import does', async () => {
    const { client, file } = await workbook();
    const preview = await client.import.preview({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') }, previewRows: 20 });
    expect(countRows(file, 'ledger_line')).toBe(0);
    expect(countRows(file, 'import_batch')).toBe(0);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toMatchObject({ line: 2, status: 'outside' });
    const done = await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    expect(done.imported).toBe(preview.imported);
    expect(done.totalCents).toBe(preview.totalCents);
  });
});

describe('file dialects', () => {
  it('reads Windows-1252 with title lines above the header, a total line below, and every amount notation', async () => {
    const { client, dir } = await workbook();
    const text = [
      'Gemeente Voorbeeld - Grootboekmutaties',
      'Periode: januari t/m maart 2027;;;;',
      '',
      'Datum;Kpl;Grootboek;Omschrijving;Bedrag;Crediteur',
      '05.01.2027;OR01;4300;Huur café é;€ 1.234,56;Café ’t Hoekje'.replace('’', "'"),
      '2027-02-10;OR02;4300;Correctie;1.000,00-;',
      '1-3-2027;OR03;4600;Creditnota;(250,00);Ricoh',
      '03/03/2027;BZ01;4600;Niet van ons;99,00;',
      ';;;;;',
      'Totaal;;;;1.083,56;',
    ].join('\r\n');
    const input = writeTemp(dir, 'mutaties-1252.csv', win1252(text));
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result.dialect).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 4, decimalMark: ',' });
    expect(result).toMatchObject({ imported: 3, outsideDepartment: 1, rejectedCount: 0, totalCents: 123456 - 100000 - 25000 });
    expect(result.skipped.map((s) => s.line)).toEqual([10]);
    const page = await client.budget.ledgerPage({ offset: 0, limit: 10, sort: [{ column: 'bookingDate', direction: 'asc' }], filter: {} });
    expect(page.rows[0]).toMatchObject({ bookingDate: '2027-01-05', description: 'Huur café é', counterparty: "Café 't Hoekje", amountCents: 123456 });
    expect(page.rows.map((r) => r.bookingDate)).toEqual(['2027-01-05', '2027-02-10', '2027-03-01']);
  });

  it('recognises headers as people write them and amounts in accounting notation', async () => {
    const { client, dir } = await workbook();
    const text = [
      'Boekdat.;Kostenpl.;Grootb.rek.;Omschr. boeking;Bedrag in EUR',
      '05-01-2027;OR01;4300;Huur;€ (1.234,56)',
      '06-01-2027;OR01;4300;Correctie;(€ 100,00)',
      '07-01-2027;OR02;4300;Creditnota;(250,00) €',
      '08-01-2027;OR02;4300;Terugboeking;1.000,00-',
      '09-01-2027;OR03;4300;Storno;€ -12,50',
      '10-01-2027;OR03;4300;Factuur;€ 2.000,00',
    ].join('\r\n');
    const input = writeTemp(dir, 'afkortingen.csv', text);
    const preview = await client.import.preview({ kind: 'ledger', source: { path: input }, previewRows: 10 });
    expect(preview.mapping).toMatchObject({ bookingDate: 'Boekdat.', costCentre: 'Kostenpl.', account: 'Grootb.rek.', description: 'Omschr. boeking', amount: 'Bedrag in EUR' });
    expect(preview.missingFields).toEqual([]);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result).toMatchObject({ imported: 6, rejectedCount: 0, totalCents: -123456 - 10000 - 25000 - 100000 - 1250 + 200000 });
    for (const header of ['Bedrag (€)', 'Bedrag EUR', 'BEDRAG']) {
      const other = writeTemp(dir, 'bedrag.csv', `Boekdatum;Kostenplaats;Grootboekrekening;${header}\r\n11-01-2027;OR01;4300;(€ 1,00)\r\n`);
      expect((await client.import.preview({ kind: 'ledger', source: { path: other } })).mapping.amount, header).toBe(header);
    }
  });

  it('shows the file’s own columns when no header is recognised, and remembers the user’s choice for that source', async () => {
    const { client, dir } = await workbook();
    const text = ['Export uit Key2Financiën', 'Gemaakt door: J. Jansen', '', 'Dag;Plaats;Rek.nr;Euro;Tekstregel', '01-01-2027;OR01;4100;5,00;Koffie'].join('\r\n');
    const first = writeTemp(dir, 'key2.csv', text);
    const preview = await client.import.preview({ kind: 'ledger', source: { path: first }, previewRows: 10 });
    expect(preview.dialect.headerLine).toBe(4);
    expect(preview.columns).toEqual(['Dag', 'Plaats', 'Rek.nr', 'Euro', 'Tekstregel']);
    // Only "Rek.nr" (rekeningnummer) is recognised: too little for a header, the rest is the user's to map.
    expect(preview.mapping.account).toBe('Rek.nr');
    expect(preview.missingFields).toEqual(['bookingDate', 'costCentre', 'amount of debit of credit']);
    const mapping = { bookingDate: 'Dag', costCentre: 'Plaats', account: 'Rek.nr', amount: 'Euro', description: 'Tekstregel' };
    const chosen = await client.import.preview({ kind: 'ledger', source: { path: first }, mapping, previewRows: 10 });
    expect(chosen).toMatchObject({ missingFields: [], imported: 1 });
    await client.import.commit({ kind: 'ledger', source: { path: first }, mapping });
    const next = writeTemp(dir, 'key2-februari.csv', text.replace('01-01-2027;OR01;4100;5,00;Koffie', '01-02-2027;OR02;4100;7,00;Thee'));
    const remembered = await client.import.preview({ kind: 'ledger', source: { path: next }, previewRows: 10 });
    expect(remembered).toMatchObject({ mapping, missingFields: [], imported: 1 });
    // It says so, with the file's own column names, so the user knows where the mapping came from.
    expect(remembered.notes).toEqual([expect.stringMatching(/^Kolommen toegewezen zoals bij de import van \d\d-\d\d-\d{4} \d\d:\d\d van een bestand met dezelfde kolommen: Dag → Boekdatum, Plaats → Kostenplaats, Euro → Bedrag, Tekstregel → Omschrijving\.$/)]);
    // A file whose header names its columns needs no memory, and says nothing about one.
    expect(preview.notes).toBeUndefined();
  });

  it('reads tab-separated files with a decimal point, ISO dates and debit/credit columns', async () => {
    const { client, dir } = await workbook();
    const text = ['Booking date\tCost centre\tAccount\tDescription\tDebit\tCredit', '2027-01-05\tOR01\t4300\tRent\t1,234.56\t', '2027-01-06\tOR01\t4300\tRefund\t\t34.56', ''].join('\n');
    const input = writeTemp(dir, 'export.txt', text);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result.dialect).toMatchObject({ delimiter: '\t', decimalMark: '.' });
    expect(result).toMatchObject({ imported: 2, totalCents: 123456 - 3456, rejectedCount: 0 });
  });

  it('reads UTF-8 without BOM, comma-separated with quoted fields holding line breaks, and a D/C column', async () => {
    const { client, dir } = await workbook();
    const text = ['Boekdatum,Kostenplaats,Grootboekrekening,Omschrijving,Bedrag,D/C', '01-04-2027,OR01,4100,"Salaris ""april""\nmet toelichting",100.00,D', '02-04-2027,OR01,4100,Terugboeking,40.00,C', '03-04-2027,OR01,4100,Fout,abc,D'].join('\r\n');
    const input = writeTemp(dir, 'komma.csv', text);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result.dialect).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(result.imported).toBe(2);
    expect(result.totalCents).toBe(10000 - 4000);
    // Line 2 spans two physical lines, so the bad row is on line 5.
    expect(result.rejected).toEqual([{ line: 5, column: 'Bedrag', reason: 'Bedrag: "abc" is geen bedrag' }]);
  });

  it('reports every rejected row with its line and column, and imports the rest', async () => {
    const { client, dir } = await workbook();
    const text = [
      'Boekdatum;Kostenplaats;Grootboekrekening;Bedrag',
      '31-02-2027;OR01;4100;10,00',
      '01-03-2027;;4100;10,00',
      '01-03-2027;OR01;4100;12,345',
      '01-03-2027;OR01;4100;10,00',
    ].join('\r\n');
    const input = writeTemp(dir, 'fouten.csv', text);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { line: 2, column: 'Boekdatum', reason: 'Boekdatum: "31-02-2027" bestaat niet als datum' },
      { line: 3, column: 'Kostenplaats', reason: 'Kostenplaats ontbreekt' },
      { line: 4, column: 'Bedrag', reason: 'Bedrag: "12,345" heeft meer dan twee decimalen' },
    ]);
  });

  it('refuses a file without the needed columns, names what is missing, and writes nothing', async () => {
    const { client, dir, file } = await workbook();
    const input = writeTemp(dir, 'onbekend.csv', 'Datum;Tekst;Waarde\n01-01-2027;x;1\n');
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({
      code: 'import_rejected',
      message: expect.stringMatching(/geen kolom gevonden voor Kostenplaats, Grootboekrekening/),
    });
    expect(countRows(file, 'import_batch')).toBe(0);
    const preview = await client.import.preview({ kind: 'ledger', source: { path: input }, previewRows: 10 });
    expect(preview.missingFields).toEqual(['costCentre', 'account']);
  });

  it('lets the user map columns by hand, and remembers the mapping for the next file of that source', async () => {
    const { client, dir } = await workbook();
    const text = 'Dag;Plek;Rek;Euro\n01-01-2027;OR01;4100;5,00\n';
    const first = writeTemp(dir, 'eigen.csv', text);
    const mapping = { bookingDate: 'Dag', costCentre: 'Plek', account: 'Rek', amount: 'Euro' };
    const result = await client.import.commit({ kind: 'ledger', source: { path: first }, mapping });
    expect(result.imported).toBe(1);
    const second = writeTemp(dir, 'eigen-2.csv', 'Dag;Plek;Rek;Euro\n02-01-2027;OR02;4100;7,00\n');
    const again = await client.import.commit({ kind: 'ledger', source: { path: second } });
    expect(again.imported).toBe(1);
    expect(again.mapping).toMatchObject(mapping);
    await expect(client.import.preview({ kind: 'ledger', source: { path: second }, mapping: { amount: 'Bestaat niet' }, previewRows: 0 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Kolom "Bestaat niet"'),
    });
  });

  it('rolls the whole import back when anything fails, and with --strict refuses a file with rejected rows', async () => {
    const { client, dir, file } = await workbook();
    const input = writeTemp(dir, 'strikt.csv', 'Boekdatum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2027;OR01;4100;5,00\n01-01-2027;OR01;4100;vijf\n');
    await expect(client.import.commit({ kind: 'ledger', source: { path: input }, strict: true })).rejects.toMatchObject({ code: 'import_rejected', message: expect.stringContaining('regel 3, kolom Bedrag') });
    expect(countRows(file, 'ledger_line')).toBe(0);
    expect(countRows(file, 'budget_line')).toBe(0);
  });

  it('keeps two identical bookings in one file as two, and still adds nothing on re-import', async () => {
    const { client, dir } = await workbook();
    const row = '01-01-2027;OR01;4100;Parkeren;5,00';
    const input = writeTemp(dir, 'dubbel.csv', ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', row, row, row].join('\n'));
    expect((await client.import.commit({ kind: 'ledger', source: { path: input } })).imported).toBe(3);
    const again = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
    const more = writeTemp(dir, 'dubbel-meer.csv', ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', row, row, row, row].join('\n'));
    expect(await client.import.commit({ kind: 'ledger', source: { path: more } })).toMatchObject({ imported: 1, duplicates: 3 });
  });

  it('reads XLSX exports, including real dates and numbers', async () => {
    const { client, dir } = await workbook();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mutaties');
    sheet.addRow(['Overzicht grootboek']);
    sheet.addRow([]);
    sheet.addRow(['Boekdatum', 'Kostenplaats', 'Grootboekrekening', 'Omschrijving', 'Bedrag']);
    sheet.addRow([new Date(Date.UTC(2027, 0, 15)), 'OR01', 4300, 'Huur', 1234.56]);
    sheet.addRow(['16-01-2027', 'OR02', '4300', 'Tekstbedrag', '1.000,50']);
    const input = path.join(dir, 'export.xlsx');
    await book.xlsx.writeFile(input);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result.dialect).toMatchObject({ format: 'xlsx', headerLine: 3 });
    expect(result).toMatchObject({ imported: 2, totalCents: 123456 + 100050, rejectedCount: 0 });
  });

  it('refuses binary files, old Excel files and empty files with a clear message', async () => {
    const { client, dir } = await workbook();
    const binary = writeTemp(dir, 'foto.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]));
    await expect(client.import.preview({ kind: 'ledger', source: { path: binary }, previewRows: 0 })).rejects.toMatchObject({ message: expect.stringContaining('geen tekstbestand') });
    const xls = writeTemp(dir, 'oud.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(client.import.preview({ kind: 'ledger', source: { path: xls }, previewRows: 0 })).rejects.toMatchObject({ message: expect.stringContaining('.xls') });
    const empty = writeTemp(dir, 'leeg.csv', '');
    await expect(client.import.preview({ kind: 'ledger', source: { path: empty }, previewRows: 0 })).rejects.toMatchObject({ message: expect.stringContaining('leeg') });
    await expect(client.import.preview({ kind: 'ledger', source: { path: path.join(dir, 'weg.csv') }, previewRows: 0 })).rejects.toMatchObject({ code: 'file_unreadable' });
  });

  it('accepts file content sent by the browser preview', async () => {
    const { client } = await workbook();
    const content = Buffer.from('Boekdatum;Kostenplaats;Grootboekrekening;Bedrag\n01-01-2027;OR01;4100;5,00\n').toString('base64');
    const result = await client.import.commit({ kind: 'ledger', source: { name: 'upload.csv', contentBase64: content } });
    expect(result).toMatchObject({ file: 'upload.csv', imported: 1 });
  });
});

describe('budget import checks', () => {
  it('rejects a line whose current budget does not add up, and a line that appears twice', async () => {
    const { client, dir } = await workbook();
    const text = [
      'Boekjaar;Kostenplaats;Grootboekrekening;Omschrijving;Primitieve begroting;Begrotingswijzigingen;Actuele begroting',
      '2027;OR01;4100;Salarissen;1.000,00;100,00;1.100,00',
      '2027;OR01;4200;Inhuur;500,00;0,00;600,00',
      '2027;OR01;4100;Salarissen;1.000,00;100,00;1.100,00',
    ].join('\n');
    const result = await client.import.commit({ kind: 'budget', source: { path: writeTemp(dir, 'b.csv', text) } });
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { line: 3, column: 'Actuele begroting', reason: 'actuele begroting 600,00 is niet gelijk aan primitieve begroting 500,00 + wijzigingen 0,00' },
      { line: 4, column: 'Grootboekrekening', reason: 'kostenplaats OR01 met grootboekrekening 4100 (2027) staat al op regel 2' },
    ]);
    const summary = await client.budget.summary({});
    expect(summary.lines[0]).toMatchObject({ primitiveCents: 100000, revisionsCents: 10000, currentCents: 110000 });
  });
});
