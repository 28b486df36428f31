import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centralWorkbook, sampleDepartment } from '../helpers/exchange.ts';
import { sample, tempDir } from '../helpers/workbook.ts';

/** Every text a person reads in an XLSX file, with where it is. Real dates (Excel dates) are fine: they show dd-mm-jjjj. */
async function texts(bytes: Buffer | string): Promise<Array<{ where: string; text: string }>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((typeof bytes === 'string' ? fs.readFileSync(bytes) : bytes) as unknown as ArrayBuffer);
  const found: Array<{ where: string; text: string }> = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (typeof cell.value === 'string') found.push({ where: `${sheet.name}!R${r}C${c}`, text: cell.value });
      }),
    ),
  );
  return found;
}

/** ISO dates and times, period codes and stored codes (in_voorbereiding) are for programs, not for people. */
function offending(cells: Array<{ where: string; text: string }>): string[] {
  return cells.filter(({ text }) => /\d{4}-\d{2}-\d{2}|\b\d{4}-Q[1-4]\b|\b[a-z]+_[a-z_]+\b|T\d{2}:\d{2}/.test(text)).map(({ where, text }) => `${where}: ${text}`);
}

describe('the readable XLSX files show labels and Dutch dates', () => {
  it('package XLSX (finance and HR), central XLSX (finance and HR) and the management report', async () => {
    const dir = tempDir();
    const d = await sampleDepartment(dir, 'OR', 'Openbare Ruimte');
    try {
      await d.client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
      const fin = await d.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-fin.wbx'), xlsxPath: path.join(dir, 'OR-fin.xlsx'), withXlsx: true });
      const hr = await d.client.exchange.export({ kind: 'hr-summary', period: '2027-Q1', path: path.join(dir, 'OR-hr.wbx'), xlsxPath: path.join(dir, 'OR-hr.xlsx'), withXlsx: true });
      await d.client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
      await d.client.managementReport.write({ quarter: '2027-Q1', xlsxPath: path.join(dir, 'rapport.xlsx') });

      const finance = await texts(fin.xlsx!.path!);
      expect(offending(finance)).toEqual([]);
      expect(finance.map((c) => c.text)).toEqual(expect.arrayContaining(['1e kwartaal 2027', 'Gemeenschappelijke regeling', 'In voorbereiding']));
      expect(offending(await texts(hr.xlsx!.path!))).toEqual([]);
      // A record for P&O and control: Dutch labels even when the head's window is in English.
      await d.client.workbook.setLanguage({ language: 'en' });
      const finEn = await d.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-fin-en.wbx'), xlsxPath: path.join(dir, 'OR-fin-en.xlsx'), withXlsx: true });
      await d.client.workbook.setLanguage({ language: 'nl' });
      expect((await texts(finEn.xlsx!.path!)).map((c) => c.text)).toEqual(expect.arrayContaining(['Gemeenschappelijke regeling', 'In voorbereiding']));
      const report = await texts(path.join(dir, 'rapport.xlsx'));
      expect(offending(report)).toEqual([]);
      expect(report.map((c) => c.text)).toContain('1e kwartaal 2027 (01-01-2027 t/m 31-03-2027)');

      for (const kind of ['central-finance', 'central-hr'] as const) {
        const central = await centralWorkbook(path.join(dir, kind), kind);
        try {
          await central.client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') } });
          await central.client.central.import({ sources: [{ path: kind === 'central-hr' ? hr.package.path! : fin.package.path! }] });
          const file = await central.client.central.exportXlsx({ period: '2027-Q1', asOf: '2027-04-10' });
          const cells = await texts(Buffer.from(file.contentBase64!, 'base64'));
          expect(offending(cells)).toEqual([]);
          expect(cells.map((c) => c.text)).toEqual(expect.arrayContaining(['1e kwartaal 2027', '10-04-2027']));
        } finally {
          central.session.close();
        }
      }
    } finally {
      d.session.close();
    }
  });
});
