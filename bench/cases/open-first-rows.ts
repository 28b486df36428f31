import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startPreviewServer } from '../../electron/preview/server.ts';
import { browserPath } from '../../scripts/find-browser.mjs';
import { createBenchWorkbook } from '../generate.ts';
import { peakRssMb, report } from '../measure.ts';

/**
 * In the browser preview, with Playwright and Chromium: the time from clicking "Openen" on the start
 * page until the first page (the overview) shows its rows per cost centre, for a big workbook, a small
 * one and an empty one (the floor of opening); and until the actuals grid shows its first page, for the
 * big and the small workbook (an empty one has no rows to show, so the small one is that floor).
 */
const [bigFile, smallFile, rendererDir, dataDir] = process.argv.slice(2);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const browser = await chromium.launch({ executablePath: browserPath(), args: CHROMIUM_ARGS });

async function emptyWorkbook(): Promise<string> {
  const file = path.join(dataDir, 'leeg.werkboek');
  (await createBenchWorkbook(file, path.join(dataDir, 'data-leeg'))).session.close();
  return file;
}

async function measure(file: string, withLedger: boolean): Promise<{ firstPage: number; ledgerPage: number }> {
  const runs: Array<{ firstPage: number; ledgerPage: number }> = [];
  for (let i = 0; i < 3; i += 1) {
    // The preview opens workbooks of its own folder (the renderer never names a path): the workbook is linked in.
    const runDir = path.join(dataDir, `run-${path.basename(path.dirname(file))}-${path.basename(file)}-${i}`);
    const name = path.basename(file);
    fs.mkdirSync(path.join(runDir, 'werkboeken'), { recursive: true });
    fs.linkSync(file, path.join(runDir, 'werkboeken', name));
    const server = await startPreviewServer({ rendererDir, dataDir: runDir });
    const page = await browser.newPage();
    await page.goto(server.openUrl);
    await page.getByLabel('Werkboek in de lokale map').selectOption(name);
    const started = Date.now();
    await page.getByRole('button', { name: 'Alleen-lezen openen' }).click();
    // The first page is the overview; its table per cost centre is filled from the same queries as the budget grid.
    // An empty workbook's overview says there is no budget yet instead of a table; that is its first page.
    await page.getByTestId('overview-budget-table').locator('tbody tr').first().or(page.getByTestId('overview-budget-none')).waitFor();
    const firstPage = (Date.now() - started) / 1000;
    let ledgerPage = Number.NaN;
    if (withLedger) {
      const ledgerStarted = Date.now();
      await page.getByRole('link', { name: 'Realisatie' }).click();
      await page.getByTestId('ledger-totals').getByText('boekingen').waitFor();
      await page.getByRole('region', { name: 'Realisatie (grootboekmutaties)' }).getByRole('gridcell').first().waitFor();
      ledgerPage = (Date.now() - ledgerStarted) / 1000;
    }
    await page.close();
    await server.close();
    runs.push({ firstPage, ledgerPage });
  }
  return { firstPage: Math.min(...runs.map((r) => r.firstPage)), ledgerPage: Math.min(...runs.map((r) => r.ledgerPage)) };
}

const empty = await measure(await emptyWorkbook(), false);
const small = await measure(smallFile, true);
const big = await measure(bigFile, true);
await browser.close();
report({ empty, small, big, peakRssMb: peakRssMb() });
