import { formatNumber } from '../../../../shared/format/nl.ts';

const hoursFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** 20.5 → "20,5" */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '' : hoursFormat.format(hours);
}

/** FTE with two decimals: 0.5694 → "0,57" */
export function formatFte(fte: number | null | undefined): string {
  return fte === null || fte === undefined ? '' : formatNumber(fte, 2);
}

/** Today within the fiscal year, else its first or last day: the default peildatum. */
export function defaultPeildatum(fiscalYear: number): string {
  const today = new Date().toISOString().slice(0, 10);
  if (today < `${fiscalYear}-01-01`) return `${fiscalYear}-01-01`;
  if (today > `${fiscalYear}-12-31`) return `${fiscalYear}-12-31`;
  return today;
}
