import fs from 'node:fs';
import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { expect, expectAccessible, openFromWorkbookFolder, SAMPLES, test, workbookFolder } from './fixtures.ts';

/** Screenshots for people to read (WERKBOEK_SHOTS=folder), at both sizes the brief names. */
async function shots(page: import('@playwright/test').Page, name: string): Promise<void> {
  const folder = process.env.WERKBOEK_SHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ]) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(folder, `${name}-top-${width}x${height}.png`) });
    await page.locator('section[aria-labelledby="report-title"]').evaluate((panel) => panel.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: path.join(folder, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** A 2027 workbook of Openbare Ruimte, with two bookings (10-02-2027 and 14-05-2027) when `withBookings`. */
async function prepareWorkbook(dir: string, withBookings: boolean): Promise<string> {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'setup'), rememberRecent: false });
  const file = path.join(workbookFolder(dir), 'openbare-ruimte.werkboek');
  await client.workbook.create({
    path: file,
    kind: 'department',
    organisation: 'Gemeente Voorbeeld',
    departmentCode: 'OR',
    departmentName: 'Openbare Ruimte',
    fiscalYear: 2027,
    owner: 'Anne Hoofd',
    costCentres: [{ code: 'OR01', name: 'Beheer', taakveld: null }],
  });
  if (withBookings) {
    const header = fs.readFileSync(path.join(SAMPLES, 'grootboekmutaties-2027.csv'), 'utf8').split(/\r?\n/)[0];
    const row = (date: string, month: number, doc: string) => `2027;${month};${date};MEM;${doc};OR01;Beheer;4300;Onderhoud;5.7;3.4;Onderhoud;1.250,00;Aannemer`;
    const ledger = path.join(dir, 'twee-boekingen.csv');
    fs.writeFileSync(ledger, [header, row('10-02-2027', 2, '20279000001'), row('14-05-2027', 5, '20279000002')].join('\r\n'));
    await client.import.commit({ kind: 'ledger', source: { path: ledger } });
  }
  session.close();
  return file;
}

// The clock says December 2026 while the workbook is of 2027, as on a head's first day with next year's workbook.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
});

test('a new 2027 workbook in December 2026: the report opens on the first quarter of 2027 and warns before a report of zeros is made', async ({ page, app }) => {
  const file = await prepareWorkbook(app.dir, false);
  await app.open();
  await openFromWorkbookFolder(page, path.basename(file));
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht OR Openbare Ruimte' })).toBeVisible();
  // The overview is of the workbook's year, not of today in 2026.
  await expect(page.getByText('Stand per 01-01-2027')).toBeVisible();

  const quarter = page.getByRole('combobox', { name: 'Kwartaal' });
  await expect(quarter).toHaveValue('2027-Q1');
  await expect(page.getByTestId('report-judged-on')).toHaveText(
    'Te late Poortwachter-stappen en verlopen beslismomenten worden beoordeeld op de laatste dag van het kwartaal: 31-03-2027.',
  );
  await expect(page.getByTestId('report-period-warning')).toContainText('1e kwartaal 2027 heeft geen gegevens in dit werkboek');

  await page.getByRole('button', { name: 'PDF maken' }).click();
  const confirm = page.getByRole('alert').filter({ hasText: 'heeft geen gegevens' });
  await expect(confirm).toContainText('De rapportage toont alleen nullen.');
  await expectAccessible(page, 'report panel asking before an empty report');
  await shots(page, 'report-empty-2027');
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('report-period-warning')).toBeVisible();
});

test('with bookings up to May 2027 the overview and the report open on the second quarter of 2027; 4e kwartaal 2026 warns', async ({ page, app }) => {
  const file = await prepareWorkbook(app.dir, true);
  await app.open();
  await openFromWorkbookFolder(page, path.basename(file));
  await expect(page.getByText('Stand per 31-05-2027')).toBeVisible();

  const quarter = page.getByRole('combobox', { name: 'Kwartaal' });
  await expect(quarter).toHaveValue('2027-Q2');
  await expect(quarter.locator('option:checked')).toHaveText('2e kwartaal 2027');
  // Bookings without a budget: said, but the report is made at once.
  await expect(page.getByTestId('report-period-warning')).toHaveText('⚠ Er is geen begroting voor 2027: de begrotingscijfers van 2e kwartaal 2027 zijn € 0.');
  await expectAccessible(page, 'report panel on the latest quarter with data');
  await shots(page, 'report-2027-q2');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF maken' }).click()]);
  expect(pdf.suggestedFilename()).toBe('managementrapportage-or-2027-q2.pdf');

  // A quarter of last year has nothing in this workbook: asked first, made when the head insists.
  await quarter.selectOption('2026-Q4');
  await expect(page.getByTestId('report-period-warning')).toContainText('4e kwartaal 2026 heeft geen gegevens in dit werkboek');
  await page.getByRole('button', { name: 'XLSX maken' }).click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Toch maken' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('managementrapportage-or-2026-q4.xlsx');
});
