import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

test('a head registers, escalates and resolves a bottleneck and sees the overview change', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);

  // The overview is the start page: nothing running yet.
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht OR Openbare Ruimte' })).toBeVisible();
  const bottleneckSection = page.getByTestId('overview-section-bottlenecks');
  await expect(bottleneckSection.getByTestId('overview-bottlenecks-none')).toBeVisible();
  await expect(page.getByTestId('bn-count-geescaleerd')).toHaveText('0');
  await expect(page.getByRole('heading', { name: 'Formatie en bezetting' })).toBeVisible();
  await expectAccessible(page, 'overview (empty)');

  // Register a bottleneck through the form.
  await page.getByRole('navigation').getByRole('link', { name: 'Knelpunten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Knelpunten' })).toBeVisible();
  await page.getByText('Knelpunt signaleren').click();
  const form = page.locator('details', { hasText: 'Knelpunt signaleren' });
  await form.getByLabel('Titel').fill('Te weinig toezichthouders in de wijk');
  await form.getByLabel('Omschrijving').fill('Meldingen over zwerfafval blijven liggen.');
  await form.getByLabel('Categorie').selectOption('formatie');
  await form.getByLabel('Impact').selectOption('hoog');
  await form.getByLabel('Urgentie').selectOption('hoog');
  await form.getByLabel('Datum gesignaleerd').fill('2027-02-03');
  await expectAccessible(page, 'bottleneck register with form');
  await page.getByRole('button', { name: 'Signaleren' }).click();

  // The detail page of the new case.
  await expect(page.getByRole('heading', { level: 1, name: 'KNP-2027-0001: Te weinig toezichthouders in de wijk' })).toBeVisible();
  await expect(page.getByTestId('bottleneck-status')).toHaveText('Open');

  // Escalating needs a reason: refused with a message, nothing changes.
  await page.getByLabel('Nieuwe status').selectOption('geescaleerd');
  await page.getByLabel('Geëscaleerd naar').selectOption('directeur');
  await page.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Reden ontbreekt' })).toBeVisible();
  await expect(page.getByTestId('bottleneck-status')).toHaveText('Open');

  await page.getByLabel('Reden (waarom)').fill('Extra formatie nodig; dat beslist de directeur.');
  await page.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.getByTestId('bottleneck-status')).toHaveText('Geëscaleerd → Directeur');
  const history = page.getByTestId('status-history');
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('Extra formatie nodig; dat beslist de directeur.');

  await page.getByRole('textbox', { name: 'Actie' }).fill('Gesprek met de directeur gepland');
  await page.getByRole('button', { name: 'Actie vastleggen' }).click();
  await expect(page.getByTestId('action-log')).toContainText('Gesprek met de directeur gepland');
  await expectAccessible(page, 'bottleneck detail');

  // The overview shows it as escalated, with a signal, one click from its detail.
  await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
  await expect(page.getByTestId('bn-count-geescaleerd')).toHaveText('1');
  await expect(page.getByTestId('overview-signals')).toContainText('1 knelpunt(en) geëscaleerd.');
  await expect(page.getByTestId('overview-signals')).toContainText('KNP-2027-0001 heeft hoge impact en hoge urgentie');
  await expect(page.getByTestId('overview-bottlenecks')).toContainText('Geëscaleerd → Directeur');
  await expectAccessible(page, 'overview with an escalated bottleneck');
  await page.getByTestId('overview-bottlenecks').getByRole('link', { name: 'KNP-2027-0001 Te weinig toezichthouders in de wijk' }).click();

  // Resolve it: the decision is required and recorded.
  await expect(page.getByTestId('bottleneck-status')).toHaveText('Geëscaleerd → Directeur');
  await page.getByLabel('Nieuwe status').selectOption('opgelost');
  await page.getByLabel('Besluit', { exact: true }).first().fill('Twee tijdelijke toezichthouders ingehuurd tot 1 juli.');
  await page.getByLabel('Reden (waarom)').fill('Besluit van de directeur in het MT van 1 maart.');
  await page.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(page.getByTestId('bottleneck-status')).toHaveText('Opgelost');
  await expect(page.getByTestId('bottleneck-decision')).toContainText('Twee tijdelijke toezichthouders ingehuurd tot 1 juli.');
  await expect(page.getByRole('button', { name: 'Archiveren' })).toBeVisible();

  // Back on the overview: nothing running, one resolved, the signals gone.
  await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
  await expect(page.getByTestId('bn-count-opgelost')).toHaveText('1');
  await expect(page.getByTestId('bn-count-geescaleerd')).toHaveText('0');
  await expect(bottleneckSection.getByTestId('overview-bottlenecks-none')).toBeVisible();
  await expect(page.getByText('Geen signalen: alles binnen de signaalwaarden.')).toBeVisible();

  // The register keeps it, filterable by status; the title can be edited in the grid and undone.
  await page.getByRole('navigation').getByRole('link', { name: 'Knelpunten' }).click();
  await page.getByLabel('Filter op status').selectOption('opgelost');
  const grid = page.getByRole('region', { name: 'Register van knelpunten' });
  await expect(grid.getByRole('row').filter({ hasText: 'KNP-2027-0001' })).toContainText('Opgelost');
  const titleCell = grid.locator('[role="gridcell"][col-id="title"]').first();
  await titleCell.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Te weinig toezicht in de wijk');
  await page.keyboard.press('Enter');
  await expect(titleCell).toHaveText('Te weinig toezicht in de wijk');
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(titleCell).toHaveText('Te weinig toezichthouders in de wijk');
  await page.getByLabel('Filter op status').selectOption('open');
  await expect(page.getByTestId('bottleneck-count')).toHaveText('0 knelpunt(en)');
  await expectAccessible(page, 'bottleneck register');
});

test('the quarterly report downloads as PDF and XLSX from the overview', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('combobox', { name: 'Kwartaal' }).selectOption('2027-Q1');
  // The new workbook has no data yet: the report says so first and is made when asked again.
  await page.getByRole('button', { name: 'PDF maken' }).click();
  await expect(page.getByTestId('report-period-confirm')).toContainText('1e kwartaal 2027 heeft geen gegevens in dit werkboek');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Toch maken' }).click()]);
  expect(pdf.suggestedFilename()).toBe('managementrapportage-or-2027-q1.pdf');
  await page.getByRole('button', { name: 'XLSX maken' }).click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Toch maken' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('managementrapportage-or-2027-q1.xlsx');
});
