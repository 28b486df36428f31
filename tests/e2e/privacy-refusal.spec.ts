import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { insertEmployees } from '../helpers/exchange.ts';
import { expect, expectAccessible, openFromWorkbookFolder, test, workbookFolder } from './fixtures.ts';

/**
 * A department workbook whose budget texts name Ümit van der Meer the way managers write: by first name
 * with a health word, with a title, and by a spaced personnel number. Made in the preview host's own data
 * folder, so the preview can open the department's signing key.
 */
async function prepareWorkbook(dir: string): Promise<string> {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data'), rememberRecent: false });
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
      { code: 'OR01', name: 'Beheer wegen', taakveld: null },
      { code: 'OR02', name: 'Openbaar groen', taakveld: null },
    ],
  });
  const texts: Array<[string, string, string, 'explanation' | 'forecastNote', string]> = [
    ['OR01', '4300', 'Huisvesting', 'explanation', 'Inhuur ter vervanging van Ümit (langdurig ziek, burn-out), loopt tot de zomer.'],
    ['OR02', '4400', 'Groenonderhoud', 'forecastNote', 'mevrouw Van der Meer is sinds maart ziek'],
    // A name pasted from a mail with a zero-width space inside it.
    ['OR01', '4200', 'Inhuur derden', 'explanation', 'Overuren pnr 100 007 uitbetaald, inhuur voor Ü\u200Bmit verlengd'],
  ];
  for (const [costCentre, account, accountName, field, text] of texts) {
    const line = await client.budget.createLine({ year: 2027, costCentre, account, accountName, kind: 'lasten', primitiveCents: 1_000_000 });
    await client.budget.updateLine({ id: line.id, patch: { [field]: text } });
  }
  insertEmployees({ session }, 'OR01', [{ personnelNumber: '100007', first: 'Ümit', infix: 'van der', last: 'Meer' }]);
  session.close();
  return file;
}

test('a head sees which budget texts name a person and why, rewrites them on the spot, and then the finance package is made', async ({ page, app }) => {
  const file = await prepareWorkbook(app.dir);
  await app.open();
  await openFromWorkbookFolder(page, path.basename(file));
  await page.getByRole('link', { name: 'Versturen' }).click();
  await page.getByLabel('Periode').selectOption('2027-Q2');
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Pakket maken' }).click();

  const refusal = page.getByTestId('privacy-refusal');
  await expect(refusal.getByRole('heading', { name: 'Pakket niet gemaakt: persoonsgegevens in de teksten' })).toBeVisible();
  await expect(refusal.getByRole('alert')).toHaveText('3 teksten noemen een persoon. Control mag geen persoonsgegevens ontvangen, dus het pakket is niet gemaakt.');
  const items = refusal.locator('.privacy-finding');
  await expect(items).toHaveCount(3);
  // The field as labelled, the line, her own text with the found part marked, and why.
  const ümit = items.filter({ hasText: 'Huisvesting' });
  await expect(ümit.getByRole('heading')).toHaveText('Toelichting · Begrotingsregel OR01 Beheer wegen · 4300 Huisvesting');
  await expect(ümit.locator('blockquote')).toHaveText('Inhuur ter vervanging van Ümit (langdurig ziek, burn-out), loopt tot de zomer.');
  await expect(ümit.locator('blockquote mark')).toHaveText('Ümit');
  await expect(ümit.getByRole('listitem')).toHaveText('Ümit: noemt de voornaam van een medewerker, met gezondheidsgegevens (langdurig ziek, burn-out).');
  const title = items.filter({ hasText: 'Groenonderhoud' });
  await expect(title.getByRole('heading')).toHaveText('Notitie bij de prognose · Begrotingsregel OR02 Openbaar groen · 4400 Groenonderhoud');
  await expect(title.locator('blockquote mark')).toHaveText('mevrouw Van der Meer');
  // Two found parts in one text; the invisible character is shown.
  const hidden = items.filter({ hasText: 'Inhuur derden' });
  await expect(hidden.locator('blockquote mark')).toHaveText(['100 007', 'Ü⟨onzichtbaar teken⟩mit']);
  await expect(hidden.getByRole('listitem').nth(1)).toHaveText('Ü⟨onzichtbaar teken⟩mit: noemt de voornaam van een medewerker; er staat een onzichtbaar teken in.');
  expect(downloads).toEqual([]);
  await expectAccessible(page, 'privacy refusal');

  if (process.env.WERKBOEK_SHOTS) {
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ]) {
      await page.setViewportSize({ width, height });
      await refusal.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.WERKBOEK_SHOTS, `privacy-refusal-${width}x${height}.png`), fullPage: true });
    }
  }

  // Rewritten one by one; the package is made only when no text names a person.
  const rewrite = async (item: typeof ümit, text: string) => {
    await item.getByRole('textbox').fill(text);
    await item.getByRole('button', { name: 'Tekst opslaan' }).click();
    await expect(item.getByRole('status')).toHaveText('Opgeslagen.');
  };
  await rewrite(ümit, 'Inhuur ter vervanging van een medewerker, loopt tot de zomer.');
  await rewrite(title, 'Prognose hoger door inhuur');
  await refusal.getByRole('button', { name: 'Pakket opnieuw maken' }).click();
  // One text is left: the refusal shows it alone.
  await expect(page.getByTestId('privacy-refusal').getByRole('alert')).toHaveText('Eén tekst noemt een persoon. Control mag geen persoonsgegevens ontvangen, dus het pakket is niet gemaakt.');
  const left = page.getByTestId('privacy-refusal').locator('.privacy-finding');
  await expect(left).toHaveCount(1);
  await rewrite(left, 'Overuren uitbetaald');
  await page.getByRole('button', { name: 'Pakket opnieuw maken' }).click();
  await expect(page.getByTestId('export-result')).toHaveText('Pakket OR-financien-2027-Q2-v1.wbx gemaakt (volgnummer 1).');
  await expect(page.getByTestId('privacy-refusal')).toHaveCount(0);
  await expect.poll(() => downloads.sort()).toEqual(['OR-financien-2027-Q2-v1.wbx', 'OR-financien-2027-Q2-v1.xlsx']);
  await expectAccessible(page, 'exchange page after the rewrite');
});
