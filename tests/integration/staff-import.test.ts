import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sample, writeTemp, sessionsClosedAfterEach, readStored } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

function countRows(file: string, table: string): number {
  return readStored(file, (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/** The sample roster, read with a plain CSV parse, independently of the importer. */
function sampleRoster(): Array<Record<string, string>> {
  const text = fs.readFileSync(sample('personeel-2027.csv'), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true, skipEmptyLines: true }).data;
}

const HEADER = 'Personeelsnummer;Achternaam;Tussenvoegsel;Voornaam;Functie;Salarisschaal;Trede;Uren per week;Datum in dienst;Datum uit dienst;Kostenplaats;Soort dienstverband';

/** The sample's header and rows with some rows replaced (by personnel number). */
function rosterWith(changes: Record<string, Partial<Record<string, string>>>): string {
  const rows = sampleRoster().map((row) => ({ ...row, ...(changes[row.Personeelsnummer] ?? {}) }));
  const columns = HEADER.split(';');
  return [HEADER, ...rows.map((row) => columns.map((c) => row[c] ?? '').join(';'))].join('\r\n');
}

describe('roster import of the sample (personeel-2027.csv)', () => {
  it('imports the department’s employees with their names, terms and dates, and counts the rest as outside', async () => {
    const { client } = await workbook();
    const ours = sampleRoster().filter((r) => r.Kostenplaats.startsWith('OR'));
    const result = await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
    expect(result).toMatchObject({ kind: 'staff', imported: ours.length, updated: 0, duplicates: 0, outsideDepartment: sampleRoster().length - ours.length, rejected: [], rejectedCount: 0 });
    expect(ours.length).toBe(13);
    expect(result.dialect).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerLine: 1, decimalMark: ',' });
    expect(result.extra).toEqual({ termsChanged: 0, transferredIn: 0, transferredOut: 0, notInFile: 0, positionCodesNotInFormation: 0 });

    const employees = await client.staff.employees({ date: '2027-03-01' });
    expect(employees.map((e) => e.personnelNumber).sort()).toEqual(ours.map((r) => r.Personeelsnummer).sort());
    const daan = employees.find((e) => e.personnelNumber === '100182')!;
    expect(daan).toMatchObject({ firstName: 'Daan', infix: 'van der', lastName: 'Meer', displayName: 'Daan van der Meer', sortName: 'Meer, Daan van der', startDate: '2015-05-01', endDate: null, status: 'employed', fte: 0.5 });
    expect(daan.terms).toMatchObject({ functionTitle: 'Handhaver (boa)', salaryScale: 7, salaryStep: 11, hoursPerWeek: 18, costCentre: 'OR01', contractType: 'Vast', validFrom: '2015-05-01', validTo: null });
    const jansen = employees.find((e) => e.personnelNumber === '100287')!;
    expect(jansen.terms?.hoursPerWeek).toBe(20.5);
    // Sorted on surname without tussenvoegsel: "Berg, Priya van den" before "Boer, Lotte de".
    const names = employees.map((e) => e.sortName);
    expect(names.indexOf('Berg, Priya van den')).toBeLessThan(names.indexOf('Boer, Lotte de'));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
  });

  it('changes nothing when the same file is imported again', async () => {
    const { client, file } = await workbook();
    await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
    const before = { employees: countRows(file, 'employee'), terms: countRows(file, 'employee_terms'), audit: countRows(file, 'audit_log') };
    const again = await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-05-01' } });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 13, outsideDepartment: 47, rejectedCount: 0 });
    expect({ employees: countRows(file, 'employee'), terms: countRows(file, 'employee_terms'), audit: countRows(file, 'audit_log') }).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('turns a changed row into a new terms row from the reference date, so the past stays as it was', async () => {
    const { client, dir } = await workbook();
    await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
    const changed = writeTemp(
      dir,
      'personeel-april.csv',
      rosterWith({
        // hours 20,5 → 28 and a step up
        '100287': { 'Uren per week': '28', Trede: '10' },
        // moves to another cost centre of the department
        '100294': { Kostenplaats: 'OR02' },
        // leaves on 31 May
        '100322': { 'Datum uit dienst': '31-05-2027' },
        // moves to another department: employment here ends the day before the reference date
        '100112': { Kostenplaats: 'BZ01' },
      }),
    );
    const result = await client.import.commit({ kind: 'staff', source: { path: changed }, options: { referenceDate: '01-04-2027' } });
    expect(result).toMatchObject({ imported: 0, updated: 4, duplicates: 9, outsideDepartment: 47, rejectedCount: 0 });
    expect(result.extra).toEqual({ termsChanged: 2, transferredIn: 0, transferredOut: 1, notInFile: 0, positionCodesNotInFormation: 0 });

    const jansen = (await client.staff.employees({ date: '2027-03-31' })).find((e) => e.personnelNumber === '100287')!;
    const detail = await client.staff.employee({ id: jansen.id });
    expect(detail.history.map((t) => [t.validFrom, t.validTo, t.hoursPerWeek, t.salaryStep])).toEqual([
      ['2012-09-01', '2027-03-31', 20.5, 9],
      ['2027-04-01', null, 28, 10],
    ]);
    expect(jansen.terms?.hoursPerWeek).toBe(20.5);

    const onApril = await client.staff.employees({ date: '2027-04-01' });
    expect(onApril.find((e) => e.personnelNumber === '100294')?.terms?.costCentre).toBe('OR02');
    expect(onApril.find((e) => e.personnelNumber === '100112')).toBeUndefined();
    const all = await client.staff.employees({ date: '2027-04-01', includeInactive: true });
    expect(all.find((e) => e.personnelNumber === '100112')).toMatchObject({ endDate: '2027-03-31', status: 'left' });
    expect(all.find((e) => e.personnelNumber === '100322')).toMatchObject({ endDate: '2027-05-31', status: 'employed' });

    // Importing the April file again changes nothing more.
    const again = await client.import.commit({ kind: 'staff', source: { path: changed }, options: { referenceDate: '2027-04-01' } });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 13 });
  });

  it('counts someone who moves in from another department from the reference date, keeping the organisation’s start date', async () => {
    const { client, dir } = await workbook();
    await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' } });
    // Sanne Boer (100105) moves from BZ01 to OR02; an employee of ours is missing from this file.
    const moved = writeTemp(dir, 'personeel-juli.csv', rosterWith({ '100105': { Kostenplaats: 'OR02' } }).replace(/\r\n100406;[^\r]*/, ''));
    const result = await client.import.commit({ kind: 'staff', source: { path: moved }, options: { referenceDate: '2027-07-01' } });
    expect(result).toMatchObject({ imported: 1, updated: 0, duplicates: 12 });
    expect(result.extra).toEqual({ termsChanged: 0, transferredIn: 1, transferredOut: 0, notInFile: 1, positionCodesNotInFormation: 0 });
    const sanne = (await client.staff.employees({ date: '2027-07-01' })).find((e) => e.personnelNumber === '100105')!;
    expect(sanne).toMatchObject({ startDate: '2027-07-01', organisationStartDate: '1995-08-01', terms: { costCentre: 'OR02', validFrom: '2027-07-01' } });
    // The first half year is as it was: 13 employees on 30 June, 14 on 1 July.
    expect((await client.staff.employees({ date: '2027-06-30' })).length).toBe(13);
    expect((await client.staff.employees({ date: '2027-07-01' })).length).toBe(14);
    expect(await client.import.commit({ kind: 'staff', source: { path: moved }, options: { referenceDate: '2027-08-01' } })).toMatchObject({ imported: 0, updated: 0, duplicates: 13 });
    // An end date before she came to this department is refused for that row only.
    const early = writeTemp(dir, 'personeel-fout.csv', rosterWith({ '100105': { Kostenplaats: 'OR02', 'Datum uit dienst': '31-05-2027' } }));
    const refused = await client.import.commit({ kind: 'staff', source: { path: early }, options: { referenceDate: '2027-08-01' } });
    expect(refused.rejected).toEqual([{ line: 17, column: 'Datum uit dienst', reason: 'datum uit dienst 31-05-2027 ligt vóór 01-07-2027, de dag waarop de medewerker op deze afdeling kwam' }]);
    expect((await client.staff.employees({ date: '2027-08-01' })).find((e) => e.personnelNumber === '100105')?.endDate).toBeNull();
  });

  it('does not take staff typed in by hand before the first import for transfers', async () => {
    const { client } = await workbook();
    await client.staff.createEmployee({ personnelNumber: '999', firstName: 'Test', infix: '', lastName: 'Persoon', startDate: '2027-01-01', terms: { functionTitle: '', salaryScale: null, salaryStep: null, hoursPerWeek: 36, costCentre: 'OR01', contractType: '', formationPositionId: null } });
    const result = await client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-03-01' } });
    expect(result.extra).toMatchObject({ transferredIn: 0, notInFile: 1, positionCodesNotInFormation: 0 });
    expect((await client.staff.employees({ date: '2027-03-01' })).find((e) => e.personnelNumber === '100182')).toMatchObject({ startDate: '2015-05-01', organisationStartDate: null });
  });

  it('corrects the last terms of someone who left before the reference date, instead of adding a change after they left', async () => {
    const { client, dir } = await workbook();
    const header = 'Personeelsnummer;Achternaam;Voornaam;Uren per week;Datum in dienst;Datum uit dienst;Kostenplaats';
    await client.import.commit({ kind: 'staff', source: { path: writeTemp(dir, 'a.csv', `${header}\n900002;Vos;Ria;36;01-01-2020;;OR01\n`) }, options: { referenceDate: '2027-01-01' } });
    const result = await client.import.commit({ kind: 'staff', source: { path: writeTemp(dir, 'b.csv', `${header}\n900002;Vos;Ria;32;01-01-2020;31-03-2027;OR01\n`) }, options: { referenceDate: '2027-06-01' } });
    expect(result).toMatchObject({ updated: 1, extra: { termsChanged: 1 } });
    const [ria] = await client.staff.employees({ date: '2027-06-01', includeInactive: true });
    const detail = await client.staff.employee({ id: ria.id, date: '2027-06-01' });
    expect(detail).toMatchObject({ endDate: '2027-03-31', status: 'left' });
    expect(detail.history.map((t) => [t.validFrom, t.hoursPerWeek])).toEqual([['2020-01-01', 32]]);
  });

  it('takes the change date from an "Ingangsdatum wijziging" column when the file has one', async () => {
    const { client, dir } = await workbook();
    const header = 'Personeelsnummer;Achternaam;Voornaam;Uren per week;Datum in dienst;Kostenplaats;Ingangsdatum wijziging';
    await client.import.commit({ kind: 'staff', source: { path: writeTemp(dir, 'a.csv', `${header}\r\n900001;Jansen;Piet;36;01-01-2020;OR01;\r\n`) } });
    const result = await client.import.commit({ kind: 'staff', source: { path: writeTemp(dir, 'b.csv', `${header}\r\n900001;Jansen;Piet;32;01-01-2020;OR01;15-02-2027\r\n`) } });
    expect(result.updated).toBe(1);
    const [piet] = await client.staff.employees({ date: '2027-02-15' });
    const detail = await client.staff.employee({ id: piet.id });
    expect(detail.history.map((t) => [t.validFrom, t.hoursPerWeek])).toEqual([
      ['2020-01-01', 36],
      ['2027-02-15', 32],
    ]);
  });

  it('rejects bad rows with their line, column and reason, imports the rest, and with strict writes nothing', async () => {
    const { client, dir, file } = await workbook();
    const text = [
      HEADER,
      '800001;Visser;;Anna;Jurist;10;3;36;01-01-2020;;OR01;Vast',
      '800002;Bakker;;Bram;Jurist;10;3;0;01-01-2020;;OR01;Vast',
      '800003;Bakker;;Chris;Jurist;10;3;41;01-01-2020;;OR01;Vast',
      '800004;Dijk;van;Dirk;Jurist;10;3;36;01-05-2027;30-04-2027;OR01;Vast',
      '800005;Smit;;Eva;Jurist;19;3;36;01-01-2020;;OR01;Vast',
      '800006;Smit;;Frank;Jurist;10;3;36;31-02-2027;;OR02;Vast',
      '800001;Visser;;Anna;Jurist;10;3;32;01-01-2020;;OR01;Vast',
      '800007;Mulder;;Gert;Jurist;10;3;veel;01-01-2020;;OR03;Vast',
      '800008;Jong;de;Hans;Jurist;10;3;99;01-01-2020;;BZ01;Vast',
    ].join('\r\n');
    const input = writeTemp(dir, 'fouten.csv', text);
    await expect(client.import.commit({ kind: 'staff', source: { path: input }, strict: true })).rejects.toMatchObject({ code: 'import_rejected', message: expect.stringContaining('regel 3, kolom Uren per week') });
    expect(countRows(file, 'employee')).toBe(0);
    expect(countRows(file, 'employee_terms')).toBe(0);

    const result = await client.import.commit({ kind: 'staff', source: { path: input } });
    expect(result).toMatchObject({ imported: 1, outsideDepartment: 1, rejectedCount: 7 });
    expect(result.rejected).toEqual([
      { line: 3, column: 'Uren per week', reason: 'uren per week moeten meer dan 0 zijn (0,00)' },
      { line: 4, column: 'Uren per week', reason: '41,00 uur per week is meer dan 40' },
      { line: 5, column: 'Datum uit dienst', reason: 'datum uit dienst 30-04-2027 ligt vóór datum in dienst 01-05-2027' },
      { line: 6, column: 'Salarisschaal', reason: 'onbekende salarisschaal "19" (gemeentelijke schalen lopen van 1 tot en met 18)' },
      { line: 7, column: 'Datum in dienst', reason: 'Datum in dienst: "31-02-2027" bestaat niet als datum' },
      { line: 8, column: 'Personeelsnummer', reason: 'personeelsnummer 800001 staat al op regel 2' },
      { line: 9, column: 'Uren per week', reason: 'Uren per week: "veel" is geen getal' },
    ]);
    expect(countRows(file, 'employee')).toBe(1);
  });

  it('reads a Windows-1252, tab-separated export with a title line', async () => {
    const { client, dir } = await workbook();
    const text = ['Personeelsoverzicht afdeling OR', 'Persnr\tAchternaam\tTussenvoegsel\tRoepnaam\tSchaal\tTrede\tUren\tIn dienst\tKpl', '700001\tMeer\tvan der\tÜmit\t8\t0\t20,5\t1-9-2013\tOR01', ''].join('\r\n');
    const bytes = Buffer.from(text, 'latin1');
    const result = await client.import.commit({ kind: 'staff', source: { path: writeTemp(dir, 'export.txt', bytes) } });
    expect(result.dialect).toMatchObject({ encoding: 'windows-1252', delimiter: '\t', headerLine: 2 });
    expect(result).toMatchObject({ imported: 1, rejectedCount: 0 });
    const [umit] = await client.staff.employees({ date: '2027-01-01' });
    expect(umit).toMatchObject({ displayName: 'Ümit van der Meer', startDate: '2013-09-01', fte: 0.5694 });
  });

  it('reads an XLSX export with real dates and numbers', async () => {
    const { client, dir } = await workbook();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Personeel');
    sheet.addRow(['Personeelsnummer', 'Achternaam', 'Voornaam', 'Salarisschaal', 'Trede', 'Uren per week', 'Datum in dienst', 'Kostenplaats']);
    sheet.addRow(['700002', 'Bos', 'Gijs', 10, 2, 32, new Date(Date.UTC(2021, 1, 1)), 'OR02']);
    const xlsx = path.join(dir, 'personeel.xlsx');
    await book.xlsx.writeFile(xlsx);
    const fromExcel = await client.import.commit({ kind: 'staff', source: { path: xlsx } });
    expect(fromExcel).toMatchObject({ imported: 1, rejectedCount: 0 });
    const gijs = (await client.staff.employees({ date: '2027-01-01' })).find((e) => e.personnelNumber === '700002');
    expect(gijs).toMatchObject({ startDate: '2021-02-01', terms: { salaryScale: 10, salaryStep: 2, hoursPerWeek: 32, costCentre: 'OR02' } });
  });

  it('refuses an unknown option or an impossible reference date before reading anything', async () => {
    const { client, file } = await workbook();
    await expect(client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { peildag: '2027-01-01' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Onbekende optie peildag'),
    });
    await expect(client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '31-04-2027' } })).rejects.toMatchObject({
      message: expect.stringContaining('Peildatum: "31-04-2027" bestaat niet als datum'),
    });
    expect(countRows(file, 'employee')).toBe(0);
  });
});

describe('salary table import', () => {
  const table = path.resolve(import.meta.dirname, '../fixtures/staff/salaristabel-2027.csv');

  it('imports scale × step amounts from the fiscal year on, and changes nothing on a second import', async () => {
    const { client } = await workbook();
    const rows = Papa.parse<string[]>(fs.readFileSync(table, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data.filter((r) => /^\d+$/.test(r[0]));
    const result = await client.import.commit({ kind: 'salary-table', source: { path: table } });
    expect(result).toMatchObject({ imported: rows.length, rejectedCount: 0, extra: { tables: 1 } });
    expect(result.dialect.headerLine).toBe(3);
    expect(await client.salary.tables({})).toEqual([{ validFrom: '2027-01-01', entries: rows.length, scales: 18 }]);
    const entries = await client.salary.entries({ validFrom: '2027-01-01' });
    const tenFour = rows.find((r) => r[0] === '10' && r[1] === '4')!;
    expect(entries.find((e) => e.scale === 10 && e.step === 4)?.monthlyCents).toBe(Math.round(Number(tenFour[2].replace(/\./g, '').replace(',', '.')) * 100));
    expect(await client.import.commit({ kind: 'salary-table', source: { path: table } })).toMatchObject({ imported: 0, updated: 0, duplicates: rows.length });
  });

  it('updates a changed amount, takes dates from the file, and rejects impossible rows', async () => {
    const { client, dir } = await workbook();
    const text = ['Schaal;Trede;Maandsalaris;Ingangsdatum', '8;0;3.100,00;01-01-2027', '8;1;3.200,00;01-07-2027', '19;0;9.000,00;01-01-2027', '8;0;3.150,00;01-01-2027', '8;2;-5,00;01-01-2027'].join('\n');
    const result = await client.import.commit({ kind: 'salary-table', source: { path: writeTemp(dir, 'tabel.csv', text) } });
    expect(result).toMatchObject({ imported: 2, extra: { tables: 2 } });
    expect(result.rejected).toEqual([
      { line: 4, column: 'Schaal', reason: 'schaal 19 bestaat niet (1 tot en met 18)' },
      { line: 5, column: 'Trede', reason: 'schaal 8 trede 0 (per 01-01-2027) staat al op regel 2' },
      { line: 6, column: 'Maandsalaris', reason: 'bedrag per maand moet meer dan nul zijn' },
    ]);
    const update = await client.import.commit({ kind: 'salary-table', source: { path: writeTemp(dir, 'tabel-2.csv', 'Schaal;Trede;Maandsalaris;Ingangsdatum\n8;0;3.120,00;01-01-2027\n') } });
    expect(update).toMatchObject({ updated: 1, imported: 0 });
    expect((await client.salary.entries({ validFrom: '2027-01-01' }))[0]).toMatchObject({ scale: 8, step: 0, monthlyCents: 312_000 });
  });
});
