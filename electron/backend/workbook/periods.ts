import { localToday } from '../../../shared/domain/absence/days.ts';
import { defaultPeriodsOf, parsePeriod, type Period } from '../../../shared/domain/period.ts';
import type { PeriodData, PeriodDefaults } from '../../../shared/api/report.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { formatPeriod } from '../../../shared/format/nl.ts';
import { tr } from '../words.ts';
import type { Workbook } from './workbook.ts';

function latest(...dates: Array<string | null | undefined>): string | null {
  return dates.reduce<string | null>((max, d) => (d && (max === null || d > max) ? d : max), null);
}

/**
 * The latest day of `year` on which the workbook holds something: a booking, the first or last sick day of an
 * absence case, a bottleneck signalled; in a central workbook the last day of the latest period of that year
 * a current package was received for.
 */
export function latestDataDay(wb: Workbook, year: number): string | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (wb.meta.kind !== 'department') {
    const periods = wb.all(wb.db.selectFrom('central_package').select('period').distinct().where('status', '=', 'current').where('period', 'like', `${year}%`));
    return latest(...periods.map((p) => parsePeriod(p.period)?.end));
  }
  const max = (value: string | number | bigint | null | undefined) => (value === null || value === undefined ? null : String(value));
  const ledger = wb.first(wb.db.selectFrom('ledger_line').select((eb) => eb.fn.max('booking_date').as('d')).where('booking_date', '>=', start).where('booking_date', '<=', end));
  const firstDays = wb.first(
    wb.db.selectFrom('absence_case').select((eb) => eb.fn.max('first_day').as('d')).where('deleted_at', 'is', null).where('first_day', '>=', start).where('first_day', '<=', end),
  );
  const lastDays = wb.first(
    wb.db.selectFrom('absence_case').select((eb) => eb.fn.max('last_day').as('d')).where('deleted_at', 'is', null).where('last_day', '>=', start).where('last_day', '<=', end),
  );
  const bottlenecks = wb.first(wb.db.selectFrom('bottleneck').select((eb) => eb.fn.max('signalled_on').as('d')).where('signalled_on', '>=', start).where('signalled_on', '<=', end));
  return latest(max(ledger?.d), max(firstDays?.d), max(lastDays?.d), max(bottlenecks?.d));
}

/** Where the workbook's pages and reports open: the latest period of its fiscal year with data (period.ts). */
export function periodDefaults(wb: Workbook, today = localToday()): PeriodDefaults {
  const year = wb.meta.fiscal_year;
  const latestData = latestDataDay(wb, year);
  return { fiscalYear: year, latestData, ...defaultPeriodsOf(year, latestData, today) };
}

function count(row: { n: number | bigint } | undefined): number {
  return Number(row?.n ?? 0);
}

/**
 * What a report of the period would rest on: bookings in it, budget lines of its year with a budget, absence cases that ran
 * in it, bottlenecks that were open in it (department); packages received for it (central). `empty` when there
 * is none of these: the report would show nothing but zeros, and the user is warned before it is made.
 */
export function periodData(wb: Workbook, code: string): PeriodData {
  const period: Period | null = parsePeriod(code);
  if (!period) throw new ApiError('invalid_input', `Periode "${code}" moet jjjj, jjjj-Qn of jjjj-mm zijn.`);
  if (wb.meta.kind !== 'department') {
    const packages = count(wb.first(wb.db.selectFrom('central_package').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'current').where('period', '=', period.code)));
    const empty = packages === 0;
    return { period: period.code, empty, counts: { packages }, warning: empty ? tr('periodData.noPackages', { period: formatPeriod(period.code) }) : null };
  }
  const bookings = count(wb.first(wb.db.selectFrom('ledger_line').select((eb) => eb.fn.countAll<number>().as('n')).where('booking_date', '>=', period.start).where('booking_date', '<=', period.end)));
  // Lines with a budget: the ledger import makes lines of its own (with € 0 budget), which are no budget.
  const budgetLines = count(
    wb.first(
      wb.db
        .selectFrom('budget_line')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('year', '=', period.year)
        .where((eb) => eb.or([eb('primitive_cents', '!=', 0), eb('id', 'in', eb.selectFrom('budget_revision').select('budget_line_id'))])),
    ),
  );
  const absenceCases = count(
    wb.first(
      wb.db
        .selectFrom('absence_case')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('deleted_at', 'is', null)
        .where('first_day', '<=', period.end)
        .where((eb) => eb.or([eb('last_day', 'is', null), eb('last_day', '>=', period.start)])),
    ),
  );
  const bottlenecks = count(wb.first(wb.db.selectFrom('bottleneck').select((eb) => eb.fn.countAll<number>().as('n')).where('signalled_on', '<=', period.end)));
  const empty = bookings === 0 && budgetLines === 0 && absenceCases === 0 && bottlenecks === 0;
  const label = formatPeriod(period.code);
  let warning: string | null = null;
  const words = { period: label, year: period.year };
  if (empty) warning = tr('periodData.empty', words);
  else if (budgetLines === 0) warning = tr('periodData.noBudget', words);
  else if (bookings === 0) warning = tr('periodData.noBookings', words);
  return { period: period.code, empty, counts: { bookings, budgetLines, absenceCases, bottlenecks }, warning };
}
