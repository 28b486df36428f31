import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { PrivacyFinding } from '../../../shared/exchange/types.ts';
import { werkboek } from '../../helpers/cli.ts';
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

/** Issue 17 item 4: how managers really write about their staff. */
describe('the finance privacy check reads texts as managers write them', () => {
  const dir = tempDir('werkboek-privacy-written-');
  let or: DepartmentHandle;
  const STAFF_2 = [
    { personnelNumber: '100007', first: 'Ümit', infix: 'van der', last: 'Meer' },
    { personnelNumber: '100008', first: 'Jan', infix: 'de', last: 'Vries' },
  ];

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, DEPARTMENTS[0].ledger);
    insertEmployees(or, 'OR01', STAFF_2);
  });
  afterAll(() => or.session.close());

  const WRITTEN: Array<[string, string, RegExp]> = [
    ['vervanging Ümit (langdurig ziek, burn-out)', 'Ümit', /voornaam van een medewerker, met gezondheidsgegevens \(langdurig ziek, burn-out\)/],
    ['mevrouw Van der Meer is sinds maart ziek', 'mevrouw Van der Meer', /aanspreekvorm en achternaam, met gezondheidsgegevens \(ziek\)/],
    ['Ümit vander Meer', 'Ümit vander Meer', /naam van een medewerker/],
    ['Overuren pnr 100 007', '100 007', /personeelsnummer/],
    ['Inhuur vervanging Ü\u200Bmit', 'Ü\u200Bmit', /onzichtbaar teken/],
    ['Inhuur vervanging Jаn de Vries', 'Jаn de Vries', /ander alfabet/],
  ];

  it('refuses each way of writing a name, with the field, the line, the text, the found part and why, and writes nothing', async () => {
    const line = (await or.client.budget.summary({ year: 2027 })).lines.find((l) => l.account === '4300')!;
    const before = (await or.client.exchange.exports({})).length;
    for (const [text, part, why] of WRITTEN) {
      await or.client.budget.updateLine({ id: line.id, patch: { explanation: text } });
      const target = path.join(dir, 'OR.wbx');
      const error = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: target, xlsxPath: path.join(dir, 'OR.xlsx') }).then(
        () => null,
        (e: unknown) => e as ApiError,
      );
      expect(error, text).not.toBeNull();
      expect(error!.code).toBe('conflict');
      expect(error!.message).toMatch(/toelichting bij OR01\/4300/);
      const findings = (error!.details as { findings: PrivacyFinding[] }).findings;
      expect(findings, text).toHaveLength(1);
      const finding = findings[0];
      expect(finding).toMatchObject({ path: expect.stringMatching(/^lines\[\d+\]\.explanation$/), field: 'Toelichting', text, found: part, edit: { target: 'budget-line', id: line.id, field: 'explanation' } });
      expect(finding.line).toMatch(/^Begrotingsregel OR01 .* · 4300 /);
      expect(finding.reason, text).toMatch(why);
      expect(text.slice(finding.matches[0].start, finding.matches[0].end)).toBe(part);
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.existsSync(path.join(dir, 'OR.xlsx'))).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
    expect((await or.client.exchange.exports({})).length).toBe(before);
    // Rewritten, the package is made.
    await or.client.budget.updateLine({ id: line.id, patch: { explanation: 'Vervanging door langdurige ziekte van een medewerker' } });
    const made = await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR.wbx'), withXlsx: false });
    expect(made.sequence).toBe(1);
  });

  it('the command line refuses with the same findings in its JSON (exit 1), and writes nothing', async () => {
    const line = (await or.client.budget.summary({ year: 2027 })).lines.find((l) => l.account === '4400')!;
    await or.client.budget.updateLine({ id: line.id, patch: { forecastNote: 'mevrouw Van der Meer is sinds maart ziek' } });
    or.session.close();
    const out = path.join(dir, 'cli.wbx');
    const refused = werkboek(['export', or.file, '--kind', 'finance', '--period', '2027-Q2', '--out', out, '--json'], { WERKBOEK_DATA_DIR: or.dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/notitie bij de prognose bij OR02\/4400 \(naam van een medewerker\)/);
    const json = refused.json<{ refused: boolean; code: string; reason: string; findings: PrivacyFinding[] }>();
    expect(json).toMatchObject({ refused: true, code: 'conflict', reason: expect.stringMatching(/persoonsgegevens/) });
    expect(json.findings).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^lines\[\d+\]\.forecastNote$/), what: 'naam van een medewerker', field: 'Notitie bij de prognose', text: 'mevrouw Van der Meer is sinds maart ziek', found: 'mevrouw Van der Meer' }),
    ]);
    expect(fs.existsSync(out)).toBe(false);
    const human = werkboek(['export', or.file, '--kind', 'finance', '--period', '2027-Q2', '--out', out], { WERKBOEK_DATA_DIR: or.dataDir });
    expect(human.status).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/Fout: .*persoonsgegevens/);
  });
});
