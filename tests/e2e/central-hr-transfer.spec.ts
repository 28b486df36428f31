import path from 'node:path';
import { exportHrPackages, movedWhileIll, MOVER } from '../integration/exchange/hr-fixtures.ts';
import { createCentralWorkbook, expect, expectAccessible, test } from './fixtures.ts';

test('the overdue Poortwachter steps of someone who moved while ill stand at the new department, saying whose case it is', async ({ page, app }) => {
  const folder = path.join(app.dir, 'hr-pakketten');
  const { aa, cc } = await movedWhileIll(app.dir);
  try {
    await exportHrPackages(folder, [aa, cc]);
  } finally {
    aa.session.close();
    cc.session.close();
  }
  await app.open();

  await createCentralWorkbook(page, app.dir, 'central-hr', 'Petra P&O', 'po.werkboek');
  await page.getByRole('link', { name: 'Pakketten importeren' }).click();
  await page.getByTestId('package-folder').setInputFiles(folder);
  const dialog = page.getByRole('dialog', { name: 'Onbekende afdelingen vertrouwen?' });
  for (const code of ['AA', 'CC']) await dialog.getByRole('checkbox', { name: new RegExp(code) }).check();
  await dialog.getByRole('button', { name: 'Vertrouwen en importeren' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Geïmporteerd: 2, vervangend: 0, al aanwezig: 0, verouderd: 0, afgekeurd: 0');

  await page.getByRole('link', { name: 'Consolidatie' }).click();
  await page.getByLabel('Poortwachter per').fill('2027-04-10');
  const rows = page.getByTestId('hr-overdue').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // AA registered the case and never closed it; on 10 April the person works at CC, so the steps are CC's to follow up.
  await expect(page.getByTestId('hr-overdue').locator('tbody tr[data-department="AA"]')).toHaveCount(0);
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    await expect(rows.nth(i)).toHaveAttribute('data-department', 'CC');
    await expect(rows.nth(i).locator('td').first()).toHaveText('CC (geval van AA, overgeplaatst tijdens ziekte)');
    await expect(rows.nth(i).locator('td').nth(2)).toHaveText(MOVER);
  }
  await expectAccessible(page, 'HR consolidation with a transfer');
});
