import { afterEach, describe, expect, it } from 'vitest';
import { absenceOverviewPeriods, isAboveAlert, sameDayLastYear } from '../../../shared/domain/overview/people.ts';
import type { AbsenceOverviewData, FormationOverviewData, OverviewSection, PoortwachterOverviewData } from '../../../shared/domain/overview/types.ts';
import { peopleWorkbook } from '../../helpers/people-workbook.ts';
import { departmentWorkbook } from '../../helpers/workbook.ts';

describe('periods of the overview’s absence figures (pure)', () => {
  it('takes the year to date and the last complete month and quarter, each beside a year earlier', () => {
    const p = absenceOverviewPeriods('2027-06-15');
    expect(p.yearToDate).toMatchObject({ code: '2027', start: '2027-01-01', end: '2027-06-15', previousYear: { start: '2026-01-01', end: '2026-06-15' } });
    // 166 of 365 days: the frequency is put on a year basis by the days.
    expect(p.yearToDate.months).toBeCloseTo((12 * 166) / 365, 10);
    expect(p.lastMonth).toMatchObject({ code: '2027-05', start: '2027-05-01', end: '2027-05-31', months: 1, previousYear: { start: '2026-05-01', end: '2026-05-31' } });
    expect(p.lastQuarter).toMatchObject({ code: '2027-Q1', start: '2027-01-01', end: '2027-03-31', months: 3, previousYear: { start: '2026-01-01', end: '2026-03-31' } });
  });

  it('counts a month or quarter as complete on its last day, and reaches back over the turn of the year', () => {
    expect(absenceOverviewPeriods('2027-03-31')).toMatchObject({ lastMonth: { code: '2027-03' }, lastQuarter: { code: '2027-Q1' } });
    expect(absenceOverviewPeriods('2027-03-30')).toMatchObject({ lastMonth: { code: '2027-02' }, lastQuarter: { code: '2026-Q4' } });
    const january = absenceOverviewPeriods('2027-01-05');
    expect(january.lastMonth).toMatchObject({ code: '2026-12', start: '2026-12-01', end: '2026-12-31' });
    expect(january.lastQuarter).toMatchObject({ code: '2026-Q4', start: '2026-10-01', end: '2026-12-31', previousYear: { start: '2025-10-01' } });
    expect(january.yearToDate.months).toBeCloseTo((12 * 5) / 365, 10);
  });

  it('compares leap days with the last day of February a year earlier', () => {
    expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
    expect(sameDayLastYear('2027-02-28')).toBe('2026-02-28');
    expect(absenceOverviewPeriods('2028-02-29').yearToDate.previousYear.end).toBe('2027-02-28');
    expect(absenceOverviewPeriods('2028-12-31').yearToDate.months).toBeCloseTo(12, 10);
  });

  it('signals from the signal value on, as the percentage is shown (two decimals)', () => {
    expect(isAboveAlert(5.5, 5.5)).toBe(true);
    expect(isAboveAlert(5.4951, 5.5)).toBe(true);
    expect(isAboveAlert(5.494, 5.5)).toBe(false);
    expect(isAboveAlert(null, 0)).toBe(false);
  });
});

function section<D>(sections: OverviewSection[], key: string): OverviewSection<D> {
  const found = sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found as OverviewSection<D>;
}

describe('staff, absence and Poortwachter on the overview of a small hand-made workbook', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  async function prepared() {
    const wb = await peopleWorkbook();
    close = () => wb.session.close();
    return wb;
  }

  it('shows every section, in order, with nothing to signal, before any staff is in the workbook', async () => {
    const wb = await departmentWorkbook();
    close = () => wb.session.close();
    const overview = await wb.client.overview.get({ asOf: '2027-06-15' });
    expect(overview.sections.map((s) => s.key)).toEqual(['budget', 'formation', 'absence', 'poortwachter', 'bottlenecks']);
    const formation = section<FormationOverviewData>(overview.sections, 'formation');
    expect(formation).toMatchObject({ title: 'Formatie en bezetting', route: 'formation', highlights: [], data: { hasStaff: false, positionCount: 0, costCentres: [] } });
    const absence = section<AbsenceOverviewData>(overview.sections, 'absence');
    expect(absence).toMatchObject({ route: 'absence', highlights: [], data: { hasEmployees: false, openCases: 0, yearToDate: { percentage: null, reports: null, gap: 'no-absence-list' } } });
    const poortwachter = section<PoortwachterOverviewData>(overview.sections, 'poortwachter');
    expect(poortwachter).toMatchObject({ route: 'poortwachter', highlights: [], data: { runningCases: 0, overdueCount: 0, dueSoonCount: 0, leadDays: 28 } });
  });

  it('compares formation with occupation per cost centre on the chosen date', async () => {
    const { client } = await prepared();
    const june = section<FormationOverviewData>((await client.overview.get({ asOf: '2027-06-15' })).sections, 'formation');
    const data = june.data;
    expect(data).toMatchObject({ date: '2027-06-15', hasStaff: true, positionCount: 2, positionsOffCount: 2 });
    // OR01: Anna 1 + Bram 0,5 on 2 fte; OR02: Cor 1 + Dirk 0,5 on 1 fte.
    expect(data.costCentres.map((c) => [c.costCentre, c.name, c.formationFte, c.occupiedFte, c.vacancyFte, c.overOccupationFte, c.occupancyPercent, c.headcount])).toEqual([
      ['OR01', 'Beheer', 2, 1.5, 0.5, 0, 75, 2],
      ['OR02', 'Groen', 1, 1.5, 0, 0.5, 150, 2],
    ]);
    // The vacancy on OR01 is not filled by the surplus on OR02: both are added up, not netted.
    expect(data.total).toMatchObject({ formationFte: 3, occupiedFte: 3, vacancyFte: 0.5, overOccupationFte: 0.5, occupancyPercent: 100, headcount: 4 });
    expect(data.positions.map((p) => [p.code, p.status, p.vacancyFte, p.overOccupationFte])).toEqual([
      ['BEH-1', 'partlyVacant', 0.5, 0],
      ['GRO-1', 'overOccupied', 0, 0.5],
    ]);
    expect(june.highlights).toEqual([{ level: 'attention', text: 'Kostenplaats OR02 is boventallig: 1,50 fte bezetting tegen 1,00 fte formatie (0,50 fte meer).', route: 'formation' }]);

    // Before Dirk joined on 1 March, GRO-1 was exactly filled and nothing was over-occupied.
    const february = section<FormationOverviewData>((await client.overview.get({ asOf: '2027-02-15' })).sections, 'formation');
    expect(february.data.total).toMatchObject({ formationFte: 3, occupiedFte: 2.5, vacancyFte: 0.5, overOccupationFte: 0, headcount: 3 });
    expect(february.data.total.occupancyPercent).toBeCloseTo(83.33, 2);
    expect(february.data.positions.map((p) => p.code)).toEqual(['BEH-1']);
    expect(february.highlights).toEqual([]);
  });

  it('gives the absence of the year to date and of the last complete month and quarter against a year earlier', async () => {
    const { client } = await prepared();
    const absence = section<AbsenceOverviewData>((await client.overview.get({ asOf: '2027-06-15' })).sections, 'absence');
    const data = absence.data;
    expect(data.hasEmployees).toBe(true);
    expect(data.alertPercent).toBe(5.5);

    // 1 January – 15 June 2027 (166 days). Available: Anna 166 + Bram 83 + Cor 166 + Dirk 107 × 0,5 = 468,5;
    // sick: Anna 10 (3–12 May) + Cor 15 (1–15 June) = 25.
    expect(data.yearToDate.percentage).toBeCloseTo((25 / 468.5) * 100, 10);
    expect(data.yearToDate.reports).toBe(2);
    // 2 reports / (605 person-days / 166 days) × 365 / 166 = 2 × 365 / 605.
    expect(data.yearToDate.frequency).toBeCloseTo((2 * 365) / 605, 10);
    // A year earlier: Bram 5 days at 0,5 of Anna 166 + Bram 83 + Cor 166 = 415.
    expect(data.yearToDate.previousYear).toEqual({ start: '2026-01-01', end: '2026-06-15', percentage: (2.5 / 415) * 100, gap: null });
    expect(data.yearToDate.aboveAlert).toBe(false);

    // May 2027: Anna 10 of 31 + 15,5 + 31 + 15,5 = 93; May 2026: Bram 2,5 of 31 + 15,5 + 31 = 77,5.
    expect(data.lastMonth).toMatchObject({ code: '2027-05', reports: 1, frequency: 3, aboveAlert: true });
    expect(data.lastMonth.percentage).toBeCloseTo((10 / 93) * 100, 10);
    expect(data.lastMonth.previousYear.percentage).toBeCloseTo((2.5 / 77.5) * 100, 10);
    // The first quarter has no sick day in either year.
    expect(data.lastQuarter).toMatchObject({ code: '2027-Q1', percentage: 0, reports: 0, previousYear: { percentage: 0 }, aboveAlert: false });
    expect(data.openCases).toBe(1);

    // The trend of 2027 against 2026 by month, as on the Verzuim page; June counts Cor to its end (30 of 90).
    expect(data.trend.year).toBe(2027);
    expect(data.trend.months[4].percentage).toBeCloseTo((10 / 93) * 100, 10);
    expect(data.trend.months[4].lastYearPercentage).toBeCloseTo((2.5 / 77.5) * 100, 10);
    expect(data.trend.months[5].percentage).toBeCloseTo((30 / 90) * 100, 10);
    expect(data.trend.months[6].percentage).toBeNull();
    expect(data.trend.months[6].lastYearPercentage).toBe(0);

    expect(absence.highlights).toEqual([{ level: 'attention', text: 'Verzuimpercentage op of boven de signaalwaarde van 5,5 %: mei 2027 10,75 %.', route: 'absence' }]);
  });

  it('follows the signal value: from 5 % the year to date is an alert too', async () => {
    const { client } = await prepared();
    await client.workbook.updateSettings({ absenceAlertPercent: 5 });
    const absence = section<AbsenceOverviewData>((await client.overview.get({ asOf: '2027-06-15' })).sections, 'absence');
    expect(absence.data.yearToDate.aboveAlert).toBe(true);
    expect(absence.highlights).toEqual([{ level: 'alert', text: 'Verzuimpercentage op of boven de signaalwaarde van 5,0 %: 2027 t/m 15-06-2027 5,34 %; mei 2027 10,75 %.', route: 'absence' }]);
    await client.workbook.updateSettings({ absenceAlertPercent: 11 });
    expect(section((await client.overview.get({ asOf: '2027-06-15' })).sections, 'absence').highlights).toEqual([]);
  });

  it('lists Poortwachter steps overdue and due within the lead time, by case and personnel number, as the Poortwachter page does', async () => {
    const { client, cases } = await prepared();
    const poortwachter = section<PoortwachterOverviewData>((await client.overview.get({ asOf: '2027-06-15' })).sections, 'poortwachter');
    const data = poortwachter.data;
    // Cor, sick since 1 June: the sick report was due at the end of week 1 (7 June), the problem analysis in week 6 (12 July).
    expect(data).toMatchObject({ leadDays: 28, runningCases: 1, overdueCount: 1, dueSoonCount: 1 });
    expect(data.overdue).toEqual([{ caseId: cases.cor.id, caseNumber: 'V-COR', personnelNumber: '1003', step: 'sickReport', label: 'Ziekmelding bij bedrijfsarts/arbodienst', due: '2027-06-07', daysLeft: -8 }]);
    expect(data.dueSoon).toEqual([{ caseId: cases.cor.id, caseNumber: 'V-COR', personnelNumber: '1003', step: 'problemAnalysis', label: 'Probleemanalyse', due: '2027-07-12', daysLeft: 27 }]);
    // No names on the overview: one click away on the Poortwachter page.
    expect(JSON.stringify(poortwachter)).not.toContain('Bakker');
    expect(poortwachter.highlights).toEqual([
      { level: 'alert', text: 'Poortwachter: Ziekmelding bij bedrijfsarts/arbodienst voor V-COR (personeelsnummer 1003) is te laat, uiterlijk 07-06-2027.', route: `poortwachter?case=${cases.cor.id}` },
      { level: 'attention', text: 'Poortwachter: 1 stap(pen) binnen 28 dagen.', route: 'poortwachter' },
    ]);

    // On today's date the overview lists exactly what the Poortwachter page's attention list has.
    const attention = await client.absence.attention({ today: '2027-06-15' });
    const strip = (items: Array<{ caseNumber: string; step: string; due: string }>) => items.map((i) => [i.caseNumber, i.step, i.due]);
    expect(strip(data.overdue)).toEqual(strip(attention.overdue));
    expect(strip(data.dueSoon)).toEqual(strip(attention.dueSoon));

    // A shorter lead time leaves the problem analysis out; registering the sick report takes it off the list.
    await client.workbook.updateSettings({ poortwachterLeadDays: 20 });
    await client.absence.setStep({ today: '2027-06-15', caseId: cases.cor.id, step: 'sickReport', doneOn: '2027-06-09', note: null });
    const after = section<PoortwachterOverviewData>((await client.overview.get({ asOf: '2027-06-15' })).sections, 'poortwachter');
    expect(after.data).toMatchObject({ leadDays: 20, runningCases: 1, overdueCount: 0, dueSoonCount: 0 });
    expect(after.highlights).toEqual([]);
  });

  it('shows the Poortwachter steps as they stood on an earlier date', async () => {
    const { client, cases } = await prepared();
    // On 10 May Anna was still sick (she recovered per 13 May) and her sick report (due 9 May) was late; Cor was not sick yet.
    const before = section<PoortwachterOverviewData>((await client.overview.get({ asOf: '2027-05-10' })).sections, 'poortwachter');
    expect(before.data).toMatchObject({ runningCases: 1, overdueCount: 1, dueSoonCount: 0 });
    expect(before.data.overdue[0]).toMatchObject({ caseNumber: 'V-ANNA', personnelNumber: '1001', step: 'sickReport', due: '2027-05-09', daysLeft: -1 });

    // Registered as done on 11 May: still late on 10 May, done from 11 May on.
    await client.absence.setStep({ today: '2027-06-15', caseId: cases.anna.id, step: 'sickReport', doneOn: '2027-05-11', note: 'Gemeld bij arbodienst' });
    expect(section<PoortwachterOverviewData>((await client.overview.get({ asOf: '2027-05-10' })).sections, 'poortwachter').data.overdueCount).toBe(1);
    expect(section<PoortwachterOverviewData>((await client.overview.get({ asOf: '2027-05-11' })).sections, 'poortwachter').data.overdueCount).toBe(0);
  });
});
