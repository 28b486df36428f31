import { describe, expect, it } from 'vitest';
import { sessionsClosedAfterEach, writeTemp } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

/**
 * The forecast as the budget service makes it from the workbook's own ledger: the months booked are the
 * department's (latest booking month, capped at a report's period end), and a line follows its own rhythm
 * once the workbook holds a complete earlier year.
 */
describe('the forecast of the budget service', () => {
  async function withBudget() {
    const wb = await workbook();
    const budget = writeTemp(
      wb.dir,
      'begroting.csv',
      ['Boekjaar;Kostenplaats;Grootboekrekening;Omschrijving;Primitieve begroting', '2027;OR01;4300;Huisvesting;120.000,00', '2027;OR01;4600;Gladheid;60.000,00', '2027;OR01;8100;Leges;-24.000,00'].join('\n'),
    );
    await wb.client.import.commit({ kind: 'budget', source: { path: budget } });
    return wb;
  }
  const ledger = (wb: Awaited<ReturnType<typeof withBudget>>, name: string, rows: string[]) =>
    wb.client.import.commit({ kind: 'ledger', source: { path: writeTemp(wb.dir, name, ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', ...rows].join('\n')) }, strict: true });

  it('with an empty ledger forecasts the budget itself: nothing to explain on day one', async () => {
    const wb = await withBudget();
    const s = await wb.client.budget.summary({});
    expect(s.forecastBasis).toEqual({ year: 2027, monthsBooked: 0, rhythmYear: null });
    expect(s.lines.map((l) => [l.account, l.forecastCents, l.forecastMethod, l.explanationRequired])).toEqual([
      ['4300', 12_000_000, 'linear', false],
      ['4600', 6_000_000, 'linear', false],
      ['8100', -2_400_000, 'linear', false],
    ]);
  });

  it('counts the months the department’s ledger covers, for every line alike, and only up to a report’s period end', async () => {
    const wb = await withBudget();
    // Bookings on 4300 only, through March; 4600 had nothing in these months and keeps 9/12 of its budget.
    await ledger(wb, 'q1.csv', ['10-01-2027;OR01;4300;Huur;10.000,00', '10-03-2027;OR01;4300;Huur;10.000,00', '15-02-2027;OR01;8100;Leges;-2.000,00']);
    const s = await wb.client.budget.summary({});
    expect(s.forecastBasis.monthsBooked).toBe(3);
    const byAccount = Object.fromEntries(s.lines.map((l) => [l.account, l]));
    expect(byAccount['4300']).toMatchObject({ actualCents: 2_000_000, forecastCents: 2_000_000 + 9_000_000, varianceCents: 1_000_000, varianceLabel: 'V' });
    expect(byAccount['4600']).toMatchObject({ actualCents: 0, forecastCents: 4_500_000, varianceCents: 1_500_000 });
    // Income: € 2.000 received, € 18.000 still expected (9/12 of € 24.000): € 4.000 less than budgeted.
    expect(byAccount['8100']).toMatchObject({ forecastCents: -2_000_000, varianceCents: -400_000, varianceLabel: 'N' });
    expect(s.lines.every((l) => !l.explanationRequired)).toBe(true);

    // The management report of January sees one month booked.
    const report = await wb.client.report.build({ period: '2027-01' });
    expect((report as { budget: unknown }).budget).toMatchObject({ monthsBooked: 1, actualCents: 1_000_000 });

    // A manual forecast with its note wins; an open commitment is counted inside the remainder.
    await wb.client.budget.updateLine({ id: byAccount['4300'].id, patch: { forecastOverrideCents: 15_000_000, forecastNote: 'Nieuwe huurovereenkomst per juli' } });
    await wb.client.budget.addCommitment({ budgetLineId: byAccount['4600'].id, supplier: 'Strooizout BV', amountCents: 5_000_000, date: '2027-03-01' });
    const after = Object.fromEntries((await wb.client.budget.summary({})).lines.map((l) => [l.account, l]));
    expect(after['4300']).toMatchObject({ forecastCents: 15_000_000, forecastMethod: 'manual', forecastNote: 'Nieuwe huurovereenkomst per juli', varianceCents: -3_000_000 });
    // Through March nothing spent on 4600, € 50.000 ordered against a remainder of € 45.000: forecast € 50.000.
    expect(after['4600']).toMatchObject({ commitmentsCents: 5_000_000, forecastCents: 5_000_000, forecastRemainderCents: 0 });
  });

  it('follows a line’s own rhythm once last year’s ledger is complete', async () => {
    const wb = await withBudget();
    // 2026: gritting costs fall in January and December only; rent every month.
    const rows2026 = ['05-01-2026;OR01;4600;Strooien;30.000,00', '15-12-2026;OR01;4600;Strooien;30.000,00'];
    for (let m = 1; m <= 12; m++) rows2026.push(`01-${String(m).padStart(2, '0')}-2026;OR01;4300;Huur;10.000,00`);
    await ledger(wb, '2026.csv', rows2026);
    await ledger(wb, '2027.csv', ['06-01-2027;OR01;4600;Strooien;25.000,00', '01-06-2027;OR01;4300;Huur;60.000,00']);
    const s = await wb.client.budget.summary({});
    expect(s.forecastBasis).toEqual({ year: 2027, monthsBooked: 6, rhythmYear: 2026 });
    const byAccount = Object.fromEntries(s.lines.map((l) => [l.account, l]));
    // Last year half of the gritting came after June: 50 % of € 60.000 still to come.
    expect(byAccount['4600']).toMatchObject({ forecastMethod: 'rhythm', forecastRemainderCents: 3_000_000, forecastCents: 5_500_000 });
    // Rent was even: its rhythm is linear anyway (6/12).
    expect(byAccount['4300']).toMatchObject({ forecastMethod: 'rhythm', forecastRemainderCents: 6_000_000 });
    // Leges had no bookings in 2026: pro rata.
    expect(byAccount['8100']).toMatchObject({ forecastMethod: 'linear', forecastRemainderCents: -1_200_000 });
  });
});
