import type { TFunction } from 'i18next';
import type { ForecastBasis, ForecastMethod } from '../../../../shared/domain/budget/forecast.ts';

function monthName(language: string, month: number): string {
  return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** "lineair", "ritme 2026", "nog verwacht", "handmatig": a line's forecast method in a grid cell. */
export function forecastMethodName(t: TFunction, method: ForecastMethod | null | undefined, rhythmYear: number | null | undefined): string {
  if (!method) return '';
  return t(`budget.forecastMethod.${method}`, { year: rhythmYear ?? '' }).trim();
}

/** How the forecasts of a budget are made, in two or three sentences: shown beside every forecast. */
export function forecastBasisSentence(t: TFunction, language: string, basis: ForecastBasis): string {
  const months = Math.min(12, Math.max(0, basis.monthsBooked));
  const parts = [months === 0 ? t('budget.forecastBasis.nothingBooked', { year: basis.year }) : t('budget.forecastBasis.booked', { month: monthName(language, months), year: basis.year })];
  if (months === 12) {
    parts.push(t('budget.forecastBasis.closed'));
  } else {
    const from = monthName(language, months + 1);
    parts.push(t('budget.forecastBasis.linear', { months: months === 11 ? from : t('budget.forecastBasis.range', { from }), count: 12 - months }));
    if (basis.rhythmYear !== null) parts.push(t('budget.forecastBasis.rhythm', { year: basis.rhythmYear }));
  }
  parts.push(t('budget.forecastBasis.own'));
  return parts.join(' ');
}
