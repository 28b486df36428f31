import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import type { WerkboekClient } from '../../shared/api/index.ts';
import type { Session } from '../../electron/backend/session.ts';
import { departmentWorkbook, sample, tempDir } from '../helpers/workbook.ts';
import { fingerprint } from '../reliability/harness/fingerprint.ts';
import { fuzzRuns, fuzzSeed } from './harness.ts';

/**
 * Verifiers of whole files (a backup to restore now; the exchange area's package verifier joins with
 * one entry): mutated copies of a valid file must give a result or a typed, non-internal error, and a
 * refusal must leave the workbook exactly as it was, still open.
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
