import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterEach } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';

/** In-repo copies of ../shared/samples (see tests/fixtures/samples/ORIGIN.md). */
export const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');

export function sample(name: string): string {
  return path.join(SAMPLES, name);
}

/** A fresh temp folder per test; removed by the returned cleanup. */
export function tempDir(prefix = 'werkboek-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A client with a department workbook for "Openbare Ruimte" (OR01–OR03), as in the samples. */
export async function departmentWorkbook(dir = tempDir()) {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
  const file = path.join(dir, 'or.werkboek');
  const info = await client.workbook.create({
    path: file,
    kind: 'department',
    organisation: 'Gemeente Voorbeeld',
    departmentCode: 'OR',
    departmentName: 'Openbare Ruimte',
    fiscalYear: 2027,
    owner: 'A. Hoofd',
    costCentres: [
      { code: 'OR01', name: 'Beheer', taakveld: '5.7' },
      { code: 'OR02', name: 'Groen', taakveld: '5.7' },
      { code: 'OR03', name: 'Projecten', taakveld: '5.7' },
    ],
  });
  return { client, session, file, dir, info };
}

/** The sample rows of our department, computed with a plain CSV parse, independently of the importer. */
export function sampleLedgerTotals(prefix: string): { count: number; cents: number } {
  const text = fs.readFileSync(sample('grootboekmutaties-2027.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true, skipEmptyLines: true }).data;
  let count = 0;
  let cents = 0;
  for (const row of rows) {
    if (!row.Kostenplaats.startsWith(prefix)) continue;
    count += 1;
    cents += Math.round(Number(row.Bedrag.replace(/\./g, '').replace(',', '.')) * 100);
  }
  return { count, cents };
}

/**
 * Sessions a test file opens, closed after each test (an open workbook keeps its lock and WAL);
 * `workbook()` makes a department workbook whose session is closed with them.
 */
export function sessionsClosedAfterEach() {
  const sessions: Array<{ close(): void }> = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.close()));
  const workbook = async (dir?: string) => {
    const wb = await departmentWorkbook(dir);
    sessions.push(wb.session);
    return wb;
  };
  return { sessions, workbook };
}

/** Reads a workbook file straight from SQLite, read-only: what is really stored, not what the API says. */
export function readStored<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
