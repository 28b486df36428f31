import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createBenchWorkbook, DEPARTMENT_COST_CENTRES } from '../generate.ts';
import { peakRssMb, report, time } from '../measure.ts';

/**
 * Two modes, each in its own process so peak memory is its own:
 *  - "import": Werkboek's ledger import of the file into a fresh workbook (the figure);
 *  - "floor": read the same file, split it into lines and fields, and insert the department's rows
 *    with one raw prepared statement in one transaction into the same table (same indexes) of a fresh
 *    workbook: the physical floor of the job.
 */
const [mode, file, workDir] = process.argv.slice(2);

async function createWorkbook(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  const file = path.join(dir, 'bench.werkboek');
  return { ...(await createBenchWorkbook(file, path.join(dir, 'data'))), file };
}

async function floor(): Promise<void> {
  const { session, file: workbookFile } = await createWorkbook(workDir);
  session.close();
  const db = new Database(workbookFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  const own = new Set(DEPARTMENT_COST_CENTRES);
  const insertLine = db.prepare('INSERT INTO budget_line (year, cost_centre, account, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const lineId = db.prepare('SELECT id FROM budget_line WHERE year = ? AND cost_centre = ? AND account = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO ledger_line (row_key, year, period, booking_date, journal, document, cost_centre, account, description, amount_cents, counterparty, budget_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const lines = new Map<string, number>();
  const { seconds } = await time(async () => {
    db.exec('BEGIN IMMEDIATE');
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    let first = true;
    const handle = (line: string) => {
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
        id = lineId.get(Number(f[0]), f[5], f[7]) as number;
        lines.set(key, id);
      }
      const d = f[2];
      insert.run(f[4], Number(f[0]), Number(f[1]), `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`, f[3], f[4], f[5], f[7], f[11], Number(f[f.length - 2].replace(/\./g, '').replace(',', '')) || 0, f[f.length - 1], id);
    };
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      const text = rest + decoder.decode(chunk as Buffer, { stream: true });
      const parts = text.split('\r\n');
      rest = parts.pop() ?? '';
      for (const line of parts) handle(line);
    }
    handle(rest);
    db.exec('COMMIT');
  });
  db.close();
  report({ seconds, peakRssMb: peakRssMb() });
}

async function runImport(): Promise<void> {
  const { client, session } = await createWorkbook(workDir);
  const { seconds, value } = await time(() => client.import.commit({ kind: 'ledger', source: { path: file } }));
  session.close();
  report({ seconds, peakRssMb: peakRssMb(), imported: value.imported, rejected: value.rejectedCount });
}

if (mode === 'floor') await floor();
else await runImport();
