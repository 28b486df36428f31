import fs from 'node:fs';
import path from 'node:path';
import { prepareFloorTable, rawLedgerInsert } from '../floor/ledger-raw.mjs';
import { createBenchWorkbook } from '../generate.ts';
import { peakRssMb, report, time } from '../measure.ts';

/**
 * Three modes, each in its own process so peak memory is its own:
 *  - "import": Werkboek's ledger import of the file into a fresh workbook (the figure);
 *  - "floor" VARIANT: read the same file, split it into lines and fields, and insert the department's
 *    rows with one raw prepared statement in one transaction into a fresh workbook
 *    (bench/floor/ledger-raw.mjs): into ledger_line with all its indexes ("same-indexes"), or into a
 *    ledger_line without any index or constraint ("no-index"), the physical floor of the job.
 */
const [mode, file, workDir, variant] = process.argv.slice(2);

async function createWorkbook(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  const file = path.join(dir, 'bench.werkboek');
  return { ...(await createBenchWorkbook(file, path.join(dir, 'data'))), file };
}

async function floor(): Promise<void> {
  const { session, file: workbookFile } = await createWorkbook(workDir);
  session.close();
  prepareFloorTable(workbookFile, variant === 'no-index' ? 'no-index' : 'same-indexes');
  const { seconds, value } = await time(() => rawLedgerInsert(workbookFile, file));
  report({ seconds, peakRssMb: peakRssMb(), inserted: value });
}

async function runImport(): Promise<void> {
  const { client, session } = await createWorkbook(workDir);
  const { seconds, value } = await time(() => client.import.commit({ kind: 'ledger', source: { path: file } }));
  session.close();
  report({ seconds, peakRssMb: peakRssMb(), imported: value.imported, rejected: value.rejectedCount });
}

if (mode === 'floor') await floor();
else await runImport();
