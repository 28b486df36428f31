import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/format/nl.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { peopleWorkbook } from '../helpers/people-workbook.ts';
import { smallWorkbook } from '../helpers/small-workbook.ts';
import { insertEmployees } from '../helpers/employees.ts';
import { departmentWorkbook } from '../helpers/workbook.ts';

const today = formatDate(new Date().toISOString().slice(0, 10));

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The row whose first cell is `first`, as plain values from column 1. */
function rowStartingWith(sheet: ExcelJS.Worksheet, first: string, second?: string): ExcelJS.CellValue[] {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === first && (second === undefined || row.getCell(2).value === second)) found = row;
  });
  if (!found) throw new Error(`no row starting with ${first} on ${sheet.name}`);
  return Array.from({ length: found.cellCount }, (_, i) => found!.getCell(i + 1).value);
}

describe('quarterly management report', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  async function prepared() {
    const wb = await smallWorkbook();
    close = () => wb.session.close();
    const { client } = wb;
    // A threshold of € 5.000 and 10 % (rule "both"), so the explained OR02/4400 (5.000 V) is listed too.
    await client.workbook.updateSettings({ varianceThresholdCents: 500_000 });
    // Q1: one case escalated in the quarter and resolved after it; one confidential; one closed before Q1.
    const escalated = await client.bottlenecks.create({ title: 'Vacature handhaver', category: 'formatie', signalledOn: '2027-01-14', impact: 'hoog', urgency: 'hoog', owner: 'Pieter Jansen' });
    await client.bottlenecks.changeStatus({ id: escalated.id, status: 'geescaleerd', escalatedTo: 'directeur', reason: 'Inhuur nodig', date: '2027-02-10' });
    await client.bottlenecks.changeStatus({ id: escalated.id, status: 'opgelost', decision: 'Detachering vanaf mei', reason: 'MT-besluit', date: '2027-04-20' });
    await client.bottlenecks.create({ title: 'Re-integratie medewerker', category: 'verzuim', signalledOn: '2027-03-01', confidentiality: 'vertrouwelijk', decision: 'Afspraken met bedrijfsarts' });
    const old = await client.bottlenecks.create({ title: 'Oude kwestie', category: 'ict', signalledOn: '2026-10-01' });
    await client.bottlenecks.changeStatus({ id: old.id, status: 'vervallen', reason: 'Opgelost door nieuw systeem', date: '2026-12-01' });
    await client.bottlenecks.create({ title: 'Later gesignaleerd', category: 'ict', signalledOn: '2027-05-01' });
    return wb;
  }

  it('renders a PDF with the header and footer on every page and the quarter’s budget and bottlenecks', async () => {
    const { client } = await prepared();
    const rendered = await client.managementReport.render({ quarter: '2027-q1', format: 'pdf' });
    expect(rendered.fileName).toBe('managementrapportage-or-2027-q1.pdf');
    expect(rendered.mime).toBe('application/pdf');
    const pages = await pdfPages(Buffer.from(rendered.contentBase64, 'base64'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((text, i) => {
      expect(text).toContain('Gemeente Voorbeeld · OR Openbare Ruimte');
      expect(text).toContain('Managementrapportage 1e kwartaal 2027');
      // The period in words, never its code.
      expect(text).not.toContain('2027-Q1');
      expect(text).toContain(`Gegenereerd op ${today} · periode 01-01-2027 t/m 31-03-2027`);
      expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
    const all = pages.join('\n');
    // Actuals until 31-03: 2.000 + 65.000 = 67.000 of 80.000.
    expect(all).toContain('Begroting 2027, realisatie tot en met 31-03-2027');
    expect(all).toMatch(/Realisatie\n€ 67\.000/);
    expect(all).toMatch(/Actuele begroting\n€ 80\.000/);
    // Variances above the threshold with their explanation, or the lack of one. Actuals run to March, so each
    // forecast adds 9/12 of the budget: OR01/4200 65.000 + 37.500 = 102.500 against 50.000.
    expect(all).toContain('Afwijkingen boven de rapportagegrens (€ 5.000 en 10 %)');
    expect(all).toContain('Licenties worden pas in het najaar gefactureerd.');
    expect(all).toContain('Toelichting ontbreekt');
    expect(all).toContain('€ -52.500');
    expect(all).toContain('lineair');
    expect(all.replace(/\s+/g, ' ')).toContain('Realisatie tot en met maart 2027: de prognose is realisatie plus open verplichtingen plus de actuele begroting naar rato voor april tot en met december (9/12)');
    // The chart's legend and axis are real text in the vector drawing.
    expect(all).toContain('Realisatie (cumulatief)');
    expect(all).toContain('Begroting lineair');
    // Bottlenecks: status at the quarter's end from the history; the confidential one without title or decision.
    expect(all).toContain('KNP-2027-0001');
    expect(all).toContain('Vacature handhaver');
    expect(all).toMatch(/Vacature handhaver[\s\S]*Geëscaleerd\nDirecteur/);
    expect(all).toContain('KNP-2027-0002');
    expect(all).toContain('(vertrouwelijk)');
    expect(all).not.toContain('Re-integratie');
    expect(all).not.toContain('bedrijfsarts');
    expect(all).not.toContain('Detachering vanaf mei');
    expect(all).not.toContain('Oude kwestie');
    expect(all).not.toContain('Later gesignaleerd');
    // No personal names unless the head chooses so.
    expect(all).not.toContain('Pieter Jansen');
    expect(all).toContain('Zonder namen en personeelsnummers');

    const withNames = await pdfPages(Buffer.from((await client.managementReport.render({ quarter: '2027-Q1', format: 'pdf', includeNames: true })).contentBase64, 'base64'));
    expect(withNames.join('\n')).toContain('Pieter Jansen');
  });

  it('shows a later status in a later quarter', async () => {
    const { client } = await prepared();
    const pages = await pdfPages(Buffer.from((await client.managementReport.render({ quarter: '2027-Q2', format: 'pdf' })).contentBase64, 'base64'));
    const all = pages.join('\n');
    expect(all).toMatch(/Vacature handhaver[\s\S]*Opgelost/);
    expect(all).toContain('Detachering vanaf mei');
    expect(all).toContain('Later gesignaleerd');
  });

  it('writes the same content as XLSX: one sheet per section with Dutch number formats', async () => {
    const { client, dir } = await prepared();
    const pdfPath = path.join(dir, 'q1.pdf');
    const xlsxPath = path.join(dir, 'q1.xlsx');
    const written = await client.managementReport.write({ quarter: '2027-Q1', pdfPath, xlsxPath });
    expect(written.written).toEqual([pdfPath, xlsxPath]);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    const workbook = await readXlsx(fs.readFileSync(xlsxPath));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Begroting', 'Knelpunten']);
    for (const sheet of workbook.worksheets) {
      expect(rowStartingWith(sheet, 'Organisatie')[1]).toBe('Gemeente Voorbeeld');
      expect(rowStartingWith(sheet, 'Afdeling')[1]).toBe('OR Openbare Ruimte');
      expect(rowStartingWith(sheet, 'Periode')[1]).toBe('1e kwartaal 2027 (01-01-2027 t/m 31-03-2027)');
      expect(sheet.headerFooter.oddFooter).toContain('Pagina &P van &N');
    }
    const budget = workbook.getWorksheet('Begroting')!;
    const total = rowStartingWith(budget, 'Totaal');
    // Actuele begroting, realisatie, verplichtingen, prognose, afwijking in euros; V/N; uitputting as a fraction.
    // Forecast 9.500 + 102.500 + 15.000 + 0 (OR03/4300 has no budget and nothing booked in Q1).
    expect(total.slice(2, 9)).toEqual([80_000, 67_000, 0, 127_000, -47_000, 'N', 0.8375]);
    const or01 = rowStartingWith(budget, 'OR01');
    expect(or01[2]).toBe(60_000);
    let totalRow = 0;
    budget.eachRow((row, n) => {
      if (row.getCell(1).value === 'Totaal') totalRow = n;
    });
    expect(budget.getCell(totalRow, 3).numFmt).toBe('"€" #,##0.00;"€" -#,##0.00');
    expect(budget.getCell(totalRow, 9).numFmt).toBe('0.0%');
    const explained = rowStartingWith(budget, 'OR02', '4400');
    expect(explained).toContain('Licenties worden pas in het najaar gefactureerd.');
    // The chart as data: cumulative actuals per month until the quarter's end.
    expect(rowStartingWith(budget, 'mrt').slice(0, 3)).toEqual(['mrt', 67_000, 20_000]);
    expect(rowStartingWith(budget, 'apr')[1]).toBeNull();

    const bottlenecks = workbook.getWorksheet('Knelpunten')!;
    const escalated = rowStartingWith(bottlenecks, 'KNP-2027-0001');
    expect(escalated.slice(0, 7)).toEqual(['KNP-2027-0001', 'Vacature handhaver', 'Formatie', 'Hoog / Hoog', new Date('2027-01-14T00:00:00Z'), 'Geëscaleerd', 'Directeur']);
    expect(rowStartingWith(bottlenecks, 'KNP-2027-0002')[1]).toBe('(vertrouwelijk)');
    expect(rowStartingWith(bottlenecks, 'Nieuw gesignaleerd')[1]).toBe(2);
    expect(rowStartingWith(bottlenecks, 'Geëscaleerd')[1]).toBe(1);
  });

  it('refuses a period that is not a quarter and a folder that does not exist', async () => {
    const { client, dir } = await prepared();
    await expect(client.managementReport.render({ quarter: '2027-05', format: 'pdf' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.managementReport.write({ quarter: '2027-Q1', pdfPath: path.join(dir, 'nope', 'r.pdf') })).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('bestaat niet') });
  });
});

describe('quarterly management report: formation, absence and Poortwachter', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  /**
   * The hand-made staff workbook (tests/helpers/people-workbook.ts) with three Poortwachter steps:
   * Anna's sick report done in time within Q2, Cor's problem analysis done only after Q2, and a note
   * that must never reach the report.
   */
  async function prepared() {
    const wb = await peopleWorkbook();
    close = () => wb.session.close();
    const { client, cases } = wb;
    await client.absence.setStep({ today: '2027-07-10', caseId: cases.anna.id, step: 'sickReport', doneOn: '2027-05-06', note: 'Notitie die nooit in het rapport hoort' });
    await client.absence.setStep({ today: '2027-07-10', caseId: cases.cor.id, step: 'problemAnalysis', doneOn: '2027-07-05', note: null });
    return wb;
  }

  const NAMES = ['Anna', 'Jansen', 'Bram', 'Vries', 'Cor Bakker', 'Bakker', 'Dirk', 'Smit'];

  it('puts formation, the quarter’s absence with its trend and the Poortwachter status in the PDF; the four people’s figures only in the report with names', async () => {
    const { client } = await prepared();
    // The report for the director, P&O and control: a department of four people is fewer than five.
    const anonymous = (await pdfPages(Buffer.from((await client.managementReport.render({ quarter: '2027-Q2', format: 'pdf' })).contentBase64, 'base64'))).join('\n');
    expect(anonymous).toMatch(/Verzuimpercentage\n< 5\nZelfde kwartaal 2026\n< 5\n2027 t\/m 30-06-2027\n< 5/);
    expect(anonymous).toMatch(/OR01\nBeheer\nx\nx\nx\nx\nx\nx/);
    expect(anonymous).toContain('Het verzuimpercentage per maand is weggelaten');
    expect(anonymous).not.toContain('Verzuimpercentage per maand: 2027');
    expect(anonymous).toMatch(/Lopende verzuimtrajecten\n< 5\nStappen te laat\n< 5/);
    expect(anonymous).toContain('De stappen per verzuimgeval zijn weggelaten');
    expect(anonymous).not.toContain('V-COR');
    expect(anonymous).not.toMatch(/\b100[1-4]\b/);
    expect(anonymous).toMatch(/Formatie en bezetting op 30-06-2027/);
    for (const name of NAMES) expect(anonymous).not.toContain(name);

    // The head's own report with names: every figure, unsuppressed.
    const pages = await pdfPages(Buffer.from((await client.managementReport.render({ quarter: '2027-Q2', format: 'pdf', includeNames: true })).contentBase64, 'base64'));
    pages.forEach((text, i) => {
      expect(text).toContain('Gemeente Voorbeeld · OR Openbare Ruimte');
      expect(text).toContain('Managementrapportage 2e kwartaal 2027');
      expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
    const all = pages.join('\n');

    // Formation on 30 June: OR01 1,5 of 2 fte, OR02 1,5 of 1 fte; department 3 of 3 with 0,5 vacant and 0,5 over.
    expect(all).toContain('Formatie en bezetting op 30-06-2027');
    expect(all).toMatch(/Vacatureruimte \(fte\)\n0,50\nBoventallig \(fte\)\n0,50\nBezettingsgraad\n100,0 %/);
    expect(all).toMatch(/OR02\nGroen\n1,00\n1,50\n0,00\n0,50\n150,0 %\n2/);
    expect(all).toMatch(/BEH-1\nMedewerker beheer\nOR01\n7\n2,00\n1,50\n0,50\n0,00\nDeels vacant/);

    // Absence in Q2 2027 (91 days): sick Anna 10 + Cor 30 of 91 + 45,5 + 91 + 45,5 = 273 → 14,7 %;
    // Q2 2026: Bram 2,5 of 227,5 → 1,1 %; 1 January – 30 June 2027: 40 of 513,5 → 7,8 %.
    expect(all).toContain('Verzuim in het 2e kwartaal 2027');
    expect(all).toMatch(/Verzuimpercentage\n14,7 %\nZelfde kwartaal 2026\n1,1 %\n2027 t\/m 30-06-2027\n7,8 %/);
    // 2 reports on an average of 4 people × 12 / 3; Anna's 10 days; 2 of 4 without absence; Cor still sick.
    expect(all).toMatch(/Meldingsfrequentie \(per jaar\)\n2,0\nZiekmeldingen\n2\nGem\. verzuimduur \(dagen\)\n10,0\nNulverzuim\n50,0 %\nLopend op 30-06-2027\n1/);
    expect(all).toMatch(/Middellang\n8–42 dagen\n2\n14,7 %/);
    expect(all).toMatch(/OR01\nBeheer\n7,3 %/);
    expect(all).toMatch(/OR02\nGroen\n22,0 %/);
    expect(all).toContain('Verzuimpercentage per maand: 2027 t/m juni tegen 2026');

    // Poortwachter on 30 June: Cor's sick report is late; his problem analysis (done 5 July) and plan of action are due.
    expect(all).toMatch(/Lopende verzuimtrajecten\n1\nStappen te laat\n1\nStappen binnen 28 dagen\n2\nStappen gedaan in het kwartaal\n1\nwaarvan na de termijn\n0/);
    expect(all).toMatch(/V-COR\n1003\nCor Bakker\nZiekmelding bij bedrijfsarts\/arbodienst\n07-06-2027\nte laat \(23 dagen\)/);
    expect(all).toMatch(/V-COR\n1003\nCor Bakker\nProbleemanalyse\n12-07-2027\nnog 12 dagen/);

    // Never a note, in either report.
    expect(all).not.toContain('Notitie die nooit');
    expect(anonymous).not.toContain('Notitie die nooit');
  });

  it('counts a step done late, and writes the same sections as XLSX with typed cells', async () => {
    const { client, dir, cases } = await prepared();
    await client.absence.setStep({ today: '2027-07-10', caseId: cases.cor.id, step: 'sickReport', doneOn: '2027-06-09', note: null });
    const xlsxPath = path.join(dir, 'q2.xlsx');
    // With names: the head's own report, whose figures are not suppressed (see the PDF test for the other).
    await client.managementReport.write({ quarter: '2027-Q2', xlsxPath, includeNames: true });
    const workbook = await readXlsx(fs.readFileSync(xlsxPath));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Begroting', 'Formatie en bezetting', 'Verzuim', 'Poortwachter', 'Knelpunten']);

    const formation = workbook.getWorksheet('Formatie en bezetting')!;
    expect(rowStartingWith(formation, 'OR02').slice(0, 10)).toEqual(['OR02', 'Groen', 1, 1.5, 0, 0.5, 1.5, 2, 0, 0]);
    expect(rowStartingWith(formation, 'Totaal').slice(2, 8)).toEqual([3, 3, 0.5, 0.5, 1, 4]);
    expect(rowStartingWith(formation, 'GRO-1')).toEqual(['GRO-1', 'Hovenier', 'OR02', 7, 1, 1.5, 0, 0.5, 'Boventallig']);
    let or02 = 0;
    formation.eachRow((row, n) => {
      if (row.getCell(1).value === 'OR02') or02 = n;
    });
    expect(formation.getCell(or02, 3).numFmt).toBe('#,##0.00');

    const absence = workbook.getWorksheet('Verzuim')!;
    expect(rowStartingWith(absence, 'Verzuimpercentage')[1]).toBeCloseTo(40 / 273, 10);
    expect(rowStartingWith(absence, 'Zelfde kwartaal 2026')[1]).toBeCloseTo(2.5 / 227.5, 10);
    expect(rowStartingWith(absence, 'OR02')[2]).toBeCloseTo(30 / 136.5, 10);
    expect(rowStartingWith(absence, 'Afdeling OR').slice(3, 8)).toEqual([2, 2, 10, 0.5, 4]);
    // The trend chart as data: May 2027 (10 of 93) against May 2026 (2,5 of 77,5); nothing after June 2027.
    const may = rowStartingWith(absence, 'mei');
    expect(may[1]).toBeCloseTo(10 / 93, 10);
    expect(may[2]).toBeCloseTo(2.5 / 77.5, 10);
    expect(rowStartingWith(absence, 'jul').slice(0, 3)).toEqual(['jul', null, 0]);

    const poortwachter = workbook.getWorksheet('Poortwachter')!;
    // Cor's sick report, due 7 June, was done on 9 June: done in the quarter, after its deadline.
    expect(rowStartingWith(poortwachter, 'Stappen te laat')[1]).toBe(0);
    expect(rowStartingWith(poortwachter, 'Stappen gedaan in het kwartaal')[1]).toBe(2);
    expect(rowStartingWith(poortwachter, 'waarvan na de termijn')[1]).toBe(1);
    expect(rowStartingWith(poortwachter, 'V-COR')).toEqual(['V-COR', '1003', 'Cor Bakker', 'Probleemanalyse', new Date('2027-07-12T00:00:00Z'), 'nog 12 dagen']);

    // Without names: no name, no personnel number, and the figures of fewer than five people as "< 5".
    await client.managementReport.write({ quarter: '2027-Q2', xlsxPath });
    const anonymous = await readXlsx(fs.readFileSync(xlsxPath));
    const cells: string[] = [];
    for (const sheet of anonymous.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const name of NAMES) expect(cells.join('\n')).not.toContain(name);
    expect(cells).not.toContain('1003');
    expect(cells).not.toContain('V-COR');
    expect(rowStartingWith(anonymous.getWorksheet('Verzuim')!, 'Verzuimpercentage')[1]).toBe('< 5');
    expect(rowStartingWith(anonymous.getWorksheet('Verzuim')!, 'OR02').slice(2, 8)).toEqual(['x', 'x', 'x', 'x', 'x', 'x']);
    expect(rowStartingWith(anonymous.getWorksheet('Poortwachter')!, 'Stappen te laat')[1]).toBe('< 5');
  });

  it('leaves the staff sections out of a workbook without staff', async () => {
    const wb = await departmentWorkbook();
    close = () => wb.session.close();
    const pages = await pdfPages(Buffer.from((await wb.client.managementReport.render({ quarter: '2027-Q2', format: 'pdf' })).contentBase64, 'base64'));
    const all = pages.join('\n');
    expect(all).not.toContain('Formatie en bezetting');
    expect(all).not.toContain('Poortwachter');
    expect(all).toContain('Knelpunten');
  });
});

describe('quarterly management report: small groups (issue 17 item 3)', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  /** Thirteen people: OR01 six, OR02 two (one of them sick in May), OR03 five. */
  async function prepared() {
    const wb = await departmentWorkbook();
    close = () => wb.session.close();
    const people = [
      ...['1001', '1002', '1003', '1004', '1005', '1006'].map((nr) => ({ nr, cc: 'OR01' })),
      ...['2001', '2002'].map((nr) => ({ nr, cc: 'OR02' })),
      ...['3001', '3002', '3003', '3004', '3005'].map((nr) => ({ nr, cc: 'OR03' })),
    ];
    const ids = insertEmployees(
      wb.session,
      people.map((p) => ({ personnelNumber: p.nr, firstName: 'Voornaam', lastName: `Achternaam${p.nr}`, start: '2026-01-01', terms: [{ from: '2026-01-01', hours: 36, costCentre: p.cc }] })),
    );
    await wb.client.absence.register({ today: '2027-06-15', employeeId: ids.get('2001')!, firstDay: '2027-05-03', caseNumber: 'V-OR02' });
    return wb;
  }

  it('shows a cost centre of two people as "< 5" with a complementary one, and no personnel numbers', async () => {
    const { client } = await prepared();
    const pdf = (await pdfPages(Buffer.from((await client.managementReport.render({ quarter: '2027-Q2', format: 'pdf' })).contentBase64, 'base64'))).join('\n');
    expect(pdf).toMatch(/OR02\nGroen\n< 5\n< 5\n< 5\n< 5\n< 5\n< 5/);
    // The smallest other cost centre goes too: else the department total minus OR01 and OR03 gives OR02 back.
    expect(pdf).toMatch(/OR03\nProjecten\nx\nx\nx\nx\nx\nx/);
    expect(pdf).toMatch(/OR01\nBeheer\n0,0 %\n0,0\n0\n/);
    expect(pdf).toMatch(/Afdeling OR\n\d+,\d %/);
    // One case in its duration band: that band is fewer than five as well.
    expect(pdf).toMatch(/Lang\n43–365 dagen\n< 5\n< 5/);
    expect(pdf).toContain('Cijfers over een groep van minder dan 5 medewerkers');
    // Poortwachter: the department (13) is shown, by case number only.
    expect(pdf).toContain('V-OR02');
    expect(pdf).not.toMatch(/\b2001\b/);
    expect(pdf).not.toContain('Personeelsnummer');
    expect(pdf).not.toMatch(/Achternaam|Voornaam/);

    const xlsx = await readXlsx(Buffer.from((await client.managementReport.render({ quarter: '2027-Q2', format: 'xlsx' })).contentBase64, 'base64'));
    const absence = xlsx.getWorksheet('Verzuim')!;
    expect(rowStartingWith(absence, 'OR02').slice(2, 8)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5', '< 5']);
    expect(rowStartingWith(absence, 'OR03').slice(2, 8)).toEqual(['x', 'x', 'x', 'x', 'x', 'x']);
    expect(rowStartingWith(absence, 'OR01')[7]).toBe(6);
    const cells: string[] = [];
    for (const sheet of xlsx.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).not.toContain('2001');
    expect(cells.join('\n')).not.toMatch(/Achternaam|Voornaam/);

    // Asked with names, the head gets the unsuppressed report with personnel number and name.
    const named = (await pdfPages(Buffer.from((await client.managementReport.render({ quarter: '2027-Q2', format: 'pdf', includeNames: true })).contentBase64, 'base64'))).join('\n');
    expect(named).toMatch(/OR02\nGroen\n\d+,\d %/);
    expect(named).toMatch(/V-OR02\n2001\nVoornaam Achternaam2001/);
  });
});
