/** Dutch display formats: € 1.234,56 · 31-12-2026 · 38,9 %. Pure; used by renderer, exports and reports. */

const currency = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const currencyWhole = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** Integer cents → "€ 1.234,56". Uses a plain space after the euro sign so copied text stays simple. */
export function formatCents(cents: number | null | undefined, options: { whole?: boolean } = {}): string {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return '';
  const text = (options.whole ? currencyWhole : currency).format(cents / 100);
  return text.replace(/\u00a0/g, ' ');
}

/** Integer cents → "1.234,56" (no currency sign): for grid editors and CSV. */
export function formatCentsPlain(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return numberFormat(2).format(cents / 100);
}

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return numberFormat(decimals).format(value);
}

/** 38.888 → "38,9 %" */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return `${numberFormat(decimals).format(value)} %`;
}

/** ISO "2026-12-31" → "31-12-2026". Anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** ISO timestamp → "31-12-2026 14:05" in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2027-Q2" → "2e kwartaal 2027", "2027-04" → "april 2027", "2027" → "2027". */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[2]}e kwartaal ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${MONTHS_NL[Number(month[2]) - 1]} ${month[1]}`;
  return period;
}

export const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const PERIOD_END_WORDS = { quarter: ['einde kwartaal', 'het kwartaal loopt nog'], month: ['einde maand', 'de maand loopt nog'], year: ['einde jaar', 'het jaar loopt nog'] } as const;

/**
 * The day a report of a period judges what is overdue on, with why that day: "31-03-2027 (einde
 * kwartaal)", or "15-05-2027 (vandaag; het kwartaal loopt nog)" for a period not yet over.
 */
export function formatJudgementDay(period: { kind: 'quarter' | 'month' | 'year'; end: string }, day: string): string {
  const [ended, running] = PERIOD_END_WORDS[period.kind];
  return `${formatDate(day)} (${day === period.end ? ended : `vandaag; ${running}`})`;
}
