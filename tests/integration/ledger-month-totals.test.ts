import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { actualsByMonth } from '../../electron/backend/overview/budget-section.ts';
import type { LedgerQuery } from '../../electron/backend/budget/service.ts';
import { readStored, sample, sessionsClosedAfterEach, writeTemp } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

/** The count and total of a filter, summed from the ledger lines themselves with plain SQL. */
function rawTotals(file: string, where: string, ...params: unknown[]): { total: number; totalCents: number } {
  return readStored(file, (db) => {
    const row = db.prepare(`SELECT count(*) AS n, coalesce(sum(g.amount_cents), 0) AS cents FROM ledger_line g JOIN budget_line l ON l.id = g.budget_line_id WHERE ${where}`).get(...params) as { n: number; cents: number };
    return { total: row.n, totalCents: row.cents };
  });
}

async function sampleAndExtraLedger() {
  const wb = await workbook();
  await wb.client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
  // A second file: one line again (a duplicate), two new lines in a month that already has bookings, one in the next year.
  const extra = writeTemp(
    wb.dir,
    'aanvulling.csv',
    ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', '03-03-2027;OR01;4300;Correctie huur;-125,50', '17-03-2027;OR02;4999;Nieuwe rekening;80,00', '08-01-2028;OR01;4300;Huur 2028;1.000,00'].join('\n'),
  );
  await wb.client.import.commit({ kind: 'ledger', source: { path: extra } });
  await wb.client.import.commit({ kind: 'ledger', source: { path: extra } });
  return wb;
}

describe('actuals per month, kept by the import', () => {
  it('answer the grid’s count and total for year, cost centre, account and budget line filters exactly as the ledger lines do', async () => {
    const { client, file } = await sampleAndExtraLedger();
    const page = (filter: LedgerQuery['filter']) => client.budget.ledgerPage({ offset: 0, limit: 1, sort: [], filter });
    const line4300 = (await client.budget.summary({})).lines.find((l) => l.costCentre === 'OR01' && l.account === '4300')!;

    const cases: Array<[LedgerQuery['filter'], string, unknown[]]> = [
      [{}, '1 = 1', []],
      [{ year: 2027 }, 'l.year = ?', [2027]],
      [{ year: 2028 }, 'l.year = ?', [2028]],
      [{ year: 2027, costCentre: 'or02' }, 'l.year = ? AND l.cost_centre = ?', [2027, 'OR02']],
      [{ year: 2027, account: '4300' }, 'l.year = ? AND l.account = ?', [2027, '4300']],
      [{ budgetLineId: line4300.id }, 'l.id = ?', [line4300.id]],
      [{ year: 2027, costCentre: 'OR09' }, 'l.year = ? AND l.cost_centre = ?', [2027, 'OR09']],
      // Text, date and amount filters count the lines themselves.
      [{ year: 2027, dateFrom: '2027-03-01', dateTo: '2027-03-20' }, "l.year = ? AND g.booking_date BETWEEN '2027-03-01' AND '2027-03-20'", [2027]],
      [{ year: 2027, text: 'huur' }, "l.year = ? AND (g.description LIKE '%huur%' OR g.counterparty LIKE '%huur%' OR g.document LIKE '%huur%')", [2027]],
    ];
    for (const [filter, where, params] of cases) {
      const expected = rawTotals(file, where, ...params);
      expect(await page(filter), JSON.stringify(filter)).toMatchObject(expected);
    }
    expect(rawTotals(file, 'l.year = 2027').total).toBeGreaterThan(100);
  });

  it('give the month trend of the overview and a report up to any date, also inside a month', async () => {
    const { client, session, file } = await sampleAndExtraLedger();
    const rawMonths = (until: string) =>
      readStored(file, (db) => new Map((db.prepare("SELECT substr(booking_date, 1, 7) AS month, sum(amount_cents) AS cents FROM ledger_line WHERE year = 2027 AND booking_date <= ? GROUP BY month").all(until) as Array<{ month: string; cents: number }>).map((r) => [r.month, r.cents])));
    const wb = session.workbook!;
    for (const until of ['2027-12-31', '2027-03-31', '2027-03-10', '2027-03-01', '2027-02-28', '2027-02-27', '2026-12-31']) {
      expect(actualsByMonth(wb, 2027, until), until).toEqual(rawMonths(until));
    }
    expect(actualsByMonth(wb, 2027)).toEqual(rawMonths('9999-12-31'));
    expect(actualsByMonth(wb, 2028)).toEqual(new Map([['2028-01', 100_000]]));

    const overview = await client.overview.get({});
    const budget = overview.sections.find((s) => s.key === 'budget')!.data as { monthly: { cumulativeActualCents: Array<number | null> } };
    const december = [...rawMonths('2027-12-31').values()].reduce((a, b) => a + b, 0);
    expect(budget.monthly.cumulativeActualCents.filter((c) => c !== null).at(-1)).toBe(december);
  });

  it('are read-only in a closed year, like the ledger', async () => {
    const { client, session, file, dir } = await sampleAndExtraLedger();
    await client.workbook.closeYear({ year: 2027, note: null });
    const late = writeTemp(dir, 'laat.csv', ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', '30-12-2027;OR01;4300;Te laat;10,00'].join('\n'));
    expect(await client.import.commit({ kind: 'ledger', source: { path: late } })).toMatchObject({ imported: 0, rejected: [{ line: 2, reason: 'boekjaar 2027 is afgesloten' }] });
    session.close();

    const db = new Database(file);
    try {
      const line2027 = (db.prepare('SELECT id FROM budget_line WHERE year = 2027 LIMIT 1').get() as { id: number }).id;
      const line2028 = (db.prepare('SELECT id FROM budget_line WHERE year = 2028 LIMIT 1').get() as { id: number }).id;
      expect(() => db.prepare('UPDATE ledger_month SET amount_cents = 0 WHERE budget_line_id = ?').run(line2027)).toThrow(/WERKBOEK_JAAR_AFGESLOTEN:2027/);
      expect(() => db.prepare("INSERT INTO ledger_month (budget_line_id, month, line_count, amount_cents) VALUES (?, '2027-13', 1, 1)").run(line2027)).toThrow(/WERKBOEK_JAAR_AFGESLOTEN:2027/);
      expect(() => db.prepare('DELETE FROM ledger_month WHERE budget_line_id = ?').run(line2027)).toThrow(/WERKBOEK_JAAR_AFGESLOTEN:2027/);
      expect(db.prepare('UPDATE ledger_month SET amount_cents = amount_cents WHERE budget_line_id = ?').run(line2028).changes).toBe(1);
    } finally {
      db.close();
    }
  });
});
