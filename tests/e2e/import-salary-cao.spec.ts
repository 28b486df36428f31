import path from 'node:path';
import { CAO_ENTRIES, caoSalaryTableXlsx } from '../helpers/cao-salary-table.ts';
import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

const SHOTS = process.env.WERKBOEK_SHOTS_DIR;

test('the salary table as the cao publishes it (XLSX, title block, scales as rows, trede 0–12 as columns): the preview says how it was read, shows scale, step and amount per entry and names the file’s column in a refusal', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();
  await page.getByLabel('Soort bestand').selectOption('salary-table');
  const buffer = await caoSalaryTableXlsx({ replace: { '2:3': 'n.v.t.' } });
  await page.getByTestId('import-file').setInputFiles({ name: 'Salaristabel cao Gemeenten 2027.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

  await expect(page.getByTestId('import-counts')).toHaveText(`Nieuw: ${CAO_ENTRIES - 1} · bijgewerkt: 0 · al aanwezig: 0 · niet van deze afdeling: 0 · afgekeurd: 1`);
  const notes = page.getByTestId('import-notes');
  await expect(notes).toContainText('schalen als regels, treden als kolommen (trede 0 tot en met 12)');
  await expect(notes).toContainText('Ingangsdatum 01-07-2027 uit de titel boven de tabel');
  const refusal = page.getByRole('group').filter({ hasText: 'Afgekeurde regels (1)' }).getByRole('row').nth(1);
  await expect(refusal).toContainText('trede 3');
  await expect(refusal).toContainText('bedrag van schaal 2 trede 3: "n.v.t." is geen bedrag');
  await expect(page.getByTestId('import-skipped')).toContainText('1');
  for (const name of ['Schaal', 'Trede', 'Bedrag per maand']) await expect(page.getByRole('columnheader', { name, exact: true })).toBeVisible();
  // Nothing a person reads shows a field key.
  await expect(page.getByText(/\b(monthly|validFrom|scale|step)\b/)).toHaveCount(0);
  await expectAccessible(page, 'salary table preview in the cao layout');
  if (SHOTS) {
    await expect(page.getByText(/Werkboek gemaakt/)).toHaveCount(0);
    for (const [width, height] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `salary-cao-${width}.png`), fullPage: true });
    }
  }
  await page.getByRole('button', { name: `Importeren (${CAO_ENTRIES - 1} regels)` }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Import voltooid: ${CAO_ENTRIES - 1} nieuw`) })).toBeVisible();
});
