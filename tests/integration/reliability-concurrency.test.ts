import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { departmentWorkbook, sample, tempDir, readStored } from '../helpers/workbook.ts';
import { runChild, startChild } from '../reliability/harness/child.ts';
import { fingerprint } from '../reliability/harness/fingerprint.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function closedWorkbook() {
  const wb = await departmentWorkbook();
  await wb.client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
  wb.session.close();
  return wb;
}

function snapshot(file: string) {
  return readStored(file, (db) => ({ integrity: db.pragma('integrity_check', { simple: true }), tables: fingerprint(db) }));
}

describe('one workbook, several processes', () => {
  it('lets exactly one of several processes take a lock left by a crashed session', async () => {
    const dir = tempDir();
    const workbook = path.join(dir, 'race.werkboek');
    for (let round = 0; round < 3; round += 1) {
      // A lock of a process that no longer exists (pid beyond the kernel's maximum).
      fs.writeFileSync(`${workbook}.lock`, JSON.stringify({ pid: 2 ** 22 + 7 + round, hostname: os.hostname(), startedAt: `2027-01-0${round + 1}T00:00:00Z`, holder: 'Werkboek' }));
      const go = path.join(dir, `go-${round}`);
      const racers = Array.from({ length: 5 }, () => runChild(['lock', workbook, go, '5']));
      // Start them together: each child says it has loaded, then spins on the go file.
      const deadline = Date.now() + 60_000;
      while (fs.readdirSync(dir).filter((n) => n.startsWith(`go-${round}.ready.`)).length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      fs.writeFileSync(go, '');
      const results = await Promise.all(racers);
      const outcomes = results.map((r) => r.messages.find((m) => 'won' in m));
      expect(outcomes.every(Boolean), results.map((r) => r.stderr).join('\n')).toBe(true);
      const winners = outcomes.filter((o) => o!.won);
      expect(winners).toHaveLength(1);
      for (const loser of outcomes.filter((o) => !o!.won)) expect(loser).toMatchObject({ code: 'workbook_locked' });
      expect(fs.existsSync(`${workbook}.lock`)).toBe(false);
      expect(fs.readdirSync(dir).filter((n) => n.includes('.lock.'))).toEqual([]);
    }
  });

  it('refuses the CLI a workbook the app has open, allows reading meanwhile, and changes nothing', async () => {
    const { file, dir } = await closedWorkbook();
    const app = await startChild(['hold', path.join(dir, 'app-data'), file], 'open');
    cleanups.push(() => app.kill());
    const before = snapshot(file);

    const refused = werkboek(['import', file, '--kind', 'ledger', sample('grootboekmutaties-2027.csv'), '--json']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`al geopend door Werkboek (venster) (proces ${app.pid})`);
    expect(refused.stderr).toMatch(/alleen-lezen/);
    const backup = werkboek(['backup', file]);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain('al geopend door');

    // Reading is allowed while the app has it open: the report opens the workbook read-only.
    const report = werkboek(['report', file, '--json']);
    expect(report.status, report.stderr).toBe(0);
    expect(report.json<{ budget: { currentCents: number } }>().budget.currentCents).toBeGreaterThan(0);
    expect(snapshot(file)).toEqual(before);

    await app.stop();
    const after = werkboek(['import', file, '--kind', 'ledger', sample('grootboekmutaties-2027.csv'), '--json']);
    expect(after.status, after.stderr).toBe(0);
    expect(after.json<{ imported: number }>().imported).toBeGreaterThan(0);
  });

  it('leaves a sound workbook when two processes import into it at the same moment', async () => {
    const { file, dir } = await closedWorkbook();
    const first = runChild(['import', path.join(dir, 'a'), file, 'ledger', sample('grootboekmutaties-2027.csv')]);
    const second = runChild(['import', path.join(dir, 'b'), file, 'ledger', sample('grootboekmutaties-2027.csv')]);
    const results = await Promise.all([first, second]);
    const done = results.map((r) => r.messages.find((m) => m.done || m.error)!);
    const succeeded = done.filter((m) => m.done);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const failure of done.filter((m) => m.error)) expect(failure.code).toBe('workbook_locked');
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The same file twice: the first import adds the rows, a second one (if it ran) finds duplicates only.
      const imported = succeeded.reduce((sum, m) => sum + Number(m.imported), 0);
      expect((db.prepare('SELECT count(*) AS n FROM ledger_line').get() as { n: number }).n).toBe(imported);
      expect((db.prepare("SELECT count(*) AS n FROM import_batch WHERE kind = 'ledger'").get() as { n: number }).n).toBe(succeeded.length);
    } finally {
      db.close();
    }
  });
});
