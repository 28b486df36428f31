import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { sample, tempDir, writeTemp, sessionsClosedAfterEach, readStored } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

function count(file: string, table: string): number {
  return readStored(file, (db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
}

/**
 * The actuals of an assignment computed straight from the sample ledger with a plain CSV parse,
 * independently of the importer and the rule's code: its budget line, its counterparty, its period.
 */
function sampleActuals(costCentre: string, account: string, counterparty: string, start: string, end: string): number {
  const text = fs.readFileSync(sample('grootboekmutaties-2027.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true, skipEmptyLines: true }).data;
  let cents = 0;
  for (const row of rows) {
    const [d, m, y] = row.Boekdatum.split('-');
    const date = `${y}-${m}-${d}`;
    if (row.Kostenplaats !== costCentre || row.Grootboekrekening !== account || row.Relatie.trim().toLowerCase() !== counterparty.toLowerCase()) continue;
    if (date < start || date > end) continue;
    cents += Math.round(Number(row.Bedrag.replace(/\./g, '').replace(',', '.')) * 100);
  }
  return cents;
}

describe('import of an assignment list kept in Excel', () => {
  it('reads the sample list: kinds, counterparties, ceilings, periods, commissioners, results and statuses', async () => {
    const { client, file } = await workbook();
    const result = await client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
    expect(result).toMatchObject({ imported: 5, duplicates: 0, rejectedCount: 0, totalCents: 6_100_000 });
    const list = await client.assignments.list({ asOf: '2027-02-15' });
    expect(list.map((a) => [a.code, a.kind, a.contractor, a.counterparty, a.budgetLines, a.ceilingCents, a.startDate, a.endDate, a.status])).toEqual([
      ['OPD-2027-001', 'zzp', 'J. de Jong', "ZZP'er J. de Jong", [{ costCentre: 'OR01', account: '4200' }], 300_000, '2027-01-01', '2027-06-30', 'lopend'],
      ['OPD-2027-003', 'gemeenschappelijke_regeling', 'Gemeente Nabijstad', 'Gemeente Nabijstad', [{ costCentre: 'OR02', account: '4200' }], 1_000_000, '2027-01-01', '2027-12-31', 'lopend'],
      ['OPD-2027-005', 'detachering', 'Gemeente Nabijstad', 'Gemeente Nabijstad', [{ costCentre: 'OR01', account: '4200' }], 800_000, '2027-01-01', '2027-03-31', 'afgerond'],
      ['OPD-2027-002', 'inhuurbureau', 'Randstad Inhouse', 'Randstad Inhouse', [{ costCentre: 'OR02', account: '4200' }], 1_500_000, '2027-02-01', '2027-12-31', 'lopend'],
      ['OPD-2027-004', 'project', 'Projectteam Herinrichting Marktplein', '', [{ costCentre: 'OR03', account: '4700' }], 2_500_000, '2027-03-01', '2027-10-31', 'in_voorbereiding'],
    ]);
    const project = await client.assignments.get({ id: list[4].id });
    // The quoted field with doubled quotes and a semicolon inside it; without a title column the result is the title.
    expect(project.agreedResult).toBe('Ontwerp "Marktplein" vastgesteld door het college; start uitvoering');
    expect(project.title).toBe(project.agreedResult);
    expect(project.officialCommissioner).toBe('Programmamanager Centrum');
    expect(project.log.map((l) => l.text)).toEqual(['Geïmporteerd uit opdrachten-2027.csv, regel 5.']);
    expect(count(file, 'assignment')).toBe(5);

    // A second import of the same list adds nothing.
    const again = await client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
    expect(again).toMatchObject({ imported: 0, duplicates: 5, rejectedCount: 0 });
    expect(count(file, 'assignment')).toBe(5);
  });

  it('finds each assignment’s actuals in the sample ledger', async () => {
    const { client } = await workbook();
    await client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
    await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    const byCode = Object.fromEntries((await client.assignments.list({})).map((a) => [a.code, a]));
    const expected = {
      'OPD-2027-001': sampleActuals('OR01', '4200', "ZZP'er J. de Jong", '2027-01-01', '2027-06-30'),
      'OPD-2027-002': sampleActuals('OR02', '4200', 'Randstad Inhouse', '2027-02-01', '2027-12-31'),
      'OPD-2027-003': sampleActuals('OR02', '4200', 'Gemeente Nabijstad', '2027-01-01', '2027-12-31'),
      'OPD-2027-004': 0,
      'OPD-2027-005': sampleActuals('OR01', '4200', 'Gemeente Nabijstad', '2027-01-01', '2027-03-31'),
    };
    expect(Object.fromEntries(Object.entries(byCode).map(([code, a]) => [code, a.actualsCents]))).toEqual(expected);
    // The sample has bookings for these assignments: the test is not comparing zeros.
    expect(Object.values(expected).filter((c) => c > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('rejects bad rows with line, column and reason, and writes nothing for them', async () => {
    const { client, dir, file } = await workbook();
    const csv = [
      'Opdracht;Soort;Opdrachtnemer;Relatie;Kostenplaats;Grootboekrekening;Plafond;Begindatum;Einddatum;Ambtelijk opdrachtgever;Beoogd resultaat;Status;Uurtarief',
      'OPD-1;ZZP;A. Bakker;A. Bakker;OR01;4200;1.000,00;01-01-2027;30-06-2027;Teamleider;Advies;Lopend;',
      'OPD-2;Subsidie;Stichting X;;OR01;4200;1.000,00;01-01-2027;30-06-2027;;;Lopend;',
      'OPD-3;Project;Team;;OR01;4200;1.000,00;01-01-2027;30-06-2027;;;Geparkeerd;',
      'OPD-4;Project;Team;;SD01;4200;1.000,00;01-01-2027;30-06-2027;;;Lopend;',
      'OPD-5;Project;Team;;OR01;4200;1.000,00;30-06-2027;01-01-2027;;;Lopend;',
      'OPD-6;Project;Team;;OR01;4200;drieduizend;01-01-2027;30-06-2027;;;Lopend;',
      'OPD-1;Project;Team;;OR01;4200;1.000,00;01-01-2027;30-06-2027;;;Lopend;',
      'OPD-7;Project;Team;;OR01;4200;1.000,00;01-01-2027;30-06-2027;;;Lopend;95,00',
      'OPD-8;Inhuurbureau;Randstad;Randstad;OR02;4200;(1.000,00);01-01-2027;30-06-2027;;;Lopend;',
    ].join('\r\n');
    const input = writeTemp(dir, 'opdrachten-fout.csv', csv);

    // With --strict nothing at all is written.
    await expect(client.import.commit({ kind: 'assignments', source: { path: input }, strict: true })).rejects.toMatchObject({ code: 'import_rejected' });
    expect(count(file, 'assignment')).toBe(0);

    const result = await client.import.commit({ kind: 'assignments', source: { path: input } });
    expect(result.imported).toBe(1);
    // OPD-4 is on another department's cost centre: not hers, so counted, not rejected.
    expect(result).toMatchObject({ outsideDepartment: 1, outsideDepartmentCents: 100_000 });
    expect(result.rejected).toEqual([
      { line: 3, column: 'Soort', reason: expect.stringMatching(/^onbekende soort "Subsidie"; mogelijk: ZZP, Inhuurbureau, Detachering, /) },
      { line: 4, column: 'Status', reason: 'onbekende status "Geparkeerd"; mogelijk: In voorbereiding, Lopend, Afgerond, Vervallen' },
      { line: 6, column: 'Einddatum', reason: 'einddatum 01-01-2027 ligt vóór de begindatum 30-06-2027' },
      { line: 7, column: 'Plafond', reason: 'Plafond: "drieduizend" is geen bedrag' },
      { line: 8, column: 'Opdracht', reason: 'opdracht OPD-1 staat al op regel 2' },
      { line: 9, column: 'Uurtarief', reason: 'een uurtarief hoort alleen bij ZZP, inhuurbureau of detachering, niet bij project' },
      { line: 10, column: 'Plafond', reason: 'plafond kan niet negatief zijn' },
    ]);
    expect((await client.assignments.list({})).map((a) => a.code)).toEqual(['OPD-1']);
    expect(count(file, 'assignment_budget_line')).toBe(1);
    expect(count(file, 'assignment_log')).toBe(1);
  });

  it('reads the same dialects as the ledger import: Windows-1252, a title line, a € sign, tabs', async () => {
    const { client, dir } = await workbook();
    const text = ['Opdrachtenlijst Openbare Ruimte 2027', '', 'Opdracht\tSoort\tOpdrachtnemer\tKpl\tGrootboek\tPlafond\tStartdatum\tEinddatum', 'OPD-9\tAdviesbureau\tBureau Één\tOR03\t4700\t€ 12.345,67\t1-3-2027\t31/12/2027'].join('\r\n');
    const input = writeTemp(dir, 'opdrachten-1252.txt', encode1252(text));
    const result = await client.import.commit({ kind: 'assignments', source: { path: input } });
    expect(result).toMatchObject({ imported: 1, rejectedCount: 0, totalCents: 1_234_567 });
    expect(result.dialect).toMatchObject({ encoding: 'windows-1252', delimiter: '\t', headerLine: 3 });
    const [a] = await client.assignments.list({});
    expect(a).toMatchObject({ code: 'OPD-9', kind: 'adviesbureau', contractor: 'Bureau Één', startDate: '2027-03-01', endDate: '2027-12-31', status: 'lopend', title: 'Adviesbureau OPD-9' });
  });
});

/** Windows-1252 bytes of a text with only Latin-1 letters and the euro sign. */
function encode1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
}

describe('werkboek import --kind assignments and werkboek report', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');

  it('imports the list with the same JSON shape as the other imports, and reports the assignments keys', () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    const ledger = werkboek(['import', file, '--kind', 'ledger', sample('grootboekmutaties-2027.csv'), '--json'], env);
    const result = werkboek(['import', file, '--kind', 'assignments', sample('opdrachten-2027.csv'), '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = result.json<Record<string, unknown>>();
    expect(Object.keys(json).sort()).toEqual(Object.keys(ledger.json()).sort());
    expect(json).toMatchObject({ kind: 'assignments', file: 'opdrachten-2027.csv', imported: 5, duplicates: 0, rejected: [], rejectedCount: 0, totalCents: 6_100_000 });

    const report = werkboek(['report', file, '--json', '--period', '2027-Q1'], env);
    expect(report.status).toBe(0);
    const assignments = report.json<{ assignments: { open: number; overCeiling: number; decisionsOverdue: number; items: Array<Record<string, unknown>> } }>().assignments;
    // All five run in the first quarter; four are in preparation or running; the detachering ended on 31 March.
    expect(assignments.open).toBe(4);
    expect(assignments.decisionsOverdue).toBe(0);
    expect(assignments.overCeiling).toBe(assignments.items.filter((i) => (i.actualsCents as number) + (i.commitmentsCents as number) > (i.ceilingCents as number)).length);
    expect(assignments.items.map((i) => [i.code, i.status, i.ceilingCents])).toEqual([
      ['OPD-2027-001', 'lopend', 300_000],
      ['OPD-2027-003', 'lopend', 1_000_000],
      ['OPD-2027-005', 'afgerond', 800_000],
      ['OPD-2027-002', 'lopend', 1_500_000],
      ['OPD-2027-004', 'in_voorbereiding', 2_500_000],
    ]);
    const zzp = assignments.items[0];
    expect(zzp.actualsCents).toBe(sampleActuals('OR01', '4200', "ZZP'er J. de Jong", '2027-01-01', '2027-03-31'));
    // No names in the report's items.
    expect(JSON.stringify(assignments)).not.toContain('de Jong');

    const human = werkboek(['report', file, '--period', '2027-Q1'], env);
    expect(human.stdout).toMatch(/Opdrachten: 4 lopend of in voorbereiding, \d+ over het plafond, 0 beslismoment\(en\) verlopen/);
  });

  it('refuses an assignment list for a central workbook', () => {
    const central = path.join(dir, 'control.werkboek');
    expect(werkboek(['central', 'create', central, '--kind', 'finance', '--org', 'Gemeente Voorbeeld', '--year', '2027'], env).status).toBe(0);
    const result = werkboek(['import', central, '--kind', 'assignments', sample('opdrachten-2027.csv'), '--json'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('afdelingswerkboek');
  });
});
