import fs from 'node:fs';
import path from 'node:path';
import { departmentWithBudget } from '../helpers/exchange.ts';
import { DEPARTMENTS } from '../integration/exchange/fixtures.ts';
import { createCentralWorkbook, createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

/** Three departments each send their first-quarter finance summary into one folder; OR's key file lies beside it. */
async function departmentPackages(dir: string): Promise<{ folder: string; orKey: string }> {
  const folder = path.join(dir, 'pakketten');
  fs.mkdirSync(folder, { recursive: true });
  let orKey = '';
  for (const d of DEPARTMENTS) {
    const handle = await departmentWithBudget(dir, d.code, d.name, d.lines, d.ledger, undefined, d.settings);
    try {
      await handle.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(folder, `${d.code}-financien-2027-Q1.wbx`) });
      if (d.code === 'OR') orKey = (await handle.client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') })).path!;
    } finally {
      handle.session.close();
    }
  }
  return { folder, orKey };
}

test('a controller registers a department, imports a folder of packages, reads the completeness matrix and reviews a department', async ({ page, app }) => {
  const { folder, orKey } = await departmentPackages(app.dir);
  await app.open();

  // Create the central finance workbook from the start page.
  await createCentralWorkbook(page, app.dir, 'central-finance', 'Carla Controller', 'control.werkboek');

  // A new central workbook says what to do first, and links there.
  const firstStep = page.getByTestId('first-step');
  await expect(firstStep).toContainText('Registreer eerst de afdelingen');
  await expectAccessible(page, 'completeness page before any department');
  await firstStep.getByRole('link', { name: 'Eerste afdeling registreren' }).click();
  await expect(page.getByRole('heading', { name: 'Afdelingen en hun sleutels', level: 1 })).toBeVisible();

  // Register OR with its key file.
  await page.getByLabel('Code').fill('OR');
  await page.getByLabel('Publiek sleutelbestand (.wbkey)').setInputFiles(orKey);
  await page.getByRole('button', { name: 'Registreren' }).click();
  const departments = page.getByTestId('departments');
  await expect(departments.getByRole('row').filter({ hasText: 'Openbare Ruimte' })).toContainText('sleutelbestand');
  await expectAccessible(page, 'departments page');

  // Import the whole folder: OR is imported, BZ and SO are unknown and ask for trust.
  await page.getByRole('link', { name: 'Pakketten importeren' }).click();
  await expectAccessible(page, 'import page');
  await page.getByTestId('package-folder').setInputFiles(folder);
  const dialog = page.getByRole('dialog', { name: 'Onbekende afdelingen vertrouwen?' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-summary')).toHaveText('Geïmporteerd: 1, vervangend: 0, al aanwezig: 0, verouderd: 0, afgekeurd: 2');
  await expectAccessible(page, 'trust dialog');
  await dialog.getByRole('checkbox', { name: /BZ/ }).check();
  await dialog.getByRole('checkbox', { name: /SO/ }).check();
  await dialog.getByRole('button', { name: 'Vertrouwen en importeren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('import-summary')).toHaveText('Geïmporteerd: 3, vervangend: 0, al aanwezig: 0, verouderd: 0, afgekeurd: 0');
  const results = page.getByTestId('import-results');
  await expect(results.getByRole('row').filter({ hasText: 'SO-financien-2027-Q1.wbx' })).toContainText('geïmporteerd');
  await expect(page.getByTestId('package-history').getByRole('row')).toHaveCount(4);
  await expectAccessible(page, 'import results');

  // The completeness matrix: all three delivered Q1; on 20 July Q2 is overdue and Q3 not yet due.
  await page.getByRole('link', { name: 'Volledigheid' }).click();
  await page.getByLabel('Stand per').fill('2027-07-20');
  const matrix = page.getByTestId('completeness-matrix');
  const cell = (dept: string, period: string) => matrix.locator(`tr[data-department="${dept}"] td[data-period="${period}"]`);
  await expect(cell('BZ', '2027-Q1')).toHaveText('geleverd (v1)');
  await expect(cell('OR', '2027-Q1')).toHaveText('geleverd (v1)');
  await expect(cell('SO', '2027-Q2')).toHaveText('ontbreekt');
  await expect(cell('SO', '2027-Q3')).toHaveText('nog niet ontvangen');
  await expect(page.getByTestId('counts-2027-Q1')).toHaveText('3 van 3 ontvangen');
  await expect(page.getByTestId('first-step')).toBeHidden();
  await expectAccessible(page, 'completeness matrix');

  // Consolidation: organisation totals, the unexplained variance of BZ, and a question to BZ.
  await page.getByRole('link', { name: 'Consolidatie' }).click();
  await expect(page.getByTestId('total-current')).toHaveText('€ 150.000,00');
  await expect(page.getByTestId('total-actual')).toHaveText('€ 54.845,67');
  const bzRow = page.getByTestId('consolidation-departments').locator('tr[data-department="BZ"]');
  await expect(bzRow).toContainText('€ -7.750,00');
  await page.getByRole('button', { name: 'Toon regels: BZ' }).click();
  const grid = page.getByRole('region', { name: 'Regels van BZ' });
  const huisvesting = grid.getByRole('row').filter({ hasText: '4300' }).first();
  await expect(huisvesting.locator('[role="gridcell"][col-id="explanation"]')).toHaveText('Toelichting ontbreekt');
  await expect(huisvesting.locator('[role="gridcell"][col-id="varianceCents"]')).toHaveText('€ -7.750,00N');
  // The forecast's method beside it, and what the department's forecasts rest on.
  await expect(huisvesting.locator('[role="gridcell"][col-id="forecastMethod"]')).toHaveText('lineair');
  await expect(page.getByTestId('review-forecast-basis')).toContainText('Realisatie tot en met maart 2027');
  await expectAccessible(page, 'consolidation page');
  // The filter keeps the lines a controller follows up: BZ's income line (no variance) drops out.
  await expect(page.getByTestId('line-count')).toHaveText('2 van 2 regels');
  await page.getByLabel('Regels tonen').selectOption({ label: 'zonder toelichting' });
  await expect(page.getByTestId('line-count')).toHaveText('1 van 2 regels');
  await expect(grid.getByRole('row').filter({ hasText: '8100' })).toHaveCount(0);
  await expect(huisvesting).toBeVisible();
  await expectAccessible(page, 'consolidation page filtered');
  await page.getByRole('radio', { name: 'Vraag aan de afdeling' }).check();
  await page.getByRole('textbox', { name: 'Notitie' }).fill('Waarom is huisvesting overschreden?');
  await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await expect(page.getByTestId('review-BZ')).toHaveText('vraag gesteld: Waarom is huisvesting overschreden?');
  await page.getByRole('button', { name: 'Toon regels: OR' }).click();
  // OR explained its variance above the threshold: not among the unexplained lines, but above the threshold.
  const orGrid = page.getByRole('region', { name: 'Regels van OR' });
  await expect(page.getByTestId('line-count')).toHaveText('0 van 2 regels');
  await page.getByLabel('Regels tonen').selectOption({ label: 'boven de grens' });
  await expect(page.getByTestId('line-count')).toHaveText('1 van 2 regels');
  await expect(orGrid.getByRole('row').filter({ hasText: '4300' }).first().locator('[role="gridcell"][col-id="explanation"]')).toHaveText('Groot onderhoud uitgesteld naar 2028');
  await page.getByRole('radio', { name: 'Beoordeeld' }).check();
  await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await expect(page.getByTestId('review-OR')).toHaveText('beoordeeld');

  // The matrix shows the reviews too.
  await page.getByRole('link', { name: 'Volledigheid' }).click();
  await page.getByLabel('Stand per').fill('2027-07-20');
  await expect(cell('BZ', '2027-Q1')).toHaveText('geleverd (v1) · vraag gesteld');
});

test('a department head sees the key fingerprint and makes a finance package', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  await expectAccessible(page, 'settings with key');

  await page.getByRole('link', { name: 'Versturen' }).click();
  await expect(page.getByRole('option', { name: 'HR-samenvatting (voor P&O)' })).toBeEnabled();
  // The hint under "Pakket maken" says what the chosen kind holds and who receives it.
  const hint = page.getByTestId('kind-hint');
  await expect(hint).toContainText('per begrotingsregel de begroting');
  await expect(hint).toContainText('Control leest haar in');
  await page.getByLabel('Soort samenvatting').selectOption({ label: 'HR-samenvatting (voor P&O)' });
  await expect(hint).toContainText('de verzuimgevallen met de Poortwachter-stappen');
  await expect(hint).toContainText('P&O leest haar in');
  await expect(page.getByText('De financiële samenvatting bevat geen persoonsgegevens', { exact: false })).toBeHidden();
  await page.getByLabel('Soort samenvatting').selectOption({ label: 'Financiële samenvatting (voor control)' });
  await expect(hint).toContainText('Control leest haar in');
  await page.getByLabel('Periode').selectOption('2027-Q2');
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Pakket maken' }).click();
  await expect(page.getByTestId('export-result')).toHaveText('Pakket OR-financien-2027-Q2-v1.wbx gemaakt (volgnummer 1).');
  await expect.poll(() => downloads.sort()).toEqual(['OR-financien-2027-Q2-v1.wbx', 'OR-financien-2027-Q2-v1.xlsx']);
  await expect(page.getByRole('cell', { name: 'OR-financien-2027-Q2-v1.wbx' })).toBeVisible();
  await expectAccessible(page, 'exchange page');
});
