import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migration0001 } from '../../../electron/backend/db/migrations/0001_workbook.ts';
import { migration0002 } from '../../../electron/backend/db/migrations/0002_budget.ts';
import { migration0003 } from '../../../electron/backend/db/migrations/0003_staff_core.ts';
import { APPLICATION_ID } from '../../../electron/backend/workbook/file.ts';
import { createLocalClient } from '../../../electron/backend/local-client.ts';
import { departmentWithBudget } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

/** A department workbook as the version before the exchange migration wrote it: schema version 3, no key. */
function workbookBeforeExchange(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of [migration0001, migration0002, migration0003]) db.exec(m.sql);
  db.pragma('user_version = 3');
  const now = new Date().toISOString();
  db.prepare("INSERT INTO workbook_meta VALUES (1, 'oud-1', 'department', 'Gemeente Voorbeeld', 'OR', 'Openbare Ruimte', 2027, 'A. Hoofd', ?, '0.0.9', ?)").run(now, now);
  db.prepare("INSERT INTO cost_centre (code, name, taakveld, active, created_at, updated_at) VALUES ('OR01', 'Beheer', NULL, 1, ?, ?)").run(now, now);
  db.close();
}

describe('department keys', () => {
  it('are made on first use in a workbook created before the exchange existed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.werkboek');
    workbookBeforeExchange(file);
    const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
    try {
      const info = await client.workbook.open({ path: file });
      expect(info.migratedFrom).toBe(3);
      expect(await client.exchange.keyInfo({})).toMatchObject({ key: null, usable: false });
      const result = await client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'oud.wbx') });
      expect(result.sequence).toBe(1);
      const key = await client.exchange.keyInfo({});
      expect(key).toMatchObject({ usable: true, key: { fingerprint: result.keyFingerprint } });
      expect((await client.exchange.verify({ source: { path: result.package.path! } })).valid).toBe(true);
    } finally {
      session.close();
    }
  });

  it('cannot sign on another computer; a new key can, and central must register it', async () => {
    const dir = tempDir();
    const or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, []);
    const oldKey = (await or.client.exchange.keyInfo({})).key!;
    or.session.close();
    // The same file opened by another user (another data folder, so another key vault).
    const { client, session } = createLocalClient({ dataDir: path.join(dir, 'andere-laptop') });
    try {
      await client.workbook.open({ path: or.file });
      const info = await client.exchange.keyInfo({});
      expect(info).toMatchObject({ usable: false, key: { fingerprint: oldKey.fingerprint } });
      expect(info.problem).toMatch(/andere computer/);
      await expect(client.exchange.export({ kind: 'finance-summary', period: '2027-Q1' })).rejects.toThrow(/andere computer/);
      // Exporting the public key file still works: it needs no private key.
      const keyFile = await client.exchange.publicKeyFile({});
      expect(JSON.parse(Buffer.from(keyFile.contentBase64!, 'base64').toString('utf8')).fingerprint).toBe(oldKey.fingerprint);

      const fresh = await client.exchange.rotateKey({ reason: 'Nieuwe laptop' });
      expect(fresh.fingerprint).not.toBe(oldKey.fingerprint);
      const exported = await client.exchange.export({ kind: 'finance-summary', period: '2027-Q1' });
      expect(exported.keyFingerprint).toBe(fresh.fingerprint);
      const audit = await client.workbook.audit({ table: 'exchange_key' });
      expect(audit.entries.map((e) => e.note)).toEqual(['Nieuwe ondertekensleutel: Nieuwe laptop', 'Sleutel vervangen: Nieuwe laptop', 'Ondertekensleutel van de afdeling gemaakt']);
      expect(audit.entries.map((e) => e.newJson).join()).not.toMatch(/protected|private/i);
    } finally {
      session.close();
    }
  });

  it('are not made for central workbooks, which get a delivery calendar instead', async () => {
    const dir = tempDir();
    const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
    try {
      await client.workbook.create({ path: path.join(dir, 'c.werkboek'), kind: 'central-finance', organisation: 'Gemeente Voorbeeld', fiscalYear: 2027, owner: 'Control' });
      await expect(client.exchange.keyInfo({})).rejects.toThrow(/alleen in een afdelingswerkboek/);
      expect(await client.central.periods({})).toEqual([
        { period: '2027-Q1', dueDate: '2027-04-15' },
        { period: '2027-Q2', dueDate: '2027-07-15' },
        { period: '2027-Q3', dueDate: '2027-10-15' },
        { period: '2027-Q4', dueDate: '2028-01-15' },
      ]);
    } finally {
      session.close();
    }
  });
});
