import fs from 'node:fs';
import path from 'node:path';
import { departmentWithBudget } from '../helpers/exchange.ts';
import { createCentralWorkbook, createDepartmentWorkbook, expect, expectAccessible, SAMPLES, test } from './fixtures.ts';

/** Item 7 of "the first hour": people read words and Dutch formats, never keys, cents or ISO dates. */

test('the date field is typed dd-mm-jjjj or picked in our own Dutch calendar, by keyboard alone', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Knelpunten' }).click();
  await page.getByText('Knelpunt signaleren').click();
  const form = page.locator('details', { hasText: 'Knelpunt signaleren' });
  await form.getByLabel('Titel').fill('Geen vervanging voor de wijkbeheerder');
  const date = form.getByLabel('Datum gesignaleerd');
  await date.fill('15-01-2027');
  await expect(page.locator('input[type="date"]')).toHaveCount(0);

  // Tab from the box to its calendar button, open it with Enter: the calendar opens on the typed date.
  await date.focus();
  await page.keyboard.press('Tab');
  const button = form.getByRole('button', { name: 'Kalender openen' });
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Kies een datum: Datum gesignaleerd' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('januari 2027')).toBeVisible();
  await expect(dialog.getByRole('columnheader', { name: 'ma' })).toBeVisible();
  await expect(dialog.getByRole('gridcell', { name: 'vrijdag 15 januari 2027' })).toBeFocused();
  await expectAccessible(page, 'calendar open');

  // Arrows move by day and week, Page Down by month, Home to Monday; Enter picks.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('gridcell', { name: 'zaterdag 23 januari 2027' })).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(dialog.getByText('februari 2027')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(dialog.getByRole('gridcell', { name: 'maandag 22 februari 2027' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(date).toHaveValue('22-02-2027');
  await expect(button).toBeFocused();

  // Escape closes without changing the date, and gives the focus back to the button.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(date).toHaveValue('22-02-2027');
  await expect(button).toBeFocused();

  // A date that does not exist is refused with the field's label, and nothing is registered.
  await date.fill('30-02-2027');
  await page.getByRole('button', { name: 'Signaleren' }).click();
  await expect(form.getByRole('alert')).toContainText('Datum gesignaleerd: ');
  // The field the error names is marked and has the focus.
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toBeFocused();
  await date.fill('22-02-2027');
  await page.getByRole('button', { name: 'Signaleren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Geen vervanging voor de wijkbeheerder/ })).toBeVisible();
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Gegevens' }) }).first()).toContainText('22-02-2027');
});

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

test('the import history and the Logboek say in words what happened, with Dutch amounts and dates', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();
  await page.getByLabel('Soort bestand').selectOption('budget');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'begroting-2027.csv'));
  await page.getByRole('button', { name: /^Importeren \(\d+ regels\)$/ }).click();
  const history = page.locator('section', { has: page.getByRole('heading', { name: 'Eerdere imports' }) });
  const imported = history.getByRole('row').filter({ hasText: 'begroting-2027.csv' });
  await expect(imported).toContainText('Begroting');
  await expect(imported).toContainText('9 regels, € 2.500.973,00');
  await expect(imported).not.toContainText('totalCents');
  expect(await page.locator('main').innerText()).not.toMatch(ISO_DATE);
  await expectAccessible(page, 'import page with history');

  // A change in the budget grid: the explanation of one line.
  await page.getByRole('navigation').getByRole('link', { name: 'Begroting' }).click();
  const grid = page.getByRole('region', { name: 'Begrotingsregels' });
  const row = grid.getByRole('row').filter({ hasText: 'Huisvesting' }).first();
  const explanation = row.locator('[role="gridcell"][col-id="explanation"]');
  await explanation.dblclick();
  await page.keyboard.type('Extra onderhoud na storm');
  await page.keyboard.press('Enter');
  await expect(explanation).toHaveText('Extra onderhoud na storm');

  await page.getByRole('navigation').getByRole('link', { name: 'Logboek' }).click();
  const log = page.getByRole('region', { name: /^Logboek/ });
  const change = log.getByRole('row').filter({ hasText: 'Begrotingsregel gewijzigd' });
  await expect(change).toContainText('OR01 · 4300 Huisvesting');
  await expect(change).toContainText('Toelichting: (leeg) → Extra onderhoud na storm');
  await expect(log.getByRole('row').filter({ hasText: 'Begroting geïmporteerd' })).toContainText('9 regels, € 2.500.973,00');
  await expect(log.getByRole('row').filter({ hasText: 'Werkboek aangemaakt' })).toContainText('Organisatie: Gemeente Voorbeeld');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(ISO_DATE);
  expect(text).not.toMatch(/\b(budget_line|table_name|expected_cents|explanation|old_json)\b|[{}]/);

  // Choosing a row shows everything that changed, field by field.
  await change.getByRole('gridcell').first().click();
  const detail = page.getByTestId('audit-detail');
  await expect(detail).toContainText('Begrotingsregel gewijzigd · OR01 · 4300 Huisvesting');
  await expect(detail.getByRole('row', { name: /Toelichting/ })).toContainText('(leeg)');
  await expectAccessible(page, 'Logboek');
});

test('a tampered package is refused as "handtekening klopt niet", with the technical detail folded away', async ({ page, app }) => {
  const d = await departmentWithBudget(app.dir, 'OR', 'Openbare Ruimte', [{ costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', primitiveCents: 1_000_000 }], []);
  const file = path.join(app.dir, 'OR-financien-2027-Q1.wbx');
  let key: string;
  try {
    await d.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: file });
    key = (await d.client.exchange.publicKeyFile({ path: path.join(app.dir, 'OR.wbkey') })).path!;
  } finally {
    d.session.close();
  }
  // Someone raises the budget in the file after it was signed.
  const tampered = path.join(app.dir, 'OR-financien-2027-Q1-gewijzigd.wbx');
  fs.writeFileSync(tampered, fs.readFileSync(file, 'utf8').replace('"primitiveCents": 1000000', '"primitiveCents": 9000000'));
  await app.open();
  await createCentralWorkbook(page, app.dir, 'central-finance', 'Carla Controller', 'control.werkboek');
  await page.getByRole('link', { name: 'Afdelingen' }).click();
  await page.getByLabel('Code').fill('OR');
  await page.getByLabel('Publiek sleutelbestand (.wbkey)').setInputFiles(key);
  await page.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.getByTestId('departments').getByRole('row').filter({ hasText: 'Openbare Ruimte' })).toBeVisible();

  await page.getByRole('link', { name: 'Pakketten importeren' }).click();
  await page.getByTestId('package-files').setInputFiles(tampered);
  const row = page.getByTestId('import-results').getByRole('row').filter({ hasText: 'OR-financien-2027-Q1-gewijzigd.wbx' });
  await expect(row).toContainText('afgekeurd');
  await expect(row).toContainText('handtekening klopt niet: het pakket is na het ondertekenen gewijzigd of beschadigd.');
  await expect(row).toContainText('1e kwartaal 2027');
  // The check that failed is there for whoever looks further, folded away.
  const detail = row.getByText('De inhoud past niet bij de controlewaarde');
  await expect(detail).toBeHidden();
  await row.getByText('Technische details').click();
  await expect(detail).toBeVisible();
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|2027-Q1\b(?!-gewijzigd)/);
  await expectAccessible(page, 'central import with a tampered package');
});
