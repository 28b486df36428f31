import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { addDays, localToday } from '../../shared/domain/absence/days.ts';
import { formatDate } from '../../shared/format/nl.ts';
import { departmentWithBudget } from '../helpers/exchange.ts';
import { createCentralWorkbook, createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

test('a head registers an assignment with decision moments, imports ledger lines and sees the ceiling used and the overdue moment on the overview', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);

  // Register a ZZP assignment with the standard decision moments.
  await nav(page, 'Opdrachten');
  await expect(page.getByRole('heading', { name: 'Opdrachten', level: 1 })).toBeVisible();
  await page.getByText('Opdracht toevoegen').click();
  const form = page.getByRole('form', { name: 'Opdracht toevoegen' });
  await form.getByLabel('Omschrijving').fill('Inspectieplan bruggen');
  await form.getByLabel('Soort').selectOption('zzp');
  await form.getByLabel('Opdrachtnemer').fill('J. de Jong');
  await form.getByLabel('Relatie in het grootboek').fill("ZZP'er J. de Jong");
  await form.getByLabel('Ambtelijk opdrachtgever').fill('Afdelingshoofd Openbare Ruimte');
  await form.getByLabel('Afgesproken resultaat').fill('Inspectieplan bruggen opgeleverd en vastgesteld');
  await form.getByLabel('Kostenplaats').selectOption('OR01');
  await form.getByLabel('Grootboekrekening').fill('4200');
  await form.getByLabel('Plafond').fill('3.000,00');
  await form.getByLabel('Begindatum').fill('01-01-2027');
  await form.getByLabel('Einddatum').fill('30-06-2027');
  await expectAccessible(page, 'assignment form');
  await form.getByRole('button', { name: 'Toevoegen' }).click();

  // The detail page: four standard moments; a go/no-go that was due a week ago is overdue.
  await expect(page.getByRole('heading', { name: 'OPD-2027-001: Inspectieplan bruggen' })).toBeVisible();
  const moments = page.getByTestId('assignment-moments');
  await expect(moments.getByRole('row')).toHaveCount(5);
  const due = addDays(localToday(), -7);
  const addMoment = page.getByRole('form', { name: 'Beslismoment toevoegen' });
  await addMoment.getByLabel('Moment').selectOption('go_no_go');
  await addMoment.getByLabel('Uiterlijk').fill(formatDate(due));
  await addMoment.getByRole('button', { name: 'Beslismoment toevoegen' }).click();
  await expect(moments.locator('tr[data-moment="go_no_go"]')).toContainText('verlopen');
  // The start moment is decided: go.
  await moments.getByRole('button', { name: 'Uitkomst vastleggen: Start 01-01-2027' }).click();
  const outcome = page.getByRole('form', { name: 'Uitkomst vastleggen: Start 01-01-2027' });
  await outcome.getByLabel('Besloten op').fill('04-01-2027');
  await outcome.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
  await expect(moments.locator('tr[data-moment="start"]')).toContainText('Akkoord (go)');
  await expect(page.getByTestId('assignment-log')).toContainText('Start: akkoord (go).');
  await expect(page.getByTestId('assignment-ceiling')).toHaveText('€ 3.000,00');
  await expect(page.getByTestId('assignment-actuals')).toHaveText('€ 0,00');
  await expectAccessible(page, 'assignment detail');

  // Import the ledger: two invoices of the ZZP'er on OR01/4200, one on another account, one after the end date.
  const ledger = path.join(app.dir, 'grootboek.csv');
  fs.writeFileSync(
    ledger,
    [
      'Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag;Relatie',
      "20-01-2027;OR01;4200;Inspecties januari;1.800,00;ZZP'er J. de Jong",
      "20-02-2027;OR01;4200;Inspecties februari;1.500,00;ZZP'er J. de Jong",
      "20-02-2027;OR01;4300;Reiskosten;100,00;ZZP'er J. de Jong",
      "20-08-2027;OR01;4200;Na de einddatum;900,00;ZZP'er J. de Jong",
    ].join('\r\n'),
  );
  await nav(page, 'Importeren');
  await page.getByLabel('Soort bestand').selectOption('ledger');
  await page.getByTestId('import-file').setInputFiles(ledger);
  await page.getByRole('button', { name: 'Importeren (4 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 4 nieuw/ })).toBeVisible();

  // The ceiling is used: € 3.300 of € 3.000, 110 %.
  await nav(page, 'Opdrachten');
  const register = page.getByRole('region', { name: 'Register van opdrachten' });
  const row = register.getByRole('row').filter({ hasText: 'OPD-2027-001' });
  await expect(row.locator('[role="gridcell"][col-id="actualsCents"]')).toHaveText('€ 3.300,00');
  await expect(row.locator('[role="gridcell"][col-id="usedPercent"]')).toHaveText('110,0 %');
  await expect(page.getByTestId('assignments-over-ceiling')).toHaveText('1');
  await expectAccessible(page, 'assignments register');

  // Raising the ceiling in the grid, and undoing it.
  const ceiling = row.locator('[role="gridcell"][col-id="ceilingCents"]');
  await ceiling.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('4.000,00');
  await page.keyboard.press('Enter');
  await expect(ceiling).toHaveText('€ 4.000,00');
  await expect(page.getByTestId('assignments-over-ceiling')).toHaveText('0');
  await ceiling.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(ceiling).toHaveText('€ 3.000,00');
  await expect(page.getByTestId('assignments-over-ceiling')).toHaveText('1');

  // The late invoice is linked by hand on the detail page.
  await row.getByRole('link', { name: 'OPD-2027-001' }).click();
  await page.getByText('Andere boekingen op de begrotingsregels koppelen').click();
  await page.getByRole('button', { name: 'Zoeken in omschrijving of relatie', exact: true }).click();
  await page.getByRole('button', { name: 'Koppel aan deze opdracht: 20-08-2027 € 900,00' }).click();
  await expect(page.getByTestId('assignment-actuals')).toHaveText('€ 4.200,00');
  await expect(page.getByTestId('assignment-ledger').getByRole('row').filter({ hasText: 'Na de einddatum' })).toContainText('met de hand gekoppeld');

  // The overview: the ceiling and the overdue moment are signalled, with the assignment to go to.
  await nav(page, 'Overzicht');
  // The overview opens in the workbook's year (on its latest data, here August 2027); the moments are judged on today.
  await page.getByLabel('Peildatum').fill(formatDate(localToday()));
  await expect(page.getByText(`Stand per ${formatDate(localToday())}`)).toBeVisible();
  const signals = page.getByTestId('overview-signals');
  await expect(signals).toContainText('OPD-2027-001 is over het plafond: € 4.200,00 van € 3.000,00 (140,0 %) besteed of verplicht.');
  await expect(signals).toContainText(`OPD-2027-001: beslismoment Go/no-go van ${formatDate(due)} is verlopen zonder besluit.`);
  const section = page.getByTestId('overview-section-assignments');
  await expect(section.getByTestId('overview-assignments-overdue')).toHaveText('1');
  await expect(section.getByTestId('overview-overdue-moments')).toContainText(`OPD-2027-001 Go/no-go: ${formatDate(due)}`);
  await expectAccessible(page, 'overview with assignments');

  // The budget page shows how much of OR01/4200 is committed to assignments.
  await nav(page, 'Begroting');
  await expect(page.getByTestId('assignment-budget-lines-panel').locator('tr[data-line="OR01/4200"]')).toContainText('€ 3.000,00');

  // An old bookmark of the Inhuur page opens the register with only external hire.
  await page.goto(`${page.url().split('#')[0]}#/hires`);
  await expect(page).toHaveURL(/#\/assignments\?hire=1$/);
  await expect(page.getByLabel('Alleen inhuur (ZZP, inhuurbureau, detachering)')).toBeChecked();
});

test('a bottleneck that depends on another department shows up once, centrally, with those of two other departments', async ({ page, app }) => {
  const folder = path.join(app.dir, 'pakketten');
  fs.mkdirSync(folder);
  // Burgerzaken and Sociaal Domein each send a package naming ICT (made on their own laptops).
  for (const [code, name] of [
    ['BZ', 'Burgerzaken'],
    ['SO', 'Sociaal Domein'],
  ]) {
    const d = await departmentWithBudget(app.dir, code, name, [{ costCentre: `${code}01`, account: '4300', accountName: 'Huisvesting', primitiveCents: 100_000 }], []);
    try {
      const b = await d.client.bottlenecks.create({ title: `Zaaksysteem ${name}`, category: 'ict', signalledOn: '2027-02-01' });
      await d.client.bottlenecks.addLink({ id: b.id, linkType: 'department', linkKey: 'ICT', relation: 'hangt_af_van' });
      await d.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(folder, `${code}-financien-2027-Q1.wbx`) });
    } finally {
      d.session.close();
    }
  }

  // Openbare Ruimte, in the app: a bottleneck linked to ICT, sent in the first-quarter package.
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await nav(page, 'Knelpunten');
  await page.getByText('Knelpunt signaleren').click();
  await page.getByLabel('Titel', { exact: true }).fill('Storingen zaaksysteem');
  await page.getByLabel('Categorie', { exact: true }).selectOption('ict');
  await page.getByLabel('Datum gesignaleerd').fill('2027-02-03');
  await page.getByRole('button', { name: 'Signaleren', exact: true }).click();
  await expect(page.getByRole('heading', { name: /KNP-2027-0001: Storingen zaaksysteem/ })).toBeVisible();
  await page.getByLabel('Soort verwijzing').selectOption('department');
  await page.getByLabel('Verwijzing', { exact: true }).fill('ICT');
  await page.getByLabel('Relatie').selectOption('hangt_af_van');
  await page.getByRole('button', { name: 'Verwijzing toevoegen' }).click();
  await expect(page.getByTestId('bottleneck-links')).toContainText('ICT');

  await nav(page, 'Versturen');
  await page.getByLabel('Periode').selectOption('2027-Q1');
  const download = page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.wbx') });
  await page.getByRole('button', { name: 'Pakket maken' }).click();
  await (await download).saveAs(path.join(folder, 'OR-financien-2027-Q1-v1.wbx'));

  // Central finance imports the three packages.
  await page.getByRole('button', { name: 'Werkboek sluiten' }).click();
  await createCentralWorkbook(page, app.dir, 'central-finance', 'Carla Controller', 'control.werkboek');
  await page.getByRole('link', { name: 'Pakketten importeren' }).click();
  await page.getByTestId('package-folder').setInputFiles(folder);
  const dialog = page.getByRole('dialog', { name: 'Onbekende afdelingen vertrouwen?' });
  for (const code of ['BZ', 'OR', 'SO']) await dialog.getByRole('checkbox', { name: new RegExp(code) }).check();
  await dialog.getByRole('button', { name: 'Vertrouwen en importeren' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Geïmporteerd: 3, vervangend: 0, al aanwezig: 0, verouderd: 0, afgekeurd: 0');

  // One group for ICT, named by the three departments, each with its bottleneck.
  await nav(page, 'Gedeelde knelpunten en opdrachten');
  const group = page.getByTestId('shared-group-ICT');
  await expect(page.getByTestId('shared-named-by-ICT')).toHaveText('Genoemd door 3 afdeling(en): BZ, OR, SO');
  await expect(group.getByRole('row')).toHaveCount(4);
  await expect(group.getByRole('row').filter({ hasText: 'Storingen zaaksysteem' })).toContainText('OR Openbare Ruimte');
  await expect(group.getByRole('row').filter({ hasText: 'Storingen zaaksysteem' })).toContainText('hangt af van ICT');
  await expectAccessible(page, 'shared bottlenecks and assignments');
});

test('reference figures are kept in Instellingen and shown beside the department’s own figures', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);

  // Edit a shipped figure in the grid and undo it; add one of the organisation's own.
  await nav(page, 'Instellingen');
  const grid = page.getByRole('region', { name: 'Tabel met referentiecijfers' });
  const row = grid.getByRole('row').filter({ hasText: 'Openbaar bestuur' });
  const value = row.locator('[role="gridcell"][col-id="value"]');
  await expect(value).toHaveText('6,1 %');
  await value.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('6,3');
  await page.keyboard.press('Enter');
  await expect(value).toHaveText('6,3 %');
  await value.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(value).toHaveText('6,1 %');
  const add = page.getByRole('form', { name: 'Referentiecijfer toevoegen' });
  await add.getByLabel('Indicator').selectOption('inhuurpercentage');
  await add.getByLabel('Vergelijkingsgroep').fill('Eigen organisatie');
  await add.getByLabel('Waarde (%)').fill('12,5');
  await add.getByLabel('Jaar').fill('2026');
  await add.getByLabel('Bron').fill('Jaarrekening 2026');
  await add.getByRole('button', { name: 'Referentiecijfer toevoegen' }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'Eigen organisatie' })).toContainText('12,5 %');
  await expectAccessible(page, 'settings with reference figures');

  // With only external hire and no staff yet, the hire percentage is 100 %; the references stand beside it.
  await nav(page, 'Opdrachten');
  await page.getByText('Opdracht toevoegen').click();
  const form = page.getByRole('form', { name: 'Opdracht toevoegen' });
  await form.getByLabel('Omschrijving').fill('Toezichthouder');
  await form.getByLabel('Soort').selectOption('inhuurbureau');
  await form.getByLabel('Opdrachtnemer').fill('Randstad Inhouse');
  await form.getByLabel('Plafond').fill('10.000,00');
  await form.getByLabel('Begindatum').fill('01-01-2027');
  await form.getByLabel('Einddatum').fill('31-12-2027');
  await form.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('heading', { name: 'OPD-2027-001: Toezichthouder' })).toBeVisible();
  await nav(page, 'Overzicht');
  const benchmarks = page.getByTestId('overview-benchmarks');
  const hire = benchmarks.locator('tr[data-indicator="inhuurpercentage"]');
  await expect(hire).toContainText('100,0 %');
  await expect(hire).toContainText('12,5 % eigen organisatie 2026 (Jaarrekening 2026)');
  await expect(hire).toContainText('18,1 % gemeenten 2023');
  await expect(benchmarks.locator('tr[data-indicator="bezettingsgraad"]')).toContainText('nog niet te berekenen');
  await expectAccessible(page, 'overview with reference figures');
});
