import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeLedgerFile, LEDGER_HEADER } from '../../bench/generate.ts';
import { DeferredIndexes } from '../../electron/backend/db/deferred-indexes.ts';
import { readStored, sessionsClosedAfterEach, tempDir, writeTemp } from '../helpers/workbook.ts';

/**
 * A large ledger file into a small ledger builds the secondary indexes once at the end, inside the
 * import's transaction (db/deferred-indexes.ts). What it stores must be exactly what importing the same
 * lines in small files stores (where the indexes are kept row by row), and the schema must come out as
 * it went in, also when the import is refused or only previewed.
 */
const { workbook } = sessionsClosedAfterEach();
afterEach(() => vi.restoreAllMocks());

const LINES = 9_000;

function ledgerFiles(dir: string) {
  const big = path.join(dir, 'grootboek-groot.csv');
  const { departmentRows } = writeLedgerFile(big, LINES, { seed: 4242 });
  // The same lines in three files of 3.000, each too small to defer the indexes.
  const lines = fs.readFileSync(big, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1);
  const parts = [0, 1, 2].map((i) => writeTemp(dir, `deel-${i}.csv`, `\uFEFF${[LEDGER_HEADER, ...lines.slice(i * 3000, (i + 1) * 3000)].join('\r\n')}\r\n`));
  return { big, parts, departmentRows };
}

/** Everything the ledger import writes, without ids and batch numbers, and the schema as SQL. */
function stored(db: Database.Database) {
  return {
    schema: db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all(),
    ledger: db
      .prepare(
        `SELECT g.row_key, g.year, g.period, g.booking_date, g.journal, g.document, g.cost_centre, g.account, g.description, g.amount_cents, g.counterparty, l.year || '|' || l.cost_centre || '|' || l.account AS line
         FROM ledger_line g JOIN budget_line l ON l.id = g.budget_line_id ORDER BY g.row_key`,
      )
      .raw(true)
      .all(),
    months: db.prepare("SELECT l.year || '|' || l.cost_centre || '|' || l.account AS line, m.month, m.line_count, m.amount_cents FROM ledger_month m JOIN budget_line l ON l.id = m.budget_line_id ORDER BY 1, 2").raw(true).all(),
    budgetLines: db.prepare('SELECT year, cost_centre, account, account_name, kind, actual_cents FROM budget_line ORDER BY year, cost_centre, account').raw(true).all(),
  };
}

const indexesOf = (db: Database.Database) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_line' ORDER BY name").all();

describe('a large ledger import into a small ledger', () => {
  it('stores exactly what the same lines in small files store, builds the indexes once, and leaves the schema as it was', async () => {
    const dir = tempDir();
    const { big, parts, departmentRows } = ledgerFiles(dir);
    const drop = vi.spyOn(DeferredIndexes.prototype, 'drop');
    const bulk = await workbook(path.join(dir, 'a'));
    const fresh = readStored(bulk.file, stored);
    const result = await bulk.client.import.commit({ kind: 'ledger', source: { path: big } });
    expect(result).toMatchObject({ imported: departmentRows, duplicates: 0, rejectedCount: 0 });
    expect(drop).toHaveBeenCalledTimes(1);

    drop.mockClear();
    const small = await workbook(path.join(dir, 'b'));
    for (const part of parts) await small.client.import.commit({ kind: 'ledger', source: { path: part } });
    expect(drop).not.toHaveBeenCalled();

    const bulkStored = readStored(bulk.file, stored);
    expect(bulkStored.ledger).toHaveLength(departmentRows);
    expect(bulkStored).toEqual(readStored(small.file, stored));
    expect(bulkStored.schema).toEqual(fresh.schema);
    expect(readStored(bulk.file, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');

    // Again, now that the ledger holds them all: every line is a duplicate, nothing is deferred or added.
    drop.mockClear();
    const again = await bulk.client.import.commit({ kind: 'ledger', source: { path: big } });
    expect(again).toMatchObject({ imported: 0, duplicates: departmentRows });
    expect(drop).not.toHaveBeenCalled();
    expect(readStored(bulk.file, stored)).toEqual(bulkStored);
  });

  it('keeps a line that is in the file twice as two bookings, as before', async () => {
    const dir = tempDir();
    const { big, departmentRows } = ledgerFiles(dir);
    const text = fs.readFileSync(big, 'utf8');
    const lastOwnLine = text.split('\r\n').filter((line) => /;OR0\d;/.test(line)).at(-1)!;
    const twice = writeTemp(dir, 'tweemaal.csv', `${text}${lastOwnLine}\r\n`);
    const wb = await workbook(path.join(dir, 'a'));
    expect(await wb.client.import.commit({ kind: 'ledger', source: { path: twice } })).toMatchObject({ imported: departmentRows + 1, duplicates: 0 });
    expect(readStored(wb.file, (db) => db.prepare("SELECT count(*) AS n FROM ledger_line WHERE row_key LIKE '%#1'").get())).toEqual({ n: 1 });
  });

  it('leaves no line and every index when the import is refused after the indexes were dropped, or only previewed', async () => {
    const dir = tempDir();
    const { big } = ledgerFiles(dir);
    // The last line has an amount that is not an amount: with strict, the whole file is refused at the end.
    const broken = writeTemp(dir, 'kapot.csv', `${fs.readFileSync(big, 'utf8')}2027;12;31-12-2027;MEM;2027999999;OR01;Openbare Ruimte;4300;Huisvesting;5.7;3.2;Huur;twaalf euro;Verhuurder\r\n`);
    const drop = vi.spyOn(DeferredIndexes.prototype, 'drop');
    const wb = await workbook(path.join(dir, 'a'));
    const before = readStored(wb.file, stored);
    await expect(wb.client.import.commit({ kind: 'ledger', source: { path: broken }, strict: true })).rejects.toThrow(/afgekeurd/);
    expect(drop).toHaveBeenCalledTimes(1);
    expect(readStored(wb.file, stored)).toEqual(before);
    expect(readStored(wb.file, indexesOf)).toHaveLength(4);

    const preview = await wb.client.import.preview({ kind: 'ledger', source: { path: big } });
    expect(preview.imported).toBeGreaterThan(5_000);
    expect(readStored(wb.file, stored)).toEqual(before);
  });
});
