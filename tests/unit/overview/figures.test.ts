import { afterEach, describe, expect, it } from 'vitest';
import { bottleneckOverview, cumulativeByMonth, linearBudget, monthsOfYear } from '../../../shared/domain/overview/figures.ts';
import type { BottleneckRow } from '../../../shared/domain/bottlenecks/types.ts';
import type { BudgetOverviewData, BottleneckOverviewData } from '../../../shared/domain/overview/types.ts';
import { smallWorkbook } from '../../helpers/small-workbook.ts';

describe('overview figures (pure)', () => {
  it('accumulates actuals per month and stops after the last booked month', () => {
    const months = monthsOfYear(2027);
    const actuals = new Map([
      ['2027-01', 100],
      ['2027-03', 50],
    ]);
    expect(cumulativeByMonth(months, actuals)).toEqual([100, 100, 150, null, null, null, null, null, null, null, null, null]);
    // Up to a chosen date: months without bookings before it still carry the running total.
    expect(cumulativeByMonth(months, actuals, '2027-05-31').slice(0, 6)).toEqual([100, 100, 150, 150, 150, null]);
    expect(cumulativeByMonth(months, new Map())).toEqual(Array(12).fill(null));
  });

  it('spreads the budget evenly over twelve months, rounded to cents', () => {
    const linear = linearBudget(1_000);
    expect(linear[0]).toBe(83);
    expect(linear[5]).toBe(500);
    expect(linear[11]).toBe(1_000);
  });

  it('lists escalated bottlenecks first, then by priority, then oldest', () => {
    const row = (id: number, status: BottleneckRow['status'], priority: number, signalledOn: string): BottleneckRow => ({
      id,
      identifier: `KNP-2027-000${id}`,
      title: `K${id}`,
      category: 'ict',
      impact: 'middel',
      urgency: 'middel',
      priority,
      signalledOn,
      owner: '',
      status,
      escalatedTo: status === 'geescaleerd' ? 'hr' : null,
      escalatedDepartment: null,
      confidentiality: 'intern',
      result: status === 'opgelost' ? 'opgelost' : null,
      endDate: null,
      decisionDate: null,
      archived: false,
      updatedAt: '',
    });
    const data = bottleneckOverview(
      [row(1, 'open', 4, '2027-01-10'), row(2, 'opgelost', 9, '2027-01-01'), row(3, 'in_behandeling', 9, '2027-02-01'), row(4, 'geescaleerd', 1, '2027-03-01'), row(5, 'open', 4, '2027-01-05')],
      '2027-03-11',
    );
    expect(data.active.map((b) => b.id)).toEqual([4, 3, 5, 1]);
    expect(data.byStatus).toEqual({ open: 2, in_behandeling: 1, geescaleerd: 1, opgelost: 1, vervallen: 0 });
    expect(data.activeCount).toBe(4);
    expect(data.active[0].ageDays).toBe(10);
  });
});

describe('overview of a small hand-made workbook', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  it('shows exhaustion, forecast, unexplained variances and signals computed by hand', async () => {
    const wb = await smallWorkbook();
    close = () => wb.session.close();
    const overview = await wb.client.overview.get({ asOf: '2027-06-15' });
    expect(overview.asOf).toBe('2027-06-15');
    expect(overview.sections.map((s) => s.key)).toEqual(['budget', 'formation', 'absence', 'poortwachter', 'bottlenecks']);
    const budget = overview.sections[0];
    const data = budget.data as BudgetOverviewData;

    // Budget 10.000 + 50.000 + 20.000 = 80.000; actuals 2.000 + 65.000 + 1.000 + 500 = 68.500 (no commitments, nothing more expected).
    expect(data.total.currentCents).toBe(8_000_000);
    expect(data.total.actualCents).toBe(6_850_000);
    // The ledger runs to May: each line adds its budget for June–December (7/12), so the forecast is not the actuals:
    // OR01/4300 2.000 + 5.833,33 · OR01/4200 65.000 + 29.166,67 · OR02/4400 1.000 + 11.666,67 · OR03/4300 500 (no budget).
    expect(data.forecastBasis).toEqual({ year: 2027, monthsBooked: 5, rhythmYear: null });
    expect(data.total.forecastCents).toBe(783_333 + 9_416_667 + 1_266_667 + 50_000);
    expect(data.total.varianceCents).toBe(8_000_000 - 11_516_667);
    expect(data.total.exhaustionPercent).toBeCloseTo(85.625, 6);
    expect(data.total.forecastPercent).toBeCloseTo(143.958, 3);
    const or01 = data.byCostCentre.find((c) => c.code === 'OR01')!;
    expect(or01.currentCents).toBe(6_000_000);
    expect(or01.actualCents).toBe(6_700_000);
    expect(or01.exhaustionPercent).toBeCloseTo(111.667, 3);

    // Cumulative actuals per month: 2.000 · 32.000 · 67.000 · 68.000 · 68.500, then nothing drawn.
    expect(data.monthly.cumulativeActualCents).toEqual([200_000, 3_200_000, 6_700_000, 6_800_000, 6_850_000, null, null, null, null, null, null, null]);
    expect(data.monthly.linearBudgetCents[2]).toBe(2_000_000);
    expect(data.monthly.linearBudgetCents[11]).toBe(8_000_000);

    // Above the threshold (€ 25.000 and 10 %) without explanation: only OR01/4200 (44.166,67 N, 88 %). OR01/4300
    // (2.166,67 V, 22 %) and OR03/4300 (500 N without budget) are too small to ask about.
    expect(data.unexplained.map((u) => [u.costCentre, u.account, u.varianceCents])).toEqual([['OR01', '4200', -4_416_667]]);
    expect(data.unexplainedCount).toBe(1);
    expect(budget.highlights).toEqual([
      { level: 'alert', text: 'De prognose (€ 115.167) overschrijdt de actuele begroting met € 35.167.', route: 'budget' },
      { level: 'attention', text: '1 afwijking(en) boven de rapportagegrens zonder toelichting.', route: 'budget' },
      { level: 'alert', text: 'Kostenplaats OR01 is voor 111,7 % uitgeput (realisatie en verplichtingen).', route: 'budget' },
    ]);
  });

  it('follows the settings: a higher threshold leaves fewer variances to explain, and an overspend is signalled', async () => {
    const wb = await smallWorkbook();
    close = () => wb.session.close();
    await wb.client.workbook.updateSettings({ varianceThresholdCents: 1_000_000, varianceThresholdPercent: null });
    await wb.client.budget.updateLine({ id: wb.line('OR01', '4300').id, patch: { expectedCents: 2_000_000 } });
    const data = (await wb.client.overview.get({ asOf: '2027-06-15' })).sections[0];
    const budget = data.data as BudgetOverviewData;
    // Only |variance| ≥ € 10.000 counts now: OR01/4200 (−44.166,67) and OR01/4300, whose "nog verwacht" replaces the
    // linear remainder (10.000 − 2.000 − 20.000 = −12.000); OR02/4400 (7.333,33 V) stays below.
    expect(budget.unexplained.map((u) => [u.account, u.varianceCents])).toEqual([
      ['4200', -4_416_667],
      ['4300', -1_200_000],
    ]);
    // Total forecast 22.000 + 94.166,67 + 12.666,67 + 500 = 129.333,33 against 80.000.
    expect(data.highlights[0]).toEqual({ level: 'alert', text: 'De prognose (€ 129.333) overschrijdt de actuele begroting met € 49.333.', route: 'budget' });
  });

  it('counts bottlenecks by status and lists the running ones with their age', async () => {
    const wb = await smallWorkbook();
    close = () => wb.session.close();
    const a = await wb.client.bottlenecks.create({ title: 'Vacature handhaver', category: 'formatie', signalledOn: '2027-06-01', impact: 'hoog', urgency: 'hoog' });
    const b = await wb.client.bottlenecks.create({ title: 'Trage laptops', category: 'ict', signalledOn: '2027-05-01' });
    const c = await wb.client.bottlenecks.create({ title: 'Oude instructies', category: 'werkproces', signalledOn: '2027-04-01' });
    await wb.client.bottlenecks.changeStatus({ id: b.id, status: 'geescaleerd', escalatedTo: 'financien', reason: 'Geen budget voor vervanging' });
    await wb.client.bottlenecks.changeStatus({ id: c.id, status: 'vervallen', reason: 'Werkwijze is afgeschaft' });
    const section = (await wb.client.overview.get({ asOf: '2027-06-15' })).sections.find((s) => s.key === 'bottlenecks')!;
    const data = section.data as BottleneckOverviewData;
    expect(data.byStatus).toEqual({ open: 1, in_behandeling: 0, geescaleerd: 1, opgelost: 0, vervallen: 1 });
    expect(data.active.map((x) => [x.identifier, x.status, x.ageDays])).toEqual([
      [`KNP-2027-0002`, 'geescaleerd', 45],
      [`KNP-2027-0001`, 'open', 14],
    ]);
    expect(section.highlights).toEqual([
      { level: 'attention', text: '1 knelpunt(en) geëscaleerd.', route: 'bottlenecks?status=geescaleerd' },
      { level: 'alert', text: 'KNP-2027-0001 heeft hoge impact en hoge urgentie: Vacature handhaver', route: `bottlenecks?id=${a.id}` },
    ]);
  });
});
