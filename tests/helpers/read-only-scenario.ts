/**
 * Run by tests/integration/workbook-locks.test.ts as a user who may not write in the workbook's folder
 * (see unprivileged.ts): opens the workbook for writing, then read-only, then saves a copy elsewhere, and
 * prints each outcome as one JSON line.
 */
import path from 'node:path';
import { createLocalClient } from '../../electron/backend/local-client.ts';

const [dataDir, workbook, copyTarget] = process.argv.slice(2);
const { client, session } = createLocalClient({ dataDir, rememberRecent: false });

async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    const value = await work();
    console.log(JSON.stringify({ step: name, ok: true, value }));
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: unknown };
    console.log(JSON.stringify({ step: name, ok: false, code: e.code, message: e.message, details: e.details }));
  }
}

await step('open', () => client.workbook.open({ path: workbook }));
await step('openReadOnly', async () => {
  const info = await client.workbook.open({ path: workbook, readOnly: true });
  const lines = (await client.budget.summary({ year: 2027 })).lines;
  return { readOnly: info.readOnly, lines: lines.length };
});
await step('edit', () => client.workbook.updateSettings({ backupsToKeep: 3 }));
session.close();
await step('saveCopy', async () => {
  const copy = await client.workbook.saveCopy({ from: { path: workbook }, path: copyTarget });
  const lines = (await client.budget.summary({ year: 2027 })).lines;
  await client.workbook.updateSettings({ backupsToKeep: 3 });
  return { path: copy.path, readOnly: copy.info?.readOnly, lines: lines.length, name: path.basename(copy.path ?? '') };
});
session.close();
