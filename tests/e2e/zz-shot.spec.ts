import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { insertEmployees, sampleRoster } from '../helpers/employees.ts';
import { sample } from '../helpers/workbook.ts';
import { expect, test } from './fixtures.ts';

test('shots', async ({ page, app }) => {
  const { client, session } = createLocalClient({ dataDir: path.join(app.dir, 'setup'), rememberRecent: false });
  const file = path.join(app.dir, 'or.werkboek');
  await client.workbook.create({ path: file, kind: 'department', organisation: 'Gemeente Voorbeeld', departmentCode: 'OR', departmentName: 'Openbare Ruimte', fiscalYear: 2027, owner: 'A', costCentres: [{ code: 'OR01', name: 'Beheer', taakveld: null }, { code: 'OR02', name: 'Groen', taakveld: null }] });
  insertEmployees(session, sampleRoster());
  await client.import.commit({ kind: 'absence', source: { path: sample('verzuim-2027.csv') } });
  // shift: also some 2026 cases
  session.close();
  await app.open();
  await page.getByLabel('Pad naar het werkboek (.werkboek)').fill(file);
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
  await page.getByRole('link', { name: 'Verzuim', exact: true }).click();
  await expect(page.getByTestId('absence-percentage')).toBeVisible();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/abs/absence.png', fullPage: true });
  await page.getByRole('link', { name: 'Poortwachter', exact: true }).click();
  await page.getByLabel('Alleen lopende gevallen').uncheck();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/abs/poortwachter.png', fullPage: false });
  await page.getByRole('link', { name: 'Verzuim', exact: true }).click();
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('month');
  await page.getByRole('combobox', { name: 'Maand', exact: true }).selectOption({ label: 'oktober' });
  await page.waitForTimeout(1000);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/abs/print.png', fullPage: true });
});
