import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations/index.ts';
import { APPLICATION_ID, backupFolderFor } from '../../electron/backend/workbook/file.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { departmentWorkbook, tempDir } from '../helpers/workbook.ts';

/**
 * Issue 17 item 7: a workbook whose schema was changed outside Werkboek (a trigger that multiplies
 * ledger amounts or deletes audit rows, a view in a table's place) opened without a word, and the
 * trigger would then act on every change. Now it is refused on open, saying what differs, untouched.
 */

const sessions: Array<{ close(): void }> = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function client(dir: string) {
  const local = createLocalClient({ dataDir: path.join(dir, 'data') });
  sessions.push(local.session);
  return local.client;
}

function backupsOf(file: string): string[] {
  return fs.existsSync(backupFolderFor(file)) ? fs.readdirSync(backupFolderFor(file)) : [];
}

/** A closed department workbook, changed with plain SQLite as an attacker (or a curious colleague) would. */
async function tampered(sql: string) {
  const { file, session, dir } = await departmentWorkbook();
  session.close();
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return { file, dir, before: fs.readFileSync(file), backups: backupsOf(file) };
}

async function expectRefused(sql: string, says: RegExp) {
  const { file, dir, before, backups } = await tampered(sql);
  const c = client(dir);
  for (const readOnly of [false, true]) {
    const error = await c.workbook.open({ path: file, readOnly }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error, `opened ${readOnly ? 'read-only' : 'for writing'}`).not.toBeNull();
    expect(error!.code).toBe('workbook_corrupt');
    expect(error!.message).toMatch(/buiten Werkboek gewijzigd/);
    expect(error!.message).toMatch(says);
  }
  expect(await c.workbook.info({})).toBeNull();
  expect(fs.readFileSync(file).equals(before), 'the file is unchanged').toBe(true);
  expect(backupsOf(file)).toEqual(backups);
  expect(fs.existsSync(`${file}.lock`)).toBe(false);
}

describe('a workbook with a schema the migrations did not make', () => {
  it('refuses a trigger that multiplies every ledger amount', async () => {
    await expectRefused(
      'CREATE TRIGGER dubbel AFTER INSERT ON ledger_line BEGIN UPDATE ledger_line SET amount_cents = amount_cents * 2 WHERE id = NEW.id; END;',
      /extra trigger dubbel op ledger_line/,
    );
  });

  it('refuses a trigger that deletes the audit rows', async () => {
    await expectRefused('CREATE TRIGGER wis AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;', /extra trigger wis op audit_log/);
  });

  it('refuses a view in the place of a table', async () => {
    await expectRefused(
      "DROP TABLE import_profile; CREATE VIEW import_profile AS SELECT 'x' AS source_key, 'ledger' AS kind, '{}' AS profile_json, '' AS updated_at;",
      /import_profile is een view in plaats van een tabel/,
    );
  });

  it('refuses an added column, a dropped index and a changed trigger, naming each', async () => {
    const closedYearTrigger = new Database(':memory:');
    for (const m of migrations) closedYearTrigger.exec(m.sql);
    const trigger = closedYearTrigger.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name LIMIT 1").get() as { name: string; sql: string };
    const index = closedYearTrigger.prepare("SELECT name, tbl_name AS tbl FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name LIMIT 1").get() as { name: string; tbl: string };
    closedYearTrigger.close();
    const weakened = trigger.sql.replace(/BEGIN[\s\S]*END/i, 'BEGIN SELECT 1; END');
    await expectRefused(
      `ALTER TABLE budget_line ADD COLUMN geheim TEXT; DROP INDEX ${index.name}; DROP TRIGGER ${trigger.name}; ${weakened};`,
      new RegExp(`tabel budget_line heeft een extra kolom geheim.*de definitie van trigger ${trigger.name}.*index ${index.name} op ${index.tbl} ontbreekt`),
    );
  });

  it('refuses an older workbook with a foreign trigger before migrating it (no backup, no migration)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.werkboek');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(migrations[0].sql);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO workbook_meta (id, workbook_id, kind, organisation, department_code, department_name, fiscal_year, owner, created_at, created_by_app, updated_at) VALUES (1, 'oud', 'department', 'Gemeente Voorbeeld', 'OR', 'Openbare Ruimte', 2027, 'A', '2026-01-01', '0.1.0', '2026-01-01')").run();
    db.exec('CREATE TRIGGER wis AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;');
    db.close();
    const before = fs.readFileSync(file);
    await expect(client(dir).workbook.open({ path: file })).rejects.toMatchObject({ code: 'workbook_corrupt', message: expect.stringMatching(/schemaversie 1 \(extra trigger wis op audit_log\)/) });
    expect(fs.readFileSync(file).equals(before), 'the file is unchanged').toBe(true);
    expect(fs.existsSync(backupFolderFor(file))).toBe(false);
  });

  it('opens an untouched workbook, also after PRAGMA optimize made statistics tables', async () => {
    const { file, session, dir } = await departmentWorkbook();
    session.close();
    const db = new Database(file);
    db.exec('ANALYZE');
    db.close();
    await expect(client(dir).workbook.open({ path: file })).resolves.toMatchObject({ departmentCode: 'OR' });
  });
});
