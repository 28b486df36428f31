import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { werkboek } from '../../helpers/cli.ts';
import { centralWorkbook, departmentWithBudget, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

// A file whose check fails in a way no check foresaw (a bug, a full disk): its name says so.
vi.mock('../../../electron/backend/exchange/package.ts', async (original) => {
  const actual = await original<typeof import('../../../electron/backend/exchange/package.ts')>();
  return {
    ...actual,
    verifyPackageBytes: (bytes: Buffer, fileName: string) => {
      if (fileName.startsWith('onverwacht')) throw new Error('schijf niet leesbaar');
      return actual.verifyPackageBytes(bytes, fileName);
    },
  };
});

/** `{"a":` five thousand times: 30 KB that overflowed the stack of the member count (issue 17, item 5). */
const DEEP = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;

describe('a batch of packages where one file is hostile or breaks', () => {
  const dir = tempDir('werkboek-batch-');
  const inbox = path.join(dir, 'inbox');
  let department: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;

  beforeAll(async () => {
    fs.mkdirSync(inbox);
    const or = DEPARTMENTS[0];
    department = await departmentWithBudget(dir, or.code, or.name, or.lines, or.ledger);
    await department.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(inbox, 'b-geldig.wbx') });
    fs.writeFileSync(path.join(inbox, 'a-diep.wbx'), DEEP);
    fs.writeFileSync(path.join(inbox, 'onverwacht.wbx'), '{}');
    central = await centralWorkbook(dir, 'central-finance');
  });
  afterAll(() => {
    department.session.close();
    central.session.close();
  });

  it('refuses deeply nested JSON before parsing it, with a reason instead of "something went wrong"', async () => {
    const verdict = await central.client.exchange.verify({ source: { path: path.join(inbox, 'a-diep.wbx') } });
    expect(verdict).toMatchObject({ valid: false, code: 'not-a-package' });
    expect(verdict.reason).toContain('a-diep.wbx: dit is geen Werkboek-pakket: de gegevens zijn meer dan 32 niveaus diep in elkaar genest');
  });

  it('gives every file its own outcome: the valid package beside them is imported', async () => {
    const result = await central.client.central.import({ sources: [{ folder: inbox }], trustNew: true });
    expect(result.files.map((f) => [path.basename(f.file), f.outcome, f.code])).toEqual([
      ['a-diep.wbx', 'rejected', 'not-a-package'],
      ['b-geldig.wbx', 'imported', null],
      ['onverwacht.wbx', 'rejected', 'unreadable'],
    ]);
    expect(result.files[2].reason).toBe('onverwacht.wbx: dit bestand kon niet worden gecontroleerd door een onverwachte fout (schijf niet leesbaar). Er is niets van dit bestand opgeslagen; de andere bestanden zijn wel verwerkt.');
    expect(result.counts).toMatchObject({ imported: 1, rejected: 2 });
  });

  it('on the command line, verify names the nesting and central import imports the valid package beside the deep one', () => {
    const verify = werkboek(['verify', path.join(inbox, 'a-diep.wbx')], { WERKBOEK_DATA_DIR: path.join(dir, 'cli-data') });
    expect(verify.status).toBe(1);
    expect(verify.stdout + verify.stderr).toContain('niveaus diep in elkaar genest');
    expect(verify.stdout + verify.stderr).not.toContain('onverwachts');

    const cliInbox = path.join(dir, 'cli-inbox');
    fs.mkdirSync(cliInbox);
    fs.copyFileSync(path.join(inbox, 'a-diep.wbx'), path.join(cliInbox, 'a-diep.wbx'));
    fs.copyFileSync(path.join(inbox, 'b-geldig.wbx'), path.join(cliInbox, 'b-geldig.wbx'));
    const file = path.join(dir, 'cli-central.werkboek');
    const env = { WERKBOEK_DATA_DIR: path.join(dir, 'cli-data') };
    expect(werkboek(['central', 'create', file, '--kind', 'finance', '--org', 'Gemeente Voorbeeld', '--year', '2027'], env).status).toBe(0);
    const imported = werkboek(['central', 'import', file, cliInbox, '--trust-new', '--json'], env);
    expect(imported.status).toBe(1);
    expect(imported.json<{ files: Array<{ outcome: string }> }>().files.map((f) => f.outcome)).toEqual(['rejected', 'imported']);
  });
});
