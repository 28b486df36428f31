import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { writeLargeFinancePackage } from '../helpers/large-package.ts';
import { tempDir } from '../helpers/workbook.ts';

/**
 * A signed package of 99.999 lines made `central export --xlsx` take minutes and 3,4 GB (issue 17,
 * item 9): the whole workbook was built in memory. Now it is written as it is built, so the memory of
 * the process does not grow with the number of lines. Measured in a child process per file (its peak
 * resident memory), for 20.000 and 100.000 lines: the second may not need much more than the first.
 * Times are not asserted (see `npm run bench`).
 */

const ORGANISATION = 'Gemeente Voorbeeld';

async function centralWith(dir: string, lines: number): Promise<{ dataDir: string; file: string }> {
  const dataDir = path.join(dir, `data-${lines}`);
  const file = path.join(dir, `centraal-${lines}.werkboek`);
  const pkg = path.join(dir, `GR-${lines}.wbx`);
  writeLargeFinancePackage(pkg, lines, { organisation: ORGANISATION });
  const { client, session } = createLocalClient({ dataDir });
  try {
    await client.workbook.create({ path: file, kind: 'central-finance', organisation: ORGANISATION, fiscalYear: 2027, owner: 'Concerncontrol' });
    const imported = await client.central.import({ sources: [{ path: pkg }], trustNew: true });
    expect(imported.counts.imported).toBe(1);
  } finally {
    session.close();
  }
  fs.rmSync(pkg);
  return { dataDir, file };
}

function exportInChild(dataDir: string, file: string, out: string): number {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../helpers/central-xlsx-child.ts'), dataDir, file, out], {
    encoding: 'utf8',
    cwd: path.resolve(import.meta.dirname, '../..'),
    timeout: 600_000,
  });
  expect(child.status, child.stderr.slice(-2000)).toBe(0);
  return (JSON.parse(child.stdout.trim().split('\n').pop()!) as { maxRssMb: number }).maxRssMb;
}

/** Rows per sheet, read with ExcelJS's streaming reader (the file is too large to load whole here). */
async function rowsPerSheet(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const sheet of reader) {
    let rows = 0;
    for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) rows += 1;
    counts[(sheet as unknown as { name: string }).name] = rows;
  }
  return counts;
}

describe('the consolidated XLSX of a very large package', () => {
  it('is written with memory that does not grow with the number of lines, and holds every line', async () => {
    const dir = tempDir('werkboek-central-xlsx-');
    const peaks: Record<number, number> = {};
    for (const lines of [20_000, 100_000]) {
      const { dataDir, file } = await centralWith(dir, lines);
      const out = path.join(dir, `consolidatie-${lines}.xlsx`);
      peaks[lines] = exportInChild(dataDir, file, out);
      const rows = await rowsPerSheet(out);
      // Header and totals row; the lines needing an explanation are every seventh.
      expect(rows['Alle regels']).toBe(lines + 2);
      expect(rows.Afwijkingen).toBe(Math.ceil(lines / 7) + 1);
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
    }
    console.info(`central XLSX: peak memory ${peaks[20_000]} MB for 20.000 lines, ${peaks[100_000]} MB for 100.000 lines`);
    // Five times the lines: before, 616 MB and 2.253 MB. Flat within what the garbage collector leaves lying about.
    expect(peaks[100_000] - peaks[20_000]).toBeLessThan(100);
    expect(peaks[100_000]).toBeLessThan(450);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
