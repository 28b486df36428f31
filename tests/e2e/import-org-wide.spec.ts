import path from 'node:path';
import { createDepartmentWorkbook, expect, expectAccessible, SAMPLES, test } from './fixtures.ts';

const SHOTS = process.env.WERKBOEK_SHOTS_DIR;

test('an organisation-wide absence list shows only the department’s own refusals and counts the rest as "niet van deze afdeling"', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();

  // The organisation's roster: 13 of Openbare Ruimte, 47 of other departments.
  await page.getByLabel('Soort bestand').selectOption('staff');
  await page.getByLabel('Peildatum van het bestand').fill('01-01-2027');
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'personeel-2027.csv'));
  await expect(page.getByTestId('import-counts')).toContainText('Nieuw: 13');
  await page.getByRole('button', { name: 'Importeren (13 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 13 nieuw/ })).toBeVisible();

  // The organisation's absence list: the cases of other departments' people are not hers and not wrong.
  await page.getByLabel('Soort bestand').selectOption('absence');
  await expect(page.getByRole('heading', { name: /Import voltooid/ })).toHaveCount(0);
  await page.getByTestId('import-file').setInputFiles(path.join(SAMPLES, 'verzuim-2027.csv'));
  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveText('Nieuw: 18 · bijgewerkt: 0 · al aanwezig: 0 · niet van deze afdeling: 58 · afgekeurd: 1');
  await expect(page.getByTestId('import-outside')).toHaveText('Niet van deze afdeling (regels van andere afdelingen in het bestand; niet geïmporteerd en niet afgekeurd): 58 regels.');
  // Her one genuine refusal, with a reason that is true for that row: no "importeer eerst het personeelsbestand".
  const refusals = page.getByRole('group').filter({ hasText: 'Afgekeurde regels (1)' }).getByRole('row');
  await expect(refusals).toHaveCount(2);
  await expect(refusals.nth(1)).toContainText('44');
  await expect(refusals.nth(1)).toContainText('Ingangsdatum');
  await expect(refusals.nth(1)).toContainText('overlapt met verzuimgeval V2027-00036');
  await expect(page.getByText('importeer eerst het personeelsbestand')).toHaveCount(0);
  await expectAccessible(page, 'import preview of an organisation-wide absence list');
  if (SHOTS) {
    for (const [width, height] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `absence-org-wide-${width}.png`), fullPage: true });
    }
  }

  await page.getByRole('button', { name: 'Importeren (18 regels)' }).click();
  await expect(page.getByRole('heading', { name: /Import voltooid: 18 nieuw/ })).toBeVisible();
  await expect(page.getByTestId('import-result-counts')).toContainText('niet van deze afdeling: 58 · afgekeurd: 1');
  // The history says the same, in words.
  const latest = page.getByRole('table').last().getByRole('row').nth(1);
  await expect(latest).toContainText('Verzuimlijst');
  await expect(latest).toContainText('18 regels · niet van deze afdeling: 58 · afgekeurd: 1');
  await expectAccessible(page, 'import result');
});

test('choosing another file or kind starts clean, and a cost centre that looks like hers can be added from the preview', async ({ page, app }) => {
  await app.open();
  await createDepartmentWorkbook(page, app.dir);
  await page.getByRole('navigation').getByRole('link', { name: 'Importeren' }).click();
  await page.getByLabel('Soort bestand').selectOption('ledger');
  const fileInput = page.getByTestId('import-file');

  // A file whose header says nothing known: the mapping with its own column names, and what is missing, in words.
  const unknown = ['Dag;Plek;Rek;Euro', '01-01-2027;OR01;4100;1,234.50'].join('\r\n');
  await fileInput.setInputFiles({ name: 'eigen-export.csv', mimeType: 'text/csv', buffer: Buffer.from(unknown) });
  await expect(page.getByRole('alert').filter({ hasText: 'Nog toe te wijzen' })).toHaveText('Nog toe te wijzen: Boekdatum, Kostenplaats, Grootboekrekening, Bedrag of Debet of Credit');
  await expect(page.getByLabel('Boekdatum *').locator('option')).toHaveText(['(niet gebruiken)', 'Dag', 'Plek', 'Rek', 'Euro']);
  await page.getByLabel('Boekdatum *').selectOption('Dag');
  await page.getByLabel('Kostenplaats *').selectOption('Plek');
  await page.getByLabel('Decimaalteken').selectOption('.');
  await expectAccessible(page, 'import preview with an unknown header');

  // Another file: nothing of the first stays (its mapping would name columns this file lacks, its decimal point would misread "1.000,00").
  const orgWide = [
    'Boekdatum;Kostenplaats;Kostenplaats omschrijving;Grootboekrekening;Omschrijving;Bedrag',
    '05-01-2027;OR01;Beheer;4300;Huur;1.000,00',
    '06-01-2027;BZ01;Burgerzaken;4300;Huur;200,00',
    '07-01-2027;OR04;Wijkbeheer;4300;Nieuw team;40,00',
    '08-01-2027;OR04;Wijkbeheer;4300;Nieuw team;(10,00)',
  ].join('\r\n');
  await fileInput.setInputFiles({ name: 'grootboek-organisatie.csv', mimeType: 'text/csv', buffer: Buffer.from(orgWide) });
  await expect(page.getByTestId('import-counts')).toHaveText('Nieuw: 1 · bijgewerkt: 0 · al aanwezig: 0 · niet van deze afdeling: 1 · afgekeurd: 0');
  await expect(page.getByText('Nog toe te wijzen')).toHaveCount(0);
  await expect(page.locator('.form-error')).toHaveCount(0);
  await expect(page.getByText(/decimaalteken komma/)).toBeVisible();
  await expect(page.getByLabel('Boekdatum *')).toHaveValue('Boekdatum');

  // OR04 starts with her code but is not in her list: shown apart, with an offer to add it.
  const offer = page.getByTestId('import-unregistered');
  await expect(offer).toContainText('Kostenplaats OR04 (Wijkbeheer): 2 regels, samen € 30,00');
  await expectAccessible(page, 'import preview with an unregistered cost centre');
  if (SHOTS) {
    for (const [width, height] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(SHOTS, `ledger-unregistered-${width}.png`), fullPage: true });
    }
  }
  await offer.getByRole('button', { name: 'Kostenplaats OR04 toevoegen' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('Nieuw: 3 · bijgewerkt: 0 · al aanwezig: 0 · niet van deze afdeling: 1 · afgekeurd: 0');
  await expect(offer).toHaveCount(0);

  // A file that is refused shows its error; choosing another kind takes it, the preview and the file off the screen.
  await fileInput.setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%…') });
  await expect(page.getByText('rapport.pdf is een PDF-bestand')).toBeVisible();
  await expect(page.getByTestId('import-counts')).toHaveCount(0);
  await page.getByLabel('Soort bestand').selectOption('budget');
  await expect(page.getByText('rapport.pdf is een PDF-bestand')).toHaveCount(0);
  await expect(page.getByTestId('import-file')).toHaveValue('');
  await expect(page.getByText('rapport.pdf')).toHaveCount(0);

  // And back: a preview, then another kind, leaves nothing of the preview behind.
  await page.getByLabel('Soort bestand').selectOption('ledger');
  await page.getByTestId('import-file').setInputFiles({ name: 'grootboek-organisatie.csv', mimeType: 'text/csv', buffer: Buffer.from(orgWide) });
  await expect(page.getByTestId('import-counts')).toBeVisible();
  await page.getByLabel('Soort bestand').selectOption('assignments');
  await expect(page.getByTestId('import-counts')).toHaveCount(0);
  await expect(page.getByText('Kolomtoewijzing')).toHaveCount(0);
  await expect(page.getByLabel('Decimaalteken')).toHaveCount(0);
  await expectAccessible(page, 'import page after choosing another kind');
});
