import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../shared/domain/period.ts';
import type { ManagementReport } from '../../../electron/backend/management-report/model.ts';
import { formatValue, renderPdf } from '../../../electron/backend/management-report/pdf.ts';
import { renderXlsx } from '../../../electron/backend/management-report/xlsx.ts';
import { pdfPages } from '../../helpers/pdf.ts';

/** A section as another area would supply it: a long table, a bar chart, a paragraph. */
function report(): ManagementReport {
  return {
    meta: {
      organisation: 'Gemeente Voorbeeld',
      departmentCode: 'OR',
      departmentName: 'Openbare Ruimte',
      period: parsePeriod('2027-Q2')!,
      periodLabel: '2e kwartaal 2027',
      generatedOn: '2027-07-05',
      includeNames: false,
    },
    sections: [
      {
        key: 'absence',
        title: 'Verzuim: een heel lange sectienaam die niet in een Excel-bladnaam past',
        blocks: [
          { kind: 'paragraph', text: 'Verzuim per maand → trend ≥ vorig jaar.' },
          {
            kind: 'table',
            title: 'Per medewerker',
            columns: [
              { title: 'Personeelsnummer', type: 'text' },
              { title: 'Dagen', type: 'integer' },
              { title: 'Percentage', type: 'percent' },
              { title: 'Sinds', type: 'date' },
              { title: 'FTE', type: 'fte' },
            ],
            rows: Array.from({ length: 60 }, (_, i) => [`P${1000 + i}`, i, i / 2, '2027-04-01', 32 / 36]),
          },
          { kind: 'chart', chart: 'bar', title: 'Verzuim per maand', categories: ['apr', 'mei', 'jun'], series: [{ name: '2026', values: [4.1, 3.9, null] }, { name: '2027', values: [5.2, 6.0, 5.5] }], valueType: 'percent' },
        ],
      },
    ],
  };
}

describe('management report renderers', () => {
  it('formats values the Dutch way', () => {
    expect(formatValue(123_456_78, 'money')).toBe('€ 123.457');
    expect(formatValue(12.345, 'percent')).toBe('12,3 %');
    expect(formatValue('2027-03-31', 'date')).toBe('31-03-2027');
    expect(formatValue(null, 'money')).toBe('');
    // FTE with two decimals, as the staff pages show it: 32 of 36 hours.
    expect(formatValue(32 / 36, 'fte')).toBe('0,89');
  });

  it('breaks a long table over pages with its header repeated, and frames every page', async () => {
    const pages = await pdfPages(await renderPdf(report()));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const withRows = pages.filter((p) => p.includes('P1'));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toContain('Personeelsnummer');
    pages.forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`);
      expect(page).toContain('Managementrapportage 2e kwartaal 2027');
      expect(page).toContain('Gegenereerd op 05-07-2027');
    });
    const all = pages.join('\n');
    expect(all).toContain('P1059');
    expect(all).toContain('29,5 %');
    // Characters the standard PDF fonts lack are replaced, not garbled.
    expect(all).toContain('Verzuim per maand -> trend >= vorig jaar.');
    // The bar chart's legend.
    expect(all).toMatch(/2026[\s\S]*2027/);
  });

  it('names sheets within Excel’s limits and writes typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(report())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Verzuim een heel lange sectiena');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === 'P1003') row = n;
    });
    expect(sheet.getCell(row, 2).value).toBe(3);
    expect(sheet.getCell(row, 3).value).toBeCloseTo(0.015, 10);
    expect(sheet.getCell(row, 3).numFmt).toBe('0.0%');
    expect(sheet.getCell(row, 4).value).toEqual(new Date('2027-04-01T00:00:00Z'));
    expect(sheet.getCell(row, 5).value).toBeCloseTo(32 / 36, 10);
    expect(sheet.getCell(row, 5).numFmt).toBe('#,##0.00');
  });
});
