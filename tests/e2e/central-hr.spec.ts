import path from 'node:path';
import { exportHrPackages, hrDepartments } from '../integration/exchange/hr-fixtures.ts';
import { createCentralWorkbook, expect, expectAccessible, test } from './fixtures.ts';

/** OR, BZ and SO (see tests/integration/exchange/hr-fixtures.ts for every figure by hand) send their HR summary of the first quarter. */
async function hrPackages(dir: string): Promise<string> {
  const folder = path.join(dir, 'hr-pakketten');
  const departments = await hrDepartments(dir);
  try {
    await exportHrPackages(folder, [departments.or, departments.bz, departments.so]);
  } finally {
    for (const d of Object.values(departments)) d.session.close();
  }
  return folder;
}

test('an HR officer imports a folder of HR packages, reads the completeness matrix and the organisation’s figures', async ({ page, app }) => {
  const folder = await hrPackages(app.dir);
  await app.open();

  await createCentralWorkbook(page, app.dir, 'central-hr', 'Petra P&O', 'po.werkboek');

  // The whole folder: three departments nobody registered yet, each trusted after checking its fingerprint.
  await page.getByRole('link', { name: 'Pakketten importeren' }).click();
  await page.getByTestId('package-folder').setInputFiles(folder);
  const dialog = page.getByRole('dialog', { name: 'Onbekende afdelingen vertrouwen?' });
  await expect(dialog).toBeVisible();
  for (const code of ['BZ', 'OR', 'SO']) await dialog.getByRole('checkbox', { name: new RegExp(code) }).check();
  await dialog.getByRole('button', { name: 'Vertrouwen en importeren' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Geïmporteerd: 3, vervangend: 0, al aanwezig: 0, verouderd: 0, afgekeurd: 0');
  await expectAccessible(page, 'HR import results');

  await page.getByRole('link', { name: 'Volledigheid' }).click();
  await page.getByLabel('Stand per').fill('2027-04-10');
  const matrix = page.getByTestId('completeness-matrix');
  for (const code of ['BZ', 'OR', 'SO']) await expect(matrix.locator(`tr[data-department="${code}"] td[data-period="2027-Q1"]`)).toHaveText('geleverd (v1)');
  await expect(matrix.locator('tr[data-department="SO"] td[data-period="2027-Q2"]')).toHaveText('nog niet ontvangen');
  await expect(page.getByTestId('counts-2027-Q1')).toHaveText('3 van 3 ontvangen');
  await expectAccessible(page, 'HR completeness matrix');

  // The organisation's figures, recomputed from the days: 121,5 / 1139 = 10,67 %; 4 reports; 9 of 14 people without absence.
  await page.getByRole('link', { name: 'Consolidatie' }).click();
  await expect(page.getByRole('heading', { name: 'HR-consolidatie', level: 1 })).toBeVisible();
  await page.getByLabel('Poortwachter per').fill('2027-04-10');
  await expect(page.getByTestId('organisation-percentage')).toHaveText('10,67 %');
  await expect(page.getByTestId('organisation-frequency')).toHaveText('1,17');
  await expect(page.getByTestId('organisation-reports')).toHaveText('4');
  await expect(page.getByTestId('organisation-zeroAbsence')).toHaveText('64,3 %');

  // HR sees BZ's figures, marked: a group of 4 that does not leave the HR workbook; SO is marked because of it.
  const absence = page.getByTestId('hr-absence');
  const row = (code: string) => absence.locator(`tr[data-department="${code}"]`);
  await expect(row('OR').locator('[data-col="percentage"]')).toHaveText('5,13 %');
  await expect(row('BZ').locator('[data-col="percentage"]')).toHaveText('1,39 %');
  await expect(row('BZ').locator('[data-suppressed="small"]')).toContainText('< 5');
  await expect(row('SO').locator('[data-suppressed="complementary"]')).toContainText('x');
  await expect(row('OR').locator('[data-suppressed]')).toHaveCount(0);
  await expect(row('SO').locator('[data-col="overdue"]')).toHaveText('2');

  // Formation against occupation on 31 March, and the overdue Poortwachter steps across departments.
  const formation = page.getByTestId('hr-formation');
  await expect(formation.locator('tfoot tr')).toContainText('9,00');
  await expect(formation.locator('tr[data-department="SO"]')).toContainText('niet geleverd');
  const overdue = page.getByTestId('hr-overdue');
  await expect(overdue.locator('tbody tr')).toHaveCount(3);
  await expect(overdue.locator('tbody tr').first()).toContainText('Plan van aanpak, casemanager benoemd');
  await expectAccessible(page, 'HR consolidation');

  // Details of OR: its cost centres (3 people each, so marked) and a review.
  await page.getByRole('button', { name: 'Details: OR' }).click();
  await expect(page.getByTestId('hr-cost-centres').locator('[data-suppressed="small"]')).toHaveCount(2);
  await expectAccessible(page, 'HR department detail');
  await page.getByRole('radio', { name: 'Beoordeeld' }).check();
  await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await expect(page.getByTestId('hr-review-OR')).toHaveText('beoordeeld');
});
