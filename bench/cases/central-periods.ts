import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { best, peakRssMb, report, time } from '../measure.ts';
import { ORGANISATION, writePackages } from '../packages.ts';

/**
 * A year of monthly HR packages in one central workbook: N departments × 12 months. The figure is the
 * HR consolidation of one month (December) in that workbook; the floor is the same month's
 * consolidation in a workbook that holds only that month. Their ratio says whether eleven other months
 * of packages cost anything (they should not: every query goes through the period's current packages).
 * The import of the whole year is timed too (detail). Peak memory is the process's, after both.
 */
const [countArg, workDir] = process.argv.slice(2);
const count = Number(countArg);
fs.rmSync(workDir, { recursive: true, force: true });
const MONTHS = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`);
const LAST = MONTHS[11];
const keys = new Map<string, crypto.KeyPairKeyObjectResult>();
let packages = 0;
for (const [i, period] of MONTHS.entries()) packages += writePackages(path.join(workDir, 'pakketten', period), 'hr-summary', count, { period, keys, seed: 4000 + i }).files.length;

async function centralWorkbook(name: string, periods: string[]) {
  const local = createLocalClient({ dataDir: path.join(workDir, `data-${name}`), rememberRecent: false });
  await local.client.workbook.create({ path: path.join(workDir, `${name}.werkboek`), kind: 'central-hr', organisation: ORGANISATION, fiscalYear: 2027, owner: 'bench' });
  for (const period of periods) await local.client.central.savePeriod({ period, dueDate: `${period}-28`, expectFromAll: true });
  const imported = await local.client.central.import({ sources: periods.map((period) => ({ folder: path.join(workDir, 'pakketten', period) })), trustNew: true, trust: [] });
  if (imported.counts.imported !== count * periods.length) throw new Error(`expected ${count * periods.length} imported, got ${JSON.stringify(imported.counts)}`);
  return local;
}

const year = await time(() => centralWorkbook('jaar', MONTHS));
const month = await centralWorkbook('maand', [LAST]);
const consolidate = (client: typeof month.client) => client.central.hr({ period: LAST, asOf: '2028-01-15' });
// The same answer from both (package ids aside: the year workbook numbers eleven months before), or the comparison means nothing.
const figures = async (client: typeof month.client) => JSON.stringify(await consolidate(client), (key, value) => (key === 'packageId' ? undefined : value));
if ((await figures(year.value.client)) !== (await figures(month.client))) throw new Error('the month is consolidated differently in the year workbook');
const seconds = await best(3, () => consolidate(year.value.client));
const floorSeconds = await best(3, () => consolidate(month.client));
year.value.session.close();
month.session.close();
report({ seconds, floorSeconds, peakRssMb: peakRssMb(), packages, importSeconds: year.seconds });
