import type { Page } from '@playwright/test';
import path from 'node:path';
import { createDepartmentWorkbook, expect, expectAccessible, SAMPLES, test } from './fixtures.ts';

/** Goes to a page through the main menu. */
async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

const SALARY_TABLE = path.resolve(import.meta.dirname, '../fixtures/staff/salaristabel-2027.csv');

test('a head imports the roster, changes an employee’s hours from a date and sees formation and occupation change', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);

  // Import the HR roster with a reference date, from the link on the Personeel page: preview first, then confirm.
  await nav(page, 'Personeel');
  await page.getByRole('link', { name: 'Personeelsbestand importeren' }).click();
  await expect(page.getByLabel('Soort bestand')).toHaveValue('staff');
  await page.getByLabel('Peildatum van het bestand').fill('01-01-2027');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'personeel-2027.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 13');
  await expect(page.getByTestId('import-counts')).toContainText('niet van deze afdeling: 47');
  await expect(page.getByTestId('import-extra')).toHaveCount(0);
  await expectAccessible(page, 'roster import preview');
  await page.getByRole('button', { name: 'Importeren (13 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 13 nieuw/ })).toBeVisible();

  // A formation position of 11 FTE on OR01.
  await nav(page, 'Formatie');
  await expect(page.getByRole('heading', { name: 'Formatie en bezetting', exact: true })).toBeVisible();
  await page.getByText('Formatieplaats toevoegen', { exact: true }).click();
  const addPosition = page.getByRole('form', { name: 'Formatieplaats toevoegen' });
  await addPosition.getByLabel('Code').fill('OR01-BEH');
  await addPosition.getByLabel('Functie').fill('Beheer openbare ruimte');
  await addPosition.getByLabel('Formatie (fte)').fill('11');
  await addPosition.getByRole('button', { name: 'Toevoegen' }).click();
  await page.getByLabel('Peildatum').fill('01-04-2027');
  // 13 employees with 391 hours: 10,86 FTE against 11, so 0,14 FTE room.
  await expect(page.getByTestId('formation-occupiedFte')).toHaveText('10,86');
  await expect(page.getByTestId('formation-vacancyFte')).toHaveText('0,14');
  const or01 = page.getByTestId('formation-cost-centres').getByRole('row').filter({ hasText: 'OR01' });
  await expect(or01).toContainText('▲ vacatureruimte');
  await expectAccessible(page, 'formation page');

  // Personeel: find Daan Jansen by surname, change his hours from 1 April.
  await nav(page, 'Personeel');
  await expect(page.getByRole('heading', { name: 'Personeel', exact: true })).toBeVisible();
  await page.getByLabel('Peildatum').fill('01-03-2027');
  await expect(page.getByTestId('staff-headcount')).toHaveText('13');
  await page.getByLabel('Zoeken op achternaam, voornaam of personeelsnummer').fill('jansen');
  const grid = page.getByRole('region', { name: 'Medewerkers op 01-03-2027' });
  await expect(grid.getByRole('row').filter({ hasText: '100287' })).toContainText('Jansen, Daan');
  await grid.locator('[role="gridcell"][col-id="sortName"]').first().click();
  const panel = page.getByRole('region', { name: 'Daan Jansen (100287)' });
  await expect(panel.getByRole('table', { name: 'Arbeidsvoorwaarden in de tijd' })).toContainText('20,5');
  const change = page.getByRole('form', { name: 'Wijziging per datum' });
  await change.getByLabel('Ingangsdatum').fill('01-04-2027');
  await change.getByLabel('Uren per week').fill('28');
  await change.getByRole('button', { name: 'Wijziging opslaan' }).click();
  const history = panel.getByRole('table', { name: 'Arbeidsvoorwaarden in de tijd' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('31-03-2027');
  await expect(history.getByRole('row').nth(2)).toContainText('01-04-2027');
  await expect(history.getByRole('row').nth(2)).toContainText('28');
  await expectAccessible(page, 'staff page with an employee');

  // Formation on 31 March is unchanged; from 1 April OR01 is over-occupied by 7,5 hours = 0,21 − 0,14 = 0,07 FTE.
  await nav(page, 'Formatie');
  await page.getByLabel('Peildatum').fill('31-03-2027');
  await expect(page.getByTestId('formation-vacancyFte')).toHaveText('0,14');
  await page.getByLabel('Peildatum').fill('01-04-2027');
  await expect(page.getByTestId('formation-occupiedFte')).toHaveText('11,07');
  await expect(page.getByTestId('formation-vacancyFte')).toHaveText('0,00');
  await expect(page.getByTestId('formation-overOccupationFte')).toHaveText('0,07');
  await expect(or01).toContainText('▼ boventallig');
  const positions = page.getByRole('region', { name: 'Formatieplaatsen op 01-04-2027' });
  await expect(positions.getByRole('row').filter({ hasText: 'OR01-BEH' })).toContainText('Vacant: 11,00 fte');

  // A later roster still says 20,5 hours: from its reference date the HR system's terms apply again.
  await nav(page, 'Importeren');
  await page.getByLabel('Soort bestand').selectOption('staff');
  await page.getByLabel('Peildatum van het bestand').fill('01-06-2027');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'personeel-2027.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('bijgewerkt: 1');
  await expect(page.getByTestId('import-extra')).toContainText('Arbeidsvoorwaarden gewijzigd per peildatum: 1');
});

test('salary table, external hire and the personnel cost forecast beside the budget', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await nav(page, 'Importeren');
  await page.getByLabel('Soort bestand').selectOption('salary-table');
  await page.getByTestId('import-file').setInputFiles(SALARY_TABLE);
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 234');
  await page.getByRole('button', { name: 'Importeren (234 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 234 nieuw/ })).toBeVisible();
  await page.getByLabel('Soort bestand').selectOption('staff');
  await page.getByLabel('Peildatum van het bestand').fill('01-01-2027');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'personeel-2027.csv'));
  await page.getByRole('button', { name: 'Importeren (13 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 13 nieuw/ })).toBeVisible();

  // The salary table: scale 10, step 4 as in the file; an edit can be undone.
  await nav(page, 'Salaristabel');
  const table = page.getByRole('region', { name: 'Salaristabel per 01-01-2027 (bedrag per maand)' });
  const cell = table.getByRole('row').filter({ has: page.locator('[col-id="scale"]', { hasText: /^10$/ }) }).locator('[role="gridcell"][col-id="s4"]');
  await expect(cell).toHaveText('€ 5.159,88');
  await cell.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('5.200,00');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('€ 5.200,00');
  await cell.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(cell).toHaveText('€ 5.159,88');
  await expectAccessible(page, 'salary table page');

  // External hire is an assignment of a hire kind: an agency worker on OR01, 24 hours a week from 15 March to 30 June 2027 at € 95.
  await nav(page, 'Opdrachten');
  await page.getByText('Opdracht toevoegen').click();
  const hireForm = page.getByRole('form', { name: 'Opdracht toevoegen' });
  await hireForm.getByLabel('Soort').selectOption('inhuurbureau');
  await hireForm.getByLabel('Omschrijving').fill('Toezicht openbare ruimte');
  await hireForm.getByLabel('Opdrachtnemer').fill('Randstad');
  await hireForm.getByLabel('Plafond').fill('36.000,00');
  await hireForm.getByLabel('Uurtarief').fill('95,00');
  await hireForm.getByLabel('Uren per week').fill('24');
  await hireForm.getByLabel('Begindatum').fill('15-03-2027');
  await hireForm.getByLabel('Einddatum').fill('30-06-2027');
  await hireForm.getByRole('button', { name: 'Toevoegen' }).click();
  // 78 working days × 24 / 5 = 374,4 hours × € 95 = € 35.568.
  await expect(page.getByTestId('assignment-hire-cost')).toHaveText('€ 35.568,00');
  await expectAccessible(page, 'external hire as an assignment');

  // The forecast: employees from the salary table, plus the hire.
  await nav(page, 'Personeelskosten');
  await expect(page.getByRole('heading', { name: 'Personeelskosten 2027' })).toBeVisible();
  await expect(page.getByTestId('costs-hire')).toHaveText('€ 35.568');
  await expect(page.getByTestId('costs-missing')).toHaveCount(0);
  await expect(page.getByTestId('personnel-budget')).toContainText('Inhuur (4200)');
  await expectAccessible(page, 'personnel costs page');

  // The settings of the area, and the panel on the budget page.
  await nav(page, 'Instellingen');
  await expect(page.getByLabel('Normale werkweek (uren)')).toHaveValue('36');
  await expect(page.getByLabel('IKB (% van het salaris)')).toHaveValue('17,05');
  await expectAccessible(page, 'settings page');
  await nav(page, 'Begroting');
  await expect(page.getByRole('heading', { name: 'Personeelskosten 2027: prognose uit bezetting en inhuur' })).toBeVisible();
  await expect(page.getByTestId('personnel-budget')).toContainText('€ 35.568');
});
