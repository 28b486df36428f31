import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server.ts';

export const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');

interface AppFixture {
  server: PreviewServer;
  dir: string;
  /** Opens the app in the page, with the per-launch token. */
  open(): Promise<void>;
}

/** Every test gets its own preview host and data folder: tests never share a workbook. */
export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkboek-e2e-'));
    const server = await startPreviewServer({ rendererDir: path.resolve(import.meta.dirname, '../../dist/renderer'), dataDir: path.join(dir, 'data') });
    await use({
      server,
      dir,
      async open() {
        await page.goto(server.openUrl);
      },
    });
    await server.close();
  },
});

export { expect };

/** WCAG 2.1 AA checks with axe-core on the page as it is now. */
export async function expectAccessible(page: Page, context?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations${context ? ` on ${context}` : ''}`).toEqual([]);
}

/** The preview host's workbook folder under a test's folder (where the start page creates and opens workbooks). */
export function workbookFolder(dir: string): string {
  return path.join(dir, 'data', 'werkboeken');
}

/** Opens a workbook of the local workbook folder from the start page, as a user of the browser preview does. */
export async function openFromWorkbookFolder(page: Page, fileName: string): Promise<void> {
  await page.getByLabel('Werkboek in de lokale map').selectOption(fileName);
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
}

/** Creates the "Openbare Ruimte" workbook through the start page, as a user does. Returns where it was made. */
export async function createDepartmentWorkbook(page: Page, dir: string): Promise<string> {
  const file = path.join(workbookFolder(dir), 'openbare-ruimte.werkboek');
  await page.getByLabel('Organisatie').fill('Gemeente Voorbeeld');
  await page.getByLabel('Afdelingscode').fill('OR');
  await page.getByLabel('Naam van de afdeling').fill('Openbare Ruimte');
  await page.getByLabel('Boekjaar').fill('2027');
  await page.getByLabel('Eigenaar (budgethouder)').fill('Anne Hoofd');
  await page.getByLabel('Kostenplaatsen (gescheiden door komma’s)').fill('OR01, OR02, OR03');
  await page.getByLabel('Bestandsnaam', { exact: true }).fill('openbare-ruimte');
  await page.getByRole('button', { name: 'Werkboek maken' }).click();
  await expect(page.getByTestId('workbook-title')).toContainText('Openbare Ruimte');
  return file;
}

/** Creates a central workbook (P&O or control) of Gemeente Voorbeeld, 2027, through the start page, as a user does. */
export async function createCentralWorkbook(page: Page, dir: string, kind: 'central-hr' | 'central-finance', owner: string, fileName: string): Promise<string> {
  const file = path.join(workbookFolder(dir), fileName);
  await page.getByText('Nieuw centraal werkboek (P&O of control)').click();
  await page.getByLabel('Soort centraal werkboek').selectOption(kind);
  await page.locator('#central-organisation').fill('Gemeente Voorbeeld');
  await page.locator('#central-year').fill('2027');
  await page.locator('#central-owner').fill(owner);
  await page.locator('#central-path').fill(fileName);
  await page.getByRole('button', { name: 'Centraal werkboek maken' }).click();
  await expect(page.getByRole('heading', { name: 'Volledigheid per afdeling en periode', level: 1 })).toBeVisible();
  return file;
}
