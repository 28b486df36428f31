import { departmentWorkbook, writeTemp } from './workbook.ts';

/**
 * A small hand-made department workbook whose figures are computed by hand in the tests:
 *
 * | line       | budget   | actuals (date)                          | explanation |
 * |------------|----------|-----------------------------------------|-------------|
 * | OR01/4300  | 10.000   | 2.000 (15-01)                           | –           |
 * | OR01/4200  | 50.000   | 30.000 (20-02) + 35.000 (10-03)         | –           |
 * | OR02/4400  | 20.000   | 1.000 (05-04)                           | given       |
 * | OR03/4300  | – (0)    | 500 (12-05), a line created by the ledger import | –   |
 */
export async function smallWorkbook() {
  const wb = await departmentWorkbook();
  const budget = writeTemp(wb.dir, 'begroting.csv', ['Kostenplaats;Grootboekrekening;Omschrijving;Primitieve begroting', 'OR01;4300;Huisvesting;10.000,00', 'OR01;4200;Inhuur derden;50.000,00', 'OR02;4400;ICT;20.000,00'].join('\n'));
  const ledger = writeTemp(
    wb.dir,
    'grootboek.csv',
    [
      'Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag',
      '15-01-2027;OR01;4300;Huur;2.000,00',
      '20-02-2027;OR01;4200;Inhuur januari;30.000,00',
      '10-03-2027;OR01;4200;Inhuur februari;35.000,00',
      '05-04-2027;OR02;4400;Licenties;1.000,00',
      '12-05-2027;OR03;4300;Opslag;500,00',
    ].join('\n'),
  );
  await wb.client.import.commit({ kind: 'budget', source: { path: budget } });
  await wb.client.import.commit({ kind: 'ledger', source: { path: ledger } });
  const summary = await wb.client.budget.summary({});
  const line = (cc: string, account: string) => summary.lines.find((l) => l.costCentre === cc && l.account === account)!;
  await wb.client.budget.updateLine({ id: line('OR02', '4400').id, patch: { explanation: 'Licenties worden pas in het najaar gefactureerd.' } });
  return { ...wb, line };
}
