import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { unzipSync } from 'fflate';
import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

test('a department head makes a backup, restores it, closes a year and exports the archive', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  const addLine = async (account: string) => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Begroting', exact: true }).click();
    await page.locator('summary', { hasText: 'Begrotingsregel toevoegen' }).click();
    const form = page.locator('details', { hasText: 'Begrotingsregel toevoegen' });
    await form.getByRole('textbox', { name: 'Grootboekrekening' }).fill(account);
    await form.getByRole('textbox', { name: 'Primitieve begroting' }).fill('1.000,00');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(page.getByRole('region', { name: 'Begrotingsregels' }).getByRole('row').filter({ hasText: account }).first()).toBeVisible();
  };
  await addLine('4300');

  await page.getByRole('link', { name: 'Reservekopieën' }).click();
  await expect(page.getByRole('heading', { name: 'Reservekopieën en archief' })).toBeVisible();
  await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
  await expect(page.getByRole('status')).toContainText('Reservekopie gemaakt en gecontroleerd');
  const table = page.getByRole('table', { name: 'Reservekopieën, nieuwste eerst' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Handmatig');
  await expectAccessible(page, 'backups page');

  await addLine('4700');
  await page.getByRole('link', { name: 'Reservekopieën' }).click();
  await page.getByRole('button', { name: /^Terugzetten: reservekopie van/ }).first().click();
  const dialog = page.getByRole('alertdialog', { name: 'Werkboek terugzetten?' });
  await expect(dialog).toContainText('de huidige toestand wordt eerst als reservekopie');
  // The confirmation takes the focus, so a keyboard user lands on it.
  await expect(dialog.getByRole('button', { name: 'Ja, terugzetten' })).toBeFocused();
  await expectAccessible(page, 'restore confirmation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Het werkboek is teruggezet');
  await expect(table).toContainText('Voor terugzetten');

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Begroting', exact: true }).click();
  const grid = page.getByRole('region', { name: 'Begrotingsregels' });
  await expect(grid.getByRole('row').filter({ hasText: '4300' }).first()).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: '4700' })).toHaveCount(0);

  // Year-end close of 2026, then reopening with a reason.
  await page.getByRole('link', { name: 'Reservekopieën' }).click();
  await page.getByRole('textbox', { name: 'Boekjaar' }).fill('2026');
  await page.getByRole('textbox', { name: 'Toelichting (bijvoorbeeld: jaarrekening vastgesteld)' }).fill('Jaarrekening vastgesteld');
  await page.getByRole('button', { name: 'Boekjaar afsluiten' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '2026' })).toContainText('Jaarrekening vastgesteld');
  await page.getByRole('button', { name: 'Boekjaar 2026 heropenen' }).click();
  await page.getByRole('textbox', { name: 'Reden voor heropenen' }).fill('Correctie');
  await page.getByRole('form', { name: 'Boekjaar 2026 heropenen' }).getByRole('button', { name: 'Boekjaar 2026 heropenen' }).click();
  await expect(page.getByText('Er zijn geen afgesloten boekjaren.')).toBeVisible();

  // The archive comes as a download in the browser preview.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Archief maken (ZIP)' }).click();
  const file = await (await download).path();
  const entries = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(file))));
  expect(entries).toEqual(expect.arrayContaining(['LEESMIJ.txt', 'metadata.json', 'tabellen/budget_line.csv', 'tabellen/audit_log.csv']));
});

test('a workbook open in another program is offered read-only', async ({ page, app }) => {
  await app.open();
  const file = await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('button', { name: 'Werkboek sluiten' }).click();
  // Another live process on this computer holds the workbook's lock, as the desktop app or the CLI would.
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    // Written after the process started, as its own lock would be (a lock older than its process is left over).
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: other.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), holder: 'Werkboek (venster)' }));
    await page.getByRole('button', { name: /Openbare Ruimte/ }).first().click();
    const notice = page.getByRole('alert').filter({ hasText: 'al geopend door Werkboek (venster)' });
    await expect(notice).toBeVisible();
    await expectAccessible(page, 'locked notice');
    await notice.getByRole('button', { name: 'Alleen-lezen openen' }).click();
    await expect(page.getByTestId('workbook-title')).toContainText('Openbare Ruimte');
    await expect(page.getByText('Alleen-lezen', { exact: true })).toBeVisible();
  } finally {
    other.kill();
  }
});

test('a workbook left open on another computer shows who and when, and can be taken over', async ({ page, app }) => {
  await app.open();
  const file = await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('button', { name: 'Werkboek sluiten' }).click();
  // The laptop that had it open was switched off: its lock stays behind.
  fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 4242, hostname: 'LAPTOP-BERT', startedAt: '2027-01-04T08:00:00.000Z', holder: 'Werkboek (venster)', user: 'bert' }));
  await page.getByRole('button', { name: /Openbare Ruimte/ }).first().click();
  const notice = page.getByRole('alert').filter({ hasText: 'van gebruiker bert op computer LAPTOP-BERT, sinds 04-01-2027 09:00' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('2027-01-04');
  await expectAccessible(page, 'lock of another computer');
  await notice.getByRole('button', { name: 'Werkboek overnemen' }).click();
  await expect(page.getByTestId('workbook-title')).toContainText('Openbare Ruimte');
  await expect(page.getByText(/U heeft het werkboek overgenomen/)).toBeVisible();
  await expect(page.getByText('Alleen-lezen', { exact: true })).toHaveCount(0);
});
