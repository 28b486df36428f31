import type { PeriodDefaults } from '../../../../shared/api/report.ts';
import { parsePeriod } from '../../../../shared/domain/period.ts';

/** Of the calendar's periods: the latest of the fiscal year ending on the latest day with packages, else the one holding the default day, else the year's first. */
export function defaultCentralPeriod(codes: string[], defaults: PeriodDefaults | undefined): string {
  if (!defaults) return codes[0];
  const inYear = codes.filter((c) => c.startsWith(String(defaults.fiscalYear)));
  const withData = inYear.filter((c) => parsePeriod(c)?.end === defaults.latestData);
  const holding = inYear.filter((c) => {
    const p = parsePeriod(c);
    return p !== null && p.start <= defaults.day && defaults.day <= p.end;
  });
  // A quarter before a month or the year: the calendar's usual rhythm.
  const rank = (c: string) => ({ quarter: 0, month: 1, year: 2 })[parsePeriod(c)?.kind ?? 'year'];
  const best = (list: string[]) => [...list].sort((a, b) => rank(a) - rank(b))[0];
  return best(withData) ?? best(holding) ?? inYear[0] ?? codes[0];
}
