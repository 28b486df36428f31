import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { addDays, daysInclusive, localToday } from '../../shared/domain/absence/days.ts';
import { formatDate, formatPercent } from '../../shared/format/nl.ts';
import { expect, expectAccessible, openFromWorkbookFolder, test, workbookFolder } from './fixtures.ts';

/**
 * A department workbook set up through the real staff and absence APIs: formation BEH-1 (OR01, 2 fte)
 * and GRO-1 (OR02, 1 fte); Anna (OR01) and Bram (OR02), 36 hours each since 2020; Carla joins OR01 in
 * 30 days. Bram has been sick for 43 days: his sick report and problem analysis are overdue, the plan
 * of action is due in 12 days.
 */
async function prepareWorkbook(dir: string, today: string): Promise<string> {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'setup'), rememberRecent: false });
  const file = path.join(workbookFolder(dir), 'openbare-ruimte.werkboek');
  await client.workbook.create({
    path: file,
    kind: 'department',
    organisation: 'Gemeente Voorbeeld',
    departmentCode: 'OR',
    departmentName: 'Openbare Ruimte',
    // The workbook of the year that is running: the overview opens on today (a workbook of another year opens in its own year).
    fiscalYear: Number(today.slice(0, 4)),
    owner: 'Anne Hoofd',
    costCentres: [
      { code: 'OR01', name: 'Beheer', taakveld: null },
      { code: 'OR02', name: 'Groen', taakveld: null },
    ],
  });
  const beh = await client.formation.createPosition({ code: 'BEH-1', functionTitle: 'Medewerker beheer', salaryScale: 7, fte: 2, costCentre: 'OR01', validFrom: '2020-01-01' });
  const gro = await client.formation.createPosition({ code: 'GRO-1', functionTitle: 'Hovenier', salaryScale: 7, fte: 1, costCentre: 'OR02', validFrom: '2020-01-01' });
  const terms = (costCentre: string, formationPositionId: number) => ({ functionTitle: 'Medewerker', salaryScale: 7, salaryStep: 3, hoursPerWeek: 36, costCentre, contractType: 'Vast', formationPositionId });
  await client.staff.createEmployee({ personnelNumber: '1001', firstName: 'Anna', infix: '', lastName: 'Jansen', startDate: '2020-01-01', terms: terms('OR01', beh.id) });
  const bram = await client.staff.createEmployee({ personnelNumber: '1002', firstName: 'Bram', infix: 'de', lastName: 'Vries', startDate: '2020-01-01', terms: terms('OR02', gro.id) });
  await client.staff.createEmployee({ personnelNumber: '1003', firstName: 'Carla', infix: '', lastName: 'Smit', startDate: addDays(today, 30), terms: terms('OR01', beh.id) });
  await client.absence.register({ today, employeeId: bram.id, firstDay: addDays(today, -43), caseNumber: 'V-BRAM' });
  session.close();
  return file;
}

/** Sick days of a case from `first` up to today that fall in this year, for the year-to-date figure. */
function sickDaysThisYear(first: string, today: string): number {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  return daysInclusive(first > yearStart ? first : yearStart, today);
}

test('the overview shows formation, absence and Poortwachter, follows a sick report and the chosen date, one click from the details', async ({ page, app }) => {
  const today = localToday();
  const file = await prepareWorkbook(app.dir, today);
  const year = today.slice(0, 4);
  // Anna and Bram, full time all year: two available days per day of the year so far.
  const available = 2 * daysInclusive(`${year}-01-01`, today);
  const bramDays = sickDaysThisYear(addDays(today, -43), today);

  await app.open();
  await openFromWorkbookFolder(page, path.basename(file));
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht OR Openbare Ruimte' })).toBeVisible();
  await expect(page.getByText('Nog niet beschikbaar in dit werkboek')).toHaveCount(0);

  // Formation today: OR01 1 of 2 fte (Carla has not started), OR02 1 of 1.
  const formation = page.getByTestId('overview-section-formation');
  await expect(formation.getByRole('heading', { level: 2, name: 'Formatie en bezetting' })).toBeVisible();
  await expect(formation.getByTestId('formation-row-OR01')).toContainText('OR01 Beheer2,001,001,000,0050,0 %1');
  await expect(formation.getByTestId('formation-row-total')).toContainText('3,002,001,000,0066,7 %2');
  await expect(formation.getByTestId('overview-formation-positions')).toContainText('BEH-1 Medewerker beheer (OR01): △ Deels vacant: 1,00 fte');
  await expect(formation.getByTestId('chart-formation')).toBeVisible();

  // Absence of this year so far: Bram's sick days of all available days, above the signal value of 5,5 %.
  const absence = page.getByTestId('overview-section-absence');
  await expect(absence.getByTestId('absence-ytd-value')).toHaveText(formatPercent((bramDays / available) * 100, 2));
  // Nothing registered the year before: no "vorig jaar: 0,00 %", but what is missing.
  await expect(absence.getByTestId('absence-ytd')).toContainText('vorig jaar: nog geen gegevens');
  await expect(absence.getByTestId('overview-absence-gap')).toContainText('nog niet te berekenen: geen verzuimgegevens van het jaar ervoor');
  await expect(absence.getByTestId('absence-ytd-alert')).toContainText('op of boven de signaalwaarde van 5,5 %');
  await expect(absence.getByTestId('absence-open-cases')).toHaveText('1');
  await expect(absence.getByTestId('chart-absence-trend')).toBeVisible();
  await expect(absence.getByTestId('overview-absence-trend').getByRole('row', { name: new RegExp(`^${year}`) })).toBeVisible();
  await expect(absence.getByTestId('overview-absence-trend').getByRole('row', { name: new RegExp(`^${Number(year) - 1}`) })).toHaveCount(0);

  // Poortwachter: by case and personnel number, never by name.
  const poortwachter = page.getByTestId('overview-section-poortwachter');
  const overdue = poortwachter.getByTestId('overview-poortwachter-overdue');
  await expect(overdue.getByRole('listitem')).toHaveCount(2);
  await expect(overdue).toContainText(`V-BRAM (personeelsnummer 1002): Probleemanalyse — uiterlijk ${formatDate(addDays(today, -2))} ⚠ 2 dagen te laat`);
  await expect(poortwachter.getByTestId('overview-poortwachter-due')).toContainText(`Plan van aanpak, casemanager benoemd — uiterlijk ${formatDate(addDays(today, 12))} nog 12 dagen`);
  await expect(poortwachter).not.toContainText('Vries');

  const signals = page.getByTestId('overview-signals');
  await expect(signals).toContainText('Poortwachter: 2 stappen zijn te laat.');
  await expect(signals).toContainText('Poortwachter: 1 stap(pen) binnen 28 dagen.');
  await expect(signals).toContainText(`Verzuimpercentage op of boven de signaalwaarde van 5,5 %: ${year} t/m ${formatDate(today)}`);
  await expectAccessible(page, 'overview with staff and absence');

  // One click from the Poortwachter item to its timeline.
  await overdue.getByRole('link', { name: 'V-BRAM (personeelsnummer 1002)' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Poortwachter' })).toBeVisible();
  await expect(page.getByTestId('timeline-V-BRAM')).toBeVisible();

  // The head registers Anna's sick report from ten days ago on the Verzuim page.
  await page.getByRole('navigation').getByRole('link', { name: 'Verzuim', exact: true }).click();
  const register = page.getByRole('region', { name: 'Ziekmelding registreren' });
  await register.getByLabel('Medewerker').selectOption({ label: 'Anna Jansen (1001, OR01)' });
  await register.getByLabel('Eerste ziektedag').fill(formatDate(addDays(today, -10)));
  await register.getByRole('button', { name: 'Ziekmelding opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('geregistreerd voor Anna Jansen');

  // Back on the overview: her days count in the year's percentage, and her sick report is overdue too.
  await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
  const annaDays = sickDaysThisYear(addDays(today, -10), today);
  await expect(absence.getByTestId('absence-ytd-value')).toHaveText(formatPercent(((bramDays + annaDays) / available) * 100, 2));
  await expect(absence.getByTestId('absence-open-cases')).toHaveText('2');
  await expect(overdue.getByRole('listitem')).toHaveCount(3);
  await expect(overdue).toContainText(`(personeelsnummer 1001): Ziekmelding bij bedrijfsarts/arbodienst — uiterlijk ${formatDate(addDays(today, -4))} ⚠ 4 dagen te laat`);
  await expect(signals).toContainText('Poortwachter: 3 stappen zijn te laat.');
  await expect(poortwachter).not.toContainText('Jansen');

  // A later date: once Carla has joined, BEH-1 is filled.
  await page.getByLabel('Peildatum').fill(formatDate(addDays(today, 40)));
  await expect(page.getByText(`Stand per ${formatDate(addDays(today, 40))}`)).toBeVisible();
  await expect(formation.getByTestId('formation-row-OR01')).toContainText('OR01 Beheer2,002,000,000,00100,0 %2');
  await expect(formation.getByText('Alle formatieplaatsen zijn precies bezet.')).toBeVisible();
  await expectAccessible(page, 'overview on a later date');

  // And one click to the Formatie page.
  await formation.getByRole('link', { name: 'Naar de details: Formatie en bezetting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Formatie en bezetting' })).toBeVisible();
});
