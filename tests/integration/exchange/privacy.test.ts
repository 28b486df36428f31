import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentWithBudget, insertEmployees, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

const STAFF = [
  { personnelNumber: '100234', first: 'Jan', infix: 'de', last: 'Vries' },
  { personnelNumber: '100235', first: 'Fatima', infix: '', last: 'El Amrani' },
  { personnelNumber: 'P-7781', first: 'Thijs', infix: 'van den', last: 'Berg' },
];

/** Every text a person could be found by: personnel numbers, full names and surnames. */
const NEEDLES = STAFF.flatMap((s) => [s.personnelNumber, `${s.first} ${s.infix ? `${s.infix} ` : ''}${s.last}`, s.last]);

async function xlsxTexts(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const texts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  return texts.join('\n');
}

describe('the finance package carries no personal data', () => {
  const dir = tempDir('werkboek-privacy-');
  let or: DepartmentHandle;

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, DEPARTMENTS[0].ledger);
    insertEmployees(or, 'OR01', STAFF);
  });
  afterAll(() => or.session.close());

  it('has no names or personnel numbers of the department’s staff, in the package or its XLSX', async () => {
    const result = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR.wbx'), xlsxPath: path.join(dir, 'OR.xlsx') });
    // Base64 key, signature and hashes are left out of the scan: random letters could spell "berg" by chance.
    const { publicKey: _k, signature: _s, payloadSha256: _h, ...readable } = JSON.parse(fs.readFileSync(result.package.path!, 'utf8'));
    const packageText = JSON.stringify(readable).toLowerCase();
    const sheetText = (await xlsxTexts(result.xlsx!.path!)).toLowerCase();
    // The scan can find things: the staff are in the workbook, and the package does hold the budget.
    expect(packageText).toContain('huisvesting');
    expect(sheetText).toContain('huisvesting');
    for (const needle of NEEDLES) {
      expect(packageText, needle).not.toContain(needle.toLowerCase());
      expect(sheetText, needle).not.toContain(needle.toLowerCase());
    }
  });

  it('refuses to export when a free text names a member of staff, and says where', async () => {
    const lines = (await or.client.budget.summary({ year: 2027 })).lines;
    const huisvesting = lines.find((l) => l.account === '4300')!;
    const groen = lines.find((l) => l.account === '4400')!;
    const before = (await or.client.exchange.exports({})).length;
    await or.client.budget.updateLine({ id: huisvesting.id, patch: { explanation: 'Vervanging tijdens ziekte van Jan de Vries' } });
    await expect(or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR-2.wbx') })).rejects.toThrow(/toelichting bij OR01\/4300 \(naam van een medewerker\)/);
    await or.client.budget.updateLine({ id: huisvesting.id, patch: { explanation: 'Groot onderhoud uitgesteld' } });
    await or.client.budget.updateLine({ id: groen.id, patch: { forecastNote: 'Inhuur voor 100234 verlengd' } });
    await expect(or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR-2.wbx') })).rejects.toThrow(/notitie bij de prognose bij OR02\/4400 \(personeelsnummer\)/);
    expect(fs.existsSync(path.join(dir, 'OR-2.wbx'))).toBe(false);
    expect((await or.client.exchange.exports({})).length).toBe(before);
    // A surname alone that is also an ordinary word ("Berg" in "Bergen op Zoom") is no reason to refuse.
    await or.client.budget.updateLine({ id: groen.id, patch: { forecastNote: 'Bomen uit Bergen op Zoom' } });
    const ok = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR-3.wbx') });
    expect(ok.sequence).toBe(2);
  });
});
