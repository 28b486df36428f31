import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDepartment } from '../helpers/exchange.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { tempDir } from '../helpers/workbook.ts';

/**
 * What the backend writes for people follows the window's language (workbook.setLanguage): the overview's
 * section titles and signals, and the frame of the quarterly report (titles, header, footer, sheet facts).
 */
describe('backend texts in the window’s language', () => {
  let d: Awaited<ReturnType<typeof sampleDepartment>>;
  beforeAll(async () => {
    d = await sampleDepartment(tempDir(), 'OR', 'Openbare Ruimte');
  });
  afterAll(() => d.session.close());

  async function overview(language: 'nl' | 'en') {
    await d.client.workbook.setLanguage({ language });
    const o = await d.client.overview.get({ asOf: '2027-06-30' });
    return { titles: o.sections.map((s) => s.title), signals: o.sections.flatMap((s) => s.highlights.map((h) => h.text)) };
  }

  it('the overview’s section titles and signals are English when the window is, and Dutch again after', async () => {
    const english = await overview('en');
    expect(english.titles).toEqual(expect.arrayContaining(['Budget 2027', 'Formation and occupation', 'Absence and trend', 'Poortwachter', 'Bottlenecks']));
    expect(english.signals).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d+ variance\(s\) above the reporting threshold without explanation\.$/),
        'Absence rate at or above the signal value of 5,5 %: 2027 up to 30-06-2027 8,34 %; Q2 2027 7,90 %; June 2027 7,06 %.',
        expect.stringMatching(/^Poortwachter: \d+ steps are overdue\.$/),
      ]),
    );
    for (const text of [...english.titles, ...english.signals]) expect(text).not.toMatch(/Begroting|Verzuim|afwijking|kwartaal|stappen|t\/m|juni/);

    const dutch = await overview('nl');
    expect(dutch.titles).toEqual(expect.arrayContaining(['Begroting 2027', 'Formatie en bezetting', 'Verzuim en trend', 'Knelpunten']));
    expect(dutch.signals).toContain('Verzuimpercentage op of boven de signaalwaarde van 5,5 %: 2027 t/m 30-06-2027 8,34 %; 2e kwartaal 2027 7,90 %; juni 2027 7,06 %.');
  });

  it('an English window gets the quarterly report’s frame in English: the XLSX read with ExcelJS, and the PDF', async () => {
    await d.client.workbook.setLanguage({ language: 'en' });
    try {
      const xlsx = await d.client.managementReport.render({ quarter: '2027-Q1', format: 'xlsx' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Budget']));
      const budget = book.getWorksheet('Budget')!;
      const rows: unknown[][] = [];
      budget.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows[0][0]).toBe('Management report: Budget');
      const fact = (label: string) => rows.find((r) => r[0] === label)?.[1];
      expect(fact('Organisation')).toBe('Gemeente Voorbeeld');
      expect(fact('Department')).toBe('OR Openbare Ruimte');
      expect(fact('Period')).toBe('Q1 2027 (01-01-2027 to 31-03-2027)');
      expect(fact('Generated on')).toBeInstanceOf(Date);
      for (const label of ['Organisatie', 'Afdeling', 'Periode', 'Gegenereerd op']) expect(fact(label)).toBeUndefined();

      const pdf = await d.client.managementReport.render({ quarter: '2027-Q1', format: 'pdf' });
      const pages = await pdfPages(Buffer.from(pdf.contentBase64, 'base64'));
      expect(pages[0]).toContain('Management report Q1 2027');
      expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
      expect(pages[0]).toContain('Without names and personnel numbers');
      expect(pages.join('\n')).not.toMatch(/Managementrapportage|Pagina \d/);
    } finally {
      await d.client.workbook.setLanguage({ language: 'nl' });
    }
  });
});
