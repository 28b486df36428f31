import fc from 'fast-check';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import type { WerkboekClient } from '../../shared/api/index.ts';
import { canonicalJson } from '../../shared/exchange/canonical.ts';
import { envelopeSchema } from '../../shared/exchange/schema.ts';
import { IMPORT_OUTCOMES, type ImportFileResult, type VerifyCode } from '../../shared/exchange/types.ts';
import type { Session } from '../../electron/backend/session.ts';
import { protectorsFor } from '../../electron/backend/exchange/key-protector.ts';
import { signingKey } from '../../electron/backend/exchange/keys.ts';
import { verifyPackageBytes } from '../../electron/backend/exchange/package.ts';
import { centralWorkbook, expectCentralPackageWhole, sampleDepartment, type DepartmentHandle } from '../helpers/exchange.ts';
import { departmentWorkbook, sample, tempDir } from '../helpers/workbook.ts';
import { seededRandom } from '../reliability/harness/child.ts';
import { fingerprint } from '../reliability/harness/fingerprint.ts';
import { fuzzRuns, fuzzSeed } from './harness.ts';

const VERIFY_CODES: VerifyCode[] = ['unreadable', 'not-json', 'not-a-package', 'format-too-new', 'schema', 'hash', 'signature'];

/**
 * Verifiers of whole files: mutated copies of a valid file must give a result or a typed, non-internal
 * error, and a refusal must leave the workbook exactly as it was, still open. The package verifier
 * (below) answers with a verdict instead of an error, so it has its own properties.
 */
export interface FileVerifierTarget {
  name: string;
  runs: number;
  /** A valid file for this verifier, made in the given workbook. */
  valid(client: WerkboekClient, dir: string): Promise<Buffer>;
  /** Hands the bytes to the verifier through the API. */
  verify(client: WerkboekClient, file: string): Promise<unknown>;
  /** Checks after an accepted input. */
  accepted?(client: WerkboekClient, session: Session): Promise<void>;
}

const TARGETS: FileVerifierTarget[] = [
  {
    name: 'restoring a backup',
    runs: 500,
    async valid(client) {
      await client.import.commit({ kind: 'budget', source: { path: sample('begroting-2027.csv') } });
      const backup = await client.workbook.backup({});
      return fs.readFileSync(backup.path);
    },
    verify: (client, file) => client.workbook.restoreBackup({ path: file }),
    async accepted(client, session) {
      expect(session.workbook!.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await client.workbook.info({}))!.readOnly).toBe(false);
    },
  },
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('header' as const), at: fc.nat({ max: 99 }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), value: fc.constant(0) }),
  fc.record({ kind: fc.constant('zero-page' as const), at: fc.nat(), value: fc.constant(0) }),
);

function mutate(valid: Buffer, list: Array<{ kind: string; at: number; value: number }>): Buffer {
  let bytes = Buffer.from(valid);
  for (const m of list) {
    const at = m.at % Math.max(1, bytes.length);
    if (m.kind === 'flip' || m.kind === 'header') bytes[at] = m.value;
    else if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (m.kind === 'zero-page') bytes.fill(0, at - (at % 4096), Math.min(bytes.length, at - (at % 4096) + 4096));
  }
  return bytes;
}

for (const target of TARGETS) {
  describe(`fuzzing ${target.name}`, () => {
    let wb: Awaited<ReturnType<typeof departmentWorkbook>>;
    let valid: Buffer;
    const dir = tempDir();
    beforeAll(async () => {
      wb = await departmentWorkbook();
      valid = await target.valid(wb.client, dir);
    });
    afterAll(() => wb.session.close());

    it(`gives a result or a clean refusal for ${target.runs} damaged files, and a refusal changes nothing`, async () => {
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (list) => {
          const file = path.join(dir, `invoer-${refused + accepted}.werkboek`);
          fs.writeFileSync(file, mutate(valid, list));
          const before = fingerprint(wb.session.workbook!.sqlite);
          try {
            await target.verify(wb.client, file);
            accepted += 1;
            await target.accepted?.(wb.client, wb.session);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(ApiError);
            expect((error as ApiError).code, (error as ApiError).message).not.toBe('internal');
            expect((error as ApiError).message).toContain(path.basename(file));
            expect(wb.session.workbook, 'the workbook was closed by a refusal').not.toBeNull();
            expect(fingerprint(wb.session.workbook!.sqlite)).toEqual(before);
            refused += 1;
          } finally {
            fs.rmSync(file, { force: true });
          }
        }),
        { numRuns: fuzzRuns(target.runs), seed: fuzzSeed() },
      );
      expect(refused).toBeGreaterThan(0);
    });
  });
}

// ── The package verifier (.wbx) ────────────────────────────────────────────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Values a hand-edited or hostile package might hold; RAW ones are written into the text as they are (1e400 is no JS value). */
const VALUES: Array<{ json: Json } | { raw: string }> = [
  { raw: '1e400' },
  { raw: '-1e400' },
  { raw: '12345678901234567890' },
  { raw: '9007199254740993' },
  { raw: '-0' },
  { raw: '1E2' },
  { raw: '0.1' },
  { json: 1.5 },
  { json: -1 },
  { json: 0 },
  { json: 2 ** 31 },
  { json: 1e15 + 1 },
  { json: '' },
  { json: 'x' },
  { json: 'a'.repeat(5000) },
  { json: '\u0000\ud800' },
  { json: '2027-02-30' },
  { json: '2027-Q5' },
  { json: '2027-Q3' },
  { json: 'OR' },
  { json: 'or' },
  { json: 'BZ' },
  { json: 'gemeente voorbeeld ' },
  { json: 'Gemeente Elders' },
  { json: 'finance-summary' },
  { json: 'hr-summary' },
  { json: 'werkboek-wbx' },
  { json: null },
  { json: true },
  { json: [] },
  { json: {} },
  { json: [1, 'a'] },
  { json: { naam: 'Jan de Vries' } },
  // Nesting that a package never has: far too deep for code that recurses per level, and just too deep.
  { raw: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
  { raw: `${'['.repeat(30)}${']'.repeat(30)}` },
];

/** Deepest nesting of objects and arrays in JSON text, brackets in strings not counted (independent of the verifier's scan). */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, (depth += 1));
    else if (c === '}' || c === ']') depth -= 1;
  }
  return deepest;
}
/** Werkboek refuses a package nested deeper than this before parsing it (MAX_PACKAGE_DEPTH). */
const TOO_DEEP = 32;
/** Changes to the sequence against the current one of the central workbook: older (a number never sent: stale; one sent: a conflict), equal or newer. Steps leave gaps. */
const SEQUENCE_STEPS = [-5, -3, -1, 0, 3, 5];

/** Header fields with values that test one check each: the format marker and the format version. */
const FORMATS: Json[] = ['werkboek-wbx ', 'WERKBOEK-WBX', 'werkboek-wbx2', '', null, 1];
const VERSIONS: Json[] = [2, 3, 99, 0, -1, 1.5, '1'];

type Main =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'tweak'; at: number }
  | { kind: 'format'; value: number }
  | { kind: 'version'; value: number }
  | { kind: 'sequence'; value: number }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: number }
  | { kind: 'duplicate-key'; at: number; value: number }
  | { kind: 'non-utf8'; at: number; bytes: readonly number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'none' };

interface PackageCase {
  base: 'finance' | 'hr';
  main: Main;
  /** Shuffle every object's keys: the canonical bytes stay the same. */
  reorder: boolean;
  resign: 'no' | 'department' | 'stranger';
  layout: 'indented' | 'compact' | 'bom' | 'crlf';
  seed: number;
}

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 3).forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

function getAt(value: Json, path: Path): Json {
  return path.reduce<Json>((v, key) => (v as Record<string, Json>)[key as string], value);
}

function setAt(root: Json, path: Path, value: Json | undefined): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string, Json> | Json[];
  const key = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else (parent as Record<string, Json>)[key as string] = value;
}

function shuffled(value: Json, random: () => number): Json {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, shuffled(v, random)] as const);
  for (let i = entries.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries);
}

const packageCase: fc.Arbitrary<PackageCase> = fc.record({
  base: fc.constantFrom('finance' as const, 'hr' as const),
  main: fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.nat({ max: VALUES.length - 1 }) }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('tweak' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('format' as const), value: fc.nat({ max: FORMATS.length - 1 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('version' as const), value: fc.nat({ max: VERSIONS.length - 1 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('sequence' as const), value: fc.nat({ max: SEQUENCE_STEPS.length - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom('naam', 'employee', '__proto__', 'constructor', 'Kind', 'kind '), value: fc.nat({ max: VALUES.length - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), at: fc.nat(), value: fc.nat({ max: VALUES.length - 1 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('non-utf8' as const),
        at: fc.nat(),
        bytes: fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe9], [0xf8, 0x88, 0x80, 0x80, 0x80]),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  ),
  reorder: fc.boolean(),
  resign: fc.constantFrom('no' as const, 'no' as const, 'department' as const, 'department' as const, 'stranger' as const),
  layout: fc.constantFrom('indented' as const, 'compact' as const, 'bom' as const, 'crlf' as const),
  seed: fc.nat(),
});

describe('fuzzing the package verifier and the central import', () => {
  const dir = tempDir('werkboek-fuzz-wbx-');
  let department: DepartmentHandle;
  let privateKey: crypto.KeyObject;
  const stranger = crypto.generateKeyPairSync('ed25519').privateKey;
  const centrals = {} as Record<'finance' | 'hr', Awaited<ReturnType<typeof centralWorkbook>>>;
  const valid = {} as Record<'finance' | 'hr', { text: string; envelope: Json }>;

  beforeAll(async () => {
    department = await sampleDepartment(dir, 'OR', 'Openbare Ruimte');
    privateKey = signingKey(department.session.workbook!, protectorsFor({ dataDir: department.dataDir }).all).privateKey;
    await department.client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
    for (const [base, kind] of [
      ['finance', 'finance-summary'],
      ['hr', 'hr-summary'],
    ] as const) {
      const exported = await department.client.exchange.export({ kind, period: '2027-Q2', path: path.join(dir, `OR-${base}.wbx`) });
      const text = fs.readFileSync(exported.package.path!, 'utf8');
      valid[base] = { text, envelope: JSON.parse(text) as Json };
      centrals[base] = await centralWorkbook(dir, base === 'finance' ? 'central-finance' : 'central-hr');
      await centrals[base].client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') } });
      const first = await centrals[base].client.central.import({ sources: [{ path: exported.package.path! }] });
      expect(first.files[0].outcome).toBe('imported');
    }
  }, 120_000);
  afterAll(() => {
    department?.session.close();
    for (const c of Object.values(centrals)) c.session.close();
  });

  /** Re-signs the envelope in `text` (as parsed) with `key`, replacing only the three signed strings. */
  function resign(text: string, key: crypto.KeyObject): string | null {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text) as Record<string, unknown>;
      canonicalJson(value);
    } catch {
      return null; // e.g. 1e400 (Infinity) has no canonical form: nobody can sign it
    }
    if (typeof value !== 'object' || value === null || value.payload === undefined || typeof value.publicKey !== 'string' || typeof value.payloadSha256 !== 'string' || typeof value.signature !== 'string') return null;
    const publicKey = Buffer.from(crypto.createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url').toString('base64');
    const hash = crypto.createHash('sha256').update(canonicalJson(value.payload)).digest('hex');
    const { signature: _old, ...unsigned } = { ...value, publicKey, payloadSha256: hash } as Record<string, unknown>;
    const signature = crypto.sign(null, Buffer.from(canonicalJson(unsigned)), key).toString('base64');
    const replace = (s: string, from: unknown, to: string) => (s.includes(JSON.stringify(from)) ? s.replace(JSON.stringify(from), JSON.stringify(to)) : null);
    const a = replace(text, value.publicKey, publicKey);
    const b = a && replace(a, value.payloadSha256, hash);
    return b && replace(b, value.signature, signature);
  }

  /** Builds the bytes of one case, and says what the verifier must answer where that is certain. */
  function build(c: PackageCase): { bytes: Buffer; expect: { code: VerifyCode | 'valid'; mentions?: string } | null; signedBy: 'department' | 'stranger' | null; changed: boolean } {
    const random = seededRandom(c.seed + 1);
    const original = valid[c.base].envelope;
    let envelope = structuredClone(original);
    const paths = pathsOf(envelope).filter((p) => p.length > 0);
    const raws: string[] = [];
    const useValue = (index: number): Json => {
      const v = VALUES[index];
      if ('json' in v) return structuredClone(v.json);
      raws.push(v.raw);
      return `\u0000RAW${raws.length - 1}\u0000`;
    };
    let duplicate: { key: string; value: Json; object: Path } | null = null;
    let mutatedPath: Path | null = null;
    const m = c.main;
    if (m.kind === 'set') {
      mutatedPath = paths[m.at % paths.length];
      setAt(envelope, mutatedPath, useValue(m.value));
    } else if (m.kind === 'tweak') {
      // A plausible edit of one value, keeping its type: an amount one cent more, a text changed, a flag flipped.
      const leaves = paths.filter((p) => { const v = getAt(envelope, p); return v === null || typeof v !== 'object'; });
      mutatedPath = leaves[m.at % leaves.length];
      const old = getAt(envelope, mutatedPath);
      setAt(envelope, mutatedPath, typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : typeof old === 'string' ? `${old}x` : 0);
    } else if (m.kind === 'format') {
      mutatedPath = ['format'];
      setAt(envelope, mutatedPath, FORMATS[m.value]);
    } else if (m.kind === 'version') {
      mutatedPath = ['formatVersion'];
      setAt(envelope, mutatedPath, VERSIONS[m.value]);
    } else if (m.kind === 'sequence') {
      mutatedPath = ['sequence'];
      const current = db(c.base).prepare("SELECT max(sequence) AS n FROM central_package WHERE status = 'current' AND department_code = 'OR' AND period = '2027-Q2'").get() as { n: number };
      setAt(envelope, mutatedPath, current.n + SEQUENCE_STEPS[m.value]);
    } else if (m.kind === 'delete') {
      mutatedPath = paths[m.at % paths.length];
      setAt(envelope, mutatedPath, undefined);
    } else if (m.kind === 'add') {
      const objects = [[], ...paths].filter((p) => { const v = getAt(envelope, p); return v !== null && typeof v === 'object' && !Array.isArray(v); });
      mutatedPath = objects[m.at % objects.length];
      const target = getAt(envelope, mutatedPath) as Record<string, Json>;
      Object.defineProperty(target, m.key, { value: useValue(m.value), enumerable: true, configurable: true, writable: true });
    } else if (m.kind === 'duplicate-key') {
      const members = paths.filter((p) => typeof p[p.length - 1] === 'string');
      const member = members[m.at % members.length];
      duplicate = { key: member[member.length - 1] as string, value: useValue(m.value), object: member.slice(0, -1) };
    }
    if (c.reorder) envelope = shuffled(envelope, random);
    if (duplicate) {
      // An earlier member of the same name: JSON.parse keeps the last one, other parsers the first.
      const object = getAt(envelope, duplicate.object) as Record<string, Json>;
      const entries = Object.entries(object);
      for (const key of Object.keys(object)) delete object[key];
      object['\u0000DUP\u0000'] = duplicate.value;
      for (const [k, v] of entries) object[k] = v;
    }
    let text = c.layout === 'compact' ? JSON.stringify(envelope) : `${JSON.stringify(envelope, null, 2)}\n`;
    if (duplicate) text = text.replace(JSON.stringify('\u0000DUP\u0000'), JSON.stringify(duplicate.key));
    raws.forEach((raw, i) => (text = text.replace(JSON.stringify(`\u0000RAW${i}\u0000`), raw)));
    if (c.layout === 'crlf') text = text.replace(/\n/g, '\r\n');
    let signedBy: 'department' | 'stranger' | null = null;
    const canResign = mutatedPath === null || !['publicKey', 'payloadSha256', 'signature'].includes(String(mutatedPath[0]));
    if (c.resign !== 'no' && canResign && m.kind !== 'non-utf8' && m.kind !== 'truncate') {
      const signed = resign(text, c.resign === 'department' ? privateKey : stranger);
      if (signed) {
        text = signed;
        signedBy = c.resign;
      }
    }
    let bytes = Buffer.from(text, 'utf8');
    if (c.layout === 'bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);

    if (m.kind === 'non-utf8') {
      // Inside a string value, where a text editor saving in Latin-1 would put it.
      const quotes = [...text.matchAll(/": "[^"\\]{3,}/g)].map((x) => x.index! + 4);
      const at = Buffer.byteLength(text.slice(0, quotes[m.at % quotes.length]), 'utf8') + (c.layout === 'bom' ? 3 : 0);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
      return { bytes, expect: { code: 'not-json', mentions: 'UTF-8' }, signedBy: null, changed: true };
    }
    if (m.kind === 'truncate') {
      const end = bytes.length - (text.length - text.trimEnd().length);
      const at = m.at % end;
      const deep = at > 0 && nesting(bytes.subarray(0, at).toString('utf8')) > TOO_DEEP;
      return { bytes: bytes.subarray(0, at), expect: deep ? { code: 'not-a-package', mentions: 'niveaus diep' } : { code: 'not-json', mentions: at === 0 ? 'leeg' : 'afgekapt' }, signedBy: null, changed: true };
    }
    if (nesting(text) > TOO_DEEP) return { bytes, expect: { code: 'not-a-package', mentions: 'niveaus diep' }, signedBy: null, changed: true };
    if (duplicate) return { bytes, expect: { code: 'not-json', mentions: `"${duplicate.key}"` }, signedBy: null, changed: true };

    // What the format says (docs/exchange-format.md §7, steps 1–6), decided on the value as read.
    let value: Json;
    try {
      value = JSON.parse(text) as Json;
    } catch {
      return { bytes, expect: null, signedBy, changed: true };
    }
    const changed = true; // until the schema holds, the value may have no canonical form (1e400)
    const record = value as Record<string, Json>;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || record.format !== 'werkboek-wbx') return { bytes, expect: { code: 'not-a-package' }, signedBy, changed };
    if (typeof record.formatVersion !== 'number' || !Number.isInteger(record.formatVersion) || record.formatVersion < 1) return { bytes, expect: { code: 'schema', mentions: 'formaatversie' }, signedBy, changed };
    if (record.formatVersion > 1) return { bytes, expect: { code: 'format-too-new' }, signedBy, changed };
    const schema = envelopeSchema.safeParse(value);
    if (!schema.success) {
      const first = schema.error.issues[0].path;
      return { bytes, expect: { code: 'schema', mentions: first.length > 0 ? first.join('.') : '(pakket)' }, signedBy, changed };
    }
    const same = canonicalJson(value) === canonicalJson(original);
    if (signedBy) return { bytes, expect: { code: 'valid' }, signedBy, changed: !same };
    const originalRecord = original as Record<string, Json>;
    if (canonicalJson(record.payload) !== canonicalJson(originalRecord.payload)) return { bytes, expect: { code: 'hash' }, signedBy, changed: true };
    return { bytes, expect: { code: same ? 'valid' : 'signature' }, signedBy: same ? 'department' : null, changed: !same };
  }

  const db = (base: 'finance' | 'hr') => centrals[base].session.workbook!.sqlite;

  /** One input through `verifyPackageBytes` and through a central import: only the five outcomes, the same verdict, and nothing written on a refusal. */
  async function check(base: 'finance' | 'hr', bytes: Buffer): Promise<{ verdict: ReturnType<typeof verifyPackageBytes>; outcome: ImportFileResult }> {
    const name = 'fuzz.wbx';
    const verdict = verifyPackageBytes(bytes, name);
    if (!verdict.ok) {
      expect(VERIFY_CODES).toContain(verdict.code);
      expect(verdict.reason.startsWith(`${name}: `), verdict.reason).toBe(true);
    }
    const before = fingerprint(db(base));
    const result = await centrals[base].client.central.import({ sources: [{ name, contentBase64: bytes.toString('base64') }] });
    expect(result.files).toHaveLength(1);
    const outcome = result.files[0];
    expect(IMPORT_OUTCOMES).toContain(outcome.outcome);
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(1);
    if (!verdict.ok) expect({ outcome: outcome.outcome, code: outcome.code, reason: outcome.reason }).toEqual({ outcome: 'rejected', code: verdict.code, reason: verdict.reason });
    else expect(VERIFY_CODES).not.toContain(outcome.code);
    if (outcome.outcome === 'imported' || outcome.outcome === 'superseding') {
      expect(verdict.ok).toBe(true);
      expectCentralPackageWhole(db(base), outcome.packageId!);
    } else {
      expect(fingerprint(db(base)), `${outcome.outcome} (${outcome.reason}) but the central workbook changed`).toEqual(before);
      if (outcome.outcome === 'rejected' || outcome.outcome === 'stale') expect(outcome.reason, outcome.reason).toContain(name);
    }
    return { verdict, outcome };
  }

  it('answers 700 changed, re-signed, re-ordered and damaged packages precisely, and writes only whole valid ones', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(packageCase, async (c) => {
        const built = build(c);
        const { verdict, outcome } = await check(c.base, built.bytes);
        const key = verdict.ok ? outcome.outcome : verdict.code;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (built.expect === null) return;
        if (built.expect.code === 'valid') {
          expect(verdict.ok, verdict.ok ? '' : verdict.reason).toBe(true);
          if (built.signedBy === 'stranger') expect(outcome).toMatchObject({ outcome: 'rejected' });
          if (built.signedBy === 'department' && !built.changed) expect(outcome.outcome).toBe('duplicate');
        } else {
          expect(verdict.ok ? 'valid' : verdict.code, verdict.ok ? 'accepted' : verdict.reason).toBe(built.expect.code);
          // The finding is in the reason's plain words or in its technical detail.
          if (built.expect.mentions && !verdict.ok) expect(`${verdict.reason} ${verdict.detail ?? ''}`).toContain(built.expect.mentions);
        }
      }),
      { numRuns: fuzzRuns(700), seed: fuzzSeed() },
    );
    console.info(`package verifier: ${[...seen].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    // Every verdict the verifier has, and accepted packages of each kind of central outcome, did occur.
    for (const key of ['not-json', 'not-a-package', 'format-too-new', 'schema', 'hash', 'signature', 'duplicate', 'superseding', 'stale', 'rejected']) expect(seen.get(key) ?? 0, `${key}: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
  });

  it('gives one of the five outcomes for 400 packages with random bytes changed, and writes nothing for a refused one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('finance' as const, 'hr' as const), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (base, list) => {
        await check(base, mutate(Buffer.from(valid[base].text, 'utf8'), list));
      }),
      { numRuns: fuzzRuns(400), seed: fuzzSeed() },
    );
  });
});
