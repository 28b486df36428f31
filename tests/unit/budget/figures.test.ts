import { describe, expect, it } from 'vitest';
import { explanationRequired, lineFigures, type VarianceThreshold } from '../../../shared/domain/budget/figures.ts';

const threshold: VarianceThreshold = { amountCents: 2_500_000, percent: 10, rule: 'either' };
// A closed year (all twelve months booked) unless a test says otherwise: the forecast is then actuals + commitments.
const base = { primitiveCents: 10_000_000, revisionsCents: 0, actualCents: 0, commitmentsCents: 0, expectedCents: 0, forecastOverrideCents: null, explanation: null, monthsBooked: 12 };

describe('lineFigures', () => {
  it('computes current budget, forecast, variance and exhaustion for a cost line', () => {
    const f = lineFigures({ ...base, revisionsCents: 500_000, actualCents: 6_000_000, commitmentsCents: 1_000_000, expectedCents: 2_000_000 }, threshold);
    expect(f.currentCents).toBe(10_500_000);
    expect(f.forecastCents).toBe(9_000_000);
    expect(f.varianceCents).toBe(1_500_000);
    expect(f.varianceLabel).toBe('V');
    expect(f.exhaustionPercent).toBeCloseTo(66.667, 2);
    expect(f.explanationRequired).toBe(true); // 14,3 % ≥ 10 %
    expect(f.explanationMissing).toBe(true);
  });

  it('uses the manual forecast when there is one', () => {
    const f = lineFigures({ ...base, actualCents: 3_000_000, forecastOverrideCents: 11_000_000 }, threshold);
    expect(f.forecastCents).toBe(11_000_000);
    expect(f.varianceCents).toBe(-1_000_000);
    expect(f.varianceLabel).toBe('N');
  });

  it('labels income lines by the same rule: less income than budgeted is unfavourable', () => {
    // baten are negative in the ledger: budget −100.000, forecast −80.000 received
    const f = lineFigures({ ...base, primitiveCents: -10_000_000, actualCents: -8_000_000 }, threshold);
    expect(f.varianceCents).toBe(-2_000_000);
    expect(f.varianceLabel).toBe('N');
    const more = lineFigures({ ...base, primitiveCents: -10_000_000, actualCents: -12_000_000 }, threshold);
    expect(more.varianceLabel).toBe('V');
  });

  it('treats an explanation as present only when it has text', () => {
    const f = lineFigures({ ...base, actualCents: 20_000_000, explanation: '  ' }, threshold);
    expect(f.explanationMissing).toBe(true);
    const g = lineFigures({ ...base, actualCents: 20_000_000, explanation: 'Extra inhuur wegens vacatures' }, threshold);
    expect(g.explanationMissing).toBe(false);
  });

  it('has no exhaustion percentage on a line without budget', () => {
    expect(lineFigures({ ...base, primitiveCents: 0, actualCents: 100 }, threshold).exhaustionPercent).toBeNull();
  });
});

describe('explanationRequired', () => {
  it('follows the threshold rule the user set', () => {
    expect(explanationRequired(2_500_000, 1_000_000_000, threshold)).toBe(true); // amount reached
    expect(explanationRequired(2_499_999, 1_000_000_000, threshold)).toBe(false);
    expect(explanationRequired(100_000, 900_000, threshold)).toBe(true); // 11 %
    expect(explanationRequired(100_000, 900_000, { ...threshold, rule: 'both' })).toBe(false);
    expect(explanationRequired(3_000_000, 20_000_000, { ...threshold, rule: 'both' })).toBe(true);
    expect(explanationRequired(100_000, 900_000, { amountCents: null, percent: null, rule: 'either' })).toBe(false);
    expect(explanationRequired(0, 0, threshold)).toBe(false);
    expect(explanationRequired(1, 0, { amountCents: null, percent: 10, rule: 'either' })).toBe(true);
  });
});
