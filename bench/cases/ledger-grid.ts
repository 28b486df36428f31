import Database from 'better-sqlite3';
import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { best, peakRssMb, report } from '../measure.ts';

/**
 * Fetching a sorted/filtered page of the actuals grid through the API (zod validation, router, kysely,
 * count + sum + page) against the same statements in raw better-sqlite3: the floor. A filter on the year
 * only takes its count and sum from the per-month totals (ledger_month), in the API and in the floor
 * alike; the result is checked against a count of the ledger lines themselves.
 */
const [workbookFile] = process.argv.slice(2);
const { client, session } = createLocalClient({ dataDir: path.join(path.dirname(workbookFile), 'grid-data'), rememberRecent: false });
await client.workbook.open({ path: workbookFile, readOnly: true });
const raw = new Database(workbookFile, { readonly: true });
raw.pragma('cache_size = -65536');
const total = (raw.prepare('SELECT count(*) FROM ledger_line WHERE year = 2027').pluck().get() as number) || 1;

const columns = 'id, year, period, booking_date AS bookingDate, journal, document, cost_centre AS costCentre, account, description, amount_cents AS amountCents, counterparty';
const cases = [
  {
    name: 'date-asc-first-page',
    request: { offset: 0, limit: 200, sort: [{ column: 'bookingDate' as const, direction: 'asc' as const }], filter: { year: 2027 } },
    where: 'year = ?',
    params: [2027],
    order: 'booking_date ASC, id',
  },
  {
    name: 'amount-desc-middle-page',
    request: { offset: Math.floor(total / 2), limit: 200, sort: [{ column: 'amountCents' as const, direction: 'desc' as const }], filter: { year: 2027 } },
    where: 'year = ?',
    params: [2027],
    order: 'amount_cents DESC, id',
  },
  {
    name: 'text-filter-date-desc',
    request: { offset: 0, limit: 200, sort: [{ column: 'bookingDate' as const, direction: 'desc' as const }], filter: { year: 2027, text: 'Randstad' } },
    where: "year = ? AND (description LIKE ? ESCAPE '\\' OR counterparty LIKE ? ESCAPE '\\' OR document LIKE ? ESCAPE '\\')",
    params: [2027, '%Randstad%', '%Randstad%', '%Randstad%'],
    order: 'booking_date DESC, id',
  },
  {
    name: 'cost-centre-quarter-amount-asc',
    request: { offset: 0, limit: 200, sort: [{ column: 'amountCents' as const, direction: 'asc' as const }], filter: { year: 2027, costCentre: 'OR02', dateFrom: '2027-04-01', dateTo: '2027-06-30' } },
    where: "year = ? AND budget_line_id IN (SELECT id FROM budget_line WHERE cost_centre = 'OR02' AND year = 2027) AND booking_date >= ? AND booking_date <= ?",
    params: [2027, '2027-04-01', '2027-06-30'],
    order: 'amount_cents ASC, id',
  },
];

const results = [];
const yearTotals = raw.prepare('SELECT coalesce(sum(m.line_count), 0) AS n, coalesce(sum(m.amount_cents), 0) AS total FROM ledger_month m JOIN budget_line l ON l.id = m.budget_line_id WHERE l.year = ?');
for (const c of cases) {
  const lineTotals = raw.prepare(`SELECT count(*) AS n, coalesce(sum(amount_cents), 0) AS total FROM ledger_line WHERE ${c.where}`);
  const aggregate = c.where === 'year = ?' ? yearTotals : lineTotals;
  const page = raw.prepare(`SELECT ${columns} FROM ledger_line WHERE ${c.where} ORDER BY ${c.order} LIMIT ? OFFSET ?`);
  const floorSeconds = await best(5, () => {
    aggregate.get(...c.params);
    page.all(...c.params, c.request.limit, c.request.offset);
  });
  const seconds = await best(5, () => client.budget.ledgerPage(c.request));
  const check = await client.budget.ledgerPage(c.request);
  const expected = lineTotals.get(...c.params) as { n: number; total: number };
  if (check.total !== expected.n || check.totalCents !== expected.total) throw new Error(`${c.name}: API ${check.total} lines, ${check.totalCents} cents ≠ SQL ${expected.n}, ${expected.total}`);
  results.push({ name: c.name, seconds, floorSeconds, rows: check.total });
}
session.close();
raw.close();
report({ results, peakRssMb: peakRssMb() });
