import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { insertEmployees } from '../helpers/employees.ts';
import { readStored, sessionsClosedAfterEach, tempDir, writeTemp } from '../helpers/workbook.ts';

/**
 * Organisation-wide files imported into the "OR" department (cost centres OR01–OR03). For every kind,
 * rows of other departments are counted as "niet van deze afdeling" with their number and total and
 * never rejected, even when a value in them is wrong (it is not hers to fix); rows of hers that are
 * wrong are rejected; a cost centre that starts with her code but is not in her list (OR04) is counted
 * apart, and once she adds it the same file imports those rows.
 */
const { workbook } = sessionsClosedAfterEach();

function history(file: string): Array<Record<string, number>> {
  return readStored(file, (db) => (db.prepare('SELECT result_json FROM import_batch ORDER BY id').all() as Array<{ result_json: string }>).map((r) => JSON.parse(r.result_json)));
}

describe('organisation-wide files: other departments’ rows are "niet van deze afdeling", not "afgekeurd"', () => {
  it('ledger: counts and sums other departments’ bookings, also those with a wrong date or amount, and offers an unregistered cost centre', async () => {
    const { client, dir, file } = await workbook();
    const csv = [
      'Boekdatum;Kostenplaats;Kostenplaats omschrijving;Grootboekrekening;Omschrijving;Bedrag',
      '05-01-2027;OR01;Beheer;4300;Huur;1.000,00',
      '06-01-2027;BZ01;Burgerzaken;4300;Huur BZ;200,00',
      '31-02-2027;BZ02;Burgerzaken;4300;Datum fout, niet van OR;300,00',
      '07-01-2027;SD01;Sociaal Domein;4300;Bedrag fout, niet van OR;drie',
      '08-01-2027;OR04;Wijkbeheer;4300;Nieuw team;40,00',
      '09-01-2027;OR04;Wijkbeheer;4300;Nieuw team;(10,00)',
      '31-02-2027;OR02;Groen;4300;Datum fout, wel van OR;5,00',
    ].join('\r\n');
    const input = writeTemp(dir, 'grootboek-organisatie.csv', csv);
    const preview = await client.import.preview({ kind: 'ledger', source: { path: input }, previewRows: 10 });
    const expected = {
      imported: 1,
      totalCents: 100_000,
      outsideDepartment: 3,
      outsideDepartmentCents: 20_000 + 30_000,
      unregistered: 2,
      unregisteredCostCentres: [{ code: 'OR04', name: 'Wijkbeheer', rows: 2, totalCents: 3_000 }],
      rejectedCount: 1,
      rejected: [{ line: 8, column: 'Boekdatum', reason: 'Boekdatum: "31-02-2027" bestaat niet als datum' }],
    };
    expect(preview).toMatchObject(expected);
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'outside', 'outside', 'outside', 'unregistered', 'unregistered', 'rejected']);
    expect(await client.import.commit({ kind: 'ledger', source: { path: input } })).toMatchObject(expected);
    expect(history(file).at(-1)).toMatchObject({ imported: 1, outsideDepartment: 3, outsideDepartmentCents: 50_000, unregistered: 2, rejected: 1 });

    // She adds OR04 (the offer on the import page): the same file now imports those rows.
    await client.workbook.saveCostCentre({ code: 'OR04', name: 'Wijkbeheer', taakveld: null });
    const again = await client.import.commit({ kind: 'ledger', source: { path: input } });
    expect(again).toMatchObject({ imported: 2, duplicates: 1, outsideDepartment: 3, unregistered: 0, unregisteredCostCentres: [], totalCents: 3_000, rejectedCount: 1 });
  });

  it('budget: other departments’ lines are counted with their current budget, also when their amounts do not add up', async () => {
    const { client, dir } = await workbook();
    const csv = [
      'Kostenplaats;Grootboekrekening;Omschrijving;Primitieve begroting;Begrotingswijzigingen;Actuele begroting',
      'OR01;4300;Huur;10.000,00;0,00;10.000,00',
      'BZ01;4300;Huur;5.000,00;1.000,00;6.000,00',
      'BZ02;4300;Telt niet op;5.000,00;1.000,00;7.000,00',
      'OR04;4300;Nieuw team;2.000,00;0,00;2.000,00',
      'OR02;4300;Telt niet op;1.000,00;0,00;1.500,00',
    ].join('\r\n');
    const result = await client.import.commit({ kind: 'budget', source: { path: writeTemp(dir, 'begroting-organisatie.csv', csv) } });
    expect(result).toMatchObject({
      imported: 1,
      outsideDepartment: 2,
      outsideDepartmentCents: 600_000 + 700_000,
      unregisteredCostCentres: [{ code: 'OR04', rows: 1, totalCents: 200_000 }],
      rejectedCount: 1,
      rejected: [{ line: 6, column: 'Actuele begroting' }],
    });
  });

  it('staff: another department’s people are counted, also when they appear twice or have impossible hours', async () => {
    const { client, dir } = await workbook();
    const csv = [
      'Personeelsnummer;Achternaam;Voornaam;Uren per week;Datum in dienst;Kostenplaats',
      '1001;Jansen;Anna;36;01-01-2020;OR01',
      '2001;Bakker;Bob;36;01-01-2020;BZ01',
      '2001;Bakker;Bob;8;01-01-2023;SD01',
      '2002;Visser;Cor;99;01-01-2020;SD01',
      '1002;Smit;Dirk;24;01-03-2021;OR04',
      '1003;De Boer;Eva;0;01-01-2022;OR02',
      '1001;Jansen;Anna;36;01-01-2020;VH01',
    ].join('\r\n');
    const result = await client.import.commit({ kind: 'staff', source: { path: writeTemp(dir, 'personeel-organisatie.csv', csv) }, options: { referenceDate: '2027-01-01' } });
    expect(result).toMatchObject({
      imported: 1,
      outsideDepartment: 4,
      unregistered: 1,
      unregisteredCostCentres: [{ code: 'OR04', rows: 1, totalCents: 0 }],
      rejectedCount: 1,
      rejected: [{ line: 7, column: 'Uren per week', reason: 'uren per week moeten meer dan 0 zijn (0,00)' }],
    });
    // Anna's second appointment elsewhere does not move her out of the department.
    const employees = await client.staff.employees({});
    expect(employees.map((e) => [e.personnelNumber, e.endDate])).toEqual([['1001', null]]);
  });

  it('absence: cases of people who are not the department’s are counted; a refusal’s advice is true for its row', async () => {
    const { client, dir, session } = await workbook();
    const bare = writeTemp(dir, 'verzuim-leeg.csv', 'Personeelsnummer;Verzuimgeval;Ingangsdatum;Einddatum\n1001;V1;01-02-2027;05-02-2027\n');
    // No staff yet: nothing tells the rows apart, and importing the roster first is the advice that is true.
    expect((await client.import.preview({ kind: 'absence', source: { path: bare } })).rejected).toEqual([
      { line: 2, column: 'Personeelsnummer', reason: 'personeelsnummer 1001 is onbekend: dit werkboek heeft nog geen medewerkers (importeer eerst het personeelsbestand)' },
    ]);

    insertEmployees(session, [{ personnelNumber: '1001', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR01' }] }]);
    const csv = [
      'Personeelsnummer;Kostenplaats;Verzuimgeval;Ingangsdatum;Einddatum;Arbeidsongeschikt %',
      '1001;OR01;V1;01-02-2027;05-02-2027;100',
      '2001;BZ01;V2;01-02-2027;05-02-2027;100',
      '2002;SD01;V3;10-02-2027;05-02-2027;120',
      '1009;OR02;V4;01-03-2027;05-03-2027;100',
      '1010;OR04;V5;01-03-2027;05-03-2027;100',
      '1001;OR01;V6;10-03-2027;05-03-2027;100',
    ].join('\r\n');
    const result = await client.import.commit({ kind: 'absence', source: { path: writeTemp(dir, 'verzuim-organisatie.csv', csv) } });
    expect(result).toMatchObject({ imported: 1, outsideDepartment: 2, unregistered: 1, unregisteredCostCentres: [{ code: 'OR04', rows: 1 }], rejectedCount: 2 });
    expect(result.rejected).toEqual([
      {
        line: 5,
        column: 'Personeelsnummer',
        reason: 'personeelsnummer 1009 staat volgens het bestand op kostenplaats OR02 van deze afdeling, maar niet in het personeelsbestand van dit werkboek (importeer het actuele personeelsbestand)',
      },
      { line: 7, column: 'Einddatum', reason: 'einddatum 05-03-2027 ligt vóór de ingangsdatum 10-03-2027' },
    ]);

    // Without a cost centre column, someone who is not among her staff is another department's.
    const plain = writeTemp(dir, 'verzuim-zonder-kpl.csv', 'Personeelsnummer;Verzuimgeval;Ingangsdatum;Einddatum\n2001;V7;01-02-2027;05-02-2027\n1001;V8;01-04-2027;03-04-2027\n');
    expect(await client.import.commit({ kind: 'absence', source: { path: plain } })).toMatchObject({ imported: 1, outsideDepartment: 1, rejectedCount: 0 });

    // A case partly on her employee's number and partly on one she does not have (a typing error): never half hers.
    const mixed = writeTemp(dir, 'verzuim-gemengd.csv', 'Personeelsnummer;Verzuimgeval;Ingangsdatum;Einddatum;Arbeidsongeschikt %\n1001;V9;01-05-2027;05-05-2027;100\n1O01;V9;06-05-2027;10-05-2027;50\n');
    const split = await client.import.preview({ kind: 'absence', source: { path: mixed } });
    expect(split).toMatchObject({ imported: 0, outsideDepartment: 0, rejectedCount: 2 });
    expect(split.rejected).toEqual([
      { line: 2, column: 'Verzuimgeval', reason: 'hoort bij verzuimgeval V9, waarvan regel 3 is afgekeurd; het geval wordt niet half geïmporteerd' },
      { line: 3, column: 'Personeelsnummer', reason: 'verzuimgeval V9 staat op regel 2 op personeelsnummer 1001 van deze afdeling, hier op 1O01' },
    ]);
  });

  it('assignments: another department’s assignments are counted with their ceiling', async () => {
    const { client, dir } = await workbook();
    const csv = [
      'Opdracht;Soort;Opdrachtnemer;Kostenplaats;Grootboekrekening;Plafond;Begindatum;Einddatum',
      'OPD-1;ZZP;A. Bakker;OR01;4200;1.000,00;01-01-2027;30-06-2027',
      'OPD-1;Project;Team BZ;BZ01;4200;2.000,00;01-01-2027;30-06-2027',
      'OPD-2;Onbekend;Team SD;SD01;4200;3.000,00;30-06-2027;01-01-2027',
      'OPD-3;Project;Wijkteam;OR04;4700;4.000,00;01-01-2027;31-12-2027',
      'OPD-4;Project;Team;OR02;4700;5.000,00;31-12-2027;01-01-2027',
    ].join('\r\n');
    const result = await client.import.commit({ kind: 'assignments', source: { path: writeTemp(dir, 'opdrachten-organisatie.csv', csv) } });
    expect(result).toMatchObject({
      imported: 1,
      outsideDepartment: 2,
      outsideDepartmentCents: 500_000,
      unregisteredCostCentres: [{ code: 'OR04', rows: 1, totalCents: 400_000 }],
      rejectedCount: 1,
      rejected: [{ line: 6, column: 'Einddatum' }],
    });
  });

  it('bottlenecks: a department column decides, by code or name; other departments’ rows are not checked', async () => {
    const { client, dir } = await workbook();
    const csv = [
      'Afdeling;Titel;Categorie;Datum gesignaleerd',
      'OR;Te weinig handhavers;Formatie;14-01-2027',
      'Openbare Ruimte;Storing meldingensysteem;ICT;02-02-2027',
      'BZ - Burgerzaken;Wachttijden balie;Huisvesting;03-02-2027',
      'Sociaal Domein;Achterstand aanvragen;Werkdruk;31-02-2027',
      ';Eigen lijst zonder afdeling;Werkproces;04-02-2027',
      'OR;Datum fout;Werkproces;31-02-2027',
    ].join('\r\n');
    const result = await client.import.commit({ kind: 'bottlenecks', source: { path: writeTemp(dir, 'knelpunten-organisatie.csv', csv) } });
    expect(result).toMatchObject({ imported: 3, outsideDepartment: 2, rejectedCount: 1, rejected: [{ line: 7, column: 'Datum gesignaleerd' }] });
  });

  it('salary table: rows of another department’s table are counted; a central workbook takes every row', async () => {
    const { client, dir } = await workbook();
    const csv = ['Kostenplaats;Schaal;Trede;Bedrag per maand', 'OR01;8;0;3.100,00', 'BZ01;8;0;3.200,00', 'BZ01;19;0;-1,00', 'OR01;19;0;3.000,00'].join('\r\n');
    const input = writeTemp(dir, 'salaristabel-organisatie.csv', csv);
    expect(await client.import.commit({ kind: 'salary-table', source: { path: input } })).toMatchObject({
      imported: 1,
      outsideDepartment: 2,
      outsideDepartmentCents: 320_000 - 100,
      rejectedCount: 1,
      rejected: [{ line: 5, column: 'Schaal' }],
    });

    const centralDir = tempDir();
    const central = createLocalClient({ dataDir: path.join(centralDir, 'data') });
    try {
      await central.client.workbook.create({ path: path.join(centralDir, 'po.werkboek'), kind: 'central-hr', organisation: 'Gemeente Voorbeeld', fiscalYear: 2027, owner: 'P&O' });
      const all = await central.client.import.preview({ kind: 'salary-table', source: { path: input } });
      expect(all).toMatchObject({ imported: 1, outsideDepartment: 0, rejectedCount: 3 });
    } finally {
      central.session.close();
    }
  });
});
