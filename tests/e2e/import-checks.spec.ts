import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

test('the import preview asks for the decimal mark when amounts read two ways, and shows the skipped total lines', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();
  await page.getByLabel('Soort bestand').selectOption('ledger');
  const csv = [
    'Omschrijving;Boekdatum;Kostenplaats;Grootboekrekening;Bedrag',
    'Totaal onderhoud contract Q1;05-01-2027;OR01;4300;12,500',
    'Saldo verrekening;05-01-2027;OR01;4300;250,000',
    'Totaal;;;;262,500',
    '',
  ].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'engels.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const question = page.getByTestId('decimal-mark-question');
  await expect(question).toContainText('is dit 12.500 of 12,50?');
  await expect(question).toContainText('regel 2, kolom Bedrag');
  await expect(page.getByTestId('import-skipped')).toContainText('Overgeslagen (titel-, totaal- en voetregels, herhaalde kopregels): 1');
  await expect(page.getByRole('button', { name: /^Importeren \(/ })).toBeDisabled();
  await expectAccessible(page, 'import preview with a question');

  // The user says the file writes thousands with a comma: a decimal point.
  await page.getByLabel('Decimaalteken').selectOption('.');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 2');
  await expect(question).toHaveCount(0);
  await expect(page.getByText('€ 262.500,00')).toBeVisible();
  await page.getByRole('button', { name: 'Importeren (2 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 2 nieuw/ })).toBeVisible();
  await expect(page.getByTestId('import-result-skipped')).toContainText(': 1');
});
