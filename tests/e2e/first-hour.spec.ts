import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { localToday } from '../../shared/domain/absence/days.ts';
import { formatDate } from '../../shared/format/nl.ts';
import { createDepartmentWorkbook, expect, expectAccessible, SAMPLES, test } from './fixtures.ts';

/**
 * The first hour of a department head (issue 14): in December 2026 she makes next year's workbook and
 * fills it along the set-up checklist with the shared samples (the formation list and the salary table
 * are the test fixtures beside them: the samples have none). At every step the figures say what they
 * cannot know yet, instead of a misleading number.
 */

const STAFF_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/staff');
/** Set WERKBOEK_SHOTS to a folder to keep screenshots of the pages at 1440×900 and 1280×720. */
const SHOTS = process.env.WERKBOEK_SHOTS;

type Step = 'budget' | 'ledger' | 'staff' | 'formation' | 'salaryTable' | 'absence' | 'assignments';
const STEPS: Record<Step, { action: string; kind: string; file: string }> = {
  budget: { action: 'Begroting importeren', kind: 'budget', file: path.join(SAMPLES, 'begroting-2027.csv') },
  ledger: { action: 'Grootboekmutaties importeren', kind: 'ledger', file: path.join(SAMPLES, 'grootboekmutaties-2027.csv') },
  staff: { action: 'Personeelsbestand importeren', kind: 'staff', file: path.join(SAMPLES, 'personeel-2027.csv') },
  formation: { action: 'Formatieplaatsen importeren', kind: 'formation', file: path.join(STAFF_FIXTURES, 'formatie-2027.csv') },
  salaryTable: { action: 'Salaristabel importeren', kind: 'salary-table', file: path.join(STAFF_FIXTURES, 'salaristabel-2027.csv') },
  absence: { action: 'Verzuimlijst importeren', kind: 'absence', file: path.join(SAMPLES, 'verzuim-2027.csv') },
  assignments: { action: 'Opdrachten importeren', kind: 'assignments', file: path.join(SAMPLES, 'opdrachten-2027.csv') },
};

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** The page as a person sees it at both sizes, screen by screen from the top. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ]) {
    await page.setViewportSize({ width, height });
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 1; y < full && i <= 4; y += height, i += 1) {
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${i}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(height, full - y) } });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The checklist's next step, done as she would: its link, the file, the preview, the import, back to the overview. */
async function followStep(page: Page, step: Step): Promise<void> {
  const { action, kind, file } = STEPS[step];
  await nav(page, 'Overzicht');
  const item = page.getByTestId(`setup-step-${step}`);
  await expect(item).toHaveAttribute('data-state', 'notStarted');
  await expect(item).toContainText('Volgende stap');
  await item.getByRole('link', { name: action }).click();
  await expect(page.getByLabel('Soort bestand')).toHaveValue(kind);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByRole('button', { name: /^Importeren \(\d+ regels?\)$/ }).click();
  await expect(page.getByTestId('import-result-counts')).toBeVisible();
  await nav(page, 'Overzicht');
  await expect(page.getByTestId(`setup-step-${step}`)).not.toHaveAttribute('data-state', 'notStarted');
}

const amount = (text: string) => Math.round(Number(text.replace(/\./g, '').replace(',', '.')) * 100);

/**
 * The lines a controller asks about, from the sample files themselves: variance of the year (all twelve
 * months are booked in the sample, so the forecast is the actuals) at least € 25.000 and at least 10 % of
 * the current budget, the default reporting threshold.
 */
function linesAboveThreshold(): string[] {
  const read = (name: string) =>
    Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SAMPLES, name), 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', header: true, skipEmptyLines: true }).data.filter((r) =>
      /^OR0[123]$/.test(r.Kostenplaats),
    );
  const lines = new Map<string, { budget: number; actual: number }>();
  const line = (key: string) => lines.get(key) ?? lines.set(key, { budget: 0, actual: 0 }).get(key)!;
  for (const r of read('begroting-2027.csv')) line(`${r.Kostenplaats}/${r.Grootboekrekening}`).budget += amount(r['Actuele begroting']);
  for (const r of read('grootboekmutaties-2027.csv')) line(`${r.Kostenplaats}/${r.Grootboekrekening}`).actual += amount(r.Bedrag);
  return [...lines.entries()]
    .filter(([, l]) => Math.abs(l.budget - l.actual) >= 2_500_000 && Math.abs(l.budget - l.actual) >= Math.abs(l.budget) * 0.1)
    .map(([key]) => key)
    .sort();
}

/** Every cell of a sheet as text, row by row. */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value === null || cell.value === undefined ? '' : String(typeof cell.value === 'object' && 'result' in cell.value ? cell.value.result : cell.value)));
    rows.push(cells);
  });
  return rows;
}

test('the first hour: a 2027 workbook made in December 2026 and filled along the checklist with the samples shows only figures it can stand behind', async ({ page, app }) => {
  test.setTimeout(420_000);
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await app.open();
  // In December the start page proposes next year's workbook.
  await expect(page.getByLabel('Boekjaar')).toHaveValue('2027');
  await createDepartmentWorkbook(page, app.dir);

  // A new workbook opens on the checklist: seven steps, none done, the budget first.
  const checklist = page.getByTestId('setup-checklist');
  await expect(checklist.getByRole('heading', { name: 'Eerste stappen' })).toBeVisible();
  await expect(checklist.getByRole('listitem')).toHaveCount(7);
  await expect(checklist.locator('[data-state="notStarted"]')).toHaveCount(7);
  await expect(page.getByTestId('setup-step-budget')).toContainText('Volgende stap');
  // No budget yet: the budget section says so, rather than a forecast of € 0 against a budget of € 0.
  await expect(page.getByTestId('overview-budget-none')).toContainText('Nog geen begroting en geen boekingen');
  await expect(page.getByTestId('overview-budget-summary')).toHaveCount(0);
  await expectAccessible(page, 'overview with the checklist');
  await shoot(page, 'overview-checklist');

  // 1. Budget. Before any booking the forecast is the budget: no variance, nothing to explain.
  await followStep(page, 'budget');
  await expect(page.getByTestId('setup-step-budget')).toContainText('9 begrotingsregels');
  await expect(page.getByTestId('overview-budget-summary')).toContainText('Prognose: € 2.500.973');
  // The import's own date (the preview host's clock, not the page's).
  await expect(page.getByTestId('setup-step-budget')).toContainText(`bijgewerkt op ${formatDate(localToday())}`);
  await nav(page, 'Begroting');
  await expect(page.getByTestId('kf-Actuele begroting')).toHaveText('€ 2.500.973');
  await expect(page.getByTestId('kf-Prognose')).toHaveText('€ 2.500.973');
  await expect(page.getByTestId('kf-Realisatie')).toHaveText('€ 0');
  await expect(page.getByTestId('explanations-missing')).toHaveCount(0);

  // 2. Ledger. OR02 and OR03 have bookings but no budget: the step says so, with where to look.
  await followStep(page, 'ledger');
  await expect(page.getByTestId('setup-step-ledger')).toHaveAttribute('data-state', 'attention');
  await expect(page.getByTestId('setup-step-ledger')).toContainText('staan op regels zonder begroting');

  // 3. Staff. Without positions nobody is "boventallig": the formation figures say what is missing.
  await followStep(page, 'staff');
  const formationSection = page.getByTestId('overview-section-formation');
  await expect(formationSection).toContainText('nog niet te berekenen: formatieplaatsen ontbreken');
  await expect(formationSection).not.toContainText(/boventallig\s+\d/i);
  const signals = page.getByRole('region', { name: 'Signalen', exact: true });
  await expect(signals).toBeVisible();
  await expect(signals).not.toContainText(/boventallig/i);
  await nav(page, 'Formatie');
  await expect(page.getByTestId('formation-gap')).toContainText('nog niet te berekenen: formatieplaatsen ontbreken');
  await expect(page.locator('.key-figure', { hasText: 'Boventallig (fte)' }).locator('dd')).toHaveText('n.t.b.');
  await expectAccessible(page, 'formation page without positions');
  await shoot(page, 'formation-without-positions');
  // Personnel costs wait for the salary table: the short checklist says what to do, and no € 0 is shown.
  await nav(page, 'Personeelskosten');
  await expect(page.getByTestId('setup-hint')).toContainText('Nog niet gedaan: Salaristabel importeren · Opdrachten importeren');
  await expect(page.getByTestId('costs-gap')).toContainText('nog niet te berekenen: salaristabel ontbreekt');
  for (const key of ['salary', 'total', 'variance', 'inhuur']) await expect(page.getByTestId(`costs-${key}`)).toHaveText('n.t.b.');
  await expectAccessible(page, 'personnel costs waiting for the salary table');
  await shoot(page, 'costs-short-form');

  // 4. Formation positions: people are on the positions of their function; one function has none.
  await followStep(page, 'formation');
  await expect(page.getByTestId('setup-step-formation')).toHaveAttribute('data-state', 'attention');
  await expect(page.getByTestId('setup-step-formation')).toContainText('1 medewerker staat op geen formatieplaats');
  await nav(page, 'Formatie');
  await expect(page.getByTestId('formation-gap')).toHaveCount(0);
  await expect(page.locator('.key-figure', { hasText: 'Boventallig (fte)' }).locator('dd')).toHaveText('0,00');
  await expect(page.getByRole('region', { name: /Formatieplaatsen op/ })).not.toContainText('Boventallig:');
  await expect(page.getByTestId('formation-unplaced')).toContainText('Senior medewerker Burgerzaken');
  await expectAccessible(page, 'formation page with positions');

  // 5. Salary table: personnel costs are figures now, never € 0.
  await followStep(page, 'salaryTable');
  await nav(page, 'Personeelskosten');
  await expect(page.getByTestId('setup-hint')).toHaveText('○ Nog niet gedaan: Opdrachten importeren');
  await expect(page.getByTestId('costs-gap')).toHaveCount(0);
  for (const key of ['salary', 'total']) await expect(page.getByTestId(`costs-${key}`)).toHaveText(/^€ [1-9]/);

  // 6. Absence list: this year's figures; last year's are said to be missing, not 0,00 %.
  await followStep(page, 'absence');
  const absence = page.getByTestId('overview-section-absence');
  await expect(absence).toBeVisible();
  await expect(absence).not.toContainText('verzuimlijst ontbreekt');
  // On a day of 2027 the year's figures are there; 2026 is said to be missing, not 0,00 %.
  await page.getByLabel('Peildatum').fill('30-06-2027');
  await expect(page.getByText('Stand per 30-06-2027')).toBeVisible();
  await expect(absence.getByTestId('absence-ytd-value')).toHaveText(/^\d+,\d\d %$/);
  await expect(absence.getByTestId('absence-ytd')).toContainText('vorig jaar: nog geen gegevens');
  await expect(absence).not.toContainText('vorig jaar: 0,00 %');
  await shoot(page, 'overview-absence-2027');

  // 7. Assignments. Every step is done; the ledger's bookings without budget still ask for attention.
  await followStep(page, 'assignments');
  await expect(checklist.locator('[data-state="notStarted"]')).toHaveCount(0);
  await expect(page.getByTestId('setup-step-ledger')).toContainText('Volgende stap');
  await expect(signals).not.toContainText(/boventallig/i);
  await expectAccessible(page, 'overview with every step done');
  await shoot(page, 'overview-done');
  // In the workbook's year the formation is known, and nobody is over it.
  await page.getByLabel('Peildatum').fill('30-06-2027');
  await expect(page.getByText('Stand per 30-06-2027')).toBeVisible();
  await expect(formationSection).not.toContainText('nog niet te berekenen');
  await expect(formationSection).toContainText('boventallig 0,00 fte');
  await expect(signals).not.toContainText(/boventallig/i);

  // Only genuine explanation requests: exactly the lines above € 25.000 and 10 %.
  await nav(page, 'Begroting');
  const genuine = linesAboveThreshold();
  expect(genuine.length).toBeGreaterThan(0);
  await expect(page.getByTestId('explanations-missing')).toContainText(`${genuine.length} afwijking(en) boven de rapportagegrens`);
  await expect(page.getByTestId('forecast-basis')).toContainText('Alle maanden zijn geboekt');
  await expectAccessible(page, 'budget page');
  await shoot(page, 'budget-done');

  // The report panel proposes a quarter of the workbook's year, never the fourth quarter of 2026.
  await nav(page, 'Overzicht');
  const quarter = page.getByRole('combobox', { name: 'Kwartaal' });
  await expect(quarter).toHaveValue(/^2027-Q[1-4]$/);
  // The quarterly report of the first quarter of 2027: its forecast is not the actuals (nine months
  // still to come), and nobody in it is over the formation.
  await quarter.selectOption('2027-Q1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'XLSX maken' }).click();
  const file = path.join(app.dir, 'rapport-2027-q1.xlsx');
  await (await download).saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const budget = sheetRows(book.getWorksheet('Begroting')!);
  const figure = (label: string) => budget.find((r) => r[0] === label)?.[1];
  expect(Number(figure('Realisatie'))).toBeGreaterThan(0);
  expect(Number(figure('Prognose'))).toBeGreaterThan(Number(figure('Realisatie')));
  const formation = sheetRows(book.getWorksheet('Formatie en bezetting')!);
  expect(formation.flat()).not.toContain('Boventallig');
});
