import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { expect, expectAccessible, openFromWorkbookFolder, test, workbookFolder } from './fixtures.ts';

/**
 * A department workbook of 2027, set up through the real APIs: a budget line with an open order of
 * € 12.500 (INK-2027-0042), an assignment running until March 2028 with a go/no-go in January, an open
 * bottleneck, and Bram, sick since 15-11-2027.
 */
async function prepareWorkbook(dir: string): Promise<void> {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'setup'), rememberRecent: false });
  await client.workbook.create({
    path: path.join(workbookFolder(dir), 'openbare-ruimte.werkboek'),
    kind: 'department',
    organisation: 'Gemeente Voorbeeld',
    departmentCode: 'OR',
    departmentName: 'Openbare Ruimte',
    fiscalYear: 2027,
    owner: 'Anne Hoofd',
    costCentres: [
      { code: 'OR01', name: 'Beheer', taakveld: null },
      { code: 'OR02', name: 'Groen', taakveld: null },
    ],
  });
  const housing = await client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', kind: 'lasten', primitiveCents: 100_000_00 });
  await client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4200', accountName: 'Inhuur', kind: 'lasten', primitiveCents: 50_000_00 });
  await client.budget.addCommitment({ budgetLineId: housing.id, supplier: 'Schoonmaak BV', description: 'Schoonmaak kantoor', amountCents: 12_500_00, date: '2027-09-01', reference: 'INK-2027-0042' });
  const assignment = await client.assignments.create({
    kind: 'project',
    title: 'Inspectieplan bruggen',
    contractor: 'Ingenieursbureau Noord',
    ceilingCents: 30_000_00,
    startDate: '2027-09-01',
    endDate: '2028-03-31',
    status: 'lopend',
    budgetLines: [{ costCentre: 'OR01', account: '4200' }],
  });
  await client.assignments.addMoment({ id: assignment.id, kind: 'go_no_go', dueDate: '2028-01-15' });
  await client.bottlenecks.create({ title: 'Te weinig toezicht', category: 'formatie', signalledOn: '2027-10-01' });
  const terms = { functionTitle: 'Hovenier', salaryScale: 7, salaryStep: 3, hoursPerWeek: 36, costCentre: 'OR02', contractType: 'Vast', formationPositionId: null };
  const bram = await client.staff.createEmployee({ personnelNumber: '1002', firstName: 'Bram', infix: 'de', lastName: 'Vries', startDate: '2020-01-01', terms });
  await client.absence.register({ today: '2027-12-20', employeeId: bram.id, firstDay: '2027-11-15', caseNumber: 'V-BRAM' });
  session.close();
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = '/tmp/year-turn-shots';
  fs.mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(dir, `${name}-${width}x${height}.png`), fullPage: true });
  }
}

test('a head opens 2028, sees the preview, confirms, and finds her open case, commitment and assignment in the new year', async ({ page, app }) => {
  await prepareWorkbook(app.dir);
  await app.open();
  await openFromWorkbookFolder(page, 'openbare-ruimte.werkboek');
  await expect(page.getByTestId('workbook-title')).toContainText('2027');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  const card = page.getByRole('region', { name: 'Jaarafsluiting: nieuw boekjaar openen' });
  await expect(card).toContainText('Het huidige boekjaar is 2027.');
  await expect(card.getByRole('textbox', { name: 'Nieuw boekjaar' })).toHaveValue('2028');
  await card.getByRole('radio', { name: 'met de bedragen van de actuele begroting 2027' }).check();
  await card.getByRole('button', { name: 'Voorbeeld tonen' }).click();

  const preview = page.getByRole('region', { name: 'Wat boekjaar 2028 meekrijgt' });
  await expect(preview).toContainText('2 regels: 2 nieuw met de actuele begroting 2027, 0 al aanwezig');
  await expect(preview).toContainText('Begroot: lasten € 150.000,00, baten € 0,00');
  await expect(preview).toContainText('1 verplichting overgenomen met het openstaande bedrag (€ 12.500,00)');
  await expect(preview).toContainText('1 opdracht loopt door in het nieuwe jaar (open beslismomenten: 1)');
  await expect(preview).toContainText('1 verzuimgeval loopt door; de Poortwachter-termijnen blijven zoals ze zijn');
  await expect(preview.getByRole('table', { name: 'Open verplichtingen die naar 2028 gaan' })).toContainText('INK-2027-0042');
  await expect(preview.getByRole('table', { name: 'Opdrachten die doorlopen in 2028' })).toContainText('15-01-2028');
  await expect(preview.getByRole('table', { name: 'Verzuimgevallen die doorlopen' })).toContainText('15-11-2027');
  // The confirmation takes the focus, so a keyboard user lands on it.
  await expect(preview.getByRole('button', { name: 'Boekjaar 2028 openen' })).toBeFocused();
  await expectAccessible(page, 'year turn preview');
  await shoot(page, 'jaarafsluiting-voorbeeld');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Boekjaar 2028 is geopend' })).toBeVisible();
  await expect(page.getByTestId('year-switch')).toHaveValue('2028');
  await expect(page.getByRole('region', { name: 'Jaarafsluiting: nieuw boekjaar openen' })).toContainText('Het huidige boekjaar is 2028.');

  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('link', { name: 'Verplichtingen' }).click();
  await expect(page.getByText('Schoonmaak BV').first()).toBeVisible();
  await nav.getByRole('link', { name: 'Opdrachten' }).click();
  await expect(page.getByText('Inspectieplan bruggen').first()).toBeVisible();
  await nav.getByRole('link', { name: 'Poortwachter' }).click();
  await expect(page.getByText('Bram de Vries').first()).toBeVisible();

  // The year before stays readable: chosen in the header, shown read-only.
  await page.getByTestId('year-switch').selectOption('2027');
  await expect(page.getByTestId('viewing-year')).toContainText('U bekijkt boekjaar 2027');
  await nav.getByRole('link', { name: 'Begroting', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Begrotingsregels' }).getByRole('row').filter({ hasText: '4300' }).first()).toBeVisible();
  await expectAccessible(page, 'an earlier year, read-only');
  await shoot(page, 'vorig-jaar-begroting');
  await page.getByRole('button', { name: 'Terug naar 2028' }).click();
  await expect(page.getByTestId('viewing-year')).toHaveCount(0);
});
