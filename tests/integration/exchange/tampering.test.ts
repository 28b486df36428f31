import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionProtectors } from '../../../electron/backend/exchange/handlers.ts';
import { signingKey } from '../../../electron/backend/exchange/keys.ts';
import { signEnvelope } from '../../../electron/backend/exchange/package.ts';
import { canonicalJson } from '../../../shared/exchange/canonical.ts';
import type { UnsignedEnvelope } from '../../../shared/exchange/schema.ts';
import { centralWorkbook, departmentWithBudget, type DepartmentHandle } from '../../helpers/exchange.ts';
import { tempDir, writeTemp } from '../../helpers/workbook.ts';
import { DEPARTMENTS } from './fixtures.ts';

type Json = Record<string, any>;

const sha256 = (value: unknown) => crypto.createHash('sha256').update(canonicalJson(value)).digest('hex');

/** Signs like a department would, with a key of the attacker's choosing. */
function signWith(envelope: Json, privateKey: crypto.KeyObject): Json {
  const { signature: _s, ...unsigned } = envelope;
  const publicKey = Buffer.from(crypto.createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const withKey = { ...unsigned, publicKey, payloadSha256: sha256(unsigned.payload) };
  return { ...withKey, signature: crypto.sign(null, Buffer.from(canonicalJson(withKey)), privateKey).toString('base64') };
}

describe('a central workbook refuses every kind of tampering and writes nothing for it', () => {
  const dir = tempDir('werkboek-tamper-');
  let or: DepartmentHandle;
  let bz: DepartmentHandle;
  let central: Awaited<ReturnType<typeof centralWorkbook>>;
  let original: Json;
  let other: Json;

  beforeAll(async () => {
    or = await departmentWithBudget(dir, 'OR', 'Openbare Ruimte', DEPARTMENTS[0].lines, DEPARTMENTS[0].ledger);
    bz = await departmentWithBudget(dir, 'BZ', 'Burgerzaken', DEPARTMENTS[1].lines, DEPARTMENTS[1].ledger);
    central = await centralWorkbook(dir, 'central-finance');
    for (const d of [or, bz]) {
      await d.client.exchange.publicKeyFile({ path: path.join(dir, `${d.code}.wbkey`) });
      await central.client.central.registerDepartment({ code: d.code, key: { path: path.join(dir, `${d.code}.wbkey`) } });
    }
    await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR.wbx') });
    await bz.client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'BZ.wbx') });
    original = JSON.parse(fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8'));
    other = JSON.parse(fs.readFileSync(path.join(dir, 'BZ.wbx'), 'utf8'));
  });
  afterAll(() => {
    or.session.close();
    bz.session.close();
    central.session.close();
  });

  async function importJson(name: string, value: Json | string) {
    const file = writeTemp(dir, name, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    const before = await central.client.workbook.audit({ limit: 1 });
    const result = await central.client.central.import({ sources: [{ path: file }] });
    const after = await central.client.workbook.audit({ limit: 1 });
    if (result.files[0].outcome === 'rejected') expect(after.total, 'a rejected package writes nothing').toBe(before.total);
    return result.files[0];
  }

  it('a changed amount breaks the payload hash', async () => {
    const tampered = structuredClone(original);
    tampered.payload.lines[0].actualCents += 100;
    const result = await importJson('amount.wbx', tampered);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'hash' });
    // In words for the person; the technical check is the detail, folded away in the app.
    expect(result.reason).toMatch(/^amount\.wbx: handtekening klopt niet: het pakket is na het ondertekenen gewijzigd of beschadigd\./);
    expect(result.reason).not.toMatch(/payloadSha256|sha256/i);
    expect(result.detail).toMatch(/controlewaarde \(payloadSha256\)/);
  });

  it('a changed amount with a recomputed hash breaks the signature', async () => {
    const tampered = structuredClone(original);
    tampered.payload.lines[0].actualCents += 100;
    tampered.payloadSha256 = sha256(tampered.payload);
    const result = await importJson('amount-rehashed.wbx', tampered);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'signature' });
    expect(result.reason).toBe('amount-rehashed.wbx: handtekening klopt niet: het pakket is na het ondertekenen gewijzigd, of de handtekening hoort niet bij de sleutel van de afdeling. Vraag de afdeling om het pakket opnieuw te maken en te sturen.');
    expect(result.detail).toMatch(/handtekening \(Ed25519, veld "signature"\) past niet/);
  });

  it('a changed department breaks the signature', async () => {
    const tampered = structuredClone(original);
    tampered.department = { code: 'BZ', name: 'Burgerzaken' };
    expect(await importJson('department.wbx', tampered)).toMatchObject({ outcome: 'rejected', code: 'signature' });
  });

  it('a swapped signature is refused', async () => {
    const tampered = structuredClone(original);
    tampered.signature = other.signature;
    expect(await importJson('swapped.wbx', tampered)).toMatchObject({ outcome: 'rejected', code: 'signature' });
  });

  it('a swapped key and signature (another department’s) is refused', async () => {
    const tampered = structuredClone(original);
    tampered.publicKey = other.publicKey;
    tampered.signature = other.signature;
    expect(await importJson('swapped-key.wbx', tampered)).toMatchObject({ outcome: 'rejected', code: 'signature' });
  });

  it('a truncated file is refused as unreadable JSON', async () => {
    const text = fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8');
    const result = await importJson('truncated.wbx', text.slice(0, Math.floor(text.length / 2)));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'not-json' });
    expect(result.reason).toBe('truncated.wbx: het bestand is geen geldige JSON; het is afgekapt of beschadigd.');
    expect(result.detail).toBeTruthy();
  });

  it('a package saved again in another encoding is refused as no UTF-8, with a Dutch reason', async () => {
    const text = fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8');
    // What an editor saving as Latin-1 does to an "é" in the explanation.
    const latin1 = Buffer.from(text.replace('Groot onderhoud', 'Groot onderhoud café'), 'latin1');
    const file = writeTemp(dir, 'latin1.wbx', latin1);
    const result = (await central.client.central.import({ sources: [{ path: file }] })).files[0];
    expect(result).toMatchObject({ outcome: 'rejected', code: 'not-json' });
    expect(result.reason).toBe(
      'latin1.wbx: het bestand is geen geldige UTF-8-tekst: het is afgekapt, beschadigd of in een andere tekencodering (bijvoorbeeld Latin-1) opnieuw opgeslagen. Een pakket is altijd UTF-8.',
    );
  });

  it('a signed package with a field written twice is refused, though JSON.parse would read the signed value', async () => {
    const text = fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8');
    // An earlier "actualCents" that a first-wins reader would show; the last one is the signed value.
    const doubled = text.replace('"actualCents": ', '"actualCents": 1, "actualCents": ');
    expect(JSON.parse(doubled)).toEqual(original);
    const result = await importJson('doubled.wbx', doubled);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'not-json', department: 'OR' });
    expect(result.reason).toMatch(/^doubled\.wbx: het pakket is met de hand of door een ander programma gewijzigd: een gegeven staat er twee keer in/);
    expect(result.detail).toMatch(/^Het veld "actualCents" staat twee keer in hetzelfde object \(payload\.lines\.0\)/);
    const verified = await or.client.exchange.verify({ source: { path: path.join(dir, 'doubled.wbx') } });
    expect(verified).toMatchObject({ valid: false, code: 'not-json' });
  });

  it('a package re-signed by someone else in the name of a registered department is refused on its key', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const forged = signWith(structuredClone(original), privateKey);
    forged.payload.lines[0].actualCents = 1;
    const resigned = signWith(forged, privateKey);
    const result = await importJson('forged.wbx', resigned);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'key-mismatch', department: 'OR' });
  });

  it('a newer format version is refused with the advice to update', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const future = signWith({ ...structuredClone(original), formatVersion: 2 }, privateKey);
    const result = await importJson('future.wbx', future);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'format-too-new' });
    expect(result.reason).toMatch(/formaatversie 2.*Werk Werkboek bij/);
  });

  it('an extra field (say, a name) makes the package invalid, even when properly signed', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const withName = structuredClone(original);
    withName.payload.lines[0].employee = 'Jan de Vries';
    const result = await importJson('extra-field.wbx', signWith(withName, privateKey));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'schema' });
    expect(result.reason).toMatch(/^extra-field\.wbx: het pakket is niet volgens het pakketformaat opgebouwd/);
    expect(result.reason).not.toMatch(/payload\./);
    expect(result.detail).toMatch(/payload\.lines\.0/);
  });

  it('a package of another organisation or of the other kind is refused', async () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const foreign = signWith({ ...structuredClone(original), organisation: 'Gemeente Elders' }, privateKey);
    expect(await importJson('foreign.wbx', foreign)).toMatchObject({ outcome: 'rejected', code: 'wrong-organisation' });
    const hr = await centralWorkbook(path.join(dir, 'hr'), 'central-hr');
    try {
      const result = await hr.client.central.import({ sources: [{ path: path.join(dir, 'OR.wbx') }] });
      expect(result.files[0]).toMatchObject({ outcome: 'rejected', code: 'wrong-kind' });
    } finally {
      hr.session.close();
    }
  });

  it('a period the department does not owe is refused', async () => {
    await central.client.central.setExpectedPeriods({ department: 'OR', periods: ['2027-Q2'] });
    try {
      const result = await central.client.central.import({ sources: [{ path: path.join(dir, 'OR.wbx') }] });
      expect(result.files[0]).toMatchObject({ outcome: 'rejected', code: 'period-not-expected' });
      expect(result.files[0].reason).toMatch(/verwacht: 2027-Q2/);
    } finally {
      await central.client.central.setExpectedPeriods({ department: 'OR', periods: ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'] });
    }
  });

  it('in one batch, imports the valid packages and reports each rejected one', async () => {
    const text = fs.readFileSync(path.join(dir, 'OR.wbx'), 'utf8');
    const broken = writeTemp(dir, 'broken.wbx', text.slice(0, 100));
    const result = await central.client.central.import({ sources: [{ path: path.join(dir, 'OR.wbx') }, { path: broken }, { path: path.join(dir, 'BZ.wbx') }, { path: path.join(dir, 'bestaat-niet.wbx') }] });
    expect(result.files.map((f) => [path.basename(f.file), f.outcome])).toEqual([
      ['OR.wbx', 'imported'],
      ['broken.wbx', 'rejected'],
      ['BZ.wbx', 'imported'],
      ['bestaat-niet.wbx', 'rejected'],
    ]);
    expect(result.files[3].reason).toMatch(/bestaat niet/);
    const packages = await central.client.central.packages({});
    expect(packages).toHaveLength(2);
  });

  it('verify (without a central workbook) says why a package is invalid', async () => {
    const good = await or.client.exchange.verify({ source: { path: path.join(dir, 'OR.wbx') } });
    expect(good).toMatchObject({ valid: true, reason: null, department: 'OR', period: '2027-Q1', sequence: 1, kind: 'finance-summary' });
    const withKey = await or.client.exchange.verify({ source: { path: path.join(dir, 'OR.wbx') }, key: { path: path.join(dir, 'BZ.wbkey') } });
    expect(withKey).toMatchObject({ valid: false, code: 'key-mismatch' });
    const tampered = structuredClone(original);
    tampered.payload.lines[0].explanation = 'Anders';
    const bad = await or.client.exchange.verify({ source: { name: 'x.wbx', contentBase64: Buffer.from(JSON.stringify(tampered)).toString('base64') } });
    expect(bad).toMatchObject({ valid: false, code: 'hash', department: 'OR' });
  });

  it('a package labelled with another period than its figures is refused, even signed with the department’s own key, and the real one stays current', async () => {
    await or.client.exchange.export({ kind: 'finance-summary', period: '2027-Q2', path: path.join(dir, 'OR-Q2.wbx') });
    expect((await central.client.central.import({ sources: [{ path: path.join(dir, 'OR-Q2.wbx') }] })).files[0].outcome).toBe('imported');
    // OR's Q1 figures (basis 2027-01-01 … 2027-03-31) relabelled as Q2 with a higher sequence: without the check it superseded the real Q2.
    const { privateKey } = signingKey(or.session.workbook!, sessionProtectors(or.session).all);
    const { signature: _s, ...unsigned } = structuredClone(original);
    const relabelled = signEnvelope({ ...unsigned, period: '2027-Q2', sequence: 9 } as UnsignedEnvelope, privateKey);
    const result = await importJson('OR-Q2-relabelled.wbx', relabelled);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'schema', period: '2027-Q2' });
    expect(result.reason).toMatch(/^OR-Q2-relabelled\.wbx: het pakket is niet volgens het pakketformaat opgebouwd/);
    expect(result.detail).toContain('Het pakket voldoet niet aan het formaat: payload.basis.periodStart: "2027-01-01" past niet bij de periode van het pakket (2027-Q2: 2027-04-01 t/m 2027-06-30); verwacht "2027-04-01"');
    expect(result.detail).toMatch(/payload\.basis\.periodEnd: "2027-03-31" .* verwacht "2027-06-30"/);
    expect(result.detail).toMatch(/payload\.basis\.actualsUntil/);
    const q2 = (await central.client.central.packages({})).filter((p) => p.department === 'OR' && p.period === '2027-Q2');
    expect(q2.map((p) => [p.sequence, p.status])).toEqual([[1, 'current']]);
  });
});
