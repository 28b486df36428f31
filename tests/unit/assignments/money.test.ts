import { describe, expect, it } from 'vitest';
import { allocate, ceilingPartInYear, fitsByRule, moneyFigures, sumCents, type MatchableAssignment, type MatchableEntry } from '../../../shared/domain/assignments/money.ts';
import { normaliseCounterparty } from '../../../shared/domain/assignments/rules.ts';

const zzp: MatchableAssignment = { id: 1, code: 'OPD-2027-001', counterparty: "ZZP'er J. de Jong", startDate: '2027-01-01', endDate: '2027-06-30', budgetLines: [{ costCentre: 'OR01', account: '4200' }] };
const line = (id: number, overrides: Partial<MatchableEntry> = {}): MatchableEntry => ({ id, date: '2027-03-10', costCentre: 'OR01', account: '4200', counterparty: "ZZP'er J. de Jong", amountCents: 100_000, ...overrides });

describe('the actuals rule: budget line, counterparty and period', () => {
  it('counts a line on the assignment’s budget line with its counterparty, booked within its period', () => {
    expect(fitsByRule(zzp, line(1))).toBe(true);
    // Case and spacing of the counterparty do not matter.
    expect(fitsByRule(zzp, line(2, { counterparty: "  zzp'er   J. DE Jong " }))).toBe(true);
    // Start and end day count (the end date is inclusive).
    expect(fitsByRule(zzp, line(3, { date: '2027-01-01' }))).toBe(true);
    expect(fitsByRule(zzp, line(4, { date: '2027-06-30' }))).toBe(true);
  });

  it('leaves out a line outside the period, on another budget line, or of another counterparty', () => {
    expect(fitsByRule(zzp, line(1, { date: '2027-07-01' }))).toBe(false);
    expect(fitsByRule(zzp, line(2, { date: '2026-12-31' }))).toBe(false);
    expect(fitsByRule(zzp, line(3, { account: '4300' }))).toBe(false);
    expect(fitsByRule(zzp, line(4, { costCentre: 'OR02' }))).toBe(false);
    expect(fitsByRule(zzp, line(5, { counterparty: 'Randstad Inhouse' }))).toBe(false);
    expect(fitsByRule(zzp, line(6, { counterparty: null }))).toBe(false);
    // An assignment without a counterparty gets its lines only by hand.
    expect(fitsByRule({ ...zzp, counterparty: '' }, line(7, { counterparty: '' }))).toBe(false);
  });

  it('adds up what counts: € 1.000 + € 250 in the period, not the line after it nor the one on 4300', () => {
    const entries = [line(1), line(2, { amountCents: 25_000, date: '2027-05-31' }), line(3, { date: '2027-07-15' }), line(4, { account: '4300' })];
    const result = allocate([zzp], entries, new Map()).get(1)!;
    expect(result.counted.map((c) => [c.entry.id, c.match])).toEqual([
      [1, 'rule'],
      [2, 'rule'],
    ]);
    expect(sumCents(result.counted)).toBe(125_000);
    expect(result.ambiguous).toEqual([]);
  });
});

describe('two assignments with the same counterparty', () => {
  // Randstad supplies two people on OR02/4200: one January–June, one April–December.
  const first: MatchableAssignment = { id: 1, code: 'OPD-A', counterparty: 'Randstad Inhouse', startDate: '2027-01-01', endDate: '2027-06-30', budgetLines: [{ costCentre: 'OR02', account: '4200' }] };
  const second: MatchableAssignment = { id: 2, code: 'OPD-B', counterparty: 'randstad inhouse', startDate: '2027-04-01', endDate: '2027-12-31', budgetLines: [{ costCentre: 'OR02', account: '4200' }] };
  const entries: MatchableEntry[] = [
    { id: 10, date: '2027-02-15', costCentre: 'OR02', account: '4200', counterparty: 'Randstad Inhouse', amountCents: 400_000 },
    { id: 11, date: '2027-05-15', costCentre: 'OR02', account: '4200', counterparty: 'Randstad Inhouse', amountCents: 700_000 },
    { id: 12, date: '2027-09-15', costCentre: 'OR02', account: '4200', counterparty: 'Randstad Inhouse', amountCents: 300_000 },
  ];

  it('gives a line to the one whose period holds it, and counts a line in both periods for neither', () => {
    const result = allocate([first, second], entries, new Map());
    expect(result.get(1)!.counted.map((c) => c.entry.id)).toEqual([10]);
    expect(result.get(2)!.counted.map((c) => c.entry.id)).toEqual([12]);
    expect(result.get(1)!.ambiguous.map((a) => [a.entry.id, a.alsoFits])).toEqual([[11, ['OPD-B']]]);
    expect(result.get(2)!.ambiguous.map((a) => [a.entry.id, a.alsoFits])).toEqual([[11, ['OPD-A']]]);
  });

  it('counts a line linked by hand for that assignment only, even where the rule says otherwise', () => {
    // The May line linked to B; the February line (A's by the rule) linked to B as well.
    const result = allocate([first, second], entries, new Map([[11, 2], [10, 2]]));
    expect(result.get(1)!.counted).toEqual([]);
    expect(result.get(1)!.ambiguous).toEqual([]);
    expect(result.get(2)!.counted.map((c) => [c.entry.id, c.match])).toEqual([
      [10, 'hand'],
      [11, 'hand'],
      [12, 'rule'],
    ]);
  });

  it('counts a line linked to an assignment that is no longer in the register nowhere', () => {
    const result = allocate([first, second], entries, new Map([[10, 99]]));
    expect(result.get(1)!.counted.map((c) => c.entry.id)).toEqual([]);
  });
});

describe('money figures and the ceiling per year', () => {
  it('compares actuals and open commitments with the ceiling', () => {
    expect(moneyFigures(300_000, 250_000, 100_000)).toMatchObject({ usedCents: 350_000, usedPercent: 116.67, remainingCents: -50_000 });
    expect(moneyFigures(0, 0, 0).usedPercent).toBeNull();
  });

  it('spreads a ceiling over the years of its period by calendar days', () => {
    // 1 July 2027 – 30 June 2028: 184 of 366 days in 2027.
    expect(ceilingPartInYear(3_660_000, '2027-07-01', '2028-06-30', 2027)).toBe(1_840_000);
    expect(ceilingPartInYear(3_660_000, '2027-07-01', '2028-06-30', 2028)).toBe(1_820_000);
    expect(ceilingPartInYear(3_660_000, '2027-07-01', '2028-06-30', 2029)).toBe(0);
    expect(ceilingPartInYear(1_000_000, '2027-02-01', '2027-11-30', 2027)).toBe(1_000_000);
  });

  it('normalises counterparties as a person would read them', () => {
    expect(normaliseCounterparty('  Gemeente   NABIJSTAD ')).toBe('gemeente nabijstad');
    expect(normaliseCounterparty(null)).toBe('');
  });
});
