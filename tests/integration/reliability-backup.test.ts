import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { backupFolderFor, checkWorkbookCopy, listBackups, parseBackupName } from '../../electron/backend/workbook/backup.ts';
import { werkboek } from '../helpers/cli.ts';
import { oldSchemaWorkbook } from '../helpers/old-workbook.ts';
import { departmentWorkbook, tempDir, sessionsClosedAfterEach, readStored } from '../helpers/workbook.ts';

const { sessions, workbook } = sessionsClosedAfterEach();

function reopen(dir: string) {
  const local = createLocalClient({ dataDir: path.join(dir, 'data') });
  sessions.push(local.session);
  return local;
}

function accounts(file: string): string[] {
  return readStored(file, (db) => (db.prepare('SELECT account FROM budget_line ORDER BY account').all() as Array<{ account: string }>).map((r) => r.account));
}

const line = (account: string) => ({ year: 2027, costCentre: 'OR01', account, accountName: '', kind: 'lasten' as const, primitiveCents: 100 });

describe('backups', () => {
  it('names backups so that kind and time can be read back', () => {
    expect(parseBackupName('or.automatisch.20271231T235959123Z.werkboek')).toEqual({ kind: 'automatisch', createdAt: '2027-12-31T23:59:59.123Z', fromSchema: null });
    expect(parseBackupName('or.2027.voor-migratie-v3.20270102T030405006Z-2.werkboek')).toEqual({ kind: 'voor-migratie', createdAt: '2027-01-02T03:04:05.006Z', fromSchema: 3 });
    expect(parseBackupName('or.automatisch.20271231T235959123Z.werkboek.partial')).toBeNull();
    expect(parseBackupName('or.werkboek')).toBeNull();
  });

  it('makes a checked backup on open only when the workbook changed since the newest backup', async () => {
    const { client, session, file, dir } = await workbook();
    await client.budget.createLine(line('4100'));
    session.close();

    const first = reopen(dir);
    const info = await first.client.workbook.open({ path: file });
    expect(info.openBackupPath).toBeTruthy();
    expect(accounts(info.openBackupPath!)).toEqual(['4100']);
    expect(checkWorkbookCopy(info.openBackupPath!).userVersion).toBe(info.schemaVersion);
    // A backup is one self-contained file: no WAL beside it.
    expect(fs.readdirSync(backupFolderFor(file)).filter((n) => /-(wal|shm)$|partial/.test(n))).toEqual([]);
    first.session.close();

    const second = reopen(dir);
    expect((await second.client.workbook.open({ path: file })).openBackupPath).toBeNull();
    await second.client.budget.createLine(line('4200'));
    second.session.close();

    const third = reopen(dir);
    const again = await third.client.workbook.open({ path: file });
    expect(accounts(again.openBackupPath!)).toEqual(['4100', '4200']);
    const list = await third.client.workbook.backups({});
    expect(list.backups.map((b) => b.kind)).toEqual(['automatisch', 'automatisch']);
    expect(list.keep).toBe(10);
  });

  it('keeps the newest automatic backups up to the setting, and every backup made by hand', async () => {
    const { client, session, file, dir } = await workbook();
    await client.workbook.updateSettings({ backupsToKeep: 2 });
    const manual = await client.workbook.backup({});
    expect(manual.kind).toBe('handmatig');
    session.close();
    for (const account of ['4100', '4200', '4300', '4400']) {
      const c = reopen(dir);
      await c.client.workbook.open({ path: file });
      await c.client.budget.createLine(line(account));
      c.session.close();
    }
    const c = reopen(dir);
    await c.client.workbook.open({ path: file });
    const backups = (await c.client.workbook.backups({})).backups;
    const automatic = backups.filter((b) => b.kind === 'automatisch');
    expect(automatic).toHaveLength(2);
    // The newest two: the state after 4300 and after 4400.
    expect(accounts(automatic[0].path)).toEqual(['4100', '4200', '4300', '4400']);
    expect(accounts(automatic[1].path)).toEqual(['4100', '4200', '4300']);
    expect(backups.filter((b) => b.kind === 'handmatig').map((b) => b.name)).toEqual([manual.name]);
    expect(accounts(manual.path)).toEqual([]);
  });

  it('lists the backup made before a migration in the same folder and rotation', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.werkboek');
    oldSchemaWorkbook(file, 2).close();
    const c = reopen(dir);
    const info = await c.client.workbook.open({ path: file });
    expect(info.migratedFrom).toBe(2);
    const list = await c.client.workbook.backups({});
    expect(list.backups[0]).toMatchObject({ kind: 'voor-migratie', fromSchemaVersion: 2, path: info.backupPath });
    // The migration's backup is the open's backup: no second copy of the same moment.
    expect(list.backups).toHaveLength(1);
    expect(info.openBackupPath).toBeNull();
  });

  it('reports a backup that fails and keeps nothing of it, while the workbook still opens', async () => {
    const { client, session, file, dir } = await workbook();
    await client.budget.createLine(line('4100'));
    session.close();
    // Damage the audit log's only page in the closed file: the table the backup must copy.
    const db = new Database(file);
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").get() as { rootpage: number }).rootpage;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (root - 1) * pageSize + 8);
    fs.closeSync(fd);

    const c = reopen(dir);
    const info = await c.client.workbook.open({ path: file });
    expect(info.openBackupPath).toBeNull();
    expect(info.warnings.join(' ')).toMatch(/reservekopie/i);
    expect(listBackups(file)).toEqual([]);
    expect(fs.existsSync(backupFolderFor(file)) ? fs.readdirSync(backupFolderFor(file)) : []).toEqual([]);
  });

  it('restores a chosen backup, keeping the state before it as a safety copy, and audits it', async () => {
    const { client, file } = await workbook();
    await client.budget.createLine(line('4100'));
    const backup = await client.workbook.backup({});
    await client.budget.createLine(line('4200'));

    const result = await client.workbook.restoreBackup({ name: backup.name });
    expect(result.restoredFrom).toBe(backup.path);
    expect(result.safetyBackup.kind).toBe('voor-herstel');
    expect(accounts(result.safetyBackup.path)).toEqual(['4100', '4200']);
    // The session has the restored workbook open and writable.
    expect(result.info).toMatchObject({ path: file, readOnly: false });
    expect((await client.budget.summary({})).lines.map((l) => l.account)).toEqual(['4100']);
    const audit = await client.workbook.audit({ limit: 5, offset: 0 });
    expect(audit.entries[0]).toMatchObject({ action: 'restore', tableName: 'workbook_meta' });
    expect(audit.entries[0].note).toContain(result.safetyBackup.path);
    await client.budget.createLine(line('4300'));
    expect(accounts(file)).toEqual(['4100', '4300']);

    // And back again: the safety copy restores the state from before.
    await client.workbook.restoreBackup({ path: result.safetyBackup.path });
    expect((await client.budget.summary({})).lines.map((l) => l.account)).toEqual(['4100', '4200']);
  });

  it('restores safely while another program reads the workbook', async () => {
    const { client, file } = await workbook();
    await client.budget.createLine(line('4100'));
    const backup = await client.workbook.backup({});
    await client.budget.createLine(line('4200'));
    // A read-only reader (a report, another window opened read-only) keeps the file and its WAL open.
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM budget_line').get()).toEqual({ n: 2 });
      await client.workbook.restoreBackup({ name: backup.name });
      // The reader sees the restored contents on its next read, and the file is sound for both.
      expect(reader.prepare('SELECT account FROM budget_line ORDER BY account').all()).toEqual([{ account: '4100' }]);
      expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reader.close();
    }
    await client.budget.createLine(line('4300'));
    expect(accounts(file)).toEqual(['4100', '4300']);
  });

  it('refuses a backup of another workbook, a damaged file or a non-workbook, and changes nothing', async () => {
    const { client, file } = await workbook();
    await client.budget.createLine(line('4100'));
    const other = await departmentWorkbook(tempDir());
    sessions.push(other.session);
    const otherBackup = await other.client.workbook.backup({});

    await expect(client.workbook.restoreBackup({ path: otherBackup.path })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('ander werkboek') });
    const text = path.join(path.dirname(file), 'notities.werkboek');
    fs.writeFileSync(text, 'geen database'.repeat(20));
    await expect(client.workbook.restoreBackup({ path: text })).rejects.toMatchObject({ code: 'not_a_workbook' });
    const good = await client.workbook.backup({});
    const damaged = path.join(path.dirname(file), 'beschadigd.werkboek');
    const bytes = fs.readFileSync(good.path);
    bytes.fill(0x55, 4096 + 8, 4096 + 200);
    fs.writeFileSync(damaged, bytes);
    await expect(client.workbook.restoreBackup({ path: damaged })).rejects.toMatchObject({ code: 'workbook_corrupt' });
    await expect(client.workbook.restoreBackup({ name: '../or.werkboek' })).rejects.toMatchObject({ code: 'invalid_input' });
    // integrity_check passes a file whose table definitions were edited; the schema check does not.
    const edited = path.join(path.dirname(file), 'bewerkt.werkboek');
    fs.copyFileSync(good.path, edited);
    const db = new Database(edited);
    db.exec('ALTER TABLE budget_line ADD COLUMN geheim TEXT');
    db.close();
    await expect(client.workbook.restoreBackup({ path: edited })).rejects.toMatchObject({ code: 'workbook_corrupt', message: expect.stringContaining('niet de tabellen') });
    // One damaged byte inside a value, breaking a CHECK constraint and nothing else (found by the fuzz
    // test): a read-only integrity_check does not look at constraints, so this needs its own check.
    const broken = path.join(path.dirname(file), 'waarde.werkboek');
    const valueBytes = fs.readFileSync(good.path);
    const needle = Buffer.from('verzuimpercentage');
    let damagedValues = 0;
    for (let at = valueBytes.indexOf(needle); at !== -1; at = valueBytes.indexOf(needle, at + 1)) {
      // In the schema the word stands in quotes (CHECK (indicator IN ('verzuimpercentage', …))); in a row it does not.
      if (valueBytes[at - 1] === 0x27) continue;
      valueBytes[at] = 0x20;
      damagedValues += 1;
    }
    expect(damagedValues).toBeGreaterThan(0);
    fs.writeFileSync(broken, valueBytes);
    await expect(client.workbook.restoreBackup({ path: broken })).rejects.toMatchObject({ code: 'workbook_corrupt', message: expect.stringMatching(/waarde\.werkboek is beschadigd.*CHECK constraint failed in benchmark/) });

    // Still open, unchanged, and no safety copies were made for refused restores.
    expect((await client.budget.summary({})).lines.map((l) => l.account)).toEqual(['4100']);
    expect(listBackups(file).map((b) => b.kind)).toEqual(['handmatig']);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('-wal') && !n.startsWith('or.'))).toEqual([]);
  });

  it('backs up and restores from the command line', async () => {
    const { client, session, file } = await workbook();
    await client.budget.createLine(line('4100'));
    session.close();
    const made = werkboek(['backup', file, '--json']);
    expect(made.status, made.stderr).toBe(0);
    const entry = made.json<{ name: string; kind: string; path: string }>();
    expect(entry.kind).toBe('handmatig');

    const again = reopen(path.dirname(file));
    await again.client.workbook.open({ path: file });
    await again.client.budget.createLine(line('4200'));
    again.session.close();

    const listed = werkboek(['backup', file, '--list', '--json']);
    expect(listed.json<{ backups: Array<{ name: string }> }>().backups.map((b) => b.name)).toContain(entry.name);
    const restored = werkboek(['restore', file, '--from', entry.name, '--json']);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.json<{ safetyBackup: { kind: string } }>().safetyBackup.kind).toBe('voor-herstel');
    expect(accounts(file)).toEqual(['4100']);

    const missing = werkboek(['restore', file, '--from', 'bestaat-niet.automatisch.20270101T000000000Z.werkboek']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/bestaat niet/);
    expect(werkboek(['restore', file]).status).toBe(2);
  });
});
