import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../shared/format/nl.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { departmentWorkbook, sample, tempDir } from '../helpers/workbook.ts';
import { giveToUnprivileged, runUnprivileged } from '../helpers/unprivileged.ts';

/**
 * Issue 17 item 8: a lock left behind whose process id was reused, or a lock from another computer,
 * locked a workbook for good; a read-only folder gave "Er ging iets onverwachts mis: EACCES" and a stack
 * trace. Now the lock says who and when and can be taken over (with the integrity check), and a
 * read-only folder is named as such, with read-only opening and a copy elsewhere as ways on.
 */

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function closedWorkbook() {
  const wb = await departmentWorkbook();
  await wb.client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
  wb.session.close();
  return wb;
}

function client(dir: string) {
  const local = createLocalClient({ dataDir: path.join(dir, 'data-2') });
  cleanups.push(() => local.session.close());
  return local;
}

function writeLock(file: string, lock: Record<string, unknown>): void {
  fs.writeFileSync(`${file}.lock`, JSON.stringify(lock));
}

describe('a lock left behind', () => {
  it('with our own process id (the id was reused) is taken over, with the integrity check', async () => {
    const { file, dir } = await closedWorkbook();
    writeLock(file, { pid: process.pid, hostname: os.hostname(), startedAt: '2027-01-04T08:00:00Z', holder: 'Werkboek (venster)' });
    const { client: c } = client(dir);
    await expect(c.workbook.open({ path: file })).resolves.toMatchObject({ readOnly: false });
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).startedAt).not.toBe('2027-01-04T08:00:00Z');
  });

  it.runIf(process.platform === 'linux')('whose process id another program has now (started after the lock) is taken over', async () => {
    const { file, dir } = await closedWorkbook();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanups.push(() => other.kill());
    writeLock(file, { pid: other.pid, hostname: os.hostname(), startedAt: new Date(Date.now() - 3_600_000).toISOString(), holder: 'Werkboek (venster)' });
    const { client: c } = client(dir);
    await expect(c.workbook.open({ path: file })).resolves.toMatchObject({ readOnly: false });
  });

  it('of a live process is still refused, saying who and since when', async () => {
    const { file, dir } = await closedWorkbook();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanups.push(() => other.kill());
    // Written after the process started: it is that process's lock.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const startedAt = new Date().toISOString();
    writeLock(file, { pid: other.pid, hostname: os.hostname(), startedAt, holder: 'werkboek-cli', user: 'anne' });
    const { client: c } = client(dir);
    await expect(c.workbook.open({ path: file })).rejects.toMatchObject({
      code: 'workbook_locked',
      message: expect.stringContaining(`al geopend door werkboek-cli (proces ${other.pid}) van gebruiker anne op computer ${os.hostname()}, sinds ${formatDateTime(startedAt)}`),
      details: { canTakeOver: true },
    });
  });

  it('from another computer is refused with who and when, and taken over when the user chooses so', async () => {
    const { file, dir } = await closedWorkbook();
    const lock = { pid: 4242, hostname: 'LAPTOP-BERT', startedAt: '2027-01-04T08:00:00.000Z', holder: 'Werkboek (venster)', user: 'bert' };
    writeLock(file, lock);
    const { client: c } = client(dir);
    const refused = await c.workbook.open({ path: file }).then(
      () => null,
      (e: { code: string; message: string; details: { lock: typeof lock; canTakeOver: boolean } }) => e,
    );
    expect(refused).toMatchObject({ code: 'workbook_locked', details: { canTakeOver: true, lock } });
    expect(refused!.message).toContain(`al geopend door Werkboek (venster) (proces 4242) van gebruiker bert op computer LAPTOP-BERT, sinds ${formatDateTime(lock.startedAt)}`);
    expect(refused!.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(refused!.message).toMatch(/overnemen/);

    // A takeover names the lock it saw: one that changed meanwhile is not taken.
    writeLock(file, { ...lock, startedAt: '2027-01-05T08:00:00.000Z' });
    await expect(c.workbook.open({ path: file, takeOver: lock })).rejects.toMatchObject({ code: 'workbook_locked', message: expect.stringContaining(formatDateTime('2027-01-05T08:00:00.000Z')) });

    writeLock(file, lock);
    const info = await c.workbook.open({ path: file, takeOver: lock });
    expect(info.readOnly).toBe(false);
    expect(info.warnings.join(' ')).toMatch(/overgenomen.*gecontroleerd op beschadiging/);
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
  });
});

describe('a workbook in a folder the user may not write', () => {
  it('is named read-only (no EACCES, no stack trace), opens read-only, and a copy elsewhere can be worked on', async () => {
    const { file, dir } = await closedWorkbook();
    const folder = path.join(dir, 'alleen-lezen');
    fs.mkdirSync(folder);
    const workbook = path.join(folder, 'or.werkboek');
    fs.renameSync(file, workbook);
    fs.rmSync(`${file}.backups`, { recursive: true, force: true });
    const before = fs.readFileSync(workbook);
    const writable = path.join(dir, 'elders');
    const data = path.join(dir, 'data-nobody');
    for (const d of [writable, data]) {
      fs.mkdirSync(d);
      giveToUnprivileged(d);
    }
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(workbook, 0o644);
    fs.chmodSync(folder, 0o555);
    cleanups.push(() => fs.chmodSync(folder, 0o755));

    const run = runUnprivileged(path.resolve(import.meta.dirname, '../helpers/read-only-scenario.ts'), [data, workbook, path.join(writable, 'or-kopie.werkboek')]);
    const steps = Object.fromEntries(
      run.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { step: string; ok: boolean; code?: string; message?: string; details?: Record<string, unknown>; value?: Record<string, unknown> })
        .map((s) => [s.step, s]),
    );
    expect(Object.keys(steps), run.stderr).toEqual(['open', 'openReadOnly', 'edit', 'saveCopy']);
    expect(steps.open).toMatchObject({ ok: false, code: 'read_only', details: { readOnlyFolder: folder, canSaveCopy: true } });
    expect(steps.open.message).toContain(`De map ${folder} is alleen-lezen`);
    expect(steps.open.message).not.toMatch(/EACCES|onverwachts|\n\s+at /);
    expect(run.stderr).not.toMatch(/EACCES/);
    expect(steps.openReadOnly).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(steps.openReadOnly.value!.lines).toBeGreaterThan(0);
    expect(steps.edit).toMatchObject({ ok: false, code: 'read_only' });
    expect(steps.saveCopy).toMatchObject({ ok: true, value: { readOnly: false, name: 'or-kopie.werkboek', lines: steps.openReadOnly.value!.lines } });
    expect(fs.readFileSync(workbook).equals(before), 'the original is unchanged').toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['or.werkboek']);
  });
});
