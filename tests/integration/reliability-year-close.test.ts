import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { sample, tempDir, writeTemp, sessionsClosedAfterEach } from '../helpers/workbook.ts';

const { workbook } = sessionsClosedAfterEach();

const line = (year: number, account: string) => ({ year, costCentre: 'OR01', account, accountName: 'Huisvesting', kind: 'lasten' as const, primitiveCents: 10_000_00 });

describe('year-end close', () => {
  it('makes a closed year read-only for budget lines, revisions and commitments, and audits close and reopen', async () => {
    const { client } = await workbook();
    const old = await client.budget.createLine(line(2026, '4300'));
    const revision = await client.budget.addRevision({ budgetLineId: old.id, date: '2026-06-01', amountCents: 500_00, reason: 'Voorjaarsnota', decisionRef: null });
    const commitment = await client.budget.addCommitment({ budgetLineId: old.id, supplier: 'Schoonmaak BV', amountCents: 2_000_00, date: '2026-03-01' });
    const current = await client.budget.createLine(line(2027, '4300'));

    expect(await client.workbook.closeYear({ year: 2026, note: 'Jaarrekening vastgesteld' })).toMatchObject([{ year: 2026, note: 'Jaarrekening vastgesteld' }]);
    const closed = { code: 'read_only', message: expect.stringContaining('Boekjaar 2026 is afgesloten') };
    await expect(client.budget.createLine(line(2026, '4500'))).rejects.toMatchObject(closed);
    await expect(client.budget.updateLine({ id: old.id, patch: { primitiveCents: 1 } })).rejects.toMatchObject(closed);
    await expect(client.budget.addRevision({ budgetLineId: old.id, date: '2026-12-01', amountCents: 1, reason: 'Te laat', decisionRef: null })).rejects.toMatchObject(closed);
    await expect(client.budget.updateRevision({ id: revision.id, patch: { amountCents: 1 } })).rejects.toMatchObject(closed);
    await expect(client.budget.deleteRevision({ id: revision.id })).rejects.toMatchObject(closed);
    await expect(client.budget.updateCommitment({ id: commitment.id, patch: { status: 'afgewikkeld' } })).rejects.toMatchObject(closed);
    await expect(client.budget.addCommitment({ budgetLineId: old.id, supplier: 'X', amountCents: 1, date: '2026-12-31' })).rejects.toMatchObject(closed);
    // Another year goes on as before.
    expect((await client.budget.updateLine({ id: current.id, patch: { primitiveCents: 1_00 } })).primitiveCents).toBe(1_00);
    expect((await client.budget.summary({ year: 2026 })).lines[0]).toMatchObject({ primitiveCents: 10_000_00, revisionsCents: 500_00, commitmentsCents: 2_000_00 });

    await expect(client.workbook.closeYear({ year: 2026 })).rejects.toMatchObject({ code: 'conflict' });
    await expect(client.workbook.reopenYear({ year: 2026, reason: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.workbook.reopenYear({ year: 2025, reason: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await client.workbook.reopenYear({ year: 2026, reason: 'Correctie accountant' })).toEqual([]);
    expect((await client.budget.updateLine({ id: old.id, patch: { primitiveCents: 9_000_00 } })).primitiveCents).toBe(9_000_00);

    const { entries } = await client.workbook.audit({ limit: 10, offset: 0, table: 'closed_year' });
    expect(entries.map((e) => e.action)).toEqual(['reopen-year', 'close-year']);
    expect(entries[0].note).toContain('Correctie accountant');
    expect(JSON.parse(entries[1].newJson!)).toMatchObject({ year: 2026, budgetLines: 1, ledgerLines: 0 });
  });

  it('rejects the rows of a closed year in an import, with line and column, and imports the others', async () => {
    const { client, file, dir } = await workbook();
    await client.budget.createLine(line(2026, '4300'));
    await client.workbook.closeYear({ year: 2026 });
    const csv = writeTemp(
      dir,
      'twee-jaren.csv',
      ['Boekjaar;Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag', '2026;30-12-2026;OR01;4300;Laat;100,00', '2027;02-01-2027;OR01;4300;Vroeg;200,00', '2026;31-12-2026;OR02;4700;Nieuw;50,00', ''].join('\n'),
    );
    const result = await client.import.commit({ kind: 'ledger', source: { path: csv } });
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { line: 2, column: 'Boekjaar', reason: 'boekjaar 2026 is afgesloten' },
      { line: 4, column: 'Boekjaar', reason: 'boekjaar 2026 is afgesloten' },
    ]);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT year, amount_cents FROM ledger_line').all()).toEqual([{ year: 2027, amount_cents: 200_00 }]);
      // No budget line was created for the closed year by the rejected row of OR02/4700.
      expect(db.prepare('SELECT count(*) AS n FROM budget_line WHERE year = 2026').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    await expect(client.import.commit({ kind: 'ledger', source: { path: csv }, strict: true })).rejects.toMatchObject({ code: 'import_rejected', message: expect.stringContaining('boekjaar 2026 is afgesloten') });
  });
});

describe('archive export', () => {
  // Buffer keeps the byte-order mark that TextDecoder would drop.
  const strFromU8 = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  function unzip(bytes: Buffer) {
    return unzipSync(new Uint8Array(bytes));
  }

  it('writes every table as Dutch-readable CSV, the audit log, the schema, the database and checksummed metadata', async () => {
    const { client, file, dir } = await workbook();
    await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
    await client.import.commit({ kind: 'ledger', source: { path: sample('grootboekmutaties-2027.csv') } });
    const target = path.join(dir, 'archief.zip');
    const result = await client.workbook.exportArchive({ path: target });
    expect(result).toMatchObject({ path: target, fileName: 'archief.zip', contentBase64: null });
    const files = unzip(fs.readFileSync(target));
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining(['LEESMIJ.txt', 'metadata.json', 'schema.sql', 'werkboek.sqlite', 'tabellen/audit_log.csv', 'tabellen/budget_line.csv', 'tabellen/ledger_line.csv', 'tabellen/closed_year.csv']),
    );

    const db = new Database(file, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    try {
      for (const table of ['budget_line', 'ledger_line', 'audit_log', 'cost_centre', 'import_batch']) {
        const text = strFromU8(files[`tabellen/${table}.csv`]);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const parsed = Papa.parse<Record<string, string>>(text.slice(1), { delimiter: ';', header: true, skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        // The archive was taken before its own audit row was written.
        expect(parsed.data.length, table).toBe(table === 'audit_log' ? count(table) - 1 : count(table));
      }
      const ledger = Papa.parse<Record<string, string>>(strFromU8(files['tabellen/ledger_line.csv']).slice(1), { delimiter: ';', header: true }).data;
      const first = db.prepare('SELECT * FROM ledger_line ORDER BY id LIMIT 1').get() as { amount_cents: number; description: string };
      expect(Number(ledger[0].amount_cents)).toBe(first.amount_cents);
      expect(ledger[0].amount_euro).toBe(`${first.amount_cents < 0 ? '-' : ''}${Math.floor(Math.abs(first.amount_cents) / 100)},${String(Math.abs(first.amount_cents) % 100).padStart(2, '0')}`);
      expect(ledger[0].description).toBe(first.description);

      const metadata = JSON.parse(strFromU8(files['metadata.json'])) as { format: string; schemaVersion: number; workbook: { department_code: string }; files: Array<{ name: string; sha256: string; rows?: number }> };
      expect(metadata).toMatchObject({ format: 'werkboek-archief', workbook: { department_code: 'OR' } });
      for (const entry of metadata.files) {
        expect(crypto.createHash('sha256').update(files[entry.name]).digest('hex'), entry.name).toBe(entry.sha256);
      }
      const copy = path.join(tempDir(), 'copy.sqlite');
      fs.writeFileSync(copy, files['werkboek.sqlite']);
      const archived = new Database(copy, { readonly: true });
      expect(archived.prepare('SELECT count(*) AS n FROM ledger_line').get()).toEqual({ n: count('ledger_line') });
      archived.close();
      expect(strFromU8(files['schema.sql'])).toContain('CREATE TABLE ledger_line');
      expect(strFromU8(files['LEESMIJ.txt'])).toMatch(/ledger_line \(\d+ regels\)/);
    } finally {
      db.close();
    }
    const audit = await client.workbook.audit({ limit: 1, offset: 0 });
    expect(audit.entries[0]).toMatchObject({ action: 'export', note: expect.stringContaining('Archiefexport') });

    await expect(client.workbook.exportArchive({ path: path.join(dir, 'notities.txt') })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('.zip') });
    // Without a path (the browser preview) the same ZIP comes back as base64.
    const inline = await client.workbook.exportArchive({});
    expect(inline.path).toBeNull();
    expect(Object.keys(unzip(Buffer.from(inline.contentBase64!, 'base64')))).toContain('tabellen/ledger_line.csv');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('writes the archive from the command line, and refuses to overwrite', async () => {
    const { session, file, dir } = await workbook();
    session.close();
    const out = path.join(dir, 'uit.zip');
    const made = werkboek(['archive', file, '--out', out, '--json']);
    expect(made.status, made.stderr).toBe(0);
    expect(made.json<{ tables: Array<{ name: string }> }>().tables.map((t) => t.name)).toContain('audit_log');
    expect(werkboek(['archive', file, '--out', out]).status).toBe(2);
  });
});
