import type { Page, Route } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { createDepartmentWorkbook, expect, expectAccessible, SAMPLES, test } from './fixtures.ts';

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** Holds the first call of an API method until the test lets it through, as a busy machine would. */
async function holdFirstCall(page: Page, method: string): Promise<{ arrived: Promise<void>; release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  let held = false;
  await page.route('**/api/invoke', async (route: Route) => {
    const body = route.request().postDataJSON() as { method?: string } | null;
    if (!held && body?.method === method) {
      held = true;
      arrive();
      await released;
    }
    await route.continue();
  });
  return { arrived, release };
}

test('an edit is undone by Ctrl+Z pressed while its save is still on its way', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await nav(page, 'Instellingen');
  const grid = page.getByRole('region', { name: 'Tabel met referentiecijfers' });
  const value = grid.getByRole('row').filter({ hasText: 'Openbaar bestuur' }).locator('[role="gridcell"][col-id="value"]');
  await expect(value).toHaveText('6,1 %');

  const save = await holdFirstCall(page, 'benchmarks.update');
  await value.dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('6,3');
  await page.keyboard.press('Enter');
  await save.arrived;
  await expect(value).toHaveText('6,3 %');
  // The save has not returned: Ctrl+Z must still take the edit back, at once on screen.
  await expect(page.getByRole('button', { name: /Ongedaan maken/ })).toBeEnabled();
  await value.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(value).toHaveText('6,1 %');
  await expect(page.getByRole('button', { name: /Opnieuw/ })).toBeEnabled();
  save.release();
  await expect(value).toHaveText('6,1 %');
  await expectAccessible(page, 'settings with reference figures');

  // And in the workbook: after reloading the page, the figure is the one from before the edit.
  await page.unrouteAll({ behavior: 'wait' });
  await nav(page, 'Overzicht');
  await nav(page, 'Instellingen');
  await expect(value).toHaveText('6,1 %');
});

/** A block as Excel puts it on the clipboard: tab-separated text (a cell with a line break quoted) and an HTML table. */
function excelClipboard(rows: string[][]): { text: string; html: string } {
  const text = rows.map((r) => r.map((c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\r\n') + '\r\n';
  const escape = (c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, "<br style='mso-data-placement:same-cell' />");
  const html = `<html><body><!--StartFragment--><table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table><!--EndFragment--></body></html>`;
  return { text, html };
}

async function putOnClipboard(page: Page, content: { text: string; html: string }): Promise<void> {
  await page.evaluate(async ({ text, html }) => {
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
  }, content);
}

async function readClipboard(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(async () => {
    const content = { text: '', html: '' };
    for (const item of await navigator.clipboard.read()) {
      if (item.types.includes('text/plain')) content.text = await (await item.getType('text/plain')).text();
      if (item.types.includes('text/html')) content.html = await (await item.getType('text/html')).text();
    }
    return content;
  });
}

/** Rows of a grid, the header row not counted (AG Grid renders only the rows in view; aria-rowcount has them all). */
async function rowCount(region: ReturnType<Page['getByRole']>): Promise<number> {
  return Number(await region.locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;
}

test('a head pastes 20 commitments copied from her spreadsheet, sees the refused cells, undoes the paste with one Ctrl+Z and copies rows back out', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await nav(page, 'Importeren');
  await page.getByLabel('Soort bestand').selectOption('budget');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'begroting-2027.csv'));
  await page.getByRole('button', { name: /^Importeren \(\d+ regels\)$/ }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid/ })).toBeVisible();

  await nav(page, 'Verplichtingen');
  const grid = page.getByRole('region', { name: 'Verplichtingen' });
  await expect(grid.getByRole('button', { name: 'Plakken' })).toBeVisible();
  const header = ['Kostenplaats', 'Grootboekrekening', 'Leverancier', 'Omschrijving', 'Bedrag', 'Datum', 'Status', 'Kenmerk'];
  const rows: string[][] = [header];
  for (let i = 1; i <= 20; i += 1) {
    rows.push(['OR01', i % 2 ? '4300' : '4400', `Leverancier ${i}`, `Opdracht ${i}`, `1.${String(i).padStart(3, '0')},50`, `${String(i).padStart(2, '0')}-03-2027`, 'open', `K-${i}`]);
  }
  rows[2][4] = '€ 2.500,00';
  rows[3][4] = '-1.234,56';
  rows[4][5] = '31-12-27';
  rows[5][3] = 'Maaien van bermen\nen sloten'; // a cell with a line break, as Excel quotes it
  rows[6][4] = 'veel'; // refused here
  rows[7][5] = '31-02-2027'; // refused here
  rows[8][1] = '9999'; // refused by the workbook: no budget line
  rows[9][2] = ''; // refused: a commitment needs a supplier
  await putOnClipboard(page, excelClipboard(rows));

  // The grid is empty: the button pastes the block as new rows from the top.
  await grid.getByRole('button', { name: 'Plakken' }).click();
  const report = page.getByTestId('paste-report');
  await expect(report).toContainText('16 regels geplakt (128 cellen). Daarvan zijn 16 nieuw.');
  await expect(report).toContainText('De eerste regel bevatte de kolomnamen en is overgeslagen.');
  const refused = page.getByTestId('paste-refused');
  await expect(refused.getByRole('row')).toHaveCount(5);
  await expect(refused.getByRole('row').filter({ hasText: 'veel' })).toContainText('Bedrag');
  await expect(refused.getByRole('row').filter({ hasText: '31-02-2027' })).toContainText('bestaat niet');
  await expect(refused.getByRole('row').filter({ hasText: '9999' })).toContainText('geen begrotingsregel voor kostenplaats OR01 en grootboekrekening 9999');
  await expect(refused.getByRole('row').filter({ hasText: 'Leverancier ontbreekt' })).toContainText('Leverancier');
  expect(await rowCount(grid)).toBe(16);
  const supplierRow = (n: number) => grid.getByRole('row').filter({ has: page.locator('[col-id="supplier"]', { hasText: new RegExp(`^Leverancier ${n}$`) }) });
  const second = supplierRow(2);
  await expect(second.locator('[col-id="amountCents"]')).toHaveText('€ 2.500,00');
  await expect(supplierRow(3).locator('[col-id="amountCents"]')).toHaveText('€ -1.234,56');
  await expect(supplierRow(4).locator('[col-id="date"]')).toHaveText('31-12-2027');
  await expect(supplierRow(5).locator('[col-id="description"]')).toContainText('Maaien van bermen');
  await expectAccessible(page, 'commitments with a paste report');

  // One Ctrl+Z undoes the whole paste.
  await second.locator('[col-id="supplier"]').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => rowCount(grid)).toBe(0);
  await page.getByRole('button', { name: /Opnieuw/ }).click();
  await expect.poll(() => rowCount(grid)).toBe(16);
  // What the grid shows is what the workbook has.
  await nav(page, 'Overzicht');
  await nav(page, 'Verplichtingen');
  await expect.poll(() => rowCount(grid)).toBe(16);

  // Ctrl+V while a cell is being edited: a block of two lines is pasted as a block from that cell, never into it.
  const description = supplierRow(1).locator('[col-id="description"]');
  await description.dblclick();
  await expect(grid.locator('.ag-cell-inline-editing, .ag-popup-editor')).toHaveCount(1);
  await putOnClipboard(page, excelClipboard([['Nieuwe omschrijving', '10,00'], ['Tweede omschrijving', '20,00']]));
  await page.keyboard.press('ControlOrMeta+v');
  await expect(description).toHaveText('Nieuwe omschrijving');
  await expect(supplierRow(1).locator('[col-id="amountCents"]')).toHaveText('€ 10,00');
  await expect(supplierRow(2).locator('[col-id="description"]')).toHaveText('Tweede omschrijving');
  await expect(page.getByTestId('paste-report')).toContainText('2 regels geplakt (4 cellen).');
  await description.click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(description).toHaveText('Opdracht 1');
  await expect(supplierRow(2).locator('[col-id="amountCents"]')).toHaveText('€ 2.500,00');

  // Copy back out: Shift+arrows choose a range, Ctrl+C copies it in Dutch notation that Excel reads as numbers and dates.
  await supplierRow(1).locator('[col-id="supplier"]').click();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(`Shift+${key}`);
  await expect(grid.getByText('3 × 4 cellen gekozen; Ctrl+C kopieert ze')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+c');
  await expect.poll(() => readClipboard(page)).toEqual({
    text: 'Leverancier 1\tOpdracht 1\t1.001,50\t01-03-2027\r\nLeverancier 2\tOpdracht 2\t2.500,00\t02-03-2027\r\nLeverancier 3\tOpdracht 3\t-1.234,56\t03-03-2027\r\n',
    html: expect.stringContaining('<tr><td>Leverancier 1</td><td>Opdracht 1</td><td>1.001,50</td><td>01-03-2027</td></tr>'),
  });
  // Shift+Space takes whole rows; the Kopiëren button copies what is chosen.
  await page.keyboard.press('Shift+Space');
  await grid.getByRole('button', { name: 'Kopiëren' }).click();
  await expect.poll(async () => (await readClipboard(page)).text.split('\r\n')[0]).toBe('OR01\t4300\tLeverancier 1\tOpdracht 1\t1.001,50\t01-03-2027\topen\tK-1');
  // Without a choice, the button copies every row as shown, with the column names above.
  await supplierRow(5).locator('[col-id="supplier"]').click();
  await grid.getByRole('button', { name: 'Kopiëren' }).click();
  await expect.poll(async () => (await readClipboard(page)).text.split('\r\n').length).toBe(18);
  expect((await readClipboard(page)).text.split('\r\n')[0]).toBe(header.join('\t'));
  await expectAccessible(page, 'commitments with a range of cells chosen');
});

test('a head pastes a 20-row salary table copied from the cao spreadsheet, sees scales 19 and 20 and two wrong amounts refused, and undoes it with one Ctrl+Z', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await nav(page, 'Salaristabel');
  const table = page.getByRole('region', { name: 'Salaristabel per 01-01-2027 (bedrag per maand)' });
  const cell = (scale: number, step: number) => table.getByRole('row').filter({ has: page.locator('[col-id="scale"]', { hasText: new RegExp(`^${scale}$`) }) }).locator(`[role="gridcell"][col-id="s${step}"]`);
  const euros = (scale: number, step: number) => 1800 + scale * 150 + step * 60;
  const block: string[][] = [];
  for (let scale = 1; scale <= 20; scale += 1) {
    block.push([String(scale), ...[0, 1, 2, 3].map((step) => `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2 }).format(euros(scale, step))}`)]);
  }
  block[3][2] = 'abc';
  block[5][4] = '-100,00';
  await putOnClipboard(page, excelClipboard(block));
  await table.getByRole('row').filter({ has: page.locator('[col-id="scale"]', { hasText: /^1$/ }) }).locator('[col-id="scale"]').click();
  await page.keyboard.press('ControlOrMeta+v');

  const report = page.getByTestId('paste-report');
  await expect(report).toContainText('16 regels geplakt (64 cellen).');
  const refused = page.getByTestId('paste-refused');
  await expect(refused.getByRole('row')).toHaveCount(5);
  await expect(refused.getByRole('row').filter({ hasText: 'abc' })).toContainText('schaal 4');
  await expect(refused.getByRole('row').filter({ hasText: 'Bedrag moet meer dan nul zijn' })).toContainText('Trede 3');
  await expect(refused.getByRole('row').filter({ hasText: /^19/ })).toContainText('schalen 1 tot en met 18');
  await expect(refused.getByRole('row').filter({ hasText: /^20/ })).toContainText('schalen 1 tot en met 18');
  await expect(cell(10, 2)).toHaveText('€ 3.420,00');
  await expect(cell(18, 3)).toHaveText('€ 4.680,00');
  // Nothing of a refused row is written: scale 4 and 6 stay empty.
  await expect(cell(4, 0)).toHaveText('');
  await expect(cell(6, 0)).toHaveText('');
  await expect(page.getByText('64 bedragen in 16 schalen')).toBeVisible();
  await expectAccessible(page, 'salary table with a paste report');

  await cell(10, 2).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(cell(10, 2)).toHaveText('');
  await expect(page.getByText('Deze tabel is nog leeg.')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+y');
  await expect(cell(10, 2)).toHaveText('€ 3.420,00');
  await expect(page.getByText('64 bedragen in 16 schalen')).toBeVisible();

  // Scales 10 and 11 copied back out as whole rows: the scale, then the amounts per step as Excel reads them.
  await cell(10, 2).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+Space');
  await page.keyboard.press('ControlOrMeta+c');
  const empty = '\t'.repeat(9);
  await expect.poll(async () => (await readClipboard(page)).text).toBe(`10\t3.300,00\t3.360,00\t3.420,00\t3.480,00${empty}\r\n11\t3.450,00\t3.510,00\t3.570,00\t3.630,00${empty}\r\n`);
});

test('Exporteren naar Excel writes what the grid shows, in its sort, with amounts and dates Excel calculates with', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await nav(page, 'Importeren');
  await page.getByLabel('Soort bestand').selectOption('budget');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'begroting-2027.csv'));
  await page.getByRole('button', { name: /^Importeren \(\d+ regels\)$/ }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid/ })).toBeVisible();
  await nav(page, 'Verplichtingen');
  const grid = page.getByRole('region', { name: 'Verplichtingen' });
  await putOnClipboard(
    page,
    excelClipboard([
      ['OR01', '4300', 'Groen BV', 'Maaien', '1.500,00', '01-03-2027', 'open', 'K-1'],
      ['OR01', '4300', '=HYPERLINK("http://x.example","klik")', 'Snoeien', '9.999,99', '02-03-2027', 'open', 'K-2'],
      ['OR01', '4400', 'Bomen BV', 'Kappen', '250,00', '03-03-2027', 'afgewikkeld', 'K-3'],
    ]),
  );
  await grid.getByRole('button', { name: 'Plakken' }).click();
  await expect(page.getByTestId('paste-report')).toContainText('3 regels geplakt');
  // Sorted by amount, largest first, as the head looks at it.
  await grid.getByRole('columnheader', { name: 'Bedrag' }).click();
  await grid.getByRole('columnheader', { name: 'Bedrag' }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText('€ 9.999,99');
  // Only the open commitments: the grid's own column filter.
  await grid.locator('.ag-header-cell[col-id="status"] .ag-header-cell-filter-button').click();
  await page.locator('.ag-filter').getByRole('textbox').first().fill('open');
  await expect(grid.getByRole('row').filter({ hasText: 'Kappen' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  const downloading = page.waitForEvent('download');
  await grid.getByRole('button', { name: 'Exporteren naar Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('verplichtingen-obligo.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await download.path()) as never);
  const sheet = book.worksheets[0];
  expect(sheet.getRow(4).values).toEqual([undefined, 'Kostenplaats', 'Grootboekrekening', 'Leverancier', 'Omschrijving', 'Bedrag', 'Datum', 'Status', 'Kenmerk']);
  // The rows the grid shows, in its order: the settled commitment filtered away is not in the file.
  expect([5, 6, 7].map((r) => sheet.getCell(r, 5).value)).toEqual([9999.99, 1500, null]);
  expect(sheet.getCell(5, 5).numFmt).toBe('€ #,##0.00;[Red]€ -#,##0.00');
  expect(sheet.getCell(5, 6).value).toEqual(new Date('2027-03-02T00:00:00Z'));
  expect(sheet.getCell(5, 6).numFmt).toBe('dd-mm-yyyy');
  // Text that a spreadsheet would run as a formula is written as text.
  expect(sheet.getCell(5, 3).value).toBe('\'=HYPERLINK("http://x.example","klik")');
  await expect(page.getByText('verplichtingen-obligo.xlsx opgeslagen')).toBeVisible();
  await expectAccessible(page, 'commitments after an export');

  // The export is in the Logboek, in words; the Logboek exports too, its text columns included.
  await nav(page, 'Logboek');
  const log = page.getByRole('region', { name: /^Logboek/ });
  await expect(log.getByRole('row').filter({ hasText: 'Tabel naar Excel geëxporteerd' }).first()).toContainText('Verplichtingen (obligo)');
  const loggedDownload = page.waitForEvent('download');
  await log.getByRole('button', { name: 'Exporteren naar Excel' }).click();
  const logFile = await loggedDownload;
  expect(logFile.suggestedFilename()).toBe('logboek-audit-trail.xlsx');
  const logBook = new ExcelJS.Workbook();
  await logBook.xlsx.load(fs.readFileSync(await logFile.path()) as never);
  const logSheet = logBook.worksheets[0];
  expect(logSheet.getRow(4).values).toEqual([undefined, 'Tijdstip', 'Gebruiker', 'Wat · Betreft', 'Wijziging']);
  expect(logSheet.getCell(5, 3).value).toBe('Tabel naar Excel geëxporteerd · Verplichtingen (obligo)');
  await expectAccessible(page, 'Logboek after an export');
});
