// The physical floor of a ledger import: read the file, split it into lines and fields, and insert the
// department's rows with one raw prepared better-sqlite3 statement in one transaction. Plain JavaScript
// (no TypeScript loader), so that run as its own process (`node bench/floor/ledger-raw.mjs …`) its start
// costs what Node and better-sqlite3 cost, the floor for `werkboek import`.
//
// Two tables to insert into (prepared before the clock starts):
//  - "same-indexes": the workbook's own ledger_line with every index it has (row_key UNIQUE, three
//    secondary indexes);
//  - "no-index": ledger_line rebuilt with the same columns and nothing but its rowid, no UNIQUE, no
//    secondary index, no trigger: what writing the rows costs at all.
import Database from 'better-sqlite3';
import fs from 'node:fs';

export const OWN_COST_CENTRES = ['OR01', 'OR02', 'OR03'];

/** Prepares the workbook for one floor; run before timing. */
export function prepareFloorTable(workbookFile, variant) {
  if (variant !== 'no-index') return;
  const db = new Database(workbookFile);
  const columns = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ledger_line'").pluck().get();
  if (!columns) throw new Error('ledger_line ontbreekt');
  db.pragma('foreign_keys = OFF');
  db.exec(`
    BEGIN;
    DROP TABLE ledger_line;
    CREATE TABLE ledger_line (
      id INTEGER PRIMARY KEY, row_key TEXT NOT NULL, year INTEGER NOT NULL, period INTEGER, booking_date TEXT NOT NULL,
      journal TEXT, document TEXT, cost_centre TEXT NOT NULL, account TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
      amount_cents INTEGER NOT NULL, counterparty TEXT, budget_line_id INTEGER NOT NULL, import_batch_id INTEGER
    );
    COMMIT;`);
  db.close();
}

/** Reads, splits and inserts; returns the number of rows inserted. Opens the workbook as Werkboek does (WAL, synchronous FULL, 64 MB cache). */
export async function rawLedgerInsert(workbookFile, ledgerFile) {
  const db = new Database(workbookFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  const own = new Set(OWN_COST_CENTRES);
  const insertLine = db.prepare('INSERT INTO budget_line (year, cost_centre, account, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const lineId = db.prepare('SELECT id FROM budget_line WHERE year = ? AND cost_centre = ? AND account = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO ledger_line (row_key, year, period, booking_date, journal, document, cost_centre, account, description, amount_cents, counterparty, budget_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const lines = new Map();
  let inserted = 0;
  db.exec('BEGIN IMMEDIATE');
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let first = true;
  const handle = (line) => {
    if (first) {
      first = false;
      return;
    }
    if (!line) return;
    const f = line.split(';');
    if (!own.has(f[5])) return;
    const key = `${f[0]}|${f[5]}|${f[7]}`;
    let id = lines.get(key);
    if (id === undefined) {
      insertLine.run(Number(f[0]), f[5], f[7], 'x', 'x');
      id = lineId.get(Number(f[0]), f[5], f[7]);
      lines.set(key, id);
    }
    const d = f[2];
    insert.run(f[4], Number(f[0]), Number(f[1]), `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`, f[3], f[4], f[5], f[7], f[11], Number(f[f.length - 2].replace(/\./g, '').replace(',', '')) || 0, f[f.length - 1], id);
    inserted += 1;
  };
  for await (const chunk of fs.createReadStream(ledgerFile, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split('\r\n');
    rest = parts.pop() ?? '';
    for (const line of parts) handle(line);
  }
  handle(rest);
  db.exec('COMMIT');
  db.close();
  return inserted;
}

if (process.argv[1] === import.meta.filename) {
  const [workbookFile, ledgerFile] = process.argv.slice(2);
  const inserted = await rawLedgerInsert(workbookFile, ledgerFile);
  process.stdout.write(`${JSON.stringify({ inserted })}\n`);
}
