/**
 * Child process of tests/reliability/central-xlsx-memory.test.ts: opens a central workbook, writes its
 * consolidated XLSX for 2027-Q2 and prints one JSON line with the process's peak memory
 * (process.resourceUsage().maxRSS), so the parent can compare files of different sizes.
 */
import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';

const [dataDir, file, out] = process.argv.slice(2);
const { client, session } = createLocalClient({ dataDir });
await client.workbook.open({ path: file, readOnly: true });
await client.central.exportXlsx({ period: '2027-Q2', path: path.resolve(out) });
session.close();
console.log(JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
