import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDepartment } from '../../../electron/backend/consolidation/registry.ts';
import { sessionProtectors } from '../../../electron/backend/exchange/handlers.ts';
import { signingKey } from '../../../electron/backend/exchange/keys.ts';
import { signEnvelope } from '../../../electron/backend/exchange/package.ts';
import type { Envelope, UnsignedEnvelope } from '../../../shared/exchange/schema.ts';
import { centralWorkbook, departmentWithBudget, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir, writeTemp } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

/**
 * One key, one department. OR's head holds OR's private key; a package in which they claim to be
 * another department ("XX") is properly signed and would, with "trust new keys", register XX under
 * OR's key. Central must refuse it whichever way the department would be registered.
 */
describe('a key registered to one department cannot register another', () => {
  const dir = tempDir('werkboek-key-owner-');
  let or: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;
  let orPackage: Envelope;

  /** A package as OR's head could make one: OR's own package, relabelled, signed with OR's key. */
  function claimingToBe(code: string, name: string): string {
    const { privateKey } = signingKey(or.session.workbook!, sessionProtectors(or.session).all);
    const { signature: _s, ...unsigned } = structuredClone(orPackage);
    const signed = signEnvelope({ ...unsigned, department: { code, name } } as UnsignedEnvelope, privateKey);
    return writeTemp(dir, `${code}-claim.wbx`, JSON.stringify(signed, null, 2));
  }

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, DEPARTMENTS[0].ledger);
    central = await centralWorkbook(dir, 'central-finance');
    await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR.wbx') });
    orPackage = JSON.parse(fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8'));
  });
  afterAll(() => {
    or.session.close();
    central.session.close();
  });

  it('trusting new keys registers OR on its first package; the same key claiming XX is refused, naming the file and OR', async () => {
    const first = await central.client.central.import({ sources: [{ path: path.join(dir, 'OR.wbx') }], trustNew: true });
    expect(first.files[0]).toMatchObject({ outcome: 'imported', department: 'OR' });
    const auditBefore = (await central.client.workbook.audit({ limit: 1 })).total;

    const claim = claimingToBe('XX', 'Onbekende Afdeling');
    const result = await central.client.central.import({ sources: [{ path: claim }], trustNew: true });
    expect(result.files[0]).toMatchObject({ outcome: 'rejected', code: 'key-mismatch', department: 'XX' });
    expect(result.files[0].reason).toMatch(/^XX-claim\.wbx: Het pakket noemt afdeling XX \(Onbekende Afdeling\), maar is ondertekend met de sleutel van afdeling OR /);
    expect((await central.client.central.departments({})).map((d) => d.code)).toEqual(['OR']);
    expect((await central.client.workbook.audit({ limit: 1 })).total).toBe(auditBefore);
  });

  it('also when the fingerprint was confirmed by hand for XX', async () => {
    const fingerprint = (await central.client.central.departments({}))[0].fingerprint!;
    const result = await central.client.central.import({ sources: [{ path: claimingToBe('XY', 'Nog een') }], trust: [{ department: 'XY', fingerprint }] });
    expect(result.files[0]).toMatchObject({ outcome: 'rejected', code: 'key-mismatch' });
    expect((await central.client.central.departments({})).map((d) => d.code)).toEqual(['OR']);
  });

  it('registering a department with a key another one holds is refused in the registry itself, whoever calls it', async () => {
    const [registered] = await central.client.central.departments({});
    const wb = central.session.workbook!;
    expect(() => registerDepartment(wb, { code: 'XX', publicKey: orPackage.publicKey, fingerprint: registered.fingerprint!, source: 'first-import' })).toThrow(/al geregistreerd voor afdeling OR; elke afdeling heeft haar eigen sleutel/);
    await or.client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
    await expect(central.client.central.registerDepartment({ code: 'XX', key: { path: path.join(dir, 'OR.wbkey') } })).rejects.toThrow(/sleutelbestand van afdeling OR|al geregistreerd voor afdeling OR/);
    expect((await central.client.central.departments({})).map((d) => d.code)).toEqual(['OR']);
  });
});
