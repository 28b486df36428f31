/**
 * The year-end forecast (prognose) of one budget line, in integer cents with the ledger's signs (lasten
 * positive, baten negative). Four methods, the first that applies wins:
 *
 * - manual: the head's own amount for the line (with a note), as set at the burap;
 * - expected: actuals + open commitments + what the head entered as "nog verwacht";
 * - rhythm: once the line has a full year of history, actuals + commitments + the share of the current
 *   budget that last year fell in the months not yet booked this year (its own seasonal pattern);
 * - linear: actuals + commitments + the current budget pro rata for the months not yet booked.
 *
 * Open commitments are spending of the months to come, so the budget's remainder covers them: only the part
 * of the remainder not already committed is added (forecast = actuals + the larger of commitments and the
 * remainder). Without that, every line with a purchase order would show its order twice and turn
 * unfavourable the day it is placed.
 */

export type ForecastMethod = 'manual' | 'expected' | 'rhythm' | 'linear';

export const FORECAST_METHODS: readonly ForecastMethod[] = ['manual', 'expected', 'rhythm', 'linear'];

export interface ForecastInputs {
  currentCents: number;
  actualCents: number;
  commitmentsCents: number;
  /** Months of the year the actuals cover (0–12): the ledger is booked through the end of this month. */
  monthsBooked: number;
  /** What the head still expects beyond actuals and commitments; 0 = not given. */
  expectedCents: number;
  /** The head's own forecast of the line; null = none. */
  forecastOverrideCents: number | null;
  /**
   * Last year's actuals of the same cost centre and account per month (12 entries, January first), when
   * last year's ledger is complete; null otherwise.
   */
  lastYearByMonth?: readonly number[] | null;
}

export interface Forecast {
  cents: number;
  method: ForecastMethod;
  /** What the method adds for the months not yet booked beyond actuals and commitments (0 for manual). */
  remainderCents: number;
  /** Share of the current budget expected in the months not yet booked (0–1); null for manual and expected. */
  remainingShare: number | null;
}

export function clampMonths(months: number): number {
  return Math.min(12, Math.max(0, Math.trunc(months)));
}

/**
 * The share of last year's actuals booked after `monthsBooked`: how much of a year this line still spends
 * (or receives) from here. Null when last year does not tell: no complete year, nothing booked, or a total
 * of the other sign than this year's budget (a cost line that was a net credit last year).
 */
export function rhythmShare(lastYearByMonth: readonly number[] | null | undefined, monthsBooked: number, currentCents: number): number | null {
  if (!lastYearByMonth || lastYearByMonth.length !== 12 || currentCents === 0) return null;
  const total = lastYearByMonth.reduce((s, v) => s + v, 0);
  if (total === 0 || Math.sign(total) !== Math.sign(currentCents)) return null;
  const rest = lastYearByMonth.slice(clampMonths(monthsBooked)).reduce((s, v) => s + v, 0);
  return Math.min(1, Math.max(0, rest / total));
}

/** Of a remainder, what commitments do not already cover, in the budget's own direction (never below zero). */
function uncommitted(grossCents: number, commitmentsCents: number, currentCents: number): number {
  const rest = grossCents - commitmentsCents;
  return currentCents < 0 ? Math.min(0, rest) : Math.max(0, rest);
}

export function forecastLine(inputs: ForecastInputs): Forecast {
  const { actualCents, commitmentsCents, currentCents } = inputs;
  if (inputs.forecastOverrideCents !== null) {
    return { cents: inputs.forecastOverrideCents, method: 'manual', remainderCents: 0, remainingShare: null };
  }
  if (inputs.expectedCents !== 0) {
    return { cents: actualCents + commitmentsCents + inputs.expectedCents, method: 'expected', remainderCents: inputs.expectedCents, remainingShare: null };
  }
  const months = clampMonths(inputs.monthsBooked);
  const rhythm = rhythmShare(inputs.lastYearByMonth, months, currentCents);
  const share = rhythm ?? (12 - months) / 12;
  const remainderCents = uncommitted(Math.round(currentCents * share), commitmentsCents, currentCents);
  return { cents: actualCents + commitmentsCents + remainderCents, method: rhythm === null ? 'linear' : 'rhythm', remainderCents, remainingShare: share };
}

/** What the forecast of a budget was based on: shown beside it on the budget page, in reports and packages. */
export interface ForecastBasis {
  year: number;
  /** Months of the year the actuals cover (0–12). */
  monthsBooked: number;
  /** The year whose monthly pattern lines with history follow (year − 1), or null without a complete earlier year. */
  rhythmYear: number | null;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "lineair", "ritme 2026", "nog verwacht", "handmatig": the method of one line in a table cell (Dutch). */
export function forecastMethodLabel(method: ForecastMethod | null | undefined, rhythmYear?: number | null): string {
  switch (method) {
    case 'manual':
      return 'handmatig';
    case 'expected':
      return 'nog verwacht';
    case 'rhythm':
      return rhythmYear ? `ritme ${rhythmYear}` : 'ritme vorig jaar';
    case 'linear':
      return 'lineair';
    default:
      return '';
  }
}

/** The forecast method in one Dutch sentence, for reports, packages' readable sheets and the budget page. */
export function forecastBasisText(basis: ForecastBasis): string {
  const months = clampMonths(basis.monthsBooked);
  const booked = months === 0 ? `Er is nog niets geboekt in ${basis.year}` : `Realisatie tot en met ${MONTHS[months - 1]} ${basis.year}`;
  const remainder =
    months === 12
      ? 'alle maanden zijn geboekt, dus de prognose is realisatie plus open verplichtingen'
      : `de prognose is realisatie plus open verplichtingen plus de actuele begroting naar rato voor ${months === 11 ? 'december' : `${MONTHS[months]} tot en met december`} (${12 - months}/12), voor zover die nog niet verplicht is`;
  const rhythm = basis.rhythmYear !== null && months < 12 ? `; een regel met een volledig jaar ${basis.rhythmYear} volgt het eigen ritme van dat jaar in plaats van 1/12 per maand` : '';
  return `${booked}: ${remainder}${rhythm}. Een handmatige prognose of "nog verwacht" van het hoofd gaat voor.`;
}
