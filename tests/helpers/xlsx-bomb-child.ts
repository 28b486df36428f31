/**
 * Child process of tests/integration/xlsx-bombs.test.ts: previews and imports each XLSX named on the
 * command line into a fresh department workbook, then prints one JSON line with each outcome, the
 * ledger lines written and the process's peak memory (process.resourceUsage().maxRSS).
 */
import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';

const [dir, ...files] = process.argv.slice(2);
const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
await client.workbook.create({
  path: path.join(dir, 'bommen.werkboek'),
  kind: 'department',
  organisation: 'Gemeente Voorbeeld',
  departmentCode: 'OR',
  departmentName: 'Openbare Ruimte',
  fiscalYear: 2027,
  owner: 'A. Hoofd',
  costCentres: [{ code: 'OR01', name: 'Beheer', taakveld: null }],
});
const outcome = async (run: () => Promise<{ imported: number }>) => {
  try {
    return { imported: (await run()).imported };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? null, message: (error as Error).message };
  }
};
const results: Record<string, unknown> = {};
for (const file of files) {
  const source = { path: file };
  results[path.basename(file)] = {
    preview: await outcome(() => client.import.preview({ kind: 'ledger', source })),
    commit: await outcome(() => client.import.commit({ kind: 'ledger', source })),
  };
}
const ledgerLines = (session.workbook!.sqlite.prepare('SELECT count(*) AS n FROM ledger_line').get() as { n: number }).n;
session.close();
console.log(JSON.stringify({ results, ledgerLines, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
