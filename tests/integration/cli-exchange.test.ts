import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { sample, tempDir } from '../helpers/workbook.ts';

/** The commands HR and finance staff script against: names, flags, JSON keys and exit codes are a public contract. */
describe('werkboek export, key, verify and central …', () => {
  const dir = tempDir('werkboek-cli-exchange-');
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const inbox = path.join(dir, 'inbox');
  const or = path.join(dir, 'or.werkboek');
  const central = path.join(dir, 'control.werkboek');

  it('exports a finance package with its XLSX and the department’s key file', () => {
    expect(werkboek(['create', or, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    expect(werkboek(['import', or, '--kind', 'budget', sample('begroting-2027.csv')], env).status).toBe(0);
    expect(werkboek(['import', or, '--kind', 'ledger', sample('grootboekmutaties-2027.csv')], env).status).toBe(0);
    const exported = werkboek(['export', or, '--kind', 'finance', '--period', '2027-Q2', '--out', path.join(inbox, 'or-q2.wbx'), '--xlsx', path.join(dir, 'or-q2.xlsx'), '--json'], env);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.json()).toMatchObject({ kind: 'finance-summary', period: '2027-Q2', sequence: 1, package: { path: path.join(inbox, 'or-q2.wbx') }, xlsx: { path: path.join(dir, 'or-q2.xlsx') } });
    expect(fs.existsSync(path.join(dir, 'or-q2.xlsx'))).toBe(true);
    const report = werkboek(['report', or, '--period', '2027-Q2', '--json'], env).json<{ budget: { actualCents: number } }>();
    const pkg = JSON.parse(fs.readFileSync(path.join(inbox, 'or-q2.wbx'), 'utf8'));
    const actual = pkg.payload.lines.reduce((s: number, l: { actualCents: number }) => s + l.actualCents, 0);
    expect(actual).toBe(report.budget.actualCents);

    const key = werkboek(['key', or, '--out', path.join(dir, 'or.wbkey'), '--json'], env);
    expect(key.status).toBe(0);
    expect(key.json()).toMatchObject({ file: path.join(dir, 'or.wbkey'), fingerprint: exported.json<{ keyFingerprint: string }>().keyFingerprint });
  });

  it('verify says valid or not, and why, with exit 0 or 1', () => {
    const good = werkboek(['verify', path.join(inbox, 'or-q2.wbx'), '--json'], env);
    expect(good.status).toBe(0);
    expect(good.json()).toMatchObject({ valid: true, reason: null, department: 'OR', period: '2027-Q2', sequence: 1 });
    const tampered = JSON.parse(fs.readFileSync(path.join(inbox, 'or-q2.wbx'), 'utf8'));
    tampered.payload.lines[0].currentCents += 1;
    fs.writeFileSync(path.join(dir, 'tampered.wbx'), JSON.stringify(tampered));
    const bad = werkboek(['verify', path.join(dir, 'tampered.wbx'), '--json'], env);
    expect(bad.status).toBe(1);
    expect(bad.json()).toMatchObject({ valid: false, code: 'hash' });
    expect(bad.json<{ reason: string }>().reason).toMatch(/tampered\.wbx: handtekening klopt niet/);
    expect(bad.json<{ detail: string }>().detail).toMatch(/controlewaarde \(payloadSha256\)/);
    const human = werkboek(['verify', path.join(dir, 'tampered.wbx')], env);
    expect(human.stderr).toMatch(/^Ongeldig: .*handtekening klopt niet.*\n  De inhoud past niet bij de controlewaarde/);
  });

  it('creates a central finance workbook, registers the department and imports a folder', () => {
    const created = werkboek(['central', 'create', central, '--kind', 'finance', '--org', 'Gemeente Voorbeeld', '--year', '2027', '--json'], env);
    expect(created.status).toBe(0);
    expect(created.json()).toMatchObject({ kind: 'central-finance', organisation: 'Gemeente Voorbeeld', periods: [{ period: '2027-Q1' }, { period: '2027-Q2' }, { period: '2027-Q3' }, { period: '2027-Q4' }] });
    const registered = werkboek(['central', 'register', central, '--department', 'OR', '--key', path.join(dir, 'or.wbkey'), '--json'], env);
    expect(registered.status).toBe(0);
    expect(registered.json()).toMatchObject({ code: 'OR', name: 'Openbare Ruimte', keySource: 'key-file' });

    const imported = werkboek(['central', 'import', central, inbox, '--json'], env);
    expect(imported.status).toBe(0);
    expect(imported.json()).toEqual({
      files: [expect.objectContaining({ file: path.join(inbox, 'or-q2.wbx'), outcome: 'imported', reason: expect.any(String) })],
      counts: { imported: 1, duplicate: 0, superseding: 0, stale: 0, rejected: 0 },
    });
    const again = werkboek(['central', 'import', central, path.join(inbox, 'or-q2.wbx'), '--json'], env);
    expect(again.status).toBe(0);
    expect(again.json<{ files: Array<{ outcome: string }> }>().files[0].outcome).toBe('duplicate');
  });

  it('exits 1 when any file is rejected, still importing the rest and reporting each file', () => {
    expect(werkboek(['export', or, '--kind', 'finance', '--period', '2027-Q2', '--out', path.join(dir, 'or-q2-v2.wbx')], env).status).toBe(0);
    const result = werkboek(['central', 'import', central, path.join(dir, 'tampered.wbx'), path.join(dir, 'or-q2-v2.wbx'), '--json'], env);
    expect(result.status).toBe(1);
    const files = result.json<{ files: Array<{ file: string; outcome: string; reason: string }> }>().files;
    expect(files.map((f) => [path.basename(f.file), f.outcome])).toEqual([
      ['tampered.wbx', 'rejected'],
      ['or-q2-v2.wbx', 'superseding'],
    ]);
  });

  it('reports completeness and the consolidated totals, and exports the XLSX', () => {
    const report = werkboek(['central', 'report', central, '--period', '2027-Q2', '--as-of', '2027-07-01', '--json'], env);
    expect(report.status).toBe(0);
    const json = report.json<{ completeness: Record<string, unknown>; finance: Record<string, number> }>();
    expect(json.completeness).toMatchObject({ expected: 1, superseded: 1, missing: 0, departments: [expect.objectContaining({ department: 'OR', status: 'superseded', sequence: 2 })] });
    const department = werkboek(['report', or, '--period', '2027-Q2', '--json'], env).json<{ budget: Record<string, number> }>();
    expect(json.finance.actualCents).toBe(department.budget.actualCents);
    expect(json.finance.currentCents).toBe(department.budget.currentCents);
    expect(json.finance.forecastCents).toBe(department.budget.forecastCents);

    const out = path.join(dir, 'consolidatie.xlsx');
    const exported = werkboek(['central', 'export', central, '--period', '2027-Q2', '--xlsx', out], env);
    expect(exported.status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it('trusts an unknown department only with --trust-new, and says so', () => {
    const bz = path.join(dir, 'bz.werkboek');
    expect(werkboek(['create', bz, '--org', 'Gemeente Voorbeeld', '--department', 'BZ', '--name', 'Burgerzaken', '--year', '2027', '--cost-centres', 'BZ01,BZ02,BZ03'], env).status).toBe(0);
    expect(werkboek(['import', bz, '--kind', 'budget', sample('begroting-2027.csv')], env).status).toBe(0);
    expect(werkboek(['export', bz, '--kind', 'finance', '--period', '2027-Q2', '--out', path.join(dir, 'bz.wbx')], env).status).toBe(0);
    const refused = werkboek(['central', 'import', central, path.join(dir, 'bz.wbx'), '--json'], env);
    expect(refused.status).toBe(1);
    expect(refused.json<{ files: Array<{ outcome: string; reason: string }> }>().files[0]).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/niet geregistreerd/) });
    const trusted = werkboek(['central', 'import', central, path.join(dir, 'bz.wbx'), '--trust-new', '--json'], env);
    expect(trusted.status).toBe(0);
    expect(trusted.stderr).toMatch(/Let op: sleutel van BZ vertrouwd/);
  });

  it('refuses wrong usage with exit 2', () => {
    expect(werkboek(['export', or, '--kind', 'salaris', '--period', '2027-Q2', '--out', 'x.wbx'], env).status).toBe(2);
    expect(werkboek(['central', 'import', central], env).status).toBe(2);
    expect(werkboek(['central', 'create', path.join(dir, 'x.werkboek'), '--kind', 'finance'], env).status).toBe(2);
  });
});
