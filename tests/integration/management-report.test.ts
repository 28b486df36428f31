import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/format/nl.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { smallWorkbook } from '../helpers/small-workbook.ts';

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
      expect(text).toContain('Managementrapportage 1e kwartaal 2027 (2027-Q1)');
      expect(text).toContain(`Gegenereerd op ${today} · periode 01-01-2027 t/m 31-03-2027`);
      expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
    const all = pages.join('\n');
    // Actuals until 31-03: 2.000 + 65.000 = 67.000 of 80.000.
    expect(all).toContain('Begroting 2027, realisatie tot en met 31-03-2027');
    expect(all).toMatch(/Realisatie\n€ 67\.000/);
    expect(all).toMatch(/Actuele begroting\n€ 80\.000/);
    // Variances above the threshold with their explanation, or the lack of one.
    expect(all).toContain('Licenties worden pas in het najaar gefactureerd.');
    expect(all).toContain('Toelichting ontbreekt');
    expect(all).toContain('€ -15.000');
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
    expect(all).toContain('Zonder namen van personen');

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
      expect(rowStartingWith(sheet, 'Periode')[1]).toBe('1e kwartaal 2027 (2027-Q1)');
      expect(sheet.headerFooter.oddFooter).toContain('Pagina &P van &N');
    }
    const budget = workbook.getWorksheet('Begroting')!;
    const total = rowStartingWith(budget, 'Totaal');
    // Actuele begroting, realisatie, verplichtingen, prognose, afwijking in euros; V/N; uitputting as a fraction.
    expect(total.slice(2, 9)).toEqual([80_000, 67_000, 0, 67_000, 13_000, 'V', 0.8375]);
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
