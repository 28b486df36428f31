import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { addDays, localToday } from '../../shared/domain/absence/days.ts';
import { formatDate } from '../../shared/format/nl.ts';
import { insertEmployees, sampleRoster } from '../helpers/employees.ts';
import { sample } from '../helpers/workbook.ts';
import { expect, expectAccessible, openFromWorkbookFolder, test, workbookFolder } from './fixtures.ts';

/** Calls the preview host's API as the page does, to check what was saved. */
async function invoke(app: { server: { url: string; token: string } }, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL('/api/invoke', app.server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.server.token}` }, body: JSON.stringify({ method, input }) });
  const result = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

/**
 * A department workbook with two employees (the staff screens are another area's, so they are written
 * straight into the file) and one running case of Bram that started 43 days ago: its first two
 * Poortwachter steps are overdue and the plan of action is due in 12 days.
 */
async function prepareWorkbook(dir: string): Promise<string> {
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
    costCentres: [
      { code: 'OR01', name: 'Beheer', taakveld: null },
      { code: 'OR02', name: 'Groen', taakveld: null },
    ],
  });
  const ids = insertEmployees(session, [
    { personnelNumber: '1001', firstName: 'Anna', lastName: 'Jansen', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 36, costCentre: 'OR01' }] },
    { personnelNumber: '1002', firstName: 'Bram', infix: 'de', lastName: 'Vries', start: '2020-01-01', terms: [{ from: '2020-01-01', hours: 18, costCentre: 'OR02' }] },
  ]);
  await client.absence.register({ employeeId: ids.get('1002')!, firstDay: addDays(localToday(), -43), caseNumber: 'V-BRAM' });
  session.close();
  return file;
}

/** The sample roster in a department workbook for "Openbare Ruimte". */
async function prepareSampleWorkbook(dir: string): Promise<string> {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'setup'), rememberRecent: false });
  const file = path.join(workbookFolder(dir), 'openbare-ruimte.werkboek');
  await client.workbook.create({ path: file, kind: 'department', organisation: 'Gemeente Voorbeeld', departmentCode: 'OR', departmentName: 'Openbare Ruimte', fiscalYear: 2027, owner: 'Anne Hoofd', costCentres: [{ code: 'OR01', name: 'Beheer', taakveld: null }] });
  insertEmployees(session, sampleRoster());
  session.close();
  return file;
}

test('a head registers a sick report, a partial recovery and a recovery, and sees the figures and deadlines change', async ({ page, app }) => {
  const file = await prepareWorkbook(app.dir);
  const today = localToday();
  await app.open();
  await openFromWorkbookFolder(page, path.basename(file));
  await expect(page.getByTestId('workbook-title')).toContainText('Openbare Ruimte');

  // On opening: the overdue steps of Bram's case are announced, with a link.
  const notice = page.getByTestId('poortwachter-notice');
  await expect(notice).toContainText('2 stap(pen) te laat en 1 binnen 28 dagen');
  await notice.getByRole('link', { name: 'Naar de Poortwachter-stappen' }).click();
  await expect(page.getByRole('heading', { name: 'Poortwachter', level: 1 })).toBeVisible();
  const overdue = page.getByTestId('attention-overdue');
  await expect(overdue.getByRole('listitem')).toHaveCount(2);
  await expect(overdue).toContainText(`Probleemanalyse — uiterlijk ${formatDate(addDays(today, -2))} (2 dagen te laat)`);
  await expect(page.getByTestId('attention-due')).toContainText(`Plan van aanpak, casemanager benoemd — uiterlijk ${formatDate(addDays(today, 12))} (nog 12 dagen)`);
  await expectAccessible(page, 'poortwachter page');

  // The problem analysis was made: registering it takes it off the overdue list.
  const bram = page.getByTestId('timeline-V-BRAM');
  await bram.getByLabel('Gedaan op: Probleemanalyse (V-BRAM)').fill(formatDate(addDays(today, -5)));
  await bram.getByRole('button', { name: 'Opslaan: Probleemanalyse (V-BRAM)' }).click();
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(bram.getByRole('row', { name: /Probleemanalyse/ })).toContainText('gedaan');
  await expect(notice).toContainText('1 stap(pen) te laat');

  // Verzuim: register Anna's sick report on 1 April 2026.
  await page.getByRole('link', { name: 'Verzuim', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Verzuim', level: 1 })).toBeVisible();
  await expect(page.getByText('Registreer nooit een diagnose')).toBeVisible();
  const register = page.getByRole('region', { name: 'Ziekmelding registreren' });
  await register.getByLabel('Medewerker').selectOption({ label: 'Anna Jansen (1001, OR01)' });
  await register.getByLabel('Eerste ziektedag').fill('01-04-2026');
  await register.getByLabel('Notitie').fill('Griep volgens collega');
  await expect(register.getByRole('alert')).toContainText('lijkt medische informatie te bevatten (griep)');
  await register.getByLabel('Notitie').fill('Telefonisch gemeld');
  await register.getByRole('button', { name: 'Ziekmelding opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('Ziekmelding WB2026-00001 geregistreerd voor Anna Jansen.');
  const grid = page.getByRole('region', { name: 'Verzuimgevallen' });
  await expect(grid.getByRole('row').filter({ hasText: 'WB2026-00001' })).toContainText('lopend');
  await expectAccessible(page, 'absence page');

  // Figures for April 2026: Anna (36 h) sick all month, Bram (18 h) not: 30 / 45 days.
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('month');
  await page.getByRole('spinbutton', { name: 'Jaar', exact: true }).fill('2026');
  await page.getByRole('combobox', { name: 'Maand', exact: true }).selectOption({ label: 'april' });
  await expect(page.getByTestId('absence-percentage')).toHaveText('66,67 %');
  await expect(page.getByTestId('absence-reports')).toHaveText('1');
  await expect(page.getByTestId('absence-frequency')).toHaveText('6,00');
  await expect(page.getByTestId('absence-zeroAbsence')).toHaveText('50,0 %');

  // Partial recovery: 50 % from 11 April.
  const panel = page.getByTestId('case-panel');
  await expect(panel.getByRole('heading', { name: 'Verzuimgeval WB2026-00001: Anna Jansen' })).toBeVisible();
  await panel.getByLabel('Vanaf datum').fill('11-04-2026');
  await panel.getByLabel('Nog arbeidsongeschikt (%)').fill('50');
  await panel.getByRole('button', { name: 'Percentage opslaan' }).click();
  await expect(panel.getByRole('table', { name: 'Percentages arbeidsongeschiktheid' })).toContainText('11-04-2026');
  // 10 days × 100 % + 20 days × 50 % = 20 of 45.
  await expect(page.getByTestId('absence-percentage')).toHaveText('44,44 %');
  await expect(page.getByTestId('absence-reports')).toHaveText('1');

  // Her timeline is on the Poortwachter page now, with overdue steps of its own.
  await page.getByRole('link', { name: 'Poortwachter', exact: true }).click();
  await expect(page.getByTestId('timeline-WB2026-00001')).toBeVisible();
  await expect(page.getByTestId('attention-overdue')).toContainText('WB2026-00001 Anna Jansen: Probleemanalyse — uiterlijk 12-05-2026');

  // Recovery per 21 April: the figures drop, her deadlines are no longer needed.
  await page.getByRole('link', { name: 'Verzuim', exact: true }).click();
  await grid.getByRole('gridcell', { name: 'WB2026-00001' }).click();
  await panel.getByLabel('Volledig hersteld per (eerste werkdag)').fill('21-04-2026');
  await panel.getByRole('button', { name: 'Herstel opslaan' }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'WB2026-00001' })).toContainText('hersteld');
  await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption('month');
  await page.getByRole('spinbutton', { name: 'Jaar', exact: true }).fill('2026');
  await page.getByRole('combobox', { name: 'Maand', exact: true }).selectOption({ label: 'april' });
  // 10 days × 100 % + 10 days × 50 % = 15 of 45; one closed case of 20 days.
  await expect(page.getByTestId('absence-percentage')).toHaveText('33,33 %');
  await expect(page.getByTestId('absence-averageDuration')).toHaveText('20,0');
  await expect(page.getByTestId('absence-bands')).toContainText('Middellang');
  await expect(page.getByTestId('absence-trend-table')).toContainText('33,3 %');

  // The last change can be undone, and redone by hand.
  await page.getByRole('button', { name: /Ongedaan maken: WB2026-00001: hersteld per 21-04-2026/ }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'WB2026-00001' })).toContainText('lopend');
  await panel.getByLabel('Volledig hersteld per (eerste werkdag)').fill('21-04-2026');
  await panel.getByRole('button', { name: 'Herstel opslaan' }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'WB2026-00001' })).toContainText('hersteld');
  await expectAccessible(page, 'absence page with figures');

  await page.getByRole('link', { name: 'Poortwachter', exact: true }).click();
  await expect(page.getByTestId('attention-overdue')).not.toContainText('WB2026-00001');
  await page.getByLabel('Alleen lopende gevallen').uncheck();
  const anna = page.getByTestId('timeline-WB2026-00001');
  await expect(anna.getByRole('row', { name: /Probleemanalyse/ })).toContainText('niet nodig (hersteld)');
  await expectAccessible(page, 'poortwachter page after recovery');
});

test('a head imports the absence list, sees what was refused and the year’s figures, and undoes a grid edit', async ({ page, app }) => {
  const file = await prepareSampleWorkbook(app.dir);
  await app.open();
  await openFromWorkbookFolder(page, path.basename(file));

  await page.getByRole('link', { name: 'Importeren', exact: true }).click();
  await page.getByLabel('Soort bestand').selectOption('absence');
  await page.getByTestId('import-file').setInputFiles(sample('verzuim-2027.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 73');
  await expect(page.getByText('24-07-2027 t/m 21-09-2027 overlapt met verzuimgeval V2027-00015').first()).toBeVisible();
  await expectAccessible(page, 'absence import preview');
  await page.getByRole('button', { name: 'Importeren (73 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 73 nieuw/ })).toBeVisible();

  await page.getByRole('link', { name: 'Verzuim', exact: true }).click();
  // The fiscal year 2027 as computed by hand in tests/integration/absence-import.test.ts.
  await expect(page.getByTestId('absence-percentage')).toHaveText('8,79 %');
  await expect(page.getByTestId('absence-reports')).toHaveText('14');
  await expect(page.getByTestId('absence-averageDuration')).toHaveText('35,5');
  await expect(page.getByTestId('absence-zeroAbsence')).toHaveText('30,8 %');
  await expect(page.getByTestId('absence-cost-centres').getByRole('row', { name: /OR01/ })).toContainText('8,79 %');

  // A flag edited in the grid is saved, and Ctrl+Z takes it back.
  const grid = page.getByRole('region', { name: 'Verzuimgevallen' });
  const row = grid.getByRole('row').filter({ hasText: 'V2027-00052' });
  const safetyNet = row.locator('[role="gridcell"][col-id="safetyNet"]');
  await safetyNet.locator('input[type="checkbox"]').check();
  await expect(page.getByRole('button', { name: '↶ Ongedaan maken', exact: true })).toBeEnabled();
  const safetyNetSaved = async () => {
    const cases = await invoke(app, 'absence.cases', {});
    return (cases as Array<{ caseNumber: string; safetyNet: boolean }>).find((c) => c.caseNumber === 'V2027-00052')!.safetyNet;
  };
  await expect.poll(safetyNetSaved).toBe(true);
  await safetyNet.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(safetyNetSaved).toBe(false);
  await expect(safetyNet.locator('input[type="checkbox"]')).not.toBeChecked();
});
