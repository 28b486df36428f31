import { describe, expect, it } from 'vitest';
import { explanationRequired, lineFigures, type VarianceThreshold } from '../../../shared/domain/budget/figures.ts';
import { forecastBasisText, forecastLine, forecastMethodLabel, rhythmShare, type ForecastInputs } from '../../../shared/domain/budget/forecast.ts';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings.ts';

// A cost line of € 120.000 (10.000 a month), nothing booked, nothing committed.
const line: ForecastInputs = { currentCents: 12_000_000, actualCents: 0, commitmentsCents: 0, monthsBooked: 0, expectedCents: 0, forecastOverrideCents: null, lastYearByMonth: null };

describe('forecastLine: the year-end forecast of a budget line', () => {
  it('is the current budget while nothing is booked (an empty ledger): no variance on day one', () => {
    expect(forecastLine(line)).toEqual({ cents: 12_000_000, method: 'linear', remainderCents: 12_000_000, remainingShare: 1 });
  });

  it('adds the budget pro rata for the months not yet booked to the actuals', () => {
    // Booked through March, € 36.000 spent (on plan): 9/12 of € 120.000 still to come.
    expect(forecastLine({ ...line, monthsBooked: 3, actualCents: 3_600_000 })).toMatchObject({ cents: 12_600_000, remainderCents: 9_000_000, method: 'linear' });
    // Spent € 60.000 in three months: the forecast runs over by what was overspent, not by the actuals.
    expect(forecastLine({ ...line, monthsBooked: 3, actualCents: 6_000_000 }).cents).toBe(15_000_000);
    // Spent nothing in half a year: half the budget stays expected.
    expect(forecastLine({ ...line, monthsBooked: 6 }).cents).toBe(6_000_000);
  });

  it('counts open commitments inside the remainder, adding only what they do not cover', () => {
    // Through June, € 60.000 spent, an order of € 20.000: the remainder of € 60.000 covers it.
    expect(forecastLine({ ...line, monthsBooked: 6, actualCents: 6_000_000, commitmentsCents: 2_000_000 })).toMatchObject({ cents: 12_000_000, remainderCents: 4_000_000 });
    // An order larger than the remainder: actuals + the order.
    expect(forecastLine({ ...line, monthsBooked: 6, actualCents: 6_000_000, commitmentsCents: 8_000_000 })).toMatchObject({ cents: 14_000_000, remainderCents: 0 });
  });

  it('is actuals + commitments once every month is booked (a closed year)', () => {
    expect(forecastLine({ ...line, monthsBooked: 12, actualCents: 11_000_000, commitmentsCents: 500_000 })).toMatchObject({ cents: 11_500_000, remainderCents: 0, method: 'linear' });
    // Months outside 0–12 (a January booking of period 13) count as the whole year.
    expect(forecastLine({ ...line, monthsBooked: 13, actualCents: 11_000_000 }).cents).toBe(11_000_000);
  });

  it('keeps the signs of income lines (baten negative): less income so far still expects the rest', () => {
    const baten = { ...line, currentCents: -12_000_000 };
    expect(forecastLine({ ...baten, monthsBooked: 3, actualCents: -3_000_000 })).toMatchObject({ cents: -12_000_000, remainderCents: -9_000_000 });
    // A receivable recorded as a (negative) commitment counts inside the remainder too.
    expect(forecastLine({ ...baten, monthsBooked: 3, actualCents: -3_000_000, commitmentsCents: -10_000_000 })).toMatchObject({ cents: -13_000_000, remainderCents: 0 });
    const f = lineFigures({ primitiveCents: -12_000_000, revisionsCents: 0, actualCents: -1_000_000, commitmentsCents: 0, expectedCents: 0, forecastOverrideCents: null, explanation: null, monthsBooked: 6 }, DEFAULT_THRESHOLD_BOTH);
    // Half a year booked, € 10.000 received of € 60.000 expected so far: forecast € 70.000 received, € 50.000 N.
    expect(f).toMatchObject({ forecastCents: -7_000_000, varianceCents: -5_000_000, varianceLabel: 'N', forecastMethod: 'linear' });
  });

  it('adds nothing for lines without a budget: their actuals are the forecast', () => {
    expect(forecastLine({ ...line, currentCents: 0, monthsBooked: 4, actualCents: 250_000 })).toMatchObject({ cents: 250_000, remainderCents: 0 });
  });

  it('follows the line’s own rhythm once there is a complete year of history', () => {
    // Last year: most of the spending in the fourth quarter (a winter service, say).
    const lastYear = [1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 4, 4].map((x) => x * 100_000);
    expect(rhythmShare(lastYear, 9, 12_000_000)).toBeCloseTo(11 / 20, 10);
    const f = forecastLine({ ...line, monthsBooked: 9, actualCents: 5_400_000, lastYearByMonth: lastYear });
    // 11/20 of € 120.000 is still to come in October – December, not 3/12.
    expect(f).toMatchObject({ method: 'rhythm', remainderCents: 6_600_000, cents: 12_000_000 });
    expect(forecastLine({ ...line, monthsBooked: 9, actualCents: 5_400_000 })).toMatchObject({ method: 'linear', cents: 8_400_000 });
  });

  it('falls back to linear when last year says nothing about this line', () => {
    expect(rhythmShare(null, 3, 12_000_000)).toBeNull();
    expect(rhythmShare(new Array(12).fill(0), 3, 12_000_000)).toBeNull();
    // A cost line that was a net credit last year, or a history of the wrong length.
    expect(rhythmShare([-5, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], 3, 12_000_000)).toBeNull();
    expect(rhythmShare([1, 2, 3], 1, 12_000_000)).toBeNull();
    // Income lines compare with a negative history.
    expect(rhythmShare([-1, -1, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2, -5_000_000)).toBeCloseTo(0.5, 10);
    // Late corrections can make the rest negative or larger than the year: the share stays within 0–1.
    expect(rhythmShare([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1], 1, 100)).toBe(0);
    expect(rhythmShare([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], 1, 100)).toBe(1);
  });

  it('uses the head’s own figures before any computed method', () => {
    expect(forecastLine({ ...line, monthsBooked: 3, actualCents: 3_000_000, expectedCents: 5_000_000, commitmentsCents: 1_000_000 })).toMatchObject({ cents: 9_000_000, method: 'expected' });
    expect(forecastLine({ ...line, monthsBooked: 3, expectedCents: 5_000_000, forecastOverrideCents: 10_000_000 })).toMatchObject({ cents: 10_000_000, method: 'manual' });
    // A manual forecast of zero is a forecast, not "none".
    expect(forecastLine({ ...line, forecastOverrideCents: 0 })).toMatchObject({ cents: 0, method: 'manual' });
  });

  it('names the method in Dutch', () => {
    expect(forecastMethodLabel('linear')).toBe('lineair');
    expect(forecastMethodLabel('rhythm', 2026)).toBe('ritme 2026');
    expect(forecastMethodLabel('manual')).toBe('handmatig');
    expect(forecastMethodLabel('expected')).toBe('nog verwacht');
    expect(forecastBasisText({ year: 2027, monthsBooked: 3, rhythmYear: null })).toContain('Realisatie tot en met maart 2027: de prognose is realisatie plus open verplichtingen plus de actuele begroting naar rato voor april tot en met december (9/12)');
    expect(forecastBasisText({ year: 2027, monthsBooked: 0, rhythmYear: null })).toContain('Er is nog niets geboekt in 2027');
    expect(forecastBasisText({ year: 2027, monthsBooked: 12, rhythmYear: 2026 })).toContain('alle maanden zijn geboekt');
    expect(forecastBasisText({ year: 2027, monthsBooked: 6, rhythmYear: 2026 })).toContain('eigen ritme');
  });
});

const DEFAULT_THRESHOLD_BOTH: VarianceThreshold = { amountCents: DEFAULT_SETTINGS.varianceThresholdCents, percent: DEFAULT_SETTINGS.varianceThresholdPercent, rule: DEFAULT_SETTINGS.varianceThresholdRule };

describe('the default reporting threshold: what a controller would ask about', () => {
  it('is € 25.000 and 10 % together', () => {
    expect(DEFAULT_THRESHOLD_BOTH).toEqual({ amountCents: 2_500_000, percent: 10, rule: 'both' });
  });

  it('asks for an explanation only when a variance passes both limits', () => {
    // € 30.000 on a € 2 miljoen salary line is 1,5 %: no question.
    expect(explanationRequired(3_000_000, 200_000_000, DEFAULT_THRESHOLD_BOTH)).toBe(false);
    // € 4.000 on a € 5.000 line is 80 % but small money: no question.
    expect(explanationRequired(-400_000, 500_000, DEFAULT_THRESHOLD_BOTH)).toBe(false);
    // € 30.000 on € 200.000 is 15 %: a question, favourable or not.
    expect(explanationRequired(3_000_000, 20_000_000, DEFAULT_THRESHOLD_BOTH)).toBe(true);
    expect(explanationRequired(-3_000_000, 20_000_000, DEFAULT_THRESHOLD_BOTH)).toBe(true);
    // Exactly at both limits counts ("vanaf").
    expect(explanationRequired(2_500_000, 25_000_000, DEFAULT_THRESHOLD_BOTH)).toBe(true);
    // Unbudgeted actuals (no budget: any variance is 100 %+) only when the amount is large.
    expect(explanationRequired(-2_400_000, 0, DEFAULT_THRESHOLD_BOTH)).toBe(false);
    expect(explanationRequired(-9_300_000, 0, DEFAULT_THRESHOLD_BOTH)).toBe(true);
  });

  it('with "or" asks as soon as one limit is passed', () => {
    const either = { ...DEFAULT_THRESHOLD_BOTH, rule: 'either' as const };
    expect(explanationRequired(3_000_000, 200_000_000, either)).toBe(true);
    expect(explanationRequired(-400_000, 500_000, either)).toBe(true);
    expect(explanationRequired(100_000, 20_000_000, either)).toBe(false);
  });

  it('with one limit left empty, the other alone decides, under either rule', () => {
    expect(explanationRequired(3_000_000, 200_000_000, { ...DEFAULT_THRESHOLD_BOTH, percent: null })).toBe(true);
    expect(explanationRequired(-400_000, 500_000, { ...DEFAULT_THRESHOLD_BOTH, amountCents: null })).toBe(true);
  });

  it('on day one (budget imported, no ledger yet) flags nothing', () => {
    const day1 = lineFigures({ primitiveCents: 200_000_000, revisionsCents: 0, actualCents: 0, commitmentsCents: 0, expectedCents: 0, forecastOverrideCents: null, explanation: null, monthsBooked: 0 }, DEFAULT_THRESHOLD_BOTH);
    expect(day1).toMatchObject({ forecastCents: 200_000_000, varianceCents: 0, explanationRequired: false });
  });
});
