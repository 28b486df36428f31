import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations/index.ts';
import { APPLICATION_ID } from '../../electron/backend/workbook/file.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { departmentWorkbook, tempDir, writeTemp } from '../helpers/workbook.ts';

const sessions: Array<{ close(): void }> = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function client(dir: string) {
  const local = createLocalClient({ dataDir: path.join(dir, 'data') });
  sessions.push(local.session);
  return local.client;
}

describe('workbook file', () => {
  it('creates a SQLite file we can recognise, with WAL, foreign keys and its schema version', async () => {
    const { file, session } = await departmentWorkbook();
    session.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT organisation, department_code, fiscal_year FROM workbook_meta').get()).toEqual({ organisation: 'Gemeente Voorbeeld', department_code: 'OR', fiscal_year: 2027 });
    expect(db.prepare('SELECT code FROM cost_centre ORDER BY code').all()).toEqual([{ code: 'OR01' }, { code: 'OR02' }, { code: 'OR03' }]);
    db.close();
  });

  it('reopens a workbook and lists it among the recent ones', async () => {
    const { file, session, dir } = await departmentWorkbook();
    session.close();
    const c = client(dir);
    const info = await c.workbook.open({ path: file });
    expect(info).toMatchObject({ departmentCode: 'OR', fiscalYear: 2027, readOnly: false, kind: 'department' });
    const recent = await c.workbook.recent({});
    expect(recent[0]).toMatchObject({ path: file, exists: true });
  });

  it('refuses a file that is not a workbook and leaves it untouched', async () => {
    const dir = tempDir();
    const c = client(dir);
    const text = writeTemp(dir, 'notities.werkboek', 'Dit is geen database\n');
    const before = fs.readFileSync(text);
    await expect(c.workbook.open({ path: text })).rejects.toMatchObject({ code: 'not_a_workbook', message: expect.stringContaining('geen Werkboek-bestand') });
    expect(fs.readFileSync(text)).toEqual(before);
    expect(fs.existsSync(`${text}-wal`)).toBe(false);

    const empty = writeTemp(dir, 'leeg.werkboek', '');
    await expect(c.workbook.open({ path: empty })).rejects.toMatchObject({ code: 'not_a_workbook', message: expect.stringContaining('leeg') });

    const foreign = path.join(dir, 'ander.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const foreignBefore = fs.readFileSync(foreign);
    await expect(c.workbook.open({ path: foreign })).rejects.toMatchObject({ code: 'not_a_workbook', message: expect.stringContaining('SQLite-database, maar geen Werkboek') });
    expect(fs.readFileSync(foreign)).toEqual(foreignBefore);
  });

  it('refuses a workbook from a newer version with a clear message and leaves it untouched', async () => {
    const { file, session, dir } = await departmentWorkbook();
    session.close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = fs.readFileSync(file);
    await expect(client(dir).workbook.open({ path: file })).rejects.toMatchObject({ code: 'workbook_too_new', message: expect.stringContaining('nieuwere versie van Werkboek') });
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('migrates an older workbook after making a backup, keeping its data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.werkboek');
    // A workbook as version 1 of the schema left it.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(migrations[0].sql);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO workbook_meta VALUES (1, 'id-1', 'department', 'Gemeente Oud', 'OR', 'Openbare Ruimte', 2026, 'Eigenaar', '2026-01-01T00:00:00Z', '0.0.1', '2026-01-01T00:00:00Z')`,
    ).run();
    db.prepare(`INSERT INTO cost_centre VALUES ('OR01', 'Beheer', NULL, 1, '2026-01-01', '2026-01-01')`).run();
    db.close();

    const c = client(dir);
    const info = await c.workbook.open({ path: file });
    expect(info.migratedFrom).toBe(1);
    expect(info.backupPath).toBeTruthy();
    expect(fs.existsSync(info.backupPath!)).toBe(true);
    expect(info.warnings.join(' ')).toMatch(/reservekopie/);
    const backup = new Database(info.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    expect(await c.workbook.costCentres({})).toEqual([{ code: 'OR01', name: 'Beheer', taakveld: null }]);
    const line = await c.budget.createLine({ year: 2026, costCentre: 'OR01', account: '4100', accountName: 'Salarissen', kind: 'lasten', primitiveCents: 100 });
    expect(line.currentCents).toBe(100);
    const audit = await c.workbook.audit({ limit: 10, offset: 0 });
    expect(audit.entries.some((e) => e.action === 'migrate')).toBe(true);
  });

  it('refuses a workbook that another live process has open', async () => {
    const { file, session, dir } = await departmentWorkbook();
    session.close();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      // Written after the process started, as its own lock would be (a lock older than its process is left over: the id was reused).
      fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: sleeper.pid, hostname: (await import('node:os')).hostname(), startedAt: new Date().toISOString(), holder: 'Werkboek (venster)' }));
      await expect(client(dir).workbook.open({ path: file })).rejects.toMatchObject({ code: 'workbook_locked', message: expect.stringContaining('al geopend door Werkboek (venster)') });
      // Read-only opening is still possible.
      const info = await client(dir).workbook.open({ path: file, readOnly: true });
      expect(info.readOnly).toBe(true);
    } finally {
      sleeper.kill();
    }
  });

  it('takes over the lock of a crashed session and checks the file', async () => {
    const { file, session, dir } = await departmentWorkbook();
    session.close();
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, hostname: (await import('node:os')).hostname(), startedAt: '2026-11-25T10:00:00Z', holder: 'Werkboek' }));
    const info = await client(dir).workbook.open({ path: file });
    expect(info.kind).toBe('department');
  });

  it('refuses changes to a read-only workbook', async () => {
    const { file, session, dir } = await departmentWorkbook();
    session.close();
    const c = client(dir);
    await c.workbook.open({ path: file, readOnly: true });
    await expect(c.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4100', accountName: '', kind: 'lasten', primitiveCents: 1 })).rejects.toMatchObject({ code: 'read_only' });
  });

  it('refuses to create over an existing file', async () => {
    const dir = tempDir();
    const existing = writeTemp(dir, 'bestaat.werkboek', 'iets');
    await expect(
      client(dir).workbook.create({ path: existing, kind: 'department', organisation: 'X', departmentCode: 'OR', fiscalYear: 2027, owner: 'X', costCentres: [{ code: 'OR01', name: '', taakveld: null }] }),
    ).rejects.toMatchObject({ code: 'workbook_exists' });
    expect(fs.readFileSync(existing, 'utf8')).toBe('iets');
  });

  it('writes an audit row for every change', async () => {
    const { client: c } = await departmentWorkbook();
    const line = await c.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4300', accountName: 'Huisvesting', kind: 'lasten', primitiveCents: 500_000 });
    await c.budget.updateLine({ id: line.id, patch: { primitiveCents: 600_000 } });
    await c.budget.addRevision({ budgetLineId: line.id, date: '2027-03-01', amountCents: 10_000, reason: 'Burap 1', decisionRef: 'RB-2027-12' });
    await c.workbook.updateSettings({ varianceThresholdCents: 1_000_000 });
    const { entries } = await c.workbook.audit({ limit: 50, offset: 0 });
    const update = entries.find((e) => e.tableName === 'budget_line' && e.action === 'update');
    expect(JSON.parse(update!.oldJson!)).toEqual({ primitive_cents: 500_000 });
    expect(JSON.parse(update!.newJson!)).toEqual({ primitive_cents: 600_000 });
    expect(entries.some((e) => e.tableName === 'budget_revision' && e.action === 'insert')).toBe(true);
    expect(entries.some((e) => e.tableName === 'setting' && e.rowId === 'varianceThresholdCents')).toBe(true);
    expect(entries.every((e) => e.actor.length > 0 && e.at.length > 0)).toBe(true);
  });
});
