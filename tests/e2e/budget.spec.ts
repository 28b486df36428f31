import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { createDepartmentWorkbook, expect, expectAccessible, SAMPLES, test } from './fixtures.ts';

test('a department head creates a workbook and keeps the budget in the grid', async ({ page, app }) => {
  await app.open();
  await expect(page.getByRole('heading', { name: 'Werkboek voor integraal managers' })).toBeVisible();
  await expectAccessible(page, 'start page');
  await createDepartmentWorkbook(page, app.dir);

  // The overview is the start page of a department workbook; the budget is one click away.
  await expect(page.getByRole('heading', { level: 1, name: /^Overzicht OR/ })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Begroting' }).click();

  // Budget page: add a line through the form.
  await expect(page.getByRole('heading', { name: 'Begroting 2027' })).toBeVisible();
  await page.getByText('Begrotingsregel toevoegen').click();
  const addForm = page.locator('details', { hasText: 'Begrotingsregel toevoegen' });
  await addForm.getByRole('textbox', { name: 'Grootboekrekening' }).fill('4300');
  await addForm.getByRole('textbox', { name: 'Omschrijving' }).fill('Huisvesting');
  await addForm.getByRole('textbox', { name: 'Primitieve begroting' }).fill('10.000,00');
  await addForm.getByRole('button', { name: 'Toevoegen' }).click();
  const grid = page.getByRole('region', { name: 'Begrotingsregels' });
  const row = grid.getByRole('row').filter({ hasText: '4300' }).first();
  await expect(row).toContainText('€ 10.000,00');

  // Edit the adopted budget in the grid with the keyboard, in Dutch notation.
  const cell = grid.locator('[role="gridcell"][col-id="primitiveCents"]').first();
  await cell.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('12.500,50');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('€ 12.500,50');
  await expect(page.getByTestId('kf-Actuele begroting')).toHaveText('€ 12.501');

  // Undo restores the value, and the backend follows.
  await cell.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(cell).toHaveText('€ 10.000,00');
  await expect(page.getByTestId('kf-Actuele begroting')).toHaveText('€ 10.000');
  await page.keyboard.press('ControlOrMeta+y');
  await expect(cell).toHaveText('€ 12.500,50');

  // A nonsense amount is refused with a message; the value stays.
  await cell.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('twaalf');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Ongeldig bedrag' })).toBeVisible();
  await expect(cell).toHaveText('€ 12.500,50');
  await expectAccessible(page, 'budget page');
});

// A test of its own, so each stays short on a busy machine (issue 17 item 10).
test('a department head imports the ledger and reads actuals, variances and the ledger export', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Begroting' }).click();
  await expect(page.getByRole('heading', { name: 'Begroting 2027' })).toBeVisible();
  await page.getByText('Begrotingsregel toevoegen').click();
  const addForm = page.locator('details', { hasText: 'Begrotingsregel toevoegen' });
  await addForm.getByRole('textbox', { name: 'Grootboekrekening' }).fill('4300');
  await addForm.getByRole('textbox', { name: 'Omschrijving' }).fill('Huisvesting');
  await addForm.getByRole('textbox', { name: 'Primitieve begroting' }).fill('12.500,50');
  await addForm.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('region', { name: 'Begrotingsregels' }).getByRole('row').filter({ hasText: '4300' }).first()).toContainText('€ 12.500,50');

  // Import the sample ledger: preview first, then confirm.
  await page.getByRole('link', { name: 'Importeren', exact: true }).click();
  await page.getByLabel('Soort bestand').selectOption('ledger');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'grootboekmutaties-2027.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 396');
  await expect(page.getByTestId('import-counts')).toContainText('niet van deze afdeling: 1604');
  await expect(page.getByText('Er is nog niets opgeslagen')).toBeVisible();
  await expectAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Importeren (396 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 396 nieuw/ })).toBeVisible();

  // Actuals and variances on the budget page.
  await page.getByRole('link', { name: 'Begroting' }).click();
  await expect(page.getByTestId('kf-Realisatie')).toHaveText('€ 636.984');
  const lines = page.getByRole('region', { name: 'Begrotingsregels' });
  // Budgeted € 12.500,50, actuals € 11.794,54: favourable.
  const huisvesting = lines.getByRole('row').filter({ hasText: 'OR01' }).filter({ hasText: '4300' }).first();
  await expect(huisvesting).toContainText('€ 11.794,54');
  await expect(huisvesting).toContainText('€ 705,96V');
  // The sample ledger runs to December: every month is booked, so the forecast is actuals + commitments.
  await expect(page.getByTestId('forecast-basis')).toContainText('Realisatie tot en met december 2027. Alle maanden zijn geboekt');
  await expect(huisvesting.locator('[role="gridcell"][col-id="forecastMethod"]')).toHaveText('lineair');
  // Actuals without a budget: unfavourable; above € 25.000 and 10 % an explanation is required, below it not.
  const unbudgeted = lines.getByRole('row').filter({ hasText: 'OR02' }).filter({ hasText: '4200' }).first();
  await expect(unbudgeted).toContainText('€ -93.192,13N');
  await expect(unbudgeted).toContainText('Toelichting vereist');
  const small = lines.getByRole('row').filter({ hasText: 'OR02' }).filter({ hasText: '4300' }).first();
  await expect(small).toContainText('N');
  await expect(small).not.toContainText('Toelichting vereist');
  await expect(page.getByTestId('explanations-missing')).toBeVisible();

  // The ledger grid pages through the actuals with a total.
  await page.getByRole('link', { name: 'Realisatie' }).click();
  await expect(page.getByTestId('ledger-totals')).toHaveText('396 boekingen, totaal € 636.984,15');
  await page.getByLabel('Zoeken in omschrijving, relatie of boekstuk').fill('Randstad');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByTestId('ledger-totals')).not.toHaveText('396 boekingen, totaal € 636.984,15');

  // Exporteren naar Excel: every line the search selects (the grid holds only the blocks in view), by booking date.
  const [, count, total] = /^(\d+) boekingen?, totaal € ([\d.,-]+)$/.exec((await page.getByTestId('ledger-totals').textContent()) ?? '') ?? [];
  const downloading = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Realisatie' }).getByRole('button', { name: 'Exporteren naar Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('realisatie-grootboekmutaties.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as never);
  const sheet = book.worksheets[0];
  expect(sheet.getRow(4).values).toEqual([undefined, 'Boekdatum', 'Periode', 'Dagboek', 'Boekstuk', 'Kostenplaats', 'Grootboekrekening', 'Omschrijving', 'Bedrag', 'Relatie']);
  const exported = sheet.getRows(5, sheet.rowCount - 4) ?? [];
  expect(exported).toHaveLength(Number(count));
  const dates = exported.map((row) => row.getCell(1).value as Date);
  expect(dates.every((d) => d instanceof Date)).toBe(true);
  expect(dates.map((d) => d.getTime())).toEqual([...dates.map((d) => d.getTime())].sort((a, b) => a - b));
  const cents = exported.reduce((sum, row) => sum + Math.round((row.getCell(8).value as number) * 100), 0);
  expect(cents).toBe(Number(total.replace(/\./g, '').replace(',', '')));
  await expectAccessible(page, 'ledger page');
});
