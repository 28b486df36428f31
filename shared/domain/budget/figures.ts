/**
 * Budget arithmetic, in integer cents. Signs follow the ledger: costs (lasten) positive, income
 * (baten) negative. With that convention variance = current − forecast is favourable (V) when
 * positive for both kinds: spending less than budgeted, or receiving more (a more negative forecast).
 */

import { forecastLine, type ForecastMethod } from './forecast.ts';

export interface VarianceThreshold {
  /** Explanation needed from this absolute variance; null = not used. */
  amountCents: number | null;
  /** … or from this percentage of the current budget; null = not used. */
  percent: number | null;
  /**
   * 'both' (the default): the variance passes both limits, so neither a large line's small percentage nor a
   * small line's large percentage alone asks for a text; 'either': one of the two suffices.
   */
  rule: 'either' | 'both';
}

export const DEFAULT_THRESHOLD: VarianceThreshold = { amountCents: 2_500_000, percent: 10, rule: 'both' };

export interface LineInputs {
  primitiveCents: number;
  revisionsCents: number;
  actualCents: number;
  commitmentsCents: number;
  /** What the head still expects to spend (or receive) beyond actuals and commitments; 0 = not given. */
  expectedCents: number;
  forecastOverrideCents: number | null;
  explanation: string | null;
  /** Months of the year the actuals cover (0–12); see forecast.ts. */
  monthsBooked: number;
  /** Last year's actuals of the line per month, when last year is complete (see forecast.ts). */
  lastYearByMonth?: readonly number[] | null;
}

export interface LineFigures {
  currentCents: number;
  forecastCents: number;
  /** How the forecast was made (forecast.ts). */
  forecastMethod: ForecastMethod;
  /** What the forecast adds for the months not yet booked beyond actuals and commitments. */
  forecastRemainderCents: number;
  varianceCents: number;
  /** 'V' favourable, 'N' unfavourable, '' none. */
  varianceLabel: 'V' | 'N' | '';
  /** (actuals + commitments) / current × 100; null when the current budget is zero. */
  exhaustionPercent: number | null;
  variancePercent: number | null;
  explanationRequired: boolean;
  explanationMissing: boolean;
}

export function currentBudget(primitiveCents: number, revisionsCents: number): number {
  return primitiveCents + revisionsCents;
}

export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return (part / whole) * 100;
}

export function explanationRequired(varianceCents: number, currentCents: number, threshold: VarianceThreshold): boolean {
  const absolute = Math.abs(varianceCents);
  if (absolute === 0) return false;
  const byAmount = threshold.amountCents !== null ? absolute >= threshold.amountCents : null;
  const pct = percentOf(absolute, Math.abs(currentCents));
  // A variance on a line without budget is infinitely large in percent.
  const byPercent = threshold.percent !== null ? (pct === null ? true : pct >= threshold.percent) : null;
  const checks = [byAmount, byPercent].filter((c): c is boolean => c !== null);
  if (checks.length === 0) return false;
  return threshold.rule === 'both' ? checks.every(Boolean) : checks.some(Boolean);
}

export function lineFigures(inputs: LineInputs, threshold: VarianceThreshold): LineFigures {
  const currentCents = currentBudget(inputs.primitiveCents, inputs.revisionsCents);
  const forecast = forecastLine({ ...inputs, currentCents });
  const forecastCents = forecast.cents;
  const varianceCents = currentCents - forecastCents;
  const required = explanationRequired(varianceCents, currentCents, threshold);
  return {
    currentCents,
    forecastCents,
    forecastMethod: forecast.method,
    forecastRemainderCents: forecast.remainderCents,
    varianceCents,
    varianceLabel: varianceCents > 0 ? 'V' : varianceCents < 0 ? 'N' : '',
    exhaustionPercent: percentOf(inputs.actualCents + inputs.commitmentsCents, currentCents),
    variancePercent: percentOf(varianceCents, Math.abs(currentCents)),
    explanationRequired: required,
    explanationMissing: required && !(inputs.explanation ?? '').trim(),
  };
}

export interface Totals {
  key: string;
  label: string;
  primitiveCents: number;
  revisionsCents: number;
  currentCents: number;
  actualCents: number;
  commitmentsCents: number;
  forecastCents: number;
  varianceCents: number;
  exhaustionPercent: number | null;
}

export function emptyTotals(key: string, label: string): Totals {
  return { key, label, primitiveCents: 0, revisionsCents: 0, currentCents: 0, actualCents: 0, commitmentsCents: 0, forecastCents: 0, varianceCents: 0, exhaustionPercent: null };
}

/** The seven amounts of a budget line, as totals and consolidations add them up. */
export type BudgetFigures = Pick<Totals, 'primitiveCents' | 'revisionsCents' | 'currentCents' | 'actualCents' | 'commitmentsCents' | 'forecastCents' | 'varianceCents'>;

// Written out rather than looped over the keys: a consolidation runs it several times for each of tens of
// thousands of lines, and for 15.000 lines the written-out form measured about five times faster.
export function addFigures(target: BudgetFigures, source: BudgetFigures): void {
  target.primitiveCents += source.primitiveCents;
  target.revisionsCents += source.revisionsCents;
  target.currentCents += source.currentCents;
  target.actualCents += source.actualCents;
  target.commitmentsCents += source.commitmentsCents;
  target.forecastCents += source.forecastCents;
  target.varianceCents += source.varianceCents;
}

export function addToTotals(totals: Totals, line: BudgetFigures): void {
  addFigures(totals, line);
  totals.exhaustionPercent = percentOf(totals.actualCents + totals.commitmentsCents, totals.currentCents);
}
