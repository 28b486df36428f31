import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeTemp, sessionsClosedAfterEach, readStored } from '../helpers/workbook.ts';

/** Regression tests for defects found in review of the generic import pipeline. */

const { workbook } = sessionsClosedAfterEach();

function ledgerDescriptions(file: string): string[] {
  return readStored(file, (db) => (db.prepare('SELECT description FROM ledger_line ORDER BY id').all() as Array<{ description: string }>).map((r) => r.description));
}

function ledgerCount(file: string): number {
  return readStored(file, (db) => (db.prepare('SELECT count(*) AS n FROM ledger_line').get() as { n: number }).n);
}

const LEDGER_HEADER = 'Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag\r\n';

/** ASCII ledger lines, enough of them to push what follows beyond the 256 KB the sniffer reads. */
function asciiLedger(lines: number): string {
  const out = [LEDGER_HEADER];
  for (let i = 0; i < lines; i += 1) out.push(`05-01-2027;OR01;4300;Onderhoud regel ${i} ${'x'.repeat(40)};${i},00\r\n`);
  return out.join('');
}

describe('encoding decided on the whole file, not its head', () => {
  it('reads Windows-1252 bytes after the first 256 KB as Windows-1252, and a re-import adds nothing', async () => {
    const { client, file, dir } = await workbook();
    const head = Buffer.from(asciiLedger(4000), 'latin1');
    expect(head.length).toBeGreaterThan(256 * 1024);
    // "Café De Grüne € lunch" as Windows-1252 writes it: é = E9, ü = FC, € = 80.
    const tail = Buffer.from([...Buffer.from('06-01-2027;OR01;4300;Caf', 'latin1'), 0xe9, ...Buffer.from(' De Gr', 'latin1'), 0xfc, ...Buffer.from('ne ', 'latin1'), 0x80, ...Buffer.from(' lunch;12,50\r\n', 'latin1')]);
    const input = writeTemp(dir, 'cp1252.csv', Buffer.concat([head, tail]));

    const preview = await client.import.preview({ kind: 'ledger', source: { path: input } });
    expect(preview.dialect.encoding).toBe('windows-1252');
    expect(ledgerCount(file)).toBe(0);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result).toMatchObject({ imported: 4001, rejectedCount: 0 });
    expect(result.dialect.encoding).toBe('windows-1252');
    expect(ledgerDescriptions(file).at(-1)).toBe('Café De Grüne € lunch');

    const again = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(again).toMatchObject({ imported: 0, duplicates: 4001 });
  });

  it('refuses a file that is UTF-8 in one place and not in another, naming the line and column, and writes nothing', async () => {
    const { client, file, dir } = await workbook();
    const utf8Part = Buffer.from(`${LEDGER_HEADER}05-01-2027;OR01;4300;Caf\u00e9 (UTF-8);1,00\r\n05-01-2027;OR01;4300;Gewoon;2,00\r\n`, 'utf8');
    const cp1252Line = Buffer.concat([Buffer.from('05-01-2027;OR01;4300;Caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(';3,00\r\n', 'latin1')]);
    // The head (all of this small file) is not valid UTF-8, so the sniffer reads Windows-1252: force UTF-8 as a user might.
    const input = writeTemp(dir, 'gemengd.csv', Buffer.concat([utf8Part, cp1252Line]));
    await expect(client.import.commit({ kind: 'ledger', source: { path: input }, dialect: { encoding: 'utf-8' } })).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/gemengd\.csv.*regel 4.*kolom Omschrijving.*UTF-8/s),
    });
    expect(ledgerCount(file)).toBe(0);
  });

  it('refuses a large file whose head has UTF-8 accents and whose tail has Windows-1252 bytes', async () => {
    const { client, file, dir } = await workbook();
    const head = Buffer.from(`${LEDGER_HEADER}05-01-2027;OR01;4300;Caf\u00e9;1,00\r\n${asciiLedger(4000).slice(LEDGER_HEADER.length)}`, 'utf8');
    const tail = Buffer.concat([Buffer.from('06-01-2027;OR01;4300;Gr', 'latin1'), Buffer.from([0xfc]), Buffer.from('ne;12,50\r\n', 'latin1')]);
    const input = writeTemp(dir, 'deels.csv', Buffer.concat([head, tail]));
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/deels\.csv.*regel 4003.*kolom Omschrijving/s),
    });
    expect(ledgerCount(file)).toBe(0);
  });
});

describe('an unclosed quote refuses the file', () => {
  function ledgerWithBrokenLine(before: number, after: number): string {
    const lines = [LEDGER_HEADER];
    for (let i = 0; i < before; i += 1) lines.push(`05-01-2027;OR02;4300;Goed ${i};${i + 1},00\r\n`);
    lines.push('05-01-2027;OR02;4300;"Kapotte regel;1,00\r\n');
    for (let i = 0; i < after; i += 1) lines.push(`05-01-2027;OR02;4301;Regel ${i};${i + 1},00\r\n`);
    return lines.join('');
  }

  it('names the line where the quote opens and how many lines it would swallow, in preview and import, and writes nothing', async () => {
    const { client, file, dir } = await workbook();
    const input = writeTemp(dir, 'quote.csv', ledgerWithBrokenLine(300, 50));
    const refusal = { code: 'file_unreadable', message: expect.stringMatching(/quote\.csv, regel 302, kolom Omschrijving: .*aanhalingsteken.*50 regels/s) };
    await expect(client.import.preview({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject(refusal);
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject(refusal);
    expect(ledgerCount(file)).toBe(0);
  });

  it('refuses a file of more than 8 MB once the quote has stayed open for 8 MB, without reading on to the end, and writes nothing', async () => {
    const { client, file, dir } = await workbook();
    const input = writeTemp(dir, 'groot.csv', ledgerWithBrokenLine(300, 250_000));
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/groot\.csv, regel 302, kolom Omschrijving: het aanhalingsteken \(\"\) vóór "Kapotte regel;1,00" wordt in de 8 MB daarna niet gesloten.*gestopt/s),
    });
    expect(ledgerCount(file)).toBe(0);
  });

  it('keeps the semicolon when the broken line is the first data line, so the message points at it', async () => {
    const { client, dir } = await workbook();
    const input = writeTemp(dir, 'vroeg.csv', ledgerWithBrokenLine(0, 50));
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/vroeg\.csv, regel 2, kolom Omschrijving: .*50 regels/s),
    });
  });

  it('refuses a closing quote followed by text that runs on into later lines', async () => {
    const { client, file, dir } = await workbook();
    const input = writeTemp(dir, 'halverwege.csv', `${LEDGER_HEADER}05-01-2027;OR01;4300;Goed;1,00\r\n05-01-2027;OR01;4300;"Dak"goot;2,00\r\n05-01-2027;OR01;4300;Nog een;3,00\r\n05-01-2027;OR01;4300;"Laatste";4,00\r\n`);
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({
      code: 'file_unreadable',
      message: expect.stringMatching(/halverwege\.csv, regel 3, kolom Omschrijving/),
    });
    expect(ledgerCount(file)).toBe(0);
  });

  it('still rejects only the row when a stray quote stays within its line', async () => {
    const { client, dir } = await workbook();
    const input = writeTemp(dir, 'binnen.csv', `${LEDGER_HEADER}05-01-2027;OR01;4300;"Dak"goot "x";2,00\r\n05-01-2027;OR01;4300;Goed;3,00\r\n`);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result).toMatchObject({ imported: 1, rejectedCount: 1 });
    expect(result.rejected[0]).toMatchObject({ line: 2, reason: expect.stringContaining('aanhalingsteken') });
  });
});

describe('amounts that read two ways when no value decides the decimal mark', () => {
  const ambiguous = `${LEDGER_HEADER}05-01-2027;OR01;4300;a;12,500\r\n05-01-2027;OR01;4300;b;250,000\r\n05-01-2027;OR01;4300;c;7,500\r\n05-01-2027;OR01;4300;d;-3,000\r\n`;

  it('refuses the file until the user chooses the mark, and the preview asks which reading is meant', async () => {
    const { client, file, dir } = await workbook();
    const input = writeTemp(dir, 'dubbelzinnig.csv', ambiguous);
    await expect(client.import.commit({ kind: 'ledger', source: { path: input } })).rejects.toMatchObject({
      code: 'import_rejected',
      message: expect.stringMatching(/dubbelzinnig\.csv: .*"12,500" \(regel 2, kolom Bedrag\).*is dit 12\.500 of 12,50\?.*Decimaalteken.*--decimal-mark/s),
    });
    expect(ledgerCount(file)).toBe(0);

    const preview = await client.import.preview({ kind: 'ledger', source: { path: input }, previewRows: 10 });
    expect(preview.decimalMarkQuestion).toMatch(/is dit 12\.500 of 12,50\?/);
    expect(preview).toMatchObject({ imported: 0, rejectedCount: 4 });
    expect(preview.rejected[3]).toMatchObject({ line: 5, column: 'Bedrag', reason: expect.stringContaining('is dit -3.000 of -3,00?') });
  });

  it('imports them as the user says: thousands with a point chosen, cents with a comma', async () => {
    const { client, dir } = await workbook();
    const input = writeTemp(dir, 'dubbelzinnig.csv', ambiguous);
    const thousands = await client.import.preview({ kind: 'ledger', source: { path: input }, dialect: { decimalMark: '.' } });
    expect(thousands).toMatchObject({ imported: 4, rejectedCount: 0, totalCents: (12_500 + 250_000 + 7_500 - 3_000) * 100 });
    expect(thousands.decimalMarkQuestion).toBeUndefined();
    const decimals = await client.import.commit({ kind: 'ledger', source: { path: input }, dialect: { decimalMark: ',' } });
    expect(decimals).toMatchObject({ imported: 4, totalCents: 1250 + 25_000 + 750 - 300 });
  });

  it('reads them with the mark the other values decide', async () => {
    const { client, dir } = await workbook();
    const input = writeTemp(dir, 'beslist.csv', `${LEDGER_HEADER}05-01-2027;OR01;4300;a;12,500\r\n05-01-2027;OR01;4300;b;3,50\r\n`);
    expect(await client.import.commit({ kind: 'ledger', source: { path: input } })).toMatchObject({ imported: 2, totalCents: 1250 + 350 });
  });

  it('rejects such a row beyond the head of an undecided file, and does not remember an assumed mark', async () => {
    const { client, file, dir } = await workbook();
    const whole = [LEDGER_HEADER];
    for (let i = 0; i < 300; i += 1) whole.push(`05-01-2027;OR01;4300;regel ${i};5\r\n`);
    whole.push('05-01-2027;OR01;4300;laat;12,500\r\n');
    const result = await client.import.commit({ kind: 'ledger', source: { path: writeTemp(dir, 'heel.csv', whole.join('')) } });
    expect(result).toMatchObject({ imported: 300, rejectedCount: 1 });
    expect(result.rejected[0]).toMatchObject({ line: 302, column: 'Bedrag', reason: expect.stringContaining('is dit 12.500 of 12,50?') });
    // Same header, so the same profile: the comma was only assumed for the first file, so this one is still asked about.
    await expect(client.import.commit({ kind: 'ledger', source: { path: writeTemp(dir, 'daarna.csv', ambiguous) } })).rejects.toMatchObject({ code: 'import_rejected' });
    expect(ledgerCount(file)).toBe(300);
  });
});

describe('the decimal mark remembered for a source', () => {
  it('decides a file whose amounts do not, and gives way to a file whose amounts show another mark', async () => {
    const { client, dir } = await workbook();
    const points = writeTemp(dir, 'punten.csv', `${LEDGER_HEADER}05-01-2027;OR01;4300;a;1234.56\r\n`);
    expect((await client.import.commit({ kind: 'ledger', source: { path: points } })).dialect.decimalMark).toBe('.');
    // 12.500 reads two ways, so this file does not decide: the remembered point does (12,50).
    const undecided = await client.import.commit({ kind: 'ledger', source: { path: writeTemp(dir, 'open.csv', `${LEDGER_HEADER}06-01-2027;OR01;4300;b;12.500\r\n`) } });
    expect(undecided).toMatchObject({ imported: 1, totalCents: 1250, dialect: { decimalMark: '.' } });
    // The same source now exports with a decimal comma: 20,5 can only be twenty and a half.
    const commas = await client.import.commit({ kind: 'ledger', source: { path: writeTemp(dir, 'komma.csv', `${LEDGER_HEADER}07-01-2027;OR01;4300;c;20,5\r\n`) } });
    expect(commas).toMatchObject({ imported: 1, rejectedCount: 0, totalCents: 2050, dialect: { decimalMark: ',' } });
  });
});

describe('numeric XLSX cells are numbers', () => {
  async function xlsx(dir: string, name: string, rows: unknown[][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mutaties');
    sheet.addRow(['Boekdatum', 'Kostenplaats', 'Grootboekrekening', 'Omschrijving', 'Bedrag']);
    for (const row of rows) sheet.addRow(row);
    const file = `${dir}/${name}`;
    await book.xlsx.writeFile(file);
    return file;
  }

  it('reads them to the cent whatever decimal mark a CSV of the same source left in the profile', async () => {
    const { client, dir } = await workbook();
    // A CSV with decimal points and the same header: the profile remembers ".".
    const csv = writeTemp(dir, 'en.csv', `${LEDGER_HEADER}05-01-2027;OR01;4300;a;1234.56\r\n06-01-2027;OR01;4300;b;-12.30\r\n`);
    expect((await client.import.commit({ kind: 'ledger', source: { path: csv } })).dialect.decimalMark).toBe('.');
    const input = await xlsx(dir, 'mutaties.xlsx', [
      [new Date(Date.UTC(2027, 1, 5)), 'OR01', '4300', 'c', 1234.5],
      [new Date(Date.UTC(2027, 1, 6)), 'OR01', '4300', 'd', 12.345],
      [new Date(Date.UTC(2027, 1, 7)), 'OR01', '4300', 'e', 800],
      [new Date(Date.UTC(2027, 1, 8)), 'OR01', '4300', 'f', { formula: 'E2/3', result: -411.5 }],
    ]);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result.rejected).toEqual([]);
    // 12.345 is rounded to cents as Excel shows it: 12,35.
    expect(result).toMatchObject({ imported: 4, totalCents: 123_450 + 1_235 + 80_000 - 41_150 });
  });

  it('still reads amounts typed as text in a sheet with the decimal mark their values decide', async () => {
    const { client, dir } = await workbook();
    const input = await xlsx(dir, 'tekst.xlsx', [
      [new Date(Date.UTC(2027, 1, 5)), 'OR01', '4300', 'c', '1.234,56'],
      [new Date(Date.UTC(2027, 1, 6)), 'OR01', '4300', 'd', 10.5],
    ]);
    expect(await client.import.commit({ kind: 'ledger', source: { path: input } })).toMatchObject({ imported: 2, totalCents: 123_456 + 1_050 });
  });
});

describe('total lines', () => {
  it('imports rows whose description starts with "Totaal" or "Saldo" when they have what a booking needs, and skips real total lines visibly', async () => {
    const { client, file, dir } = await workbook();
    const input = writeTemp(
      dir,
      'totaal.csv',
      [
        'Omschrijving;Boekdatum;Kostenplaats;Grootboekrekening;Bedrag',
        'Totaal onderhoud contract Q1;05-01-2027;OR01;4300;1.000,00',
        'Saldo verrekening gemeente;05-01-2027;OR01;4300;2.000,00',
        'Total cleaning;05-01-2027;OR01;4300;4,00',
        'Gewoon;05-01-2027;OR01;4300;3,00',
        'Totaal;;;;3.007,00',
        'Saldo januari;05-01-2027;;;3.007,00',
        '',
      ].join('\r\n'),
    );
    const preview = await client.import.preview({ kind: 'ledger', source: { path: input }, previewRows: 10 });
    expect(preview).toMatchObject({ imported: 4, totalRows: 4 });
    expect(preview.skipped).toEqual([
      { line: 6, reason: 'totaal- of voetregel overgeslagen' },
      { line: 7, reason: 'totaal- of voetregel overgeslagen' },
    ]);
    const result = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(result).toMatchObject({ imported: 4, rejectedCount: 0, totalCents: 100_000 + 200_000 + 400 + 300 });
    expect(result.skipped).toHaveLength(2);
    expect(ledgerDescriptions(file)).toContain('Totaal onderhoud contract Q1');
  });

  it('still skips a subtotal that fills every column except the one where "Totaal" stands', async () => {
    const { client, dir } = await workbook();
    // "Totaal" where the booking date goes: the line has no date, so it is a subtotal per cost centre and account.
    const input = writeTemp(dir, 'subtotaal.csv', `${LEDGER_HEADER}05-01-2027;OR01;4300;a;1,00\r\nTotaal;OR01;4300;;1,00\r\n`);
    expect(await client.import.commit({ kind: 'ledger', source: { path: input } })).toMatchObject({ imported: 1, rejectedCount: 0, skipped: [{ line: 3 }] });
  });
});
