import type { Page, Route } from '@playwright/test';
import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

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
