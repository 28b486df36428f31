import { createDepartmentWorkbook, expect, expectAccessible, test } from './fixtures.ts';

test('switching to English makes the backend write English too: the overview’s section titles', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await expect(page.getByRole('heading', { level: 2, name: 'Begroting 2027' })).toBeVisible();

  await page.locator('label.language select').selectOption('en');
  // The page loads again in the new language, with what the backend wrote.
  await expect(page.getByRole('heading', { level: 2, name: 'Budget 2027' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Formation and occupation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Begroting 2027' })).toHaveCount(0);
  await expectAccessible(page, 'overview in English');

  await page.locator('label.language select').selectOption('nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Begroting 2027' })).toBeVisible();
});
