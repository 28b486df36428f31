import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WerkboekClient } from '../../shared/api/index.ts';
import type { Session } from '../../electron/backend/session.ts';
import { insertEmployees, sampleRoster } from '../helpers/employees.ts';
import { departmentWorkbook, sample, writeTemp } from '../helpers/workbook.ts';

let client: WerkboekClient;
let session: Session;
let dir: string;

beforeEach(async () => {
  ({ client, session, dir } = await departmentWorkbook());
});
afterEach(() => session.close());

function caseRows() {
  const wb = session.workbook!;
  return wb.all(wb.db.selectFrom('absence_case').selectAll().orderBy('case_number'));
}

describe('the sample absence list (verzuim-2027.csv)', () => {
  beforeEach(() => {
    insertEmployees(session, sampleRoster());
  });

  it('imports every case whole, and rejects the four overlapping cases with line and column', async () => {
    const result = await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
    expect(result.imported).toBe(73);
    expect(result.extra).toEqual({ casesNew: 65, casesUpdated: 0, casesUnchanged: 0, casesRejected: 4 });
    expect(result.rejected).toEqual([
      { line: 18, column: 'Ingangsdatum', reason: '24-07-2027 t/m 21-09-2027 overlapt met verzuimgeval V2027-00015 (26-08-2027 t/m 08-09-2027) van dezelfde medewerker' },
      { line: 25, column: 'Ingangsdatum', reason: '03-05-2027 t/m 10-05-2027 overlapt met verzuimgeval V2027-00022 (04-05-2027 t/m 04-05-2027) van dezelfde medewerker' },
      { line: 44, column: 'Ingangsdatum', reason: '03-06-2027 t/m 03-06-2027 overlapt met verzuimgeval V2027-00036 (12-02-2027 t/m 30-08-2027) van dezelfde medewerker' },
      { line: 58, column: 'Ingangsdatum', reason: '10-11-2027 t/m 17-11-2027 overlapt met verzuimgeval V2027-00049 (07-11-2027 nog open) van dezelfde medewerker' },
    ]);
    expect(caseRows()).toHaveLength(65);

    // A partial recovery is the second row of the same case: one case with two percentages.
    const partial = (await client.absence.cases({})).find((c) => c.caseNumber === 'V2027-00002')!;
    expect(partial.episodes.map((e) => [e.from, e.to, e.percentage])).toEqual([
      ['2027-09-26', '2027-10-25', 100],
      ['2027-10-26', '2027-11-24', 50],
    ]);
    expect(partial).toMatchObject({ personnelNumber: '100007', employeeName: 'Ümit van der Meer', lastDay: '2027-11-24', recoveredOn: '2027-11-25', imported: true });
    const open = (await client.absence.cases({ status: 'open' })).map((c) => c.caseNumber).sort();
    expect(open).toEqual(['V2027-00008', 'V2027-00011', 'V2027-00049', 'V2027-00066']);
  });

  it('gives the department’s 2027 figures as computed by hand from the sample', async () => {
    await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
    const year = await client.absence.metrics({ period: '2027', today: '2028-01-15' });
    const or = year.department;
    // Thirteen OR01 employees, all employed all year: Σ hours 391 / 36 × 365 days.
    expect(or.employees).toBe(13);
    expect(or.availableDays).toBeCloseTo((391 / 36) * 365, 8);
    // Σ part-time × incapacity × days over their cases, e.g. 100007 (20,5 h): 30 days 100 % + 30 days 50 % + 2 days;
    // 100182 (18 h): 15 + 15 × 50 % + 200 days; 100399 (36 h): 14 + 30 + 74 days (open to 31 December).
    const sick =
      (20.5 / 36) * (30 + 15 + 2) + // 100007
      30 + // 100112
      (15 + 7.5) + // 100154
      (32 / 36) * 2 + // 100161
      (18 / 36) * (15 + 7.5 + 200) + // 100182 (V2027-00037 rejected)
      (32 / 36) * 14 + // 100252
      (20.5 / 36) * (14 + 15 + 7.5) + // 100287
      5 + // 100322
      (14 + 74 + 30); // 100399
    expect(or.sickDays).toBeCloseTo(sick, 8);
    expect(or.percentage).toBeCloseTo((sick / ((391 / 36) * 365)) * 100, 8);
    expect(or.percentage).toBeCloseTo(8.79, 2);
    expect(or.reports).toBe(14);
    expect(or.frequency).toBeCloseTo(14 / 13, 10);
    // Thirteen closed cases: 60 + 2 + 30 + 30 + 2 + 30 + 200 + 14 + 14 + 30 + 5 + 14 + 30 = 461 days.
    expect(or.closedCases).toBe(13);
    expect(or.averageDurationDays).toBeCloseTo(461 / 13, 10);
    // Nine of thirteen had a sick day.
    expect(or.zeroAbsencePercentage).toBeCloseTo((4 / 13) * 100, 10);
    expect([or.bands.short.cases, or.bands.medium.cases, or.bands.long.cases, or.bands.extraLong.cases]).toEqual([3, 8, 3, 0]);
    // Only V2027-00066 (100399, from 19 October) is still running on 31 December.
    expect(year.openCases).toBe(1);
    expect(year.costCentres.map((c) => c.code)).toEqual(['OR01', 'OR02', 'OR03']);
    expect(year.costCentres[0].figures.sickDays).toBeCloseTo(sick, 8);
    expect(year.costCentres[1].figures.employees).toBe(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
    const before = caseRows();
    const wb = session.workbook!;
    const auditBefore = wb.all(wb.db.selectFrom('audit_log').select('id').where('table_name', 'in', ['absence_case', 'absence_episode'])).length;
    const again = await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 73, rejectedCount: 4 });
    expect(again.extra).toEqual({ casesNew: 0, casesUpdated: 0, casesUnchanged: 65, casesRejected: 4 });
    expect(caseRows()).toEqual(before);
    // Only the import itself is logged.
    expect(wb.all(wb.db.selectFrom('audit_log').select('id').where('table_name', 'in', ['absence_case', 'absence_episode'])).length).toBe(auditBefore + 1);
  });

  it('updates a case when a later export closes it, with the old values in the audit log', async () => {
    await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
    const text = fs
      .readFileSync(sample('verzuim-2027.csv'), 'utf8')
      .replace('100399;V2027-00066;19-10-2027;;100', '100399;V2027-00066;19-10-2027;31-10-2027;100\r\n100399;V2027-00066;01-11-2027;15-11-2027;40');
    const later = writeTemp(dir, 'verzuim-2027-later.csv', text);
    const result = await client.import.commit({ kind: 'absence', source: { path: later } });
    expect(result).toMatchObject({ imported: 0, updated: 2, duplicates: 72 });
    const updated = (await client.absence.cases({})).find((c) => c.caseNumber === 'V2027-00066')!;
    expect(updated.episodes.map((e) => [e.from, e.to, e.percentage])).toEqual([
      ['2027-10-19', '2027-10-31', 100],
      ['2027-11-01', '2027-11-15', 40],
    ]);
    const wb = session.workbook!;
    const audit = wb.first(wb.db.selectFrom('audit_log').selectAll().where('action', '=', 'update').where('table_name', '=', 'absence_case'))!;
    expect(JSON.parse(audit.old_json!)).toEqual({ last_day: null, episodes: [{ from: '2027-10-19', percentage: 100 }] });
    expect(audit.note).toBe('Verzuimgeval V2027-00066 bijgewerkt uit verzuim-2027-later.csv');
  });

  it('with --strict refuses the whole file and writes nothing', async () => {
    await expect(client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') }, strict: true })).rejects.toThrow(/4 regel\(s\) afgekeurd.*regel 18, kolom Ingangsdatum/);
    expect(caseRows()).toHaveLength(0);
  });

  it('previews every row with what will happen to it, and writes nothing', async () => {
    const preview = await client.import.preview({ kind: 'absence', source: { path: sample('verzuim-2027.csv') }, previewRows: 100 });
    expect(preview.rows.map((r) => r.line)).toEqual(Array.from({ length: 77 }, (_, i) => i + 2));
    expect(preview.rows.find((r) => r.line === 18)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Ingangsdatum: 24-07-2027 t/m 21-09-2027 overlapt') });
    expect(preview.rows.find((r) => r.line === 3)).toMatchObject({ status: 'new', values: { personnelNumber: '100007', caseNumber: 'V2027-00002', startDate: '26-09-2027' } });
    expect(preview.mapping).toMatchObject({ personnelNumber: 'Personeelsnummer', caseNumber: 'Verzuimgeval', startDate: 'Ingangsdatum', endDate: 'Einddatum', percentage: 'Arbeidsongeschikt %' });
    expect(caseRows()).toHaveLength(0);
  });
});

describe('bad absence lists', () => {
  beforeEach(() => {
    insertEmployees(session, [
      { personnelNumber: '2001', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR01' }] },
      { personnelNumber: '2002', start: '2020-01-01', end: '2027-03-31', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR02' }] },
    ]);
  });

  const header = 'Personeelsnummer;Verzuimgeval;Ingangsdatum;Einddatum;Arbeidsongeschikt %';

  it('rejects each bad row with its line, column and reason, and never half a case', async () => {
    const file = writeTemp(
      dir,
      'verzuim-fout.csv',
      [
        header,
        '9999;V1;01-02-2027;05-02-2027;100', // 2: not one of the department's people: another department's
        '2001;V2;10-02-2027;05-02-2027;100', // 3: end before start
        '2001;V3;01-03-2027;10-03-2027;100', // 4: first part of a case …
        '2001;V3;11-03-2027;20-03-2027;0', // 5: … whose partial recovery is 0 %
        '2001;V4;01-04-2027;10-04-2027;120', // 6: above 100 %
        '2001;V5;01-05-2027;10-05-2027;100', // 7: first part …
        '2001;V5;08-05-2027;20-05-2027;50', // 8: … overlapping its own first part
        '2002;V6;01-05-2027;03-05-2027;100', // 9: after the employment ended
        '2001;V7;01-06-2027;05-06-2027;100', // 10: fine
      ].join('\r\n'),
    );
    const result = await client.import.commit({ kind: 'absence', source: { path: file } });
    expect(result.outsideDepartment).toBe(1);
    expect(result.rejected).toEqual([
      { line: 3, column: 'Einddatum', reason: 'einddatum 05-02-2027 ligt vóór de ingangsdatum 10-02-2027' },
      { line: 4, column: 'Verzuimgeval', reason: 'hoort bij verzuimgeval V3, waarvan regel 5 is afgekeurd; het geval wordt niet half geïmporteerd' },
      { line: 5, column: 'Arbeidsongeschikt %', reason: 'arbeidsongeschiktheid 0 % ligt niet tussen 1 en 100 % (een volledig herstel is een einddatum)' },
      { line: 6, column: 'Arbeidsongeschikt %', reason: 'arbeidsongeschiktheid 120 % ligt niet tussen 1 en 100 % (een volledig herstel is een einddatum)' },
      { line: 7, column: 'Verzuimgeval', reason: 'hoort bij verzuimgeval V5, dat op regel 8 is afgekeurd; het geval wordt niet half geïmporteerd' },
      { line: 8, column: 'Ingangsdatum', reason: 'ingangsdatum 08-05-2027 overlapt met regel 7 van hetzelfde verzuimgeval (t/m 10-05-2027)' },
      { line: 9, column: 'Ingangsdatum', reason: 'eerste ziektedag 01-05-2027 valt buiten het dienstverband van 2002 (in dienst van 01-01-2020 tot en met 31-03-2027)' },
    ]);
    expect(result.imported).toBe(1);
    expect(caseRows().map((c) => c.case_number)).toEqual(['V7']);
    const wb = session.workbook!;
    expect(wb.all(wb.db.selectFrom('absence_episode').select('id'))).toHaveLength(1);
  });

  it('joins the parts of a case in any order, rejects a gap inside a case and an open part before the last', async () => {
    const file = writeTemp(
      dir,
      'verzuim-volgorde.csv',
      [
        header,
        '2001;V1;11-01-2027;20-01-2027;50', // 2: the partial recovery listed first
        '2001;V1;01-01-2027;10-01-2027;100', // 3
        '2001;V2;01-02-2027;05-02-2027;100', // 4
        '2001;V2;08-02-2027;10-02-2027;50', // 5: two days' gap
        '2001;V3;01-03-2027;;100', // 6: open …
        '2001;V3;15-03-2027;20-03-2027;50', // 7: … and yet a later part
      ].join('\n'),
    );
    const result = await client.import.commit({ kind: 'absence', source: { path: file } });
    expect(result.rejected.map((r) => [r.line, r.column, r.reason.slice(0, 60)])).toEqual([
      [4, 'Verzuimgeval', 'hoort bij verzuimgeval V2, dat op regel 5 is afgekeurd; het '],
      [5, 'Ingangsdatum', 'ingangsdatum 08-02-2027 sluit niet aan op regel 4 (t/m 05-02'],
      [6, 'Verzuimgeval', 'hoort bij verzuimgeval V3, dat op regel 7 is afgekeurd; het '],
      [7, 'Ingangsdatum', 'verzuimgeval V3 loopt volgens regel 6 vanaf 01-03-2027 nog d'],
    ]);
    const [v1] = await client.absence.cases({});
    expect(v1.episodes.map((e) => [e.from, e.percentage])).toEqual([
      ['2027-01-01', 100],
      ['2027-01-11', 50],
    ]);
    expect(v1.lastDay).toBe('2027-01-20');
  });

  it('reads a file with a recovery date (first day fit) instead of a last sick day, and flags', async () => {
    const file = writeTemp(
      dir,
      'verzuim-hersteld.csv',
      ['Persnr;Verzuimnummer;Eerste ziektedag;Hersteldatum;Vangnetregeling;Soort verzuim', '2001;H1;01-02-2027;11-02-2027;ja;ziekte', '2001;H2;01-04-2027;;nee;zwangerschapsverlof'].join('\n'),
    );
    const result = await client.import.commit({ kind: 'absence', source: { path: file } });
    expect(result.rejectedCount).toBe(0);
    const cases = await client.absence.cases({});
    expect(cases.find((c) => c.caseNumber === 'H1')).toMatchObject({ lastDay: '2027-02-10', recoveredOn: '2027-02-11', safetyNet: true, kind: 'sickness', currentPercentage: 100 });
    expect(cases.find((c) => c.caseNumber === 'H2')).toMatchObject({ kind: 'pregnancy_leave', open: true });
  });

  it('refuses a case that overlaps one registered by hand', async () => {
    await client.absence.register({ employeeId: session.workbook!.first(session.workbook!.db.selectFrom('employee').select('id').where('personnel_number', '=', '2001'))!.id, firstDay: '2027-06-03' });
    const file = writeTemp(dir, 'verzuim-overlap.csv', [header, '2001;V9;01-06-2027;10-06-2027;100'].join('\n'));
    const result = await client.import.commit({ kind: 'absence', source: { path: file } });
    expect(result.rejected).toEqual([{ line: 2, column: 'Ingangsdatum', reason: '01-06-2027 t/m 10-06-2027 overlapt met verzuimgeval WB2027-00001 (03-06-2027 nog open) van dezelfde medewerker' }]);
  });
});
