import { ledgerSheet, sharedStrings, skeleton, zipParts } from '../helpers/xlsx-bomb.ts';
import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

/** What a department head sees when a file is refused before anything is read (issue 17, items 1 and 9). */
const SHOTS = process.env.WERKBOEK_SHOTS;

test('the import preview refuses a decompression bomb and a file with a NUL byte, saying which file, where and why', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();
  await page.getByLabel('Soort bestand').selectOption('ledger');

  // 4 MB on disk, 2 GB of shared strings unpacked.
  const block = `<si><t>${'x'.repeat(1000)}</t></si>`.repeat(1032);
  const bomb = zipParts([...skeleton(), ledgerSheet(3), sharedStrings({ repeat: block, times: 2000 })]);
  await page.getByTestId('import-file').setInputFiles({ name: 'grootboek.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bomb });
  const alert = page.getByRole('alert').filter({ hasText: 'grootboek.xlsx is niet ingelezen' });
  await expect(alert).toContainText('het onderdeel xl/sharedStrings.xml is uitgepakt 2,0 GB groot; Werkboek leest zo\'n onderdeel tot 128 MB.');
  await expectAccessible(page, 'import refused: decompression bomb');
  if (SHOTS) {
    for (const [width, height] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${SHOTS}/import-bomb-${width}.png` });
    }
  }

  const rows = Array.from({ length: 6000 }, (_, i) => `15-01-2027;OR01;4300;Onderhoud regel ${i};1,00`);
  rows.splice(4000, 0, '15-01-2027;OR01;4300;Kapot\u0000veld;1,00');
  const csv = ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', ...rows, ''].join('\r\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'grootboek.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('alert').filter({ hasText: 'grootboek.csv, regel 4002, kolom Omschrijving: een NUL-teken (byte 0) op positie 6 van het veld.' })).toBeVisible();
  await expectAccessible(page, 'import refused: NUL byte');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-nul-1280.png` });
});
