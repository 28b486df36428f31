import path from 'node:path';
import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

const SHOTS = process.env.WERKBOEK_SHOTS_DIR;

test('columns the user mapped by hand for a file are mapped the same way for the next file with those columns, and the preview says so', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();
  await page.getByLabel('Soort bestand').selectOption('ledger');
  const fileInput = page.getByTestId('import-file');

  // An export whose header names little Werkboek knows (only Tekst): the mapping shows the file's own column names.
  const header = 'Dag;Plek;Rek;Euro;Tekst';
  await fileInput.setInputFiles({ name: 'key2-januari.csv', mimeType: 'text/csv', buffer: Buffer.from([header, '05-01-2027;OR01;4100;(1.234,56);Correctie huur'].join('\r\n')) });
  await expect(page.getByRole('alert').filter({ hasText: 'Nog toe te wijzen' })).toBeVisible();
  await expect(page.getByLabel('Grootboekrekening *').locator('option')).toHaveText(['(niet gebruiken)', 'Dag', 'Plek', 'Rek', 'Euro', 'Tekst']);
  await page.getByLabel('Boekdatum *').selectOption('Dag');
  await page.getByLabel('Kostenplaats *').selectOption('Plek');
  await page.getByLabel('Grootboekrekening *').selectOption('Rek');
  await page.getByLabel('Bedrag', { exact: true }).selectOption('Euro');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 1');
  await expect(page.getByText('Nog toe te wijzen')).toHaveCount(0);
  await expect(page.getByText(/Totaalbedrag van de nieuwe regels: .*1\.234,56/)).toBeVisible();
  await page.getByRole('button', { name: 'Importeren (1 regel)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 1 nieuw/ })).toBeVisible();

  // Next month's export of the same source: the choice is remembered, named with the file's columns.
  await fileInput.setInputFiles({ name: 'key2-februari.csv', mimeType: 'text/csv', buffer: Buffer.from([header, '03-02-2027;OR01;4100;€ 250,00;Koffie', '04-02-2027;OR01;4100;75,00-;Retour'].join('\r\n')) });
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 2');
  await expect(page.getByText('Nog toe te wijzen')).toHaveCount(0);
  await expect(page.getByTestId('import-notes')).toContainText(
    /Kolommen toegewezen zoals bij de import van \d\d-\d\d-\d{4} \d\d:\d\d van een bestand met dezelfde kolommen: Dag → Boekdatum, Plek → Kostenplaats, Rek → Grootboekrekening, Euro → Bedrag\./,
  );
  await page.getByText('Kolomtoewijzing').click();
  await expect(page.getByLabel('Boekdatum *')).toHaveValue('Dag');
  await expect(page.getByLabel('Bedrag', { exact: true })).toHaveValue('Euro');
  await expectAccessible(page, 'import preview with a remembered mapping');
  if (SHOTS) {
    for (const [width, height] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `ledger-remembered-${width}.png`), fullPage: true });
    }
  }
  await page.getByRole('button', { name: 'Importeren (2 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 2 nieuw/ })).toBeVisible();
});
